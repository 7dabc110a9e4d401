extension JSONEncodingState {
    /// A child for member `key` of object `frame`: a nested object (`.keyed`), array
    /// (`.unkeyed`) or value (`.empty`, for a super encoder). Asked for again under the same
    /// key, a nested object or array is the same child.
    func memberChild(in frame: Int, key: JSONPathKey, kind: Frame.Kind) -> JSONEncodingState {
        checkInnermost(frame)
        if kind != .empty, let child = latestChild(in: frame, key: key.stringValue), child.frames.first?.kind == kind {
            return child
        }
        if frames[frame].count > 0 { bytes.append(UInt8(ascii: ",")) }
        let keyStart = bytes.count
        let escaped = writeString(key.stringValue)
        let keyEnd = bytes.count
        bytes.append(UInt8(ascii: ":"))
        members.append(Member(keyStart: keyStart, keyEnd: keyEnd, end: bytes.count, child: children.count))
        frames[frame].count += 1
        if escaped { frames[frame].keysEscaped = true }
        return makeChild(in: frame, key: key, kind: kind)
    }

    /// A child for the next element of array `frame`.
    func elementChild(in frame: Int, kind: Frame.Kind) -> JSONEncodingState {
        checkInnermost(frame)
        let index = frames[frame].count
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        insertions.append(Insertion(offset: bytes.count, child: children.count))
        frames[frame].count += 1
        return makeChild(in: frame, key: .index(index), kind: kind)
    }

    private func makeChild(in frame: Int, key: JSONPathKey, kind: Frame.Kind) -> JSONEncodingState {
        var path = codingPath(upTo: frame)
        path.append(key)
        let child = JSONEncodingState(userInfo: userInfo, baseDepth: baseDepth + openContainers, basePath: path)
        child.frames.append(Frame(memberBase: 0, childBase: 0, insertionBase: 0))
        switch kind {
        case .keyed: _ = child.openObject()
        case .unkeyed: _ = child.openArray()
        case .empty, .single: break
        }
        children.append(child)
        return child
    }

    /// The child of the last member of object `frame` named `key`, if that member has one.
    private func latestChild(in frame: Int, key: String) -> JSONEncodingState? {
        let start = scratch.count
        defer { scratch.removeSubrange(start...) }
        swap(&bytes, &scratch)
        writeString(key)
        swap(&bytes, &scratch)
        let written = scratch[start...]
        for member in members[frames[frame].memberBase...].reversed()
        where bytes[member.keyStart..<member.keyEnd].elementsEqual(written) {
            return member.child >= 0 ? children[member.child] : nil
        }
        return nil
    }
}
