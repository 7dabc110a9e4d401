import Markup

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Text as a reader sees it: markup in feed fields (escaped HTML in a description, an Atom
/// `type="html"` title) read by the HTML parser, whitespace collapsed.
enum PlainText {
    static func from(_ text: String) -> String {
        var plain = text
        if text.contains("<") || text.contains("&") {
            plain = MarkupDocument.html(Array("<html><body><div>\(text)</div></body></html>".utf8), encoding: "UTF-8")?.root?.text ?? text
        }
        return plain.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
