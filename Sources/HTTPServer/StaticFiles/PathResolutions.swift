import Locking

/// Where each requested path led last time: its real path inside the root and that file's
/// status. A path seen before costs a `stat` (two for a directory's index file) instead of a
/// `realpath`, which examines every component; any change to what the path names (another
/// file, a swapped symlink, a rewrite) shows in the status and sends it back through `realpath`.
final class PathResolutions: Sendable {
    struct Resolution: Sendable {
        /// The status of the requested path itself, following symlinks.
        var requested: FileInfo
        /// The real path of the file served, and its status.
        var path: String
        var info: FileInfo
    }

    /// The most paths remembered; past it the memo starts over.
    let capacity: Int
    private let entries = Locked<[String: Resolution]>([:])

    init(capacity: Int = 1024) {
        self.capacity = capacity
    }

    /// The remembered resolution of `requested` when the file behind it has not changed.
    func resolution(of requested: String, status: FileInfo) -> Resolution? {
        guard let known = entries.withLock({ $0[requested] }), known.requested == status else { return nil }
        // A directory's status does not change when its index file is rewritten: look at that too.
        if status.isDirectory, FileInfo(path: known.path) != known.info { return nil }
        return known
    }

    func remember(_ resolution: Resolution, for requested: String) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[requested] = resolution
        }
    }
}
