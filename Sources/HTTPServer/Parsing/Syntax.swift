extension RequestParser {
    /// The byte classes of RFC 9110, RFC 9112 and RFC 3986 that the parser checks against.
    enum Syntax {
        static let cr = UInt8(ascii: "\r")
        static let lf = UInt8(ascii: "\n")
        static let space = UInt8(ascii: " ")
        static let tab = UInt8(ascii: "\t")
        static let colon = UInt8(ascii: ":")
        static let semicolon = UInt8(ascii: ";")
        static let slash = UInt8(ascii: "/")
        static let question = UInt8(ascii: "?")
        static let percent = UInt8(ascii: "%")
        static let plus = UInt8(ascii: "+")

        /// `tchar` (RFC 9110 section 5.6.2).
        static func isToken(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
                UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
                UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                return true
            default:
                return false
            }
        }

        /// A non-empty run of `tchar`.
        static func isToken(_ bytes: ArraySlice<UInt8>) -> Bool {
            !bytes.isEmpty && bytes.allSatisfy(isToken)
        }

        /// SP or HTAB: the `OWS` of RFC 9110.
        static func isWhitespace(_ byte: UInt8) -> Bool {
            byte == space || byte == tab
        }

        /// A byte allowed inside a field value: VCHAR, obs-text, SP and HTAB, but no other control.
        static func isFieldValue(_ byte: UInt8) -> Bool {
            byte == tab || (byte >= 0x20 && byte != 0x7F)
        }

        /// A byte allowed in a request target.
        ///
        /// Visible ASCII except `#` (a fragment never travels in a request). RFC 3986 also excludes
        /// `"<>\^`{|}` and `[]` outside IP literals, but clients send them unencoded in queries
        /// often enough that refusing them would only break those clients.
        static func isTarget(_ byte: UInt8) -> Bool {
            byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "#")
        }

        /// A byte of `uri-host [ ":" port ]`: unreserved, sub-delims, `:`, `[`, `]` and `%`.
        static func isAuthority(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "-._~!$&'()*+,;=:[]%".utf8.contains(byte)
            }
        }

        /// A decimal digit.
        static func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        /// The value of a hexadecimal digit, or nil.
        static func hexValue(_ byte: UInt8) -> Int? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
            default: nil
            }
        }

        /// The bytes without leading and trailing SP and HTAB.
        static func trimmingWhitespace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var slice = bytes
            while let first = slice.first, isWhitespace(first) { slice.removeFirst() }
            while let last = slice.last, isWhitespace(last) { slice.removeLast() }
            return slice
        }

        /// The elements of a comma-separated list (RFC 9110 section 5.6.1), trimmed of OWS;
        /// empty elements are kept so callers can decide whether they matter.
        static func listElements(_ value: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
            value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map(trimmingWhitespace)
        }

        /// Whether the bytes spell `word` in any ASCII case, on either side.
        static func equalsIgnoringCase(_ bytes: some Sequence<UInt8>, _ word: some StringProtocol) -> Bool {
            bytes.elementsEqual(word.utf8) { lowercased($0) == lowercased($1) }
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
        }
    }
}
