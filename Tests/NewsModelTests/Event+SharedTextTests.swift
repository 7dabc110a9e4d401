import Testing

@testable import NewsModel

/// Where a string's bytes are: the same for two strings that share storage.
func storage(of text: String) -> UnsafeRawPointer? {
    var copy = text
    return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
}

/// A string equal to `text` with storage of its own.
func copied(_ text: String) -> String {
    String(decoding: Array(text.utf8), as: UTF8.self)
}

@Suite struct EventSharedTextTests {
    static let long = (
        entity: "united-nations-security-council", article: "what-did-putin-discuss-with-mahmoud-abbas",
        quote: "Putin hosted Abbas at Novo-Ogaryovo.", version: "dateline-extract-2.4"
    )

    static var event: Event {
        var event = Event.make(
            "2024-08-13-consult-vladimir-putin", location: copied(long.entity), participants: ["russia", copied(long.entity)],
            sources: [.make(copied(long.article), quote: copied(long.quote)), .make("short-id", quote: "Short.")])
        event.extractorVersion = copied(long.version)
        return event
    }

    @Test func offersEachStringWithStorageOfItsOwnAndKeepsTheValues() {
        var offered: [String] = []
        let shared = Self.event.sharingText { text in
            offered.append(text)
            return nil
        }
        #expect(
            offered == [Self.long.entity, Self.long.entity, Self.long.article, Self.long.quote, Self.long.version])
        #expect(shared == Self.event)
    }

    @Test func takesTheStorageOfTheStringsGiven() {
        let held = [Self.long.entity, Self.long.article, Self.long.quote, Self.long.version].map(copied)
        let shared = Self.event.sharingText { text in held.first { $0 == text } }
        #expect(shared == Self.event)
        #expect(storage(of: shared.participants[1].entityId) == storage(of: held[0]))
        #expect(storage(of: shared.location!) == storage(of: held[0]))
        #expect(storage(of: shared.sources[0].articleId) == storage(of: held[1]))
        #expect(storage(of: shared.sources[0].quote) == storage(of: held[2]))
        #expect(storage(of: shared.extractorVersion!) == storage(of: held[3]))
        #expect(storage(of: Self.event.sources[0].quote) != storage(of: held[2]))
    }
}
