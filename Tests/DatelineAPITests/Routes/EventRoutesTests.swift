import Foundation
import NewsModel
import Testing

@testable import DatelineAPI

@Suite struct EventRoutesTests {
    let client = TestClient()

    @Test func listsEventsOldestFirstUndatedLast() {
        let response = client.get("/events")
        #expect(response.status == 200)
        #expect(
            response.ids == [
                "hamas-statement-2023", "un-aid-gaza-2024-06", "hamas-fight-gaza-2024-06",
                "putin-hosts-abbas-2024-08-13", "hamas-abbas-talks",
            ])
        #expect(response.json["total"] as? Int == 5)
    }

    @Test func sortsNewestFirst() {
        #expect(
            client.get("/events?sort=-date").ids == [
                "putin-hosts-abbas-2024-08-13", "hamas-fight-gaza-2024-06",
                "un-aid-gaza-2024-06", "hamas-statement-2023", "hamas-abbas-talks",
            ])
    }

    @Test(arguments: [
        ("type=consult", ["putin-hosts-abbas-2024-08-13", "hamas-abbas-talks"]),
        ("type=aid&type=fight", ["un-aid-gaza-2024-06", "hamas-fight-gaza-2024-06"]),
        ("type=aid,statement", ["hamas-statement-2023", "un-aid-gaza-2024-06"]),
        ("entity=hamas&entity=mahmoud-abbas", ["hamas-abbas-talks"]),
        ("entity=moscow", ["putin-hosts-abbas-2024-08-13"]),
        ("location=gaza", ["un-aid-gaza-2024-06", "hamas-fight-gaza-2024-06"]),
        ("status=ongoing", ["hamas-fight-gaza-2024-06"]),
        ("q=aid+gaza", ["un-aid-gaza-2024-06"]),
        ("from=2024-06-25", ["un-aid-gaza-2024-06", "hamas-fight-gaza-2024-06", "putin-hosts-abbas-2024-08-13"]),
        ("from=2024-06-20&to=2024-06-20", ["un-aid-gaza-2024-06"]),
        ("to=2023", ["hamas-statement-2023"]),
        ("from=2024-07&to=2024-08", ["putin-hosts-abbas-2024-08-13"]),
        ("from=2024&type=consult", ["putin-hosts-abbas-2024-08-13"]),
        ("entity=nobody", []),
    ])
    func filters(query: String, expected: [String]) {
        let response = client.get("/events?\(query)")
        #expect(response.status == 200)
        #expect(response.ids == expected)
        #expect(response.json["total"] as? Int == expected.count)
    }

    @Test func getsOneEvent() throws {
        let event = try client.get("/events/hamas-fight-gaza-2024-06").decode(Event.self)
        #expect(event == Fixtures.events[2])
        #expect(client.get("/events/nope").status == 404)
    }

    @Test func datesAreWrittenAsDays() {
        let text = client.get("/events/un-aid-gaza-2024-06").text
        #expect(text.contains(#""earliest":"2024-06-01","latest":"2024-06-30""#))
        #expect(text.contains(#""value":"2024-06""#))
    }

    @Test func walkingPagesWhileEventsArriveSeesEachOnce() throws {
        let store = Fixtures.store()
        let client = TestClient(store: store)
        let original = client.get("/events?limit=500").ids
        for sort in ["date", "-date"] {
            var seen: [String] = []
            var target = "/events?limit=2&sort=\(sort)"
            var round = 0
            while true {
                let page = client.get(target)
                try #require(page.status == 200)
                seen += page.ids
                round += 1
                // Events before, after and among those already listed, and an undated one, for a
                // few rounds (each round adds more ahead of the cursor than a page takes).
                if round <= 3 {
                    store.upsert(Event.make("early-\(sort)-\(round)", .appeal, "Early", date: .on("2020-01-0\(round)", phrase: "then")))
                    store.upsert(Event.make("late-\(sort)-\(round)", .appeal, "Late", date: .on("2030-01-0\(round)", phrase: "then")))
                    store.upsert(Event.make("mid-\(sort)-\(round)", .appeal, "Mid", date: .month(2024, 6, phrase: "in June")))
                    store.upsert(Event.make("undated-\(sort)-\(round)", .appeal, "Undated", date: nil))
                }
                guard let next = page.json["next"] as? String else { break }
                #expect(page[.link]?.contains("cursor=\(next)") == true)
                target = "/events?limit=2&sort=\(sort)&cursor=\(next)"
            }
            #expect(Set(seen).count == seen.count, "no duplicates sorting by \(sort)")
            #expect(Set(original).isSubset(of: Set(seen)), "no misses sorting by \(sort)")
        }
    }

    @Test func aCursorIsTiedToItsFilters() throws {
        let first = client.get("/events?limit=1&type=consult")
        let cursor = try #require(first.json["next"] as? String)
        #expect(client.get("/events?limit=1&type=consult&cursor=\(cursor)").ids == ["hamas-abbas-talks"])
        let other = client.get("/events?limit=1&type=aid&cursor=\(cursor)")
        #expect(other.status == 400)
        #expect(other.parameter == "cursor")
    }

    @Test func ndjsonGivesOneEventALine() throws {
        for response in [client.get("/events?format=ndjson"), client.get("/events", accept: "application/x-ndjson")] {
            #expect(response[.contentType] == "application/x-ndjson; charset=utf-8")
            let lines = response.text.split(separator: "\n")
            #expect(lines.count == 5)
            let first = try JSONDecoder().decode(Event.self, from: Data(lines[0].utf8))
            #expect(first.id == "hamas-statement-2023")
            #expect(response.text.hasSuffix("\n"))
        }
    }

    @Test func csvGivesFlatColumns() throws {
        let response = client.get("/events?format=csv")
        #expect(response[.contentType] == "text/csv; charset=utf-8")
        let records = response.text.components(separatedBy: "\r\n")
        #expect(records.first == EventCSV.columns.joined(separator: ","))
        #expect(records.count == 7)
        #expect(records.last == "")
        #expect(
            records[2] == "un-aid-gaza-2024-06,aid,07,2,The United Nations sent aid to Gaza,in June,2024-06,month,,2024-06-01,2024-06-30,"
                + "occurred,gaza,united-nations:actor,aid:700:tons:atLeast,aid-reaches-gaza,0,The United Nations sent over 700 tons of aid to Gaza in June."
        )
        let talks = try #require(records.first { $0.hasPrefix("hamas-abbas-talks,") })
        #expect(
            talks
                == #"hamas-abbas-talks,consult,04,1,Hamas and Mahmoud Abbas will talk,,,,,,,scheduled,,hamas:participant;mahmoud-abbas:participant,,"#
                + #"hamas-will-talk,0,"Hamas said ""we will talk"", and Abbas agreed to meet.""#)
        #expect(client.get("/events", accept: "text/csv").text == response.text)
    }

    @Test func csvIsOfferedOnlyForEvents() {
        let response = client.get("/entities?format=csv")
        #expect(response.status == 400)
        #expect(response.parameter == "format")
        #expect(client.get("/entities", accept: "text/csv").status == 406)
    }
}
