public import HTTPServer
import HTTPTypes

/// Guards writes: reads are public; POST, PUT, PATCH and DELETE need
/// `Authorization: Bearer <token>`. Missing gives 401 with `WWW-Authenticate: Bearer`, wrong
/// gives 403. With no token configured, writes are refused unless anonymous writes are allowed.
public struct WriteAuthorization: Middleware {
    private let token: [UInt8]?
    private let allowAnonymous: Bool

    public init(token: String?, allowAnonymous: Bool) {
        self.token = token.map { Array($0.utf8) }
        self.allowAnonymous = allowAnonymous
    }

    /// The scheme, in lower case.
    private static let scheme = Array("bearer".utf8)

    static let challenge: HTTPFields = [.wwwAuthenticate: #"Bearer realm="dateline""#]

    public func respond(to request: Request, next: any Responder) throws -> Response {
        guard [.post, .put, .patch, .delete].contains(request.method) else {
            return try next.respond(to: request)
        }
        try authorize(request)
        return try next.respond(to: request)
    }

    /// Checks the request's bearer token whatever its method (for reads that are not public).
    public func authorize(_ request: Request) throws(HTTPError) {
        guard let token else {
            if allowAnonymous { return }
            throw HTTPError(.forbidden, detail: "Writes are disabled: the server has no API token configured.")
        }
        guard let header = request.headerFields.value(.authorization) else {
            throw HTTPError(
                .unauthorized, detail: "Writes need an Authorization: Bearer token.",
                headerFields: Self.challenge)
        }
        switch Self.credentials(in: header, match: token) {
        case nil:
            throw HTTPError(
                .unauthorized, detail: "The Authorization header must use the Bearer scheme.",
                headerFields: Self.challenge)
        case false?:
            throw HTTPError(.forbidden, detail: "The bearer token is not valid for writes.")
        case true?:
            return
        }
    }

    /// Whether the credentials of an `Authorization` value (what follows its first space) are
    /// `token`; nil when its scheme (what precedes it) is not `Bearer`, in any case, or nothing
    /// follows it. Read from
    /// the value's bytes: every write is authorized, so it makes no copies.
    static func credentials(in header: String, match token: [UInt8]) -> Bool? {
        var header = header
        return header.withUTF8 { bytes in
            guard let space = bytes.firstIndex(of: UInt8(ascii: " ")), space == scheme.count, space + 1 < bytes.count,
                zip(bytes[..<space], scheme).allSatisfy({ $0 | 0x20 == $1 })
            else { return nil }
            return constantTimeEquals(UnsafeBufferPointer(rebasing: bytes[(space + 1)...]), token)
        }
    }

    /// Compares without an early exit, so timing does not tell how much of a guess was right.
    static func constantTimeEquals(_ given: UnsafeBufferPointer<UInt8>, _ expected: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: given.count ^ expected.count)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0
    }
}
