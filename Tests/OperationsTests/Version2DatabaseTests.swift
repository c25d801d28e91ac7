import Foundation
import Operations
import Postgres
import Records
import Scheduling
import Storage
import Testing
import Texts
import Vocabulary

/// Version 2 in the database (issue 16 part A): legal limits no `--force` passes, `db check`, several jobs a day,
/// and a day with every version 2 field loaded, planned, exported and replayed.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct Version2DatabaseTests {
    static let clock = (try? IlsonClock.current()) ?? IlsonClock(today: Day("2026-11-30")!)
    static var date: Day { clock.tomorrow }

    /// A migrated database with the small county imported; the body runs in Korean (ilson's default), as the
    /// messages it checks are the coordinator's.
    func withCounty(
        language: Language = .ko, _ body: (Connection, RosterFixtures.Imported) throws -> Void
    ) throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let imported = try RosterFixtures.importInstance(RosterFixtures.smallCounty(date: Self.date), on: db)
            try Language.$current.withValue(language) { try body(db, imported) }
        }
    }

    /// The message of an `OperationError.badInput` the body throws (nil when it throws none or another error).
    func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let OperationError.badInput(message) {
            return message
        } catch {
            return nil
        }
    }

    func assign(
        _ db: Connection, _ c: RosterFixtures.Imported, _ request: String, _ worker: String, force: Bool = false
    )
        throws
    {
        _ = try RosterEditor.assign(
            center: c.center, date: Self.date, request: c.requests[request]!, worker: .id(c.workers[worker]!),
            force: force, reason: force ? "법적 제한 시험" : nil, on: db, clock: Self.clock)
    }

    func liveCount(_ db: Connection, worker: Int64) throws -> Int {
        try db.query(
            "SELECT count(*) AS n FROM assignments WHERE worker_id = \(worker) AND status NOT IN ('declined', 'cancelled')"
        )[0].decode("n")
    }

    @Test func forceNeverPlacesAWorkerPastALegalLimit() throws {
        try withCounty { db, c in
            let w6 = c.workers["w6"]!
            // A seasonal E-8 worker allowed at 덕산 수박하우스 (f2) only.
            try db.query(
                """
                UPDATE workers SET pool = 'seasonal', visa_type = 'E-8', allowed_farms_only = true WHERE id = \(w6)
                """)
            try db.query(
                """
                INSERT INTO worker_allowed_farms (center_id, worker_id, farm_id)
                VALUES (\(c.center.id), \(w6), \(c.farms["f2"]!))
                """)
            let outside = refusal { try assign(db, c, "r1", "w6", force: true) }
            #expect(outside?.contains("허용된 농가가 아닙니다") == true)
            #expect(outside?.contains("--force로도 안 됩니다") == true)

            // At the allowed farm, after the stay ends.
            try db.query("UPDATE workers SET stay_until = \(Self.date.previous) WHERE id = \(w6)")
            let stay = refusal { try assign(db, c, "r2", "w6", force: true) }
            #expect(stay?.contains("체류 종료일 \(Self.date.previous)") == true)

            // Any farm and no stay end, but a request for day workers only.
            try db.query("UPDATE workers SET stay_until = NULL, allowed_farms_only = false WHERE id = \(w6)")
            try db.query("UPDATE labor_requests SET pools = '{day}' WHERE id = \(c.requests["r1"]!)")
            let pool = refusal { try assign(db, c, "r1", "w6", force: true) }
            #expect(pool?.contains("공공형 계절근로 인력은 이 요청에 갈 수 없습니다") == true)
            #expect(try liveCount(db, worker: w6) == 0)

            // A rule a coordinator may override (a missing skill) still passes with --force.
            try db.query("UPDATE labor_requests SET pools = NULL WHERE id = \(c.requests["r1"]!)")
            try assign(db, c, "r2", "w6", force: true)
            #expect(try liveCount(db, worker: w6) == 1)
        }
    }

    @Test func legalLimitsAndSameDayRefusalsReadInEnglishOnRequest() throws {
        try withCounty(language: .en) { db, c in
            let w6 = c.workers["w6"]!
            try db.query("UPDATE workers SET pool = 'seasonal', stay_until = \(Self.date.previous) WHERE id = \(w6)")
            let stay = refusal { try assign(db, c, "r2", "w6", force: true) }
            #expect(stay?.contains("after the stay end \(Self.date.previous)") == true, "\(stay ?? "")")
            #expect(stay?.contains("--force cannot pass it") == true, "\(stay ?? "")")
            // Names stay as they are; the sentence around them is English.
            #expect(stay.map { !$0.contains("법적 제한") && !$0.contains("체류") && !$0.contains("배정할 수") } == true)
            #expect(try liveCount(db, worker: w6) == 0)

            let w1 = c.workers["w1"]!
            try db.query("UPDATE workers SET max_jobs_per_day = 1 WHERE id = \(w1)")
            try assign(db, c, "r1", "w1")
            let second = refusal { try assign(db, c, "r2", "w1", force: true) }
            #expect(second?.contains("more than 1 job(s) in a day") == true, "\(second ?? "")")
            #expect(try liveCount(db, worker: w1) == 1)
        }
    }

    @Test func dbCheckFindsRowsWrittenBehindIlsonsBackAndPlanningDropsSuchPins() throws {
        try withCounty { db, c in
            let w6 = c.workers["w6"]!
            try assign(db, c, "r1", "w6")
            #expect(try DatabaseCheck.run(center: c.center, on: db).isEmpty)
            // Behind ilson's back: the visa now allows only another farm, and the stay ended yesterday.
            try db.query(
                "UPDATE workers SET pool = 'seasonal', allowed_farms_only = true, stay_until = \(Self.date.previous) WHERE id = \(w6)"
            )
            let found = try DatabaseCheck.run(center: c.center, on: db)
            #expect(found.count == 2)
            #expect(found.contains { $0.problem.contains("체류 종료일") })
            #expect(found.contains { $0.problem.contains("허용 농가") })
            #expect(found.allSatisfy { $0.worker.contains("****") && $0.request == c.requests["r1"]! })
            // Another center sees nothing of it.
            let other = try RosterFixtures.importInstance(
                RosterFixtures.smallCounty(date: Self.date), code: "OC", on: db)
            #expect(try DatabaseCheck.run(center: other.center, on: db).isEmpty)

            // Planning drops the pin with the reason, never fails the day.
            let s = try RosterPlanner.plan(center: c.center, date: Self.date, on: db, clock: Self.clock)
            #expect(s.droppedPins.count == 1)
            #expect(s.droppedPins.first?.contains("체류 종료일") == true)
            #expect(try liveCount(db, worker: w6) == 0)
            #expect(try DatabaseCheck.run(center: c.center, on: db).isEmpty)
        }
    }

    @Test func aWorkerTakesTwoHalfDayJobsAndDayOfCommandsAskWhichOne() throws {
        try withCounty { db, c in
            let w1 = c.workers["w1"]!
            try db.query("UPDATE workers SET max_jobs_per_day = 2, max_travel_km = 30 WHERE id = \(w1)")
            try db.query("UPDATE labor_requests SET end_time = '11:00' WHERE id = \(c.requests["r1"]!)")
            try db.query("UPDATE labor_requests SET start_time = '13:00' WHERE id = \(c.requests["r2"]!)")
            try assign(db, c, "r1", "w1")
            try assign(db, c, "r2", "w1")
            #expect(try liveCount(db, worker: w1) == 2)

            // A third job: above two a day, and overlapping.
            try db.query("UPDATE workers SET max_jobs_per_day = 3 WHERE id = \(w1)")
            let overlap = refusal { try assign(db, c, "r3", "w1", force: true) }
            #expect(overlap?.contains("농가 사이 이동 시간이 모자랍니다") == true)
            try db.query("UPDATE workers SET max_jobs_per_day = 2 WHERE id = \(w1)")
            let third = refusal { try assign(db, c, "r3", "w1", force: true) }
            #expect(third?.contains("하루 최대 2건") == true)
            #expect(try liveCount(db, worker: w1) == 2)

            // The plan keeps both pins and is valid for the solver's own scorer.
            let s = try RosterPlanner.plan(center: c.center, date: Self.date, on: db, clock: Self.clock)
            #expect(s.score.hard == 0 && s.pinsKept == 2)

            // Decline: with two jobs that day, the worker's job must be named.
            let ask = refusal {
                _ = try RosterDecline.decline(
                    center: c.center, date: Self.date, worker: .id(w1), reason: nil, on: db, clock: Self.clock)
            }
            #expect(ask?.contains("--request \(c.requests["r1"]!)") == true)
            #expect(ask?.contains("--request \(c.requests["r2"]!)") == true)
            let d = try RosterDecline.decline(
                center: c.center, date: Self.date, worker: .id(w1), request: c.requests["r2"]!, reason: nil, on: db,
                clock: Self.clock)
            #expect(d.requestID == c.requests["r2"]!)
            #expect(try liveCount(db, worker: w1) == 1)
        }
    }

    /// Every version 2 field the database holds reaches the solver, and the exported day replays to the stored
    /// score (and the shared scorer agrees when ../shared is there).
    @Test func theLoadedDayCarriesVersion2AndTheExportReplays() throws {
        try withCounty { db, c in
            let (w2, w3, w4, w5) = (c.workers["w2"]!, c.workers["w3"]!, c.workers["w4"]!, c.workers["w5"]!)
            let point = try Pickups.add(
                name: "이월 마을회관", location: LocationInput(lat: 36.8610, lon: 127.4510), center: "JC", on: db)
            _ = try Pickups.setFarm(code: "F1", seats: 2, points: ["이월 마을회관"], center: "JC", on: db)
            // A new request of F1 gets the farm's van.
            let job = try Requests.submit(
                RequestInput(
                    farm: "F1", date: Self.date.description, start: "13:00", end: "17:00", task: "선별",
                    headcount: 1, pools: "봉사"),
                center: "JC", clock: Self.clock, on: db)
            let newRequest = job.requestIDs[0]
            let stored = try #require(try RequestStore.find(id: newRequest, center: c.center.id, on: db))
            #expect(stored.values.pickupSeats == 2 && stored.values.pickupPoints == ["이월 마을회관"])
            #expect(stored.values.pools == [.volunteer])
            _ = try Requests.edit(
                c.requests["r1"]!, RequestInput(pickupSeats: "2", pickupPoints: ["이월 마을회관"]), center: "JC",
                clock: Self.clock, on: db)
            _ = try Workers.edit(
                String(w2), WorkerInput(version2: WorkerVersion2Input(car: "n", pickupPoint: "이월 마을회관")),
                center: "JC", on: db)
            _ = try Workers.edit(
                String(w3), WorkerInput(version2: WorkerVersion2Input(pool: "봉사", maxMinutesPerDay: 240)),
                center: "JC", on: db)
            _ = try Workers.edit(
                String(w5), WorkerInput(category: "신중년", version2: WorkerVersion2Input(stayUntil: "2100-01-01")),
                center: "JC", on: db)
            _ = try Workers.setAvailability(
                String(w4), days: Self.date...Self.date, off: false, fromTime: "06:00", toTime: "12:00",
                center: "JC", clock: Self.clock, on: db)
            // A bad pickup point name is refused, naming it.
            let unknown = refusal {
                _ = try Workers.edit(
                    String(w2), WorkerInput(version2: WorkerVersion2Input(pickupPoint: "없는곳")), center: "JC", on: db)
            }
            #expect(unknown?.contains("없는곳") == true)

            let day = try PlanningDay.load(center: c.center, date: Self.date, on: db)
            let i = day.instance
            let pid = "p\(point.id)"
            #expect(i.pickupPoints.map(\.id) == [pid])
            let worker = { (id: Int64) in i.workers.first { $0.id == "w\(id)" }! }
            #expect(worker(w2).car == false && worker(w2).pickupPoint == pid)
            #expect(worker(w3).pool == .volunteer && worker(w3).maxMinutesPerDay == 240)
            #expect(worker(w4).windows[Self.date] == [ClockWindow(from: 360, to: 720)])
            #expect(worker(w5).category == .midlife && worker(w5).stayUntil == Day("2100-01-01"))
            let r1 = i.requests.first { $0.id == "r\(c.requests["r1"]!)" }!
            #expect(r1.pickup == Pickup(points: [pid], seats: 2))
            let rNew = i.requests.first { $0.id == "r\(newRequest)" }!
            #expect(rNew.pools == [.volunteer] && rNew.startMinute == 13 * 60)

            let s = try RosterPlanner.plan(center: c.center, date: Self.date, on: db, clock: Self.clock)
            #expect(s.score.hard == 0)
            let exported = try ExportInstance.export(center: c.center, date: Self.date, on: db)
            let replayed = try InstanceDecoder.decode(exported.json)
            #expect(replayed.pickupPoints.count == 1 && replayed.workers.contains { !$0.car })
            let plan = solve(replayed)
            #expect(plan.score == s.score)
            let pairs = try RosterFixtures.livePairs(c.center, Self.date, on: db)
            #expect(score(replayed, assignments: pairs).score == s.score)
            try SharedScorer.expectAgrees(instanceJSON: exported.json, plan: plan)
        }
    }
}

/// `../shared/tools/score_plan.py` beside the repository, when it is there (skipped otherwise, never the test).
enum SharedScorer {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static var script: URL? {
        let url = root.appendingPathComponent("shared/tools/score_plan.py")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Runs the shared scorer on an instance and a plan; expects exit 0 and the plan's score.
    static func expectAgrees(
        instanceJSON: [UInt8], plan: Plan, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard let script else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inst = dir.appendingPathComponent("instance.json")
        let planFile = dir.appendingPathComponent("plan.json")
        try Data(instanceJSON).write(to: inst)
        try Data(PlanJSON.encode(plan).utf8).write(to: planFile)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script.path, inst.path, planFile.path, "--strict"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, sourceLocation: sourceLocation)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let s = json?["score"] as? [String: Any]
        #expect(s?["hard"] as? Int == plan.score.hard, sourceLocation: sourceLocation)
        #expect(s?["medium"] as? Int == plan.score.medium, sourceLocation: sourceLocation)
        #expect(s?["soft"] as? Int == plan.score.soft, sourceLocation: sourceLocation)
    }
}
