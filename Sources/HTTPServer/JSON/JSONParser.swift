/// Reads one JSON document (RFC 8259) from UTF-8 bytes into a ``JSONValue``, strictly, with no
/// decoder in between: the tree of the ``JSONDocument`` the bytes make, which reads them once.
///
/// A document is exactly one value, with only space, tab, line feed and carriage return around
/// and between its tokens. Everything else is refused with nil: trailing commas, comments,
/// numbers JSON does not spell (`01`, `+1`, `.5`, `1.`, `NaN`), unescaped control characters
/// and unknown escapes in strings, invalid UTF-8, and nesting deeper than ``maximumDepth``.
///
/// Where RFC 8259 leaves a choice, the parser answers as Foundation's `JSONDecoder` does when it
/// decodes `JSONValue`:
/// - when an object repeats a key, the first member wins;
/// - a `\u` escape of a lone surrogate (`"\ud800"`, `"\udc00"`) is refused;
/// - a number is read as `Double(String)` reads its text, and refused when that is infinite
///   (`1e400`) or is zero from digits that are not all zero (`1e-400`); subnormals are kept;
/// - a UTF-8 byte order mark before the document is skipped.
///
/// Unlike `JSONDecoder`, it reads UTF-8 only (`JSONDecoder` takes UTF-16 and UTF-32 too), refuses
/// trailing commas, reads every zero written with an exponent (`JSONDecoder` refuses some, as
/// `0e1` and `0.00e12`), and checks the members a repeated key hides (`JSONDecoder` never reads
/// them, so lets malformed numbers and strings there by).
///
/// ```swift
/// JSONParser.parse(Array(#"{"a":[1,true,null]}"#.utf8))   // ["a": [1, true, nil]]
/// JSONParser.parse(Array("[1,]".utf8))                     // nil
/// ```
public enum JSONParser {
    /// The deepest nesting of arrays and objects a document may have, as `JSONDecoder`'s.
    /// The parser keeps its own stack, so any depth is safe; deeper documents are refused only
    /// to bound the work and the values built.
    public static let maximumDepth = 512

    /// The value `bytes` spell, or nil when they are not exactly one well-formed JSON document.
    public static func parse(_ bytes: some Collection<UInt8>) -> JSONValue? {
        JSONDocument(Array(bytes))?.root.value
    }
}
