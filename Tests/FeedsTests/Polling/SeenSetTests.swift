import Testing

@testable import Feeds

@Suite struct SeenSetTests {
    @Test func remembersUpToItsCapacityThenForgetsTheOldest() {
        var seen = SeenSet(capacity: 3)
        let first = seen.insert("a")
        let again = seen.insert("a")
        #expect(first && !again)
        seen.insert("b")
        seen.insert("c")
        seen.insert("d")
        #expect(seen.count == 3)
        #expect(!seen.contains("a"))
        #expect(seen.contains("b") && seen.contains("c") && seen.contains("d"))
        for index in 0..<1_000 { seen.insert("key-\(index)") }
        #expect(seen.count == 3)
        #expect(seen.contains("key-999") && !seen.contains("key-996"))
    }
}
