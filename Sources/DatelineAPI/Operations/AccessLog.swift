public import HTTPServer
public import Logging

/// Writes one access-log line per request: method, path, status, bytes, duration in ms,
/// request id and client address.
public struct AccessLog: HTTPServerObserver {
    private let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func requestCompleted(_ record: RequestRecord) {
        logger.info("request", metadata: [
            "method": .string(record.method.rawValue),
            "path": .string(record.path),
            "status": .stringConvertible(record.status.code),
            "bytes": .stringConvertible(record.bytesOut),
            "duration_ms": .stringConvertible((record.duration * 1_000_000).rounded() / 1000),
            "request_id": .string(record.requestID),
            "client": .string(record.remoteAddress),
        ])
    }
}
