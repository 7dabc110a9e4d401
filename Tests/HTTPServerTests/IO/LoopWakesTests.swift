#if os(Linux)
import Dispatch
import Glibc
import Locking
import Testing

@testable import HTTPServer

/// Wake-ups held back while a thread hands an event loop a run of work: the work waits for the
/// end of the run, then all of it runs, in order, after one wake-up.
@Suite("Loop wakes")
struct LoopWakesTests {
    @Test func workHandedOverWhileHoldingRunsOnceTheHoldEnds() throws {
        let loop = try EpollLoop(name: "held-wakes")
        loop.start()
        defer { loop.stop() }
        let seen = Locked([Int]())
        LoopWakes.holding {
            for index in 0..<100 { loop.execute { seen.withLock { $0.append(index) } } }
            // Ample time for a loop that was woken to have run them.
            usleep(200_000)
            #expect(seen.withLock { $0 }.isEmpty)
        }
        let done = DispatchSemaphore(value: 0)
        loop.execute { done.signal() }
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(seen.withLock { $0 } == Array(0..<100))
    }

    @Test func aNestedHoldLastsUntilTheOutermostEnds() throws {
        let loop = try EpollLoop(name: "nested-wakes")
        loop.start()
        defer { loop.stop() }
        let ran = DispatchSemaphore(value: 0)
        LoopWakes.holding {
            LoopWakes.holding { loop.execute { ran.signal() } }
            #expect(ran.wait(timeout: .now() + 0.2) == .timedOut)
        }
        #expect(ran.wait(timeout: .now() + 5) == .success)
    }

    @Test func anotherThreadsHoldDoesNotHoldThisOne() throws {
        let loop = try EpollLoop(name: "other-wakes")
        loop.start()
        defer { loop.stop() }
        let ran = DispatchSemaphore(value: 0)
        LoopWakes.holding {
            // Not `sync`: that would run the block on this thread.
            let handedOver = DispatchGroup()
            DispatchQueue.global().async(group: handedOver) { loop.execute { ran.signal() } }
            handedOver.wait()
            #expect(ran.wait(timeout: .now() + 5) == .success)
        }
    }
}
#endif
