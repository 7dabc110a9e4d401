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

    /// Appends the checksum of a record's bytes to `output`, as its ASCII digits.
    static func append(of bytes: [UInt8], to output: inout [UInt8]) {
        HexDigits.append(XXH64.hash(bytes), to: &output)
    }
}
