/// An error thrown while a matched route answered, with the route's template, so that the
/// problem response made of it is still counted under its route.
public struct RoutedError: Error {
    /// The template of the route that was answering (`/events/{id}`).
    public let route: String
    /// What it threw.
    public let underlying: any Error

    public init(route: String, underlying: any Error) {
        self.route = route
        self.underlying = underlying
    }

    /// The error itself, whether or not a route threw it.
    public static func unwrap(_ error: any Error) -> any Error {
        (error as? RoutedError)?.underlying ?? error
    }
}
