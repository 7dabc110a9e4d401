import Markup
import Testing

@Suite("HTML entities")
struct HTMLEntitiesTests {
    @Test(arguments: [
        ("&#8216;Quoted&#8217;", "\u{2018}Quoted\u{2019}"), ("Fish &amp; chips", "Fish & chips"), ("&#x41;&#X42;", "AB"),
        ("&#163;5", "\u{00A3}5"), ("AT&T", "AT&T"), ("&unknown; &", "&unknown; &"), ("&#99999999;", "&#99999999;"),
    ])
    func decoded(text: String, expected: String) {
        #expect(HTMLEntities.decode(text) == expected)
    }
}
