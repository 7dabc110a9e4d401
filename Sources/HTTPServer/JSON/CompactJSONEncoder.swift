/// Encodes `Encodable` values as compact UTF-8 JSON, writing bytes as it goes rather than
/// building a tree first, and byte for byte as Foundation's `JSONEncoder` does with
/// `outputFormatting = [.sortedKeys, .withoutEscapingSlashes]` and its default strategies:
///
/// - object keys sorted by their UTF-8 bytes; a key written twice keeps its last value;
/// - no whitespace; `/` as it is; `"`, `\` and control characters escaped, as `\b`, `\f`,
///   `\n`, `\r`, `\t` or `\u00xx` (lowercase hex); everything else, DEL and U+2028 included,
///   as it is;
/// - integers of every width in decimal; `Double` and `Float` in Swift's shortest form without
///   a trailing `.0` (`3`, `-0`, `0.1`, `1e-07`, `1e+16`); infinities and NaN throw
///   `EncodingError.invalidValue`;
/// - `nil` as `null` where `encodeNil` writes it; `encodeIfPresent` leaves the key out;
/// - a nested value that encodes nothing as `{}`; a top-level one throws;
/// - containers nested 512 deep throw.
///
/// ```swift
/// let bytes = try CompactJSONEncoder().encode(["b": 1.0, "a": 0.5])   // {"a":0.5,"b":1}
/// ```
///
/// This module does not use Foundation, so `Date`, `Data`, `URL` and `Decimal` are written the
/// way their own `encode(to:)` writes them. For `Date` that is what `JSONEncoder` writes by
/// default (`.deferredToDate`); `Data` (base64 there), `URL` (its absolute string) and
/// `Decimal` (a number) would differ, so encode those as strings or numbers yourself.
///
/// `codingPath` keys are this encoder's own: they keep the `stringValue` and `intValue` of the
/// keys used. A nested container asked for twice under one key is the same container when it
/// is of the same kind, and replaces the earlier value otherwise.
public struct CompactJSONEncoder: Sendable {
    /// Handed to every value through `Encoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    /// The JSON bytes of `value`, in an array first made with room for `capacity` bytes: give a
    /// larger value's usual size, so that its bytes are not copied as the array grows.
    public func encode<T: Encodable>(_ value: T, reservingCapacity capacity: Int = 256) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        try encode(value, appendingTo: &bytes)
        return bytes
    }

    /// Appends the JSON bytes of `value` to `bytes`; on error `bytes` is left as it was.
    public func encode<T: Encodable>(_ value: T, appendingTo bytes: inout [UInt8]) throws {
        let state = JSONEncodingState(userInfo: userInfo)
        swap(&state.bytes, &bytes)
        defer { swap(&state.bytes, &bytes) }
        let start = state.bytes.count
        do {
            try state.encodeTopLevel(value)
        } catch {
            state.bytes.removeSubrange(start...)
            throw error
        }
    }
}
