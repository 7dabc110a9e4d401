import Testing

@testable import Extraction

@Suite struct TokenizerTests {
    @Test func keepsWordsNumbersAndInitialismsWhole() {
        let tokens = Fixture.tokens("Hamas's Novo-Ogaryovo U.S. 40,000 3.5 7th 2-1 “quoted”")
        #expect(tokens.map(\.text) == ["Hamas's", "Novo-Ogaryovo", "U.S.", "40,000", "3.5", "7th", "2-1", "“", "quoted", "”"])
        #expect(tokens[0].stem == "Hamas" && tokens[0].isPossessive)
        #expect(tokens[2].isAcronym && tokens[2].acronymLetters == "US")
        #expect(tokens[5].kind == .number)
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = "Bütün xəbərlər — Doha"
        let tokens = Fixture.tokens(text)
        let doha = tokens.last!
        #expect(Fixture.slice(text, doha.start, doha.end) == "Doha")
    }
}
