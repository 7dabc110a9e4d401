import HTTPServer
import Testing

@testable import DatelineAPI

@Suite struct ListSliceTests {
    private func key(_ number: Int) -> [String] { [ListCursor.ordered(number)] }

    @Test func walksEveryItemOnceWhileItemsArrive() throws {
        var items = [10, 20, 30, 40, 50]
        var seen: [Int] = []
        var cursor: String?
        repeat {
            let slice = try ListSlice(items, scope: "numbers", limit: 2, cursor: cursor, key: key)
            seen += slice.items
            cursor = slice.next
            items += [items.count, 100 + items.count]
        } while cursor != nil
        #expect(seen.filter { $0 % 10 == 0 && $0 <= 50 } == [10, 20, 30, 40, 50])
        #expect(Set(seen).count == seen.count)
    }

    @Test func aRemovedLastItemDoesNotLoseThePlace() throws {
        let first = try ListSlice([1, 2, 3, 4], scope: "s", limit: 2, cursor: nil, key: key)
        let next = try #require(first.next)
        let second = try ListSlice([1, 3, 4], scope: "s", limit: 2, cursor: next, key: key)
        #expect(second.items == [3, 4])
        #expect(second.next == nil)
        #expect(second.total == 3)
    }

    @Test(arguments: ["", "!!", "Zm9v", ListCursor.encode(["1"], scope: "other")])
    func refusesForeignCursors(cursor: String) {
        #expect(throws: HTTPError.self) {
            try ListSlice([1, 2], scope: "s", limit: 1, cursor: cursor, key: key)
        }
    }

    @Test func keysSortNumbers() {
        #expect(ListCursor.ordered(9) < ListCursor.ordered(10))
        #expect(ListCursor.reversed(10) < ListCursor.reversed(9))
    }
}
