public import Dispatch

extension Duration {
    /// The duration as Dispatch's interval, to the nanosecond: for a semaphore's or a queue's
    /// deadline (`.now() + timeout.dispatchInterval`).
    public var dispatchInterval: DispatchTimeInterval {
        .nanoseconds(Int(clamping: components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000))
    }
}
