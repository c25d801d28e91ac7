import Foundation
import Records
import Scheduling
import Storage
import Testing
import Vocabulary

@testable import Operations

@Suite struct ClockTests {
    @Test func todayComesFromTheOverride() throws {
        let clock = try IlsonClock.current(environment: ["ILSON_TODAY": "2026-12-31"])
        #expect(clock.today.description == "2026-12-31")
        #expect(clock.tomorrow.description == "2027-01-01")
        #expect(try clock.parse("tomorrow").description == "2027-01-01")
        #expect(try clock.parse("2026-05-05").description == "2026-05-05")
    }

    @Test func badOverrideAndBadDatesAreNamed() throws {
        #expect(throws: OperationError.badInput("ILSON_TODAY is \"2026-13-01\", which is not a date (YYYY-MM-DD)")) {
            try IlsonClock.current(environment: ["ILSON_TODAY": "2026-13-01"])
        }
        let clock = IlsonClock(today: Day("2026-12-01")!)
        #expect(throws: OperationError.self) { try clock.parse("12/32") }
        #expect(throws: OperationError.self) { try clock.parse("2026-12-1x") }
        // A month and day is the next such date (sheets and the command line alike).
        #expect(try clock.parse("12/01") == Day("2026-12-01")!)
        #expect(throws: OperationError.self) { try clock.parseRange("2026-12-05..2026-12-01") }
        #expect(try clock.parseRange("2026-12-01..2026-12-05").count == 5)
    }

    @Test func seoulIsNineHoursAheadOfUTC() {
        // 2026-11-30 15:30 UTC is 2026-12-01 00:30 in Seoul.
        let instant = Date(timeIntervalSince1970: 1_796_052_600)
        #expect(IlsonClock.seoulDay(of: instant).description == "2026-12-01")
        #expect(IlsonClock.seoulDay(of: instant.addingTimeInterval(-3600)).description == "2026-11-30")
    }

    @Test func personRefsTakePhonesOrIds() throws {
        #expect(try PersonRef("010-1234-5678") == .phone("01012345678"))
        #expect(try PersonRef("42") == .id(42))
        #expect(throws: InvalidReference.self) { try PersonRef("김영숙") }
        #expect(try PersonRef("01012345678").description == "010-****-5678")
    }
}
