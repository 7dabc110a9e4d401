import HTTPTypes

/// Compresses response bodies with gzip or deflate when the client asks for it.
///
/// A response is compressed when its body is `.bytes` of at least `minimumBytes`, its
/// `Content-Type` is a compressible type (text, JSON, XML, JavaScript, SVG, ...; not images or
/// archives), it has no `Content-Encoding`, its status is not 204, 206 or 304, and the request's
/// `Accept-Encoding` prefers gzip or deflate to identity (`AcceptEncoding`; gzip wins ties; no
/// `Accept-Encoding` at all means no compression). A result that is not smaller is dropped.
/// Every response of a compressible type gets `Vary: Accept-Encoding`, compressed or not.
///
/// A strong `ETag` on a compressed response gets the coding appended inside the quotes
/// (`"abc"` becomes `"abc-gzip"`), so caches never take one variant for the other; weak tags are
/// left alone. For conditional requests the middleware maps those tags back: when it would use
/// a coding, `If-None-Match` tags ending in `-<coding>` reach the inner responders without the
/// suffix, and a `304` they produce for such a tag leaves with the suffixed `ETag` again.
///
/// Install order, outermost first:
/// ```swift
/// let app = router.wrapped(in: [
///     CORSMiddleware(allowedOrigins: ["http://localhost:3000"]), // answers preflights first
///     CompressionMiddleware(),   // outside ETag: maps "-gzip" tags, never compresses a 304
///     ETagMiddleware(),          // hashes identity bytes, turns matches into 304 before compression
/// ])
/// ```
/// Compression outside `ETagMiddleware` (and `StaticFiles`) means a `304` costs no compression
/// and tags are computed once over the identity bytes. The other way round would still be
/// correct (the tag would be the hash of the compressed bytes) but every revalidation would
/// compress the body only to throw it away.
public struct CompressionMiddleware: Middleware {
    /// The smallest body worth compressing, in bytes.
    public var minimumBytes: Int
    /// The zlib level, 1 (fastest) to 9 (smallest).
    public var level: Int
    /// The codings offered, preferred first on equal weights.
    public var formats: [CompressionFormat]

    /// A compression middleware; the defaults suit JSON APIs and small static sites.
    public init(
        minimumBytes: Int = 1024, level: Int = CompressionFormat.defaultLevel,
        formats: [CompressionFormat] = [.gzip, .deflate]
    ) {
        precondition((1...9).contains(level), "compression levels run from 1 to 9")
        self.minimumBytes = minimumBytes
        self.level = level
        self.formats = formats
    }

    public func respond(to request: Request, next: any Responder) throws -> Response {
        let coding = Self.negotiate(request, formats: formats)
        var inner = request
        var variantTags: Set<String> = []
        if let coding {
            variantTags = Self.stripVariantTags(in: &inner, coding: coding)
        }
        var response = try next.respond(to: inner)

        if response.status == .notModified {
            if let coding, let tag = response.entityTag, !tag.isWeak, variantTags.contains(tag.opaqueTag) {
                response.entityTag = tag.variant(compressedWith: coding)
                response.headerFields.mergeVary("Accept-Encoding")
            }
            return response
        }
        guard let contentType = response.headerFields.value(.contentType), Self.isCompressible(contentType) else {
            return response
        }
        response.headerFields.mergeVary("Accept-Encoding")
        guard let coding, response.status != .noContent, response.status != .partialContent,
            !response.headerFields.contains(.contentEncoding), !response.headerFields.contains(.contentRange),
            case .bytes(let bytes) = response.body, bytes.count >= minimumBytes
        else { return response }
        // A body zlib cannot compress is still a correct answer: send it as it is.
        guard let compressed = try? Deflater.compress(bytes, format: coding, level: level),
            compressed.count < bytes.count
        else { return response }
        response.body = .bytes(compressed)
        response.headerFields[.contentEncoding] = coding.contentCoding
        response.headerFields[.contentLength] = nil
        if let tag = response.entityTag, !tag.isWeak {
            response.entityTag = tag.variant(compressedWith: coding)
        }
        return response
    }

    /// The coding for this request, or nil for identity (and when there is no `Accept-Encoding`).
    static func negotiate(_ request: Request, formats: [CompressionFormat]) -> CompressionFormat? {
        let values = request.headerFields[values: .acceptEncoding]
        guard !values.isEmpty else { return nil }
        return AcceptEncoding(values.joined(separator: ", ")).preferred(among: formats)
    }

    /// Rewrites `If-None-Match` so tags of this coding's variant name the identity tag, and
    /// returns the identity tags that were rewritten.
    private static func stripVariantTags(in request: inout Request, coding: CompressionFormat) -> Set<String> {
        guard case .tags(let tags) = request.ifNoneMatch else { return [] }
        var stripped: Set<String> = []
        let mapped = tags.map { tag -> EntityTag in
            guard tag.variantCoding == coding else { return tag }
            let identity = tag.identity
            stripped.insert(identity.opaqueTag)
            return identity
        }
        guard !stripped.isEmpty else { return [] }
        request.head.headerFields[.ifNoneMatch] = mapped.map(\.description).joined(separator: ", ")
        return stripped
    }

    private static let compressibleTypes: Set<Substring> = [
        "application/json", "application/problem+json", "application/ld+json", "application/geo+json",
        "application/manifest+json", "application/x-ndjson", "application/javascript",
        "application/x-javascript", "application/ecmascript", "application/xml", "application/rss+xml",
        "application/atom+xml", "application/xhtml+xml", "application/problem+xml", "application/wasm",
        "application/x-www-form-urlencoded", "application/graphql", "application/vnd.api+json",
        "image/svg+xml", "image/x-icon", "image/vnd.microsoft.icon", "image/bmp",
        "font/ttf", "font/otf", "application/vnd.ms-fontobject",
    ]

    /// Whether a `Content-Type` names a type that compresses well: `text/*` (except event
    /// streams), the JSON, XML and script types, `+json`/`+xml` suffixes, SVG and a few others.
    /// Already-compressed formats (PNG, JPEG, WebP, WOFF2, ZIP, gzip, ...) are not.
    public static func isCompressible(_ contentType: String) -> Bool {
        let parametersStart = contentType.utf8.firstIndex(of: UInt8(ascii: ";")) ?? contentType.endIndex
        let name = HeaderList.trim(contentType[..<parametersStart])
        // Looked up as it is written, lower case, with no copy of its own.
        let mediaType = name.utf8.contains { UInt8(ascii: "A")...UInt8(ascii: "Z") ~= $0 } ? Substring(name.lowercased()) : name
        if mediaType.hasPrefix("text/") { return mediaType != "text/event-stream" }
        if compressibleTypes.contains(mediaType) { return true }
        return mediaType.hasPrefix("application/") && (mediaType.hasSuffix("+json") || mediaType.hasSuffix("+xml"))
    }
}
