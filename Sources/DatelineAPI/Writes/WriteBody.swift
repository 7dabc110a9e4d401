import HTTPServer
import HTTPTypes

/// The JSON body of a write: its media type checked (415), its size checked (413), its bytes
/// parsed (400).
enum WriteBody {
    /// The media types a body may have: JSON everywhere, and merge patches for PATCH.
    enum Accepted {
        case json
        case mergePatch

        var mediaTypes: [String] {
            switch self {
            case .json: ["application/json"]
            case .mergePatch: ["application/merge-patch+json", "application/json"]
            }
        }
    }

    /// `Accept-Patch` (RFC 5789), sent with a 415 to a PATCH.
    static let acceptPatch = HTTPField.Name("Accept-Patch")!

    /// The parsed body, or the error that answers it.
    static func parse(_ request: Request, accepting accepted: Accepted, limit: Int) throws(HTTPError) -> JSONValue {
        try document(request, accepting: accepted, limit: limit).root.value
    }

    /// The body as a document to read field by field, or the error that answers it: what
    /// ``parse(_:accepting:limit:)`` checks, without the tree.
    static func document(_ request: Request, accepting accepted: Accepted, limit: Int) throws(HTTPError) -> JSONDocument {
        let mediaTypes = accepted.mediaTypes
        guard let contentType = request.headerFields.value(.contentType), isAccepted(contentType, mediaTypes) else {
            let given = request.headerFields.value(.contentType).map { "\"\($0)\"" } ?? "no Content-Type"
            var fields: HTTPFields = [:]
            if accepted == .mergePatch { fields[Self.acceptPatch] = "application/merge-patch+json" }
            throw HTTPError(
                .unsupportedMediaType,
                detail: "The body must be \(mediaTypes.joined(separator: " or ")) in UTF-8; the request has \(given).",
                headerFields: fields)
        }
        guard request.body.count <= limit else {
            throw HTTPError(.contentTooLarge, detail: "The body is larger than \(limit) bytes.")
        }
        guard !request.body.isEmpty else {
            throw HTTPError(.badRequest, detail: "The request has no body; it needs a JSON document.")
        }
        guard let document = JSONDocument(request.body) else {
            throw HTTPError(.badRequest, detail: "The body is not well-formed JSON.")
        }
        return document
    }

    /// Whether a `Content-Type` value names one of `mediaTypes`, with no charset but UTF-8.
    static func isAccepted(_ contentType: String, _ mediaTypes: [String]) -> Bool {
        // Most clients send the bare type, which needs no parsing.
        if mediaTypes.contains(contentType) { return true }
        let type = contentType.prefix { $0 != ";" }.lowercased().trimmingWhitespace
        guard mediaTypes.contains(type) else { return false }
        return MediaTypeParameter.value("charset", in: contentType).map { $0.lowercased() == "utf-8" } ?? true
    }
}
