import Testing

@testable import NewsModel

@Suite struct ChunkedVectorTests {
    @Test func holdsWhatWasAppendedAcrossGroups() {
        var vector = ChunkedVector<Int>()
        for index in 0..<70_000 { vector.append(index * 3) }
        #expect(vector.count == 70_000)
        for index in stride(from: 0, to: 70_000, by: 997) { #expect(vector[index] == index * 3) }
        // Either side of a leaf, a middle node and a top.
        for index in [31, 32, 1_023, 1_024, 32_767, 32_768, 65_535, 65_536] { #expect(vector[index] == index * 3) }
    }

    @Test func copiesDoNotShareChanges() {
        var vector = ChunkedVector<Int>()
        for index in 0..<66_000 { vector.append(index) }
        let copy = vector
        vector[65_700] = -1
        vector[3] = -2
        vector.append(7)
        #expect(copy[65_700] == 65_700 && copy[3] == 3 && copy.count == 66_000)
        #expect(vector[65_700] == -1 && vector[3] == -2 && vector[66_000] == 7 && vector.count == 66_001)
    }
}
