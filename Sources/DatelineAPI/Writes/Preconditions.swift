import HTTPServer
import HTTPTypes

/// `If-Match` and `If-None-Match` for writes (RFC 9110 section 13.1): with `If-Match` the write
/// goes ahead only when the resource's current representation has one of the listed strong
/// tags, or, for `*`, when the resource exists; with `If-None-Match: *` only when it does not
/// (create, never replace). Tags the compression middleware gave a compressed variant
/// (`"…-gzip"`, `"…-deflate"`) match the identity tag they were made from.
enum Preconditions {
    /// The strong tag of a resource's JSON representation: the hash of exactly the bytes a GET
    /// of it answers with.
    static func entityTag(of resource: some Encodable) throws -> EntityTag {
        ContentHash.entityTag(for: try JSONBody.encode(resource))
    }

    /// Throws 412 unless the request's `If-Match` and `If-None-Match` (when it has them) hold for
    /// `current`, the representation the resource has now (nil when it does not exist).
    static func check(_ request: Request, current: (some Encodable)?) throws {
        let tag = try current.map { try entityTag(of: $0) }
        let noneMatch = request.headerFields[values: .ifNoneMatch]
        if !noneMatch.isEmpty, let tag, let condition = EntityTag.Condition(parsing: noneMatch.joined(separator: ", ")),
            matches(condition, tag)
        {
            throw HTTPError(
                .preconditionFailed, detail: "If-None-Match was given, and the resource exists with a listed tag.",
                headerFields: [.eTag: tag.description])
        }
        // An empty field is no condition at all; anything else that is not a tag list fails.
        let values = request.headerFields[values: .ifMatch].filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
        guard !values.isEmpty else { return }
        guard let condition = EntityTag.Condition(parsing: values.joined(separator: ", ")),
            matches(condition, tag)
        else {
            throw HTTPError(
                .preconditionFailed,
                detail: tag == nil
                    ? "If-Match was given, and the resource does not exist."
                    : "If-Match lists no tag of the current representation; fetch it again.",
                headerFields: tag.map { [.eTag: $0.description] } ?? [:])
        }
    }

    static func matches(_ condition: EntityTag.Condition, _ current: EntityTag?) -> Bool {
        guard let current else { return false }
        switch condition {
        case .any:
            return true
        case .tags(let tags):
            return tags.contains { !$0.isWeak && $0.identity.opaqueTag == current.opaqueTag }
        }
    }
}
