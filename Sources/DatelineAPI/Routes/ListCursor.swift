import HTTPServer
import NewsModel

/// The cursors of ``ListSlice``: base64url of `L1`, a hash of the list they belong to, and the
/// key of the last item shown, joined by U+001F.
enum ListCursor {
    private static var separator: Character { "\u{1F}" }

    /// The cursor after the item with `key` in the list named `scope`.
    static func encode(_ key: [String], scope: String) -> String {
        Base64URL.encode(Array((["L1", hash(scope)] + key).joined(separator: String(separator)).utf8))
    }

    /// The key a cursor holds; 400 when it is not one of ours or belongs to another list.
    static func decode(_ cursor: String, scope: String) throws(HTTPError) -> [String] {
        guard let bytes = Base64URL.decode(cursor), let text = String(validating: bytes, as: UTF8.self) else {
            throw APIError.badParameter("cursor", "is not a cursor this API made.")
        }
        let fields = text.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 3, fields[0] == "L1" else {
            throw APIError.badParameter("cursor", "is not a cursor this API made.")
        }
        guard fields[1] == hash(scope) else {
            throw APIError.badParameter("cursor", "belongs to another list or other filters.")
        }
        return Array(fields.dropFirst(2))
    }

    /// 64-bit FNV-1a of the scope, in hex: stable across processes, unlike `Hasher`.
    private static func hash(_ scope: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in scope.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// A key part that sorts numbers in order: zero-padded to 12 digits.
    static func ordered(_ number: Int) -> String {
        let digits = String(max(0, number))
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// A key part that sorts numbers in reverse order.
    static func reversed(_ number: Int) -> String {
        ordered(999_999_999_999 - number)
    }
}
