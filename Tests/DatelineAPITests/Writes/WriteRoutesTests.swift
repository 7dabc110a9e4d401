import HTTPServer
import HTTPTypes
import Testing

/// Which writes may block a thread: those that answer through a durability gate never do, and
/// are answered on the few lanes for such handlers; an article's ingestion waits for its write.
@Suite struct WriteRoutesTests {
    static func mayBlock(_ client: WriteClient, _ method: HTTPRequest.Method, _ path: String) -> Bool {
        client.responder.mayBlock(
            answering: Request(head: HTTPRequest(method: method, scheme: nil, authority: "localhost", path: path), path: path))
    }

    @Test func writesAnsweredThroughAGateNeverBlock() {
        let client = WriteClient()
        let gated: [(HTTPRequest.Method, String)] = [
            (.post, "/events"), (.put, "/events/e"), (.patch, "/events/e"), (.delete, "/events/e"),
            (.post, "/entities"), (.put, "/entities/e"), (.patch, "/entities/e"), (.delete, "/entities/e"),
            (.post, "/entities/e/merge"), (.delete, "/articles/a"),
        ]
        for (method, path) in gated {
            #expect(!Self.mayBlock(client, method, path), "\(method.rawValue) \(path)")
        }
        #expect(Self.mayBlock(client, .post, "/articles"), "ingestion waits for its write")
        #expect(Self.mayBlock(client, .post, "/admin/reextract"))
    }
}
