import NewsModel

/// The line that says what happened when the reporting clause gave none: built from the roles,
/// the trigger word and the place (`Vladimir Putin hosted Mahmoud Abbas at Novo-Ogaryovo`), or,
/// when that is shorter than three words, the opening of the source sentence.
enum EventSummary {
    /// `event.summary` holds the clause's line, or the trigger word marked `word|n` or `word|v`.
    static func make(_ event: Event, names: [String: String]) -> String {
        guard event.summary.contains("|") else { return event.summary }
        let line = template(event, names: names)
        if line.split(separator: " ").count >= 3 { return line }
        return opening(event.sources.first?.quote ?? "") ?? line
    }

    /// The sentence up to its first comma or semicolon, at most fourteen words.
    static func opening(_ quote: String) -> String? {
        let clause = quote.prefix { !",;:".contains($0) }
        var words = clause.split(separator: " ").prefix(14).map(String.init)
        while let last = words.last, ["the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "with"].contains(last.lowercased()) {
            words.removeLast()
        }
        guard words.count >= 3 else { return nil }
        var line = words.joined(separator: " ")
        while let last = line.last, ".!?\"\u{201D}".contains(last) { line.removeLast() }
        return line.prefix(1).uppercased() + line.dropFirst()
    }

    private static func template(_ event: Event, names: [String: String]) -> String {
        let marked = event.summary.split(separator: "|")
        let word = marked.first.map(String.init) ?? ""
        let isNoun = marked.count > 1 && marked[1] == "n"
        func list(_ roles: Set<Participant.Role>) -> String {
            let items = event.participants.filter { roles.contains($0.role) }.map { names[$0.entityId] ?? $0.entityId }
            switch items.count {
            case 0: return ""
            case 1: return items[0]
            default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
            }
        }
        let actors = list([.actor, .host])
        let others = list([.target, .guest])
        let participants = list([.participant])
        let mediators = list([.mediator])
        var parts: [String] = []
        if !actors.isEmpty {
            parts = [actors, word]
            if !participants.isEmpty { parts += ["with", participants] }
        } else if !participants.isEmpty {
            let names = participants.components(separatedBy: " and ")
            parts =
                isNoun || names.count < 2
                ? [word, "between", participants]
                : [names.dropLast().joined(separator: " and "), word, "with", names.last!]
        } else {
            parts = [word]
        }
        if !others.isEmpty {
            let violent: Set<EventType> = [.assault, .fight, .massViolence, .coerce, .threaten]
            if isNoun { parts.append(event.type == .aid ? "to" : violent.contains(event.type) ? "on" : "involving") }
            parts.append(others)
        }
        if !mediators.isEmpty { parts += ["mediated by", mediators] }
        if let location = event.location {
            parts += [event.participants.contains { $0.role == .host } ? "at" : "in", names[location] ?? location]
        }
        let line = parts.joined(separator: " ")
        return line.prefix(1).uppercased() + line.dropFirst()
    }
}
