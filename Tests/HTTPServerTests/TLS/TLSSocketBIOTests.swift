import COpenSSL
import Testing

@testable import HTTPServer

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TLSSocketBIOTests {
    /// A non-blocking socket pair with a BIO on the first end.
    final class Pair {
        let local: Int32
        let remote: Int32
        let bio: OpaquePointer
        private var remoteOpen = true

        init() throws {
            var pair: [Int32] = [0, 0]
            try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0)
            for descriptor in pair { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) }
            local = pair[0]
            remote = pair[1]
            bio = try #require(TLSSocketBIO.make(descriptor: local))
        }

        func closeRemote() {
            if remoteOpen {
                remoteOpen = false
                close(remote)
            }
        }

        deinit {
            BIO_free(bio)
            close(local)
            closeRemote()
        }
    }

    @Test func carriesItsDescriptor() throws {
        let pair = try Pair()
        #expect(TLSSocketBIO.descriptor(of: pair.bio) == pair.local)
        var asked: Int32 = -1
        #expect(BIO_ctrl(pair.bio, BIO_C_GET_FD, 0, &asked) == Int(pair.local))
        #expect(asked == pair.local)
    }

    @Test func writesAndReadsTheSocket() throws {
        let pair = try Pair()
        #expect(BIO_write(pair.bio, "hello", 5) == 5)
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(recv(pair.remote, &buffer, 16, 0) == 5)
        #expect(send(pair.remote, "back", 4, 0) == 4)
        #expect(BIO_read(pair.bio, &buffer, 16) == 4)
        #expect(Array(buffer[0..<4]) == Array("back".utf8))
    }

    @Test func anEmptySocketAsksToRetryTheRead() throws {
        let pair = try Pair()
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(BIO_read(pair.bio, &buffer, 16) == -1)
        #expect(BIO_test_flags(pair.bio, BIO_FLAGS_SHOULD_RETRY | BIO_FLAGS_READ) == BIO_FLAGS_SHOULD_RETRY | BIO_FLAGS_READ)
        #expect(BIO_ctrl(pair.bio, BIO_CTRL_EOF, 0, nil) == 0)
    }

    @Test func aFullSocketAsksToRetryTheWrite() throws {
        let pair = try Pair()
        let chunk = [UInt8](repeating: 1, count: 65_536)
        var result: Int32 = 0
        for _ in 0..<1_000 {
            result = BIO_write(pair.bio, chunk, Int32(chunk.count))
            if result < 0 { break }
        }
        #expect(result == -1)
        #expect(BIO_test_flags(pair.bio, BIO_FLAGS_SHOULD_RETRY | BIO_FLAGS_WRITE) == BIO_FLAGS_SHOULD_RETRY | BIO_FLAGS_WRITE)
    }

    @Test func theEndOfStreamIsReportedAsEOF() throws {
        let pair = try Pair()
        pair.closeRemote()
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(BIO_read(pair.bio, &buffer, 16) == 0)
        #expect(BIO_test_flags(pair.bio, BIO_FLAGS_SHOULD_RETRY) == 0)
        #expect(BIO_ctrl(pair.bio, BIO_CTRL_EOF, 0, nil) == 1)
    }

    @Test func writingToAClosedPeerIsEPIPEWithoutASignal() throws {
        let pair = try Pair()
        pair.closeRemote()
        var failure: Int32 = 0
        let raised = try SIGPIPEProbe.run {
            #expect(BIO_write(pair.bio, "gone", 4) == -1)
            failure = errno
        }
        #expect(failure == EPIPE)
        #expect(!raised)
    }

    @Test func theProbeSeesTheSIGPIPEOfAPlainWrite() throws {
        let pair = try Pair()
        pair.closeRemote()
        let raised = try SIGPIPEProbe.run {
            #expect(write(pair.local, "gone", 4) == -1)
        }
        #expect(raised)
    }
}
