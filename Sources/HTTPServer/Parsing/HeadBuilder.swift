import HTTPTypes

extension RequestParser {
    /// The request line and the header fields received so far; once the head is complete it
    /// decides host, framing, expectation and persistence.
    struct HeadBuilder: Sendable {
        let line: RequestLine
        /// Field lines so far, and their bytes with CRLF (trailers continue these counts).
        private(set) var fieldCount = 0
        private(set) var fieldBytes = 0
        private var fields = HTTPFields()
        // swift-http-types marks `.host` unavailable to steer HTTP/2 users to `authority`.
        private static let hostField = HTTPField.Name("Host")!

        init(line: RequestLine) {
            self.line = line
        }

        /// Adds one header field line (CRLF excluded), enforcing the header limits.
        mutating func appendField(_ bytes: ArraySlice<UInt8>, limits: HTTPServerConfiguration.Limits) throws(HTTPError) {
            fieldCount += 1
            fieldBytes += bytes.count + 2
            guard fieldCount <= limits.headerCount else {
                throw RequestParser.failure(.requestHeaderFieldsTooLarge, "More than \(limits.headerCount) header fields")
            }
            guard fieldBytes <= limits.headerBytes else {
                throw RequestParser.failure(.requestHeaderFieldsTooLarge, "Header section larger than \(limits.headerBytes) bytes")
            }
            fields.append(try FieldLine(parsing: bytes).field)
        }

        /// Checks the complete head and says how to read the body.
        func finish(limits: HTTPServerConfiguration.Limits) throws(HTTPError) -> RequestHead {
            let host = try host()
            let framing = try framing(limits: limits)
            let expectations = fields[values: .expect].flatMap(Syntax.listElements)
            guard expectations.allSatisfy({ $0 == "100-continue" }) else {
                throw RequestParser.failure(.expectationFailed, "Only the expectation 100-continue is supported")
            }
            // RFC 9110 section 10.1.1: a 100-continue expectation in HTTP/1.0 is ignored.
            let expectsContinue = !expectations.isEmpty && line.version == .http1_1 && framing != .none
            let head = HTTPRequest(
                method: line.method,
                scheme: nil,
                authority: line.target.authority ?? host,
                path: line.target.originForm,
                headerFields: fields
            )
            return RequestHead(
                head: head,
                version: line.version,
                target: line.target,
                keepAlive: keepAlive(),
                framing: framing,
                expectsContinue: expectsContinue
            )
        }

        /// The Host value (nil when empty): exactly one is required in HTTP/1.1, at most one in 1.0.
        private func host() throws(HTTPError) -> String? {
            let hosts = fields[values: Self.hostField]
            guard hosts.count <= 1 else {
                throw RequestParser.failure(.badRequest, "More than one Host header field")
            }
            guard let host = hosts.first else {
                if line.version == .http1_0 { return nil }
                throw RequestParser.failure(.badRequest, "HTTP/1.1 request without a Host header field")
            }
            guard host.utf8.allSatisfy(Self.isAuthorityByte) else {
                throw RequestParser.failure(.badRequest, "Host header field is not a valid host and port")
            }
            return host.isEmpty ? nil : host
        }

        /// unreserved, sub-delims, `:`, `[`, `]` and `%`: what `uri-host [ ":" port ]` may hold.
        private static func isAuthorityByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "-._~!$&'()*+,;=:[]%".utf8.contains(byte)
            }
        }

        /// RFC 9112 section 6: chunked or Content-Length, never both, nothing ambiguous.
        private func framing(limits: HTTPServerConfiguration.Limits) throws(HTTPError) -> RequestHead.Framing {
            let encodings = fields[values: .transferEncoding]
            let lengths = fields[values: .contentLength]
            if !encodings.isEmpty {
                guard lengths.isEmpty else {
                    throw RequestParser.failure(.badRequest, "Content-Length and Transfer-Encoding both present")
                }
                guard line.version == .http1_1 else {
                    throw RequestParser.failure(.badRequest, "Transfer-Encoding in an HTTP/1.0 request")
                }
                guard encodings.flatMap(Syntax.listElements) == ["chunked"] else {
                    throw RequestParser.failure(.badRequest, "Transfer-Encoding other than chunked is not supported")
                }
                return .chunked
            }
            var digits: Substring?
            for element in lengths.flatMap(Syntax.listElements) {
                guard !element.isEmpty, element.utf8.allSatisfy(Syntax.isDigit) else {
                    throw RequestParser.failure(.badRequest, "Content-Length is not a decimal number")
                }
                let significant = element.drop { $0 == "0" }
                guard digits == nil || digits == significant else {
                    throw RequestParser.failure(.badRequest, "Content-Length has several differing values")
                }
                digits = significant
            }
            guard let digits else { return .none }
            // Past 18 digits the number would not fit an Int; it is far over any limit anyway.
            guard digits.count <= 18, let length = Int(digits.isEmpty ? "0" : digits), length <= limits.bodyBytes else {
                throw RequestParser.failure(.contentTooLarge, "Request body larger than \(limits.bodyBytes) bytes")
            }
            return length == 0 ? .none : .length(length)
        }

        /// RFC 9112 section 9.3: `Connection` as a token list over all its fields.
        private func keepAlive() -> Bool {
            let options = Set(fields[values: .connection].flatMap(Syntax.listElements))
            if options.contains("close") { return false }
            return line.version == .http1_1 || options.contains("keep-alive")
        }
    }
}
