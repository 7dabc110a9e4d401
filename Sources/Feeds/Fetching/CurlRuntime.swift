import CCurl

/// libcurl's process-wide setup, done once before the first transfer.
enum CurlRuntime {
    /// `curl_global_init` is not thread-safe itself; a static let runs it exactly once.
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    static func initializeOnce() {
        _ = initialized
    }
}
