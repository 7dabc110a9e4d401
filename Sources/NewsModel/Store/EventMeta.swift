/// The few fields of an event that filters test, kept apart from the event so that a
/// filter reads a small plain value instead of copying the whole event.
struct EventMeta: Sendable {
    var earliest: Int32
    var latest: Int32
    var type: EventType
    var status: EventStatus

    init(_ event: Event) {
        earliest = event.date.map { Int32(clamping: $0.earliest.ordinal) } ?? SortKey.undated
        latest = event.date.map { Int32(clamping: $0.latest.ordinal) } ?? SortKey.undated
        type = event.type
        status = event.status
    }

    static let empty = EventMeta(Event(id: "", type: .other, summary: "", date: nil, status: .occurred))
}
