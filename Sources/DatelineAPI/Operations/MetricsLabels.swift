public import HTTPServer
public import HTTPTypes

/// Label values with a bounded set of values, so that no client can grow the number of series:
/// route templates instead of paths, and a fixed word for whatever matched no route.
public enum MetricsLabels {
    /// The `route` label of requests that the static files answered (GET or HEAD, below 400).
    public static let staticFiles = "static"
    /// The `route` label of CORS preflights answered before routing.
    public static let preflight = "preflight"
    /// The `route` label of requests that matched no route and were not served as files:
    /// unknown paths, and requests the parser rejected.
    public static let unmatched = "unmatched"
    /// The `method` label of methods outside the standard set.
    public static let otherMethod = "other"

    /// The route template, or one of the fixed words when no route matched.
    public static func route(_ record: RequestRecord) -> String {
        if let route = record.route { return route }
        guard record.status.code < 400 else { return unmatched }
        switch record.method {
        case .get, .head: return staticFiles
        case .options: return preflight
        default: return unmatched
        }
    }

    /// The method, or `other` for extension methods.
    public static func method(_ method: HTTPRequest.Method) -> String {
        switch method {
        case .get, .head, .post, .put, .patch, .delete, .options: method.rawValue
        default: otherMethod
        }
    }
}
