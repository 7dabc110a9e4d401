import Hashing
import Testing

@testable import NewsModel

/// Records found by the hash of their id: ids whose hashes collide, made to collide here, are
/// still told apart, replaced and removed one by one.
@Suite struct TableTests {
    struct Item: Identifiable, Sendable, Equatable {
        var id: String
        var value: Int
    }

    @Test func idsWithOneHashAreToldApart() {
        var table = Table<Item>(hashingIDsWith: { _ in 7 })
        for (index, id) in ["a", "b", "c"].enumerated() {
            #expect(table.upsert(Item(id: id, value: index)) == (UInt32(index), nil))
        }
        #expect(table.count == 3)
        #expect(table["b"] == Item(id: "b", value: 1))
        #expect(table.serial(for: "c") == 2)
        #expect(table["d"] == nil)

        let replaced = table.upsert(Item(id: "c", value: 20))
        #expect(replaced.serial == 2 && replaced.old == Item(id: "c", value: 2))
        #expect(table["c"]?.value == 20 && table.count == 3)
    }

    @Test func removingTheIdThatHoldsAHashKeepsTheOthers() {
        var table = Table<Item>(hashingIDsWith: { _ in 7 })
        for id in ["a", "b", "c"] { _ = table.upsert(Item(id: id, value: 0)) }
        #expect(table.remove(id: "a")?.serial == 0)
        #expect(table["a"] == nil && table["b"] != nil && table["c"] != nil && table.count == 2)
        // A new id takes the freed hash; one written again gets a new serial.
        #expect(table.upsert(Item(id: "d", value: 0)).serial == 3)
        #expect(table.upsert(Item(id: "a", value: 1)).serial == 4)
        #expect(table.remove(id: "c")?.old == Item(id: "c", value: 0))
        #expect(table.remove(id: "c") == nil)
        #expect(["a", "b", "d"].allSatisfy { table[$0] != nil } && table.count == 3)
    }

    @Test func aCopyKeepsWhatItHeld() {
        var table = Table<Item>(hashingIDsWith: { _ in 7 })
        for id in ["a", "b"] { _ = table.upsert(Item(id: id, value: 0)) }
        let copy = table
        _ = table.remove(id: "a")
        _ = table.upsert(Item(id: "b", value: 9))
        #expect(copy["a"] != nil && copy["b"]?.value == 0 && copy.count == 2)
        #expect(table["a"] == nil && table["b"]?.value == 9 && table.count == 1)
    }

    /// Seeded random writes and deletes, against a plain dictionary: over ids that collide
    /// often (the hash is the id's length), and with the real hash.
    @Test(arguments: [true, false])
    func randomWritesAgreeWithADictionary(colliding: Bool) {
        var table = colliding ? Table<Item>(hashingIDsWith: { $0.count }) : Table<Item>()
        var expected: [String: Item] = [:]
        var random = SplitMix64(seed: 42)
        for step in 0..<5_000 {
            let id = String(repeating: "x", count: random.int(4)) + String(random.int(40))
            if random.int(3) == 0 {
                #expect(table.remove(id: id)?.old == expected.removeValue(forKey: id))
            } else {
                let item = Item(id: id, value: step)
                #expect(table.upsert(item).old == expected[id])
                expected[id] = item
            }
        }
        #expect(table.count == expected.count)
        for (id, item) in expected { #expect(table[id] == item) }
        var seen = 0
        table.forEach { item in
            seen += 1
            #expect(expected[item.id] == item)
        }
        #expect(seen == expected.count)
    }
}
