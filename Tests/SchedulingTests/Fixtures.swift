import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Small static factories for hand-made instances, a seeded random-instance builder, and the shared scorer.
enum Fixtures {
    static let day1 = Day("2026-12-01")!  // a Tuesday
    static let day2 = Day("2026-12-02")!
    static let origin = GeoPoint(lat: 36.85, lon: 127.44)

    /// A point `km` east of `origin` (along the parallel, approximately).
    static func east(_ km: Double) -> GeoPoint {
        GeoPoint(lat: origin.lat, lon: origin.lon + km / (111.32 * cos(origin.lat * .pi / 180)))
    }

    static func worker(
        _ id: String, km: Double = 1, skills: Set<String> = [], days: Set<Day> = [day1], cap: Double = 30,
        maxDays: Int = 6, recent: Int = 0, worked: Set<Day> = [], blockedFarms: Set<String> = [],
        allowedFarms: Set<String>? = nil
    ) -> Worker {
        Worker(
            id: id, home: east(km), skills: skills, maxTravelKm: cap, available: days, maxDaysPerWeek: maxDays,
            recentDaysWorked: recent, workedDates: worked, blockedFarms: blockedFarms, allowedFarms: allowedFarms)
    }

    static func farm(_ id: String = "f1", blocked: Set<String> = []) -> Farm {
        Farm(id: id, location: origin, blockedWorkers: blocked)
    }

    static func request(
        _ id: String, farm: String = "f1", job: String? = nil, date: Day = day1, skills: Set<String> = [],
        headcount: Int = 1, min: Int = 1, priority: Int = 1, cap: Double? = nil
    ) -> LaborRequest {
        LaborRequest(
            id: id, farm: farm, job: job, date: date, skills: skills, headcount: headcount, minHeadcount: min,
            priority: priority, maxTravelKm: cap)
    }

    /// A seeded random instance: workers and farms scattered over ~40 km, a few skills, some minimum headcounts.
    static func random(
        seed: UInt64, workers: Int = 25, requests: Int = 8, days: Int = 1, minHeadcounts: Bool = true,
        pins: Bool = false
    ) -> Instance {
        var g = SplitMix64(seed: seed)
        func unit() -> Double { Double(g.next() % 1_000_000) / 1_000_000 }
        func int(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        let skills = ["harvest", "spraying", "packing"]
        let dates = (0..<days).map { day1.adding(days: $0) }
        var ws: [Worker] = []
        for i in 0..<workers {
            var s: Set<String> = []
            for k in skills where int(3) == 0 { s.insert(k) }
            let avail = Set(dates.filter { _ in int(4) != 0 })
            ws.append(
                Worker(
                    id: "w\(i + 1)",
                    home: GeoPoint(lat: origin.lat + unit() * 0.3 - 0.15, lon: origin.lon + unit() * 0.3 - 0.15),
                    skills: s, maxTravelKm: Double(10 + int(20)), available: avail, maxDaysPerWeek: 1 + int(6),
                    recentDaysWorked: int(10)))
        }
        let nFarms = max(1, requests / 2)
        let fs = (0..<nFarms).map { i in
            Farm(
                id: "f\(i + 1)",
                location: GeoPoint(lat: origin.lat + unit() * 0.3 - 0.15, lon: origin.lon + unit() * 0.3 - 0.15))
        }
        var rs: [LaborRequest] = []
        var i = 0
        while rs.count < requests {
            let hc = 1 + int(4)
            let farm = fs[int(nFarms)].id
            let job = "j\(i)"
            let first = int(days)
            let length = 1 + int(days - first)
            for d in first..<(first + length) where rs.count < requests {
                rs.append(
                    LaborRequest(
                        id: "r\(rs.count + 1)", farm: farm, job: job, date: dates[d],
                        skills: int(3) == 0 ? [skills[int(3)]] : [], headcount: hc,
                        minHeadcount: minHeadcounts ? 1 + int(hc) : 1, priority: 1 + int(4)))
            }
            i += 1
        }
        var pinned: [Pair] = []
        if pins, let r = rs.first, let w = ws.first(where: { $0.available.contains(r.date) }) {
            pinned.append(Pair(request: r.id, worker: w.id))
        }
        return Instance(
            name: "random-\(seed)", weights: Weights(fairness: 5, continuity: 30), workers: ws, farms: fs, requests: rs,
            pinned: pinned, history: [])
    }

    /// The project's own reference instances (`Tests/Instances`, see its README; outside the test target, so SwiftPM
    /// does not take them for resources).
    static let instances = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Instances")

    /// Names of the project's own reference instances (every `*.json` but `expected.json`), sorted.
    static var ownInstanceNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: instances.path)) ?? []
        return files.filter { $0.hasSuffix(".json") && $0 != "expected.json" }.map { String($0.dropLast(5)) }.sorted()
    }

    /// One of the project's own reference instances, decoded.
    static func ownInstance(_ name: String) throws -> Instance {
        try InstanceDecoder.decode([UInt8](try Data(contentsOf: instances.appendingPathComponent("\(name).json"))))
    }

    /// The proven optima of the project's own reference instances (`Instances/expected.json`).
    static func ownExpected() throws -> [String: Score] {
        try expectedScores(instances.appendingPathComponent("expected.json"))
    }

    /// Reads an `expected.json`: name → `{hard, medium, soft}`.
    static func expectedScores(_ url: URL) throws -> [String: Score] {
        guard let root = try JSONParser.parse([UInt8](Data(contentsOf: url))).object else {
            throw FixtureError("\(url.path): not a JSON object")
        }
        var out: [String: Score] = [:]
        for (name, value) in zip(root.keys, root.values) {
            guard let o = value.object, case .int(let h)? = o["hard"], case .int(let m)? = o["medium"],
                case .int(let s)? = o["soft"]
            else { throw FixtureError("\(url.path): \(name) is not {hard, medium, soft}") }
            out[name] = Score(hard: h, medium: m, soft: s)
        }
        return out
    }

    /// `../shared` beside the repository root, located from this file; nil without it, or when
    /// `ILSON_TEST_WITHOUT_SHARED` is set (to see a clone's run on a machine that has it).
    static var shared: URL? {
        if ProcessInfo.processInfo.environment["ILSON_TEST_WITHOUT_SHARED"] != nil { return nil }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let dir = root.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: dir.path) ? dir : nil
    }

    /// Says once, in one line, that the shared scorer's checks are skipped (a clone with nothing beside it).
    static let scorerAbsent: Void = {
        print(
            "note: ../shared is not beside the repository: the shared scorer's checks are skipped (the tests' own run)")
    }()

    /// Checks that the independent scorer (`../shared/tools/score_plan.py`) accepts the plan and computes `score`;
    /// without `../shared` (a user's clone) the check is skipped, said once, and the caller's own checks stand alone.
    static func expectScorerAgrees(
        _ instance: Instance, plan: Plan, score: Score? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard shared != nil else { return scorerAbsent }
        let (status, scored) = try runScorer(instance, plan: plan)
        #expect(status == 0, sourceLocation: sourceLocation)
        #expect(scored == (score ?? plan.score), sourceLocation: sourceLocation)
    }

    /// Runs the independent scorer on an instance file and a plan; returns its exit status and parsed score.
    static func runScorer(instance: URL, plan: Plan) throws -> (status: Int32, score: Score?) {
        guard let shared else { throw FixtureError("../shared is missing beside the repository") }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-test-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try Data(PlanJSON.encode(plan).utf8).write(to: tmp)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [
            "python3", shared.appendingPathComponent("tools/score_plan.py").path, instance.path, tmp.path, "--strict",
        ]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        var score: Score?
        if case .object(let o)? = try? JSONParser.parse([UInt8](data)), let s = o["score"]?.object,
            case .int(let h)? = s["hard"], case .int(let m)? = s["medium"], case .int(let so)? = s["soft"]
        {
            score = Score(hard: h, medium: m, soft: so)
        }
        return (p.terminationStatus, score)
    }

    /// Writes an instance as JSON (a minimal writer for tests) and scores the plan with the shared scorer.
    static func runScorer(_ instance: Instance, plan: Plan) throws -> (status: Int32, score: Score?) {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-inst-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try Data(instanceJSON(instance).utf8).write(to: tmp)
        return try runScorer(instance: tmp, plan: plan)
    }

    static func instanceJSON(_ i: Instance) -> String {
        func q(_ s: String) -> String { JSONText.quoted(s) }
        func list(_ s: Set<String>) -> String { "[" + s.sorted().map(q).joined(separator: ",") + "]" }
        func dates(_ s: Set<Day>) -> String { "[" + s.sorted().map { q($0.description) }.joined(separator: ",") + "]" }
        func pt(_ p: GeoPoint) -> String { "{\"lat\":\(p.lat),\"lon\":\(p.lon)}" }
        let ws = i.workers.map { w in
            "{\"id\":\(q(w.id)),\"home\":\(pt(w.home)),\"skills\":\(list(w.skills)),\"maxTravelKm\":\(w.maxTravelKm),"
                + "\"available\":\(dates(w.available)),\"maxDaysPerWeek\":\(w.maxDaysPerWeek),\"recentDaysWorked\":\(w.recentDaysWorked),"
                + "\"workedDates\":\(dates(w.workedDates)),\"blockedFarms\":\(list(w.blockedFarms)),"
                + "\"allowedFarms\":\(w.allowedFarms.map(list) ?? "null")}"
        }
        let fs = i.farms.map { f in
            "{\"id\":\(q(f.id)),\"location\":\(pt(f.location)),\"blockedWorkers\":\(list(f.blockedWorkers))}"
        }
        let rs = i.requests.map { r in
            "{\"id\":\(q(r.id)),\"farm\":\(q(r.farm)),\"job\":\(q(r.job)),\"date\":\(q(r.date.description)),"
                + "\"skills\":\(list(r.skills)),\"headcount\":\(r.headcount),\"minHeadcount\":\(r.minHeadcount),"
                + "\"priority\":\(r.priority),\"maxTravelKm\":\(r.maxTravelKm.map { "\($0)" } ?? "null")}"
        }
        let ps = i.pinned.map { "{\"request\":\(q($0.request)),\"worker\":\(q($0.worker))}" }
        let hs = i.history.map {
            "{\"worker\":\(q($0.worker)),\"job\":\(q($0.job)),\"date\":\(q($0.date.description))}"
        }
        return
            "{\"version\":1,\"name\":\(i.name.map(q) ?? "null"),\"weights\":{\"fairness\":\(i.weights.fairness),\"continuity\":\(i.weights.continuity)},"
            + "\"workers\":[\(ws.joined(separator: ","))],\"farms\":[\(fs.joined(separator: ","))],\"requests\":[\(rs.joined(separator: ","))],"
            + "\"pinned\":[\(ps.joined(separator: ","))],\"history\":[\(hs.joined(separator: ","))]}"
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
