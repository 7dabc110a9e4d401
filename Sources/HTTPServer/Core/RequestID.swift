import Synchronization

/// Request ids: a sane `X-Request-ID` from the client is kept, otherwise one is made.
enum RequestID {
    private static let prefix: String = {
        let random = UInt32.random(in: 0...UInt32.max)
        let hex = String(random, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }()
    private static let counter = Atomic<UInt64>(0)

    /// The client's id when it is 1 to 128 characters of letters, digits and `-_.:`; a new one otherwise.
    static func take(from value: String?) -> String {
        if let value, isSane(value) { return value }
        return generate()
    }

    /// A new id, unique within the process and unlikely to repeat across restarts.
    static func generate() -> String {
        let next = counter.add(1, ordering: .relaxed).newValue
        return prefix + "-" + String(next, radix: 16)
    }

    static func isSane(_ value: String) -> Bool {
        let utf8 = value.utf8
        guard (1...128).contains(utf8.count) else { return false }
        return utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: ":"):
                return true
            default:
                return false
            }
        }
    }
}
