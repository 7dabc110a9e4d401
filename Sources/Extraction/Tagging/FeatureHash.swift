/// 64-bit FNV-1a over a feature's template and values: the same number on every machine and
/// every run, unlike `Hasher`, so trained weights can be shipped as a file.
struct FeatureHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Starts a feature of the template numbered `template`.
    init(_ template: UInt8) {
        mix(template)
    }

    mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Adds a string's UTF-8 bytes, then a separator so that `("ab", "c")` and `("a", "bc")` differ.
    mutating func mix(_ text: String) {
        var text = text
        text.withUTF8 { for byte in $0 { mix(byte) } }
        mix(0xFF)
    }

    /// Adds the UTF-8 bytes of some scalars, then the separator `mix(_: String)` uses.
    mutating func mix(_ scalars: ArraySlice<Unicode.Scalar>) {
        for scalar in scalars {
            for byte in UTF8.encode(scalar)! { mix(byte) }
        }
        mix(0xFF)
    }

    /// Adds a number below 256 (a tag, a flag).
    mutating func mix(number: Int) {
        mix(UInt8(truncatingIfNeeded: number))
        mix(0xFE)
    }
}
