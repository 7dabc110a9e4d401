import Foundation
import NewsModel

/// A document of the SemEval-2015 TimeLine data in CAT format: its tokens grouped by sentence
/// and its creation day.
///
/// Sentence 0 is the title; in the Wikinews articles sentence 1 is the dateline
/// (`March 01 , 2008`) and the body follows.
struct CATDocument {
    var id: String
    var creation: Day
    /// The tokens of each sentence, by sentence number.
    var sentences: [Int: [String]]

    /// Reads a CAT file; nil when it has no document id, no tokens or no creation time.
    init?(xml: String) {
        guard let header = Self.tag(named: "Document", in: xml), let id = XMLText.attributes(header)["doc_id"],
            let creation = Self.creationDay(xml)
        else { return nil }
        var sentences: [Int: [String]] = [:]
        var rest = xml[...]
        while let open = rest.range(of: "<token "), let close = rest.range(of: "</token>", range: open.upperBound..<rest.endIndex) {
            let element = rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
            guard let end = element.firstIndex(of: ">"), let sentence = XMLText.attributes(element[..<end])["sentence"].flatMap({ Int($0) })
            else { continue }
            sentences[sentence, default: []].append(XMLText.decode(element[element.index(after: end)...]))
        }
        guard !sentences.isEmpty else { return nil }
        self.id = id
        self.creation = creation
        self.sentences = sentences
    }

    /// The title: sentence 0, detokenized.
    var title: String { Detokenizer.join(sentences[0] ?? []) }

    /// The body sentences after the title, in order, each detokenized: (sentence number, text).
    var body: [(number: Int, text: String)] {
        sentences.keys.sorted().filter { $0 > 0 }.map { ($0, Detokenizer.join(sentences[$0]!)) }
    }

    private static func creationDay(_ xml: String) -> Day? {
        var rest = xml[...]
        while let open = rest.range(of: "<TIMEX3 ") {
            let end = rest[open.upperBound...].firstIndex(of: ">") ?? rest.endIndex
            let attributes = XMLText.attributes(rest[open.upperBound..<end])
            if attributes["functionInDocument"] == "CREATION_TIME", let value = attributes["value"] { return day(value) }
            rest = rest[end...]
        }
        return nil
    }

    /// `YYYY-MM-DD`, or `DD-MM-YYYY` as one file of the corpus writes it (its dateline,
    /// `February 03 , 2009`, has the day first).
    private static func day(_ value: String) -> Day? {
        if let day = Day(value.prefix(10)) { return day }
        let parts = value.split(separator: "-")
        guard parts.count == 3, parts[2].count == 4 else { return nil }
        return Day(parts[2] + "-" + parts[1] + "-" + parts[0])
    }

    /// The attributes text of the first `<name ...>` tag.
    private static func tag(named name: String, in xml: String) -> Substring? {
        guard let open = xml.range(of: "<" + name + " ") else { return nil }
        let end = xml[open.upperBound...].firstIndex(of: ">") ?? xml.endIndex
        return xml[open.upperBound..<end]
    }

}
