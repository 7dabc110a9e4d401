/// One page of a list.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// The cursor for the next page; nil on the last page.
    public var next: String?
    /// How many items match the filters across all pages.
    public var total: Int

    public init(items: [Item], next: String?, total: Int) {
        self.items = items
        self.next = next
        self.total = total
    }
}

extension Page: Equatable where Item: Equatable {}
extension Page: Hashable where Item: Hashable {}
extension Page: Codable where Item: Codable {}
