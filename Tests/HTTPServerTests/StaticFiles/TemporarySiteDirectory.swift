#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory made under the system's temporary directory and removed when released.
final class TemporarySiteDirectory {
    /// Its real path (no symlinks), as `StaticFiles` sees it.
    let path: String

    init() throws {
        var template = Array("/tmp/static-files-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw TemporarySiteDirectoryError(operation: "mkdtemp", code: errno)
        }
        let raw = String(cString: made)
        guard let real = realpath(raw, nil) else { throw TemporarySiteDirectoryError(operation: "realpath", code: errno) }
        path = String(cString: real)
        free(real)
    }

    deinit {
        remove(path)
    }

    /// Writes `text` to `relative` (folders must exist), with an optional modification time.
    func write(_ relative: String, _ text: String, modified: Int? = nil) throws {
        try write(relative, bytes: Array(text.utf8), modified: modified)
    }

    func write(_ relative: String, bytes: [UInt8], modified: Int? = nil) throws {
        let file = path + "/" + relative
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw TemporarySiteDirectoryError(operation: "open", code: errno) }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw TemporarySiteDirectoryError(operation: "write", code: errno) }
        if let modified {
            var times = [timespec(tv_sec: modified, tv_nsec: 0), timespec(tv_sec: modified, tv_nsec: 0)]
            guard futimens(descriptor, &times) == 0 else { throw TemporarySiteDirectoryError(operation: "futimens", code: errno) }
        }
    }

    func makeDirectory(_ relative: String) throws {
        guard mkdir(path + "/" + relative, 0o755) == 0 else { throw TemporarySiteDirectoryError(operation: "mkdir", code: errno) }
    }

    /// Makes `relative` a symlink to `destination`, replacing what was there.
    func symlink(_ relative: String, to destination: String) throws {
        remove(path + "/" + relative)
        guard Glibc.symlink(destination, path + "/" + relative) == 0 else {
            throw TemporarySiteDirectoryError(operation: "symlink", code: errno)
        }
    }

    /// Removes a file, a symlink or a directory tree.
    private func remove(_ target: String) {
        var status = stat()
        guard lstat(target, &status) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFDIR, let directory = opendir(target) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name != "." && name != ".." { remove(target + "/" + name) }
            }
            closedir(directory)
            rmdir(target)
        } else {
            unlink(target)
        }
    }
}

struct TemporarySiteDirectoryError: Error {
    var operation: String
    var code: Int32
}
