import FoundationEssentials

#if os(Linux)
import CEpoll
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations durability rests on: write with fdatasync, and replace a file
/// atomically (temporary file, fsync, rename, fsync of the directory).
enum DurableFile {
    /// Opens `path` for writing, creating it; close-on-exec.
    static func openForWriting(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DurabilityError.system("open", path) }
        return descriptor
    }

    /// The size of the open file.
    static func size(_ descriptor: Int32, path: String) throws -> Int {
        let end = lseek(descriptor, 0, SEEK_END)
        guard end >= 0 else { throw DurabilityError.system("lseek", path) }
        return Int(end)
    }

    /// Writes every byte, at the file's offset `position` or (nil) at its current offset,
    /// retrying on EINTR and short writes.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], at position: Int? = nil, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { chunk in
                guard let position else { return write(descriptor, chunk.baseAddress, chunk.count) }
                return pwrite(descriptor, chunk.baseAddress, chunk.count, off_t(position + offset))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw DurabilityError.system("write", path)
            }
            offset += written
        }
    }

    /// Flushes the file's data and metadata to stable storage.
    static func sync(_ descriptor: Int32, path: String) throws {
        while fsync(descriptor) != 0 {
            if errno != EINTR { throw DurabilityError.system("fsync", path) }
        }
    }

    /// Flushes the file's data, and the metadata needed to read it back (its size), to stable
    /// storage: `fdatasync` where the system has it.
    static func syncData(_ descriptor: Int32, path: String) throws {
        #if os(Linux)
        while fdatasync(descriptor) != 0 {
            if errno != EINTR { throw DurabilityError.system("fdatasync", path) }
        }
        #else
        try sync(descriptor, path: path)
        #endif
    }

    /// Starts writing `length` bytes at `offset` of the open file back to its disk, without
    /// waiting: a file written in one long stream and synced at its end (a snapshot) then finds
    /// little left to write at its `fsync`, which does not hold the device for the seconds a
    /// gigabyte takes while the journal's flushes queue behind it (PostgreSQL's
    /// `checkpoint_flush_after`). A hint: durability still rests on the `fsync`. A no-op elsewhere.
    static func startWriteback(_ descriptor: Int32, offset: Int, length: Int) {
        #if os(Linux)
        dateline_start_writeback(descriptor, Int64(offset), Int64(length))
        #endif
    }

    /// Flushes a directory entry change (a create or rename) to stable storage.
    static func syncDirectory(_ directory: String) throws {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DurabilityError.system("open", directory) }
        defer { close(descriptor) }
        try sync(descriptor, path: directory)
    }

    /// Replaces `path` with what `write` writes to the descriptor it gets, so that a crash
    /// leaves either the old file or the new one; returns what `write` returned.
    static func replace<Result>(_ path: String, writing write: (_ descriptor: Int32, _ path: String) throws -> Result) throws -> Result {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DurabilityError.system("open", temporary) }
        let result: Result
        do {
            result = try write(descriptor, temporary)
            try sync(descriptor, path: temporary)
            close(descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        try move(temporary, to: path)
        return result
    }

    /// Renames `path` to `target` (replacing it) and syncs the folder, so the new name survives a crash.
    static func move(_ path: String, to target: String) throws {
        guard rename(path, target) == 0 else { throw DurabilityError.system("rename", path) }
        try syncDirectory(folder(of: target))
    }

    /// Deletes `path`, if it is there, and syncs the folder.
    static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw DurabilityError.system("unlink", path) }
        try syncDirectory(folder(of: path))
    }

    private static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
    }

    /// Cuts a file to `length` bytes (dropping a torn tail) and syncs it.
    static func truncate(_ path: String, to length: Int) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw DurabilityError.system("open", path) }
        defer { close(descriptor) }
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw DurabilityError.system("truncate", path) }
        try sync(descriptor, path: path)
    }
}
