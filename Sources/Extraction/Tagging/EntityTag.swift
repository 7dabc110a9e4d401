/// A BILOU tag over four name classes: outside, or the beginning, inside, last or only word of
/// a person, organization, location or miscellaneous name.
///
/// Stored as one byte: 0 is outside; `1 + class * 4 + position` for the rest, so a model's
/// weights are rows of ``count`` numbers.
struct EntityTag: Sendable, Hashable {
    /// The classes CoNLL-2003 annotates.
    enum NameClass: UInt8, Sendable, CaseIterable {
        case person, organization, location, miscellaneous

        /// The CoNLL label (`PER`, `ORG`, `LOC`, `MISC`).
        var label: String {
            switch self {
            case .person: "PER"
            case .organization: "ORG"
            case .location: "LOC"
            case .miscellaneous: "MISC"
            }
        }

        init?(label: String) {
            guard let found = Self.allCases.first(where: { $0.label == label }) else { return nil }
            self = found
        }
    }

    /// Where a word sits in its name.
    enum Position: UInt8, Sendable, CaseIterable {
        case begin, inside, last, unit
    }

    /// Every tag: outside, then four positions for each class.
    static let count = 1 + NameClass.allCases.count * Position.allCases.count
    static let outside = EntityTag(rawValue: 0)

    let rawValue: UInt8

    init(rawValue: UInt8) {
        precondition(Int(rawValue) < Self.count, "no such tag")
        self.rawValue = rawValue
    }

    init(_ nameClass: NameClass, _ position: Position) {
        rawValue = 1 + nameClass.rawValue * 4 + position.rawValue
    }

    var nameClass: NameClass? { rawValue == 0 ? nil : NameClass(rawValue: (rawValue - 1) / 4) }
    var position: Position? { rawValue == 0 ? nil : Position(rawValue: (rawValue - 1) % 4) }

    /// Whether this tag may follow `previous`: a name that began continues with its own class
    /// until its last word; outside a name, only outside, a beginning or a unit may come.
    func canFollow(_ previous: EntityTag) -> Bool {
        switch previous.position {
        case .begin?, .inside?:
            return nameClass == previous.nameClass && (position == .inside || position == .last)
        default:
            return position == nil || position == .begin || position == .unit
        }
    }

    /// Whether a sentence may end on this tag.
    var canEnd: Bool { position != .begin && position != .inside }

    /// `B-PER`, `L-LOC`, `O`.
    var label: String {
        guard let nameClass, let position else { return "O" }
        return "\("BILU".unicodeScalars.map(String.init)[Int(position.rawValue)])-\(nameClass.label)"
    }

    /// The BILOU tags of a name of `length` words.
    static func tags(for nameClass: NameClass, length: Int) -> [EntityTag] {
        if length == 1 { return [EntityTag(nameClass, .unit)] }
        return [EntityTag(nameClass, .begin)] + Array(repeating: EntityTag(nameClass, .inside), count: length - 2)
            + [EntityTag(nameClass, .last)]
    }
}
