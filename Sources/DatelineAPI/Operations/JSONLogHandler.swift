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
        var line = "{\"time\":"
        JSONLine.string(JSONLine.timestamp(), to: &line)
        line += ",\"level\":"
        JSONLine.string(event.level.rawValue, to: &line)
        line += ",\"message\":"
        JSONLine.string(event.message.description, to: &line)
        line += ",\"label\":"
        JSONLine.string(label, to: &line)
        for key in merged.keys.sorted() {
            line += ","
            JSONLine.string(key, to: &line)
            line += ":"
            JSONLine.value(merged[key]!, to: &line)
        }
        line += "}\n"
        sink.write(line)
        // Errors are written before the caller goes on: the process may be about to end.
        if event.level >= .error { sink.flush() }
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
    public static let standardOutput = LogSink(write: { LogWriter.standardOutput.append($0) },
                                               flush: { LogWriter.standardOutput.flush() })
}

enum JSONLine {
    static func value(_ value: Logger.Metadata.Value, to out: inout String) {
        switch value {
        case .string(let text):
            string(text, to: &out)
        case .stringConvertible(let convertible):
            switch convertible {
            case let number as Int: out += String(number)
            case let number as Double where number.isFinite: out += String(number)
            case let flag as Bool: out += flag ? "true" : "false"
            default: string(convertible.description, to: &out)
            }
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                self.value(item, to: &out)
            }
            out += "]"
        case .dictionary(let members):
            out += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out += "," }
                string(key, to: &out)
                out += ":"
                self.value(members[key]!, to: &out)
            }
            out += "}"
        }
    }

    static func string(_ text: String, to out: inout String) {
        JSONText.writeString(text, to: &out)
    }

    /// The current time as RFC 3339 with milliseconds, UTC.
    static func timestamp() -> String {
        var bytes: [UInt8] = []
        LogTimestamp.append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
