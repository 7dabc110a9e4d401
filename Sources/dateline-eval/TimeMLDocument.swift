import Foundation
import NewsModel

/// One TIMEX3 of a TimeML text, in the stripped text's Unicode scalars.
struct GoldTimex {
    var start: Int
    var end: Int
    var type: String
    var value: String
}

/// A TimeML document: its stripped text, creation day and TIMEX3 annotations.
struct TimeMLDocument {
    var name: String
    var text: String
    var creation: Day
    var timexes: [GoldTimex]

    /// Reads the <TEXT> element of a TimeML file; nil when it has no text or no creation time.
    init?(name: String, xml: String) {
        guard let creation = Self.creationDay(xml),
            let open = xml.range(of: "<TEXT>"), let close = xml.range(of: "</TEXT>", range: open.upperBound..<xml.endIndex)
        else { return nil }
        self.name = name
        self.creation = creation
        var text = String.UnicodeScalarView()
        var count = 0
        var timexes: [GoldTimex] = []
        var pending: (Int, [String: String])?
        let body = Array(xml[open.upperBound..<close.lowerBound].unicodeScalars)
        var i = 0
        while i < body.count {
            let s = body[i]
            if s == "<", let end = body[i...].firstIndex(of: ">") {
                let tag = String(String.UnicodeScalarView(body[(i + 1)..<end]))
                if tag.hasPrefix("TIMEX3") {
                    pending = (count, XMLText.attributes(tag[...]))
                } else if tag == "/TIMEX3", let (start, attributes) = pending {
                    timexes.append(GoldTimex(start: start, end: count, type: attributes["type"] ?? "", value: attributes["value"] ?? ""))
                    pending = nil
                }
                i = end + 1
            } else if s == "&", let end = body[i...].prefix(8).firstIndex(of: ";"),
                let decoded = Self.entities[String(String.UnicodeScalarView(body[(i + 1)..<end]))]
            {
                text.append(decoded)
                count += 1
                i = end + 1
            } else {
                text.append(s)
                count += 1
                i += 1
            }
        }
        self.text = String(text)
        self.timexes = timexes
    }

    private static let entities: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    private static func creationDay(_ xml: String) -> Day? {
        guard let mark = xml.range(of: "functionInDocument=\"CREATION_TIME\"") else { return nil }
        let tagStart = xml[..<mark.lowerBound].range(of: "<TIMEX3", options: .backwards)?.lowerBound ?? mark.lowerBound
        let tagEnd = xml[mark.upperBound...].firstIndex(of: ">") ?? xml.endIndex
        guard let value = XMLText.attributes(xml[tagStart..<tagEnd])["value"] else { return nil }
        return Day(value.prefix(10))
    }
}
