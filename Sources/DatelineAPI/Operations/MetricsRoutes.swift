public import HTTPServer

/// `/metrics`: the Prometheus scrape endpoint.
///
/// ```swift
/// var router = APIRoutes(store: store, readiness: readiness).makeRouter(fallback: statics)
/// MetricsRoutes(metrics: metrics).register(in: &router)
/// ```
public struct MetricsRoutes: Sendable {
    public let metrics: MetricsObserver

    public init(metrics: MetricsObserver) {
        self.metrics = metrics
    }

    /// Adds `GET /metrics` (and so HEAD) to `router`.
    public func register(in router: inout Router) {
        router.get("/metrics") { [metrics] _ in metrics.response() }
    }
}
