import Foundation
import Testing

@testable import Scheduling

/// `ilson score`'s scorer against scores computed by hand. Every farm and home lies on the meridian 127.44°E, so
/// the spec's haversine is 6371 km × Δφ: Δlat 0.01° = 1.112 km (cost round(11.12) = 11), 0.02° = 2.224 km (22),
/// 0.05° = 5.560 km (56), 0.1° = 11.119 km (111), 0.3° = 33.358 km (334), 1° = 111.195 km (1112).
@Suite struct ScorerHandTests {
    static func worker(_ id: String, lat: Double, _ extra: String = "") -> String {
        #"{"id": "\#(id)", "home": {"lat": \#(lat), "lon": 127.44}, "available": ["2026-12-01", "2026-12-02"]\#(extra)}"#
    }

    static func request(_ id: String, _ extra: String = "", date: String = "2026-12-01") -> String {
        #"{"id": "\#(id)", "farm": "f1", "date": "\#(date)"\#(extra)}"#
    }

    static func instance(
        weights: String, workers: [String], requests: [String], pinned: String = "", history: String = ""
    ) -> String {
        #"""
        {"version": 1, "weights": \#(weights), "workers": [\#(workers.joined(separator: ", "))],
         "farms": [{"id": "f1", "location": {"lat": 36.85, "lon": 127.44}}],
         "requests": [\#(requests.joined(separator: ", "))], "pinned": [\#(pinned)], "history": [\#(history)]}
        """#
    }

    /// Scores rows with the project's scorer and, when `../shared` is present, with the shared one.
    func scored(_ json: String, _ rows: [(String, String)]) throws -> ScoreReport {
        let instance = try InstanceDecoder.decode(Array(json.utf8))
        let pairs = rows.map { Pair(request: $0.0, worker: $0.1) }
        let report = score(instance, assignments: pairs)
        if let shared = Fixtures.shared {
            let (status, score) = try Self.sharedScore(shared, json, pairs)
            #expect(score == report.score)
            #expect((status == 0) == (report.score.hard == 0))
        } else {
            Fixtures.scorerAbsent
        }
        return report
    }

    /// The shared scorer on an instance text and plain rows (no `--strict`: these plans list no `unfilled`).
    static func sharedScore(_ shared: URL, _ json: String, _ rows: [Pair]) throws -> (Int32, Score?) {
        let dir = FileManager.default.temporaryDirectory
        let inst = dir.appendingPathComponent("ilson-hand-\(UUID().uuidString).json")
        let plan = dir.appendingPathComponent("ilson-hand-plan-\(UUID().uuidString).json")
        defer {
            try? FileManager.default.removeItem(at: inst)
            try? FileManager.default.removeItem(at: plan)
        }
        try Data(json.utf8).write(to: inst)
        let body = rows.map { #"{"request": "\#($0.request)", "worker": "\#($0.worker)"}"# }.joined(separator: ", ")
        try Data(#"{"version": 1, "assignments": [\#(body)]}"#.utf8).write(to: plan)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", shared.appendingPathComponent("tools/score_plan.py").path, inst.path, plan.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard let s = try JSONParser.parse([UInt8](data)).object?["score"]?.object,
            case .int(let h)? = s["hard"], case .int(let m)? = s["medium"], case .int(let so)? = s["soft"]
        else { return (p.terminationStatus, nil) }
        return (p.terminationStatus, Score(hard: h, medium: m, soft: so))
    }

    /// Distance and fairness. w1 at 36.80 (5.560 km: 56) with 3 recent days, w2 at 36.90 (5.560 km: 56), both on
    /// r1 (priority 2). medium = 2 + 2 = 4; soft = −(56 + 5 × 3) − (56 + 5 × 0) = −71 − 56 = −127.
    @Test func distanceAndFairness() throws {
        let json = Self.instance(
            weights: #"{"fairness": 5, "continuity": 30}"#,
            workers: [Self.worker("w1", lat: 36.80, #", "recentDaysWorked": 3"#), Self.worker("w2", lat: 36.90)],
            requests: [Self.request("r1", #", "headcount": 2, "priority": 2"#)])
        let report = try scored(json, [("r1", "w1"), ("r1", "w2")])
        #expect(report.score == Score(hard: 0, medium: 4, soft: -127))
        #expect(report.distanceCost == 112)
        #expect(report.fairnessCost == 15)
        #expect(report.continuityBonus == 0)
    }

    /// Continuity. Job j on 12-01 (r1) and 12-02 (r2), w1 at 36.86 (1.112 km: 11) on both, with `history` of job j on
    /// 11-30: both assignments continue (+30 each). w2 at 36.87 (2.224 km: 22) on r3 (job k, 12-02) has job k in
    /// history on 11-30, two days before: no bonus. medium = 1 + 1 + 1 = 3;
    /// soft = −11 − 11 − 22 + 30 + 30 = 16 (fairness 5 × 0 recent days).
    @Test func continuityFromHistoryAndThePlan() throws {
        let json = Self.instance(
            weights: #"{"fairness": 5, "continuity": 30}"#,
            workers: [Self.worker("w1", lat: 36.86), Self.worker("w2", lat: 36.87)],
            requests: [
                Self.request("r1", #", "job": "j", "headcount": 1"#),
                Self.request("r2", #", "job": "j", "headcount": 1"#, date: "2026-12-02"),
                Self.request("r3", #", "job": "k", "headcount": 1"#, date: "2026-12-02"),
            ],
            history:
                #"{"worker": "w1", "job": "j", "date": "2026-11-30"}, {"worker": "w2", "job": "k", "date": "2026-11-30"}"#
        )
        let report = try scored(json, [("r1", "w1"), ("r2", "w1"), ("r3", "w2")])
        #expect(report.score == Score(hard: 0, medium: 3, soft: 16))
        #expect(report.continuityBonus == 60)
    }

    /// Every kind of hard violation once (weights: fairness 1, continuity 0; homes at the farm unless said):
    /// rows r1←w1, r2←w1 (rule 5: w1 twice on 12-01), r1←w2 (rule 6: r1 has 2 of 1; rule 8: w2 has workedDates
    /// 11-30 in the same ISO week and maxDaysPerWeek 1), r3←w3 (rule 7: 1 of minimum 2; rule 3: w3 at 37.85 is
    /// 111.195 km away, cap 30), r4←w4 (pinned, breaks rule 2: a warning, not counted), r1←w9 (unknown worker),
    /// r1←w1 again (a repeated pair), r4←w5 (rule 2, not pinned), r2←w6 (rule 1: w6 is free on 12-02 only), and the
    /// pin r2←w5 is missing (rule 9): hard = −10.
    /// Clean rows: r1←w1 (2), r2←w1 (1), r1←w2 (2), r3←w3 (3), r4←w4 (1), r4←w5 (1), r2←w6 (1): medium = 11.
    /// soft = −(1112 + 1 × 2), w3's distance and 2 recent days: −1114.
    @Test func everyHardViolationCountedOnce() throws {
        let json = Self.instance(
            weights: #"{"fairness": 1, "continuity": 0}"#,
            workers: [
                Self.worker("w1", lat: 36.85),
                Self.worker("w2", lat: 36.85, #", "maxDaysPerWeek": 1, "workedDates": ["2026-11-30"]"#),
                Self.worker("w3", lat: 37.85, #", "recentDaysWorked": 2"#), Self.worker("w4", lat: 36.85),
                Self.worker("w5", lat: 36.85),
                #"{"id": "w6", "home": {"lat": 36.85, "lon": 127.44}, "available": ["2026-12-02"]}"#,
            ],
            requests: [
                Self.request("r1", #", "headcount": 1, "priority": 2"#), Self.request("r2", #", "headcount": 2"#),
                Self.request("r3", #", "headcount": 3, "minHeadcount": 2, "priority": 3"#),
                Self.request("r4", #", "skills": ["spray"], "headcount": 2"#),
            ],
            pinned: #"{"request": "r4", "worker": "w4"}, {"request": "r2", "worker": "w5"}"#)
        let rows = [
            ("r1", "w1"), ("r2", "w1"), ("r1", "w2"), ("r3", "w3"), ("r4", "w4"), ("r1", "w9"), ("r1", "w1"),
            ("r4", "w5"), ("r2", "w6"),
        ]
        let report = try scored(json, rows)
        #expect(report.score == Score(hard: -10, medium: 11, soft: -1114))
        #expect(
            report.violations.map { $0.rule ?? 0 }.sorted() == [0, 0, 1, 2, 3, 5, 6, 7, 8, 9],
            "\(report.violations)")
        #expect(report.warnings.map(\.rule) == [2])
    }

    /// Pins and caps that are no fault. w1 at 36.55 (33.358 km: 334) is pinned to r1 (priority 4) beyond its cap 30:
    /// a warning, not counted, yet scored. w2 at 36.95 (11.119 km: 111) on r2 (request cap 10 km): rule 3, counted.
    /// w3 at 36.87 (2.224 km: 22, 1 recent day) has maxDaysPerWeek 1 and two workedDates in the week before
    /// (over the cap there, which is no fault of the plan) and works r3 (priority 2) on Tuesday 12-01.
    /// hard = −1; medium = 4 + 1 + 2 = 7; soft = −334 − 111 − (22 + 5 × 1) = −472.
    @Test func pinsAndCapsThatAreNoFault() throws {
        let json = Self.instance(
            weights: #"{"fairness": 5, "continuity": 30}"#,
            workers: [
                Self.worker("w1", lat: 36.55), Self.worker("w2", lat: 36.95),
                Self.worker(
                    "w3", lat: 36.87,
                    #", "recentDaysWorked": 1, "maxDaysPerWeek": 1, "workedDates": ["2026-11-23", "2026-11-24"]"#),
            ],
            requests: [
                Self.request("r1", #", "headcount": 1, "priority": 4"#),
                Self.request("r2", #", "headcount": 1, "maxTravelKm": 10"#),
                Self.request("r3", #", "headcount": 1, "priority": 2"#),
            ],
            pinned: #"{"request": "r1", "worker": "w1"}"#)
        let report = try scored(json, [("r1", "w1"), ("r2", "w2"), ("r3", "w3")])
        #expect(report.score == Score(hard: -1, medium: 7, soft: -472))
        #expect(report.violations.map(\.kind) == ["too-far"])
        #expect(report.warnings.map(\.rule) == [3])
    }
}
