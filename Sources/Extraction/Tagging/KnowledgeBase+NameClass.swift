import NewsModel

extension KnowledgeBase {
    /// The tagger's class of a name the knowledge file or the gazetteer holds: people,
    /// organizations and places by their type, demonyms (`Russian`) as miscellaneous.
    func nameClass(of name: String) -> EntityTag.NameClass? {
        if let entry = entry(named: name) {
            switch entry.type {
            case .person: return .person
            case .organization, .group: return .organization
            case .location: return .location
            case .other: return .miscellaneous
            }
        }
        if place(named: name) != nil { return .location }
        if entry(demonym: name) != nil { return .miscellaneous }
        return nil
    }
}
