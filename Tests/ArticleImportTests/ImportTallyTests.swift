import Testing

@testable import ArticleImport

@Suite struct ImportTallyTests {
    @Test func theSummaryCountsEachOutcome() {
        var tally = ImportTally(total: 12_345)
        tally.created = 12_000
        tally.duplicates = 340
        tally.failures = [.init(origin: "a:1", message: "400")]
        tally.elapsed = 60
        #expect(tally.summary == "12,341 of 12,345 articles in 60.0 s: 12,000 new, 340 duplicates, 1 errors, 205.7 articles/s")
    }

    @Test func progressHasABarOnlyOnATerminal() {
        var tally = ImportTally(total: 1_000)
        tally.created = 250
        tally.elapsed = 5
        #expect(tally.progress(barWidth: 8) == "[##......] 250/1,000 articles, 50.0/s, ETA 0:15")
        #expect(tally.progress(barWidth: nil) == "250/1,000 articles, 50.0/s, ETA 0:15")
        tally.created = 1_000
        #expect(tally.progress(barWidth: 4) == "[####] 1,000/1,000 articles, 200.0/s")
    }

    @Test func timesLeftReadAsClocks() {
        #expect(ImportTally.clock(65) == "1:05")
        #expect(ImportTally.clock(3_723) == "1:02:03")
        #expect(ImportTally.grouped(999) == "999")
        #expect(ImportTally.grouped(1_000_000) == "1,000,000")
    }
}
