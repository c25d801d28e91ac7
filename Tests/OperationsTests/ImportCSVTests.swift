import Foundation
import Postgres
import Scheduling
import Storage
import Testing

@testable import Operations

/// CSV imports of `spec/csv-formats.md` against a real database.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct ImportCSVTests {
    @Test func smallCountyInBothEncodingsImportedTwiceHasNoDuplicates() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            let first = try Fixtures.importCounty(db)
            #expect(first.map(\.created) == [3, 4, 5])
            #expect(first[0].encoding == "UTF-8 with BOM")
            #expect(first[1].encoding == "CP949")
            #expect(try Fixtures.count(db, "farms") == 3)
            #expect(try Fixtures.count(db, "farmers") == 3)
            #expect(try Fixtures.count(db, "workers") == 4)
            #expect(try Fixtures.count(db, "labor_requests") == 5)
            #expect(try Fixtures.count(db, "labor_jobs") == 3)
            #expect(try Fixtures.count(db, "worker_availability") == 1)
            // The multi-day row is one job of three consecutive days.
            let f001 = try RequestStore.list(
                center: 1, RequestFilter(farm: FarmStore.find(code: "F001", center: 1, on: db)!.id), on: db)
            #expect(f001.map(\.values.date) == [0, 1, 2].map { Fixtures.clock.tomorrow.adding(days: $0) })
            #expect(Set(f001.map(\.jobID)).count == 1)
            // The worker by village, the Korean category and 예 for consent, the allowed farms.
            let nguyen = try WorkerStore.find(.phone("01055556666"), center: 1, on: db)!
            #expect(nguyen.values.category == .foreign)
            #expect(nguyen.values.allowedFarms == ["F001", "F002"])
            #expect(nguyen.values.village == "광혜원면 광혜원리")
            let lee = try WorkerStore.find(.phone("01077778888"), center: 1, on: db)!
            #expect(lee.values.smsConsent && lee.values.category == .women && lee.values.maxTravelKm == 15)
            let wage = try RequestStore.list(center: 1, RequestFilter(), on: db).first { $0.values.task == "weeding" }
            #expect(wage?.values.wage == 90_000)

            let audits = try Fixtures.count(db, "audit_log")
            let second = try Fixtures.importCounty(db)
            #expect(second.map(\.created) == [0, 0, 0])
            #expect(second.map(\.updated) == [0, 0, 0])
            #expect(second.map(\.unchanged) == [3, 4, 5])
            #expect(try Fixtures.count(db, "workers") == 4)
            #expect(try Fixtures.count(db, "labor_requests") == 5)
            #expect(try Fixtures.count(db, "worker_availability") == 1)
            #expect(try Fixtures.count(db, "audit_log") == audits)
        }
    }

    @Test func anUpdateChangesOnlyFilledCells() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            _ = try Fixtures.importCounty(db)
            // Empty cells and missing columns: consent, limits and allowed farms stay; the name changes.
            let update = """
                이름,전화번호,문자수신동의,허용농가,최대이동거리,구분
                김영숙(고),010-1234-5678,,,,
                응우옌 반 안,01055556666,,,,
                """
            let summary = try WorkerImport.run(
                bytes: Fixtures.utf8BOM(update), file: "update.csv", center: "JC", clock: Fixtures.clock, on: db)
            #expect(summary.updated == 2 && summary.created == 0)
            let kim = try WorkerStore.find(.phone("01012345678"), center: 1, on: db)!
            #expect(kim.values.name == "김영숙(고)")
            #expect(kim.values.smsConsent)
            #expect(kim.values.maxTravelKm == 20)
            #expect(kim.values.category == .senior)
            #expect(kim.values.skills == ["harvest", "packing"])
            let nguyen = try WorkerStore.find(.phone("01055556666"), center: 1, on: db)!
            #expect(nguyen.values.allowedFarms == ["F001", "F002"])
            // The audit log has before and after of the update, names masked (sql/010).
            let row = try db.query(
                """
                SELECT before->>'name' AS before, after->>'name' AS after FROM audit_log
                WHERE entity = 'worker' AND action = 'update' AND entity_id = \(String(kim.id))
                """)[0]
            #expect(try row.decode("before", as: String.self) == "김**")
            #expect(try row.decode("after", as: String.self) == "김*****")
            // A request update: only the headcount cell is filled besides the key.
            let requests = """
                farm,date,start,end,task,headcount
                F003,\(Fixtures.clock.tomorrow),08:00,17:00,packing,5
                """
            let r = try RequestImport.run(
                bytes: Array(requests.utf8), file: "r.csv", center: nil, clock: Fixtures.clock, on: db)
            #expect(r.updated == 1 && r.created == 0)
            let packing = try RequestStore.list(center: 1, RequestFilter(), on: db).first {
                $0.values.task == "packing"
            }!
            #expect(packing.values.headcount == 5 && packing.values.skills == ["packing"])
        }
    }

    @Test func twoBadRowsImportNothingAndAreBothReported() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            let bad = """
                name,phone,village,category
                김영숙,010-1234-5678,진천읍 읍내리,senior
                박민수,010-12-34,이월면 중산리,youth
                이순자,010-7777-8888,문백면 평산리,general

                최고령,010-3333-4444,,robot
                """
            do {
                _ = try WorkerImport.run(
                    bytes: Fixtures.cp949(bad), file: "bad.csv", center: nil, clock: Fixtures.clock, on: db)
                Issue.record("the import should have failed")
            } catch let error as OperationError {
                guard case .badInput(let message) = error else { throw error }
                #expect(message.contains("2 bad row(s), nothing imported"))
                #expect(message.contains("line 3: phone \"010-12-34\" is not a Korean mobile number"))
                #expect(message.contains("line 6:"))
                #expect(!message.contains("line 2:"))
            }
            #expect(try Fixtures.count(db, "workers") == 0)
            #expect(try Fixtures.count(db, "audit_log", where: "entity = 'worker'") == 0)

            // Requests: a past date and min > headcount on two lines; nothing of the good line is written.
            _ = try FarmImport.run(
                bytes: Fixtures.utf8BOM(Fixtures.farmsKoreanWithPlaces), file: "f.csv", center: nil, on: db)
            let requests = """
                farm,date,start,end,task,headcount,min_headcount
                F001,\(Fixtures.clock.tomorrow),07:00,16:00,harvest,4,2
                F001,\(Fixtures.clock.today.previous),07:00,16:00,harvest,4,2
                F099,\(Fixtures.clock.tomorrow),07:00,16:00,harvest,4,5
                """
            #expect(throws: OperationError.self) {
                try RequestImport.run(
                    bytes: Array(requests.utf8), file: "r.csv", center: nil, clock: Fixtures.clock, on: db)
            }
            #expect(try Fixtures.count(db, "labor_requests") == 0)
        }
    }

    @Test func requestsOnApprovedRostersAreReportedNotChanged() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            _ = try Fixtures.importCounty(db)
            let day = Fixtures.clock.tomorrow
            try db.query(
                "INSERT INTO rosters (center_id, work_date, state, approved_at) VALUES (1, \(day), 'approved', now())")
            let requests = """
                farm,date,start,end,task,headcount,days
                F001,\(day),07:00,16:00,harvest,6,3
                """
            let summary = try RequestImport.run(
                bytes: Array(requests.utf8), file: "r.csv", center: nil, clock: Fixtures.clock, on: db)
            #expect(summary.reported.count == 1)
            #expect(summary.reported[0].contains("approved"))
            #expect(summary.updated == 2)
            let f001 = try RequestStore.list(center: 1, RequestFilter(farm: 1), on: db)
            #expect(f001.map(\.values.headcount) == [4, 6, 6])
        }
    }

    @Test func manyWorkersGoThroughTheStagingTable() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            var text = "이름,전화번호,마을,기술\n"
            for i in 0..<800 { text += "작업자\(i),0109\(String(format: "%07d", i)),진천읍 읍내리,harvest\n" }
            let summary = try WorkerImport.run(
                bytes: Fixtures.cp949(text), file: "many.csv", center: nil, clock: Fixtures.clock, on: db)
            #expect(summary.created == 800)
            #expect(try Fixtures.count(db, "workers") == 800)
            #expect(try Fixtures.count(db, "worker_skills") == 800)
            #expect(try Fixtures.count(db, "audit_log", where: "entity = 'worker' AND action = 'create'") == 800)
            let again = try WorkerImport.run(
                bytes: Array(text.utf8), file: "many.csv", center: nil, clock: Fixtures.clock, on: db)
            #expect(again.unchanged == 800)
        }
    }
}
