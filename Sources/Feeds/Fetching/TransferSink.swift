import CCurl

/// Where libcurl's callbacks put a transfer's header fields and body. libcurl calls them on
/// the thread running `curl_easy_perform`, the only thread that touches this object.
final class TransferSink {
    let limit: Int
    let cancellation: WebCancellation?
    private(set) var body: [UInt8] = []
    private(set) var headers: [(name: String, value: String)] = []
    /// Set when the body outgrew `limit` and the write callback refused it.
    private(set) var exceeded = false
    /// Set when a connection to an internal address was refused.
    private(set) var refusedAddress = false

    init(limit: Int, cancellation: WebCancellation?) {
        self.limit = limit
        self.cancellation = cancellation
    }

    private static func from(_ context: UnsafeMutableRawPointer?) -> TransferSink {
        Unmanaged<TransferSink>.fromOpaque(context!).takeUnretainedValue()
    }

    /// The write callback: keeps the bytes, or refuses them once the body would pass `limit`
    /// (a short count makes libcurl end the transfer with a write error).
    static let receiveBody: dateline_curl_callback = { data, size, count, context in
        let sink = TransferSink.from(context)
        let length = size * count
        guard sink.body.count + length <= sink.limit else {
            sink.exceeded = true
            return 0
        }
        if let data, length > 0 {
            sink.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
        }
        return length
    }

    /// The header callback: one line at a time. A status line starts a new response (after a
    /// redirect or a `100 Continue`), so the fields kept are those of the final response.
    static let receiveHeader: dateline_curl_callback = { data, size, count, context in
        let sink = TransferSink.from(context)
        let length = size * count
        guard let data, length > 0 else { return length }
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
        sink.take(headerLine: line)
        return length
    }

    /// The progress callback: a non-zero answer aborts the transfer.
    static let reportProgress: dateline_curl_progress_callback = { context, _, _, _, _ in
        TransferSink.from(context).cancellation?.isCancelled == true ? 1 : 0
    }

    /// The open-socket callback, installed only when internal addresses are refused: refuses them (every connection,
    /// redirects included, passes here after name resolution), else opens the socket.
    static let openSocket: dateline_curl_opensocket_callback = { context, _, address in
        let sink = TransferSink.from(context)
        guard let address else { return CURL_SOCKET_BAD }
        if dateline_curl_address_is_internal(address) != 0 {
            sink.refusedAddress = true
            return CURL_SOCKET_BAD
        }
        return dateline_curl_open_socket(address)
    }

    private func take(headerLine line: String) {
        let trimmed = line.trimmed()
        if trimmed.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = String(trimmed[..<colon]).trimmed()
        let value = String(trimmed[trimmed.index(after: colon)...]).trimmed()
        headers.append((name, value))
    }
}
