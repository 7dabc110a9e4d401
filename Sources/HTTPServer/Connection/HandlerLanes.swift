import Dispatch

/// Where requests that may block (writes, which wait for their journal flush) are answered:
/// a fixed set of serial queues, one chosen by the connection.
///
/// Not `DispatchQueue.global()`: on Linux its pool grows slowly past the number of CPUs while
/// its threads block, so only a few writers would ever wait on one flush together, and group
/// commit would cover a handful of writes instead of all of them. Serial queues made here
/// target the overcommitting root queue, which gives a waiting lane a thread of its own; the
/// number of lanes bounds how many such threads there can be.
enum HandlerLanes {
    /// How many requests can be answered, or wait, at once off the loops.
    static let count = 64

    private static let lanes = (0..<count).map { DispatchQueue(label: "dateline.handler.\($0)") }

    /// The lane of the connection on `descriptor`: one connection answers one request at a time.
    static func lane(for descriptor: Int32) -> DispatchQueue {
        lanes[Int(descriptor.magnitude) % count]
    }
}
