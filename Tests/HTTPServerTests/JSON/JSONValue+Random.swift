import HTTPServer
import Hashing

/// Random JSON documents and their parts, for comparing encoders.
extension JSONValue {
    /// A random document at most `depth` containers deep.
    static func random(depth: Int, using generator: inout SplitMix64) -> JSONValue {
        let kind = Int.random(in: 0..<(depth > 0 ? 7 : 4), using: &generator)
        switch kind {
        case 0: return Bool.random(using: &generator) ? .null : .bool(Bool.random(using: &generator))
        case 1, 2: return .number(randomDouble(using: &generator))
        case 3: return .string(randomString(using: &generator))
        case 4:
            let count = Int.random(in: 0...5, using: &generator)
            return .array((0..<count).map { _ in random(depth: depth - 1, using: &generator) })
        default:
            let count = Int.random(in: 0...6, using: &generator)
            var members: [String: JSONValue] = [:]
            for _ in 0..<count { members[randomString(using: &generator)] = random(depth: depth - 1, using: &generator) }
            return .object(members)
        }
    }

    /// Characters that test escaping, sorting and multi-byte UTF-8.
    private static let palette: [Unicode.Scalar] =
        (0x00...0x20).map { Unicode.Scalar(UInt8($0)) } + [
            "\"", "\\", "/", "\u{7F}", "a", "b", "z", "A", "B", "Z", "_", "-", "0", "1", "9", "~", " ", "é", "ä", "ß",
            "\u{0301}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFD}", "\u{FF5A}", "中", "😀", "\u{10FFFF}",
        ]

    /// A random string of up to `maxLength` characters, often with control characters, escapes
    /// and non-ASCII.
    static func randomString(maxLength: Int = 8, using generator: inout SplitMix64) -> String {
        let count = Int.random(in: 0...maxLength, using: &generator)
        var text = String.UnicodeScalarView()
        for _ in 0..<count {
            // Short strings are mostly special characters; long ones mostly letters, as text is.
            if Int.random(in: 0..<16, using: &generator) < (maxLength > 8 ? 15 : 4) {
                text.append(Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &generator)))
            } else {
                text.append(palette.randomElement(using: &generator)!)
            }
        }
        return String(text)
    }

    /// Doubles Foundation formats in every way it does: whole and fractional, tiny and huge,
    /// negative zero, the edges of exact integers, and random bit patterns.
    static let notableDoubles: [Double] = [
        0, -0.0, 1, -1, 3, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.5, 1.5, -2.5, 100, 1e-7, 1e-5, 1e-4, 0.001, 1e15, 1e16, 1e20, 1e21,
        1e22, 1e100, 1e300, 1e-300, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
        Double(Int.max), Double(Int.min), Double(Int32.max), 9_007_199_254_740_992, 9_007_199_254_740_994, 9_007_199_254_740_996,
        -9_007_199_254_740_992, 4_503_599_627_370_496.5, 123_456_789.125, 0.85, 4.35, 1.0000000000000002, 0.30000000000000004,
    ]

    /// A random finite double: a notable one, a whole number, a number of some magnitude, or
    /// random bits.
    static func randomDouble(using generator: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
            return notableDoubles.randomElement(using: &generator)!
        case 1:
            return Double(Int64.random(in: -10_000_000_000_000_000...10_000_000_000_000_000, using: &generator))
        case 2:
            let magnitude = Double.random(in: 1..<10, using: &generator)
            let exponent = Int.random(in: -25...25, using: &generator)
            return (Bool.random(using: &generator) ? -1 : 1) * magnitude * pow10(exponent)
        default:
            while true {
                let value = Double(bitPattern: generator.next())
                if value.isFinite { return value }
            }
        }
    }

    private static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }
}
