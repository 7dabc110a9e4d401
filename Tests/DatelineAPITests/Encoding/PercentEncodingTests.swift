import Foundation
import Hashing
import Testing

@testable import DatelineAPI

@Suite struct PercentEncodingTests {
    /// RFC 3986's unreserved characters: what is never percent-encoded.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    @Test func encodesAsFoundationDoesWithTheUnreservedSet() {
        var random = SplitMix64(seed: 3986)
        let pieces = ["a", "Z", "9", "-", ".", "_", "~", "/", " ", "%", "?", "&", "=", "+", "é", "ğ", "😀", "\u{0}", "\n", "\"", "\\"]
        for _ in 0..<2_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(PercentEncoding.encode(text) == text.addingPercentEncoding(withAllowedCharacters: Self.unreserved))
            var withSlash = Self.unreserved
            withSlash.insert("/")
            #expect(PercentEncoding.encode(text, keepSlash: true) == text.addingPercentEncoding(withAllowedCharacters: withSlash))
        }
    }

    @Test func buildsAPathWithItsQuery() {
        #expect(PercentEncoding.url(path: "/events/a b", query: []) == "/events/a%20b")
        #expect(
            PercentEncoding.url(path: "/events", query: [("q", "Abbas & Putin"), ("from", "2024-08-13")])
                == "/events?q=Abbas%20%26%20Putin&from=2024-08-13")
    }
}
