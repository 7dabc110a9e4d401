import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loaded certificate and key with the server's TLS policy: the `SSL_CTX` every connection's
/// ``TLSSession`` is made from.
///
/// Policy: TLS 1.2 and 1.3 only; for 1.2, ECDHE key exchange with AES-GCM or ChaCha20-Poly1305
/// only; OpenSSL's default TLS 1.3 suites; ALPN answers `http/1.1`; sessions resume from the
/// server cache (TLS 1.2) and from tickets (both versions); no renegotiation.
///
/// A context never changes once made. To pick up a renewed certificate (on SIGHUP), make a new
/// one, passing the old as `previous` so its session tickets stay valid, and swap it in for new
/// connections; sessions already open keep the context they started with.
///
/// ```swift
/// let next = try TLSContext(configuration: tls, previous: current)
/// contextBox.withLock { $0 = next }
/// ```
public final class TLSContext: @unchecked Sendable {
    // Sendable by immutability: `pointer` is configured in `init` and never changed after, and
    // OpenSSL locks what it mutates inside an `SSL_CTX` (the session cache, reference counts)
    // so sessions may be made from it on any thread.
    let pointer: OpaquePointer

    /// The configuration the context was loaded from.
    public let configuration: TLSConfiguration

    /// The application protocol ALPN selects.
    static let applicationProtocol: [UInt8] = Array("http/1.1".utf8)

    /// TLS 1.2 suites: forward secrecy and AEAD only, strongest and fastest first.
    static let tls12Ciphers = [
        "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
    ].joined(separator: ":")

    /// The length of OpenSSL's session-ticket key block (name, HMAC secret, AES key).
    private static let ticketKeyLength = 80

    /// Loads the certificate chain and key named by `configuration`.
    ///
    /// - Parameter previous: the context this one replaces; its session-ticket keys carry over,
    ///   so clients holding its tickets still resume.
    /// - Throws: ``TLSError`` with OpenSSL's reasons and the path of the file at fault.
    public init(configuration: TLSConfiguration, previous: TLSContext? = nil) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw .drainingQueue(.configuration, "SSL_CTX_new")
        }
        do {
            try Self.applyPolicy(to: context)
            try Self.load(configuration, into: context)
            if let previous { try Self.copyTicketKeys(from: previous.pointer, to: context) }
        } catch {
            SSL_CTX_free(context)
            throw error
        }
        self.pointer = context
        self.configuration = configuration
    }

    /// Loads the files again into a new context that keeps this one's session tickets valid.
    public func reloaded() throws(TLSError) -> TLSContext {
        try TLSContext(configuration: configuration, previous: self)
    }

    deinit {
        SSL_CTX_free(pointer)
    }

    private static func applyPolicy(to context: OpaquePointer) throws(TLSError) {
        guard dateline_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION) == 1,
            dateline_SSL_CTX_set_max_proto_version(context, TLS1_3_VERSION) == 1
        else {
            throw .drainingQueue(.configuration, "SSL_CTX_set_min_proto_version")
        }
        guard SSL_CTX_set_cipher_list(context, tls12Ciphers) == 1 else {
            throw .drainingQueue(.configuration, "SSL_CTX_set_cipher_list")
        }
        _ = dateline_SSL_CTX_set_options(context, dateline_SSL_OP_NO_RENEGOTIATION | dateline_SSL_OP_NO_COMPRESSION)
        // Partial writes let a connection hand over a large buffer and learn how much went;
        // a moving buffer lets it retry from a different array holding the same bytes.
        // Released buffers keep idle connections small.
        _ = dateline_SSL_CTX_set_mode(
            context,
            Int(SSL_MODE_ENABLE_PARTIAL_WRITE)
                | Int(SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER) | Int(SSL_MODE_RELEASE_BUFFERS))
        _ = dateline_SSL_CTX_set_session_cache_mode(context, Int(SSL_SESS_CACHE_SERVER))
        _ = dateline_SSL_CTX_sess_set_cache_size(context, 20_480)
        let sessionContext = Array("dateline".utf8)
        _ = SSL_CTX_set_session_id_context(context, sessionContext, UInt32(sessionContext.count))
        SSL_CTX_set_alpn_select_cb(context, selectApplicationProtocol, nil)
    }

    private static func load(_ configuration: TLSConfiguration, into context: OpaquePointer) throws(TLSError) {
        let certificate = configuration.certificatePath
        let key = configuration.privateKeyPath
        guard SSL_CTX_use_certificate_chain_file(context, certificate) == 1 else {
            throw .drainingQueue(.certificate, "SSL_CTX_use_certificate_chain_file", path: certificate)
        }
        guard SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) == 1 else {
            // OpenSSL checks the key against the certificate as it loads it.
            let last = ERR_peek_last_error()
            let mismatch =
                ERR_GET_LIB(last) == ERR_LIB_X509
                && [X509_R_KEY_VALUES_MISMATCH, X509_R_KEY_TYPE_MISMATCH].contains(ERR_GET_REASON(last))
            throw .drainingQueue(mismatch ? .keyMismatch : .privateKey, "SSL_CTX_use_PrivateKey_file", path: key)
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw .drainingQueue(.keyMismatch, "SSL_CTX_check_private_key", path: key)
        }
    }

    private static func copyTicketKeys(from old: OpaquePointer, to new: OpaquePointer) throws(TLSError) {
        var keys = [UInt8](repeating: 0, count: ticketKeyLength)
        defer { keys.withUnsafeMutableBytes { _ = memset($0.baseAddress!, 0, $0.count) } }
        let copied = keys.withUnsafeMutableBufferPointer { buffer in
            dateline_SSL_CTX_get_tlsext_ticket_keys(old, buffer.baseAddress, ticketKeyLength) == 1
                && dateline_SSL_CTX_set_tlsext_ticket_keys(new, buffer.baseAddress, ticketKeyLength) == 1
        }
        guard copied else { throw .drainingQueue(.configuration, "SSL_CTX_set_tlsext_ticket_keys") }
    }
}

/// ALPN on the server: picks `http/1.1` from the client's list, or answers nothing when the
/// client does not offer it (the handshake goes on; the client then speaks HTTP/1.1 or leaves).
/// A C callback with no context: the selection points into the client's own list.
private let selectApplicationProtocol:
    @convention(c) (
        OpaquePointer?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, UnsafeMutablePointer<UInt8>?,
        UnsafePointer<UInt8>?, UInt32, UnsafeMutableRawPointer?
    ) -> Int32 = { _, selected, selectedLength, offered, offeredLength, _ in
        guard let selected, let selectedLength, let offered else { return SSL_TLSEXT_ERR_NOACK }
        let wanted = TLSContext.applicationProtocol
        let list = UnsafeBufferPointer(start: offered, count: Int(offeredLength))
        var index = 0
        while index < list.count {
            let length = Int(list[index])
            let start = index + 1
            guard start + length <= list.count else { break }
            if length == wanted.count && list[start..<start + length].elementsEqual(wanted) {
                selected.pointee = offered + start
                selectedLength.pointee = UInt8(length)
                return SSL_TLSEXT_ERR_OK
            }
            index = start + length
        }
        return SSL_TLSEXT_ERR_NOACK
    }
