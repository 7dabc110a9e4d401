import Dispatch

/// Where requests not answered on the loops are answered: serial queues, one chosen by the
/// connection, from one of two sets.
///
/// A handler that may block (a write that waits for its journal flush, an article's ingestion)
/// gets one of ``count`` lanes. Not `DispatchQueue.global()`: on Linux its pool grows slowly
/// past the number of CPUs while its threads block, so only a few writers would ever wait on one
/// flush together, and group commit would cover a handful of writes instead of all of them.
/// These lanes target the overcommitting root queue, which gives a waiting lane a thread of its
/// own; their number bounds how many such threads there can be.
///
/// A handler that never blocks (one that answers through a ``ResponseGate``) gets one of
/// ``briefCount`` lanes, one per CPU, so at most that many threads. A few busy lanes
/// drain one request after another on threads that stay awake; a lane a request, as above,
/// wakes a thread for each and puts it back to sleep after (measured on a durable
/// `POST /events` load: 1.9 context switches a write instead of 2.8, and a fifth less CPU).
enum HandlerLanes {
    /// How many requests that may block can be answered, or wait, at once off the loops.
    static let count = 64
    /// How many requests that never block are answered at once off the loops.
    static let briefCount = Posix.onlineCPUs

    private static let lanes = (0..<count).map { DispatchQueue(label: "dateline.handler.\($0)") }
    private static let briefLanes = (0..<briefCount).map { DispatchQueue(label: "dateline.handler.brief.\($0)") }

    /// The lane of the connection on `descriptor` for a handler that may block, or that never
    /// does: one connection answers one request at a time.
    static func lane(for descriptor: Int32, blocking: Bool = true) -> DispatchQueue {
        let index = Int(descriptor.magnitude)
        return blocking ? lanes[index % count] : briefLanes[index % briefCount]
    }
}
