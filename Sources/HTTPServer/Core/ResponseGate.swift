import Dispatch
import Locking

/// What a response waits for before it goes out, with no thread waiting alongside: a write's
/// flush to disk, say. The handler returns its response at once with a gate on it; the server
/// sends the response when the gate opens, or, when the gate fails, a problem in its place.
public protocol ResponseGate: Sendable {
    /// Calls `opened` exactly once, on any thread (at once, if the gate is open already): with
    /// nil when the response may go, or with the error to answer instead.
    func whenOpen(_ opened: @escaping @Sendable ((any Error)?) -> Void)
}

extension Response {
    /// What the server sends for `request` once the gate (if any) opens: this response, or the
    /// problem of the error the gate failed with. Waits on the calling thread; for callers that
    /// answer requests outside the server, such as tests and tools.
    public func settled(for request: Request) -> Response {
        guard let gate else { return self }
        let opened = DispatchSemaphore(value: 0)
        let failure = Locked<(any Error)?>(nil)
        gate.whenOpen { error in
            failure.withLock { $0 = error }
            opened.signal()
        }
        opened.wait()
        guard let error = failure.withLock({ $0 }) else { return self }
        return failing(with: ErrorMiddleware.response(for: error, to: request, logger: nil))
    }
}
