import HTTPTypes

extension RequestParser {
    /// The request line and the header fields received so far. The fields that govern routing,
    /// framing and persistence are noted as they arrive; once the head is complete it decides.
    struct HeadBuilder: Sendable {
        let line: RequestLine
        /// Field lines so far, and their bytes with CRLF (trailers continue these counts).
        private(set) var fieldCount = 0
        private(set) var fieldBytes = 0
        private var fields = HTTPFields()

        private var hosts: [String] = []
        /// The Content-Length digits without leading zeros, once one was seen.
        private var contentLength: String?
        private var transferCodings: [String] = []
        private var connectionClose = false
        private var connectionKeepAlive = false
        private var expectsContinue = false
        private var unsupportedExpectation = false

        init(line: RequestLine) {
            self.line = line
            // Room for a typical request's fields at once: grown one by one, the list took three
            // allocations for four.
            fields.reserveCapacity(8)
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
            let line = try FieldLine(parsing: bytes)
            try note(line)
            fields.append(line.field)
        }

        /// Records what a field says about the request's host, framing, persistence or expectation.
        private mutating func note(_ line: FieldLine) throws(HTTPError) {
            switch line.name.canonicalName {
            case "host":
                hosts.append(String(decoding: line.value, as: UTF8.self))
            case "content-length":
                for element in Syntax.listElements(line.value) {
                    guard !element.isEmpty, element.allSatisfy(Syntax.isDigit) else {
                        throw RequestParser.failure(.badRequest, "Content-Length is not a decimal number")
                    }
                    let digits = String(decoding: element.drop { $0 == UInt8(ascii: "0") }, as: UTF8.self)
                    guard contentLength == nil || contentLength == digits else {
                        throw RequestParser.failure(.badRequest, "Content-Length has several differing values")
                    }
                    contentLength = digits
                }
            case "transfer-encoding":
                transferCodings += Syntax.listElements(line.value).map { String(decoding: $0, as: UTF8.self).lowercased() }
            case "connection":
                for option in Syntax.listElements(line.value) {
                    connectionClose = connectionClose || Syntax.equalsIgnoringCase(option, "close")
                    connectionKeepAlive = connectionKeepAlive || Syntax.equalsIgnoringCase(option, "keep-alive")
                }
            case "expect":
                for expectation in Syntax.listElements(line.value) {
                    if Syntax.equalsIgnoringCase(expectation, "100-continue") {
                        expectsContinue = true
                    } else {
                        unsupportedExpectation = true
                    }
                }
            default:
                break
            }
        }

        /// Checks the complete head and says how to read the body.
        func finish(limits: HTTPServerConfiguration.Limits) throws(HTTPError) -> RequestHead {
            let host = try host()
            let framing = try framing(limits: limits)
            guard !unsupportedExpectation else {
                throw RequestParser.failure(.expectationFailed, "Only the expectation 100-continue is supported")
            }
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
                // RFC 9112 section 9.3.
                keepAlive: !connectionClose && (line.version == .http1_1 || connectionKeepAlive),
                framing: framing,
                // RFC 9110 section 10.1.1: a 100-continue expectation in HTTP/1.0 is ignored.
                expectsContinue: expectsContinue && line.version == .http1_1 && framing != .none
            )
        }

        /// The Host value (nil when empty): exactly one is required in HTTP/1.1, at most one in 1.0.
        private func host() throws(HTTPError) -> String? {
            guard hosts.count <= 1 else {
                throw RequestParser.failure(.badRequest, "More than one Host header field")
            }
            guard let host = hosts.first else {
                if line.version == .http1_0 { return nil }
                throw RequestParser.failure(.badRequest, "HTTP/1.1 request without a Host header field")
            }
            guard host.utf8.allSatisfy(Syntax.isAuthority) else {
                throw RequestParser.failure(.badRequest, "Host header field is not a valid host and port")
            }
            return host.isEmpty ? nil : host
        }

        /// RFC 9112 section 6: chunked or Content-Length, never both, nothing ambiguous.
        private func framing(limits: HTTPServerConfiguration.Limits) throws(HTTPError) -> RequestHead.Framing {
            if !transferCodings.isEmpty {
                guard contentLength == nil else {
                    throw RequestParser.failure(.badRequest, "Content-Length and Transfer-Encoding both present")
                }
                guard line.version == .http1_1 else {
                    throw RequestParser.failure(.badRequest, "Transfer-Encoding in an HTTP/1.0 request")
                }
                guard transferCodings == ["chunked"] else {
                    throw RequestParser.failure(.badRequest, "Transfer-Encoding other than chunked is not supported")
                }
                return .chunked
            }
            guard let contentLength else { return .none }
            // Past 18 digits the number would not fit an Int; it is far over any limit anyway.
            guard contentLength.utf8.count <= 18, let length = Int(contentLength.isEmpty ? "0" : contentLength),
                length <= limits.bodyBytes
            else {
                throw RequestParser.failure(.contentTooLarge, "Request body larger than \(limits.bodyBytes) bytes")
            }
            return length == 0 ? .none : .length(length)
        }
    }
}
