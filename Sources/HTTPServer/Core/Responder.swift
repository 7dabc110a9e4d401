/// Something that answers requests: a router, a middleware chain, a plain closure.
///
/// Responders to safe requests (GET, HEAD, OPTIONS) run on the connection's event loop, beside
/// every other connection of that loop, and must not block; those to other methods run on a
/// worker thread, where a write may wait on the disk. Which kind of worker thread is up to
/// ``mayBlock(answering:)``.
public protocol Responder: Sendable {
    func respond(to request: Request) throws -> Response

    /// Whether answering `request` (not a safe one) may block its thread: wait on a disk, a
    /// database or another thread. Such a request gets a thread of its own while it waits; one
    /// that never blocks shares a few with the others (see ``Router/add(_:_:blocking:_:)``).
    /// True unless the responder knows better.
    func mayBlock(answering request: Request) -> Bool
}

extension Responder {
    public func mayBlock(answering request: Request) -> Bool { true }
}

/// A responder made from a closure.
public struct ClosureResponder: Responder {
    private let body: @Sendable (Request) throws -> Response

    public init(_ body: @escaping @Sendable (Request) throws -> Response) {
        self.body = body
    }

    public func respond(to request: Request) throws -> Response {
        try body(request)
    }
}

/// A step around a responder: it may answer itself, change the request, or change the response.
public protocol Middleware: Sendable {
    func respond(to request: Request, next: any Responder) throws -> Response
}

extension Responder {
    /// This responder wrapped in the given middleware, the first one outermost.
    public func wrapped(in middleware: [any Middleware]) -> any Responder {
        middleware.reversed().reduce(self as any Responder) { inner, outer in
            MiddlewareResponder(middleware: outer, next: inner)
        }
    }
}

private struct MiddlewareResponder: Responder {
    let middleware: any Middleware
    let next: any Responder

    func respond(to request: Request) throws -> Response {
        try middleware.respond(to: request, next: next)
    }

    /// As the responder inside says: middleware does not block.
    func mayBlock(answering request: Request) -> Bool {
        next.mayBlock(answering: request)
    }
}
