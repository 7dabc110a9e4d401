import Hashing

/// The strong entity-tags the server gives bodies: the XXH64 hash of the bytes.
///
/// Not cryptographic: it tells versions of a body apart, it does not resist an attacker who
/// wants two bodies to collide, which for a validator of our own content is no threat.
public enum ContentHash {
    /// A strong entity-tag for a body: its hash as 16 lowercase hex digits.
    public static func entityTag(for bytes: [UInt8]) -> EntityTag {
        EntityTag(hex(XXH64.hash(bytes)))
    }

    /// `value` as exactly 16 lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        HexDigits.string(value)
    }
}
