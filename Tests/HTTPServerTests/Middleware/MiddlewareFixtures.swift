import HTTPTypes

@testable import HTTPServer

/// Requests, responders and bodies for the middleware, compression and static-file tests.
enum MiddlewareFixtures {
    /// A request as the parser would hand it over: `target` raw, `path` decoded once.
    static func request(
        _ method: HTTPRequest.Method = .get, _ target: String = "/",
        path: String? = nil, fields: HTTPFields = [:]
    ) -> Request {
        let rawPath = String(target.prefix { $0 != "?" })
        let head = HTTPRequest(method: method, scheme: nil, authority: "localhost", path: target, headerFields: fields)
        return Request(head: head, path: path ?? (rawPath.removingPercentEncodingForTests ?? rawPath))
    }

    /// A responder that always answers with `response` and counts its calls.
    static func responder(_ response: Response) -> ClosureResponder {
        ClosureResponder { _ in response }
    }

    /// A responder that answers with `response` and hands the request it saw to `seen`.
    static func recording(_ response: Response, seen: @escaping @Sendable (Request) -> Void) -> ClosureResponder {
        ClosureResponder { request in
            seen(request)
            return response
        }
    }

    /// A JSON body of about `count` bytes that compresses well.
    static func json(_ count: Int) -> [UInt8] {
        var text = "["
        var index = 0
        while text.utf8.count < count {
            text += "{\"id\":\(index),\"title\":\"Headline number \(index)\"},"
            index += 1
        }
        text += "{}]"
        return Array(text.utf8)
    }

    /// Bytes that do not compress: a linear congruential sequence.
    static func noise(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }
}

extension String {
    /// Percent-decoding for test inputs (the parser's job in the server).
    var removingPercentEncodingForTests: String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
