import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TLS failure: a certificate or key that would not load, a refused handshake, a broken
/// connection. Carries OpenSSL's own error text and, for files, the path.
public struct TLSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: String, Sendable, Hashable {
        /// The certificate chain file is missing, unreadable or not PEM.
        case certificate
        /// The private key file is missing, unreadable, encrypted or not PEM.
        case privateKey
        /// The private key does not belong to the certificate.
        case keyMismatch
        /// OpenSSL refused a setting (a protocol version, a cipher list) or ran out of memory.
        case configuration
        /// The peer and we could not agree on a TLS session (version, cipher, bad record).
        case handshake
        /// The first bytes on a TLS port were a plain-HTTP request.
        case plainHTTP
        /// Reading or writing failed after the handshake, or the socket failed.
        case connection
    }

    public var kind: Kind
    /// The OpenSSL call that failed (`SSL_CTX_use_certificate_chain_file`, `SSL_do_handshake`).
    public var operation: String
    /// The file involved, for certificate and key errors.
    public var path: String?
    /// OpenSSL's error queue at the time, oldest first.
    public var reasons: [String]
    /// The system error, when the failure was a system call's.
    public var errno: Int32?

    public init(kind: Kind, operation: String, path: String? = nil, reasons: [String] = [], errno: Int32? = nil) {
        self.kind = kind
        self.operation = operation
        self.path = path
        self.reasons = reasons
        self.errno = errno
    }

    public var description: String {
        var text: String
        switch kind {
        case .certificate: text = "TLS certificate chain could not be loaded"
        case .privateKey: text = "TLS private key could not be loaded"
        case .keyMismatch: text = "TLS private key does not match the certificate"
        case .configuration: text = "TLS configuration was refused"
        case .handshake: text = "TLS handshake failed"
        case .plainHTTP: text = "a plain-HTTP request arrived on the TLS port"
        case .connection: text = "TLS connection failed"
        }
        if let path { text += " from \(path)" }
        text += " (\(operation))"
        if !reasons.isEmpty { text += ": " + reasons.joined(separator: "; ") }
        if let errno, errno != 0 { text += " [\(String(cString: strerror(errno))), errno \(errno)]" }
        return text
    }

    /// An error of `kind`, draining this thread's OpenSSL error queue into `reasons`.
    static func drainingQueue(_ kind: Kind, _ operation: String, path: String? = nil, errno: Int32? = nil) -> TLSError {
        TLSError(kind: kind, operation: operation, path: path, reasons: OpenSSLErrorQueue.drain(), errno: errno)
    }
}

/// This thread's OpenSSL error queue. OpenSSL keeps one per thread, so it is read (or cleared)
/// right after the call that filled it, on the same queue and in the same block.
enum OpenSSLErrorQueue {
    /// Removes and returns every queued error's text, oldest first.
    static func drain() -> [String] {
        var reasons: [String] = []
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 512) { buffer in
            while dateline_ERR_next(buffer.baseAddress, buffer.count) != 0 {
                reasons.append(String(cString: buffer.baseAddress!))
            }
        }
        return reasons
    }

    /// Forgets stale errors before a call whose outcome `SSL_get_error` must judge alone.
    static func clear() {
        ERR_clear_error()
    }
}
