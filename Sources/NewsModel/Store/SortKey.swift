/// Where an event (or an article) sits in date order: its first day, then its serial.
///
/// Undated events take the largest day, so they sort after every dated one.
struct SortKey: Hashable, Comparable, Sendable, KeyedElement {
    /// Days since 1970-01-01 of the earliest day, or `SortKey.undated`.
    let day: Int32
    let serial: UInt32

    static let undated = Int32.max

    var isDated: Bool { day != SortKey.undated }
    var key: SortKey { self }

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        lhs.day != rhs.day ? lhs.day < rhs.day : lhs.serial < rhs.serial
    }

    /// The key of an event stored under `serial`.
    init(event: Event, serial: UInt32) {
        self.day = event.date.map { Int32(clamping: $0.earliest.ordinal) } ?? SortKey.undated
        self.serial = serial
    }

    init(day: Int32, serial: UInt32) {
        self.day = day
        self.serial = serial
    }
}
