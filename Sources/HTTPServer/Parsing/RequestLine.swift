import HTTPTypes

extension RequestParser {
    /// `method SP request-target SP HTTP-version` (RFC 9112 section 3).
    struct RequestLine: Sendable {
        var method: HTTPRequest.Method
        var target: RequestTarget
        /// The version as served: a higher HTTP/1.x minor is read as 1.1.
        var version: HTTPVersion

        /// Parses a request line (CRLF excluded). Syntax errors are 400; then an unsupported
        /// version is 505, an unknown method 501, and a target in a form not accepted 400.
        init(parsing line: ArraySlice<UInt8>) throws(HTTPError) {
            guard let firstSpace = line.firstIndex(of: Syntax.space),
                let secondSpace = line[(firstSpace + 1)...].firstIndex(of: Syntax.space),
                !line[(secondSpace + 1)...].contains(Syntax.space),
                secondSpace > firstSpace + 1
            else {
                throw RequestParser.failure(.badRequest, "Request line is not 'method SP target SP version'")
            }
            let methodBytes = line[..<firstSpace]
            guard Syntax.isToken(methodBytes),
                let method = HTTPRequest.Method(String(decoding: methodBytes, as: UTF8.self))
            else {
                throw RequestParser.failure(.badRequest, "Request method is not a valid token")
            }
            let version = try Self.version(line[(secondSpace + 1)...])
            guard Self.isKnown(method) else {
                throw RequestParser.failure(.notImplemented, "Request method \(method.rawValue) is not implemented")
            }
            self.method = method
            self.version = version
            self.target = try RequestTarget(parsing: line[(firstSpace + 1)..<secondSpace], method: method)
        }

        /// The methods this server knows; any other well-formed method is answered 501.
        static func isKnown(_ method: HTTPRequest.Method) -> Bool {
            switch method {
            case .get, .head, .post, .put, .patch, .delete, .options, .trace, .connect: true
            default: false
            }
        }

        /// `HTTP/DIGIT.DIGIT`: 1.0 and 1.1 as they are, 1.2 to 1.9 as 1.1, other majors 505.
        private static func version(_ bytes: ArraySlice<UInt8>) throws(HTTPError) -> HTTPVersion {
            let digits = bytes.dropFirst(5)
            guard bytes.count == 8, bytes.starts(with: "HTTP/".utf8),
                let major = digits.first, Syntax.isDigit(major),
                digits.dropFirst().first == UInt8(ascii: "."),
                let minor = digits.last, Syntax.isDigit(minor)
            else {
                throw RequestParser.failure(.badRequest, "Request line has a malformed HTTP version")
            }
            guard major == UInt8(ascii: "1") else {
                throw RequestParser.failure(
                    .httpVersionNotSupported,
                    "HTTP version \(String(decoding: bytes, as: UTF8.self)) is not supported; use HTTP/1.1"
                )
            }
            return minor == UInt8(ascii: "0") ? .http1_0 : .http1_1
        }
    }
}
