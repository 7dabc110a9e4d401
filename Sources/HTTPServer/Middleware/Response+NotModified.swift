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
    public func notModified() -> Response {
        var fields = headerFields
        for name in Self.bodyFields {
            fields[name] = nil
        }
        return Response(status: .notModified, headerFields: fields, body: .bytes([]))
    }
}
