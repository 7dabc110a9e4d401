import HTTPServer

/// The forms a response body can take, chosen by `format=` or by the `Accept` field.
enum Representation: String, Sendable, Hashable, CaseIterable {
    /// `application/json`, one document.
    case json
    /// `application/x-ndjson`, one JSON object a line (lists only).
    case ndjson
    /// `text/csv`, a header row and one record a line (events only).
    case csv
    /// `text/event-stream`, Server-Sent Events (the change feed only).
    case eventStream = "event-stream"

    /// The media type, as matched against `Accept`.
    var mediaType: String {
        switch self {
        case .json: "application/json"
        case .ndjson: "application/x-ndjson"
        case .csv: "text/csv"
        case .eventStream: "text/event-stream"
        }
    }

    /// The `Content-Type` of a response in this form.
    var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .ndjson: "application/x-ndjson; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .eventStream: "text/event-stream; charset=utf-8"
        }
    }

    /// The form to answer with: the `format` parameter when given (which must be one of
    /// `offered`), else the offered form the `Accept` field weighs highest, the first offered on
    /// ties and when there is no `Accept`.
    ///
    /// Throws 400 for an unknown or unoffered `format`, 406 when `Accept` allows none of `offered`.
    static func negotiate(_ request: Request, format: String?, offered: [Representation]) throws(HTTPError) -> Representation {
        precondition(!offered.isEmpty, "a route offers at least one representation")
        if let format {
            guard let chosen = Representation(rawValue: format), offered.contains(chosen) else {
                throw APIError.badParameter(
                    "format", "must be one of \(offered.map(\.rawValue).joined(separator: ", ")), got \"\(format)\".")
            }
            return chosen
        }
        let values = request.headerFields[values: .accept]
        guard !values.isEmpty else { return offered[0] }
        let ranges = MediaRange.parse(values.joined(separator: ","))
        guard !ranges.isEmpty else { return offered[0] }
        var best: (Representation, Double)?
        for candidate in offered {
            let matches = ranges.compactMap { range in range.specificity(for: candidate.mediaType).map { ($0, range.quality) } }
            guard let quality = matches.max(by: { $0.0 < $1.0 })?.1, quality > 0 else { continue }
            if best == nil || quality > best!.1 { best = (candidate, quality) }
        }
        guard let best else {
            throw HTTPError(
                .notAcceptable,
                detail:
                    "This resource is available as \(offered.map(\.mediaType).joined(separator: ", ")); the Accept field allows none of them."
            )
        }
        return best.0
    }
}
