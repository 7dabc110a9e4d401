import DatelineAPI
import HTTPServer
import Locking
import Testing

@Suite struct ObserverGroupTests {
    /// Where the recorders write, in the order events arrive.
    final class Log: Sendable {
        let entries = Locked<[String]>([])

        func append(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    /// Notes every event it hears, tagged with its name.
    struct Recorder: HTTPServerObserver {
        let name: String
        let log: Log

        func requestCompleted(_ record: RequestRecord) { log.append("\(name) \(record.path)") }
        func connectionOpened(open: Int) { log.append("\(name) opened \(open)") }
        func connectionClosed(open: Int) { log.append("\(name) closed \(open)") }
    }

    @Test func everyEventReachesEveryMemberInOrder() {
        let log = Log()
        let group = ObserverGroup([Recorder(name: "a", log: log), Recorder(name: "b", log: log)])
        group.connectionOpened(open: 1)
        group.requestCompleted(.make("/events", route: "/events"))
        group.connectionClosed(open: 0)
        #expect(log.all == ["a opened 1", "b opened 1", "a /events", "b /events", "a closed 0", "b closed 0"])
    }

    @Test func anEmptyGroupIgnoresEvents() {
        let group = ObserverGroup([])
        group.connectionOpened(open: 1)
        group.requestCompleted(.make("/events", route: "/events"))
        #expect(group.members.isEmpty)
    }
}
