/// The tagger's weights: for each feature hash, a short list of (tag, weight) pairs.
///
/// Sparse, because a trained averaged perceptron leaves most of a feature's tags at zero. The
/// file form is little-endian: `DLET`, a format version, the tag count, the feature count,
/// then per feature its hash, the number of pairs and the pairs as a tag byte and a `Float32`.
struct EntityTaggerModel: Sendable {
    /// Why a weights file could not be read.
    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    private static let magic: [UInt8] = Array("DLET".utf8)
    private static let formatVersion: UInt32 = 1

    /// An open-addressing table from feature hash to its pairs: `keys[slot]` and where its
    /// pairs start in `tags` and `weights`; a slot whose count is zero is empty. Faster than a
    /// `Dictionary` here, since the keys are hashes already.
    private var keys: [UInt64] = []
    private var starts: [UInt32] = []
    private var counts: [UInt8] = []
    private var mask = 0
    private var tags: [UInt8] = []
    private var weights: [Float] = []

    /// How many features carry a weight.
    private(set) var featureCount = 0

    private mutating func reserve(_ features: Int) {
        var capacity = 16
        while capacity < features * 2 { capacity *= 2 }
        keys = Array(repeating: 0, count: capacity)
        starts = Array(repeating: 0, count: capacity)
        counts = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    private func slot(of feature: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (feature ^ (feature >> 31)) &* 0x9E37_79B9_7F4A_7C15) & mask
        while counts[slot] != 0 && keys[slot] != feature { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func insert(_ feature: UInt64, start: Int, count: Int) {
        let slot = slot(of: feature)
        if counts[slot] == 0 { featureCount += 1 }
        keys[slot] = feature
        starts[slot] = UInt32(start)
        counts[slot] = UInt8(count)
    }

    /// A model from each feature's non-zero weights.
    init(rows table: [(feature: UInt64, weights: [(tag: UInt8, weight: Float)])]) {
        reserve(table.count)
        for (feature, pairs) in table where !pairs.isEmpty {
            insert(feature, start: tags.count, count: pairs.count)
            for (tag, weight) in pairs {
                tags.append(tag)
                weights.append(weight)
            }
        }
    }

    /// Reads the file form written by ``serialized()``.
    init(bytes: [UInt8]) throws(FormatError) {
        var reader = ByteReader(bytes: bytes)
        guard let magic = reader.take(4), Array(magic) == Self.magic else {
            throw FormatError(description: "not an entity tagger weights file")
        }
        let version = reader.uint32()
        guard version == Self.formatVersion else {
            throw FormatError(description: "weights format \(version ?? 0), expected \(Self.formatVersion)")
        }
        guard reader.uint32() == UInt32(EntityTag.count), let features = reader.uint32() else {
            throw FormatError(description: "weights for another tag set")
        }
        reserve(Int(features))
        for _ in 0..<features {
            guard let feature = reader.uint64(), let count = reader.byte(), count > 0 else {
                throw FormatError(description: "weights file cut short or holds an empty row")
            }
            insert(feature, start: tags.count, count: Int(count))
            for _ in 0..<count {
                guard let tag = reader.byte(), Int(tag) < EntityTag.count, let bits = reader.uint32() else {
                    throw FormatError(description: "weights file cut short or holds an unknown tag")
                }
                tags.append(tag)
                weights.append(Float(bitPattern: bits))
            }
        }
        guard reader.isAtEnd else { throw FormatError(description: "weights file has trailing bytes") }
    }

    /// The file form, with features in hash order so that the same weights give the same bytes.
    func serialized() -> [UInt8] {
        var out = Self.magic
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        append(Self.formatVersion)
        append(UInt32(EntityTag.count))
        append(UInt32(featureCount))
        for slot in counts.indices.filter({ counts[$0] != 0 }).sorted(by: { keys[$0] < keys[$1] }) {
            append(keys[slot])
            out.append(counts[slot])
            for k in Int(starts[slot])..<(Int(starts[slot]) + Int(counts[slot])) {
                out.append(tags[k])
                append(weights[k].bitPattern)
            }
        }
        return out
    }

    /// Adds the weights of `features` to `scores`, one number per tag.
    func score(_ features: [UInt64], into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        for feature in features {
            let slot = slot(of: feature)
            let count = Int(counts[slot])
            guard count != 0 else { continue }
            let start = Int(starts[slot])
            for k in start..<(start + count) {
                scores[Int(tags[k])] += weights[k]
            }
        }
    }
}

/// Reads little-endian numbers from a byte array, answering nil past its end.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Byte by byte, with no generic step: a model holds hundreds of thousands of these
    /// numbers, and start-up (every test's too, in a debug build) waits for them.
    mutating func uint32() -> UInt32? {
        guard bytes.count - offset >= 4 else { return nil }
        defer { offset += 4 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }

    mutating func uint64() -> UInt64? {
        guard bytes.count - offset >= 8, let low = uint32(), let high = uint32() else { return nil }
        return UInt64(low) | UInt64(high) << 32
    }
}
