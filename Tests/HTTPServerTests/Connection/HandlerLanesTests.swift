import Dispatch
import Testing

@testable import HTTPServer

@Suite struct HandlerLanesTests {
    @Test func aConnectionKeepsItsLane() {
        #expect(HandlerLanes.lane(for: 7) === HandlerLanes.lane(for: 7))
        #expect(HandlerLanes.lane(for: 7) === HandlerLanes.lane(for: 7 + Int32(HandlerLanes.count)))
        #expect(HandlerLanes.lane(for: 7) !== HandlerLanes.lane(for: 8))
        #expect(HandlerLanes.lane(for: 7, blocking: false) === HandlerLanes.lane(for: 7, blocking: false))
        #expect(HandlerLanes.lane(for: 7, blocking: false) !== HandlerLanes.lane(for: 7))
    }

    @Test func handlersThatNeverBlockShareALaneForEachCPU() {
        let brief = (0..<Int32(HandlerLanes.count)).map { ObjectIdentifier(HandlerLanes.lane(for: $0, blocking: false)) }
        #expect(Set(brief).count == HandlerLanes.briefCount)
        #expect(HandlerLanes.briefCount < HandlerLanes.count)
    }

    @Test func everyLaneRunsAtOnce() {
        // Each lane blocks until all have started: they can only finish if each has a thread.
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for descriptor in 0..<Int32(HandlerLanes.count) {
            done.enter()
            HandlerLanes.lane(for: descriptor).async {
                started.signal()
                release.wait()
                done.leave()
            }
        }
        for _ in 0..<HandlerLanes.count {
            #expect(started.wait(timeout: .now() + 10) == .success)
        }
        for _ in 0..<HandlerLanes.count { release.signal() }
        #expect(done.wait(timeout: .now() + 10) == .success)
    }
}
