import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import HTTPServer
public import Logging
import Locking

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
    }
}

/// Where log lines go: standard output, or a closure.
public struct LogSink: Sendable {
    public let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    private static let lock = Locked(())

    /// Standard output, one whole line per write, lines never interleaved.
    public static let standardOutput = LogSink { line in
        lock.withLock { _ in
            var line = line
            line.withUTF8 { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = Glibc.write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    if written <= 0 { return }
                    offset += written
                }
            }
        }
    }
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
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        var parts = tm()
        var seconds = spec.tv_sec
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))."
            + "\(pad(Int32(spec.tv_nsec / 1_000_000), 3))Z"
    }
}
