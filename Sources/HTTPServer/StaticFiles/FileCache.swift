import Locking

/// File contents kept in memory, keyed by path and checked against size, mtime and inode.
///
/// Bounded by the size of one entry and by the total; past the total the least recently used
/// entries go. Shared by every connection, so the state lives behind a lock.
final class FileCache: Sendable {
    /// The largest file kept, in bytes.
    let maxEntryBytes: Int
    /// The most bytes kept in all.
    let maxTotalBytes: Int

    private struct Entry {
        var info: FileInfo
        var bytes: [UInt8]
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var totalBytes = 0
        var clock: UInt64 = 0
    }

    private let state = Locked(State())

    init(maxEntryBytes: Int, maxTotalBytes: Int) {
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
    }

    /// The cached bytes of `path` when they were read from the same version of the file.
    func bytes(for path: String, info: FileInfo) -> [UInt8]? {
        state.withLock { state in
            guard var entry = state.entries[path], entry.info == info else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[path] = entry
            return entry.bytes
        }
    }

    /// Keeps `bytes` for `path` if they fit, replacing an older version and evicting the least
    /// recently used entries to stay within the total.
    func store(_ bytes: [UInt8], for path: String, info: FileInfo) {
        guard bytes.count <= maxEntryBytes, bytes.count <= maxTotalBytes else { return }
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: path) {
                state.totalBytes -= old.bytes.count
            }
            while state.totalBytes + bytes.count > maxTotalBytes,
                let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse })
            {
                state.entries[oldest.key] = nil
                state.totalBytes -= oldest.value.bytes.count
            }
            state.clock += 1
            state.entries[path] = Entry(info: info, bytes: bytes, lastUse: state.clock)
            state.totalBytes += bytes.count
        }
    }

    /// The number of files and bytes held, for tests and diagnostics.
    var usage: (files: Int, bytes: Int) {
        state.withLock { ($0.entries.count, $0.totalBytes) }
    }
}
