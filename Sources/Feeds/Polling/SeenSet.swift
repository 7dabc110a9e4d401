/// The item keys a feed has shown, bounded: past `capacity` the oldest are forgotten, so
/// memory stays flat however long a feed lives. A forgotten item that reappears is fetched
/// again, and the sink reports it as a duplicate.
struct SeenSet: Sendable {
    let capacity: Int
    private var members: Set<String> = []
    private var order: [String] = []
    private var head = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { members.count }

    func contains(_ key: String) -> Bool { members.contains(key) }

    /// Adds `key`; returns false when it was already there.
    @discardableResult
    mutating func insert(_ key: String) -> Bool {
        guard members.insert(key).inserted else { return false }
        order.append(key)
        if members.count > capacity {
            members.remove(order[head])
            head += 1
            // Compact once the forgotten prefix is as long as what is kept.
            if head >= capacity {
                order.removeFirst(head)
                head = 0
            }
        }
        return true
    }
}
