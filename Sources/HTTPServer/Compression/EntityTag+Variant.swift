extension EntityTag {
    /// The tag of this representation compressed with `coding`: `"abc"` becomes `"abc-gzip"`.
    /// The one place the variant suffix is written.
    public func variant(compressedWith coding: CompressionFormat) -> EntityTag {
        EntityTag(opaqueTag + "-" + coding.contentCoding, isWeak: isWeak)
    }

    /// The coding whose variant this tag names (`"abc-gzip"` names gzip), nil for any other tag.
    public var variantCoding: CompressionFormat? {
        CompressionFormat.allCases.first { coding in
            let suffix = "-" + coding.contentCoding
            return opaqueTag.hasSuffix(suffix) && opaqueTag.count > suffix.count
        }
    }

    /// The identity representation's tag: this one without its compression suffix.
    public var identity: EntityTag {
        guard let coding = variantCoding else { return self }
        return EntityTag(String(opaqueTag.dropLast(coding.contentCoding.count + 1)), isWeak: isWeak)
    }
}
