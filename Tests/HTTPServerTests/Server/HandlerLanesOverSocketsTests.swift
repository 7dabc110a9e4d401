import Dispatch
import Testing

@testable import HTTPServer

/// Handlers that never block are answered while every lane for those that may block is taken.
@Suite("Handler lanes over sockets")
struct HandlerLanesOverSocketsTests {
    static var router: Router {
        var router = Router()
        router.post("/slow") { _ in Response(status: .ok) }
        router.post("/quick", blocking: false) { _ in Response(status: .ok) }
        return router
    }

    static func post(_ path: String, _ client: RawClient) {
        client.send("POST \(path) HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func aHandlerThatNeverBlocksIsAnsweredWhileEveryBlockingLaneWaits() async throws {
        let server = try TestServer(Self.router)
        // Every lane for handlers that may block waits, as 64 writers waiting on a disk would.
        let release = DispatchSemaphore(value: 0)
        let released = DispatchGroup()
        for descriptor in 0..<Int32(HandlerLanes.count) {
            released.enter()
            HandlerLanes.lane(for: descriptor).async {
                release.wait()
                released.leave()
            }
        }
        let slow = try server.client()
        let quick = try server.client()
        Self.post("/slow", slow)
        Self.post("/quick", quick)
        let answered = Result { try quick.readResponse() }
        let slowWaited = !slow.hasBytesWaiting(for: .milliseconds(200))
        for _ in 0..<HandlerLanes.count { release.signal() }
        #expect(released.wait(timeout: .now() + 30) == .success)
        #expect(try answered.get().status == 200)
        #expect(slowWaited, "a handler that may block waits for a lane of its kind")
        #expect(try slow.readResponse().status == 200)
        await server.stop()
    }
}
