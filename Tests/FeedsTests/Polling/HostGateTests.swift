import Dispatch
import Foundation
import Locking
import Testing
import WebFixtures

@testable import Feeds

@Suite struct HostGateTests {
    @Test func oneHolderPerHostAndPausesBetweenTurns() async throws {
        let gate = HostGate()
        #expect(gate.acquire("a.example"))
        #expect(gate.acquire("b.example"))
        let acquiredAt = Locked<ContinuousClock.Instant?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            if gate.acquire("a.example") { acquiredAt.withLock { $0 = .now } }
            done.signal()
        }.start()
        try await Task.sleep(for: .milliseconds(150))
        let tooEarly = acquiredAt.withLock { $0 }
        #expect(tooEarly == nil)
        let released = ContinuousClock.now
        gate.release("a.example", pause: .milliseconds(300))
        try await Task.sleep(for: .milliseconds(600))
        #expect(done.wait(timeout: .now() + 2) == .success)
        let acquired = acquiredAt.withLock { $0 }
        let waited = try #require(acquired) - released
        #expect(waited >= .milliseconds(280) && waited < .seconds(3))
    }

    @Test func stoppingWakesWaiters() async throws {
        let gate = HostGate()
        #expect(gate.acquire("a.example"))
        let result = Locked<Bool?>(nil)
        Thread { result.withLock { $0 = gate.acquire("a.example") } }.start()
        try await Task.sleep(for: .milliseconds(100))
        gate.stop()
        #expect(try await eventually(within: 2) { result.withLock { $0 } == false })
        #expect(!gate.acquire("c.example"))
    }
}
