import CCurl

/// One GET (or, with a body, POST) request on its own libcurl easy handle: set up in `init`, run once by `perform`,
/// cleaned up in `deinit`. Used by one thread from start to end.
final class CurlTransfer {
    private let handle: UnsafeMutableRawPointer
    private let url: String
    private let sink: TransferSink
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private let maxRedirects: Int

    init(
        url: String, configuration: WebClient.Configuration, headers: [(name: String, value: String)], cancellation: WebCancellation?,
        body: [UInt8]? = nil
    ) throws {
        CurlRuntime.initializeOnce()
        guard let handle = curl_easy_init() else { throw WebFetchError(.other, "libcurl could not create a handle") }
        self.handle = handle
        self.url = url
        self.maxRedirects = configuration.maxRedirects
        sink = TransferSink(
            limit: configuration.maxBodyBytes, cancellation: cancellation)
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        // A value from a server (an ETag, say) must not smuggle extra lines into the request.
        for (name, value) in headers where !(name + value).contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            headerList = curl_slist_append(headerList, "\(name): \(value)")
        }
        try configure(configuration)
        if let body { try setBody(body) }
    }

    /// Makes the request a POST of `body`, which libcurl copies. A POST follows no redirect:
    /// libcurl would send it again as a GET without its body.
    private func setBody(_ body: [UInt8]) throws {
        try set(CURLOPT_FOLLOWLOCATION, 0)
        guard !body.isEmpty else { return try set(CURLOPT_COPYPOSTFIELDS, "") }
        try check(dateline_curl_set_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
        try body.withUnsafeBytes { bytes in
            try check(dateline_curl_set_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress)))
        }
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configure(_ configuration: WebClient.Configuration) throws {
        try set(CURLOPT_URL, url)
        try set(CURLOPT_USERAGENT, configuration.userAgent)
        // An empty string asks for every coding this libcurl can decode (gzip, deflate, br...).
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_FOLLOWLOCATION, 1)
        try set(CURLOPT_MAXREDIRS, configuration.maxRedirects)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout))
        try set(CURLOPT_TIMEOUT_MS, Self.milliseconds(configuration.timeout))
        // Timeouts must not use SIGALRM: transfers run on many threads at once.
        try set(CURLOPT_NOSIGNAL, 1)
        try check(dateline_curl_set_off(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxBodyBytes)))
        try check(dateline_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        if let headerList {
            try check(dateline_curl_set_pointer(handle, CURLOPT_HTTPHEADER, headerList))
        }
        let context = Unmanaged.passUnretained(sink).toOpaque()
        try check(dateline_curl_set_callback(handle, CURLOPT_WRITEFUNCTION, TransferSink.receiveBody))
        try check(dateline_curl_set_pointer(handle, CURLOPT_WRITEDATA, context))
        try check(dateline_curl_set_callback(handle, CURLOPT_HEADERFUNCTION, TransferSink.receiveHeader))
        try check(dateline_curl_set_pointer(handle, CURLOPT_HEADERDATA, context))
        if configuration.blocksInternalAddresses {
            try check(dateline_curl_set_opensocket(handle, TransferSink.openSocket))
            try check(dateline_curl_set_pointer(handle, CURLOPT_OPENSOCKETDATA, context))
        }
        if sink.cancellation != nil {
            try set(CURLOPT_NOPROGRESS, 0)
            try check(dateline_curl_set_progress(handle, TransferSink.reportProgress))
            try check(dateline_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context))
        }
    }

    /// Runs the transfer to its end; `sink` is alive throughout, as `self` holds it.
    func perform() throws -> WebResponse {
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else { throw error(for: code) }
        var status = 0
        _ = dateline_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        _ = dateline_curl_get_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? url
        return WebResponse(status: status, headers: sink.headers, body: sink.body, finalURL: finalURL)
    }

    private func error(for code: CURLcode) -> WebFetchError {
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return WebFetchError(.timeout, detail)
        case CURLE_FILESIZE_EXCEEDED:
            return WebFetchError(.tooLarge, "the body is larger than \(sink.limit) bytes")
        case CURLE_WRITE_ERROR where sink.exceeded:
            return WebFetchError(.tooLarge, "the body grew past \(sink.limit) bytes")
        case CURLE_COULDNT_CONNECT where sink.refusedAddress:
            return WebFetchError(.forbiddenAddress, "refused to connect to an internal address: \(detail)")
        case CURLE_ABORTED_BY_CALLBACK:
            return WebFetchError(.cancelled, "the transfer was cancelled")
        case CURLE_TOO_MANY_REDIRECTS:
            return WebFetchError(.tooManyRedirects, "more than \(maxRedirects) redirects")
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
            CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_SSL_CONNECT_ERROR:
            return WebFetchError(.connection, detail)
        default:
            return WebFetchError(.other, detail)
        }
    }

    private func set(_ option: CURLoption, _ value: String) throws {
        // libcurl copies string options, so the C string need only live through the call.
        try check(dateline_curl_set_string(handle, option, value))
    }

    private func set(_ option: CURLoption, _ value: Int) throws {
        try check(dateline_curl_set_long(handle, option, value))
    }

    private func check(_ code: CURLcode) throws {
        guard code == CURLE_OK else {
            throw WebFetchError(.other, "libcurl refused an option: \(String(cString: curl_easy_strerror(code)))")
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
