import HTTPServer
import NewsModel

/// `/healthz` (the process answers) and `/readyz` (the store has loaded).
struct HealthRoutes: Sendable {
    let store: NewsStore
    let readiness: Readiness

    /// The body of both probes when they pass.
    struct Status: Encodable {
        var status: String
        /// What is wrong while the store is served: the database behind it cannot be reached.
        var problem: String?
    }

    func register(in router: inout Router) {
        router.get("/healthz") { request in
            try APIContext(request, snapshot: store.snapshot, endpoint: .single).single(Status(status: "ok"))
        }
        router.get("/readyz") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .single)
            switch readiness.current {
            case .ready:
                return try context.single(Status(status: "ready", problem: readiness.problem))
            case .loading:
                throw HTTPError(.serviceUnavailable, detail: "The store is still loading" + (readiness.problem.map { ": \($0)." } ?? "."))
            case .failed(let reason):
                throw HTTPError(.serviceUnavailable, detail: "Loading the store failed: \(reason)")
            }
        }
    }
}
