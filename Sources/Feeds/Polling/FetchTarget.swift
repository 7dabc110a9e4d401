#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The parts of an address politeness needs: the origin whose robots.txt and turn apply, and
/// the path with its query that robots.txt rules match.
struct FetchTarget: Sendable, Hashable {
    /// `scheme://host[:port]`, lowercased.
    let origin: String
    /// The host alone, lowercased: requests take turns per host, whatever the port.
    let host: String
    /// The path and query, `/` at least.
    let pathAndQuery: String

    init?(_ address: String) {
        guard let components = URLComponents(string: address), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        let port = components.port.map { ":\($0)" } ?? ""
        origin = "\(scheme)://\(host)\(port)"
        self.host = host
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        pathAndQuery = components.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    var robotsURL: String { origin + "/robots.txt" }
}
