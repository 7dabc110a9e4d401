import Foundation
import NewsModel

/// One TIMEX3 of a TimeML text, in the stripped text's Unicode scalars.
struct GoldTimex {
    var id: String
    var start: Int
    var end: Int
    var type: String
    var value: String
}

/// One EVENT of a TimeML text, in the stripped text's Unicode scalars.
struct GoldEvent {
    var id: String
    var start: Int
    var end: Int
}

/// A temporal link between an event and a time expression, with the event always first: the
/// event `IS_INCLUDED` in the time, `DURING` it, and so on. Links written the other way round
/// (`INCLUDES`) are turned over.
struct GoldEventTimeLink {
    var event: String
    var time: String
    var relation: String
}

/// A TimeML document: its stripped text, creation day, TIMEX3 and EVENT annotations, and the
/// links between events and times.
struct TimeMLDocument {
    var name: String
    var text: String
    var creation: Day
    var timexes: [GoldTimex]
    var events: [GoldEvent]
    var links: [GoldEventTimeLink]

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
        var events: [GoldEvent] = []
        var pending: (Int, [String: String])?
        var pendingEvent: (Int, String)?
        let body = Array(xml[open.upperBound..<close.lowerBound].unicodeScalars)
        var i = 0
        while i < body.count {
            let s = body[i]
            if s == "<", let end = body[i...].firstIndex(of: ">") {
                let tag = String(String.UnicodeScalarView(body[(i + 1)..<end]))
                if tag.hasPrefix("TIMEX3") {
                    pending = (count, XMLText.attributes(tag[...]))
                } else if tag == "/TIMEX3", let (start, attributes) = pending {
                    timexes.append(
                        GoldTimex(
                            id: attributes["tid"] ?? "", start: start, end: count, type: attributes["type"] ?? "",
                            value: attributes["value"] ?? ""))
                    pending = nil
                } else if tag.hasPrefix("EVENT ") {
                    pendingEvent = (count, XMLText.attributes(tag[...])["eid"] ?? "")
                } else if tag == "/EVENT", let (start, id) = pendingEvent {
                    events.append(GoldEvent(id: id, start: start, end: count))
                    pendingEvent = nil
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
        self.events = events
        self.links = Self.eventTimeLinks(xml[close.upperBound...])
    }

    private static let inverse = [
        "INCLUDES": "IS_INCLUDED", "IS_INCLUDED": "INCLUDES", "DURING": "DURING_INV", "DURING_INV": "DURING",
        "BEFORE": "AFTER", "AFTER": "BEFORE", "BEGINS": "BEGUN_BY", "BEGUN_BY": "BEGINS", "ENDS": "ENDED_BY",
        "ENDED_BY": "ENDS", "IBEFORE": "IAFTER", "IAFTER": "IBEFORE",
    ]

    /// The TLINKs between an event instance and a time, after the text, with instances read back
    /// to their events through MAKEINSTANCE.
    private static func eventTimeLinks(_ annotations: Substring) -> [GoldEventTimeLink] {
        var instances: [String: String] = [:]
        var links: [GoldEventTimeLink] = []
        var tlinks: [[String: String]] = []
        for line in annotations.split(separator: "\n") {
            let tag = line.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("<MAKEINSTANCE") {
                let a = XMLText.attributes(tag[...])
                if let instance = a["eiid"], let event = a["eventID"] { instances[instance] = event }
            } else if tag.hasPrefix("<TLINK") {
                tlinks.append(XMLText.attributes(tag[...]))
            }
        }
        for a in tlinks {
            guard let relation = a["relType"] else { continue }
            if let instance = a["eventInstanceID"], let time = a["relatedToTime"], let event = instances[instance] {
                links.append(GoldEventTimeLink(event: event, time: time, relation: relation))
            } else if let time = a["timeID"], let instance = a["relatedToEventInstance"], let event = instances[instance] {
                links.append(GoldEventTimeLink(event: event, time: time, relation: inverse[relation] ?? relation))
            }
        }
        return links
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

/// The held-out or the development part of a folder of TimeML files, read and sorted by name:
/// every fifth file (index % 5 == 4) is the test part.
func timeMLDocuments(_ dir: String, split: String, verbose: Bool) -> [(String, TimeMLDocument)] {
    guard split == "dev" || split == "test" else { fail("--split must be dev or test") }
    if verbose && split == "test" { fail("--verbose lists errors, and the test part is held out: score it without --verbose") }
    guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { fail("cannot read \(dir)") }
    let names = files.filter { $0.hasSuffix(".tml") }.sorted()
    return names.enumerated().filter { ($0.offset % 5 == 4) == (split == "test") }.map { _, name in
        guard let xml = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8),
            let doc = TimeMLDocument(name: name, xml: xml)
        else { fail("cannot read \(name) as TimeML") }
        return (name, doc)
    }
}
