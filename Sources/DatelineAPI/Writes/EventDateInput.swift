import HTTPServer
import NewsModel

/// An event's date as a write gives it: `{value, phrase?, precision?, modifier?, earliest?, latest?}`.
///
/// `value` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or TIMEX3-style a decade `YYY`, a quarter
/// `YYYY-Qn`, a week `YYYY-Www` or a weekend `YYYY-Www-WE`; `precision` follows from its shape and must
/// agree when given; `phrase` defaults to the value. `earliest` and `latest` are derived the way
/// the extractor derives them (`late` June is its last ten days, `early` 2024 January to April)
/// when absent, and checked against the value and modifier when given.
enum EventDateInput {
    static let fields: Set<String> = ["phrase", "value", "precision", "modifier", "earliest", "latest"]

    /// The date, or nil with the errors noted in `validator`.
    static func read<V: BodyValue>(_ value: V?, _ field: String, validator: inout FieldValidator) -> EventDate? {
        guard let object = validator.object(value, field, required: false) else { return nil }
        validator.onlyKnown(object, fields, prefix: field)
        let path = { (key: String) in FieldValidator.path(field, key) }
        let text = validator.string(object["value"], path("value"))
        let phrase = validator.string(object["phrase"], path("phrase"), required: false, maxLength: 500)
        let precision = validator.choice(object["precision"], path("precision"), EventDate.Precision.self, required: false)
        let modifier = validator.choice(object["modifier"], path("modifier"), EventDate.Modifier.self, required: false)
        let earliest = validator.day(object["earliest"], path("earliest"), required: false)
        let latest = validator.day(object["latest"], path("latest"), required: false)
        guard let text else { return nil }
        guard let (shape, base) = parse(text) else {
            validator.fail(
                path("value"), "must be a date as YYYY, YYYY-MM or YYYY-MM-DD (or YYY, YYYY-Qn, YYYY-Www, YYYY-Www-WE), got \"\(text)\".")
            return nil
        }
        if let precision, precision != shape {
            validator.fail(path("precision"), "must be \(shape.rawValue) for the value \"\(text)\", got \(precision.rawValue).")
            return nil
        }
        let derived = range(of: base, precision: shape, modifier: modifier)
        let date = EventDate(
            phrase: phrase ?? text, value: text, precision: shape, modifier: modifier,
            earliest: earliest ?? derived.lowerBound, latest: latest ?? derived.upperBound)
        if date.earliest > date.latest {
            validator.fail(
                path(earliest == nil ? "latest" : "earliest"),
                "gives a range that ends before it starts: \(date.earliest) to \(date.latest).")
            return nil
        }
        if let problem = inconsistency(date, base: base) {
            validator.fail(path(earliest != nil ? "earliest" : "latest"), problem)
            return nil
        }
        return date
    }

    /// The precision a value's shape gives, and the days it names.
    static func parse(_ text: String) -> (EventDate.Precision, ClosedRange<Day>)? {
        EventDate.parse(text)
    }

    /// The days a value at a precision means once the modifier narrows it.
    static func range(of base: ClosedRange<Day>, precision: EventDate.Precision, modifier: EventDate.Modifier?) -> ClosedRange<Day> {
        EventDate.narrow(base, precision: precision, by: modifier)
    }

    /// What is wrong with a given range for the value and modifier, nil when nothing is: without
    /// a modifier (or with early, mid, late) it lies within the value; `since` and `after` start
    /// within or after it; `until` and `before` end within or before it; `about` overlaps it.
    static func inconsistency(_ date: EventDate, base: ClosedRange<Day>) -> String? {
        let within = { "\(base.lowerBound) to \(base.upperBound)" }
        switch date.modifier {
        case nil, .early?, .mid?, .late?:
            guard base.contains(date.earliest), base.contains(date.latest) else {
                return "must lie within the days of the value, \(within())."
            }
        case .since?, .after?:
            guard date.earliest >= base.lowerBound else { return "must not start before \(base.lowerBound), the value's first day." }
        case .until?, .before?:
            guard date.latest <= base.upperBound else { return "must not end after \(base.upperBound), the value's last day." }
        case .about?:
            guard date.earliest <= base.upperBound, date.latest >= base.lowerBound else {
                return "must overlap the days of the value, \(within())."
            }
        }
        return nil
    }
}
