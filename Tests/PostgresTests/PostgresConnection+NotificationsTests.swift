import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite(.enabled(if: PostgresTestCluster.isAvailable, "PostgreSQL's server binaries are not installed (make test installs postgresql)"))
struct PostgresConnectionNotificationsTests {
    let cluster: PostgresTestCluster
    let listener: PostgresConnection
    let sender: PostgresConnection

    init() throws {
        cluster = try PostgresTestCluster()
        listener = try PostgresConnection(url: cluster.url)
        sender = try PostgresConnection(url: cluster.url)
    }

    @Test func aNotificationCarriesItsChannelPayloadAndSender() throws {
        try listener.listen("dateline_changes")
        try sender.notify("dateline_changes", payload: "42")
        let received = try listener.notifications(timeout: .seconds(5))
        #expect(received == [PostgresNotification(channel: "dateline_changes", payload: "42", senderProcessID: sender.serverProcessID)])
    }

    @Test func notificationsArriveInOrderAndOnlyOnTheChannelsListenedTo() throws {
        try listener.listen("a")
        for payload in ["1", "2", "3"] { try sender.notify("a", payload: payload) }
        try sender.notify("b", payload: "elsewhere")
        try sender.notify("a", payload: "ünïcode ✓")
        var received: [PostgresNotification] = []
        let deadline = ContinuousClock.now + .seconds(5)
        while received.count < 4 && ContinuousClock.now < deadline {
            received += try listener.notifications(timeout: .milliseconds(500))
        }
        #expect(received.map(\.payload) == ["1", "2", "3", "ünïcode ✓"])
        #expect(received.allSatisfy { $0.channel == "a" })
    }

    @Test func theWaitEndsEmptyAfterTheTimeout() throws {
        try listener.listen("quiet")
        let started = ContinuousClock.now
        let received = try listener.notifications(timeout: .milliseconds(300))
        let waited = ContinuousClock.now - started
        #expect(received.isEmpty)
        #expect(waited >= .milliseconds(300) && waited < .seconds(3))
    }

    @Test func aNotificationSentInATransactionArrivesAtCommit() throws {
        try listener.listen("c")
        try sender.execute("BEGIN")
        try sender.notify("c", payload: "7")
        #expect(try listener.notifications(timeout: .milliseconds(200)).isEmpty)
        try sender.execute("COMMIT")
        #expect(try listener.notifications(timeout: .seconds(5)).map(\.payload) == ["7"])
    }

    @Test func aPayloadTooLongIsRefusedBySQLState() throws {
        try listener.listen("f")
        let limit = String(repeating: "x", count: 7999)
        try sender.notify("f", payload: limit)
        #expect(try listener.notifications(timeout: .seconds(5)).map(\.payload) == [limit])
        #expect { try sender.notify("f", payload: limit + "x") } throws: { ($0 as? PostgresError)?.sqlState == "22023" }
    }

    @Test func afterUnlistenNothingArrives() throws {
        try listener.listen("d")
        try listener.unlisten("d")
        try sender.notify("d", payload: "x")
        #expect(try listener.notifications(timeout: .milliseconds(200)).isEmpty)
    }

    @Test func aLostConnectionEndsTheWaitWithAnError() throws {
        try listener.listen("e")
        let pid = listener.serverProcessID
        Thread.detachNewThread { [sender] in
            usleep(200_000)
            _ = try? sender.execute("SELECT pg_terminate_backend($1)", parameters: [String(pid)])
        }
        let started = ContinuousClock.now
        #expect { try listener.notifications(timeout: .seconds(10)) } throws: { ($0 as? PostgresError)?.kind == .connection }
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
