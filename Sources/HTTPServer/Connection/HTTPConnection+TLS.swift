#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HTTPConnection {
    /// Reads from the socket, or decrypts from TLS: a count, 0 at the end of the stream, or -1
    /// with `errno` set (EAGAIN when there is nothing for now).
    func receive(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let tls else { return Posix.read(descriptor, into: buffer) }
        let (count, outcome) = tls.read(into: buffer)
        if count > 0 { return count }
        switch outcome {
        case .done, .wantRead:
            errno = EAGAIN
            return -1
        case .wantWrite:
            machine.writeBlocked(now: .now())
            errno = EAGAIN
            return -1
        case .closed:
            return 0
        case .failed:
            errno = ECONNRESET
            return -1
        }
    }

    /// Moves the TLS handshake on; once done, reads requests as usual.
    func advanceHandshake() {
        guard let tls, machine.isHandshaking else { return }
        switch tls.handshake() {
        case .done:
            machine.handshakeCompleted(now: .now())
            perform([])
            readable()
        case .wantRead:
            machine.handshakeWaits(forWriting: false)
            perform([])
        case .wantWrite:
            machine.handshakeWaits(forWriting: true)
            perform([])
        case .closed:
            perform(machine.close())
        case .failed(let error) where error.kind == .plainHTTP:
            answerPlainHTTPOnTLSPort()
        case .failed:
            perform(machine.close())
        }
    }

    /// A plain-HTTP request on the TLS port gets a short plain-text 400, then the connection
    /// closes: a clear answer instead of a hang or a TLS alert the client cannot read.
    private func answerPlainHTTPOnTLSPort() {
        let body = "This port speaks HTTPS; use an https:// URL.\n"
        let text =
            "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        _ = text.withCString { Posix.send(descriptor, $0, strlen($0)) }
        shutdown(descriptor, Int32(SHUT_WR))
        perform(machine.close())
    }
}
