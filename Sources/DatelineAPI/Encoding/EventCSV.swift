import NewsModel

/// Events as flat CSV records, one a line, for spreadsheets.
enum EventCSV {
    /// The header row.
    static let columns = [
        "id", "type", "cameo", "quadClass", "summary",
        "datePhrase", "dateValue", "datePrecision", "dateModifier", "dateEarliest", "dateLatest",
        "status", "location", "participants", "figures", "sourceArticle", "sourceSentence", "sourceQuote",
    ]

    /// The whole document: the header row, then one record per event.
    static func document(_ events: [Event]) -> String {
        var writer = CSVWriter(header: columns)
        for event in events { writer.append(record(event)) }
        return writer.text
    }

    /// The fields of one event, in `columns` order; absent values are empty fields.
    static func record(_ event: Event) -> [String] {
        let date = event.date
        let source = event.sources.first
        return [
            event.id, event.type.rawValue, event.type.cameoCode ?? "", event.type.quadClass.map(String.init) ?? "",
            event.summary,
            date?.phrase ?? "", date?.value ?? "", date?.precision.rawValue ?? "", date?.modifier?.rawValue ?? "",
            date?.earliest.description ?? "", date?.latest.description ?? "",
            event.status.rawValue, event.location ?? "",
            event.participants.map { "\($0.entityId):\($0.role.rawValue)" }.joined(separator: ";"),
            event.figures.map(figure).joined(separator: ";"),
            source?.articleId ?? "", source.map { String($0.sentenceIndex) } ?? "", source?.quote ?? "",
        ]
    }

    /// `kind:value:unit:qualifier` (`fatalities:90::atLeast`); whole values without a fraction.
    static func figure(_ figure: Figure) -> String {
        let value =
            figure.value.rounded() == figure.value && abs(figure.value) < 1e15
            ? String(Int(figure.value)) : String(figure.value)
        return "\(figure.kind):\(value):\(figure.unit ?? ""):\(figure.qualifier.rawValue)"
    }
}
