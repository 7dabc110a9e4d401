import HTTPServer
import NewsModel

/// The errors the API answers with, each an `HTTPError` that `ProblemDetails` renders.
enum APIError {
    /// 400 naming the query parameter that was wrong (`"parameter": "limit"`) and what was wrong.
    static func badParameter(_ name: String, _ problem: String) -> HTTPError {
        HTTPError(
            .badRequest, detail: "Query parameter \"\(name)\" \(problem)",
            extensions: ["parameter": .string(name)])
    }

    /// 404 for an id that names nothing of its kind.
    static func notFound(_ kind: String, _ id: String) -> HTTPError {
        HTTPError(.notFound, detail: "No \(kind) has the id \"\(id)\".")
    }
}

extension APIError {
    /// 400 for a query the store refused, naming the parameter at fault.
    static func query(_ error: StoreQueryError) -> HTTPError {
        switch error {
        case .malformedCursor, .cursorMismatch:
            badParameter("cursor", "was refused: \(error.description).")
        case .invalidLimit:
            badParameter("limit", "was refused: \(error.description).")
        case .invalidDateRange:
            badParameter("from", "was refused: \(error.description).")
        }
    }
}
