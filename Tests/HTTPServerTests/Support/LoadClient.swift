import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Many keep-alive connections driven from one thread with poll(2): each sends a request,
/// reads the whole response (by Content-Length), and repeats. For concurrency tests.
enum LoadClient {
    struct Outcome {
        var completed = 0
        var failures: [String] = []
    }

    /// Opens `connections` connections to 127.0.0.1:port, each making `requests` GETs of `path`.
    static func run(port: Int, connections: Int, requests: Int, path: String, timeout: Double = 60) -> Outcome {
        var outcome = Outcome()
        var states: [State] = []
        for _ in 0..<connections {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if result != 0 && errno != EINPROGRESS {
                outcome.failures.append("connect: errno \(errno)")
                close(descriptor)
                continue
            }
            states.append(State(descriptor: descriptor, request: Array("GET \(path) HTTP/1.1\r\nHost: load\r\n\r\n".utf8)))
        }
        let deadline = ContinuousClock.now + .seconds(timeout)
        var active = states.count
        while active > 0 && ContinuousClock.now < deadline {
            var polls = states.map { state in
                pollfd(
                    fd: state.done ? -1 : state.descriptor,
                    events: Int16(state.sent < state.request.count ? POLLOUT : POLLIN), revents: 0)
            }
            let ready = poll(&polls, nfds_t(polls.count), 1000)
            if ready < 0 && errno != EINTR {
                outcome.failures.append("poll: errno \(errno)")
                break
            }
            for index in polls.indices where polls[index].revents != 0 && !states[index].done {
                if let failure = states[index].advance(requests: requests) {
                    outcome.failures.append(failure)
                    states[index].done = true
                }
                if states[index].done { active -= 1 }
            }
        }
        for state in states {
            outcome.completed += state.completed
            if !state.done { outcome.failures.append("timed out after \(state.completed) responses") }
            close(state.descriptor)
        }
        return outcome
    }

    private struct State {
        let descriptor: Int32
        let request: [UInt8]
        var sent = 0
        var received: [UInt8] = []
        var completed = 0
        var done = false

        /// Moves this connection on; returns a failure description if something went wrong.
        mutating func advance(requests: Int) -> String? {
            if sent < request.count {
                let count = request[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if count < 0 { return errno == EAGAIN ? nil : "send: errno \(errno)" }
                sent += count
                return nil
            }
            var buffer = [UInt8](repeating: 0, count: 16384)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count == 0 { return "closed by the server after \(completed) responses" }
            if count < 0 { return errno == EAGAIN ? nil : "recv: errno \(errno)" }
            received.append(contentsOf: buffer[0..<count])
            guard let headEnd = received.firstRange(of: [13, 10, 13, 10])?.upperBound else { return nil }
            let head = String(decoding: received[0..<headEnd], as: UTF8.self)
            guard head.hasPrefix("HTTP/1.1 200") else { return "status line: \(head.prefix(40))" }
            guard let lengthLine = head.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
                let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
            else { return "no Content-Length" }
            guard received.count >= headEnd + length else { return nil }
            received.removeFirst(headEnd + length)
            completed += 1
            if completed == requests {
                done = true
            } else {
                sent = 0
            }
            return nil
        }
    }
}
