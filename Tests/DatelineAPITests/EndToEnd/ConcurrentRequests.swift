import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Sends many requests, one per connection, keeping up to `window` of them in flight at once,
/// from one thread with poll(2), and reads each response's status line.
///
/// When `stopAfter` responses have come back, a fresh window of requests is sent and then
/// `onStop` runs at once (to kill the server, say) while those requests are in flight; no
/// request is sent after that.
enum ConcurrentRequests {
    struct Outcome {
        /// Each request's status, or nil when its response never arrived (the server died, or
        /// the request was never sent).
        var statuses: [Int?]
        /// How many requests had been sent but not answered when `onStop` ran.
        var inFlightAtStop = 0
        /// Why a request got no status, by its index, when the connection said why: so that a
        /// test that fails on a missing answer tells a refused connect from a reset or a close.
        var failures: [Int: String] = [:]
    }

    static func send(
        _ requests: [String], port: Int, window: Int = 64, timeout: Double = 30,
        stopAfter: Int? = nil, onStop: () -> Void = {}
    ) -> Outcome {
        var outcome = Outcome(statuses: [Int?](repeating: nil, count: requests.count))
        var inFlight: [(index: Int, descriptor: Int32, received: [UInt8])] = []
        var next = 0
        var answered = 0
        var stopped = false
        let deadline = ContinuousClock.now + .seconds(timeout)

        while ContinuousClock.now < deadline {
            while !stopped && inFlight.count < window && next < requests.count {
                if let descriptor = connectAndSend(requests[next], port: port) {
                    inFlight.append((next, descriptor, []))
                } else {
                    outcome.failures[next] = "connect: \(String(cString: strerror(errno)))"
                }
                next += 1
            }
            if !stopped, let stopAfter, answered >= stopAfter {
                stopped = true
                outcome.inFlightAtStop = inFlight.count
                onStop()
            }
            if inFlight.isEmpty { break }

            var polls = inFlight.map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }
            guard poll(&polls, nfds_t(polls.count), 200) >= 0 else { continue }
            var finished: Set<Int> = []
            for slot in polls.indices where polls[slot].revents != 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = recv(inFlight[slot].descriptor, &buffer, buffer.count, 0)
                if count > 0 {
                    inFlight[slot].received += buffer[0..<count]
                    if let status = statusLine(inFlight[slot].received) {
                        outcome.statuses[inFlight[slot].index] = status
                        answered += 1
                        finished.insert(slot)
                    }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    let end = count == 0 ? "closed by the server" : "recv: \(String(cString: strerror(errno)))"
                    outcome.failures[inFlight[slot].index] = "\(end) after \(inFlight[slot].received.count) bytes"
                    finished.insert(slot)
                }
            }
            for slot in finished.sorted(by: >) {
                close(inFlight[slot].descriptor)
                inFlight.remove(at: slot)
            }
        }
        inFlight.forEach { close($0.descriptor) }
        return outcome
    }

    /// A connected, non-blocking socket with the whole request written to it.
    private static func connectAndSend(_ request: String, port: Int) -> Int32? {
        guard let descriptor = Loopback.connect(port: port) else { return nil }
        _ = request.withCString { Glibc.send(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        return descriptor
    }

    /// The status code once the whole response head has arrived.
    private static func statusLine(_ received: [UInt8]) -> Int? {
        let text = String(decoding: received, as: UTF8.self)
        guard text.contains("\r\n\r\n") else { return nil }
        return Int(text.split(separator: " ").dropFirst().first ?? "")
    }
}
