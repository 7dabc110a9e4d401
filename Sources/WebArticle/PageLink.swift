import Foundation

/// Resolves the URLs a page names against the page's own address.
enum PageLink {
    /// `reference` made absolute against `base`; `reference` itself when it already is, nil when
    /// neither yields an http(s) URL.
    static func resolve(_ reference: String, against base: String?) -> String? {
        let trimmed = Whitespace.normalize(reference)
        guard !trimmed.isEmpty else { return nil }
        if let absolute = URL(string: trimmed), let scheme = absolute.scheme?.lowercased() {
            return scheme == "http" || scheme == "https" ? absolute.absoluteString : nil
        }
        guard let base, let baseURL = URL(string: base), let resolved = URL(string: trimmed, relativeTo: baseURL) else { return nil }
        let scheme = resolved.scheme?.lowercased()
        return scheme == "http" || scheme == "https" ? resolved.absoluteURL.absoluteString : nil
    }
}
