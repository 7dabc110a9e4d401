/// How the server offers HTTPS: where its certificate and key live and which port serves TLS.
///
/// ```swift
/// var tls = TLSConfiguration(certificatePath: "/etc/dateline/cert.pem",
///                            privateKeyPath: "/etc/dateline/key.pem")
/// tls.redirectHTTP = true
/// let context = try TLSContext(configuration: tls)
/// ```
public struct TLSConfiguration: Sendable, Hashable, Codable {
    /// A PEM file holding the server certificate first, then any intermediates.
    public var certificatePath: String
    /// A PEM file holding the private key of the certificate (unencrypted).
    public var privateKeyPath: String
    /// The TCP port that speaks TLS.
    public var port: Int
    /// Serve only HTTPS: no plain-HTTP listener at all.
    public var only: Bool
    /// Answer every plain-HTTP request with a redirect to the same path over HTTPS.
    public var redirectHTTP: Bool
    /// The `max-age` of the `Strict-Transport-Security` header sent over HTTPS, in seconds;
    /// `nil` or 0 sends no header.
    public var hstsMaxAge: Int?

    /// The `max-age` sent unless configured otherwise: one year.
    public static let defaultHSTSMaxAge = 31_536_000

    public init(
        certificatePath: String,
        privateKeyPath: String,
        port: Int = 8443,
        only: Bool = false,
        redirectHTTP: Bool = false,
        hstsMaxAge: Int? = TLSConfiguration.defaultHSTSMaxAge
    ) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
        self.port = port
        self.only = only
        self.redirectHTTP = redirectHTTP
        self.hstsMaxAge = hstsMaxAge
    }

    /// The `Strict-Transport-Security` value for responses sent over TLS, if any.
    public var strictTransportSecurity: String? {
        guard let hstsMaxAge, hstsMaxAge > 0 else { return nil }
        return "max-age=\(hstsMaxAge)"
    }
}
