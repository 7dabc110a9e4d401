import Testing

@testable import Extraction

@Suite struct NameSpanTests {
    @Test func tagsAndSpansRoundTrip() {
        let spans = [
            NameSpan(nameClass: .person, words: 0..<2), NameSpan(nameClass: .location, words: 3..<4),
            NameSpan(nameClass: .organization, words: 4..<7),
        ]
        let tags = NameSpan.tags(for: spans, count: 8)
        #expect(tags.map(\.label) == ["B-PER", "L-PER", "O", "U-LOC", "B-ORG", "I-ORG", "L-ORG", "O"])
        #expect(NameSpan.spans(in: tags) == spans)
    }

    @Test func aNameLeftOpenEndsWhereItsClassChanges() {
        let tags = [EntityTag(.person, .begin), EntityTag(.person, .inside), .outside, EntityTag(.location, .inside)]
        #expect(NameSpan.spans(in: tags) == [NameSpan(nameClass: .person, words: 0..<2), NameSpan(nameClass: .location, words: 3..<4)])
    }
}

@Suite struct EntityTagTests {
    @Test func onlyWholeNamesMayBeSpelled() {
        let begin = EntityTag(.person, .begin)
        #expect(EntityTag(.person, .inside).canFollow(begin))
        #expect(EntityTag(.person, .last).canFollow(begin))
        #expect(!EntityTag.outside.canFollow(begin))
        #expect(!EntityTag(.location, .last).canFollow(begin))
        #expect(EntityTag(.location, .unit).canFollow(EntityTag(.person, .last)))
        #expect(!EntityTag(.person, .inside).canFollow(.outside))
        #expect(!begin.canEnd && EntityTag(.person, .unit).canEnd)
    }

    @Test func everyTagHasItsOwnByte() {
        let labels = (0..<EntityTag.count).map { EntityTag(rawValue: UInt8($0)).label }
        #expect(Set(labels).count == EntityTag.count)
        #expect(EntityTag(.miscellaneous, .unit).label == "U-MISC")
    }
}
