extension JSONEncodingState {
    /// Ends an object: puts its members in key order (by UTF-8 bytes, as Foundation sorts),
    /// keeps the last of members with the same key, writes its children's values, and `}`.
    func closeObject(_ frame: Frame) {
        let base = frame.memberBase
        let hasChildren = children.count > frame.childBase
        if members.count - base > 1 || hasChildren {
            let duplicates = frame.keysEscaped ? sortMembersByUnescapedKeys(from: base) : sortMembers(from: base)
            if duplicates || hasChildren || !membersKeepTheirOrder(from: base) {
                rewriteMembers(from: base, after: frame.start, duplicates: duplicates)
            }
        }
        members.removeSubrange(base...)
        children.removeSubrange(frame.childBase...)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Ends an array: writes its children's values in their places, and `]`.
    func closeArray(_ frame: Frame) {
        if insertions.count > frame.insertionBase {
            scratch.removeAll(keepingCapacity: true)
            var from = frame.start
            for insertion in insertions[frame.insertionBase...] {
                scratch.append(contentsOf: bytes[from..<insertion.offset])
                scratch.append(contentsOf: finishedChild(insertion.child))
                from = insertion.offset
            }
            scratch.append(contentsOf: bytes[from...])
            bytes.removeSubrange(frame.start...)
            bytes.append(contentsOf: scratch)
            insertions.removeSubrange(frame.insertionBase...)
            children.removeSubrange(frame.childBase...)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Sorts the members from `base` on by their keys as written (no key needed an escape, so
    /// the written bytes order as the keys do), equal keys in the order written; returns
    /// whether two keys were equal.
    private func sortMembers(from base: Int) -> Bool {
        var duplicates = false
        bytes.withUnsafeBufferPointer { written in
            members.withUnsafeMutableBufferPointer { all in
                var open = UnsafeMutableBufferPointer(rebasing: all[base...])
                open.sort { left, right in
                    let order = Self.compare(
                        UnsafeBufferPointer(rebasing: written[(left.keyStart + 1)..<(left.keyEnd - 1)]),
                        UnsafeBufferPointer(rebasing: written[(right.keyStart + 1)..<(right.keyEnd - 1)]))
                    if order == 0 {
                        duplicates = true
                        return left.keyStart < right.keyStart
                    }
                    return order < 0
                }
            }
        }
        return duplicates
    }

    /// Sorts as ``sortMembers(from:)`` does, by keys with their escapes undone.
    private func sortMembersByUnescapedKeys(from base: Int) -> Bool {
        var keys: [Int: [UInt8]] = [:]
        for member in members[base...] {
            keys[member.keyStart] = Self.unescaped(bytes[(member.keyStart + 1)..<(member.keyEnd - 1)])
        }
        var duplicates = false
        members[base...].sort { left, right in
            let leftKey = keys[left.keyStart]!
            let rightKey = keys[right.keyStart]!
            if leftKey == rightKey {
                duplicates = true
                return left.keyStart < right.keyStart
            }
            return leftKey.lexicographicallyPrecedes(rightKey)
        }
        return duplicates
    }

    /// Whether sorting left the members from `base` on as they were written.
    private func membersKeepTheirOrder(from base: Int) -> Bool {
        var previous = -1
        for member in members[base...] {
            if member.keyStart < previous { return false }
            previous = member.keyStart
        }
        return true
    }

    /// Writes the object's members again in their sorted order, from `start` on, skipping all
    /// but the last of equal keys and writing children's values.
    private func rewriteMembers(from base: Int, after start: Int, duplicates: Bool) {
        scratch.removeAll(keepingCapacity: true)
        var first = true
        for index in base..<members.count {
            let member = members[index]
            if duplicates, index + 1 < members.count, sameKey(member, members[index + 1]) { continue }
            if !first { scratch.append(UInt8(ascii: ",")) }
            first = false
            scratch.append(contentsOf: bytes[member.keyStart..<member.end])
            if member.child >= 0 { scratch.append(contentsOf: finishedChild(member.child)) }
        }
        bytes.removeSubrange(start...)
        bytes.append(contentsOf: scratch)
    }

    /// Whether two members have the same key: escaping is one to one, so the written bytes tell.
    private func sameKey(_ left: Member, _ right: Member) -> Bool {
        bytes[left.keyStart..<left.keyEnd].elementsEqual(bytes[right.keyStart..<right.keyEnd])
    }

    /// The value child `index` wrote, its container closed.
    private func finishedChild(_ index: Int) -> [UInt8] {
        let child = children[index]
        while !child.frames.isEmpty { child.closeFrame() }
        if child.tooDeep { tooDeep = true }
        return child.bytes
    }

    /// Negative, zero or positive as `left` sorts before, with or after `right`, byte by byte.
    static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = min(left.count, right.count)
        var index = 0
        while index < shared {
            let difference = Int(left[index]) - Int(right[index])
            if difference != 0 { return difference }
            index += 1
        }
        return left.count - right.count
    }

    /// The bytes of a key written by ``writeString(_:)``, its escapes undone.
    static func unescaped(_ written: ArraySlice<UInt8>) -> [UInt8] {
        var key: [UInt8] = []
        var index = written.startIndex
        while index < written.endIndex {
            let byte = written[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                key.append(byte)
                continue
            }
            let escape = written[index]
            index += 1
            switch escape {
            case UInt8(ascii: "b"): key.append(0x08)
            case UInt8(ascii: "f"): key.append(0x0C)
            case UInt8(ascii: "n"): key.append(0x0A)
            case UInt8(ascii: "r"): key.append(0x0D)
            case UInt8(ascii: "t"): key.append(0x09)
            case UInt8(ascii: "u"):
                // \u00XX: only control characters are written so.
                key.append(hexValue(written[index + 2]) << 4 | hexValue(written[index + 3]))
                index += 4
            default: key.append(escape)
            }
        }
        return key
    }

    private static func hexValue(_ digit: UInt8) -> UInt8 {
        digit >= UInt8(ascii: "a") ? digit - UInt8(ascii: "a") + 10 : digit - UInt8(ascii: "0")
    }
}
