/// The Prometheus text format read back: every sample line as name, labels and value, the
/// `# TYPE` lines, and the lines that fit neither shape.
struct PrometheusText {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    private(set) var samples: [Sample] = []
    private(set) var types: [String: String] = [:]
    private(set) var malformed: [String] = []

    init(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let words = line.split(separator: " ", maxSplits: 3)
                if words.count == 4, words[1] == "TYPE" {
                    types[String(words[2])] = String(words[3])
                } else if words.count < 3 || (words[1] != "HELP" && words[1] != "TYPE") {
                    malformed.append(String(line))
                }
                continue
            }
            if let sample = Self.sample(Substring(line)) {
                samples.append(sample)
            } else {
                malformed.append(String(line))
            }
        }
    }

    /// The value of the sample with exactly these labels.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    /// Every sample of one name.
    func samples(named name: String) -> [Sample] {
        samples.filter { $0.name == name }
    }

    /// `name{label="value",...} number`, label values with `\\`, `\"` and `\n` escapes.
    private static func sample(_ line: Substring) -> Sample? {
        var rest = line[...]
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }
        guard let first = name.first, !first.isNumber else { return nil }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                guard !key.isEmpty, labels[String(key)] == nil else { return nil }
                rest = rest.dropFirst(key.count)
                guard rest.hasPrefix("=\"") else { return nil }
                rest = rest.dropFirst(2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        switch rest.first {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: return nil
                        }
                        rest = rest.dropFirst()
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { return nil }
                rest = rest.dropFirst()
                labels[String(key)] = value
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { return nil }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { return nil }
        let number = rest.dropFirst()
        let value: Double? =
            switch number {
            case "+Inf": .infinity
            case "-Inf": -.infinity
            default: Double(number)
            }
        guard let value else { return nil }
        return Sample(name: String(name), labels: labels, value: value)
    }
}
