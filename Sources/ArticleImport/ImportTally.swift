/// What an import has done so far, or in all.
public struct ImportTally: Sendable, Hashable {
    /// One item that failed, and why.
    public struct Failure: Sendable, Hashable {
        public var origin: String
        public var message: String
    }

    /// How many items there are in all.
    public var total: Int
    public var created = 0
    public var duplicates = 0
    public var failures: [Failure] = []
    /// Seconds since the import started.
    public var elapsed: Double = 0

    public init(total: Int) {
        self.total = total
    }

    /// Items answered, whatever the answer.
    public var done: Int { created + duplicates + failures.count }

    /// Items answered per second.
    public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }

    /// The closing line: `1,000 articles: 990 new, 5 duplicates, 5 errors, 212.3 articles/s`.
    public var summary: String {
        "\(Self.grouped(done)) of \(Self.grouped(total)) articles in \(Self.seconds(elapsed)): \(Self.grouped(created)) new, "
            + "\(Self.grouped(duplicates)) duplicates, \(Self.grouped(failures.count)) errors, "
            + "\(Self.oneDecimal(rate)) articles/s"
    }

    /// A progress line: a bar when `width` is given (a terminal), then count, rate and time left.
    public func progress(barWidth width: Int?) -> String {
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        var line = ""
        if let width, width > 0 {
            let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        }
        line += "\(Self.grouped(done))/\(Self.grouped(total)) articles, \(Self.oneDecimal(rate))/s"
        if rate > 0 && done < total {
            line += ", ETA \(Self.clock(Double(total - done) / rate))"
        }
        return line
    }

    /// `12,345`.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (number < 0 ? "-" : "") + out
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func seconds(_ value: Double) -> String { "\(oneDecimal(value)) s" }

    /// `1:05` or `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }
}
