/// Why a feed or a page fetched by the poller was not usable, besides transfer errors.
enum PollFailure: Error, Sendable, CustomStringConvertible {
    /// The server answered with an error status.
    case http(Int)
    /// robots.txt forbids the address.
    case disallowed(String)
    /// The origin's robots.txt could not be read, which forbids the whole site for a while.
    case robotsUnavailable(String)
    /// The address is not an absolute http or https URL.
    case badAddress(String)

    var description: String {
        switch self {
        case .http(let status): "HTTP \(status)"
        case .disallowed(let url): "robots.txt forbids \(url)"
        case .robotsUnavailable(let origin): "robots.txt of \(origin) could not be read; the site waits until it can"
        case .badAddress(let url): "not an http or https address: \(url)"
        }
    }

    /// Whether trying again later is pointless (a 4xx other than 408 and 429).
    var isPermanent: Bool {
        switch self {
        case .http(let status): (400..<500).contains(status) && status != 408 && status != 429
        case .disallowed, .badAddress: true
        case .robotsUnavailable: false
        }
    }
}
