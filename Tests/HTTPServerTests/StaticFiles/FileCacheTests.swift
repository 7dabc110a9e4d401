import Testing

@testable import HTTPServer

#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileCacheTests {
    private func info(size: Int, modified: Int = 1, inode: UInt64 = 1) -> FileInfo {
        var status = stat()
        status.st_size = .init(size)
        status.st_mtim.tv_sec = modified
        status.st_ino = .init(inode)
        status.st_mode = S_IFREG | 0o644
        return FileInfo(status)
    }

    @Test func returnsBytesOnlyForTheSameVersion() {
        let cache = FileCache(maxEntryBytes: 100, maxTotalBytes: 1_000)
        cache.store([1, 2, 3], for: "/a", info: info(size: 3))
        #expect(cache.bytes(for: "/a", info: info(size: 3)) == [1, 2, 3])
        #expect(cache.bytes(for: "/a", info: info(size: 3, modified: 2)) == nil)
        #expect(cache.bytes(for: "/a", info: info(size: 3, inode: 9)) == nil)
        #expect(cache.bytes(for: "/b", info: info(size: 3)) == nil)
    }

    @Test func largeFilesAreNotKept() {
        let cache = FileCache(maxEntryBytes: 10, maxTotalBytes: 1_000)
        cache.store([UInt8](repeating: 0, count: 11), for: "/big", info: info(size: 11))
        #expect(cache.usage.files == 0)
    }

    @Test func theLeastRecentlyUsedGoFirst() {
        let cache = FileCache(maxEntryBytes: 100, maxTotalBytes: 250)
        let hundred = [UInt8](repeating: 1, count: 100)
        cache.store(hundred, for: "/a", info: info(size: 100))
        cache.store(hundred, for: "/b", info: info(size: 100))
        _ = cache.bytes(for: "/a", info: info(size: 100))
        cache.store(hundred, for: "/c", info: info(size: 100))
        #expect(cache.bytes(for: "/a", info: info(size: 100)) != nil)
        #expect(cache.bytes(for: "/b", info: info(size: 100)) == nil)
        #expect(cache.bytes(for: "/c", info: info(size: 100)) != nil)
        #expect(cache.usage.files == 2)
        #expect(cache.usage.bytes == 200)
    }

    @Test func aNewVersionReplacesTheOld() {
        let cache = FileCache(maxEntryBytes: 100, maxTotalBytes: 1_000)
        cache.store([1], for: "/a", info: info(size: 1))
        cache.store([1, 2], for: "/a", info: info(size: 2, modified: 5))
        #expect(cache.usage.files == 1)
        #expect(cache.usage.bytes == 2)
    }
}
