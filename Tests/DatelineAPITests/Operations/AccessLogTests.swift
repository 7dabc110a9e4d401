import Foundation
import HTTPServer
import Locking
import Logging
import Testing

@testable import DatelineAPI

/// The access log's JSON line: the same object the JSON log handler writes for the same fields.
@Suite struct AccessLogTests {
    /// Drops the leading `"time":"…",` member, which differs between two calls.
    static func withoutTime(_ line: String) -> String {
        guard let range = line.range(of: #""time":"[^"]*","#, options: .regularExpression) else { return line }
        return line.replacingCharacters(in: range, with: "")
    }

    @Test(arguments: [
        RequestRecord.make("/events", route: "/events"),
        RequestRecord.make("/a \"quoted\"\\path\n", route: nil, status: 404, bytesOut: 0, duration: 0.0123456),
        RequestRecord.make("/slow", method: .post, route: nil, status: 201, bytesOut: 12345, duration: 2.5),
    ])
    func theLineMatchesTheHandlersLine(record: RequestRecord) throws {
        let captured = Locked<[String]>([])
        let handler = JSONLogHandler(label: "dateline", sink: LogSink { line in captured.withLock { $0.append(line) } })
        AccessLog(logger: Logger(label: "dateline") { _ in handler }).requestCompleted(record)
        var bytes: [UInt8] = []
        AccessLog.appendJSONLine(record, label: "dateline", to: &bytes)
        let line = String(decoding: bytes, as: UTF8.self)
        let expected = try #require(captured.withLock { $0.first })
        #expect(
            Self.withoutTime(line).replacingOccurrences(of: #""duration_ms":(\d+)\.(\d+)"#, with: "D", options: .regularExpression)
                == Self.withoutTime(expected).replacingOccurrences(of: #""duration_ms":[0-9.e+-]+"#, with: "D", options: .regularExpression)
        )
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["path"] as? String == record.path)
        #expect(abs((object["duration_ms"] as? Double ?? -1) - (record.duration * 1_000_000).rounded() / 1000) < 1e-9)
        #expect(line.hasSuffix("}\n"))
    }

    @Test func theLineGoesToTheWriter() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        let writer = LogWriter(descriptor: ends[1])
        AccessLog(logger: Logger(label: "dateline"), writer: writer).requestCompleted(.make("/events", route: "/events"))
        writer.stop()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(ends[0], &buffer, buffer.count)
        let line = String(decoding: buffer[0..<max(0, count)], as: UTF8.self)
        #expect(line.hasPrefix(#"{"time":""#))
        #expect(line.contains(#""message":"request","label":"dateline","bytes":100,"#))
    }

    @Test(arguments: [0, 951_782_400, 1_709_251_199, 1_782_950_400, 4_102_444_800 + 86_399, -1])
    func timestampsMatchTheCalendar(seconds: Int) {
        var bytes: [UInt8] = []
        LogTimestamp.append(seconds: seconds, milliseconds: 7, to: &bytes)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))) + ".007Z"
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
    }
}
