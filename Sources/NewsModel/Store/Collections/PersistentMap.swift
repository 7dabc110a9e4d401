import HashTreeCollections

/// A dictionary whose copies share structure: a hash trie, so that a write to a copy makes new
/// only the few small nodes on the path to its key, however many keys the map holds. What a
/// snapshot's next version costs therefore follows the change, not the size of the store.
struct PersistentMap<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private var storage = TreeDictionary<Key, Value>()

    /// The number of keys.
    var count: Int { storage.count }
    var isEmpty: Bool { storage.isEmpty }

    subscript(key: Key) -> Value? {
        get { storage[key] }
        set { storage[key] = newValue }
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
        var becameEmpty = false
        func change(_ value: inout Value) -> Result {
            defer { becameEmpty = isEmpty(value) }
            return body(&value)
        }
        let result = change(&storage[key, default: defaultValue()])
        // A second lookup only for the rare change that empties the value.
        if becameEmpty { storage[key] = nil }
        return result
    }

    /// Calls `body` with every entry, in no particular order.
    func forEach(_ body: (Key, Value) throws -> Void) rethrows {
        for (key, value) in storage { try body(key, value) }
    }
}
