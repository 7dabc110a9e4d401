#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 socket address, as bound or as a peer's.
public struct SocketAddress: Sendable, Hashable, CustomStringConvertible {
    /// The numeric host (`127.0.0.1`, `::1`).
    public var host: String
    public var port: Int
    public var isIPv6: Bool

    /// `127.0.0.1:8080` or `[::1]:8080`.
    public var description: String {
        isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Reads a `sockaddr_storage` filled in by the kernel.
    init?(_ storage: sockaddr_storage) {
        var storage = storage
        var hostBuffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        switch Int32(storage.ss_family) {
        case AF_INET:
            let (address, port) = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ($0.pointee.sin_addr, $0.pointee.sin_port) }
            }
            var addr = address
            inet_ntop(AF_INET, &addr, &hostBuffer, socklen_t(hostBuffer.count))
            self.init(host: Self.text(hostBuffer), port: Int(UInt16(bigEndian: port)), isIPv6: false)
        case AF_INET6:
            let (address, port) = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ($0.pointee.sin6_addr, $0.pointee.sin6_port) }
            }
            var addr = address
            inet_ntop(AF_INET6, &addr, &hostBuffer, socklen_t(hostBuffer.count))
            self.init(host: Self.text(hostBuffer), port: Int(UInt16(bigEndian: port)), isIPv6: true)
        default:
            return nil
        }
    }

    /// A NUL-terminated C string in a buffer, as text.
    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public init(host: String, port: Int, isIPv6: Bool) {
        self.host = host
        self.port = port
        self.isIPv6 = isIPv6
    }
}
