extension String {
    /// The Unicode scalars in the string, counted as its UTF-8 bytes that begin one: a loop the
    /// compiler vectorises, where `unicodeScalars.count` decodes every scalar. Write bodies
    /// measure lengths and quote bounds in scalars.
    var scalarCount: Int {
        var text = self
        return text.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }
}
