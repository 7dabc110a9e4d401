#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, errno-checked wrappers over the POSIX socket calls the server uses.
/// Knows nothing of HTTP.
enum Socket {
    /// A non-blocking, close-on-exec listening TCP socket bound to `host:port`.
    ///
    /// `::` listens on IPv6 and IPv4 alike (IPV6_V6ONLY off); `0.0.0.0` on IPv4 only.
    static func listen(host: String, port: Int, backlog: Int) throws -> (descriptor: Int32, address: SocketAddress) {
        var storage = sockaddr_storage()
        let length: socklen_t
        let family: Int32
        if host.contains(":") {
            family = AF_INET6
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else {
                throw SocketError(operation: "parse the IPv6 address \"\(host)\"", errno: EINVAL)
            }
            withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee = address }
            }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        } else {
            family = AF_INET
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            let name = host == "localhost" ? "127.0.0.1" : host
            guard inet_pton(AF_INET, name, &address.sin_addr) == 1 else {
                throw SocketError(operation: "parse the IPv4 address \"\(host)\"", errno: EINVAL)
            }
            withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee = address }
            }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
        }

        let descriptor = socket(family, Posix.streamSocketType, 0)
        guard descriptor >= 0 else { throw SocketError.makeFailed("socket") }
        Posix.makeNonBlocking(descriptor)
        do {
            try setOption(descriptor, SOL_SOCKET, SO_REUSEADDR, 1)
            if family == AF_INET6 { try setOption(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 0) }
            let bound = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
            }
            guard bound == 0 else { throw SocketError.makeFailed("bind to \(host):\(port)") }
            guard Posix.listen(descriptor, backlog: Int32(backlog)) == 0 else { throw SocketError.makeFailed("listen") }
            return (descriptor, try localAddress(descriptor))
        } catch {
            Posix.close(descriptor)
            throw error
        }
    }

    /// The address a socket is bound to.
    static func localAddress(_ descriptor: Int32) throws -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0, let address = SocketAddress(storage) else { throw SocketError.makeFailed("getsockname") }
        return address
    }

    /// The result of one `accept4` call.
    enum Accepted {
        case connection(Int32, SocketAddress?)
        case wouldBlock
        case failed(Int32)
    }

    /// Accepts one connection as a non-blocking, close-on-exec socket with TCP_NODELAY.
    static func accept(_ listener: Int32) -> Accepted {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        while true {
            let descriptor = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Posix.accept(listener, $0, &length) }
            }
            if descriptor >= 0 {
                // accept4 is Linux-only (and hidden from Swift's Glibc module): set the flags after.
                Posix.makeNonBlocking(descriptor)
                Posix.preventSIGPIPE(descriptor)
                try? setOption(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, 1)
                return .connection(descriptor, SocketAddress(storage))
            }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            default: return .failed(errno)
            }
        }
    }

    static func setOption(_ descriptor: Int32, _ level: Int32, _ name: Int32, _ value: Int32) throws {
        var value = value
        guard setsockopt(descriptor, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw SocketError.makeFailed("setsockopt")
        }
    }

    /// Raises the soft limit on open descriptors to the hard limit; returns the new soft limit.
    @discardableResult
    static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Posix.descriptorLimitResource, &limit) == 0 else { return -1 }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Posix.descriptorLimitResource, &limit)
        }
        return Int(limit.rlim_cur)
    }
}
