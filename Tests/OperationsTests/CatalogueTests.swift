import Foundation
import Postgres
import Records
import Storage
import Testing

@testable import Operations

/// Tasks and skills as a per-center catalogue with Korean names (`sql/023_task_skill_catalogue.sql`).
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct CatalogueTests {
    @Test func aNewCenterStartsWithTheNationalListAndTheGeneratorsCodesHaveItsNames() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let center = try Fixtures.center(db)
            for kind in CatalogueKind.allCases {
                let catalogue = try CatalogueStore.load(kind, center: center.id, on: db)
                for entry in NationalCatalogue.entries {
                    #expect(catalogue.name(of: entry.code) == entry.name, "\(kind) \(entry.code)")
                }
            }
            // The generator's skill codes are all in the list, with the same Korean names.
            let skills = try CatalogueStore.load(.skill, center: center.id, on: db)
            #expect(skills.code(for: "수확") == "harvest")
            #expect(skills.code(for: "트랙터운전") == "tractor")
            #expect(skills.code(for: "선별·포장") == "packing", "the generator's former name is an alias")
            #expect(skills.code(for: "HARVEST") == "harvest")
            #expect(skills.code(for: "수학") == nil)
        }
    }

    @Test func koreanNamesAndCodesResolveToTheSameStoredCodeSoTheSolverMatchesThem() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            let workers = """
                이름,전화번호,마을,기술
                김영숙,010-1234-5678,진천읍 읍내리,수확;포장
                박민수,010-2222-3333,이월면 중산리,harvest;선별·포장
                """
            _ = try WorkerImport.run(
                bytes: Fixtures.cp949(workers), file: "workers.csv", center: nil, clock: Fixtures.clock, on: db)
            let kim = try WorkerStore.find(.phone("01012345678"), center: 1, on: db)!
            let park = try WorkerStore.find(.phone("01022223333"), center: 1, on: db)!
            #expect(kim.values.skills == ["harvest", "packing"])
            #expect(park.values.skills == kim.values.skills)
            _ = try FarmImport.run(
                bytes: Array(Fixtures.farmsKoreanWithPlaces.utf8), file: "farms.csv", center: nil, on: db)
            let requests = """
                농가코드,날짜,시작,종료,작업,기술,인원
                F001,\(Fixtures.clock.tomorrow),07:00,16:00,수확,수확,2
                F002,\(Fixtures.clock.tomorrow),07:00,16:00,packing,포장,1
                """
            let summary = try RequestImport.run(
                bytes: Fixtures.utf8BOM(requests), file: "requests.csv", center: nil, clock: Fixtures.clock, on: db)
            #expect(summary.created == 2)
            let stored = try RequestStore.list(center: 1, RequestFilter(), on: db)
            #expect(Set(stored.map(\.values.task)) == ["harvest", "packing"])
            #expect(Set(stored.flatMap(\.values.skills)) == ["harvest", "packing"])
            // Re-importing the same rows typed with codes instead of names changes nothing.
            let again = requests.replacingOccurrences(of: ",수확,수확,", with: ",harvest,HARVEST,")
            let second = try RequestImport.run(
                bytes: Array(again.utf8), file: "requests.csv", center: nil, clock: Fixtures.clock, on: db)
            #expect(second.unchanged == 2 && second.created == 0)
        }
    }

    @Test func anUnknownKoreanTaskOrSkillIsRefusedAsTypedWithCloseMatchesAndNothingWritten() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            _ = try FarmImport.run(
                bytes: Array(Fixtures.farmsKoreanWithPlaces.utf8), file: "farms.csv", center: nil, on: db)
            let requests = """
                농가코드,날짜,시작,종료,작업,인원
                F001,\(Fixtures.clock.tomorrow),07:00,16:00,수학,2
                F002,\(Fixtures.clock.tomorrow),07:00,16:00,제초,1
                """
            #expect {
                try RequestImport.run(
                    bytes: Array(requests.utf8), file: "requests.csv", center: nil, clock: Fixtures.clock, on: db)
            } throws: { error in
                let text = "\(error)"
                return text.contains("line 2") && text.contains("\"수학\"") && text.contains("수확(harvest)")
                    && text.contains("ilson task add")
            }
            #expect(try Fixtures.count(db, "labor_requests") == 0)
            let workers = "이름,전화번호,마을,기술\n김영숙,010-1234-5678,진천읍 읍내리,수확;트랙토\n"
            #expect(throws: OperationError.self) {
                try WorkerImport.run(
                    bytes: Array(workers.utf8), file: "workers.csv", center: nil, clock: Fixtures.clock, on: db)
            }
            #expect(try Fixtures.count(db, "workers") == 0)
        }
    }

    @Test func addAndRenameChangeWhatPeopleReadNotWhatIsStored() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            let added = try Catalogues.add(.task, name: "꽃따기", code: nil, center: nil, on: db)
            #expect(added.code == "task-1")
            let coded = try Catalogues.add(.skill, name: "드론 방제", code: "drone", center: nil, on: db)
            #expect(coded.code == "drone")
            #expect(throws: OperationError.self) {
                try Catalogues.add(.task, name: "수확", code: nil, center: nil, on: db)
            }
            #expect(throws: OperationError.self) {
                try Catalogues.add(.task, name: "새 작업", code: "Bad Code!", center: nil, on: db)
            }
            #expect(throws: OperationError.self) {
                try Catalogues.add(.task, name: String(repeating: "가", count: 41), code: nil, center: nil, on: db)
            }
            _ = try FarmImport.run(
                bytes: Array(Fixtures.farmsKoreanWithPlaces.utf8), file: "farms.csv", center: nil, on: db)
            _ = try Requests.submit(
                RequestInput(
                    farm: "F001", date: Fixtures.clock.tomorrow.description, start: "07:00", end: "16:00",
                    task: "선별포장", headcount: 2),
                center: nil, clock: Fixtures.clock, on: db)
            let (before, after) = try Catalogues.rename(.task, "packing", to: "선별·포장", center: nil, on: db)
            #expect(before.name == "포장" && after.name == "선별·포장" && after.code == "packing")
            let stored = try RequestStore.list(center: 1, RequestFilter(), on: db)
            #expect(stored.map(\.values.task) == ["packing"])
            let shown = try db.query("SELECT ilson_task_name(center_id, task) AS t FROM labor_requests")[0]
                .decode("t", as: String.self)
            #expect(shown == "선별·포장")
            // A name another entry has is refused.
            #expect(throws: OperationError.self) {
                try Catalogues.rename(.task, "선별·포장", to: "수확", center: nil, on: db)
            }
            let list = try Catalogues.list(.task, center: nil, on: db).lines
            #expect(list.first { $0.code == "packing" }?.uses == 1)
            #expect(try Fixtures.count(db, "audit_log", where: "via IN ('task add', 'skill add', 'task rename')") == 3)
        }
    }

    @Test func seedingTwiceAddsNothing() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            // The seed of 023 (run for existing centers, and by the trigger for new ones) is idempotent.
            let center = try Fixtures.center(db)
            try db.query("SELECT ilson_seed_catalogue(\(center.id))")
            #expect(try Fixtures.count(db, "tasks") == NationalCatalogue.entries.count)
            #expect(try Fixtures.count(db, "skills") == NationalCatalogue.entries.count)
        }
    }
}
