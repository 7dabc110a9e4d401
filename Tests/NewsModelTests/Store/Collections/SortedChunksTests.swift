import Testing

@testable import NewsModel

@Suite struct SortedChunksTests {
    @Test func staysSortedThroughInsertsAndRemovals() {
        var list = SortedChunks<SortKey>()
        var reference = Set<SortKey>()
        var seed: UInt64 = 42
        for step in 0..<5_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = SortKey(day: Int32(seed >> 54), serial: UInt32(truncatingIfNeeded: seed >> 40) % 300)
            if step % 3 == 2 {
                #expect(list.remove(key) == (reference.remove(key) != nil))
            } else {
                list.insert(key)
                reference.insert(key)
            }
        }
        let sorted = reference.sorted()
        #expect(list.count == sorted.count)
        #expect(list.elements == sorted)
        for (position, key) in sorted.enumerated() where position % 97 == 0 {
            #expect(list[position] == key)
            #expect(list.lowerBound(key) == position)
            #expect(list.contains(key))
        }
    }

    @Test func visitsRangesBothWays() {
        let list = SortedChunks(sorted: (0..<2_000).map { SortKey(day: Int32($0), serial: 0) })
        var forward: [Int32] = []
        list.visit(995..<1_300) {
            forward.append($0.day)
            return true
        }
        #expect(forward == Array(995..<1_300))
        var backward: [Int32] = []
        list.visit(0..<600, reversed: true) {
            backward.append($0.day)
            return backward.count < 10
        }
        #expect(backward == Array((590..<600).reversed()))
    }

    /// Enough keys for nodes above the chunks to split and empty again.
    @Test func staysSortedAcrossNodes() {
        var list = SortedChunks<SortKey>()
        var reference = Set<SortKey>()
        var seed: UInt64 = 7
        for _ in 0..<60_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = SortKey(day: Int32(seed >> 50), serial: UInt32(truncatingIfNeeded: seed >> 20) % 7)
            list.insert(key)
            reference.insert(key)
        }
        let copy = list
        for key in reference.sorted().enumerated().filter({ $0.offset % 3 != 0 }).map(\.element) {
            let removed = list.remove(key)
            #expect(removed)
            reference.remove(key)
        }
        let sorted = reference.sorted()
        #expect(list.elements == sorted)
        #expect(copy.count > list.count)
        for (position, key) in sorted.enumerated() where position % 101 == 0 {
            #expect(list[position] == key)
            #expect(list.lowerBound(key) == position)
        }
        var forward: [SortKey] = []
        list.visit(1_000..<sorted.count) {
            forward.append($0)
            return true
        }
        #expect(forward == Array(sorted[1_000...]))
        var backward: [SortKey] = []
        list.visit(0..<(sorted.count - 5), reversed: true) {
            backward.append($0)
            return true
        }
        #expect(backward == Array(sorted[..<(sorted.count - 5)].reversed()))
        var seeker = SortedChunks.Seeker(list)
        let probes = (0..<2_000).map { SortKey(day: Int32($0 * 8), serial: UInt32($0 % 7)) }
        var found: [Bool] = []
        for probe in probes { found.append(seeker.contains(probe)) }
        #expect(found == probes.map { reference.contains($0) })
        for key in sorted { list.remove(key) }
        #expect(list.isEmpty && list.elements.isEmpty)
    }

    @Test func copiesDoNotShareChanges() {
        var original = SortedChunks(sorted: (0..<1_000).map { SortKey(day: Int32($0), serial: 0) })
        let copy = original
        original.remove(SortKey(day: 5, serial: 0))
        original.insert(SortKey(day: 5, serial: 1))
        #expect(copy.contains(SortKey(day: 5, serial: 0)))
        #expect(!copy.contains(SortKey(day: 5, serial: 1)))
        #expect(copy.count == 1_000)
    }

    /// Keys appended in order, as events mostly arrive, enough for three levels of nodes above
    /// the chunks; then a copy, changed at both ends and in the middle, keeps what it held.
    @Test func staysSortedThroughAppendsAcrossLevels() {
        let keys = (0..<150_000).map { SortKey(day: Int32($0 / 4), serial: UInt32($0 % 4) * 2) }
        var list = SortedChunks<SortKey>()
        for key in keys { list.insert(key) }
        #expect(list.count == keys.count)
        #expect(list.elements == keys)
        let copy = list
        var reference = Set(keys)
        for n in stride(from: 0, to: keys.count, by: 7) {
            list.remove(keys[n])
            reference.remove(keys[n])
            let between = SortKey(day: keys[n].day, serial: keys[n].serial + 1)
            list.insert(between)
            reference.insert(between)
        }
        let sorted = reference.sorted()
        #expect(list.elements == sorted)
        #expect(copy.elements == keys)
        for position in stride(from: 0, to: sorted.count, by: 997) {
            #expect(list[position] == sorted[position])
            #expect(list.lowerBound(sorted[position]) == position)
            #expect(copy[position] == keys[position])
        }
        var backward: [SortKey] = []
        list.visit(70_000..<70_600, reversed: true) {
            backward.append($0)
            return true
        }
        #expect(backward == Array(sorted[70_000..<70_600].reversed()))
    }
}
