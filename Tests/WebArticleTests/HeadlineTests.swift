import Testing

@testable import WebArticle

@Suite("Headlines")
struct HeadlineTests {
    @Test(
        arguments: [
            ("Bridge reopens | The Gazette", "The Gazette", "Bridge reopens"),
            ("The Gazette - Bridge reopens", "The Gazette", "Bridge reopens"),
            ("Bridge reopens - Gazette", nil, "Bridge reopens"), ("Bridge reopens", nil, "Bridge reopens"),
            (
                "Rain - and more rain - due all week in the northern hills and valleys", nil,
                "Rain - and more rain - due all week in the northern hills and valleys"
            ),
        ] as [(String, String?, String)])
    func stripped(title: String, siteName: String?, expected: String) {
        #expect(Headline.stripSiteName(title, siteName: siteName) == expected)
    }
}
