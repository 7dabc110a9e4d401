public import HTTPServer
public import Logging

/// Writes one access-log line per request: method, path, status, bytes, duration in ms,
/// request id and client address.
///
/// With a ``LogWriter`` the line is a JSON object in the form ``JSONLogHandler`` writes (`time`,
/// `level`, `message`, `label`, then the fields in key order), built as bytes and handed to the
/// writer's buffer: the event loop neither formats dates nor waits for `write(2)`. Without one,
/// the line goes through swift-log like any other message (the readable text format).
public struct AccessLog: HTTPServerObserver {
    private let logger: Logger
    private let writer: LogWriter?

    /// An access log through `logger`, or, when `writer` is given, as JSON lines to `writer`
    /// under `logger`'s label.
    public init(logger: Logger, writer: LogWriter? = nil) {
        self.logger = logger
        self.writer = writer
    }

    public func requestCompleted(_ record: RequestRecord) {
        guard let writer else {
            logThroughLogger(record)
            return
        }
        guard logger.logLevel <= .info else { return }
        var line: [UInt8] = []
        line.reserveCapacity(256 + record.path.utf8.count)
        Self.appendJSONLine(record, label: logger.label, to: &line)
        line.withUnsafeBufferPointer { _ = writer.append(bytes: $0) }
    }

    private func logThroughLogger(_ record: RequestRecord) {
        logger.info(
            "request",
            metadata: [
                "method": .string(record.method.rawValue),
                "path": .string(record.path),
                "status": .stringConvertible(record.status.code),
                "bytes": .stringConvertible(record.bytesOut),
                "duration_ms": .stringConvertible((record.duration * 1_000_000).rounded() / 1000),
                "request_id": .string(record.requestID),
                "client": .string(record.remoteAddress),
            ])
    }

    /// Appends the record's JSON line, newline included; `time` is now.
    static func appendJSONLine(_ record: RequestRecord, label: String, to line: inout [UInt8]) {
        line.append(contentsOf: #"{"time":""#.utf8)
        LogTimestamp.append(to: &line)
        line.append(contentsOf: #"","level":"info","message":"request","label":"#.utf8)
        JSONWriter.appendString(label, to: &line)
        line.append(contentsOf: #","bytes":"#.utf8)
        LogTimestamp.digits(record.bytesOut, 1, &line)
        line.append(contentsOf: #","client":"#.utf8)
        JSONWriter.appendString(record.remoteAddress, to: &line)
        line.append(contentsOf: #","duration_ms":"#.utf8)
        let microseconds = Int((record.duration * 1_000_000).rounded())
        LogTimestamp.digits(microseconds / 1000, 1, &line)
        line.append(UInt8(ascii: "."))
        LogTimestamp.digits(abs(microseconds % 1000), 3, &line)
        line.append(contentsOf: #","method":"#.utf8)
        JSONWriter.appendString(record.method.rawValue, to: &line)
        line.append(contentsOf: #","path":"#.utf8)
        JSONWriter.appendString(record.path, to: &line)
        line.append(contentsOf: #","request_id":"#.utf8)
        JSONWriter.appendString(record.requestID, to: &line)
        line.append(contentsOf: #","status":"#.utf8)
        LogTimestamp.digits(record.status.code, 1, &line)
        line.append(contentsOf: "}\n".utf8)
    }
}
