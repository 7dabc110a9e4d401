import Testing

@testable import NewsModel

@Suite struct DuplicateKeysTests {
    @Test(arguments: [
        (" HTTPS://Example.ORG/News/Story/ ", "https://example.org/News/Story"),
        ("https://example.org/story?utm_source=rss&utm_medium=feed", "https://example.org/story"),
        ("https://example.org/story?id=7&fbclid=abc&page=2#comments", "https://example.org/story?id=7&page=2"),
        ("https://example.org/story/?GCLID=x", "https://example.org/story"),
        ("https://example.org/story/?id=7", "https://example.org/story?id=7"),
        ("https://Example.org?utm_campaign=x", "https://example.org"),
        ("https://example.org/a?reference=1", "https://example.org/a?reference=1"),
        ("https://example.org/p?next=/", "https://example.org/p?next=/"),
        ("https://example.org/p?r=/?x", "https://example.org/p?r=/?x"),
    ])
    func urlsAreComparedWithoutWhatTracksTheReader(url: String, normalized: String) {
        #expect(DuplicateKeys.normalized(url) == normalized)
    }
}
