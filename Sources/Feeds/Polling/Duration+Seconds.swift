import Foundation

extension Duration {
    /// The duration in seconds, as Foundation's dates count them.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
