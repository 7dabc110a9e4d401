import Hashing

/// The checksum each journal record carries: the XXH64 hash (seed 0) of the record's JSON
/// bytes, as 16 lowercase hex digits.
///
/// Part of the on-disk format, kept apart from the HTTP entity tags that happen to use the same
/// hash today: the tags may change, this may not, or journals already written would stop
/// loading. A new algorithm would need a new record prefix, with both read.
enum JournalChecksum {
    /// The number of hex digits.
    static let length = 16

    /// The checksum of a record's bytes.
    static func of(_ bytes: [UInt8]) -> String {
        HexDigits.string(XXH64.hash(bytes))
    }

    /// Writes the checksum of the record at `record` in `line` over the digits at `offset`.
    static func write(of record: Range<Int>, in line: inout [UInt8], at offset: Int) {
        let hash = line.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[record])) }
        HexDigits.write(hash, into: &line, at: offset)
    }
}
