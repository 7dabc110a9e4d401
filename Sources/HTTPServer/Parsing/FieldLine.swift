import HTTPTypes

extension RequestParser {
    /// One `field-name ":" OWS field-value OWS` line of a header or trailer section
    /// (RFC 9112 section 5), checked strictly.
    struct FieldLine {
        var name: HTTPField.Name
        /// The value without surrounding whitespace; a slice of the line it was parsed from.
        var value: ArraySlice<UInt8>

        /// Parses a field line (CRLF excluded), throwing a 400 that names what is wrong.
        init(parsing line: ArraySlice<UInt8>) throws(HTTPError) {
            if let first = line.first, Syntax.isWhitespace(first) {
                throw RequestParser.failure(.badRequest, "Header field line starts with whitespace (obsolete line folding)")
            }
            guard let colon = line.firstIndex(of: Syntax.colon) else {
                throw RequestParser.failure(.badRequest, "Header field line has no colon")
            }
            let nameBytes = line[..<colon]
            if let last = nameBytes.last, Syntax.isWhitespace(last) {
                throw RequestParser.failure(.badRequest, "Whitespace between header field name and colon")
            }
            guard Syntax.isToken(nameBytes),
                let name = HTTPField.Name(String(decoding: nameBytes, as: UTF8.self))
            else {
                throw RequestParser.failure(.badRequest, "Header field name is empty or not a valid token")
            }
            let value = Syntax.trimmingWhitespace(line[(colon + 1)...])
            guard value.allSatisfy(Syntax.isFieldValue) else {
                throw RequestParser.failure(.badRequest, "Header field \(name.rawName) contains a control character")
            }
            self.name = name
            self.value = value
        }

        /// The field as swift-http-types holds it.
        var field: HTTPField {
            HTTPField(name: name, value: value)
        }
    }
}
