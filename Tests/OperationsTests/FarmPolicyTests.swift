import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Testing
import Texts
import Vocabulary

@testable import Operations

/// Issue 16 part B: farm profiles, the center's priority policy, overrides with reasons, and the planner reading
/// the effective priority.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct FarmPolicyTests {
    static let clock = Fixtures.clock

    /// F012 of the registry tests: 0.8 ha, farmer born 1948 (78 in 2026), no family labor.
    static func county(_ db: Connection) throws {
        try RegistryOperationTests.county(db)
        _ = try Farms.update(
            code: "F012", profile: FarmProfileInput(areaHa: "0.8", farmerBirthYear: "1948", noFamilyLabor: "예"),
            center: nil, clock: clock, on: db)
    }

    static func request(_ day: Day, priority: Int? = nil, task: String = "harvest") -> RequestInput {
        RequestInput(
            farm: "F012", date: day.description, start: "07:00", end: "16:00", task: task, headcount: 2,
            priority: priority)
    }

    static func priority(_ id: Int64, _ db: Connection) throws -> (Int, String, String?) {
        let row = try db.query(
            "SELECT priority, priority_source, priority_reason FROM labor_requests WHERE id = \(id)")[0]
        return (
            try row.decode("priority", as: Int.self), try row.decode("priority_source", as: String.self),
            try row.decode("priority_reason", as: String?.self)
        )
    }

    @Test func aFarmProfileIsStoredAndBadValuesWriteNothing() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Self.county(db)
            let farm = try FarmStore.find(code: "F012", center: try Centers.resolve(nil, on: db).id, on: db)!
            #expect(farm.profile == FarmProfile(areaHa: 0.8, farmerBirthYear: 1948, noFamilyLabor: true))
            let audits = try Fixtures.count(db, "audit_log")
            for (input, words) in [
                (FarmProfileInput(areaHa: "-1"), "경작 면적은 0보다 크고"),
                (FarmProfileInput(areaHa: "0"), "경작 면적은 0보다 크고"),
                (FarmProfileInput(areaHa: "넓음"), "ha 단위 숫자"),
                (FarmProfileInput(farmerBirthYear: "1800"), "출생연도는 1900년부터"),
                (FarmProfileInput(disasterUntil: "내일"), "YYYY-MM-DD"),
                (FarmProfileInput(womanFarmer: "아마"), "예 또는 아니오"),
            ] {
                do {
                    _ = try Language.$current.withValue(.ko) {
                        try Farms.update(code: "F012", profile: input, center: nil, clock: Self.clock, on: db)
                    }
                    Issue.record("\(input) was accepted")
                } catch let error as OperationError {
                    guard case .badInput(let message) = error else {
                        Issue.record("\(error)")
                        continue
                    }
                    #expect(message.contains(words), "\(message)")
                }
            }
            let after = try FarmStore.find(code: "F012", center: farm.centerID, on: db)!
            #expect(after.profile == farm.profile)
            #expect(try Fixtures.count(db, "audit_log") == audits)
            // A new farm with a bad profile is not added at all.
            #expect(throws: OperationError.self) {
                try Farms.add(
                    FarmInput(
                        code: "F013", name: "새 농장", farmer: "010-9876-5432",
                        location: LocationInput(village: "이월면 중산리"), profile: FarmProfileInput(areaHa: "-3")),
                    center: nil, on: db)
            }
            #expect(try Fixtures.count(db, "farms") == 1)
            // The database holds the same limits for any other writer.
            #expect(throws: PostgresError.self) {
                try db.query("UPDATE farms SET farmer_birth_year = 1800 WHERE id = \(farm.id)")
            }
            #expect(throws: PostgresError.self) { try db.query("UPDATE farms SET area_ha = -1 WHERE id = \(farm.id)") }
            // Clearing a disaster.
            _ = try Farms.update(
                code: "F012", profile: FarmProfileInput(disasterUntil: "2026-12-20"), center: nil, clock: Self.clock,
                on: db)
            #expect(try FarmStore.find(code: "F012", center: farm.centerID, on: db)!.profile.disasterUntil != nil)
            _ = try Farms.update(
                code: "F012", profile: FarmProfileInput(disasterUntil: "없음"), center: nil, clock: Self.clock, on: db)
            #expect(try FarmStore.find(code: "F012", center: farm.centerID, on: db)!.profile.disasterUntil == nil)
        }
    }

    @Test func aRequestTakesThePolicyUnlessOverriddenWithAReason() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Self.county(db)
            let day = Self.clock.tomorrow
            // Base 1 + under 1 ha 2 + 75 or older without family labor 3 + no family labor 1.
            let onPolicy = try Requests.submit(Self.request(day), center: nil, clock: Self.clock, on: db).requestIDs[0]
            #expect(try Self.priority(onPolicy, db) == (7, "policy", nil))
            let shown = try Requests.show(onPolicy, center: nil, on: db).request
            #expect(shown.priorityOrigin.prioritySource == .policy)
            let terms = try Requests.policyTerms(of: shown, on: db)
            #expect(terms.map(\.term) == [.base, .smallFarm, .elderlyAlone, .noFamily])
            #expect(PriorityPolicies.priority(of: terms) == 7)

            // A priority given with the request is an override with the reason 입력, never an error.
            let given = try Requests.submit(
                Self.request(day, priority: 4, task: "weeding"), center: nil, clock: Self.clock, on: db
            ).requestIDs[0]
            #expect(try Self.priority(given, db) == (4, "override", "입력"))

            // An override without a reason: a clear error, nothing written.
            let audits = try Fixtures.count(db, "audit_log")
            #expect(throws: OperationError.self) {
                try Requests.edit(onPolicy, RequestInput(priority: 9), center: nil, clock: Self.clock, on: db)
            }
            #expect(try Self.priority(onPolicy, db) == (7, "policy", nil))
            #expect(try Fixtures.count(db, "audit_log") == audits)
            do {
                _ = try Language.$current.withValue(.ko) {
                    try Requests.edit(onPolicy, RequestInput(priority: 9), center: nil, clock: Self.clock, on: db)
                }
            } catch let OperationError.badInput(message) {
                #expect(message.contains("사유") && message.contains("--reason"))
            }
            do {
                _ = try Language.$current.withValue(.en) {
                    try Requests.edit(onPolicy, RequestInput(priority: 9), center: nil, clock: Self.clock, on: db)
                }
            } catch let OperationError.badInput(message) {
                #expect(message.contains("needs a reason") && message.contains("--reason"), "\(message)")
            }

            // With a reason: kept on the request and in its audit row, with who.
            let (edited, changed) = try Requests.edit(
                onPolicy, RequestInput(priority: 9, priorityReason: "태풍 피해 긴급"), center: nil, clock: Self.clock,
                on: db)
            #expect(changed && edited.values.priority == 9)
            #expect(edited.priorityOrigin.prioritySource == .override)
            #expect(edited.priorityOrigin.priorityReason == "태풍 피해 긴급")
            #expect(edited.priorityOrigin.priorityBy != nil)
            #expect(
                try Fixtures.count(
                    db, "audit_log", where: "entity = 'labor_request' AND reason = '태풍 피해 긴급' AND via = 'request edit'"
                ) == 1)

            // A farm's profile changes the requests on the policy, not the overridden ones.
            let third = try Requests.submit(
                Self.request(day, task: "packing"), center: nil, clock: Self.clock, on: db
            ).requestIDs[0]
            _ = try Farms.update(
                code: "F012", profile: FarmProfileInput(areaHa: "3"), center: nil, clock: Self.clock, on: db)
            #expect(try Self.priority(third, db) == (5, "policy", nil))
            #expect(try Self.priority(onPolicy, db) == (9, "override", "태풍 피해 긴급"))
            // So does the policy.
            let (_, changedByPolicy) = try PriorityPolicies.set(
                PriorityPolicyInput(base: 2, elderlyPoints: 5), center: nil, clock: Self.clock, on: db)
            #expect(changedByPolicy == 1)
            #expect(try Self.priority(third, db) == (8, "policy", nil))
            #expect(throws: OperationError.self) {
                try PriorityPolicies.set(PriorityPolicyInput(womanPoints: 12), center: nil, clock: Self.clock, on: db)
            }
            #expect(try PriorityPolicies.show(center: nil, on: db).policy.base == 2)

            // The planner reads the effective priority.
            let center = try Centers.resolve(nil, on: db)
            let planning = try PlanningDay.load(center: center, date: day, on: db)
            let byID = Dictionary(
                uniqueKeysWithValues: try [onPolicy, given, third].map { id in
                    (id, try #require(planning.request(RequestID(id))).priority)
                })
            #expect(byID == [onPolicy: 9, given: 4, third: 8])

            // Back to the policy.
            let (back, _) = try Requests.edit(
                onPolicy, RequestInput(policyPriority: true), center: nil, clock: Self.clock, on: db)
            #expect(back.priorityOrigin == PriorityOrigin())
            #expect(back.values.priority == 8)
        }
    }

    @Test func csvColumnsCarryTheProfileAndPriorityAsInput() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Fixtures.center(db)
            let farms = """
                농가코드,농가명,농업인,농업인전화,마을,경작면적,재해질병기한,농업인출생연도,여성농업인,중증장애,가족노동력없음
                F001,이월 딸기농장,이월순,010-9876-5432,이월면 중산리,0.5,2026-12-31,1950,예,아니오,예
                F002,문백 수박농장,박문백,01033334444,문백면 평산리,2.5,,,,,
                """
            _ = try FarmImport.run(bytes: Array(farms.utf8), file: "farms.csv", center: nil, on: db)
            let center = try Centers.resolve(nil, on: db)
            let f1 = try #require(try FarmStore.find(code: "F001", center: center.id, on: db))
            #expect(
                f1.profile
                    == FarmProfile(
                        areaHa: 0.5, disasterUntil: Day("2026-12-31"), farmerBirthYear: 1950, womanFarmer: true,
                        noFamilyLabor: true))
            // One bad row: nothing is written, and the message names the line and the column.
            let bad = """
                농가코드,농가명,농업인,농업인전화,마을,경작면적,농업인출생연도
                F002,문백 수박농장,박문백,01033334444,문백면 평산리,1.5,
                F003,새 농장,최광혜,010-5555-1212,문백면 평산리,-2,
                F004,다른 농장,최광혜,010-5555-1212,문백면 평산리,,1800
                """
            do {
                _ = try FarmImport.run(bytes: Array(bad.utf8), file: "bad.csv", center: nil, on: db)
                Issue.record("a negative area was imported")
            } catch let OperationError.badInput(message) {
                #expect(message.contains("line 3") && message.contains("경작면적"), "\(message)")
                #expect(message.contains("line 4") && message.contains("농업인출생연도"), "\(message)")
            }
            #expect(try Fixtures.count(db, "farms") == 2)
            #expect(try FarmStore.find(code: "F002", center: center.id, on: db)!.profile.areaHa == 2.5)

            let day = Fixtures.clock.tomorrow
            let requests = """
                농가코드,날짜,시작,종료,작업,인원,우선순위
                F001,\(day),07:00,16:00,수확,3,
                F002,\(day),07:00,16:00,수확,3,6
                """
            _ = try RequestImport.run(
                bytes: Array(requests.utf8), file: "requests.csv", center: nil, clock: Fixtures.clock, on: db)
            let rows = try db.query(
                """
                SELECT f.code, r.priority, r.priority_source, r.priority_reason FROM labor_requests r
                JOIN farms f ON f.id = r.farm_id ORDER BY f.code
                """)
            // F001: 1 + small 2 + disaster 4 + woman 1 + no family 1 (the farmer is 76: elderly alone +3) = 12 → 10.
            #expect(try rows[0].decode("priority", as: Int.self) == 10)
            #expect(try rows[0].decode("priority_source", as: String.self) == "policy")
            #expect(try rows[1].decode("priority", as: Int.self) == 6)
            #expect(try rows[1].decode("priority_reason", as: String?.self) == "입력")
        }
    }

    @Test func aRowWrittenAroundIlsonKeepsItsPriorityAsInput() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try Self.county(db)
            let id = try Requests.submit(Self.request(Self.clock.tomorrow), center: nil, clock: Self.clock, on: db)
                .requestIDs[0]
            let row = try db.query("SELECT center_id, job_id, farm_id FROM labor_requests WHERE id = \(id)")[0]
            let (c, j, f): (Int64, Int64, Int64) = (
                try row.decode("center_id"), try row.decode("job_id"), try row.decode("farm_id")
            )
            let raw: Int64 = try db.query(
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount,
                                            priority)
                VALUES (\(c), \(j), \(f), \(Self.clock.tomorrow.next), '07:00', '16:00', 'harvest', 2, 3) RETURNING id
                """)[0].decode("id")
            #expect(try Self.priority(raw, db) == (3, "override", "입력"))
            // Nobody can claim a policy priority that is not the policy's.
            try db.query("UPDATE labor_requests SET priority = 1 WHERE id = \(id)")
            #expect(try Self.priority(id, db) == (7, "policy", nil))
            // A farm changed behind ilson's back still changes its coming requests on the policy (from the real
            // today on), and the policy too.
            let later = try Requests.submit(
                Self.request(Self.clock.today.adding(days: 400), task: "제초"), center: nil, clock: Self.clock, on: db
            ).requestIDs[0]
            #expect(try Self.priority(later, db) == (7, "policy", nil))
            try db.query("UPDATE farms SET disaster_until = DATE '2100-12-31' WHERE id = \(f)")
            #expect(try Self.priority(later, db) == (10, "policy", nil))
            try db.query(
                "INSERT INTO center_priority_policy (center_id, disaster_points, elderly_points) VALUES (\(c), 0, 0)")
            #expect(try Self.priority(later, db) == (4, "policy", nil))
            #expect(try Self.priority(raw, db) == (3, "override", "입력"))
        }
    }
}
