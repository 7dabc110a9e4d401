import Testing

@testable import DatelineAPI

@Suite("Commit ticket")
struct CommitTicketTests {
    @Test func aLineLeftBeforeTheFlusherTakesItIsKeptAndOneLeftAfterIsNot() {
        let early = CommitTicket()
        early.leave(line: Array("early".utf8))
        #expect(early.takeLine() == Array("early".utf8))
        #expect(early.takeLine() == nil, "taken once")
        let late = CommitTicket()
        #expect(late.takeLine() == nil, "the flusher makes the line itself")
        late.leave(line: Array("late".utf8))
        #expect(late.takeLine() == nil, "a line left after the flusher came is not kept")
    }

    @Test func everyoneWaitingOnATicketIsToldOnce() {
        let ticket = CommitTicket()
        let outcomes = GroupCommitTests.Outcomes()
        ticket.whenSettled(outcomes.callback("writer"))
        ticket.whenSettled(outcomes.callback("unchanged write"))
        ticket.settle(nil)
        ticket.whenSettled(outcomes.callback("after"))
        #expect(outcomes.names == ["writer", "unchanged write", "after"])
        #expect(outcomes.failures.isEmpty)
    }
}
