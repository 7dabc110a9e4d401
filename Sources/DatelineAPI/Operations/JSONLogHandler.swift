import HTTPServer
public import Logging

/// A swift-log handler that writes one JSON object a line: `time`, `level`, `message`, `label`,
/// then the metadata, numbers as numbers.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let sink: LogSink

    /// A handler writing to standard output.
    public init(label: String) {
        self.init(label: label, sink: .standardOutput)
    }

    /// A handler writing to the given sink (tests pass their own).
    public init(label: String, sink: LogSink) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var members: [(String, JSONValue)] = [
            ("time", .string(Self.timestamp())), ("level", .string(event.level.rawValue)),
            ("message", .string(event.message.description)), ("label", .string(label)),
        ]
        for key in merged.keys.sorted() {
            members.append((key, Self.json(merged[key]!)))
        }
        var line: [UInt8] = []
        JSONWriter.appendObject(members, to: &line)
        line.append(UInt8(ascii: "\n"))
        sink.write(String(decoding: line, as: UTF8.self))
        // Errors are written before the caller goes on: the process may be about to end.
        if event.level >= .error { sink.flush() }
    }

    /// A metadata value as JSON: integers, finite doubles and booleans as themselves, other
    /// convertible values as their descriptions.
    static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text):
            .string(text)
        case .stringConvertible(let convertible):
            switch convertible {
            case let number as Int: .int(number)
            case let number as Double where number.isFinite: .number(number)
            case let flag as Bool: .bool(flag)
            default: .string(convertible.description)
            }
        case .array(let items):
            .array(items.map(json))
        case .dictionary(let members):
            .object(members.mapValues(json))
        }
    }

    /// The current time as RFC 3339 with milliseconds, UTC.
    static func timestamp() -> String {
        var bytes: [UInt8] = []
        LogTimestamp.append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Where log lines go: standard output through its ``LogWriter``, or a closure.
public struct LogSink: Sendable {
    public let write: @Sendable (String) -> Void
    /// Writes out what `write` may still hold.
    public let flush: @Sendable () -> Void

    public init(write: @escaping @Sendable (String) -> Void, flush: @escaping @Sendable () -> Void = {}) {
        self.write = write
        self.flush = flush
    }

    /// Standard output through ``LogWriter/standardOutput``: whole lines, never interleaved,
    /// written from the writer's queue.
    public static let standardOutput = LogSink(
        write: { LogWriter.standardOutput.append($0) },
        flush: { LogWriter.standardOutput.flush() })
}
