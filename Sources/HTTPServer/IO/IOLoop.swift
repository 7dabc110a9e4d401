import Dispatch

/// What an I/O loop drives: the owner of one descriptor. Every call comes on the loop's thread
/// (or serial queue).
protocol IOLoopClient: AnyObject {
    /// The descriptor has bytes to read, or the peer has ended its side.
    func readable()
    /// The descriptor can take more bytes.
    func writable()
    /// The descriptor failed, or both directions are shut.
    func hungUp()
    /// Acts on the client's deadline if it has passed; returns the next one (`distantFuture`
    /// for none).
    func checkDeadline(now: DispatchTime) -> DispatchTime
}

/// The seam between connections and the operating system's readiness machinery: one serial
/// context (a thread or a queue) that reports readiness of the descriptors it watches, runs
/// handed-over work, and sweeps its clients' deadlines. Connections are written once against
/// this protocol; `EpollLoop` and `DispatchLoop` implement it.
///
/// Only `start`, `stop` and `execute` may be called from any thread; everything else runs on
/// the loop itself.
protocol IOLoop: AnyObject, Sendable {
    /// Starts serving; called once.
    func start()
    /// Ends the loop after the work already handed over; later `execute` calls are dropped.
    func stop()
    /// Runs `task` on the loop, after the events at hand. Tasks from one thread run in order.
    func execute(_ task: @escaping @Sendable () -> Void)

    /// Runs `task` on the loop after the events at hand, without waiting for new ones.
    func later(_ task: @escaping () -> Void)
    /// Starts watching `descriptor` for input, on behalf of `client`.
    func register(_ client: any IOLoopClient, descriptor: Int32)
    /// Chooses which readiness `descriptor`'s client hears of; a no-op when nothing changes.
    func watch(_ descriptor: Int32, reading: Bool, writing: Bool)
    /// Stops watching `descriptor` and closes it, now or once nothing inside the loop refers to
    /// it any more. The descriptor belongs to the loop from this call on.
    func close(_ descriptor: Int32)
    /// Makes sure the clients are swept by `time` (a client's deadline moved closer).
    func sweepBy(_ time: DispatchTime)
}

/// When a loop sweeps its clients' deadlines next: at the earliest one reported, but no sooner
/// than `interval` after the last sweep, so a busy keep-alive connection moves a number, not a
/// kernel timer, on each request.
struct SweepSchedule {
    /// The shortest time between two deadline sweeps: the precision of every timeout.
    static let interval = 0.1

    private(set) var next = DispatchTime.distantFuture

    /// Brings the next sweep forward to `time`; true when it moved.
    @discardableResult
    mutating func sweep(by time: DispatchTime) -> Bool {
        guard time < next else { return false }
        next = time
        return true
    }

    func isDue(_ now: DispatchTime) -> Bool { now >= next }

    /// Records a sweep made at `now` whose clients reported `earliest` as their next deadline.
    mutating func swept(at now: DispatchTime, earliest: DispatchTime) {
        next = earliest == .distantFuture ? earliest : max(earliest, now + Self.interval)
    }

    /// Milliseconds until the next sweep, rounded up; -1 when none is due.
    func millisecondsUntilDue(now: DispatchTime = .now()) -> Int32 {
        guard next != .distantFuture else { return -1 }
        guard next > now else { return 0 }
        let milliseconds = (next.uptimeNanoseconds - now.uptimeNanoseconds + 999_999) / 1_000_000
        return Int32(min(milliseconds, UInt64(Int32.max)))
    }
}
