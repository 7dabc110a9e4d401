/// Matching of robots.txt path patterns: `*` stands for any run of characters, a final `$`
/// anchors the end, and anything else matches itself from the start of the path.
enum RobotsPattern {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = Array(pattern.utf8)
        let anchored = pattern.last == UInt8(ascii: "$")
        if anchored { pattern.removeLast() }
        let path = Array(path.utf8)
        // positions[i] is true when the pattern read so far can end at path index i.
        var positions = [Bool](repeating: false, count: path.count + 1)
        positions[0] = true
        for symbol in pattern {
            var next = [Bool](repeating: false, count: path.count + 1)
            if symbol == UInt8(ascii: "*") {
                var reached = false
                for index in 0...path.count {
                    reached = reached || positions[index]
                    next[index] = reached
                }
            } else {
                for index in 0..<path.count where positions[index] && path[index] == symbol {
                    next[index + 1] = true
                }
            }
            positions = next
            if !positions.contains(true) { return false }
        }
        return anchored ? positions[path.count] : positions.contains(true)
    }
}
