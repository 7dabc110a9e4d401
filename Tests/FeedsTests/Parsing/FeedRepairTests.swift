import Testing

@testable import Feeds

@Suite struct FeedRepairTests {
    private func escaped(_ text: String) -> String {
        String(decoding: FeedRepair.escapingAmpersands(Array(text.utf8)), as: UTF8.self)
    }

    @Test(arguments: [
        ("a & b", "a &amp; b"),
        ("a &amp; b &lt; &gt; &quot; &apos;", "a &amp; b &lt; &gt; &quot; &apos;"),
        ("&#233; &#xE9; &#x; &#12a;", "&#233; &#xE9; &amp;#x; &amp;#12a;"),
        ("&nbsp;&eacute;&hellip;", "&#160;&#233;&#8230;"),
        ("&unknownthing; &", "&amp;unknownthing; &amp;"),
        ("<![CDATA[a & b &nbsp;]]> & c", "<![CDATA[a & b &nbsp;]]> &amp; c"),
        ("<!-- x & y --><?pi a & b?>&", "<!-- x & y --><?pi a & b?>&amp;"),
        ("x?a=1&b=2", "x?a=1&amp;b=2"),
    ])
    func ampersands(input: String, expected: String) {
        #expect(escaped(input) == expected)
    }

    @Test func leadingJunkGoes() {
        #expect(FeedRepair.trimmingLeadingJunk([0xEF, 0xBB, 0xBF] + Array(" \r\n<rss/>".utf8)) == Array("<rss/>".utf8))
        #expect(FeedRepair.trimmingLeadingJunk(Array("<rss/>".utf8)) == Array("<rss/>".utf8))
        #expect(FeedRepair.trimmingLeadingJunk([0xFF, 0xFE, 0x3C, 0x00]) == [0xFF, 0xFE, 0x3C, 0x00])
    }

    @Test func encodingsAreMadeToAgree() {
        let latin1: [UInt8] = Array("<?xml version=\"1.0\"?><a>caf".utf8) + [0xE9, 0x80] + Array("</a>".utf8)
        #expect(String(decoding: FeedRepair.normalizingEncoding(latin1), as: UTF8.self) == "<?xml version=\"1.0\"?><a>café€</a>")
        let mislabelled = Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a>café</a>".utf8)
        #expect(FeedRepair.declaredEncoding(FeedRepair.normalizingEncoding(mislabelled)) == "UTF-8")
        let genuine: [UInt8] = Array("<?xml version='1.0' encoding='windows-1251'?><a>".utf8) + [0xCF, 0xF0, 0xE8] + Array("</a>".utf8)
        #expect(FeedRepair.normalizingEncoding(genuine) == genuine)
        let claimsUTF8: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(String(decoding: FeedRepair.normalizingEncoding(claimsUTF8), as: UTF8.self).hasSuffix("<a>é</a>"))
    }
}
