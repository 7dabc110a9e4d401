public import Logging

/// The one place where errors become responses: whatever the steps below it throw comes back as
/// an RFC 9457 problem response, so the steps above it (security headers, CORS, the cache) see
/// and finish every answer alike. Errors that are not `HTTPError`s are logged as failures and
/// answered with 500.
///
/// The connection renders what escapes the whole chain the same way, as a last resort.
public struct ErrorMiddleware: Middleware {
    private let logger: Logger?

    public init(logger: Logger? = nil) {
        self.logger = logger
    }

    public func respond(to request: Request, next: any Responder) throws -> Response {
        do {
            return try next.respond(to: request)
        } catch {
            return Self.response(for: error, to: request, logger: logger)
        }
    }

    /// The problem response for `error`, counted under the route that threw it, if any.
    static func response(for error: any Error, to request: Request, logger: Logger?) -> Response {
        // A request answered again as often as it may be, and met concurrent writes each time.
        if error is AnswerAgain { return response(for: AnswerAgain.exhausted, to: request, logger: logger) }
        if !(RoutedError.unwrap(error) is HTTPError) {
            logger?.error("handler failed", metadata: ["path": "\(request.path)", "error": "\(error)", "request_id": "\(request.id)"])
        }
        var response = ProblemDetails.response(for: RoutedError.unwrap(error), instance: request.path)
        response.route = (error as? RoutedError)?.route
        return response
    }
}
