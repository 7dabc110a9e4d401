import Testing

@testable import WebArticle

@Suite("Canonical URLs")
struct PageLinkTests {
    @Test(
        arguments: [
            ("https://a.example/x", nil, "https://a.example/x"), ("/news/1", "https://a.example/p/q", "https://a.example/news/1"),
            ("2", "https://a.example/p/q", "https://a.example/p/2"), ("//cdn.example/y", "https://a.example/", "https://cdn.example/y"),
            ("/news/1", nil, nil), ("javascript:void(0)", "https://a.example/", nil), ("", "https://a.example/", nil),
        ] as [(String, String?, String?)])
    func resolved(reference: String, base: String?, expected: String?) {
        #expect(PageLink.resolve(reference, against: base) == expected)
    }
}
