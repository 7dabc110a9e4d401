#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An article address in the one form used to recognise the same article reached by different
/// links: scheme and host lowercased, default ports and the fragment dropped, tracking query
/// parameters (`utm_*`, `fbclid`, `gclid`...) removed and the others kept in their order.
///
/// ```swift
/// let url = CanonicalURL("HTTPS://News.Example.org:443/a?id=7&utm_source=rss#top")
/// url?.string  // "https://news.example.org/a?id=7"
/// CanonicalURL.resolve("../a", against: "https://x/y/z")  // "https://x/a"
/// ```
public struct CanonicalURL: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The canonical address.
    public let string: String
    /// The lowercased host.
    public let host: String

    /// The canonical form of an absolute `http` or `https` address; nil for anything else.
    public init?(_ address: String) {
        let trimmed = address.trimmed()
        guard var components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        components.scheme = scheme
        components.host = host
        if components.port == Self.defaultPorts[scheme] { components.port = nil }
        components.fragment = nil
        if components.percentEncodedPath.isEmpty { components.percentEncodedPath = "/" }
        let kept = (components.percentEncodedQueryItems ?? []).filter { !Self.isTracking($0.name) }
        components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        guard let string = components.string else { return nil }
        self.string = string
        self.host = host
    }

    /// The canonical form of `reference` read relative to `base` (an absolute address).
    public init?(_ reference: String, relativeTo base: String) {
        guard let absolute = Self.resolve(reference, against: base) else { return nil }
        self.init(absolute)
    }

    /// `reference` resolved against `base` as a browser would (RFC 3986 section 5), without
    /// any other change; nil when either cannot be read as a URL.
    public static func resolve(_ reference: String, against base: String) -> String? {
        let trimmed = reference.trimmed()
        guard let baseURL = URL(string: base.trimmed()),
            let resolved = URL(string: trimmed, relativeTo: baseURL)
        else { return nil }
        return resolved.absoluteString
    }

    /// Whether a query parameter named `name` only tracks where a reader came from.
    static func isTracking(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasPrefix("utm_") || trackingParameters.contains(lowered)
    }

    /// Query parameters dropped besides every `utm_*` one.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "mc_cid", "mc_eid", "ref", "ref_src", "cmpid", "ocid",
        "_ga", "_gl", "igshid", "icid", "wt.mc_id", "at_medium", "at_campaign", "smid",
    ]

    private static let defaultPorts = ["http": 80, "https": 443]

    public var description: String { string }
}
