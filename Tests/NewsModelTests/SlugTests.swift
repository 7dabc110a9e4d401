import Foundation
import NewsModel
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Novo-Ogaryovo", "novo-ogaryovo"),
        ("Hamas's", "hamass"),
        ("Mahmoud Abbas", "mahmoud-abbas"),
        ("  What Did Putin Discuss?  ", "what-did-putin-discuss"),
        ("Ağdam Rayonu", "agdam-rayonu"),
        ("Bakı Şəhəri".replacingOccurrences(of: "Ş", with: "S"), "baki-seheri"),
        ("Straße", "strasse"),
        ("!!!", "item"),
        ("Łódź", "lodz"),
    ])
    func makes(_ text: String, slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test func cutsAtMaxLength() {
        let slug = Slug.make("alpha beta gamma delta", maxLength: 12)
        #expect(slug == "alpha-beta-g")
    }

    @Test func aLetterThatFoldsToTwoIsCutWhole() {
        #expect(Slug.make("Straße", maxLength: 5) == "stra")
        #expect(Slug.make("Straße", maxLength: 6) == "strass")
    }

    @Test func aLongTitleIsCutAtTheDefaultLength() {
        let slug = Slug.make(String(repeating: "Ağdam ", count: 100))
        #expect(slug.utf8.count <= 80)
        #expect(slug.hasPrefix("agdam-agdam-"))
        #expect(!slug.hasSuffix("-"))
    }

    @Test func foldsCedillaS() {
        #expect(Slug.make("Şəki") == "seki")
    }
}
