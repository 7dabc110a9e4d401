import HTTPServer

/// JSON Merge Patch (RFC 7396): a patch object's members replace the target's, `null` removes
/// a member, nested objects merge member by member, and anything that is not an object (arrays
/// included) replaces the target whole.
enum JSONMergePatch {
    /// `target` with `patch` applied.
    static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let changes) = patch else { return patch }
        var result = target.members ?? [:]
        for (name, value) in changes {
            if value == .null {
                result[name] = nil
            } else {
                result[name] = apply(value, to: result[name] ?? .null)
            }
        }
        return .object(result)
    }
}
