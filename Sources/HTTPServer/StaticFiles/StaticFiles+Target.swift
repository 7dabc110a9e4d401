extension StaticFiles {
    /// A request path below the prefix, split into segments that passed the safety checks.
    struct Target: Hashable {
        var segments: [Substring]
        /// Whether the path ends in `/` (only a directory may answer it).
        var namesDirectory: Bool
    }

    /// Sequences that, in the raw target, could smuggle a separator or a NUL past the decoder.
    private static let forbiddenRaw = ["%2f", "%5c", "%00", "\\", "\0"]

    /// The safe segments of the request's path below `prefix`; nil for a path outside the
    /// prefix or one that tries to leave the root or reach hidden files.
    static func target(of request: Request, prefix: String) -> Target? {
        let raw = (request.head.path ?? request.path).lowercased()
        let rawPath = raw.prefix { $0 != "?" && $0 != "#" }
        for sequence in forbiddenRaw where rawPath.contains(sequence) {
            return nil
        }
        let path = request.path
        guard path.utf8.allSatisfy({ $0 != 0 && $0 != UInt8(ascii: "\\") }) else { return nil }
        let below: Substring
        if path.hasPrefix(prefix) {
            below = path.dropFirst(prefix.count)
        } else if path + "/" == prefix {
            below = ""
        } else {
            return nil
        }
        let segments = below.split(separator: "/")
        // `..` and `.` would climb or alias; other dot names are hidden files (`.env`, `.git`).
        guard !segments.contains(where: { $0.hasPrefix(".") }) else { return nil }
        return Target(segments: segments, namesDirectory: below.isEmpty || below.hasSuffix("/"))
    }
}
