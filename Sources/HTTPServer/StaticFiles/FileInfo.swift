import Hashing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file, as far as serving it goes.
struct FileInfo: Sendable, Hashable {
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var inode: UInt64
    var isRegularFile: Bool
    var isDirectory: Bool

    init(_ status: stat) {
        size = Int(status.st_size)
        #if canImport(Darwin)
        modifiedSeconds = Int(status.st_mtimespec.tv_sec)
        modifiedNanoseconds = Int(status.st_mtimespec.tv_nsec)
        #else
        modifiedSeconds = Int(status.st_mtim.tv_sec)
        modifiedNanoseconds = Int(status.st_mtim.tv_nsec)
        #endif
        inode = UInt64(status.st_ino)
        isRegularFile = (status.st_mode & S_IFMT) == S_IFREG
        isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// The file at `path`, following symlinks; nil when it cannot be examined.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// A strong entity-tag that changes whenever the file is replaced or rewritten.
    var entityTag: EntityTag {
        let fields = [UInt64(size), UInt64(bitPattern: Int64(modifiedSeconds)), UInt64(modifiedNanoseconds), inode]
        return EntityTag(ContentHash.hex(fields.withUnsafeBytes { XXH64.hash($0) }))
    }
}
