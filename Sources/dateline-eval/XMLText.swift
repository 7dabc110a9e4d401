import Foundation

/// Just enough XML for the annotated corpora: a tag's attributes and character references.
enum XMLText {
    /// `name="value"` pairs of a tag's attribute text.
    static func attributes(_ text: Substring) -> [String: String] {
        var out: [String: String] = [:]
        let parts = text.components(separatedBy: "\"")
        var k = 0
        while k + 1 < parts.count {
            let key = parts[k].trimmingCharacters(in: .whitespaces).split(separator: " ").last.map { String($0.dropLast()) } ?? ""
            out[key] = decode(parts[k + 1][...])
            k += 2
        }
        return out
    }

    /// Text with its XML character references replaced.
    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semicolon = rest[amp...].prefix(10).firstIndex(of: ";") else {
                out += rest[amp...]
                return out
            }
            let name = rest[rest.index(after: amp)..<semicolon]
            if let scalar = named[String(name)] ?? numeric(name) {
                out.unicodeScalars.append(scalar)
            } else {
                out += rest[amp...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return out + rest
    }

    private static let named: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    private static func numeric(_ name: Substring) -> Unicode.Scalar? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init)
    }
}
