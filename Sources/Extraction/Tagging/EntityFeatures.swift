/// The features of one word for the tagger, as hashes: the word and its neighbours, their
/// shapes, affixes, the tags already chosen to its left, knowledge-base names around it, and
/// the class this word was given earlier in the same document.
///
/// Each template has a number of its own; changing a template or its number changes the
/// hashes, so the weights must be trained again.
enum EntityFeatures {
    /// The features that read the two tags chosen before word `i`: few, so that a search over
    /// several tag sequences scores the rest of a word's features only once.
    static func transition(
        _ sentence: TaggerSentence, at i: Int, previous: EntityTag, beforePrevious: EntityTag,
        into out: inout [UInt64]
    ) {
        out.removeAll(keepingCapacity: true)
        let word = sentence.words[i]
        let previous = Int(previous.rawValue)
        add(22, to: &out) { $0.mix(number: previous) }
        add(23, to: &out) {
            $0.mix(number: Int(beforePrevious.rawValue))
            $0.mix(number: previous)
        }
        add(24, to: &out) {
            $0.mix(number: previous)
            $0.mix(word.lower)
        }
        add(25, to: &out) {
            $0.mix(number: previous)
            $0.mix(word.shape)
        }
    }

    /// Appends the hash of one feature: its template's number, then what `build` mixes in.
    private static func add(_ template: UInt8, to out: inout [UInt64], _ build: (inout FeatureHash) -> Void) {
        var hash = FeatureHash(template)
        build(&hash)
        out.append(hash.value)
    }

    /// The features of word `i` that do not depend on the tags before it.
    static func word(_ sentence: TaggerSentence, at i: Int, document: DocumentMemory, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        let words = sentence.words
        let word = words[i]
        func add(_ template: UInt8, _ build: (inout FeatureHash) -> Void) { Self.add(template, to: &out, build) }
        func lower(_ offset: Int) -> String {
            let k = i + offset
            return k < 0 ? "<s>" : k >= words.count ? "</s>" : words[k].lower
        }
        func shape(_ offset: Int) -> String {
            let k = i + offset
            return k < 0 ? "<s>" : k >= words.count ? "</s>" : words[k].shape
        }
        func cues(_ offset: Int) -> Int {
            let k = i + offset
            return k < 0 || k >= words.count ? 0 : Int(words[k].cues)
        }
        func gazetteer(_ offset: Int) -> Int {
            let k = i + offset
            return k < 0 || k >= words.count ? 255 : Int(words[k].gazetteer.rawValue)
        }

        add(0) { _ in }
        add(1) { $0.mix(word.lower) }
        add(2) { $0.mix(word.text) }
        for (template, offset) in [(3, -1), (4, 1), (5, -2), (6, 2)] as [(UInt8, Int)] {
            add(template) { $0.mix(lower(offset)) }
        }
        add(7) {
            $0.mix(lower(-1))
            $0.mix(word.lower)
        }
        add(8) {
            $0.mix(word.lower)
            $0.mix(lower(1))
        }
        add(9) { $0.mix(word.shape) }
        add(10) { $0.mix(shape(-1)) }
        add(11) { $0.mix(shape(1)) }
        add(12) {
            $0.mix(shape(-1))
            $0.mix(word.shape)
            $0.mix(shape(1))
        }
        let scalars = Array(word.lower.unicodeScalars)
        for length in 1...4 where scalars.count > length {
            add(12 + UInt8(length)) { $0.mix(scalars[..<length]) }
            add(16 + UInt8(length)) { $0.mix(scalars[(scalars.count - length)...]) }
        }
        add(21) { $0.mix(number: (i == 0 ? 1 : 0) + (word.isCapitalized ? 2 : 0) + (word.isAllCaps ? 4 : 0)) }
        add(26) { $0.mix(number: gazetteer(0)) }
        add(27) {
            $0.mix(number: gazetteer(-1))
            $0.mix(number: gazetteer(0))
            $0.mix(number: gazetteer(1))
        }
        add(28) {
            $0.mix(number: gazetteer(0))
            $0.mix(word.shape)
        }
        if let earlier = document.earlierClass(of: word) {
            add(29) { $0.mix(number: Int(earlier.rawValue)) }
        }
        if word.isCapitalized, document.seesLowercase(word) {
            add(32) { $0.mix(number: i == 0 ? 1 : 0) }
        }
        for (template, offset) in [(33, 0), (34, -1), (35, 1), (36, -2), (37, 2)] as [(UInt8, Int)] where cues(offset) != 0 {
            add(template) { $0.mix(number: cues(offset)) }
        }
        add(30) {
            $0.mix(lower(-1))
            $0.mix(word.shape)
        }
        add(31) {
            $0.mix(word.shape)
            $0.mix(lower(1))
        }
    }
}
