import NewsModel
import Testing

@testable import Extraction

/// Dated clauses whose verb no trigger lists become `unknown` events rather than being dropped.
@Suite struct UnknownEventTests {
    static let story = """
        Dateline test

        On Monday, protesters gathered outside parliament in Port Almira. They blocked the main road for hours. \
        The police dispersed the crowd.

        On Tuesday, the mayor apologized to residents. The city reopened the road.

        The prime minister will travel to Cairo on August 20.

        The ministry stayed open. The region's main airport reopened.
        """

    static let events = Fixture.extract(story).events

    static func event(_ summary: String) -> Event? { events.first { $0.summary == summary } }

    @Test(arguments: [
        ("Protesters gathered outside parliament in Port Almira", "2024-08-12"),
        ("They blocked the main road for hours", "2024-08-12"),
        ("The police dispersed the crowd", "2024-08-12"),
        ("The mayor apologized to residents", "2024-08-13"),
        ("The city reopened the road", "2024-08-13"),
        ("The prime minister will travel to Cairo", "2024-08-20"),
    ])
    func datedHappening(_ c: (String, String)) throws {
        let e = try #require(Self.event(c.0), "\(Self.events.map(\.summary))")
        #expect(e.date?.value == c.1)
        #expect(e.type == .unknown || e.type == .reject)
    }

    @Test func futureIsScheduledAndPlaced() throws {
        let e = try #require(Self.event("The prime minister will travel to Cairo"))
        #expect(e.status == .scheduled)
        #expect(e.location == "cairo")
        #expect(e.id.hasSuffix("unknown-cairo"))
    }

    @Test func undatedAndStativeClausesGiveNoEvent() {
        #expect(Self.event("The ministry stayed open") == nil)
        #expect(Self.event("The region's main airport reopened") == nil)
    }

    @Test func reportedHappeningWithItsOwnDateIsAnEvent() throws {
        let events = Fixture.extract("Suspected bombs exploded outside the embassy in Nairobi on Friday, witnesses said.").events
        let blast = try #require(events.first { $0.summary.hasPrefix("Suspected bombs exploded") }, "\(events.map(\.summary))")
        #expect(blast.date?.value == "2024-08-09")
        // Undated, what someone reports stays inside the statement.
        let told = Fixture.extract("On Monday, the minister said the army had withdrawn.").events
        #expect(!told.contains { $0.summary.hasPrefix("The army had withdrawn") })
    }

    @Test func anUndatedTriggerNamesTheKindOfItsClause() throws {
        let events = Fixture.extract("In composite trading on Friday on the exchange, BellSouth shares fell 87.5 cents.").events
        let fall = try #require(events.first { $0.summary.hasPrefix("BellSouth shares fell") }, "\(events.map(\.summary))")
        #expect(fall.type == .economic)
        #expect(fall.date?.value == "2024-08-09")
    }

    @Test func aPlanIsDatedByWhenItWillHappen() throws {
        let events = Fixture.extract("The team planned to leave Nairobi on Thursday.").events
        let plan = try #require(events.first { $0.summary.hasPrefix("The team planned to leave Nairobi") }, "\(events.map(\.summary))")
        #expect(plan.date?.value == "2024-08-15")
        #expect(plan.status == .scheduled)
        let present = Fixture.extract("The company plans to redeem its bonds on Nov. 16.").events
        #expect(present.contains { $0.summary.hasPrefix("The company plans to redeem its bonds") && $0.date?.value == "2024-11-16" })
        let expected = Fixture.extract("The three countries are expected to join the alliance in April.").events
        #expect(expected.contains { $0.summary.hasPrefix("The three countries are expected to join") && $0.date?.value == "2025-04" })
    }

    @Test func anAsideAfterAClosingAttributionDatesNothing() throws {
        let text =
            "North Korea fired two missiles into the sea on Thursday, the military said, the latest in a series of launches this year."
        let events = Fixture.extract(text).events
        let launch = try #require(events.first { $0.summary == "North Korea fired two missiles into the sea" }, "\(events.map(\.summary))")
        #expect(launch.date?.value == "2024-08-08")
        #expect(!events.contains { $0.date?.value == "2024" }, "\(events.map(\.summary))")
    }

    @Test func aTimeOfARelativeClauseIsNotCarried() {
        let text = "The judge granted the request after a hearing that ended in March. The company said hours later that it had sued."
        let events = Fixture.extract(text).events
        #expect(!events.contains { $0.summary.hasPrefix("The company said") && $0.date?.value == "2024-03" }, "\(events.map(\.summary))")
        // A time of a main clause still carries (`On Monday, rebels seized the airport. They torched the terminal.`).
        let carried = Fixture.extract("On Monday, rebels seized the airport. They torched the terminal.").events
        #expect(carried.contains { $0.summary.hasSuffix("torched the terminal") && $0.date?.value == "2024-08-12" })
    }

    @Test func aTimeStaysWithItsPredicateBeforeASecondOne() throws {
        let events = Fixture.extract("Parliament approved the law on March 12 and is due to hold a final vote next Thursday.").events
        let approval = try #require(events.first { $0.summary == "Parliament approved the law" }, "\(events.map(\.summary))")
        #expect(approval.date?.value == "2024-03-12")
        #expect(events.contains { $0.type == .election && $0.date?.value == "2024-08-15" }, "\(events.map(\.summary))")
    }

    @Test func aNamingIsAHappening() throws {
        let events = Fixture.extract("The two men were named on Thursday in a bulletin.").events
        let named = try #require(events.first { $0.summary.hasPrefix("The two men were named") }, "\(events.map(\.summary))")
        #expect(named.date?.value == "2024-08-08")
    }

    @Test func aCallForSomethingIsAnAppeal() throws {
        let events = Fixture.extract("On Sunday, Pope Francis called for calm in the region.").events
        let call = try #require(events.first { $0.summary.hasPrefix("Pope Francis called for") }, "\(events.map(\.summary))")
        #expect(call.type == .appeal)
        #expect(call.date?.value == "2024-08-11")
    }

    @Test func aFreeRelativeOpensItsOwnClause() throws {
        let events = Fixture.extract("Elian's father joined Fidel Castro on Thursday in a packed hall in what has become a daily event.")
            .events
        let joined = try #require(events.first { $0.summary.hasPrefix("Elian's father joined Fidel Castro") }, "\(events.map(\.summary))")
        #expect(joined.date?.value == "2024-08-08")
    }

    @Test func pronounSubjectIsResolved() throws {
        let events = Fixture.extract("Angela Merkel arrived in Paris on Sunday. She thanked Emmanuel Macron for his support.").events
        let thanks = try #require(events.first { $0.summary.hasPrefix("Angela Merkel thanked") })
        #expect(thanks.participants.contains(Participant(entityId: "angela-merkel", role: .actor)))
        #expect(thanks.participants.contains(Participant(entityId: "emmanuel-macron", role: .target)))
        // Two happenings of one day with one actor stay two events.
        #expect(events.filter { $0.type == .unknown }.count == 2)
    }
}
