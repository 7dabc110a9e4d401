import Dispatch
import Testing

@testable import HTTPServer

/// The connection's protocol logic without sockets: events in, actions out.
@Suite("Connection state machine")
struct ConnectionStateMachineTests {
    typealias Machine = ConnectionStateMachine

    static let start = DispatchTime(uptimeNanoseconds: 1_000_000_000_000)
    static let head = Machine.HeadContext(date: "Tue, 01 Dec 2026 00:00:00 GMT", serverName: "Test")

    static func machine(_ configure: (inout HTTPServerConfiguration) -> Void = { _ in }) -> Machine {
        var configuration = HTTPServerConfiguration()
        configure(&configuration)
        return Machine(configuration: configuration, secure: false, now: start)
    }

    /// The actions, as short text.
    static func names(_ actions: [Machine.Action]) -> [String] {
        actions.map { action in
            switch action {
            case .respond(let request, let offLoop): "respond \(request.method.rawValue) \(request.path)\(offLoop ? " off the loop" : "")"
            case .reject(let error): "reject \(error.status.code)"
            case .flush: "flush"
            case .startStream: "start stream"
            case .processLater: "process later"
            case .lingerDeadline: "linger deadline"
            case .shutdownWrite: "shut down writing"
            case .close(let closing): "close \(closing)"
            }
        }
    }

    static func receive(_ text: String, into machine: inout Machine, at now: DispatchTime = start) -> [String] {
        names(Array(text.utf8).withUnsafeBytes { machine.received($0, now: now) })
    }

    static func answer(
        _ machine: inout Machine, to request: Request? = nil, with body: String = "ok",
        keepAlive: Bool = true, at now: DispatchTime = start
    ) -> [String] {
        let response = Response(contentType: "text/plain", bytes: Array(body.utf8))
        return names(machine.respond(with: response, to: request, requestID: "r1", keepAlive: keepAlive, head: head, now: now).actions)
    }

    /// Writes everything queued, as a socket that takes it all would; returns the text sent.
    static func drain(_ machine: inout Machine, at now: DispatchTime = start) -> (sent: String, actions: [String]) {
        let sent = OutputQueueTests.unsent(machine.output)
        machine.wrote(sent.count, now: now)
        return (String(decoding: sent, as: UTF8.self), names(machine.outputDrained(now: now)))
    }

    static func request(_ path: String) -> Request {
        Request(head: .init(method: .get, scheme: nil, authority: nil, path: path), path: path)
    }

    @Test func aCompleteRequestIsAnsweredOnTheLoop() {
        var machine = Self.machine()
        #expect(Self.receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", into: &machine) == ["respond GET /a"])
        #expect(machine.state == .open(.responding))
        #expect(Self.answer(&machine, to: Self.request("/a")) == ["flush"])
        let (sent, actions) = Self.drain(&machine)
        #expect(sent.hasPrefix("HTTP/1.1 200 OK\r\n") && sent.hasSuffix("\r\n\r\nok"))
        #expect(actions.isEmpty)
        #expect(machine.state == .open(.reading(since: nil)))
        #expect(machine.deadline == Self.start + HTTPServerConfiguration.Timeouts().idle)
    }

    @Test func aWriteIsAnsweredOffTheLoopWhileReadingGoesOn() {
        var machine = Self.machine()
        let actions = Self.receive("POST /w HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi", into: &machine)
        #expect(actions == ["respond POST /w off the loop"])
        #expect(machine.interest.reading, "no change of interest for a request that sends nothing more")
        #expect(machine.deadline == .distantFuture, "an answer that takes long (a flush) is not timed out")
        #expect(Self.names(machine.deadlinePassed(now: Self.start + 3_600)).isEmpty)
        #expect(Self.answer(&machine, to: Self.request("/w")) == ["flush"])
        #expect(machine.interest.reading)
    }

    @Test func requestsPipelinedBehindAnAnswerAreReadAheadUpToALimit() {
        var machine = Self.machine()
        _ = Self.receive("POST /w HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi", into: &machine)
        let next = "GET /n HTTP/1.1\r\nHost: x\r\n\r\n"
        #expect(Self.receive(next, into: &machine).isEmpty)
        #expect(machine.interest.reading)
        let filler = "GET /f HTTP/1.1\r\nHost: x\r\nX-Filler: \(String(repeating: "y", count: Machine.readAhead))\r\n\r\n"
        #expect(Self.receive(filler, into: &machine).isEmpty)
        #expect(!machine.interest.reading, "read ahead past the limit")
        #expect(Self.answer(&machine, to: Self.request("/w")) == ["respond GET /n"])
        #expect(machine.interest.reading)
    }

    @Test func aPeerThatLeavesDuringAnAnswerOffTheLoopStillGetsIt() {
        var machine = Self.machine()
        _ = Self.receive("POST /w HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi", into: &machine)
        #expect(Self.names(machine.peerClosed()).isEmpty)
        #expect(machine.state == .finishing(.responding))
        #expect(Self.answer(&machine, to: Self.request("/w")) == ["flush"])
        #expect(Self.drain(&machine).sent.hasPrefix("HTTP/1.1 200 OK\r\n"))
    }

    @Test func pipelinedRequestsAreAnsweredOneAtATimeInOrder() {
        var machine = Self.machine()
        #expect(Self.receive("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n", into: &machine) == ["respond GET /1"])
        #expect(Self.answer(&machine, to: Self.request("/1"), with: "one") == ["respond GET /2"])
        #expect(Self.answer(&machine, to: Self.request("/2"), with: "two") == ["flush"])
        let sent = Self.drain(&machine).sent
        #expect(sent.contains("\r\n\r\none") && sent.hasSuffix("\r\n\r\ntwo"))
    }

    @Test func expectContinueQueuesTheInterimResponse() {
        var machine = Self.machine()
        let actions = Self.receive("POST /w HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n", into: &machine)
        #expect(actions == ["flush"])
        #expect(Self.drain(&machine).sent == "HTTP/1.1 100 Continue\r\n\r\n")
        #expect(machine.deadline == Self.start + HTTPServerConfiguration.Timeouts().bodyProgress)
    }

    @Test func aMalformedRequestIsRejectedThenTheConnectionLingers() {
        var machine = Self.machine()
        #expect(Self.receive("NOT HTTP\r\n\r\n", into: &machine) == ["reject 400"])
        #expect(Self.answer(&machine, keepAlive: false) == ["flush"])
        #expect(machine.state == .finishing(.reading(since: nil)))
        #expect(!machine.interest.reading)
        #expect(Self.drain(&machine).actions == ["shut down writing"])
        #expect(machine.state == .lingering)
        #expect(machine.interest.reading)
        #expect(Self.names(machine.peerClosed()) == ["close normal"])
        #expect(machine.isClosed)
    }

    @Test func connectionCloseFromTheClientEndsAfterTheResponse() {
        var machine = Self.machine()
        _ = Self.receive("GET /a HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", into: &machine)
        #expect(Self.answer(&machine, to: Self.request("/a"), keepAlive: false) == ["flush"])
        #expect(Self.drain(&machine).actions == ["shut down writing"])
    }

    @Test func aPeerThatLeavesIdleIsClosedAtOnce() {
        var machine = Self.machine()
        #expect(Self.names(machine.peerClosed()) == ["close normal"])
    }

    @Test func aPeerThatLeavesMidResponseGetsItsAnswerFirst() {
        var machine = Self.machine()
        _ = Self.receive("POST /w HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", into: &machine)
        #expect(Self.names(machine.peerClosed()).isEmpty)
        #expect(machine.state == .finishing(.responding))
        #expect(Self.answer(&machine, to: Self.request("/w")) == ["flush"])
        #expect(Self.drain(&machine).actions == ["shut down writing"])
    }

    @Test func aHeadThatNeverFinishesTimesOutWith408() {
        var machine = Self.machine { $0.timeouts.headerRead = 5 }
        #expect(Self.receive("GET /slow HTTP/1.1\r\n", into: &machine) == ["flush"])
        #expect(machine.deadline == Self.start + 5)
        #expect(Self.names(machine.deadlinePassed(now: Self.start + 4)).isEmpty)
        #expect(Self.names(machine.deadlinePassed(now: Self.start + 5)) == ["reject 408", "linger deadline"])
    }

    @Test func anIdleConnectionIsClosedAtItsDeadlineResettingALaggingClient() {
        var machine = Self.machine { $0.timeouts.idle = 3 }
        #expect(Self.names(machine.deadlinePassed(now: Self.start + 3)) == ["close resetIfLagging"])
    }

    @Test func aBlockedWriteSetsTheWriteStallDeadlineAndWantsWritability() {
        var machine = Self.machine { $0.timeouts.writeStall = 7 }
        _ = Self.receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", into: &machine)
        _ = Self.answer(&machine, to: Self.request("/a"))
        machine.writeBlocked(now: Self.start + 1)
        #expect(machine.interest.writing)
        #expect(machine.deadline == Self.start + 8)
        _ = Self.drain(&machine, at: Self.start + 2)
        #expect(!machine.interest.writing)
    }

    @Test func outputPastTheHighWaterMarkPausesReadingUntilItDrains() {
        var machine = Self.machine()
        let big = String(repeating: "x", count: OutputQueue.highWater)
        _ = Self.receive("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n", into: &machine)
        #expect(Self.answer(&machine, to: Self.request("/1"), with: big) == ["flush"])
        #expect(!machine.interest.reading)
        #expect(Self.drain(&machine).actions == ["process later"])
        #expect(machine.interest.reading)
        #expect(Self.names(machine.resume(now: Self.start)) == ["respond GET /2"])
    }

    @Test func aStreamIsChunkedAndEndsWithTheLastChunk() {
        var machine = Self.machine()
        _ = Self.receive("GET /s HTTP/1.1\r\nHost: x\r\n\r\n", into: &machine)
        let stream = Response(headerFields: [:], body: .stream(ResponseStream { _ in }))
        let actions = machine.respond(
            with: stream, to: Self.request("/s"), requestID: "r1", keepAlive: true, head: Self.head, now: Self.start
        ).actions
        #expect(Self.names(actions) == ["flush", "start stream"])
        #expect(Self.drain(&machine).sent.contains("Transfer-Encoding: chunked"))
        #expect(machine.deadline == .distantFuture)
        #expect(Self.names(machine.streamed(Array("hello".utf8), now: Self.start)) == ["flush"])
        #expect(Self.drain(&machine).sent == "5\r\nhello\r\n")
        #expect(Self.names(machine.streamEnded(shuttingDown: false, now: Self.start)) == ["flush"])
        #expect(Self.drain(&machine).sent == "0\r\n\r\n")
        #expect(machine.state == .open(.reading(since: nil)))
    }

    @Test func aStreamEndedByShutdownClosesAfterItsLastChunk() {
        var machine = Self.machine()
        _ = Self.receive("GET /s HTTP/1.1\r\nHost: x\r\n\r\n", into: &machine)
        let stream = Response(headerFields: [:], body: .stream(ResponseStream { _ in }))
        _ = machine.respond(with: stream, to: Self.request("/s"), requestID: "r1", keepAlive: true, head: Self.head, now: Self.start)
        _ = Self.drain(&machine)
        #expect(Self.names(machine.streamEnded(shuttingDown: true, now: Self.start)) == ["flush"])
        #expect(Self.drain(&machine).actions == ["shut down writing"])
    }

    @Test func aStreamWhoseClientDoesNotReadIsCut() {
        var machine = Self.machine()
        _ = Self.receive("GET /s HTTP/1.1\r\nHost: x\r\n\r\n", into: &machine)
        let stream = Response(headerFields: [:], body: .stream(ResponseStream { _ in }))
        _ = machine.respond(with: stream, to: Self.request("/s"), requestID: "r1", keepAlive: true, head: Self.head, now: Self.start)
        let chunk = [UInt8](repeating: 1, count: Machine.streamBufferLimit)
        #expect(Self.names(machine.streamed(chunk, now: Self.start)) == ["close slowStreamConsumer"])
    }

    @Test func shutdownClosesAnIdleConnectionButNotABusyOne() {
        var idle = Self.machine()
        #expect(Self.names(idle.shutdownRequested()) == ["close normal"])
        var busy = Self.machine()
        _ = Self.receive("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", into: &busy)
        #expect(Self.names(busy.shutdownRequested()).isEmpty)
    }

    @Test func aSecureConnectionReadsNothingUntilItsHandshakeIsDone() {
        var machine = Machine(configuration: HTTPServerConfiguration(), secure: true, now: Self.start)
        #expect(machine.isHandshaking)
        #expect(machine.deadline == Self.start + HTTPServerConfiguration.Timeouts().headerRead)
        #expect(Self.receive("GET / HTTP/1.1\r\n\r\n", into: &machine).isEmpty)
        machine.handshakeCompleted(now: Self.start)
        #expect(machine.state == .open(.reading(since: nil)))
    }

    @Test(arguments: [false, true])
    func aRefusedConnectionIsAnsweredWithoutReading(secure: Bool) {
        var machine = Machine(configuration: HTTPServerConfiguration(), secure: secure, now: Self.start)
        #expect(Self.names(machine.refuse(HTTPError(.serviceUnavailable, closeConnection: true))) == ["reject 503"])
        #expect(!machine.interest.reading)
        #expect(Self.answer(&machine, keepAlive: false) == ["flush"])
        #expect(machine.state == .finishing(.reading(since: nil)))
    }
}
