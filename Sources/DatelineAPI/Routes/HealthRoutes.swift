import HTTPServer
import NewsModel

/// `/healthz` (the process answers) and `/readyz` (the store has loaded).
struct HealthRoutes: Sendable {
    let store: NewsStore
    let readiness: Readiness

    /// The body of both probes when they pass.
    struct Status: Encodable {
        var status: String
    }

    func register(in router: inout Router) {
        router.get("/healthz") { request in
            try APIContext(request, snapshot: store.snapshot, endpoint: .single).single(Status(status: "ok"))
        }
        router.get("/readyz") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .single)
            switch readiness.current {
            case .ready:
                return try context.single(Status(status: "ready"))
            case .loading:
                throw HTTPError(.serviceUnavailable, detail: "The store is still loading.")
            case .failed(let reason):
                throw HTTPError(.serviceUnavailable, detail: "Loading the store failed: \(reason)")
            }
        }
    }
}
