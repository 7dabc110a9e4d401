import Testing

@testable import NewsModel

@Suite struct PersistentMapTests {
    @Test func modifyCountsAndRemovesEmptyValues() {
        var map = PersistentMap<String, [Int]>()
        map.modify("a", default: [], removeWhen: \.isEmpty) { $0.append(1) }
        map.modify("a", default: [], removeWhen: \.isEmpty) { $0.append(2) }
        map.modify("b", default: [], removeWhen: \.isEmpty) { $0.append(3) }
        #expect(map.count == 2 && map["a"] == [1, 2])
        let copy = map
        map.modify("a", default: [], removeWhen: \.isEmpty) { $0.removeAll() }
        map.modify("missing", default: [], removeWhen: \.isEmpty) { _ in }
        #expect(map.count == 1 && map["a"] == nil && map["missing"] == nil)
        #expect(copy.count == 2 && copy["a"] == [1, 2])
    }
}
