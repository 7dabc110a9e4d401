/// Builds strings from scalar slices through UTF-8 bytes, much faster than appending scalars.
enum ScalarText {
    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for s in scalars {
            if s.value < 0x80 { bytes.append(UInt8(s.value)) } else { bytes.append(contentsOf: UTF8.encode(s)!) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
