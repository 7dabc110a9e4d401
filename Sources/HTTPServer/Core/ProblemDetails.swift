import HTTPTypes

/// The one place where errors become responses: RFC 9457 `application/problem+json`.
public enum ProblemDetails {
    /// The media type of every error body.
    public static let contentType = "application/problem+json"

    /// The response for an error: an `HTTPError` as it says, anything else as a 500 that tells
    /// nothing of the failure's insides.
    public static func response(for error: any Error, instance: String? = nil) -> Response {
        let httpError = error as? HTTPError
            ?? HTTPError(.internalServerError, detail: "The server failed to answer this request.")
        return response(for: httpError, instance: instance)
    }

    /// The response for an `HTTPError`.
    public static func response(for error: HTTPError, instance: String? = nil) -> Response {
        var members: [(String, ProblemValue)] = [
            ("type", .string(error.type ?? "about:blank")),
            ("title", .string(error.status.reasonPhrase)),
            ("status", .int(error.status.code)),
        ]
        if let detail = error.detail { members.append(("detail", .string(detail))) }
        if let instance { members.append(("instance", .string(instance))) }
        for key in error.extensions.keys.sorted() where !["type", "title", "status", "detail", "instance"].contains(key) {
            members.append((key, error.extensions[key]!))
        }
        var json = ""
        JSONText.writeObject(members, to: &json)
        var fields = error.headerFields
        fields[.contentType] = contentType
        fields[.cacheControl] = fields[.cacheControl] ?? "no-store"
        if error.closeConnection { fields[.connection] = "close" }
        return Response(status: error.status, headerFields: fields, body: .bytes(Array(json.utf8)))
    }
}

/// A minimal JSON writer: problem members here, log lines elsewhere, with no encoder.
public enum JSONText {
    static func writeObject(_ members: [(String, ProblemValue)], to out: inout String) {
        out += "{"
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { out += "," }
            writeString(key, to: &out)
            out += ":"
            write(value, to: &out)
        }
        out += "}"
    }

    static func write(_ value: ProblemValue, to out: inout String) {
        switch value {
        case .string(let text): writeString(text, to: &out)
        case .int(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let members):
            writeObject(members.keys.sorted().map { ($0, members[$0]!) }, to: &out)
        }
    }

    /// Appends `text` as a JSON string literal, escaped.
    public static func writeString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
