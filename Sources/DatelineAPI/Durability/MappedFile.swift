import FoundationEssentials

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read through a private, read-only mapping, whose pages can be let go once read.
///
/// A snapshot of a million events is a gigabyte of text. Read into memory, it stands beside the
/// records decoded from it until the last of them is; mapped, its pages are the page cache's,
/// and ``release(_:)`` drops them from the process once a part has been decoded (read again,
/// they come back from the file).
final class MappedFile: @unchecked Sendable {
    // Unchecked: the mapping is read-only, and `release` only drops pages, which come back
    // unchanged from the file if read again.
    /// The file's bytes; valid while the file is.
    let data: Data
    /// Where the mapping starts; nil for an empty file, which has none.
    private let base: UnsafeMutableRawPointer?

    /// Maps the file at `path`; nil when it cannot be opened, read or mapped.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let count = Int(status.st_size)
        guard count > 0 else {
            base = nil
            data = Data()
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else { return nil }
        base = mapped
        data = Data(bytesNoCopy: mapped, count: count, deallocator: .none)
    }

    deinit {
        if let base { munmap(base, data.count) }
    }

    /// Lets go of the whole pages that lie within `range` (offsets from the first byte).
    func release(_ range: Range<Int>) {
        guard let base else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, data.count) / page * page
        guard start < end else { return }
        madvise(base + start, end - start, MADV_DONTNEED)
    }
}
