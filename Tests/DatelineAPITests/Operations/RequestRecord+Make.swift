import HTTPTypes

@testable import HTTPServer

extension RequestRecord {
    /// A test record: a GET of `path` answered 200 in a millisecond, unless told otherwise.
    static func make(
        _ path: String, method: HTTPRequest.Method = .get, route: String?, status: Int = 200,
        bytesIn: Int = 0, bytesOut: Int = 100, duration: Double = 0.001
    ) -> RequestRecord {
        RequestRecord(
            method: method, path: path, route: route, status: HTTPResponse.Status(code: status),
            bytesIn: bytesIn, bytesOut: bytesOut, duration: duration, requestID: "test",
            remoteAddress: "127.0.0.1:1", userAgent: nil)
    }
}
