import Foundation
import Testing

/// Foundation's `JSONEncoder` as `CompactJSONEncoder` promises to match it: sorted keys, slashes
/// as they are. For the tests that hold the two together.
enum FoundationEncoding {
    static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Records an issue, with both texts, unless the bytes are equal (as bytes: strings would
    /// compare canonically equivalent text as equal).
    static func expectSame(_ actual: [UInt8], _ expected: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        if actual != expected {
            Issue.record(
                "compact: \(String(decoding: actual, as: UTF8.self))\nFoundation: \(String(decoding: expected, as: UTF8.self))",
                sourceLocation: sourceLocation)
        }
    }
}
