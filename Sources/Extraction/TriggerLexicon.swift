import NewsModel

/// Words that report a happening, mapped to an ``EventType`` (CAMEO roots plus election,
/// ruling, disaster, sport and economic news) and to how their participants take part.
enum TriggerLexicon {
    /// How the entities around a trigger take part.
    enum Pattern: Sendable, Hashable {
        /// The subject acts on the object (`attacked`, `sent aid to`).
        case actorTarget
        /// The subject hosts the object (`hosted`, `welcomed`).
        case host
        /// The subject visits the object (`visited`, `trip to`).
        case visit
        /// Everyone named takes part alike (`talks between`, `met with`).
        case symmetric
        /// The subject speaks (`announced`).
        case speaker
    }

    struct Entry: Sendable, Hashable {
        var type: EventType
        var pattern: Pattern
        /// A noun (`attack`, `talks`) rather than a verb (`attacked`).
        var isNoun: Bool
        /// Resolved by the article's domain (`won` in an election or a match).
        var isAmbiguous: Bool = false
    }

    /// Lower-case word forms to entries. Nouns are marked with a trailing `*`.
    static let entries: [String: Entry] = {
        let table: [(EventType, Pattern, String)] = [
            (
                .consult, .symmetric,
                "meet meets met meeting* meetings* talks* negotiations* negotiated summit* discussed consultations* conference* communicated"
            ),
            (.consult, .host, "hosted hosts hosting welcomed received"),
            (.consult, .visit, "visit* visits* visited visiting trip* toured"),
            (
                .statement, .speaker,
                "said says told announced announcement* announces declared declaration* statement* claimed claim* confirmed reported"
            ),
            (.appeal, .speaker, "urged appealed appeal*"),
            (.intent, .actorTarget, "pledged promised vowed pledge* promise* offered"),
            (.cooperate, .symmetric, "signed agreement* accord* treaty* pact* deal* agreed partnership* ratified endorsed"),
            (.materialCooperation, .actorTarget, "exercises* drills*"),
            (.aid, .actorTarget, "aid* assistance* sent delivered donated relief* provided supplied"),
            (
                .yield, .actorTarget,
                "released withdrew withdrawal* ceasefire* truce* resigned resignation* surrendered conceded eased lifted freed"
            ),
            (.investigate, .actorTarget, "investigated investigation* probe* inquiry* investigating"),
            (.demand, .actorTarget, "demanded demand* demands*"),
            (
                .disapprove, .actorTarget,
                "criticized criticised condemned blamed accused denounced complained complaint* criticism* condemnation*"
            ),
            (.reject, .actorTarget, "rejected blocked blocking vetoed veto* refused denied rejection*"),
            (.threaten, .actorTarget, "threatened warned threat* threats* ultimatum* warning*"),
            (.protest, .symmetric, "protest* protests* protested demonstration* demonstrations* rally* rallies* marched boycott* walkout*"),
            (.forcePosture, .actorTarget, "mobilized mobilised deployed deployment* massed"),
            (.reduceRelations, .actorTarget, "expelled sanctions* sanctioned severed suspended halted"),
            (.coerce, .actorTarget, "arrested arrest* arrests* detained detention* seized raided raid* deported imposed banned executed"),
            (
                .assault, .actorTarget,
                "attack* attacks* attacked assault* assaults* bombing* kidnapped abducted assassinated assassination* ambush* ambushed"
            ),
            (
                .fight, .actorTarget,
                "airstrike* airstrikes* strike* strikes* struck shelling* shelled bombarded bombardment* fighting* clashes* clashed battle* war* conflict* offensive* invasion* invaded fired"
            ),
            (.massViolence, .actorTarget, "displacement* displacements* expulsion* expulsions* massacre* genocide*"),
            (
                .election, .symmetric,
                "election* elections* vote* voted voting* ballot* referendum* elected re-elected runoff* polls* primary*"
            ),
            (
                .ruling, .actorTarget,
                "ruled ruling* verdict* sentenced convicted acquitted upheld overturned judgment* judgement* struck_down jailed pleaded hearing* trial*"
            ),
            (
                .disaster, .actorTarget,
                "earthquake* quake* flood* floods* flooding* hurricane* typhoon* cyclone* storm* wildfire* wildfires* landslide* landslides* tsunami* eruption* erupted drought* tornado* collapse* collapsed explosion* derailment* crash* aftershock* aftershocks* tremor* tremors* spill* leak*"
            ),
            (.sport, .symmetric, "final* match* semifinal* semi-final* tournament* championship*"),
            (
                .economic, .actorTarget,
                "tariff* tariffs* exports* imports* inflation* recession* investment* invested merger* acquisition* acquired shares* stocks* slumped surged plunged soared"
            ),
            (.other, .symmetric, "won win* victory* lost defeat* defeated beat round* ordered"),
        ]
        var out: [String: Entry] = [:]
        for (type, pattern, words) in table {
            for raw in words.split(separator: " ") {
                let noun = raw.hasSuffix("*")
                let word = String(noun ? raw.dropLast() : raw[...]).replacing("_", with: " ")
                if out[word] == nil {
                    out[word] = Entry(type: type, pattern: pattern, isNoun: noun, isAmbiguous: type == .other)
                }
            }
        }
        return out
    }()

    /// Words whose count in an article says what it is about; the winner resolves ambiguous triggers.
    static let domainCues: [EventType: Set<String>] = [
        .election: [
            "election", "elections", "vote", "votes", "voters", "ballot", "ballots", "candidate", "candidates", "polls", "campaign",
            "turnout", "constituency", "parliamentary", "presidential", "seats",
        ],
        .sport: [
            "match", "final", "goal", "goals", "coach", "cup", "league", "tournament", "scored", "season", "championship", "striker",
            "team", "squad", "stadium", "fans", "penalty",
        ],
        .ruling: [
            "court", "damages", "liable", "guilty", "judge", "judges", "verdict", "ruling", "appeal", "justices", "lawsuit", "defendant",
            "prosecutors", "trial",
        ],
    ]
}
