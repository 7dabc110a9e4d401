import NewsModel

extension KnowledgeBase {
    /// The tagger's class of a name the knowledge file or the gazetteer holds: people,
    /// organizations and places by their type, demonyms (`Russian`) as miscellaneous.
    func nameClass(of name: String) -> EntityTag.NameClass? {
        if let entry = entry(named: name) { return EntityTag.NameClass(entry.type) }
        if place(named: name) != nil { return .location }
        if entry(demonym: name) != nil { return .miscellaneous }
        return nil
    }
}

extension EntityTag.NameClass {
    /// The tagger's class for an entity type: groups count as organizations.
    init(_ type: EntityType) {
        switch type {
        case .person: self = .person
        case .organization, .group: self = .organization
        case .location: self = .location
        case .other: self = .miscellaneous
        }
    }
}
