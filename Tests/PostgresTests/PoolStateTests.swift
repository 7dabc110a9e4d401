import Testing

@testable import Postgres

/// The pool's rules, with numbers standing for connections and instants chosen by the test.
@Suite struct PoolStateTests {
    let start = ContinuousClock.now

    /// A pool that waits 100 ms after one failure, 200 ms after two, and never more than 300 ms.
    static func makeState() -> PoolState<Int> {
        PoolState(backoff: Backoff(initial: .milliseconds(100), maximum: .milliseconds(300)))
    }

    func connects(_ lending: PoolState<Int>.Lending) -> Bool {
        if case .connect = lending { true } else { false }
    }

    func refusal(_ lending: PoolState<Int>.Lending) -> PostgresError? {
        if case .refuse(let failure) = lending { failure } else { nil }
    }

    @Test func lendsTheMostRecentlyReturnedConnectionFirst() {
        var state = Self.makeState()
        #expect(connects(state.lend(at: start)))
        #expect(state.takeBack(1, usable: true) == nil)
        #expect(state.takeBack(2, usable: true) == nil)
        guard case .idle(let connection) = state.lend(at: start) else {
            Issue.record("nothing lent")
            return
        }
        #expect(connection == 2)
        #expect(state.idle == [1])
    }

    @Test func anUnusableConnectionIsNotKept() {
        var state = Self.makeState()
        #expect(state.takeBack(1, usable: false) == 1)
        #expect(state.idle.isEmpty)
    }

    @Test func afterAFailureBorrowersAreRefusedUntilTheBackoffHasPassed() throws {
        var state = Self.makeState()
        let failure = PostgresError(.connection, message: "connection refused")
        state.failedToConnect(failure, at: start)
        let refused = try #require(refusal(state.lend(at: start.advanced(by: .milliseconds(99)))))
        #expect(refused.kind == .connection && refused.message.contains("connection refused"))
        #expect(connects(state.lend(at: start.advanced(by: .milliseconds(100)))))

        state.failedToConnect(failure, at: start.advanced(by: .milliseconds(100)))
        #expect(refusal(state.lend(at: start.advanced(by: .milliseconds(299)))) != nil, "the second wait is twice as long")
        #expect(connects(state.lend(at: start.advanced(by: .milliseconds(300)))))

        for _ in 0..<10 { state.failedToConnect(failure, at: start) }
        #expect(connects(state.lend(at: start.advanced(by: .milliseconds(300)))), "the wait stops growing at the maximum")
    }

    @Test func aConnectionMadeStartsTheBackoffOver() {
        var state = Self.makeState()
        state.failedToConnect(PostgresError(.connection, message: "down"), at: start)
        state.failedToConnect(PostgresError(.connection, message: "down"), at: start)
        state.connected()
        #expect(state.failuresInARow == 0)
        #expect(connects(state.lend(at: start)))
    }

    @Test func idleConnectionsAreLentEvenDuringTheBackoff() {
        var state = Self.makeState()
        #expect(state.takeBack(1, usable: true) == nil)
        state.failedToConnect(PostgresError(.connection, message: "down"), at: start)
        guard case .idle(1) = state.lend(at: start) else {
            Issue.record("the idle connection was not lent")
            return
        }
    }

    @Test func closingReleasesTheIdleAndRefusesEveryone() {
        var state = Self.makeState()
        #expect(state.takeBack(1, usable: true) == nil)
        #expect(state.close() == [1])
        #expect(refusal(state.lend(at: start))?.message == "the pool is closed")
        #expect(state.takeBack(2, usable: true) == 2)
    }
}
