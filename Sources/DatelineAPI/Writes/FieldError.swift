import HTTPServer

/// One thing wrong with a write's body: the field, as a path (`participants[0].entityId`), and
/// what is wrong with it.
struct FieldError: Sendable, Hashable {
    var field: String
    var problem: String

    /// The `errors` member of a 422 problem.
    var problemValue: JSONValue {
        .object(["field": .string(field), "problem": .string(problem)])
    }

    /// 422 listing every field error, in the order found.
    static func unprocessable(_ errors: [FieldError]) -> HTTPError {
        let summary = errors.count == 1 ? "1 field is" : "\(errors.count) fields are"
        return HTTPError(
            .unprocessableContent, detail: "The request body is well-formed but \(summary) not valid; see errors.",
            extensions: ["errors": .array(errors.map(\.problemValue))])
    }
}
