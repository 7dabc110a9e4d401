extension RequestParser {
    /// Finds CRLF-terminated lines in a growing buffer, remembering how far it has looked so that
    /// a line arriving in many small pieces is scanned once, not once per piece.
    struct LineScanner: Sendable {
        /// What the buffered bytes from a line's start say.
        enum Result: Equatable {
            /// A whole line: the range of its content, CRLF excluded (the CRLF follows it).
            case line(Range<Int>)
            /// The line has not ended yet.
            case needMore
            /// More than the allowed number of bytes arrived without a line end.
            case tooLong
            /// A CR not followed by LF.
            case bareCR
            /// An LF not preceded by CR.
            case bareLF
        }

        /// How many bytes of the current line have been looked at, counted from its start.
        private(set) var scanned = 0

        /// Looks for the end of the line that starts at `start`, allowing at most `maxLength`
        /// bytes of content. After `.line`, the next call must pass the start of the next line.
        mutating func nextLine(in buffer: [UInt8], from start: Int, maxLength: Int) -> Result {
            let result = buffer.withUnsafeBufferPointer { bytes -> Result in
                var index = start + scanned
                while index < bytes.count {
                    if index - start > maxLength { return .tooLong }
                    let byte = bytes[index]
                    // Only CR and LF end or break a line; everything else is content.
                    if byte > Syntax.cr || (byte != Syntax.cr && byte != Syntax.lf) {
                        index += 1
                        continue
                    }
                    if byte == Syntax.lf { return .bareLF }
                    guard index + 1 < bytes.count else {
                        scanned = index - start
                        return .needMore
                    }
                    return bytes[index + 1] == Syntax.lf ? .line(start..<index) : .bareCR
                }
                scanned = index - start
                return scanned > maxLength ? .tooLong : .needMore
            }
            if case .line = result { scanned = 0 }
            return result
        }
    }
}
