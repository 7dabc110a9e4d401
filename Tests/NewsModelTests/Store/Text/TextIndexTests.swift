import Testing

@testable import NewsModel

/// A term's postings as documents come and go, whether it is held inline (in one document)
/// or in a list.
@Suite struct TextIndexTests {
    static func refs(_ index: TextIndex<UInt32>, _ term: String) -> [UInt32]? {
        index.postings(for: term)?.elements.map(\.ref)
    }

    @Test func aTermGoesFromOneDocumentToManyAndBack() {
        var index = TextIndex<UInt32>()
        index.add(7, texts: ["Abbas visits Moscow"])
        #expect(Self.refs(index, "moscow") == [7])
        index.add(3, texts: ["Moscow talks"])
        #expect(Self.refs(index, "moscow") == [3, 7])
        #expect(Self.refs(index, "abbas") == [7])
        index.remove(7, texts: ["Abbas visits Moscow"])
        #expect(Self.refs(index, "moscow") == [3])
        #expect(Self.refs(index, "abbas") == nil)
        index.add(7, texts: ["Abbas again"])
        #expect(Self.refs(index, "abbas") == [7])
        index.remove(3, texts: ["Moscow talks"])
        #expect(Self.refs(index, "moscow") == nil)
        #expect(index.documentCount == 1)
    }

    @Test func aDocumentIndexedAgainReplacesItsPosting() {
        var index = TextIndex<UInt32>()
        index.add(5, texts: ["Gaza"])
        index.add(5, texts: ["Gaza ceasefire talks"])
        #expect(index.postings(for: "gaza")?.elements.map(\.length) == [3])
    }

    @Test func aBatchListsEachDocumentOnceUnderATermItRepeatsAndCountsEveryTerm() {
        var index = TextIndex<UInt32>()
        index.apply([
            .init(ref: 4, texts: ["Gaza talks in Gaza", "talks resume"], adds: true),
            .init(ref: 9, texts: ["Gaza"], adds: true),
            .init(ref: 9, texts: ["Gaza"], adds: false),
            .init(ref: 2, texts: ["Cairo talks"], adds: true),
        ])
        #expect(index.postings(for: "gaza")?.elements.map(\.ref) == [4])
        #expect(index.postings(for: "talks")?.elements.map(\.ref) == [2, 4])
        // "in" is a stopword: Gaza, talks, Gaza, talks, resume.
        #expect(index.postings(for: "talks")?.elements.map(\.length) == [2, 5])
        #expect(index.documentCount == 2)
        #expect(index.totalLength == 7)
    }

    @Test func loadingKeepsTermsOfOneDocumentAsAddingDoes() {
        var gathering = TextIndex<UInt32>.Gathering()
        var added = TextIndex<UInt32>()
        for (ref, text) in [(UInt32(2), "Putin hosts Abbas"), (1, "Abbas in Moscow"), (4, "Sochi")] {
            gathering.add(ref, texts: [text])
            added.add(ref, texts: [text])
        }
        let loaded = TextIndex(gathering)
        for term in ["putin", "abbas", "moscow", "sochi", "gaza"] {
            #expect(Self.refs(loaded, term) == Self.refs(added, term), "\(term)")
        }
        #expect(Self.refs(loaded, "abbas") == [1, 2])
    }
}
