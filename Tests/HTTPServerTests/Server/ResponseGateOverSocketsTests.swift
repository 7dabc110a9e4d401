import Dispatch
import HTTPServer
import HTTPTypes
import Locking
import Testing

/// Responses that wait on a gate: sent once it opens, a problem in their place when it fails,
/// and no thread of the handler's held meanwhile.
@Suite("Gated responses over sockets")
struct ResponseGateOverSocketsTests {
    /// A gate the test opens or fails by hand, from another thread.
    final class ManualGate: ResponseGate {
        private let waiting = Locked<[@Sendable ((any Error)?) -> Void]>([])
        private let asked = DispatchSemaphore(value: 0)

        func whenOpen(_ opened: @escaping @Sendable ((any Error)?) -> Void) {
            waiting.withLock { $0.append(opened) }
            asked.signal()
        }

        /// Waits until `count` responses wait on the gate; false after 30 s.
        func awaitWaiters(_ count: Int) -> Bool {
            (0..<count).allSatisfy { _ in asked.wait(timeout: .now() + 30) == .success }
        }

        func open(failing error: (any Error)? = nil) {
            let waiters = waiting.withLock { list in
                defer { list = [] }
                return list
            }
            for opened in waiters { opened(error) }
        }
    }

    struct Flush: Error {}

    /// Answers a POST with 201, gated on `gate`, and with a field a middleware would have set.
    struct GatedResponder: Responder {
        let gate: ManualGate

        func respond(to request: Request) throws -> Response {
            var response = Response(status: .created, contentType: "application/json", bytes: Array(#"{"id":"a"}"#.utf8))
            response.headerFields[.location] = "/items/a"
            response.headerFields[HTTPField.Name("Access-Control-Allow-Origin")!] = "*"
            response.gate = gate
            return response
        }
    }

    /// Answers a POST with 201 and how many times it has answered, gated on `gate`.
    struct CountingResponder: Responder {
        let gate: ManualGate
        let answers = Locked(0)

        func respond(to request: Request) throws -> Response {
            let count = answers.withLock { count in
                count += 1
                return count
            }
            var response = Response(status: .created, contentType: "application/json", bytes: Array(#"{"answer":\#(count)}"#.utf8))
            response.gate = gate
            return response
        }
    }

    static func post(_ client: RawClient) {
        client.send("POST /items HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}")
    }

    @Test func aResponseGoesOutOnlyOnceItsGateOpens() async throws {
        let gate = ManualGate()
        let server = try TestServer(GatedResponder(gate: gate))
        let client = try server.client()
        Self.post(client)
        #expect(gate.awaitWaiters(1))
        #expect(!client.hasBytesWaiting(for: .milliseconds(200)), "nothing is sent before the gate opens")
        gate.open()
        let response = try client.readResponse()
        #expect(response.status == 201)
        #expect(response.header("Location") == "/items/a")
        await server.stop()
    }

    @Test func aFailedGateSendsTheProblemAndKeepsTheMiddlewaresFields() async throws {
        let gate = ManualGate()
        let server = try TestServer(GatedResponder(gate: gate))
        let client = try server.client()
        Self.post(client)
        #expect(gate.awaitWaiters(1))
        gate.open(failing: HTTPError(.serviceUnavailable, detail: "The write could not be made durable."))
        let response = try client.readResponse()
        #expect(response.status == 503)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.json["detail"] as? String == "The write could not be made durable.")
        #expect(response.header("Location") == nil, "what described the 201's content is gone")
        #expect(response.header("Access-Control-Allow-Origin") == "*")
        await server.stop()
    }

    @Test func aGateThatFailsWithAnswerAgainHasTheRequestAnsweredAgain() async throws {
        let gate = ManualGate()
        let responder = CountingResponder(gate: gate)
        let server = try TestServer(responder)
        let client = try server.client()
        Self.post(client)
        #expect(gate.awaitWaiters(1))
        gate.open(failing: AnswerAgain())
        #expect(gate.awaitWaiters(1), "the second answer waits on the gate too")
        #expect(!client.hasBytesWaiting(for: .milliseconds(200)), "nothing of the first answer was sent")
        gate.open()
        let response = try client.readResponse()
        #expect(response.status == 201)
        #expect(response.json["answer"] as? Int == 2)
        await server.stop()
    }

    @Test func aRequestAnsweredAgainAsOftenAsItMayIsAnswered503() async throws {
        let gate = ManualGate()
        let responder = CountingResponder(gate: gate)
        let server = try TestServer(responder)
        let client = try server.client()
        Self.post(client)
        for _ in 0...AnswerAgain.limit {
            #expect(gate.awaitWaiters(1))
            gate.open(failing: AnswerAgain())
        }
        let response = try client.readResponse()
        #expect(response.status == 503)
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.header("Retry-After") == "1")
        #expect(responder.answers.withLock { $0 } == AnswerAgain.limit + 1)
        await server.stop()
    }

    @Test func manyGatedResponsesWaitWithoutAThreadEach() async throws {
        // More waiting responses than there are handler lanes: each lane returned at once.
        let gate = ManualGate()
        let server = try TestServer(GatedResponder(gate: gate))
        let clients = try (0..<200).map { _ in try server.client() }
        for client in clients { Self.post(client) }
        #expect(gate.awaitWaiters(clients.count))
        gate.open()
        for client in clients { #expect(try client.readResponse().status == 201) }
        await server.stop()
    }
}
