import Operations
import Testing
import Vocabulary

@testable import IlsonCLI

/// Dates as a coordinator types them: 오늘/내일/모레, and a month and day without the year, the next such date.
@Suite struct DateArgumentTests {
    static let today = Day("2026-12-03")!
    static let clock = IlsonClock(today: today)

    func read(_ text: String) throws -> Day {
        try Self.clock.parse(DateArgument.normalized(text, today: Self.today))
    }

    @Test func wordsForDays() throws {
        #expect(try read("오늘") == Self.today)
        #expect(try read("내일") == Day("2026-12-04")!)
        #expect(try read("모레") == Day("2026-12-05")!)
        #expect(try read("tomorrow") == Day("2026-12-04")!)
        #expect(try read("2027-01-02") == Day("2027-01-02")!)
    }

    @Test func aMonthAndDayIsTheNextSuchDate() throws {
        #expect(try read("12/3") == Self.today)
        #expect(try read("12/4") == Day("2026-12-04")!)
        #expect(try read("12월 24일") == Day("2026-12-24")!)
        #expect(try read("12월24일") == Day("2026-12-24")!)
        // Past this year: next year's.
        #expect(try read("12/2") == Day("2027-12-02")!)
        #expect(try read("1/5") == Day("2027-01-05")!)
        #expect(try read("3월 1일") == Day("2027-03-01")!)
        // 2월 29일: the next leap year's.
        #expect(try read("2/29") == Day("2028-02-29")!)
    }

    @Test func whatIsNoDateIsRefusedAsTyped() {
        for text in ["2/30", "13/1", "12/", "/3", "12//3", "12월", "3일", "12월 3", "모래", "12/3/2026", "１２/３"] {
            #expect(throws: OperationError.self, "\(text)") { try read(text) }
        }
        do {
            _ = try read("2/30")
            Issue.record("accepted 2/30")
        } catch {
            #expect("\(error)".contains("2/30"))
        }
    }

    /// A date cell of a sheet reaches the clock as typed: the clock itself reads every form, and a full date as
    /// Excel in Korean shows one.
    @Test func theClockReadsEveryFormItself() throws {
        let c = Self.clock
        #expect(try c.parse("모레") == Day("2026-12-05")!)
        #expect(try c.parse(" 12/4 ") == Day("2026-12-04")!)
        #expect(try c.parse("12월 24일") == Day("2026-12-24")!)
        #expect(try c.parse("1/5") == Day("2027-01-05")!)
        #expect(try c.parse("2026. 12. 7.") == Day("2026-12-07")!)
        #expect(try c.parse("2026.12.07") == Day("2026-12-07")!)
        #expect(try c.parse("2027/1/2") == Day("2027-01-02")!)
        #expect(try c.parseRange("12/24..1/2") == Day("2026-12-24")!...Day("2027-01-02")!)
        #expect(IlsonClock.calendarDay("2027. 3. 31.") == Day("2027-03-31")!)
        #expect(IlsonClock.calendarDay("3/31") == nil, "a stay's end needs its year")
        for text in ["2026. 13. 1.", "2026.2.30", "26.12.3", "2026..12.3", "12.3"] {
            do {
                _ = try c.parse(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect("\(error)".contains(text), "the error shows it as typed")
            }
        }
    }

    @Test func rangesReadEachSide() throws {
        let range = try Self.clock.parseRange(DateRangeArgument.normalized("12/24..1/2", today: Self.today))
        #expect(range == Day("2026-12-24")!...Day("2027-01-02")!)
        let words = try Self.clock.parseRange(DateRangeArgument.normalized("오늘..모레", today: Self.today))
        #expect(words.count == 3)
    }
}
