extension RequestParser {
    /// Decodes a chunked body (RFC 9112 section 7.1) incrementally, as its bytes arrive.
    struct ChunkedDecoder: Sendable {
        private enum State: Sendable {
            case size
            case data(remaining: Int)
            case dataEnd
            case trailers
            case done
        }

        /// The longest chunk-size line, extensions included, that is accepted.
        static let maxSizeLineBytes = 4096
        /// More hex digits than this cannot be a size anyone means.
        private static let maxSizeDigits = 16

        private var state = State.size
        private var scanner = LineScanner()
        private var decodedBytes = 0
        private let maxBodyBytes: Int
        private var trailerBytesLeft: Int
        private var trailerFieldsLeft: Int

        /// A decoder that refuses a body over `limits.bodyBytes`, and trailers that, added to a
        /// head of `fieldCount` fields in `fieldBytes`, go over the header limits.
        init(limits: HTTPServerConfiguration.Limits, fieldCount: Int, fieldBytes: Int) {
            maxBodyBytes = limits.bodyBytes
            trailerFieldsLeft = limits.headerCount - fieldCount
            trailerBytesLeft = limits.headerBytes - fieldBytes
        }

        /// Consumes what it can from `buffer` at `index`, appending decoded data to `body`.
        /// Returns true once the last chunk, trailers and final CRLF have been read.
        mutating func decode(_ buffer: [UInt8], at index: inout Int, into body: inout [UInt8]) throws(HTTPError) -> Bool {
            while true {
                switch state {
                case .size:
                    guard let line = try nextLine(buffer, at: index, maxLength: Self.maxSizeLineBytes) else { return false }
                    index = line.upperBound + 2
                    let size = try Self.chunkSize(buffer[line])
                    guard size <= maxBodyBytes - decodedBytes else {
                        throw RequestParser.failure(.contentTooLarge, "Request body larger than \(maxBodyBytes) bytes")
                    }
                    decodedBytes += size
                    state = size == 0 ? .trailers : .data(remaining: size)
                case .data(let remaining):
                    let count = min(remaining, buffer.count - index)
                    guard count > 0 else { return false }
                    body.append(contentsOf: buffer[index..<(index + count)])
                    index += count
                    state = count == remaining ? .dataEnd : .data(remaining: remaining - count)
                case .dataEnd:
                    guard index < buffer.count else { return false }
                    guard buffer[index] == Syntax.cr else { throw Self.missingDataEnd }
                    guard index + 1 < buffer.count else { return false }
                    guard buffer[index + 1] == Syntax.lf else { throw Self.missingDataEnd }
                    index += 2
                    state = .size
                case .trailers:
                    guard let line = try nextLine(buffer, at: index, maxLength: max(0, trailerBytesLeft - 2)) else {
                        return false
                    }
                    index = line.upperBound + 2
                    if line.isEmpty {
                        state = .done
                    } else {
                        try checkTrailer(buffer[line])
                    }
                case .done:
                    return true
                }
            }
        }

        private static let missingDataEnd = RequestParser.failure(.badRequest, "Chunk data not followed by CRLF")

        /// The next line's content range, nil when it has not ended yet.
        private mutating func nextLine(_ buffer: [UInt8], at index: Int, maxLength: Int) throws(HTTPError) -> Range<Int>? {
            switch scanner.nextLine(in: buffer, from: index, maxLength: maxLength) {
            case .line(let range):
                return range
            case .needMore:
                return nil
            case .tooLong:
                if case .trailers = state {
                    throw RequestParser.failure(.requestHeaderFieldsTooLarge, "Header section and trailers larger than the header limit")
                }
                throw RequestParser.failure(.badRequest, "Chunk size line longer than \(Self.maxSizeLineBytes) bytes")
            case .bareCR, .bareLF:
                throw RequestParser.failure(.badRequest, "Chunked body line not ended by CRLF")
            }
        }

        /// A trailer field follows the header field rules and counts toward the header limits;
        /// its value is not used.
        private mutating func checkTrailer(_ line: ArraySlice<UInt8>) throws(HTTPError) {
            trailerFieldsLeft -= 1
            trailerBytesLeft -= line.count + 2
            guard trailerFieldsLeft >= 0, trailerBytesLeft >= 0 else {
                throw RequestParser.failure(.requestHeaderFieldsTooLarge, "Header fields and trailer fields over the header limits")
            }
            _ = try FieldLine(parsing: line)
        }

        /// `chunk-size [ chunk-ext ]`: hex digits, then optionally `;` extensions, which are ignored.
        static func chunkSize(_ line: ArraySlice<UInt8>) throws(HTTPError) -> Int {
            let digitsEnd = line.firstIndex { Syntax.hexValue($0) == nil } ?? line.endIndex
            let digits = line[..<digitsEnd]
            guard !digits.isEmpty else {
                throw RequestParser.failure(.badRequest, "Chunk size is not a hexadecimal number")
            }
            guard digits.count <= maxSizeDigits else {
                throw RequestParser.failure(.badRequest, "Chunk size has too many digits")
            }
            var size = 0
            for digit in digits {
                let (shifted, overflow) = size.multipliedReportingOverflow(by: 16)
                guard !overflow else {
                    throw RequestParser.failure(.badRequest, "Chunk size overflows")
                }
                size = shifted + Syntax.hexValue(digit)!
            }
            let rest = line[digitsEnd...]
            let extensions = rest.drop(while: Syntax.isWhitespace)
            guard rest.isEmpty || (extensions.first == Syntax.semicolon && extensions.allSatisfy(Syntax.isFieldValue)) else {
                throw RequestParser.failure(.badRequest, "Chunk size is followed by something other than an extension")
            }
            return size
        }
    }
}
