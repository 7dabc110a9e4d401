import HTTPTypes

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves the files under a root directory: `GET` and `HEAD`, with validators and `304`s.
///
/// ```swift
/// let files = StaticFiles(root: "Public")            // /app.js is Public/app.js, / is Public/index.html
/// let assets = StaticFiles(root: "Public/assets", prefix: "/assets/",
///                          cacheability: .fresh(maxAge: 31_536_000, immutable: true))
/// ```
///
/// - `index.html` (`indexFile`) answers `/` and every directory path.
/// - `Content-Type` by extension (`text/*` with `; charset=utf-8`), a strong `ETag` from the
///   file's size, mtime and inode, `Last-Modified`, `Cache-Control` (`no-cache` by default:
///   revalidate every time, cheaply) and `X-Content-Type-Options: nosniff`.
/// - `If-None-Match` (weak comparison) answers `304`; without it, `If-Modified-Since` does.
/// - `HEAD` gets the same head and the same body value, which the connection does not send.
/// - Any other method is `405` with `Allow: GET, HEAD`.
/// - Nothing outside the root is reachable: a raw target holding `%2f`, `%5c`, `%00`, a
///   backslash or NUL, a path segment starting with `.` (`..`, `.`, dotfiles such as `.env`),
///   and a symlink whose real path leaves the root all give `404`, like a missing file.
///
/// Small files are kept in memory (`maxCachedFileBytes` each, `maxCacheBytes` in all), keyed
/// by real path and checked against size, mtime and inode, and where each path led is
/// remembered, so a hot file costs one `stat` and no read. Files are read with blocking POSIX calls on the caller's queue:
/// keep the served tree small and local.
public struct StaticFiles: Responder {
    /// The root directory as given.
    public let root: String
    /// The URL path the root is served at, ending in `/`.
    public let prefix: String
    /// How caches may keep every file.
    public let cacheability: Cacheability
    /// The file that answers a directory path.
    public let indexFile: String
    /// The real path of the root; nil when it does not exist (every request is then a 404).
    let resolvedRoot: String?
    let cache: FileCache
    let resolutions = PathResolutions()

    /// Serves `root` at `prefix`.
    ///
    /// - Parameters:
    ///   - root: the directory to serve, relative to the working directory or absolute.
    ///   - prefix: the URL path it is served at (`/`, `/assets/`).
    ///   - cacheability: how caches may keep every file (`no-cache` by default).
    ///   - indexFile: the file name that answers directory paths.
    ///   - maxCachedFileBytes: files up to this size are kept in memory.
    ///   - maxCacheBytes: the most bytes kept in memory in all.
    public init(
        root: String, prefix: String = "/", cacheability: Cacheability = .revalidate,
        indexFile: String = "index.html", maxCachedFileBytes: Int = 1 << 20,
        maxCacheBytes: Int = 32 << 20
    ) {
        precondition(prefix.hasPrefix("/"), "a prefix is an absolute URL path")
        precondition(!indexFile.contains("/") && !indexFile.hasPrefix("."), "an index file is a plain file name")
        self.root = root
        self.prefix = prefix.hasSuffix("/") ? prefix : prefix + "/"
        self.cacheability = cacheability
        self.indexFile = indexFile
        self.resolvedRoot = Self.realPath(root)
        self.cache = FileCache(maxEntryBytes: maxCachedFileBytes, maxTotalBytes: maxCacheBytes)
    }

    /// Whether the root directory existed when this was made; log it at start if not.
    public var isRootAvailable: Bool { resolvedRoot != nil }

    public func respond(to request: Request) throws -> Response {
        guard request.method == .get || request.method == .head else {
            throw HTTPError(.methodNotAllowed, headerFields: [.allow: "GET, HEAD"])
        }
        guard let root = resolvedRoot, let target = Self.target(of: request, prefix: prefix),
            let located = locate(target, root: root)
        else { throw HTTPError(.notFound) }
        let path = located.path
        var info = located.info

        if request.ifNoneMatch != nil {
            let answer = response(for: path, info: info, body: []).answering(request)
            if answer.status == .notModified { return answer }
        } else if let since = request.ifModifiedSince, info.modifiedSeconds <= since {
            return response(for: path, info: info, body: []).notModified()
        }

        let bytes: [UInt8]
        if let cached = cache.bytes(for: path, info: info) {
            bytes = cached
        } else {
            guard let file = Self.readFile(path) else { throw HTTPError(.notFound) }
            bytes = file.bytes
            info = file.info
            cache.store(bytes, for: path, info: info)
        }
        return response(for: path, info: info, body: bytes)
    }

    private static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!

    private func response(for path: String, info: FileInfo, body: [UInt8]) -> Response {
        let name = path[path.index(after: path.lastIndex(of: "/")!)...]
        var fields = HTTPFields()
        fields[.contentType] = MediaTypes.contentType(forFileName: name)
        fields[.lastModified] = HTTPDate.format(secondsSince1970: info.modifiedSeconds)
        fields[Self.contentTypeOptions] = "nosniff"
        var response = Response(status: .ok, headerFields: fields, body: .bytes(body))
        response.entityTag = info.entityTag
        response.cacheability = cacheability
        return response
    }

    /// The real path and status of the file a safe target names: the file itself, or the index
    /// file of a directory; nil when missing, not a regular file, or outside the root.
    private func locate(_ target: Target, root: String) -> (path: String, info: FileInfo)? {
        let candidate = target.segments.isEmpty ? root : root + "/" + target.segments.joined(separator: "/")
        guard let status = FileInfo(path: candidate) else { return nil }
        if status.isRegularFile && target.namesDirectory { return nil }
        if let known = resolutions.resolution(of: candidate, status: status) { return (known.path, known.info) }
        guard let resolved = Self.realPath(candidate), Self.isInside(resolved, root: root),
            let info = FileInfo(path: resolved)
        else { return nil }
        var found = (path: resolved, info: info)
        if info.isDirectory {
            guard let index = Self.realPath(resolved + "/" + indexFile), Self.isInside(index, root: root),
                let indexInfo = FileInfo(path: index), indexInfo.isRegularFile
            else { return nil }
            found = (index, indexInfo)
        } else if !info.isRegularFile {
            return nil
        }
        resolutions.remember(.init(requested: status, path: found.path, info: found.info), for: candidate)
        return found
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Reads a whole regular file with its status taken from the open descriptor.
    static func readFile(_ path: String) -> (bytes: [UInt8], info: FileInfo)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let info = FileInfo(status)
        guard info.isRegularFile else { return nil }
        var bytes = [UInt8](repeating: 0, count: info.size)
        var filled = 0
        while filled < info.size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, info.size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return nil }  // the file shrank while being read: its status is stale
            filled += count
        }
        return (bytes, info)
    }
}
