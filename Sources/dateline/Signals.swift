import Dispatch
import Locking

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGTERM and SIGINT into a call on a Dispatch queue.
enum Signals {
    /// Runs `handler` once, on the first SIGTERM or SIGINT; later ones are ignored. Keep the
    /// returned sources alive for as long as the signals should be heard.
    static func onTermination(_ handler: @escaping @Sendable (String) -> Void) -> [any DispatchSourceSignal] {
        let queue = DispatchQueue(label: "dateline.signals")
        let once = Once()
        return [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT")].map { number, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { if once.claim() { handler(name) } }
            source.activate()
            return source
        }
    }

    /// Runs `handler` on every SIGHUP (reload the TLS certificate). Keep the source alive.
    static func onHangup(_ handler: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(SIGHUP, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGHUP, queue: DispatchQueue(label: "dateline.hangup"))
        source.setEventHandler(handler: handler)
        source.activate()
        return source
    }
}

/// True for the first caller of `claim()` only.
private final class Once: Sendable {
    private let claimed = Locked(false)

    func claim() -> Bool {
        claimed.withLock { claimed in
            defer { claimed = true }
            return !claimed
        }
    }
}
