import HTTPTypes

extension Request {
    /// The `If-None-Match` condition, from every such field joined; nil when absent or invalid.
    var ifNoneMatch: EntityTag.Condition? {
        let values = headerFields[values: .ifNoneMatch]
        guard !values.isEmpty else { return nil }
        return EntityTag.Condition(parsing: values.joined(separator: ", "))
    }

    /// The `If-Modified-Since` time in seconds since 1970; nil when absent, repeated or not a date.
    var ifModifiedSince: Int? {
        let values = headerFields[values: .ifModifiedSince]
        guard values.count == 1 else { return nil }
        return HTTPDate.parse(values[0])
    }
}
