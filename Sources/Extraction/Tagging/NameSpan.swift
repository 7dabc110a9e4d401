/// A name found by the tagger: its class and the words it covers.
struct NameSpan: Sendable, Hashable {
    var nameClass: EntityTag.NameClass
    var words: Range<Int>

    /// The names a tag sequence spells. Lenient: a name left open by a stray tag ends where
    /// its class changes, as conlleval reads chunks.
    static func spans(in tags: [EntityTag]) -> [NameSpan] {
        var out: [NameSpan] = []
        var open: (EntityTag.NameClass, Int)?
        func close(at end: Int) {
            if let (nameClass, start) = open { out.append(NameSpan(nameClass: nameClass, words: start..<end)) }
            open = nil
        }
        for (i, tag) in tags.enumerated() {
            guard let nameClass = tag.nameClass, let position = tag.position else {
                close(at: i)
                continue
            }
            let continues = open?.0 == nameClass && (position == .inside || position == .last)
            if !continues {
                close(at: i)
                open = (nameClass, i)
            }
            if position == .last || position == .unit { close(at: i + 1) }
        }
        close(at: tags.count)
        return out
    }

    /// Joins an organization's name that the tagger cut at `for` or `and`: `Agency for
    /// International Development` after a word of organizations, `Institute of Volcanology and
    /// Seismology` after an `of` whose word is no known name (not `Bank of England and
    /// Bundesbank`). Only an organization or a miscellaneous name joins one.
    static func joiningOrganizations(_ spans: [NameSpan], words: [String], isKnownName: (String) -> Bool) -> [NameSpan] {
        var out: [NameSpan] = []
        for span in spans {
            if let previous = out.last, previous.nameClass == .organization,
                span.nameClass == .organization || span.nameClass == .miscellaneous,
                span.words.lowerBound == previous.words.upperBound + 1
            {
                let joiner = words[previous.words.upperBound]
                let inner = words[previous.words]
                let last = inner.last!
                if joiner == "for" && Lexicon.organizationWords.contains(last.lowercased())
                    || joiner == "and" && inner.dropLast().last == "of" && !isKnownName(last)
                {
                    out[out.count - 1].words = previous.words.lowerBound..<span.words.upperBound
                    continue
                }
            }
            out.append(span)
        }
        return out
    }

    /// The BILOU tags of `count` words holding these names.
    static func tags(for spans: [NameSpan], count: Int) -> [EntityTag] {
        var tags = Array(repeating: EntityTag.outside, count: count)
        for span in spans {
            tags.replaceSubrange(span.words, with: EntityTag.tags(for: span.nameClass, length: span.words.count))
        }
        return tags
    }
}
