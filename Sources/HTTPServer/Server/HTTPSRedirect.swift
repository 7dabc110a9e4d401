import HTTPTypes

/// Answers every plain-HTTP request with a permanent redirect to the same target over HTTPS.
struct HTTPSRedirect: Responder {
    let port: Int

    func respond(to request: Request) throws -> Response {
        let authority = request.head.authority ?? "localhost"
        let host = Self.host(of: authority)
        let target = request.head.path ?? request.path
        let location = "https://\(host)\(port == 443 ? "" : ":\(port)")\(target)"
        return Response(status: .permanentRedirect, headerFields: [.location: location, .contentLength: "0"])
    }

    func mayBlock(answering request: Request) -> Bool { false }

    /// The host part of an authority, without its port (`[::1]:80` gives `[::1]`).
    static func host(of authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
            return String(authority[...end])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "localhost")
    }
}

/// Adds `Strict-Transport-Security` to every response sent over HTTPS.
struct StrictTransportSecurity: Responder {
    let value: String
    let next: any Responder

    func respond(to request: Request) throws -> Response {
        var response: Response
        do {
            response = try next.respond(to: request)
        } catch {
            response = ProblemDetails.response(for: error, instance: request.path)
        }
        response.headerFields[.strictTransportSecurity] = value
        return response
    }

    func mayBlock(answering request: Request) -> Bool {
        next.mayBlock(answering: request)
    }
}
