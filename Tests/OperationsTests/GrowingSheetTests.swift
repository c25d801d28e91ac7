import Foundation
import Postgres
import Storage
import Testing
import Vocabulary

@testable import Operations

/// A center's season-long request sheet, imported again as it grows; phones Excel typed as numbers.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct GrowingSheetTests {
    static func sheet(_ rows: [String]) -> [UInt8] {
        Array((["농가코드,날짜,시작,종료,작업,인원,일당"] + rows).joined(separator: "\n").utf8)
    }

    @Test func oldIdenticalRowsAreUnchangedQuietlyAndAChangedPastRowIsReported() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            _ = try FarmImport.run(
                bytes: Array(Fixtures.farmsKoreanWithPlaces.utf8), file: "farms.csv", center: nil, on: db)
            let week1 = ["F001,2026-12-02,07:00,16:00,수확,2,\"130,000\"", "F002,2026-12-03,07:00,16:00,제초,1,"]
            let first = try RequestImport.run(
                bytes: Self.sheet(week1), file: "requests.csv", center: nil, clock: Fixtures.clock, on: db)
            #expect(first.created == 2)

            // A week later the sheet has grown: the old rows are past, one new row at the bottom.
            let later = IlsonClock(today: Day("2026-12-08")!)
            let grown = week1 + ["F001,2026-12-09,07:00,16:00,포장,3,"]
            let second = try RequestImport.run(
                bytes: Self.sheet(grown), file: "requests.csv", center: nil, clock: later, on: db)
            #expect(second.created == 1 && second.unchanged == 2 && second.reported.isEmpty, "\(second)")

            // An old row changed (headcount 2 → 5): not changed, reported with its line.
            var changed = grown
            changed[0] = "F001,2026-12-02,07:00,16:00,수확,5,\"130,000\""
            let third = try RequestImport.run(
                bytes: Self.sheet(changed), file: "requests.csv", center: nil, clock: later, on: db)
            #expect(third.unchanged == 2 && third.reported.count == 1, "\(third)")
            #expect(third.reported.first?.contains("line 2") == true, "\(third.reported)")
            let stored = try RequestStore.list(center: 1, RequestFilter(), on: db)
            #expect(stored.first { $0.values.date == Day("2026-12-02")! }?.values.headcount == 2)

            // A past row never imported: reported, not created.
            let missed = try RequestImport.run(
                bytes: Self.sheet(grown + ["F002,2026-12-01,07:00,16:00,제초,1,"]), file: "requests.csv", center: nil,
                clock: later, on: db)
            #expect(missed.created == 0 && missed.reported.count == 1, "\(missed)")
            #expect(try Fixtures.count(db, "labor_requests") == 3)
        }
    }

    @Test func aPhoneWhoseLeadingZeroExcelDroppedIsReadAndSaidSoAndABadOneIsShownAsTyped() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            let workers = "이름,전화번호,마을\n김영숙,1012345678,진천읍 읍내리\n박민수,010-2222-3333,이월면 중산리\n"
            let summary = try WorkerImport.run(
                bytes: Array(workers.utf8), file: "workers.csv", center: nil, clock: Fixtures.clock, on: db)
            #expect(summary.created == 2)
            #expect(try WorkerStore.find(.phone("01012345678"), center: 1, on: db)?.values.name == "김영숙")
            #expect(
                summary.description.contains("010-1234-5678") && summary.description.contains("lines 2"), "\(summary)")
            let bad = "이름,전화번호,마을\n이순자,010-777-88,문백면 평산리\n"
            #expect {
                try WorkerImport.run(
                    bytes: Array(bad.utf8), file: "workers.csv", center: nil, clock: Fixtures.clock, on: db)
            } throws: { error in
                "\(error)".contains("\"010-777-88\"")
            }
        }
    }
}
