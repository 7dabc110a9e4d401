import HTTPTypes
import Testing

@testable import HTTPServer

/// A parsed request reduced to comparable values.
struct ParsedRequest: Equatable, CustomStringConvertible {
    var method: String
    var target: String?
    var authority: String?
    var version: HTTPVersion
    var path: String
    var query: [QueryItem]
    var body: String
    var keepAlive: Bool
    var fields: [String]

    init(_ request: Request) {
        method = request.method.rawValue
        target = request.head.path
        authority = request.head.authority
        version = request.version
        path = request.path
        query = request.query
        body = String(decoding: request.body, as: UTF8.self)
        keepAlive = request.keepAlive
        fields = request.headerFields.map { "\($0.name.rawName): \($0.value)" }
    }

    var description: String {
        "\(method) \(target ?? "-") \(version) path=\(path) query=\(query) body=\(body.debugDescription) keepAlive=\(keepAlive)"
    }
}

/// What the parser said, in a form tests can compare.
enum Outcome: Equatable, CustomStringConvertible {
    case request(ParsedRequest)
    case continueExpected
    case failure(Int, String)

    var description: String {
        switch self {
        case .request(let request): "request(\(request))"
        case .continueExpected: "continueExpected"
        case .failure(let status, let detail): "failure(\(status), \(detail))"
        }
    }

    /// The parsed request, when this is one.
    var request: ParsedRequest? {
        if case .request(let request) = self { return request }
        return nil
    }

    /// The failure status code, when this is one.
    var status: Int? {
        if case .failure(let status, _) = self { return status }
        return nil
    }
}

/// Feeds a parser in pieces and checks that how the bytes are split never changes the result.
enum ParserHarness {
    /// Limits small enough to reach in a test.
    static func limits(
        requestLine: Int = 8 * 1024, headerBytes: Int = 16 * 1024, headerCount: Int = 100, body: Int = 1024 * 1024
    ) -> HTTPServerConfiguration.Limits {
        var limits = HTTPServerConfiguration.Limits()
        limits.requestLineBytes = requestLine
        limits.headerBytes = headerBytes
        limits.headerCount = headerCount
        limits.bodyBytes = body
        return limits
    }

    /// Appends each piece in turn and drains the parser after each; stops at the first failure.
    static func run(_ pieces: [[UInt8]], limits: HTTPServerConfiguration.Limits = .init()) -> [Outcome] {
        var parser = RequestParser(limits: limits)
        var outcomes: [Outcome] = []
        for piece in pieces {
            parser.append(piece)
            while true {
                switch parser.next() {
                case .needMore:
                    break
                case .continueExpected:
                    outcomes.append(.continueExpected)
                    continue
                case .request(let request):
                    outcomes.append(.request(ParsedRequest(request)))
                    continue
                case .failure(let error):
                    #expect(error.closeConnection)
                    outcomes.append(.failure(Int(error.status.code), error.detail ?? ""))
                    return outcomes
                }
                break
            }
        }
        return outcomes
    }

    /// Parses `input` whole, then split in two at every byte position (and one byte at a time
    /// when asked), expecting the same outcomes each way. `100 Continue` depends on how the
    /// body arrives, so it is compared only as "at most once before each request".
    static func parse(
        _ input: String,
        limits: HTTPServerConfiguration.Limits = .init(),
        oneByteAtATime: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> [Outcome] {
        let bytes = Array(input.utf8)
        let whole = run([bytes], limits: limits)
        var splits: [(String, [[UInt8]])] = (1..<max(bytes.count, 1)).map { cut in
            ("split at \(cut)", [Array(bytes[..<cut]), Array(bytes[cut...])])
        }
        if oneByteAtATime {
            splits.append(("one byte at a time", bytes.map { [$0] }))
        }
        for (name, pieces) in splits {
            let outcomes = run(pieces, limits: limits)
            #expect(withoutContinue(outcomes) == withoutContinue(whole), "\(name)", sourceLocation: sourceLocation)
            #expect(continuesAreSingle(outcomes), "\(name): \(outcomes)", sourceLocation: sourceLocation)
        }
        return whole
    }

    /// The single outcome of `input`, checked at every split.
    static func single(
        _ input: String,
        limits: HTTPServerConfiguration.Limits = .init(),
        oneByteAtATime: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Outcome? {
        let outcomes = parse(input, limits: limits, oneByteAtATime: oneByteAtATime, sourceLocation: sourceLocation)
        #expect(outcomes.count == 1, "\(outcomes)", sourceLocation: sourceLocation)
        return outcomes.first
    }

    /// The failure status of `input`, or nil when it did not fail.
    static func status(
        _ input: String,
        limits: HTTPServerConfiguration.Limits = .init(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int? {
        parse(input, limits: limits, sourceLocation: sourceLocation).last?.status
    }

    /// The request `input` parses to, or nil when it did not parse to exactly one.
    static func request(
        _ input: String,
        limits: HTTPServerConfiguration.Limits = .init(),
        oneByteAtATime: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ParsedRequest? {
        single(input, limits: limits, oneByteAtATime: oneByteAtATime, sourceLocation: sourceLocation)?.request
    }

    private static func withoutContinue(_ outcomes: [Outcome]) -> [Outcome] {
        outcomes.filter { $0 != .continueExpected }
    }

    private static func continuesAreSingle(_ outcomes: [Outcome]) -> Bool {
        var seen = false
        for outcome in outcomes {
            if outcome == .continueExpected {
                if seen { return false }
                seen = true
            } else {
                seen = false
            }
        }
        return true
    }
}
