import HTTPTypes

extension RequestParser {
    /// A request target (RFC 9112 section 3.2) in the forms this server accepts: origin-form,
    /// absolute-form (reduced to origin-form plus its authority) and asterisk-form for OPTIONS.
    struct RequestTarget: Sendable, Equatable {
        /// The target in origin-form as received (`/a%20b?x=1`), or `*`.
        var originForm: String
        /// The authority of an absolute-form target; nil for the other forms.
        var authority: String?
        /// The path, percent-decoded, without the query.
        var path: String
        /// The query items, decoded.
        var query: [QueryItem]

        /// Parses a target, throwing a 400 for a form or an encoding this server does not accept.
        init(parsing bytes: ArraySlice<UInt8>, method: HTTPRequest.Method) throws(HTTPError) {
            guard bytes.allSatisfy(Syntax.isTarget) else {
                throw RequestParser.failure(.badRequest, "Request target contains a character that is not allowed")
            }
            if bytes.elementsEqual("*".utf8) {
                guard method == .options else {
                    throw RequestParser.failure(.badRequest, "Request target * is only allowed for OPTIONS")
                }
                self.init(originForm: "*", authority: nil, path: "*", query: [])
            } else if bytes.first == Syntax.slash {
                try self.init(origin: bytes, authority: nil)
            } else if let absolute = try Self.splitAbsoluteForm(bytes) {
                try self.init(origin: absolute.rest, authority: absolute.authority)
            } else {
                throw RequestParser.failure(.badRequest, "Request target is not in origin-form or absolute-form")
            }
        }

        private init(originForm: String, authority: String?, path: String, query: [QueryItem]) {
            self.originForm = originForm
            self.authority = authority
            self.path = path
            self.query = query
        }

        /// Parses `path [ "?" query ]`; an empty path (from `http://host?q`) counts as `/`.
        private init(origin: ArraySlice<UInt8>, authority: String?) throws(HTTPError) {
            let questionMark = origin.firstIndex(of: Syntax.question)
            let pathBytes = origin[..<(questionMark ?? origin.endIndex)]
            guard let path = PercentDecoding.decode(pathBytes) else {
                throw RequestParser.failure(.badRequest, "Request path has invalid percent-encoding or is not UTF-8")
            }
            var query: [QueryItem] = []
            if let questionMark {
                guard let items = QueryParser.items(origin[(questionMark + 1)...]) else {
                    throw RequestParser.failure(.badRequest, "Query has invalid percent-encoding or is not UTF-8")
                }
                query = items
            }
            let received = String(decoding: origin, as: UTF8.self)
            self.init(
                originForm: pathBytes.isEmpty ? "/" + received : received,
                authority: authority,
                path: path.isEmpty ? "/" : path,
                query: query
            )
        }

        /// For `http://authority/rest` (or https), the authority and the rest; nil when the target
        /// has no scheme at all.
        private static func splitAbsoluteForm(
            _ bytes: ArraySlice<UInt8>
        ) throws(HTTPError) -> (authority: String, rest: ArraySlice<UInt8>)? {
            let separator = Array("://".utf8)
            guard let colon = bytes.firstIndex(of: Syntax.colon),
                bytes[colon...].starts(with: separator)
            else { return nil }
            let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
            guard scheme == "http" || scheme == "https" else {
                throw RequestParser.failure(.badRequest, "Request target has an unsupported scheme")
            }
            let authorityStart = colon + separator.count
            let authorityEnd =
                bytes[authorityStart...].firstIndex { $0 == Syntax.slash || $0 == Syntax.question }
                ?? bytes.endIndex
            let authority = bytes[authorityStart..<authorityEnd]
            guard !authority.isEmpty, authority.allSatisfy(Syntax.isAuthority) else {
                throw RequestParser.failure(.badRequest, "Request target has an empty or invalid authority")
            }
            return (String(decoding: authority, as: UTF8.self), bytes[authorityEnd...])
        }
    }
}
