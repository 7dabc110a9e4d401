import Testing

@testable import NewsModel

@Suite struct ChunkedVectorTests {
    @Test func holdsWhatWasAppendedAcrossGroups() {
        var vector = ChunkedVector<Int>()
        for index in 0..<70_000 { vector.append(index * 3) }
        #expect(vector.count == 70_000)
        for index in stride(from: 0, to: 70_000, by: 997) { #expect(vector[index] == index * 3) }
        #expect(vector[65_535] == 65_535 * 3 && vector[65_536] == 65_536 * 3)
    }

    @Test func copiesDoNotShareChanges() {
        var vector = ChunkedVector<Int>()
        for index in 0..<66_000 { vector.append(index) }
        let copy = vector
        vector[65_700] = -1
        vector.append(7)
        #expect(copy[65_700] == 65_700 && copy.count == 66_000)
        #expect(vector[65_700] == -1 && vector.count == 66_001)
    }
}
