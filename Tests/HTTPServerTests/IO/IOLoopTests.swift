import Dispatch
@testable import HTTPServer
import Locking
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The event loop on its own: readiness, interest changes, handed-over work and deadline sweeps,
/// over a real socket pair.
@Suite("Event loop")
struct EventLoopTests {
    @Test func tasksFromOneThreadRunInOrderOnTheLoop() throws {
        let loop = try EventLoop(name: "test-loop")
        loop.start()
        defer { loop.stop() }
        let seen = Locked([Int]())
        for index in 0..<1_000 {
            loop.execute { seen.withLock { $0.append(index) } }
        }
        #expect(loop.runAndWait {})
        #expect(seen.withLock { $0 } == Array(0..<1_000))
    }

    @Test func aReadableSocketIsReportedUntilItIsDrained() throws {
        let harness = try Harness(readsPerEvent: 1)
        harness.pair.send("abcdef")
        #expect(harness.client.waitForBytes(6))
        #expect(harness.client.received == "abcdef")
        #expect(harness.client.readEvents >= 6)  // Level-triggered: one byte per event, reported again until empty.
    }

    @Test func readingPausedHearsNothingUntilResumed() throws {
        let harness = try Harness()
        let (loop, descriptor) = (harness.loop, harness.descriptor)
        #expect(loop.runAndWait { loop.watch(descriptor, reading: false, writing: false) })
        harness.pair.send("held")
        #expect(loop.runAndWait {})  // Runs after the loop has waited once more.
        #expect(harness.client.received.isEmpty)
        loop.execute { loop.watch(descriptor, reading: true, writing: false) }
        #expect(harness.client.waitForBytes(4))
        #expect(harness.client.received == "held")
    }

    @Test func writeInterestReportsWritability() throws {
        let harness = try Harness()
        let (loop, descriptor) = (harness.loop, harness.descriptor)
        loop.execute { loop.watch(descriptor, reading: true, writing: true) }
        #expect(harness.client.becameWritable.wait(timeout: .now() + 5) == .success)
    }

    @Test func aPeerThatGoesAwayIsAHangUpOrAnEndOfInput() throws {
        let harness = try Harness()
        harness.pair.closeClient()
        #expect(harness.client.ended.wait(timeout: .now() + 5) == .success)
    }

    @Test func aDeadlineIsCheckedOnceItIsDue() throws {
        let harness = try Harness()
        let loop = harness.loop
        let due = DispatchTime.now() + 0.2
        harness.client.deadline.withLock { $0 = due }
        loop.execute { loop.sweepBy(due) }
        #expect(harness.client.deadlinePassed.wait(timeout: .now() + 5) == .success)
        #expect(DispatchTime.now() >= due)
    }

    @Test func aDeregisteredDescriptorIsNoLongerReported() throws {
        let harness = try Harness()
        let (loop, descriptor) = (harness.loop, harness.descriptor)
        #expect(loop.runAndWait { loop.deregister(descriptor) })
        harness.pair.send("ignored")
        #expect(loop.runAndWait {})
        #expect(harness.client.readEvents == 0)
    }

    @Test func workHandedToAStoppedLoopIsDropped() throws {
        let loop = try EventLoop(name: "test-loop")
        loop.start()
        loop.stop()
        #expect(loop.runAndWait {} == false)
    }
}

/// A running loop watching the server end of a socket pair for a recording client.
private final class Harness {
    let pair: SocketPair
    let descriptor: Int32
    let loop: EventLoop
    let client: RecordingClient

    init(readsPerEvent: Int = 4096) throws {
        pair = try SocketPair()
        descriptor = pair.server
        loop = try EventLoop(name: "test-loop")
        loop.start()
        client = RecordingClient(descriptor: descriptor, loop: loop, readsPerEvent: readsPerEvent)
        let (loop, client, descriptor) = (loop, client, descriptor)
        loop.execute { loop.register(client, descriptor: descriptor) }
    }

    deinit { loop.stop() }
}

extension EventLoop {
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

    init() throws {
        var descriptors: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &descriptors) == 0 else {
            throw SocketError.makeFailed("socketpair")
        }
        server = descriptors[0]
        client = descriptors[1]
        _ = fcntl(server, F_SETFL, fcntl(server, F_GETFL) | O_NONBLOCK)
    }

    func send(_ text: String) {
        _ = text.withCString { Glibc.send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    func closeClient() {
        Glibc.close(client)
        client = -1
    }

    deinit {
        Glibc.close(server)
        if client >= 0 { Glibc.close(client) }
    }
}

/// A client that records what the loop tells it. Its state is written on the loop's thread and
/// read by the test, so it sits behind locks.
private final class RecordingClient: EventLoopClient, @unchecked Sendable {
    let descriptor: Int32
    let loop: EventLoop
    let readsPerEvent: Int
    private let state = Locked((bytes: [UInt8](), events: 0))
    let deadline = Locked(DispatchTime.distantFuture)
    let becameWritable = DispatchSemaphore(value: 0)
    let ended = DispatchSemaphore(value: 0)
    let deadlinePassed = DispatchSemaphore(value: 0)

    init(descriptor: Int32, loop: EventLoop, readsPerEvent: Int = 4096) {
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
        let count = Glibc.read(descriptor, &chunk, chunk.count)
        if count == 0 {
            loop.deregister(descriptor)
            ended.signal()
            return
        }
        state.withLock { state in
            state.events += 1
            if count > 0 { state.bytes += chunk[0..<count] }
        }
    }

    func writable() {
        loop.watch(descriptor, reading: true, writing: false)
        becameWritable.signal()
    }

    func hungUp() {
        loop.deregister(descriptor)
        ended.signal()
    }

    func checkDeadline(now: DispatchTime) -> DispatchTime {
        let due = deadline.withLock { $0 }
        guard now >= due else { return due }
        deadline.withLock { $0 = .distantFuture }
        deadlinePassed.signal()
        return .distantFuture
    }
}
