import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sends many requests at once, one per connection, from one thread with poll(2), and reads
/// each response's status line; `onResponse` may stop the run early (it is told how many
/// responses have come back).
enum ConcurrentRequests {
    /// Each request's status, or nil when its response never arrived (the server died).
    static func send(_ requests: [String], port: Int, timeout: Double = 30,
                     stopAfter: Int? = nil, onStop: () -> Void = {}) -> [Int?] {
        var descriptors: [Int32] = []
        for _ in requests {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            descriptors.append(descriptor)
        }
        defer { descriptors.forEach { close($0) } }
        for (descriptor, request) in zip(descriptors, requests) {
            _ = request.withCString { Glibc.send(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        }
        var statuses = [Int?](repeating: nil, count: requests.count)
        var received = [[UInt8]](repeating: [], count: requests.count)
        var open = Set(descriptors.indices)
        var answered = 0
        var stopped = false
        let deadline = Date().addingTimeInterval(timeout)
        while !open.isEmpty && Date() < deadline {
            var polls = descriptors.enumerated().map { index, descriptor in
                pollfd(fd: open.contains(index) ? descriptor : -1, events: Int16(POLLIN), revents: 0)
            }
            guard poll(&polls, nfds_t(polls.count), 200) >= 0 else { continue }
            for index in polls.indices where polls[index].revents != 0 && open.contains(index) {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = recv(descriptors[index], &buffer, buffer.count, 0)
                if count > 0 {
                    received[index] += buffer[0..<count]
                    let text = String(decoding: received[index], as: UTF8.self)
                    if statuses[index] == nil, text.contains("\r\n\r\n"), let status = Int(text.split(separator: " ").dropFirst().first ?? "") {
                        statuses[index] = status
                        answered += 1
                        open.remove(index)
                    }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    open.remove(index)
                }
            }
            if !stopped, let stopAfter, answered >= stopAfter {
                stopped = true
                onStop()
            }
        }
        return statuses
    }
}
