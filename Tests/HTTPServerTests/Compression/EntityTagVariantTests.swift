import Testing

@testable import HTTPServer

@Suite struct EntityTagVariantTests {
    @Test(arguments: [CompressionFormat.gzip, .deflate])
    func aVariantNamesItsCodingAndLeadsBackToTheIdentityTag(coding: CompressionFormat) {
        let tag = EntityTag("abc")
        let variant = tag.variant(compressedWith: coding)
        #expect(variant.description == "\"abc-\(coding.contentCoding)\"")
        #expect(variant.variantCoding == coding)
        #expect(variant.identity == tag)
    }

    @Test(arguments: ["abc", "-gzip", "abc-br", "abc-gzip-x"])
    func otherTagsAreTheirOwnIdentity(opaque: String) {
        let tag = EntityTag(opaque)
        #expect(tag.variantCoding == nil)
        #expect(tag.identity == tag)
    }

    @Test func weaknessIsKept() {
        #expect(EntityTag("abc-gzip", isWeak: true).identity == EntityTag("abc", isWeak: true))
    }
}
