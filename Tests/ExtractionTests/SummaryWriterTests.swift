import NewsModel
import Testing

@testable import Extraction

/// Summaries are short clauses with an actor and what happened.
@Suite struct SummaryWriterTests {
    /// A text, then the type and summary of an event it must give.
    static let cases: [(String, EventType, String)] = [
        ("Israel struck a school in Gaza on Saturday, officials said.", .fight, "Israel struck a school in Gaza"),
        ("On Monday, Netanyahu apologized to Turkey for the 2010 raid.", .unknown, "Netanyahu apologized to Turkey for the 2010 raid"),
        (
            "Colville said on Tuesday the strikes breached international law.", .statement,
            "Colville said the strikes breached international law"
        ),
        ("However, the army withdrew its troops from Rafah on Monday.", .yield, "The army withdrew its troops from Rafah"),
        ("On Thursday, rebels seized the airport and torched the terminal.", .coerce, "Rebels seized the airport"),
        ("On Thursday, rebels seized the airport and torched the terminal.", .unknown, "Rebels torched the terminal"),
        (
            "Angela Merkel arrived in Paris on Sunday. She thanked Emmanuel Macron for his support.", .unknown,
            "Angela Merkel thanked Emmanuel Macron for his support"
        ),
        ("\"We will rebuild,\" Dizon said on Monday.", .statement, "Dizon said \"We will rebuild\""),
        ("Turnout reached 61 percent, the commission said on Monday.", .statement, "The commission said turnout reached 61 percent"),
        ("Marsh, a former judge, took office on Monday.", .unknown, "Marsh took office"),
        ("The minister will travel to Cairo on August 20.", .unknown, "The minister will travel to Cairo"),
        ("The conflict began in October.", .fight, "The conflict began"),
        ("A court in Lendo found the company liable on Monday.", .ruling, "A court in Lendo found the company liable"),
        ("Three people died when a bus overturned near Lagos on August 4.", .unknown, "Three people died"),
        ("Israel, officials said, struck a hospital in Gaza on Tuesday.", .fight, "Israel struck a hospital in Gaza"),
        ("The convoy was ambushed by gunmen near Kandahar on Thursday.", .assault, "The convoy was ambushed by gunmen near Kandahar"),
        (
            "Hezbollah fired rockets at Haifa on Wednesday. It said the attack avenged the death of a commander.", .statement,
            "Hezbollah said the attack avenged the death of a commander"
        ),
        // A speech verb with an object of its own takes nothing from before it.
        (
            "The regional governor, Miriam Okafor, declared a state of emergency on Friday.", .statement,
            "The regional governor declared a state of emergency on Friday"
        ),
        ("Last Wednesday, the Tessel River burst its banks near Greyrock.", .unknown, "The Tessel River burst its banks near Greyrock"),
        ("A federal judge on Tuesday blocked the merger.", .reject, "A federal judge blocked the merger"),
        // A closing attribution takes what stands before it, without the wire dateline or the aside after it.
        (
            "VALMORA, Ostravia (AP) — Teodor Vance won the runoff, the electoral commission said Monday, ending two decades of rule.",
            .statement, "The electoral commission said Teodor Vance won the runoff"
        ),
        ("Teodor Vance won Sunday's presidential runoff.", .election, "Teodor Vance won Sunday's presidential runoff"),
    ]

    @Test(arguments: cases)
    func summary(_ c: (String, EventType, String)) {
        let events = Fixture.extract(c.0).events
        #expect(events.contains { $0.type == c.1 && $0.summary == c.2 }, "\(c.0): \(events.map { "\($0.type.rawValue): \($0.summary)" })")
    }

    @Test func seedSummariesAreClauses() throws {
        let summaries = Fixture.seed.events.map(\.summary)
        #expect(summaries.contains("Hamas carried out an attack on Israel"))
        #expect(summaries.contains("Israel carried out an airstrike on a school in Gaza"))
        #expect(summaries.contains("Hamas announced that it had executed an Israeli hostage"))
        #expect(summaries.contains("Mahmoud Abbas met with Putin in Sochi"))
        #expect(summaries.contains("Mahmoud Abbas drew parallels to past displacements"))
    }

    @Test(arguments: ["seed-putin-hosts-abbas", "dev-election", "dev-ruling", "dev-disaster", "dev-strike", "dev-trial"])
    func everySummaryIsALine(_ name: String) {
        let result = Fixture.extract(Fixture.text(name))
        for e in result.events {
            #expect(e.summary.split(separator: " ").count >= 3, "\(e.summary)")
            #expect(e.summary.first?.isUppercase == true || e.summary.first == "\"", "\(e.summary)")
            #expect(!(e.summary.last.map { ".,;:".contains($0) } ?? true), "\(e.summary)")
        }
    }
}
