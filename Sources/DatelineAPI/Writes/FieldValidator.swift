import HTTPServer
import NewsModel

/// Reads the fields of a write's JSON body into typed values, noting what is wrong with each
/// instead of stopping at the first, so one 422 can list them all.
///
/// For optional fields `null` means the same as absent; a required field that is absent or
/// `null` is an error. A field's name (`participants[2].role`) is made only when it is wrong.
struct FieldValidator {
    private(set) var errors: [FieldError] = []

    /// Notes that `field` is wrong.
    mutating func fail(_ field: String, _ problem: String) {
        errors.append(FieldError(field: field, problem: problem))
    }

    /// Throws 422 when any field was wrong.
    func check() throws(HTTPError) {
        guard errors.isEmpty else { throw FieldError.unprocessable(errors) }
    }

    /// `key` within the object at `prefix`: `source.url`, `participants[0].role`.
    static func path(_ prefix: String, _ key: String) -> String {
        prefix.isEmpty ? key : prefix + "." + key
    }

    /// The value when present and not `null`; notes "is required" when required and missing.
    private mutating func present<V: BodyValue>(_ value: V?, _ field: () -> String, required: Bool) -> V? {
        guard let value, !value.isNull else {
            if required { fail(field(), "is required.") }
            return nil
        }
        return value
    }

    /// The members of an object.
    mutating func object<V: BodyValue>(_ value: V?, _ field: @autoclosure () -> String, required: Bool = true) -> V.Object? {
        guard let value = present(value, field, required: required) else { return nil }
        guard let members = value.members else {
            let name = field()
            fail(name.isEmpty ? "(body)" : name, "must be an object, got \(value.kindDescription).")
            return nil
        }
        return members
    }

    /// Notes every member of `object` that is not among `known`.
    mutating func onlyKnown(_ object: some BodyObject, _ known: Set<String>, prefix: @autoclosure () -> String = "") {
        for name in object.unknownNames(among: known) {
            fail(Self.path(prefix(), name), "is not a known field; the fields are \(known.sorted().joined(separator: ", ")).")
        }
    }

    /// Checks a merge patch before it is applied: an object naming only `known` members (and,
    /// in the nested objects of `nested`, only theirs), so a patch that can never apply answers
    /// 422 whether or not the resource exists.
    static func checkPatch(_ patch: JSONValue, known: Set<String>, nested: [String: Set<String>] = [:]) throws(HTTPError) {
        var validator = FieldValidator()
        if let object = validator.object(patch, "") {
            validator.onlyKnown(object, known)
            for (name, fields) in nested {
                if let members = object[name]?.members { validator.onlyKnown(members, fields, prefix: name) }
            }
        }
        try validator.check()
    }

    /// A string; empty or blank ones are refused unless `allowEmpty`.
    mutating func string<V: BodyValue>(
        _ value: V?, _ field: @autoclosure () -> String, required: Bool = true, allowEmpty: Bool = false,
        maxLength: Int = 1_000_000
    ) -> String? {
        guard let value = present(value, field, required: required) else { return nil }
        guard let text = value.string else {
            fail(field(), "must be a string, got \(value.kindDescription).")
            return nil
        }
        if !allowEmpty && Self.isBlank(text) {
            fail(field(), "must not be empty.")
            return nil
        }
        // No more scalars than UTF-8 bytes: most strings need no count.
        if text.utf8.count > maxLength && text.scalarCount > maxLength {
            fail(field(), "must be at most \(maxLength) characters long.")
            return nil
        }
        return text
    }

    /// Whether the text is empty or white space alone. A first byte that is printable ASCII
    /// and not a space settles it, without reading the text as characters.
    private static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.allSatisfy(\.isWhitespace)
    }

    /// One of a closed set of strings.
    mutating func choice<T: RawRepresentable & CaseIterable, V: BodyValue>(
        _ value: V?, _ field: @autoclosure () -> String, _ type: T.Type,
        required: Bool = true
    ) -> T? where T.RawValue == String {
        guard let text = string(value, field(), required: required) else { return nil }
        guard let choice = T(rawValue: text) else {
            fail(field(), "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text)\".")
            return nil
        }
        return choice
    }

    /// A finite number, within `range` when given.
    mutating func number<V: BodyValue>(
        _ value: V?, _ field: @autoclosure () -> String, required: Bool = true,
        in range: ClosedRange<Double>? = nil
    ) -> Double? {
        guard let value = present(value, field, required: required) else { return nil }
        guard let number = value.number, number.isFinite else {
            fail(field(), "must be a number, got \(value.kindDescription).")
            return nil
        }
        if let range, !range.contains(number) {
            fail(field(), "must be from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)), got \(Self.format(number)).")
            return nil
        }
        return number
    }

    /// A whole number no smaller than `minimum`.
    mutating func integer<V: BodyValue>(_ value: V?, _ field: @autoclosure () -> String, required: Bool = true, minimum: Int = 0) -> Int? {
        guard let number = number(value, field(), required: required) else { return nil }
        guard number == number.rounded(), abs(number) < 1e15 else {
            fail(field(), "must be a whole number, got \(Self.format(number)).")
            return nil
        }
        guard Int(number) >= minimum else {
            fail(field(), "must be at least \(minimum), got \(Int(number)).")
            return nil
        }
        return Int(number)
    }

    /// A day written `YYYY-MM-DD`.
    mutating func day<V: BodyValue>(_ value: V?, _ field: @autoclosure () -> String, required: Bool = true) -> Day? {
        guard let text = string(value, field(), required: required) else { return nil }
        guard let day = Day(text) else {
            fail(field(), "must be a date as YYYY-MM-DD, got \"\(text)\".")
            return nil
        }
        return day
    }

    /// The items of an array.
    mutating func array<V: BodyValue>(_ value: V?, _ field: @autoclosure () -> String, required: Bool = true) -> [V]? {
        guard let value = present(value, field, required: required) else { return nil }
        guard let items = value.items else {
            fail(field(), "must be an array, got \(value.kindDescription).")
            return nil
        }
        return items
    }

    /// An array of non-empty strings, without repeats (the first of each kept).
    mutating func strings<V: BodyValue>(_ value: V?, _ field: @autoclosure () -> String, required: Bool = true) -> [String]? {
        guard let items = array(value, field(), required: required) else { return nil }
        var result: [String] = []
        var valid = true
        for (index, item) in items.enumerated() {
            guard let text = string(item, "\(field())[\(index)]") else {
                valid = false
                continue
            }
            if !result.contains(text) { result.append(text) }
        }
        return valid ? result : nil
    }

    /// An id: what `Slug.make` would write (lower-case letters, digits and single dashes).
    mutating func id<V: BodyValue>(_ value: V?, _ field: @autoclosure () -> String, required: Bool = true) -> String? {
        guard let text = string(value, field(), required: required) else { return nil }
        guard Self.isSlug(text) else {
            fail(field(), "must be a slug of lower-case letters, digits and single dashes (like \"\(Slug.make(text))\"), got \"\(text)\".")
            return nil
        }
        return text
    }

    /// Whether `text` is a slug as `Slug.make` writes them.
    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 200 && Slug.make(text, maxLength: 200) == text
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

/// The name of an item of a list in a body (`participants[2]`), made only when a message needs
/// it: a value, so that passing it on to the checks of each field costs no closure on the heap.
struct ItemField {
    let list: String
    let index: Int

    func callAsFunction() -> String {
        "\(list)[\(index)]"
    }
}
