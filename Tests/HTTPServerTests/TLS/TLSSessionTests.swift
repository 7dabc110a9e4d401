import COpenSSL
import Dispatch
import Locking
import Testing

@testable import HTTPServer

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TLSSessionTests {
    let fixture: TLSFixture
    let context: TLSContext

    init() throws {
        fixture = try TLSFixture()
        context = try TLSContext(configuration: fixture.configuration)
    }

    // MARK: Handshakes

    @Test func aModernClientGetsTLS13AndHTTP11() throws {
        let loopback = try TLSLoopback(context: context)
        let result = loopback.handshake()
        #expect(result.server == .done)
        #expect(result.client == .done)
        #expect(loopback.server.isHandshakeComplete)
        #expect(loopback.server.protocolVersion == "TLSv1.3")
        #expect(loopback.server.negotiatedProtocol == "http/1.1")
        #expect(loopback.client.negotiatedProtocol == "http/1.1")
        #expect(loopback.server.cipher?.hasPrefix("TLS_") == true)
        #expect(!loopback.server.sessionReused)
        #expect(SSL_get_fd(loopback.client.ssl) == loopback.clientDescriptor)
    }

    @Test func aTLS12ClientGetsAnECDHEAEADSuite() throws {
        for context in [context, try TLSContext(configuration: fixture.makeRSACertificate())] {
            var options = TLSTestClient.Options()
            options.maximumVersion = TLS1_2_VERSION
            let loopback = try TLSLoopback(context: context, client: options)
            #expect(loopback.handshake().server == .done)
            #expect(loopback.server.protocolVersion == "TLSv1.2")
            let cipher = try #require(loopback.server.cipher)
            #expect(cipher.hasPrefix("ECDHE-"))
            #expect(cipher.contains("GCM") || cipher.contains("CHACHA20"))
        }
    }

    @Test(arguments: [TLS1_VERSION, TLS1_1_VERSION])
    func oldProtocolVersionsAreRefused(version: Int32) throws {
        var options = TLSTestClient.Options()
        options.maximumVersion = version
        let loopback = try TLSLoopback(context: context, client: options)
        let result = loopback.handshake()
        let error = try #require(result.server.error)
        #expect(error.kind == .handshake)
        #expect(error.reasons.contains { $0.contains("unsupported protocol") })
        #expect(result.client != .done)
    }

    @Test(arguments: ["AES128-GCM-SHA256", "ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384", "DHE-RSA-AES128-GCM-SHA256"])
    func weakTLS12SuitesAreRefused(cipher: String) throws {
        var options = TLSTestClient.Options()
        options.maximumVersion = TLS1_2_VERSION
        options.ciphers = cipher + ":@SECLEVEL=0"
        let loopback = try TLSLoopback(context: context, client: options)
        let error = try #require(loopback.handshake().server.error)
        #expect(error.kind == .handshake)
        #expect(error.reasons.contains { $0.contains("no shared cipher") })
    }

    @Test(arguments: [
        (["h2", "http/1.1"], "http/1.1" as String?),
        (["h2"], nil),
        ([], nil),
    ])
    func alpnSelectsHTTP11OrNothing(offered: [String], selected: String?) throws {
        var options = TLSTestClient.Options()
        options.applicationProtocols = offered
        let loopback = try TLSLoopback(context: context, client: options)
        #expect(loopback.handshake().server == .done)
        #expect(loopback.server.negotiatedProtocol == selected)
        #expect(loopback.client.negotiatedProtocol == selected)
    }

    // MARK: Resumption

    @Test(arguments: [TLS1_3_VERSION, TLS1_2_VERSION], [false, true])
    func aSecondConnectionResumes(version: Int32, noTickets: Bool) throws {
        var options = TLSTestClient.Options()
        options.maximumVersion = version
        options.noTickets = noTickets
        let first = try TLSLoopback(context: context, client: options)
        #expect(first.handshake().server == .done)
        let session = try #require(first.client.session())
        defer { SSL_SESSION_free(session) }
        options.session = session
        let second = try TLSLoopback(context: context, client: options)
        #expect(second.handshake().server == .done)
        #expect(second.server.sessionReused)
    }

    @Test func ticketsSurviveAReloadButNotAFreshContext() throws {
        let first = try TLSLoopback(context: context)
        #expect(first.handshake().server == .done)
        let session = try #require(first.client.session())
        defer { SSL_SESSION_free(session) }
        var options = TLSTestClient.Options()
        options.session = session

        let reloaded = try TLSLoopback(context: context.reloaded(), client: options)
        #expect(reloaded.handshake().server == .done)
        #expect(reloaded.server.sessionReused)

        let fresh = try TLSLoopback(context: TLSContext(configuration: fixture.configuration), client: options)
        #expect(fresh.handshake().server == .done)
        #expect(!fresh.server.sessionReused)
    }

    @Test func oneContextServesHandshakesOnManyThreads() throws {
        let context = self.context
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            do {
                let loopback = try TLSLoopback(context: context)
                let handshake = loopback.handshake().server
                let reply = Array("reply \(index)".utf8)
                let written = reply.withUnsafeBytes { loopback.server.write($0) }
                let read = loopback.client.readAvailable().0
                outcomes.record(handshake == .done && written == (reply.count, .done) && read == reply)
            } catch {
                outcomes.record(false)
            }
        }
        #expect(outcomes.successes == 32)
    }

    // MARK: Reading and writing

    @Test func aMegabyteEachWayThroughSmallSocketBuffers() throws {
        let loopback = try TLSLoopback(context: context, socketBuffer: 4096)
        #expect(loopback.handshake().server == .done)
        let payload = (0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }

        // Server to client: partial writes, each retry from a new array holding the same bytes.
        var sent = 0
        var received: [UInt8] = []
        var partialWrites = 0
        var blockedWrites = 0
        for _ in 0..<100_000 where received.count < payload.count {
            if sent < payload.count {
                let remaining = Array(payload[sent...])
                let (count, result) = remaining.withUnsafeBytes { loopback.server.write($0) }
                sent += count
                if count < remaining.count { partialWrites += 1 }
                if result == .wantWrite { blockedWrites += 1 } else { #expect(result == .done) }
            }
            let (bytes, step) = loopback.client.readAvailable()
            received += bytes
            #expect(step == .wantRead)
        }
        #expect(received == payload)
        #expect(partialWrites > 0)
        #expect(blockedWrites > 0)

        // Client to server, read into a small buffer.
        var clientSent = 0
        var serverReceived: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 10_000)
        for _ in 0..<100_000 where serverReceived.count < payload.count {
            if clientSent < payload.count {
                clientSent += loopback.client.write(payload[clientSent...]).0
            }
            var result = TLSIOResult.done
            while result == .done {
                let (count, stop) = buffer.withUnsafeMutableBytes { loopback.server.read(into: $0) }
                serverReceived += buffer[0..<count]
                result = stop
            }
            #expect(result == .wantRead)
        }
        #expect(serverReceived == payload)
    }

    @Test func readsAcrossAKeyUpdate() throws {
        let loopback = try TLSLoopback(context: context)
        #expect(loopback.handshake().server == .done)
        #expect(SSL_key_update(loopback.client.ssl, SSL_KEY_UPDATE_REQUESTED) == 1)
        #expect(loopback.client.write(ArraySlice("ping".utf8)).0 == 4)
        var buffer = [UInt8](repeating: 0, count: 64)
        let (count, result) = buffer.withUnsafeMutableBytes { loopback.server.read(into: $0) }
        #expect(Array(buffer[0..<count]) == Array("ping".utf8))
        #expect(result == .wantRead)
        #expect(Array("pong".utf8).withUnsafeBytes { loopback.server.write($0) } == (4, .done))
        #expect(loopback.client.readAvailable().0 == Array("pong".utf8))
    }

    @Test func anEmptyBufferIsDoneAtOnce() throws {
        let loopback = try TLSLoopback(context: context)
        #expect(loopback.handshake().server == .done)
        #expect(loopback.server.write(UnsafeRawBufferPointer(start: nil, count: 0)) == (0, .done))
        #expect(loopback.server.read(into: UnsafeMutableRawBufferPointer(start: nil, count: 0)) == (0, .done))
    }

    // MARK: Closing

    @Test func closeNotifyReadsAsClosed() throws {
        let loopback = try TLSLoopback(context: context)
        #expect(loopback.handshake().server == .done)
        #expect(loopback.client.write(ArraySlice("last".utf8)).0 == 4)
        _ = SSL_shutdown(loopback.client.ssl)
        var buffer = [UInt8](repeating: 0, count: 64)
        let (count, result) = buffer.withUnsafeMutableBytes { loopback.server.read(into: $0) }
        #expect(Array(buffer[0..<count]) == Array("last".utf8))
        #expect(result == .closed)
        #expect(loopback.server.shutdown() == .done)
    }

    @Test func aHangUpWithoutCloseNotifyReadsAsClosed() throws {
        let loopback = try TLSLoopback(context: context)
        #expect(loopback.handshake().server == .done)
        loopback.closeClientSocket()
        var buffer = [UInt8](repeating: 0, count: 64)
        let (count, result) = buffer.withUnsafeMutableBytes { loopback.server.read(into: $0) }
        #expect(count == 0)
        #expect(result == .closed)
        #expect(loopback.server.shutdown() == .closed)  // Not allowed after the stream broke.
    }

    @Test func aHangUpDuringTheHandshakeIsClosed() throws {
        let loopback = try TLSLoopback(context: context)
        _ = loopback.client.handshake()  // The ClientHello is on its way.
        loopback.closeClientSocket()
        // The ClientHello is read, the ServerHello cannot be delivered: the peer is gone.
        let result = loopback.server.handshake()
        #expect(result == .closed)
    }

    @Test func writingToAClosedPeerRaisesNoSIGPIPE() throws {
        let loopback = try TLSLoopback(context: context)
        #expect(loopback.handshake().server == .done)
        loopback.closeClientSocket()
        let pending = try SIGPIPEProbe.run {
            let bytes = [UInt8](repeating: 7, count: 100_000)
            let (_, result) = bytes.withUnsafeBytes { loopback.server.write($0) }
            #expect(result == .closed)
        }
        #expect(!pending)
    }

    @Test func shutdownBeforeTheHandshakeDoesNothing() throws {
        let loopback = try TLSLoopback(context: context)
        #expect(loopback.server.shutdown() == .closed)
    }

    // MARK: Plain HTTP on the TLS port

    @Test(
        arguments: [
            (Array("GET / HTTP/1.1\r\n".utf8), true),
            (Array("post".utf8), true),
            ([0x16, 0x03, 0x01, 0x02, 0x00], false),
            ([0x80, 0x2B, 0x01], false),
            ([], false),
        ] as [([UInt8], Bool)])
    func detectsPlainHTTPByItsFirstByte(bytes: [UInt8], plain: Bool) {
        #expect(TLSSession.looksLikePlainHTTP(firstBytes: bytes) == plain)
    }

    @Test func aPlainHTTPRequestFailsTheHandshakeAndStaysUnread() throws {
        let loopback = try TLSLoopback(context: context)
        #expect(loopback.server.handshake() == .wantRead)
        let request = Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
        #expect(request.withUnsafeBytes { write(loopback.clientDescriptor, $0.baseAddress, $0.count) } == request.count)
        #expect(loopback.server.handshake().error?.kind == .plainHTTP)
        // The request is still there for the connection to read and answer in plain text.
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { recv(loopback.serverDescriptor, $0.baseAddress, $0.count, 0) }
        #expect(Array(buffer[0..<count]) == request)
    }
}

/// Counts successes from many threads.
private final class Outcomes: Sendable {
    private let count = Locked(0)

    func record(_ success: Bool) {
        if success { count.withLock { $0 += 1 } }
    }

    var successes: Int { count.withLock { $0 } }
}
