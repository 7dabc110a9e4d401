import HTTPTypes

extension HTTPField.Name {
    /// `Link` (RFC 8288): where the next page of a list is.
    static let link = HTTPField.Name("Link")!
}
