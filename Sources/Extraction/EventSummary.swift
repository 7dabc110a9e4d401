import NewsModel

/// One line that says what happened, from the roles, the trigger word and the place:
/// `Vladimir Putin hosted Mahmoud Abbas at Novo-Ogaryovo`.
enum EventSummary {
    /// `event.summary` holds the trigger word when this runs.
    static func make(_ event: Event, names: [String: String]) -> String {
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
            parts = isNoun || names.count < 2 ? [word, "between", participants]
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
        if let location = event.location { parts += [event.participants.contains { $0.role == .host } ? "at" : "in", names[location] ?? location] }
        let line = parts.joined(separator: " ")
        return line.prefix(1).uppercased() + line.dropFirst()
    }
}
