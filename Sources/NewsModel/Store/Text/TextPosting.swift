/// One document in a term's posting list: which document, and how many terms it holds
/// (the length that ranking normalizes by).
struct TextPosting<Ref: Comparable & Sendable>: Sendable, KeyedElement {
    let ref: Ref
    let length: UInt16

    var key: Ref { ref }
}
