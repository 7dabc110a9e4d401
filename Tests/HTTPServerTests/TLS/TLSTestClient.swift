import COpenSSL

@testable import HTTPServer

#if canImport(Glibc)
import Glibc
#endif

/// A TLS client driven by hand over a non-blocking socket: OpenSSL's client side, with the
/// options a test needs (protocol versions, ciphers, ALPN list, a session to resume).
final class TLSTestClient {
    struct Options {
        var minimumVersion = TLS1_VERSION
        var maximumVersion = TLS1_3_VERSION
        /// TLS 1.2 and older cipher list; `@SECLEVEL=0` lets OpenSSL offer TLS 1.0 and 1.1 at all.
        var ciphers = "DEFAULT:@SECLEVEL=0"
        var applicationProtocols = ["http/1.1"]
        /// Offer no session tickets, so TLS 1.2 resumes from the server's session cache.
        var noTickets = false
        var session: OpaquePointer?
    }

    enum Step: Equatable {
        case done, wantRead, wantWrite
        case failed(Int32)
    }

    private let context: OpaquePointer
    let ssl: OpaquePointer

    init(descriptor: Int32, options: Options = Options()) {
        context = SSL_CTX_new(TLS_client_method())!
        SSL_CTX_set_security_level(context, 0)
        _ = dateline_SSL_CTX_set_min_proto_version(context, options.minimumVersion)
        _ = dateline_SSL_CTX_set_max_proto_version(context, options.maximumVersion)
        _ = SSL_CTX_set_cipher_list(context, options.ciphers)
        _ = dateline_SSL_CTX_set_mode(context, Int(SSL_MODE_ENABLE_PARTIAL_WRITE) | Int(SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))
        if options.noTickets { _ = dateline_SSL_CTX_set_options(context, dateline_SSL_OP_NO_TICKET) }
        ssl = SSL_new(context)!
        let bio = TLSSocketBIO.make(descriptor: descriptor)
        SSL_set_bio(ssl, bio, bio)
        SSL_set_connect_state(ssl)
        _ = dateline_SSL_set_tlsext_host_name(ssl, "localhost")
        if !options.applicationProtocols.isEmpty {
            var wire: [UInt8] = []
            for name in options.applicationProtocols {
                wire.append(UInt8(name.utf8.count))
                wire += name.utf8
            }
            _ = SSL_set_alpn_protos(ssl, wire, UInt32(wire.count))
        }
        if let session = options.session { _ = SSL_set_session(ssl, session) }
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
    }

    func handshake() -> Step {
        ERR_clear_error()
        return step(SSL_do_handshake(ssl))
    }

    /// Sends what the socket takes of `bytes`; returns the count accepted.
    func write(_ bytes: ArraySlice<UInt8>) -> (Int, Step) {
        guard !bytes.isEmpty else { return (0, .done) }
        var count = 0
        ERR_clear_error()
        let result = bytes.withUnsafeBytes { SSL_write_ex(ssl, $0.baseAddress, $0.count, &count) }
        return result == 1 ? (count, .done) : (0, step(result))
    }

    /// Reads everything available now.
    func readAvailable() -> ([UInt8], Step) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            var count = 0
            ERR_clear_error()
            let result = buffer.withUnsafeMutableBytes { SSL_read_ex(ssl, $0.baseAddress, $0.count, &count) }
            guard result == 1 else { return (received, step(result)) }
            received += buffer[0..<count]
        }
    }

    /// The client's session after the handshake, with the tickets read (TLS 1.3 sends them late).
    func session() -> OpaquePointer? {
        _ = readAvailable()
        return SSL_get1_session(ssl)
    }

    var negotiatedProtocol: String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    var protocolVersion: String { String(cString: SSL_get_version(ssl)) }

    private func step(_ result: Int32) -> Step {
        if result == 1 { return .done }
        let code = SSL_get_error(ssl, result)
        switch code {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        default: return .failed(code)
        }
    }
}
