public import HTTPTypes

extension HTTPFields {
    /// The value of the field `name`, as `self[name]` reads it: nil when absent, and the values
    /// of a repeated field joined by commas (semicolons for `Cookie`).
    ///
    /// The subscript joins even a single value through a generic lazy sequence, which costs
    /// 600 to 900 ns a lookup on Linux; this returns the usual single value as it is, in about
    /// 100. A request reads about ten on its way through the middleware.
    public func value(_ name: HTTPField.Name) -> String? {
        var found: String?
        for field in self where field.name == name {
            if found != nil { return self[name] }
            found = field.value
        }
        return found
    }
}
