import HTTPServer

/// Reading write bodies: strict parsing, and the JSON form of what the read routes answer.
extension JSONValue {
    /// Parses JSON bytes; nil when they are not one well-formed JSON document (RFC 8259, as
    /// ``JSONParser`` reads it: no trailing commas, nesting at most 512 deep).
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        JSONParser.parse(bytes)
    }

    /// The JSON form of an encodable value, as the read routes write it.
    static func of(_ value: some Encodable) throws -> JSONValue {
        let bytes = try JSONBody.encode(value)
        guard let tree = JSONParser.parse(bytes) else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "The encoded value is not JSON."))
        }
        return tree
    }
}
