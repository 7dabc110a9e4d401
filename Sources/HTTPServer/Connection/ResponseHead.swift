import HTTPTypes

/// Writes a response's status line and header section as bytes.
enum ResponseHead {
    /// How the body that follows the head is framed.
    enum Framing {
        /// `Content-Length: n` (also for HEAD and 304, where no body follows).
        case length(Int)
        /// `Transfer-Encoding: chunked`.
        case chunked
        /// No length; the body ends when the connection closes (a stream to an HTTP/1.0 client).
        case untilClose
        /// Neither length nor encoding (1xx, 204).
        case none
    }

    /// Fields the server itself writes; a handler's copies of them are dropped. A list, not a
    /// set: comparing a name with six is cheaper than hashing it, for every field of every response.
    private static let serverOwned: [HTTPField.Name] = [.contentLength, .transferEncoding, .connection, .date, .server, .requestID]

    /// The head's bytes, with the fields the server owns: `Date`, `Server`, `X-Request-ID`, the
    /// framing and `Connection`. Written here rather than set on the response, whose fields
    /// would then be copied when a middleware or a cache holds them too.
    static func bytes(
        for head: HTTPResponse, framing: Framing, keepAlive: Bool, version: HTTPVersion,
        date: String, serverName: String, requestID: String
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + head.headerFields.count * 32)
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        out.append(contentsOf: String(head.status.code).utf8)
        out.append(0x20)
        out.append(contentsOf: head.status.reasonPhrase.utf8)
        out.append(contentsOf: "\r\nDate: ".utf8)
        out.append(contentsOf: date.utf8)
        out.append(contentsOf: "\r\nServer: ".utf8)
        out.append(contentsOf: serverName.utf8)
        out.append(contentsOf: "\r\nX-Request-ID: ".utf8)
        out.append(contentsOf: requestID.utf8)
        for field in head.headerFields where !serverOwned.contains(field.name) {
            out.append(contentsOf: "\r\n".utf8)
            out.append(contentsOf: field.name.rawName.utf8)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: field.value.utf8)
        }
        switch framing {
        case .length(let count):
            out.append(contentsOf: "\r\nContent-Length: ".utf8)
            out.append(contentsOf: String(count).utf8)
        case .chunked:
            out.append(contentsOf: "\r\nTransfer-Encoding: chunked".utf8)
        case .untilClose, .none:
            break
        }
        if !keepAlive {
            out.append(contentsOf: "\r\nConnection: close".utf8)
        } else if version == .http1_0 {
            out.append(contentsOf: "\r\nConnection: keep-alive".utf8)
        }
        out.append(contentsOf: "\r\n\r\n".utf8)
        return out
    }

    /// The interim response that answers `Expect: 100-continue`.
    static let continueBytes: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// A chunk of a chunked body: size in hex, CRLF, data, CRLF.
    static func chunk(_ bytes: [UInt8]) -> [UInt8] {
        var out = Array(String(bytes.count, radix: 16).utf8)
        out.reserveCapacity(out.count + bytes.count + 4)
        out.append(contentsOf: [0x0D, 0x0A])
        out.append(contentsOf: bytes)
        out.append(contentsOf: [0x0D, 0x0A])
        return out
    }

    /// The last chunk and the empty trailer section.
    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)
}
