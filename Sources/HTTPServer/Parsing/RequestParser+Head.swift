extension RequestParser {
    /// Reads head lines from where the last call stopped; the checked head once its empty line
    /// has arrived, nil while it is incomplete. Limits are enforced as bytes arrive, not only
    /// when a line ends.
    mutating func readHead() throws(HTTPError) -> RequestHead? {
        while builder == nil {
            guard let line = try nextHeadLine(maxLength: limits.requestLineBytes) else { return nil }
            if line.isEmpty {
                // RFC 9112 section 2.2: empty lines before a request line are ignored.
                leadingEmptyLines += 1
                guard leadingEmptyLines <= Self.maxLeadingEmptyLines else {
                    throw Self.failure(.badRequest, "Too many empty lines before the request line")
                }
                continue
            }
            builder = HeadBuilder(line: try RequestLine(parsing: buffer[line]))
        }
        // The builder is changed in place through `self`: a local copy would make its fields
        // storage shared and copied on every append.
        while true {
            let budget = max(0, limits.headerBytes - (builder?.fieldBytes ?? 0) - 2)
            guard let line = try nextHeadLine(maxLength: budget) else { return nil }
            if line.isEmpty {
                return try builder?.finish(limits: limits)
            }
            try builder?.appendField(buffer[line], limits: limits)
        }
    }

    /// The next line of the head, consumed; nil when it has not ended yet.
    private mutating func nextHeadLine(maxLength: Int) throws(HTTPError) -> Range<Int>? {
        switch scanner.nextLine(in: buffer, from: readIndex, maxLength: maxLength) {
        case .line(let range):
            readIndex = range.upperBound + 2
            return range
        case .needMore:
            return nil
        case .tooLong:
            if builder == nil {
                throw Self.failure(.uriTooLong, "Request line longer than \(limits.requestLineBytes) bytes")
            }
            throw Self.failure(.requestHeaderFieldsTooLarge, "Header section larger than \(limits.headerBytes) bytes")
        case .bareCR:
            throw Self.failure(.badRequest, "Bare CR in the request head")
        case .bareLF:
            throw Self.failure(.badRequest, "Line in the request head ended by LF without CR")
        }
    }
}
