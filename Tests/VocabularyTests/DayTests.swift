import Testing
import Vocabulary

@Suite struct DayTests {
    @Test func parsesAndPrints() throws {
        let d = try #require(Day("2026-12-01"))
        #expect(d.description == "2026-12-01")
        #expect(d.components.year == 2026 && d.components.month == 12 && d.components.day == 1)
        #expect(Day("1970-01-01")?.ordinal == 0)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-00-10"])
    func rejectsBadDates(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test func isoWeeksAcrossTheYearBoundary() throws {
        #expect(Day("2026-12-27")!.isoWeek.description == "2026-W52")
        #expect(Day("2026-12-28")!.isoWeek.description == "2026-W53")
        #expect(Day("2027-01-03")!.isoWeek.description == "2026-W53")
        #expect(Day("2027-01-04")!.isoWeek.description == "2027-W01")
        #expect(Day("2026-11-30")!.isoWeekday == 1)
        #expect(Day("2026-01-01")!.isoWeek.description == "2026-W01")
    }
}
