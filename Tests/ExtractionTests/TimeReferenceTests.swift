import NewsModel
import Testing

@testable import Extraction

@Suite struct TimeReferenceTests {
    private func references(_ text: String) -> [String] {
        TimeExpressionNormalizer(publishedAt: Day("2024-08-13")!).references(in: text).map {
            "\(Fixture.slice(text, $0.start, $0.end))=\($0.reference.rawValue)"
        }
    }

    @Test func presentPastAndFuture() {
        #expect(references("Joblessness is now at its highest.") == ["now=PRESENT_REF"])
        #expect(references("The plant is currently closed and was recently sold.") == ["currently=PRESENT_REF", "recently=PAST_REF"])
        #expect(references("Prices will rise in the near future.") == ["the near future=FUTURE_REF"])
        #expect(references("These days few people write letters.") == ["These days=PRESENT_REF"])
    }

    @Test func currentOnlyBeforeANoun() {
        #expect(references("He kept his current position.") == ["current=PRESENT_REF"])
        #expect(references("The swimmers fought the current.").isEmpty)
        #expect(references("They paid the then current market price.") == ["then current=PAST_REF"])
    }

    @Test func aDatedPhraseIsNotAReference() {
        #expect(references("Sales rose in the current quarter.").isEmpty)
        #expect(references("Talks resumed on Tuesday.").isEmpty)
    }
}
