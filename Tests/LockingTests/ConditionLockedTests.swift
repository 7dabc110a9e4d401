import Foundation
import Locking
import Testing

/// Waiting on a value behind a lock: how long a timed wait lasts, and what ends it early.
@Suite struct ConditionLockedTests {
    @Test func aTimedWaitLastsItsLimitWhenNothingChanges() {
        let locked = ConditionLocked(0)
        let started = ContinuousClock.now
        let looks = locked.wait { looks -> ConditionLocked<Int>.Step<Int> in
            looks += 1
            return looks == 1 ? .wait(atMost: .milliseconds(100)) : .done(looks)
        }
        let waited = ContinuousClock.now - started
        #expect(looks == 2)
        #expect(waited >= .milliseconds(95) && waited < .seconds(5), "waited \(waited)")
    }

    @Test func anUpdateEndsAWaitEarly() {
        let locked = ConditionLocked(false)
        Thread {
            usleep(50_000)
            locked.update { $0 = true }
        }.start()
        let started = ContinuousClock.now
        let seen = locked.wait { ready -> ConditionLocked<Bool>.Step<Bool> in
            ready ? .done(true) : .wait(atMost: .seconds(20))
        }
        #expect(seen)
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func aDeadlinePassedAlreadyDoesNotWait() {
        let locked = ConditionLocked(0)
        let started = ContinuousClock.now
        let looks = locked.wait { looks -> ConditionLocked<Int>.Step<Int> in
            looks += 1
            return looks == 1 ? .wait(until: .now - .seconds(30)) : .done(looks)
        }
        #expect(looks == 2)
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
