/// The calendar units relative phrases count in.
enum TimeUnit: Sendable, Hashable {
    case day, week, month, quarter, year
}
