import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server side of one TLS connection over a non-blocking socket.
///
/// Owned by one connection and used only on its event loop's thread: never `Sendable`. The calls do
/// not block; each says through ``TLSIOResult`` whether to wait for readability or for
/// writability before calling again. Reads may need the socket writable and writes may need it
/// readable (TLS 1.3 key updates and post-handshake messages), so the connection must honour
/// whichever a call asks for.
///
/// ```swift
/// let session = try TLSSession(context: current, descriptor: fd)
/// switch session.handshake() {
/// case .done: startReading()
/// case .wantRead: waitForReadable()
/// case .wantWrite: waitForWritable()
/// case .closed, .failed: close()
/// }
/// ```
///
/// The session never closes the descriptor; call nothing on it once the descriptor is closed,
/// since the number may already belong to another connection.
public final class TLSSession {
    /// The context this session was made from; it stays alive while the session does.
    public let context: TLSContext
    /// The socket the session reads and writes.
    public let descriptor: Int32
    private let ssl: OpaquePointer
    /// Set after a fatal error: OpenSSL then forbids `SSL_shutdown`.
    private var broken = false
    private var shutdownSent = false
    private var firstByteChecked = false

    /// Makes a server session on a connected, non-blocking socket.
    public init(context: TLSContext, descriptor: Int32) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let ssl = SSL_new(context.pointer) else { throw .drainingQueue(.configuration, "SSL_new") }
        guard let bio = TLSSocketBIO.make(descriptor: descriptor) else {
            SSL_free(ssl)
            throw .drainingQueue(.configuration, "BIO_new")
        }
        SSL_set_bio(ssl, bio, bio)  // The session owns the BIO from here.
        SSL_set_accept_state(ssl)
        self.context = context
        self.descriptor = descriptor
        self.ssl = ssl
    }

    deinit {
        SSL_free(ssl)
    }

    // MARK: Handshake

    /// Advances the handshake. Before the first TLS byte is consumed, peeks at the socket and
    /// fails with ``TLSError/Kind/plainHTTP`` when a plain-HTTP request arrived instead, so the
    /// connection can answer it in plain text.
    public func handshake() -> TLSIOResult {
        if !firstByteChecked {
            let peeked = peekFirstByte()
            guard peeked == .done else { return peeked }
        }
        OpenSSLErrorQueue.clear()
        let result = SSL_do_handshake(ssl)
        if result == 1 { return .done }
        return outcome(of: result, operation: "SSL_do_handshake")
    }

    /// Whether the handshake has completed.
    public var isHandshakeComplete: Bool { SSL_is_init_finished(ssl) == 1 }

    /// Whether `bytes`, the first a client sent to the TLS port, start a plain-HTTP request
    /// (a method's ASCII letter) rather than a TLS record (content type 0x16 for a handshake).
    public static func looksLikePlainHTTP(firstBytes bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
    }

    private func peekFirstByte() -> TLSIOResult {
        var byte: UInt8 = 0
        var count: Int
        repeat {
            count = recv(descriptor, &byte, 1, Int32(MSG_PEEK))
        } while count < 0 && errno == EINTR
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { return .wantRead }
            if errno == ECONNRESET { return .closed }
            broken = true
            return .failed(TLSError(kind: .connection, operation: "recv", errno: errno))
        }
        if count == 0 { return .closed }
        firstByteChecked = true
        if Self.looksLikePlainHTTP(firstBytes: CollectionOfOne(byte)) {
            broken = true
            return .failed(TLSError(kind: .plainHTTP, operation: "SSL_do_handshake"))
        }
        return .done
    }

    // MARK: Reading and writing

    /// Decrypts into `buffer` until it is full or the socket has no more for now.
    ///
    /// - Returns: the bytes read, and why reading stopped: `.done` when the buffer filled (call
    ///   again after consuming it: OpenSSL may hold more, see ``hasBufferedInput``), `.wantRead`
    ///   or `.wantWrite` when the socket must become readable or writable first, `.closed` at
    ///   the end of the stream, `.failed` on an error. Bytes read before a stop are valid.
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> (Int, TLSIOResult) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return (0, .done) }
        var total = 0
        while total < buffer.count {
            var count = 0
            OpenSSLErrorQueue.clear()
            let result = SSL_read_ex(ssl, base + total, buffer.count - total, &count)
            guard result == 1 else { return (total, outcome(of: result, operation: "SSL_read")) }
            total += count
        }
        return (total, .done)
    }

    /// Encrypts and sends as much of `buffer` as the socket takes now.
    ///
    /// - Returns: the bytes accepted, and why writing stopped: `.done` when all were, `.wantWrite`
    ///   (or `.wantRead`) when the socket must become writable (or readable) first, `.closed` or
    ///   `.failed` when the connection is gone.
    ///
    /// After a partial write, call again with the bytes from the accepted count on: the same
    /// bytes, at least as many as before, though they may sit at another address.
    public func write(_ buffer: UnsafeRawBufferPointer) -> (Int, TLSIOResult) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return (0, .done) }
        var total = 0
        while total < buffer.count {
            var count = 0
            OpenSSLErrorQueue.clear()
            let result = SSL_write_ex(ssl, base + total, buffer.count - total, &count)
            guard result == 1 else { return (total, outcome(of: result, operation: "SSL_write")) }
            total += count
        }
        return (total, .done)
    }

    /// Whether OpenSSL holds input already read from the socket: a read source will not fire
    /// for it, so call ``read(into:)`` again before waiting.
    public var hasBufferedInput: Bool { SSL_pending(ssl) > 0 || SSL_has_pending(ssl) == 1 }

    // MARK: Closing

    /// Sends close_notify once, without waiting for the client's. Best effort: does nothing
    /// before the handshake completes or after a fatal error, and a full socket drops it.
    /// Close the descriptor afterwards as usual.
    @discardableResult
    public func shutdown() -> TLSIOResult {
        guard !broken, !shutdownSent, isHandshakeComplete else { return .closed }
        shutdownSent = true
        OpenSSLErrorQueue.clear()
        let result = SSL_shutdown(ssl)
        if result >= 0 { return .done }
        let outcome = outcome(of: result, operation: "SSL_shutdown")
        OpenSSLErrorQueue.clear()
        return outcome
    }

    // MARK: What was negotiated

    /// The application protocol ALPN selected (`http/1.1`), or `nil` when the client offered none
    /// we speak.
    public var negotiatedProtocol: String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    /// The protocol version in OpenSSL's spelling: `TLSv1.3`, `TLSv1.2`.
    public var protocolVersion: String { String(cString: SSL_get_version(ssl)) }

    /// The cipher suite's OpenSSL name (`TLS_AES_128_GCM_SHA256`), once negotiated.
    public var cipher: String? {
        guard let cipher = SSL_get_current_cipher(ssl), let name = SSL_CIPHER_get_name(cipher) else { return nil }
        return String(cString: name)
    }

    /// Whether the handshake resumed an earlier session (from a ticket or the session cache).
    public var sessionReused: Bool { SSL_session_reused(ssl) == 1 }

    // MARK: Errors

    /// Turns a failed call's return value into a result; reads errno before anything can change it.
    private func outcome(of result: Int32, operation: String) -> TLSIOResult {
        let systemError = errno
        let code = SSL_get_error(ssl, result)
        switch code {
        case SSL_ERROR_WANT_READ:
            return .wantRead
        case SSL_ERROR_WANT_WRITE:
            return .wantWrite
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        case SSL_ERROR_SYSCALL:
            broken = true
            let reasons = OpenSSLErrorQueue.drain()
            // An end of stream without close_notify, or a client that reset or went away.
            if reasons.isEmpty && [0, ECONNRESET, EPIPE].contains(systemError) { return .closed }
            return .failed(TLSError(kind: failureKind, operation: operation, reasons: reasons, errno: systemError))
        case SSL_ERROR_SSL:
            broken = true
            if ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING {
                OpenSSLErrorQueue.clear()
                return .closed
            }
            return .failed(.drainingQueue(failureKind, operation))
        default:
            broken = true
            return .failed(.drainingQueue(failureKind, operation))
        }
    }

    private var failureKind: TLSError.Kind { isHandshakeComplete ? .connection : .handshake }
}

@available(*, unavailable, message: "A TLSSession belongs to one connection's event loop.")
extension TLSSession: Sendable {}
