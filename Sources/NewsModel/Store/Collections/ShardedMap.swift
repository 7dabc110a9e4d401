/// A dictionary split into a fixed number of shards, so that a copy shares every shard and a
/// write copies only the shard it touches: a cheap persistent map for snapshots.
struct ShardedMap<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private static var shardCount: Int { 256 }

    private var shards: [[Key: Value]] = Array(repeating: [:], count: ShardedMap.shardCount)
    private(set) var count = 0

    private static func shard(_ key: Key) -> Int {
        key.hashValue & (shardCount - 1)
    }

    subscript(key: Key) -> Value? {
        get { shards[Self.shard(key)][key] }
        set {
            let index = Self.shard(key)
            if let newValue {
                if shards[index].updateValue(newValue, forKey: key) == nil { count += 1 }
            } else if shards[index].removeValue(forKey: key) != nil {
                count -= 1
            }
        }
    }

    /// Changes the value in place (no copy of the value when this map holds the only reference),
    /// starting from `defaultValue` when the key is absent; removes the key when `isEmpty` says
    /// the value became empty.
    @discardableResult
    mutating func modify<Result>(
        _ key: Key, default defaultValue: @autoclosure () -> Value,
        removeWhen isEmpty: (Value) -> Bool,
        _ body: (inout Value) -> Result
    ) -> Result {
        let index = Self.shard(key)
        let existed = shards[index][key] != nil
        let result = body(&shards[index][key, default: defaultValue()])
        if let value = shards[index][key], isEmpty(value) {
            shards[index][key] = nil
            if existed { count -= 1 }
        } else if !existed {
            count += 1
        }
        return result
    }

    /// Calls `body` with every entry, in no particular order.
    func forEach(_ body: (Key, Value) throws -> Void) rethrows {
        for shard in shards {
            for (key, value) in shard { try body(key, value) }
        }
    }
}
