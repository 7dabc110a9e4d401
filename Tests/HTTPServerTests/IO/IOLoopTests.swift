import Dispatch
import Locking
import Testing

@testable import HTTPServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Each engine's loop on its own: readiness, interest changes, handed-over work and deadline
/// sweeps, over a real socket pair.
@Suite("I/O loop")
struct IOLoopTests {
    @Test(arguments: IOEngine.available)
    func tasksFromOneThreadRunInOrderOnTheLoop(engine: IOEngine) throws {
        let loop = try engine.makeLoop()
        loop.start()
        defer { loop.stop() }
        let seen = Locked([Int]())
        for index in 0..<1_000 {
            loop.execute { seen.withLock { $0.append(index) } }
        }
        #expect(loop.runAndWait {})
        #expect(seen.withLock { $0 } == Array(0..<1_000))
    }

    @Test(arguments: IOEngine.available)
    func aReadableSocketIsReportedUntilItIsDrained(engine: IOEngine) throws {
        let harness = try Harness(engine: engine, readsPerEvent: 1)
        harness.pair.send("abcdef")
        #expect(harness.client.waitForBytes(6))
        #expect(harness.client.received == "abcdef")
        #expect(harness.client.readEvents >= 6)  // Level-triggered: one byte per event, reported again until empty.
    }

    @Test(arguments: IOEngine.available)
    func readingPausedHearsNothingUntilResumed(engine: IOEngine) throws {
        let harness = try Harness(engine: engine)
        let (loop, descriptor) = (harness.loop, harness.descriptor)
        #expect(loop.runAndWait { loop.watch(descriptor, reading: false, writing: false) })
        harness.pair.send("held")
        #expect(loop.runAndWait {})  // Runs after the loop has waited once more.
        #expect(harness.client.received.isEmpty)
        loop.execute { loop.watch(descriptor, reading: true, writing: false) }
        #expect(harness.client.waitForBytes(4))
        #expect(harness.client.received == "held")
    }

    @Test(arguments: IOEngine.available)
    func writeInterestReportsWritability(engine: IOEngine) throws {
        let harness = try Harness(engine: engine)
        let (loop, descriptor) = (harness.loop, harness.descriptor)
        loop.execute { loop.watch(descriptor, reading: true, writing: true) }
        #expect(harness.client.becameWritable.wait(timeout: .now() + 5) == .success)
    }

    @Test(arguments: IOEngine.available)
    func aPeerThatGoesAwayIsAHangUpOrAnEndOfInput(engine: IOEngine) throws {
        let harness = try Harness(engine: engine)
        harness.pair.closeClient()
        #expect(harness.client.ended.wait(timeout: .now() + 5) == .success)
    }

    @Test(arguments: IOEngine.available)
    func aDeadlineIsCheckedOnceItIsDue(engine: IOEngine) throws {
        let harness = try Harness(engine: engine)
        let loop = harness.loop
        let due = DispatchTime.now() + 0.2
        harness.client.deadline.withLock { $0 = due }
        loop.execute { loop.sweepBy(due) }
        #expect(harness.client.deadlinePassed.wait(timeout: .now() + 5) == .success)
        #expect(DispatchTime.now() >= due)
    }

    @Test(arguments: IOEngine.available)
    func aClosedDescriptorIsNoLongerReportedAndIsClosed(engine: IOEngine) throws {
        let harness = try Harness(engine: engine)
        let (loop, descriptor) = (harness.loop, harness.descriptor)
        harness.pair.serverClosedByLoop()
        #expect(loop.runAndWait { loop.close(descriptor) })
        #expect(loop.runAndWait {})  // A cancel handler may close it a moment later.
        harness.pair.send("ignored")
        #expect(loop.runAndWait {})
        #expect(harness.client.readEvents == 0)
        #expect(harness.pair.clientSeesTheEnd())  // Dispatch closes it in the last cancel handler, a moment later.
    }

    @Test(arguments: IOEngine.available)
    func workHandedToAStoppedLoopIsDropped(engine: IOEngine) throws {
        let loop = try engine.makeLoop()
        loop.start()
        loop.stop()
        #expect(loop.runAndWait {} == false)
    }
}

/// A running loop watching the server end of a socket pair for a recording client.
private final class Harness {
    let pair: SocketPair
    let descriptor: Int32
    let loop: any IOLoop
    let client: RecordingClient

    init(engine: IOEngine, readsPerEvent: Int = 4096) throws {
        pair = try SocketPair()
        descriptor = pair.server
        loop = try engine.makeLoop()
        loop.start()
        client = RecordingClient(descriptor: descriptor, loop: loop, readsPerEvent: readsPerEvent)
        client.pair = pair
        let (loop, client, descriptor) = (loop, client, descriptor)
        loop.execute { loop.register(client, descriptor: descriptor) }
    }

    deinit { loop.stop() }
}

extension IOEngine {
    /// One loop of this engine, not yet started.
    func makeLoop() throws -> any IOLoop {
        try makeLoops(count: 1)[0]
    }
}

extension IOLoop {
    /// Runs `body` on the loop and waits for it (up to a second); false when it never ran.
    func runAndWait(_ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        execute {
            body()
            done.signal()
        }
        return done.wait(timeout: .now() + 1) == .success
    }
}

/// A connected pair of non-blocking Unix stream sockets: the loop watches `server`; the test
/// writes on `client`.
private final class SocketPair {
    let server: Int32
    private var client: Int32
    private var serverOwned = true

    init() throws {
        var descriptors: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Posix.streamSocketType, 0, &descriptors) == 0 else {
            throw SocketError.makeFailed("socketpair")
        }
        server = descriptors[0]
        client = descriptors[1]
        Posix.makeNonBlocking(server)
        _ = fcntl(client, F_SETFD, FD_CLOEXEC)
    }

    func send(_ text: String) {
        _ = text.withCString { Posix.send(client, $0, strlen($0)) }
    }

    /// Whether the client end reads the end of the stream within a second: the server end is
    /// closed (and everything sent to it was dropped unread).
    func clientSeesTheEnd() -> Bool {
        var pollDescriptor = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
        guard poll(&pollDescriptor, 1, 1_000) > 0 else { return false }
        var byte: UInt8 = 0
        return withUnsafeMutableBytes(of: &byte) { Posix.read(client, into: $0) } <= 0
    }

    /// The loop closes `server` from now on.
    func serverClosedByLoop() {
        serverOwned = false
    }

    func closeClient() {
        Posix.close(client)
        client = -1
    }

    deinit {
        if serverOwned { Posix.close(server) }
        if client >= 0 { Posix.close(client) }
    }
}

/// A client that records what the loop tells it. Its state is written on the loop's thread and
/// read by the test, so it sits behind locks.
private final class RecordingClient: IOLoopClient, @unchecked Sendable {
    let descriptor: Int32
    let loop: any IOLoop
    let readsPerEvent: Int
    /// The pair whose server end this client watches, told when the loop takes it over.
    var pair: SocketPair?
    private let state = Locked((bytes: [UInt8](), events: 0))
    let deadline = Locked(DispatchTime.distantFuture)
    let becameWritable = DispatchSemaphore(value: 0)
    let ended = DispatchSemaphore(value: 0)
    let deadlinePassed = DispatchSemaphore(value: 0)

    init(descriptor: Int32, loop: any IOLoop, readsPerEvent: Int = 4096) {
        self.descriptor = descriptor
        self.loop = loop
        self.readsPerEvent = readsPerEvent
    }

    var received: String { state.withLock { String(decoding: $0.bytes, as: UTF8.self) } }
    var readEvents: Int { state.withLock { $0.events } }

    func waitForBytes(_ count: Int) -> Bool {
        for _ in 0..<500 {
            if state.withLock({ $0.bytes.count }) >= count { return true }
            usleep(10_000)
        }
        return false
    }

    func readable() {
        var chunk = [UInt8](repeating: 0, count: readsPerEvent)
        let count = chunk.withUnsafeMutableBytes { Posix.read(descriptor, into: $0) }
        if count == 0 {
            end()
            return
        }
        state.withLock { state in
            state.events += 1
            if count > 0 { state.bytes += chunk[0..<count] }
        }
    }

    /// Hands the descriptor back to the loop to close, as a connection does at the end.
    private func end() {
        pair?.serverClosedByLoop()
        loop.close(descriptor)
        ended.signal()
    }

    func writable() {
        loop.watch(descriptor, reading: true, writing: false)
        becameWritable.signal()
    }

    func hungUp() {
        end()
    }

    func checkDeadline(now: DispatchTime) -> DispatchTime {
        let due = deadline.withLock { $0 }
        guard now >= due else { return due }
        deadline.withLock { $0 = .distantFuture }
        deadlinePassed.signal()
        return .distantFuture
    }
}
