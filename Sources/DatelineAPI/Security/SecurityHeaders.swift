public import HTTPServer
import HTTPTypes

/// Headers that keep browsers safe with what the server sends: no MIME sniffing anywhere, and
/// for HTML pages a Content-Security-Policy that allows only the server's own origin.
public struct SecurityHeaders: Middleware {
    public static let contentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    public init() {}

    public func respond(to request: Request, next: any Responder) throws -> Response {
        var response = try next.respond(to: request)
        response.headerFields[.xContentTypeOptions] = "nosniff"
        if response.headerFields.value(.contentType)?.hasPrefix("text/html") == true {
            response.headerFields[.contentSecurityPolicy] = Self.contentSecurityPolicy
            response.headerFields[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        }
        return response
    }
}
