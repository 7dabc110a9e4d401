/// Conversion of Windows-1252 (the usual mislabelled "Latin-1" of the web) to UTF-8.
enum Windows1252 {
    /// The bytes read as Windows-1252, written as UTF-8.
    static func utf8(from bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let value = (0x80...0x9F).contains(byte) ? high[Int(byte - 0x80)] : UInt32(byte)
            // Every value in the table, and every byte from 0xA0, is a scalar.
            UTF8.encode(Unicode.Scalar(value)!) { output.append($0) }
        }
        return output
    }

    /// The code points of bytes 0x80 to 0x9F; the five unassigned bytes keep their value.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
