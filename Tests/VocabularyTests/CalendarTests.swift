import Testing
import Vocabulary

@Suite struct CalendarTests {
    @Test func parsesOnlyRealDates() {
        #expect(Day("2024-02-29")?.description == "2024-02-29")
        #expect(Day("2023-02-29") == nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("2026-1-01") == nil)
        #expect(Day("2026-01-01x") == nil)
        #expect(Day("１９７０-01-01") == nil)
    }

    @Test func ordinalsRoundTrip() {
        #expect(Day("1970-01-01")!.ordinal == 0)
        #expect(Day("1969-12-31")!.ordinal == -1)
        for ordinal in stride(from: -800_000, through: 800_000, by: 9_973) {
            let day = Day(ordinal: ordinal)
            #expect(Day(day.description)?.ordinal == ordinal || day.components.year > 9999 || day.components.year < 0)
        }
    }

    @Test func weekdaysInKorean() {
        #expect(Day("2026-12-01")!.korean == "12월 1일(화)")
        #expect(Day("2024-02-29")!.korean == "2월 29일(목)")
        #expect(Day("1970-01-01")!.korean == "1월 1일(목)")
        #expect(Day("2000-01-01")!.koreanWeekday == "토")
        #expect(Day("2026-12-06")!.weekday == 0)
        #expect(Day("2026-12-06")!.isoWeekday == 7)
    }

    @Test(arguments: [
        ("2026-12-28", "2026-W53"), ("2027-01-03", "2026-W53"), ("2027-01-04", "2027-W01"),
        ("2024-12-30", "2025-W01"), ("2021-01-03", "2020-W53"),
    ])
    func isoWeeks(day: String, week: String) {
        #expect(Day(day)!.isoWeek.description == week)
    }

    @Test func codableAsText() throws {
        let day = Day("2026-12-03")!
        #expect(day.next.description == "2026-12-04")
        #expect(day.adding(days: -3).description == "2026-11-30")
        #expect(Array(day...day.adding(days: 2)).count == 3)
    }

    @Test func timesOfDay() {
        #expect(TimeOfDay("06:30")?.minutes == 390)
        #expect(TimeOfDay("6:30") == nil)
        #expect(TimeOfDay("6:30:00") == nil)
        #expect(TimeOfDay("24:00") == nil)
        #expect(TimeOfDay("12:60") == nil)
        #expect(TimeOfDay("1a:00") == nil)
        #expect(TimeOfDay("23:59")!.hour == 23 && TimeOfDay("23:59")!.minute == 59)
        #expect(TimeOfDay("07:00")! < TimeOfDay("16:00")!)
    }
}

@Suite struct StatusTests {
    @Test func rawValuesAreTheDatabaseValues() {
        #expect(RosterState.allCases.map(\.rawValue) == ["draft", "approved", "sending", "sent", "cancelled"])
        #expect(AssignmentStatus(rawValue: "no_show") == .noShow)
        #expect(AssignmentStatus(rawValue: "frozen") == nil)
        #expect(OutboxState.allCases.filter(\.isFinal) == [.sent, .failed, .withdrawn])
        #expect(MessageKind.farmerList.rawValue == "farmer_list")
        #expect(AttendanceOutcome(rawValue: "left_early") == .leftEarly)
        #expect(RequestStatus.allCases.count == 3)
    }

    @Test func typedIDsKeepTheirKind() {
        let worker = WorkerID(12)
        let other = WorkerID(3)
        #expect(worker.description == "12")
        #expect(other < worker)
        #expect(Set([worker, WorkerID(12)]).count == 1)
    }
}
