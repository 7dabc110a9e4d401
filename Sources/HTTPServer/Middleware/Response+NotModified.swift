import HTTPTypes

extension Response {
    /// Fields that describe the body of a 200 and have no place on a 304 (RFC 9110 section 15.4.5).
    private static let bodyFields: [HTTPField.Name] = [
        .contentType, .contentLength, .contentEncoding, .contentLanguage, .contentRange,
        .contentDisposition, .transferEncoding,
    ]

    /// The 304 that stands for this response: the same fields, among them `ETag`,
    /// `Cache-Control`, `Vary`, `Content-Location`, `Expires` and `Last-Modified`, less those that
    /// describe the body, and no body.
    /// The typed values (`route`, `entityTag`, `cacheability`) stay as they were.
    public func notModified() -> Response {
        var response = self
        response.status = .notModified
        for name in Self.bodyFields {
            response.headerFields[name] = nil
        }
        response.body = .bytes([])
        return response
    }

    /// This response, or the 304 that stands for it when the request's `If-None-Match` lists
    /// its `entityTag` (weak comparison, RFC 9110 section 13.1.2) or is `*`. The one place where
    /// a response becomes a 304 for its entity tag.
    public func answering(_ request: Request) -> Response {
        guard let tag = entityTag, let condition = request.ifNoneMatch, condition.matchesWeakly(tag) else { return self }
        return notModified()
    }
}
