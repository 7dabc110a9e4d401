public import HTTPTypes

/// Maps a method and a path to a handler, by templates such as `/events/{id}`.
///
/// Answers what a router should by itself: HEAD through the GET handler, OPTIONS with `Allow`,
/// 405 with `Allow` when the path exists for other methods, and 404 (or the fallback's answer)
/// when it does not.
///
/// ```swift
/// var router = Router()
/// router.get("/events/{id}") { request in
///     try json(store.event(request.parameters["id"]!))
/// }
/// ```
public struct Router: Responder {
    /// A request handler.
    public typealias Handler = @Sendable (Request) throws -> Response

    private var literalRoutes: [String: Route] = [:]
    private var templateRoutes: [Route] = []
    private let fallback: (any Responder)?
    /// Middleware run around matched handlers of some methods only, after 404 and 405 are
    /// ruled out (so a write to a read-only route is a 405, not an authorization failure).
    private var guards: [(methods: Set<HTTPRequest.Method>, middleware: any Middleware)] = []

    /// A router; `fallback` answers paths that no route knows (static files, say).
    public init(fallback: (any Responder)? = nil) {
        self.fallback = fallback
    }

    private struct Route {
        let template: String
        let segments: [Segment]
        var handlers: [HTTPRequest.Method: Entry] = [:]

        var allowed: String {
            var methods = Set(handlers.keys.map(\.rawValue))
            if methods.contains("GET") { methods.insert("HEAD") }
            methods.insert("OPTIONS")
            return methods.sorted().joined(separator: ", ")
        }

        /// Wraps each handler again behind the guards `router` has now.
        mutating func rewrap(in router: Router) {
            for (method, entry) in handlers { handlers[method]?.guarded = router.guarded(entry.handler, for: method) }
        }
    }

    /// A handler and whether it may block its thread.
    private struct Entry {
        let handler: Handler
        let blocking: Bool
        /// The handler behind the guards of its method: wrapped when the handler or a guard is
        /// added, not on every request.
        var guarded: any Responder
    }

    private enum Segment: Equatable {
        case literal(Substring)
        case parameter(String)
    }

    /// Adds a handler for a method and a template. `{name}` segments match any one segment and
    /// land in `request.parameters[name]`.
    ///
    /// `blocking` says whether the handler may block its thread: wait on a disk, a database or
    /// another thread. Pass false only for a handler that never does (a write that answers
    /// through a ``ResponseGate``, say): it then shares one of a few worker threads with other
    /// such requests, instead of having one of its own while it runs. Handlers of safe methods
    /// run on the event loop either way, and must never block.
    public mutating func add(
        _ method: HTTPRequest.Method, _ template: String, blocking: Bool = true, _ handler: @escaping Handler
    ) {
        let entry = Entry(handler: handler, blocking: blocking, guarded: guarded(handler, for: method))
        let segments = Self.split(template).map { part -> Segment in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(part)
        }
        if segments.allSatisfy({ if case .literal = $0 { true } else { false } }) {
            literalRoutes[template, default: Route(template: template, segments: segments)].handlers[method] = entry
        } else if let index = templateRoutes.firstIndex(where: { $0.segments == segments }) {
            templateRoutes[index].handlers[method] = entry
        } else {
            var route = Route(template: template, segments: segments)
            route.handlers[method] = entry
            templateRoutes.append(route)
        }
    }

    /// Runs `middleware` around every matched handler of the given methods.
    public mutating func use(_ middleware: any Middleware, for methods: Set<HTTPRequest.Method>) {
        guards.append((methods, middleware))
        let router = self
        for template in literalRoutes.keys { literalRoutes[template]?.rewrap(in: router) }
        for index in templateRoutes.indices { templateRoutes[index].rewrap(in: router) }
    }

    /// `handler` behind the guards of `method`.
    private func guarded(_ handler: @escaping Handler, for method: HTTPRequest.Method) -> any Responder {
        ClosureResponder(handler).wrapped(in: guards.filter { $0.methods.contains(method) }.map(\.middleware))
    }

    public mutating func get(_ template: String, _ handler: @escaping Handler) { add(.get, template, handler) }
    public mutating func post(_ template: String, blocking: Bool = true, _ handler: @escaping Handler) {
        add(.post, template, blocking: blocking, handler)
    }
    public mutating func put(_ template: String, blocking: Bool = true, _ handler: @escaping Handler) {
        add(.put, template, blocking: blocking, handler)
    }
    public mutating func patch(_ template: String, blocking: Bool = true, _ handler: @escaping Handler) {
        add(.patch, template, blocking: blocking, handler)
    }
    public mutating func delete(_ template: String, blocking: Bool = true, _ handler: @escaping Handler) {
        add(.delete, template, blocking: blocking, handler)
    }

    /// Every route template with its methods, for documentation and tests.
    public var routes: [(template: String, methods: [HTTPRequest.Method])] {
        (Array(literalRoutes.values) + templateRoutes)
            .map { ($0.template, $0.handlers.keys.sorted { $0.rawValue < $1.rawValue }) }
            .sorted { $0.template < $1.template }
    }

    public func respond(to request: Request) throws -> Response {
        guard let (route, parameters) = match(request.path) else {
            if let fallback { return try fallback.respond(to: request) }
            throw HTTPError(.notFound, detail: "Nothing is at \(request.path).")
        }
        var request = request
        request.route = route.template
        request.parameters = parameters
        do {
            var response = try answer(request, at: route)
            response.route = route.template
            return response
        } catch {
            throw RoutedError(route: route.template, underlying: error)
        }
    }

    /// Whether the handler `request` would reach was added as `blocking`; false when the router
    /// answers by itself (OPTIONS, 405, 404), and the fallback's word for paths no route knows.
    public func mayBlock(answering request: Request) -> Bool {
        guard let route = route(for: request.path) else { return fallback?.mayBlock(answering: request) ?? false }
        return route.handlers[request.method]?.blocking ?? false
    }

    /// The matched route's answer: its handler behind the guards for the method, the allowed
    /// methods for OPTIONS, or 405.
    private func answer(_ request: Request, at route: Route) throws -> Response {
        if let entry = route.handlers[request.method] { return try entry.guarded.respond(to: request) }
        if request.method == .head, let entry = route.handlers[.get] {
            return try guarded(entry.handler, for: .head).respond(to: request)
        }
        if request.method == .options {
            return Response(status: .noContent, headerFields: [.allow: route.allowed])
        }
        throw HTTPError(
            .methodNotAllowed, detail: "\(request.path) does not answer \(request.method.rawValue).",
            headerFields: [.allow: route.allowed])
    }

    /// The route `path` matches, with the values of its `{name}` segments.
    private func match(_ path: String) -> (Route, [String: String])? {
        if let route = literalRoutes[path] { return (route, [:]) }
        let parts = Self.split(path)
        guard let route = templateRoute(matching: parts) else { return nil }
        var parameters: [String: String] = [:]
        for case (.parameter(let name), let part) in zip(route.segments, parts) { parameters[name] = String(part) }
        return (route, parameters)
    }

    /// The route `path` matches, without its parameters: what the lane choice needs, on every write.
    private func route(for path: String) -> Route? {
        literalRoutes[path] ?? templateRoute(matching: Self.split(path))
    }

    /// The first template route whose segments match `parts`: literals equal, parameters not empty.
    private func templateRoute(matching parts: [Substring]) -> Route? {
        templateRoutes.first { route in
            route.segments.count == parts.count
                && zip(route.segments, parts).allSatisfy { segment, part in
                    switch segment {
                    case .literal(let literal): literal == part
                    case .parameter: !part.isEmpty
                    }
                }
        }
    }

    private static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
    }
}
