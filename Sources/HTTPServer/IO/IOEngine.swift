#if canImport(Darwin)
import Darwin
#endif

/// Which readiness machinery serves connections. The connection logic is the same on both.
public enum IOEngine: String, Sendable, Hashable, CaseIterable {
    /// One thread per loop waiting on its own epoll set (Linux only): the fastest path.
    case epoll
    /// Dispatch read and write sources on a serial queue per loop: kqueue on Darwin, libdispatch's
    /// epoll on Linux. Works wherever Dispatch does.
    case dispatch

    /// `epoll` on Linux, `dispatch` elsewhere.
    public static var platformDefault: IOEngine {
        #if os(Linux)
        .epoll
        #else
        .dispatch
        #endif
    }

    /// The engines this build can run.
    public static var available: [IOEngine] {
        #if os(Linux)
        [.epoll, .dispatch]
        #else
        [.dispatch]
        #endif
    }

    /// Makes `count` loops of this engine, not yet started.
    func makeLoops(count: Int) throws -> [any IOLoop] {
        switch self {
        case .epoll:
            #if os(Linux)
            return try (0..<count).map { try EpollLoop(name: "dateline-loop-\($0)") }
            #else
            throw SocketError(operation: "start the epoll engine (Linux only; use dispatch)", errno: ENOTSUP)
            #endif
        case .dispatch:
            return (0..<count).map { DispatchLoop(name: "dateline-loop-\($0)") }
        }
    }
}
