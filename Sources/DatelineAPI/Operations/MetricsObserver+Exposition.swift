public import HTTPServer

extension MetricsObserver {
    /// The media type of the Prometheus text exposition format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Every metric in the Prometheus text format, the store gauges read just before.
    public func exposition() -> [UInt8] {
        refreshStoreSizes()
        return registry.emitToBuffer()
    }

    /// The answer to `GET /metrics`: the exposition, never cached.
    public func response() -> Response {
        var response = Response(contentType: Self.contentType, bytes: exposition())
        response.cacheability = .noStore
        return response
    }
}
