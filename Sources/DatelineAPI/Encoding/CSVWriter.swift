/// Writes RFC 4180 CSV: fields that hold a comma, a quote, CR or LF are quoted, quotes doubled,
/// records end with CRLF.
struct CSVWriter {
    private(set) var text = ""

    init(header: [String]) {
        append(header)
    }

    /// Appends one record.
    mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            text += Self.escape(field)
        }
        text += "\r\n"
    }

    /// The field as it must be written.
    static func escape(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        var quoted = "\""
        for character in field {
            if character == "\"" { quoted += "\"" }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
