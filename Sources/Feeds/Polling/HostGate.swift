import Locking

/// One request at a time per host, and a pause between requests when a host asks for one
/// (robots.txt `Crawl-delay`). Feed and page fetches of the same host take turns here.
final class HostGate: Sendable {
    private struct State {
        var busy: Set<String> = []
        /// When each host may next be asked; hosts without a pause have no entry.
        var readyAt: [String: ContinuousClock.Instant] = [:]
        var stopped = false
    }

    private let state = ConditionLocked(State())

    /// Waits until `host` is free and rested, then holds it. Returns false, holding nothing,
    /// once the gate is stopped.
    func acquire(_ host: String) -> Bool {
        state.wait { state in
            if state.stopped { return .done(false) }
            if state.busy.contains(host) { return .wait(atMost: nil) }
            if let ready = state.readyAt[host] {
                if ready > .now { return .wait(until: ready) }
                state.readyAt[host] = nil
            }
            state.busy.insert(host)
            return .done(true)
        }
    }

    /// Frees `host`, which rests for `pause` before the next request.
    func release(_ host: String, pause: Duration) {
        state.update { state in
            state.busy.remove(host)
            if pause > .zero { state.readyAt[host] = .now + pause }
        }
    }

    /// Wakes every waiter and refuses every later `acquire`.
    func stop() {
        state.update { $0.stopped = true }
    }
}
