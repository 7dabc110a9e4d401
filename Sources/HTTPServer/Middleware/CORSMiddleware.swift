public import HTTPTypes

/// Cross-origin resource sharing (the Fetch standard's CORS protocol) for a list of origins.
///
/// ```swift
/// CORSMiddleware(allowedOrigins: ["http://localhost:3000"])   // exact origins
/// CORSMiddleware(allowedOrigins: ["*"])                       // any origin, no credentials
/// ```
///
/// - A request whose `Origin` is allowed gets `Access-Control-Allow-Origin` (the origin itself,
///   or `*` when configured with `*`) and `Access-Control-Expose-Headers`. Errors thrown inside
///   (`HTTPError`) get the same fields, so a browser can read a 404's problem details.
/// - A preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) is answered here
///   with `204`: for an allowed origin with `Access-Control-Allow-Methods`,
///   `Access-Control-Allow-Headers` (the requested headers that are in `allowedHeaders`; a
///   browser refuses a preflight that leaves out one it asked for) and `Access-Control-Max-Age`.
/// - An origin not in the list gets no CORS field at all. Its preflight still gets a `204`, but
///   without `Access-Control-Allow-Origin`, which is exactly what makes a browser refuse the
///   actual request; the router never sees it.
/// - With a list of exact origins every response carries `Vary: Origin` (even one to a request
///   without `Origin`: a cache must not serve it to a page of an allowed origin). Preflight
///   answers also vary on the two request fields they read.
///
/// Install it outermost, so preflights are answered before anything else runs.
public struct CORSMiddleware: Middleware {
    /// Which origins may read responses.
    public enum AllowedOrigins: Sendable, Hashable {
        /// Any origin, answered with `*`.
        case any
        /// These exact origins (`scheme://host[:port]`), compared without regard to case.
        case exactly(Set<String>)
    }

    /// The methods a preflight allows.
    public static let defaultMethods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
    /// The request headers a preflight may allow.
    public static let defaultAllowedHeaders = [
        "Content-Type", "Authorization", "If-Match", "If-None-Match", "X-Request-ID", "Last-Event-ID", "Accept",
    ]
    /// The response headers scripts may read besides the safelisted ones.
    public static let defaultExposedHeaders = ["ETag", "Link", "Location", "X-Request-ID"]

    public let allowedOrigins: AllowedOrigins
    public let allowedMethods: [HTTPRequest.Method]
    public let allowedHeaders: [String]
    public let exposedHeaders: [String]
    /// How long a browser may cache a preflight answer, in seconds.
    public let maxAge: Int

    private let allowedHeaderNames: Set<String>

    /// CORS for the given origins; `"*"` among them allows any origin.
    public init(
        allowedOrigins: [String], allowedMethods: [HTTPRequest.Method] = Self.defaultMethods,
        allowedHeaders: [String] = Self.defaultAllowedHeaders,
        exposedHeaders: [String] = Self.defaultExposedHeaders, maxAge: Int = 600
    ) {
        if allowedOrigins.contains("*") {
            self.allowedOrigins = .any
        } else {
            self.allowedOrigins = .exactly(Set(allowedOrigins.map { $0.lowercased() }))
        }
        self.allowedMethods = allowedMethods
        self.allowedHeaders = allowedHeaders
        self.exposedHeaders = exposedHeaders
        self.maxAge = maxAge
        self.allowedHeaderNames = Set(allowedHeaders.map { $0.lowercased() })
    }

    public func respond(to request: Request, next: any Responder) throws -> Response {
        let origin = request.headerFields.value(.origin)
        if request.method == .options, let origin, request.headerFields.contains(.accessControlRequestMethod) {
            return preflight(request, origin: origin)
        }
        let allowed = origin.flatMap { isAllowed($0) ? $0 : nil }
        do {
            var response = try next.respond(to: request)
            decorate(&response.headerFields, allowedOrigin: allowed)
            return response
        } catch var error as HTTPError {
            decorate(&error.headerFields, allowedOrigin: allowed)
            throw error
        }
    }

    /// Whether `origin` may read responses.
    public func isAllowed(_ origin: String) -> Bool {
        switch allowedOrigins {
        case .any: true
        case .exactly(let origins): origins.contains(origin.lowercased())
        }
    }

    private func decorate(_ fields: inout HTTPFields, allowedOrigin: String?) {
        if case .exactly = allowedOrigins {
            fields.mergeVary("Origin")
        }
        guard let allowedOrigin else { return }
        fields[.accessControlAllowOrigin] = allowedOrigins == .any ? "*" : allowedOrigin
        if !exposedHeaders.isEmpty {
            fields[.accessControlExposeHeaders] = exposedHeaders.joined(separator: ", ")
        }
    }

    private func preflight(_ request: Request, origin: String) -> Response {
        var response = Response(status: .noContent)
        if case .exactly = allowedOrigins {
            response.headerFields.mergeVary("Origin")
        }
        response.headerFields.mergeVary("Access-Control-Request-Method", "Access-Control-Request-Headers")
        guard isAllowed(origin) else { return response }
        response.headerFields[.accessControlAllowOrigin] = allowedOrigins == .any ? "*" : origin
        response.headerFields[.accessControlAllowMethods] = allowedMethods.map(\.rawValue).joined(separator: ", ")
        let requested = request.headerFields[values: .accessControlRequestHeaders].flatMap { HeaderList.elements($0) }
        let granted = requested.filter { allowedHeaderNames.contains($0.lowercased()) }
        if !granted.isEmpty {
            response.headerFields[.accessControlAllowHeaders] = granted.joined(separator: ", ")
        }
        response.headerFields[.accessControlMaxAge] = String(maxAge)
        return response
    }
}
