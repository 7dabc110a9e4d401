import HTTPServer

/// Pages of a list the store returns whole (an entity's articles, an article's events): the
/// items ordered by a key, and a cursor that holds the key of the last item shown.
///
/// The cursor names a position, not an offset, so items added or removed between two requests
/// move no other item across a page boundary: walking the pages sees every item that stayed
/// exactly once. A cursor is tied to its list (`scope`), so one made for another list is refused.
struct ListSlice<Item> {
    /// The items of the page.
    var items: [Item]
    /// The cursor of the next page, nil on the last.
    var next: String?
    /// The length of the whole list.
    var total: Int

    /// The page after `cursor` of `all`, ordered by `key` (compared element by element).
    init(_ all: [Item], scope: String, limit: Int, cursor: String?, key: (Item) -> [String]) throws(HTTPError) {
        let keyed = all.map { (key: key($0), item: $0) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var start = 0
        if let cursor {
            let after = try ListCursor.decode(cursor, scope: scope)
            start = keyed.firstIndex { after.lexicographicallyPrecedes($0.key) } ?? keyed.count
        }
        let page = keyed[start..<min(keyed.count, start + limit)]
        items = page.map(\.item)
        total = keyed.count
        next = start + limit < keyed.count ? page.last.map { ListCursor.encode($0.key, scope: scope) } : nil
    }
}
