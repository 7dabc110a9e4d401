import NewsModel

/// A small store built in code: six entities, three articles and five events that exercise
/// every filter, precision and representation.
enum Fixtures {
    static let entities = [
        Entity(id: "vladimir-putin", name: "Vladimir Putin", type: .person, aliases: ["Putin"], wikidataId: "Q7747"),
        Entity(id: "mahmoud-abbas", name: "Mahmoud Abbas", type: .person, aliases: ["Abbas"]),
        Entity(id: "moscow", name: "Moscow", type: .location),
        Entity(id: "gaza", name: "Gaza", type: .location, description: "A coastal territory."),
        Entity(id: "hamas", name: "Hamas", type: .organization),
        Entity(id: "united-nations", name: "United Nations", type: .organization, aliases: ["UN"]),
    ]

    static let articles = [
        Article.make(
            "putin-hosts-abbas", title: "Putin hosts Abbas in Moscow", published: "2024-08-13",
            sentences: ["Vladimir Putin hosted Mahmoud Abbas in Moscow.", "They discussed Gaza."],
            mentions: [
                ("vladimir-putin", 0, "Vladimir Putin"), ("mahmoud-abbas", 0, "Mahmoud Abbas"),
                ("moscow", 0, "Moscow"), ("gaza", 1, "Gaza"),
            ]),
        Article.make(
            "aid-reaches-gaza", title: "Aid reaches Gaza", published: "2024-07-02",
            sentences: [
                "The United Nations sent over 700 tons of aid to Gaza in June.",
                "Hamas fought in Gaza in late June, and over 90 people died.",
            ],
            mentions: [
                ("united-nations", 0, "United Nations"), ("gaza", 0, "Gaza"),
                ("hamas", 1, "Hamas"), ("gaza", 1, "Gaza"),
            ]),
        Article.make(
            "hamas-will-talk", title: "Hamas will talk", published: "2024-09-01",
            sentences: ["Hamas said \"we will talk\", and Abbas agreed to meet.", "Hamas issued a statement in 2023."],
            mentions: [("hamas", 0, "Hamas"), ("mahmoud-abbas", 0, "Abbas"), ("hamas", 1, "Hamas")]),
    ]

    static let events = [
        Event.make(
            "putin-hosts-abbas-2024-08-13", .consult, "Vladimir Putin hosted Mahmoud Abbas in Moscow",
            date: .on("2024-08-13", phrase: "on Tuesday"), location: "moscow",
            participants: [("vladimir-putin", .host), ("mahmoud-abbas", .guest)],
            source: ("putin-hosts-abbas", 0, "Vladimir Putin hosted Mahmoud Abbas in Moscow.")),
        Event.make(
            "un-aid-gaza-2024-06", .aid, "The United Nations sent aid to Gaza",
            date: .month(2024, 6, phrase: "in June"), location: "gaza",
            participants: [("united-nations", .actor)],
            figures: [Figure(kind: "aid", value: 700, unit: "tons", qualifier: .atLeast, text: "over 700 tons")],
            source: ("aid-reaches-gaza", 0, "The United Nations sent over 700 tons of aid to Gaza in June.")),
        Event.make(
            "hamas-fight-gaza-2024-06", .fight, "Hamas fought in Gaza",
            date: .month(2024, 6, phrase: "in late June", modifier: .late, days: 21...30),
            status: .ongoing, location: "gaza", participants: [("hamas", .actor)],
            figures: [Figure(kind: "fatalities", value: 90, qualifier: .atLeast, text: "over 90 people")],
            source: ("aid-reaches-gaza", 1, "Hamas fought in Gaza in late June, and over 90 people died.")),
        Event.make(
            "hamas-abbas-talks", .consult, "Hamas and Mahmoud Abbas will talk", date: nil, status: .scheduled,
            participants: [("hamas", .participant), ("mahmoud-abbas", .participant)],
            source: ("hamas-will-talk", 0, "Hamas said \"we will talk\", and Abbas agreed to meet.")),
        Event.make(
            "hamas-statement-2023", .statement, "Hamas issued a statement", date: .year(2023, phrase: "in 2023"),
            participants: [("hamas", .actor)],
            source: ("hamas-will-talk", 1, "Hamas issued a statement in 2023.")),
    ]

    /// A store holding the fixtures, written as one version step.
    static func store() -> NewsStore {
        let store = NewsStore()
        store.apply(
            entities.map(StoreChange.upsertEntity) + articles.map(StoreChange.upsertArticle)
                + events.map(StoreChange.upsertEvent))
        return store
    }
}
