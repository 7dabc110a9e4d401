public import HTTPTypes

extension HTTPField.Name {
    /// `X-Request-ID`: the id that ties a request to its log line.
    public static let requestID = HTTPField.Name("X-Request-ID")!
}
