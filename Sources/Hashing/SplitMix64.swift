/// A small seeded generator (SplitMix64: a counter passed through a 64-bit mixing function), for
/// what must come out the same on every machine and Swift version: the trainer's shuffles and
/// the store benchmark's corpus, the tests' generated documents.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number from 0 up to, not including, `bound`.
    public mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Fisher–Yates, written out so the order does not depend on the standard library's version.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(i + 1))
        }
    }
}
