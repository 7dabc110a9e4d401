/// A cursor over the bytes of a header field value, for the small parsers of field grammars
/// (entity tags, HTTP dates). Each parser adds what its grammar needs in an extension.
struct FieldScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ text: String) { self.bytes = Array(text.utf8) }

    var atEnd: Bool { index == bytes.count }

    /// Steps over `byte` when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Steps over `text` when it comes next in full; otherwise stays where it was.
    mutating func literal(_ text: String) -> Bool {
        let start = index
        for byte in text.utf8 where !take(byte) {
            index = start
            return false
        }
        return true
    }

    /// Steps over optional whitespace (spaces and tabs, RFC 9110 section 5.6.3).
    mutating func skipOWS() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
    }
}
