import HTTPTypes

/// Gives `200` answers to `GET` and `HEAD` a strong `ETag` and answers `If-None-Match` with `304`.
///
/// A `.bytes` body without an `entityTag` gets `"<16 hex digits>"`, the XXH64 hash of its bytes
/// (`ContentHash`). Then, whoever set the tag, an `If-None-Match` that lists it (weak comparison,
/// RFC 9110 section 13.1.2) or is `*` turns the answer into a `304` that keeps `ETag`,
/// `Cache-Control`, `Vary`, `Content-Location`, `Expires`, `Last-Modified` and the other
/// non-body fields (`Response.notModified()`). An `If-None-Match` that is not a valid list is
/// ignored.
///
/// Install it inside `CompressionMiddleware` (compression is the outer of the two): the tag is
/// then computed over the identity bytes, a `304` is decided before anything is compressed,
/// and `CompressionMiddleware` maps the tags of its compressed variants (`"…-gzip"`) on the way
/// in and out. See `CompressionMiddleware` for the whole order.
public struct ETagMiddleware: Middleware {
    public init() {}

    public func respond(to request: Request, next: any Responder) throws -> Response {
        var response = try next.respond(to: request)
        guard request.method == .get || request.method == .head, response.status == .ok else {
            return response
        }
        if response.entityTag == nil {
            guard case .bytes(let bytes) = response.body else { return response }
            response.entityTag = ContentHash.entityTag(for: bytes)
        }
        return response.answering(request)
    }
}
