extension Event {
    /// The event with its repeated strings replaced by equal ones whose storage is shared:
    /// `share` gets each id, quote and extractor version that has storage of its own (over 15
    /// UTF-8 bytes; shorter ones are kept inline) and returns an equal string to use instead,
    /// or nil to keep it.
    ///
    /// Entity and article ids, quotes (one sentence often reports several events) and extractor
    /// versions recur across events: a store of a million events otherwise holds a heap copy
    /// of each, for each event.
    public func sharingText(_ share: (String) -> String?) -> Event {
        func shared(_ text: String) -> String? {
            guard text.utf8.count > 15, let other = share(text) else { return nil }
            assert(other == text, "a shared string is equal to the one it replaces")
            return other
        }
        var event = self
        for (index, participant) in participants.enumerated() {
            if let id = shared(participant.entityId) { event.participants[index].entityId = id }
        }
        if let location, let id = shared(location) { event.location = id }
        for (index, source) in sources.enumerated() {
            if let id = shared(source.articleId) { event.sources[index].articleId = id }
            if let quote = shared(source.quote) { event.sources[index].quote = quote }
        }
        if let extractorVersion, let version = shared(extractorVersion) { event.extractorVersion = version }
        return event
    }
}
