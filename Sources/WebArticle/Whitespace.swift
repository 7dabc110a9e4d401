/// Whitespace normalization for text read from markup.
enum Whitespace {
    /// Collapses every run of whitespace (including non-breaking and zero-width spaces) to one
    /// space, and trims both ends.
    static func normalize(_ text: String) -> String {
        // Works on UTF-8 bytes: pages are mostly ASCII, and scalar-by-scalar appends cost far more.
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        bytes.withUnsafeBufferPointer { input in
            while index < count {
                let byte = input[index]
                let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
                let end = min(index + width, count)
                if isSpace(input, from: index, width: end - index) {
                    pendingSpace = !output.isEmpty
                } else {
                    if pendingSpace { output.append(0x20) }
                    pendingSpace = false
                    output.append(contentsOf: input[index..<end])
                }
                index = end
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether the UTF-8 sequence at `index` encodes whitespace, a zero-width space or a byte-order mark.
    private static func isSpace(_ input: UnsafeBufferPointer<UInt8>, from index: Int, width: Int) -> Bool {
        let first = input[index]
        switch width {
        case 1:
            return first == 0x20 || (first >= 0x09 && first <= 0x0D)
        case 2:
            return first == 0xC2 && (input[index + 1] == 0xA0 || input[index + 1] == 0x85)
        case 3:
            let second = input[index + 1]
            let third = input[index + 2]
            switch (first, second) {
            case (0xE2, 0x80): return third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF
            case (0xE2, 0x81): return third == 0x9F
            case (0xE3, 0x80): return third == 0x80
            case (0xE1, 0x9A): return third == 0x80
            case (0xEF, 0xBB): return third == 0xBF
            default: return false
            }
        default:
            return false
        }
    }

    /// The number of Unicode scalars `normalize(text)` would hold, counted without building it.
    static func normalizedLength(_ text: String) -> Int {
        var length = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = length > 0
            } else {
                length += pendingSpace ? 2 : 1
                pendingSpace = false
            }
        }
        return length
    }

    /// Whether `scalar` is whitespace, zero-width space or a byte-order mark; ASCII is decided without a table lookup.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.value == 0x200B || scalar.value == 0xFEFF || scalar.properties.isWhitespace
    }
}
