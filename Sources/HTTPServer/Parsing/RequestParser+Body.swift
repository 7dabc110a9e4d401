extension RequestParser {
    /// Where the body of the pending request stands.
    enum BodyState: Sendable {
        case none
        case remaining(Int)
        case chunked(ChunkedDecoder)
    }

    /// Makes `head` the pending request and prepares to read its body.
    mutating func startBody(of head: RequestHead) {
        pending = head
        body = []
        switch head.framing {
        case .none:
            bodyState = .none
        case .length(let length):
            // Reserve modestly: the announced length is a claim, not bytes received.
            body.reserveCapacity(min(length, 64 * 1024))
            bodyState = .remaining(length)
        case .chunked:
            let fieldCount = builder?.fieldCount ?? 0
            let fieldBytes = builder?.fieldBytes ?? 0
            bodyState = .chunked(ChunkedDecoder(limits: limits, fieldCount: fieldCount, fieldBytes: fieldBytes))
        }
    }

    /// Moves buffered body bytes into `body`; true once the body is complete.
    mutating func readBody() throws(HTTPError) -> Bool {
        switch bodyState {
        case .none:
            return true
        case .remaining(let remaining):
            let count = min(remaining, buffer.count - readIndex)
            body.append(contentsOf: buffer[readIndex..<(readIndex + count)])
            readIndex += count
            bodyState = .remaining(remaining - count)
            return count == remaining
        case .chunked(var decoder):
            let done = try decoder.decode(buffer, at: &readIndex, into: &body)
            bodyState = .chunked(decoder)
            return done
        }
    }
}
