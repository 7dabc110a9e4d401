/// The kind of an event: the twenty CAMEO root categories, plus a few kinds of news that
/// CAMEO does not code (elections, rulings, disasters, sport), and `unknown` for a reported
/// happening that no kind fits.
public enum EventType: String, Codable, Sendable, Hashable, CaseIterable {
    case statement, appeal, intent, consult, cooperate
    case materialCooperation = "material-cooperation"
    case aid, yield, investigate, demand, disapprove, reject, threaten, protest
    case forcePosture = "force-posture"
    case reduceRelations = "reduce-relations"
    case coerce, assault, fight
    case massViolence = "mass-violence"
    case election, ruling, disaster, sport, economic, other
    /// A happening the text reports whose kind the extractor cannot tell.
    case unknown

    /// The CAMEO root code (`"04"` for consult), nil for kinds CAMEO does not code.
    public var cameoCode: String? {
        guard let index = EventType.cameoRoots.firstIndex(of: self) else { return nil }
        return Day.pad(index + 1, 2)
    }

    /// The CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict; nil for kinds CAMEO does not code.
    public var quadClass: Int? {
        guard let index = EventType.cameoRoots.firstIndex(of: self) else { return nil }
        switch index + 1 {
        case 1...5: return 1
        case 6...9: return 2
        case 10...14: return 3
        default: return 4
        }
    }

    /// The CAMEO roots in code order, 01 to 20.
    public static let cameoRoots: [EventType] = [
        .statement, .appeal, .intent, .consult, .cooperate, .materialCooperation, .aid, .yield,
        .investigate, .demand, .disapprove, .reject, .threaten, .protest, .forcePosture,
        .reduceRelations, .coerce, .assault, .fight, .massViolence,
    ]
}
