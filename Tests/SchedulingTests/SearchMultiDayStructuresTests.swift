import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The two-job structure search on multi-day instances (`SearchMultiDayStructures.swift`): from a plan whose days
/// hold no two-job row, completing each day exactly (`resolveSingles`) loses medium, and the structure search of each
/// day with the others fixed reaches the optimum of every plan; it never lowers a plan.
@Suite struct SearchMultiDayStructuresTests {
    static let days = [Fixtures.day1, Fixtures.day2]

    /// A deterministic random two-day instance: half-day jobs (mornings and afternoons at nearby farms) and a few
    /// full days on each date, workers who may take two jobs a day, some with a weekly cap of one date.
    static func randomWeek(_ seed: Int, workers nW: Int = 3, requestsPerDay nR: Int = 2) -> Instance {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let spans = [
            ("06:00", "10:00"), ("07:00", "11:00"), ("13:00", "17:00"), ("12:30", "16:30"), ("07:00", "16:00"),
        ]
        var farms: [Farm] = []
        var requests: [LaborRequest] = []
        for (di, day) in Self.days.enumerated() {
            for i in 0..<nR {
                let id = di * nR + i
                farms.append(Farm(id: "f\(id)", location: Fixtures.east(Double(next(8)))))
                let span = spans[next(spans.count)]
                let headcount = 1 + next(3)
                requests.append(
                    LaborRequest(
                        id: "r\(id)", farm: "f\(id)", job: next(2) == 0 ? "j\(i)" : nil, date: day,
                        start: TimeOfDay(span.0), end: TimeOfDay(span.1), headcount: headcount,
                        minHeadcount: next(4) == 0 ? headcount : 1, priority: 1 + next(3)))
            }
        }
        var workers: [Worker] = []
        for i in 0..<nW {
            var w = Fixtures.worker(
                "w\(i)", km: Double(next(10)), days: Set(Self.days), maxDays: next(3) == 0 ? 1 : 6, recent: next(6))
            w.maxJobsPerDay = next(5) == 0 ? 1 : 2
            workers.append(w)
        }
        return Instance(
            weights: Weights(fairness: 5, continuity: 30, share: 1 + next(5)), workers: workers, farms: farms,
            requests: requests, version: 2)
    }

    /// The best score of every plan that gives each worker at most two requests on each date.
    static func exhaustive(_ instance: Instance) -> Score {
        var perDay: [[[String]]] = []
        for day in Self.days {
            let ids = instance.requests.filter { $0.date == day }.map(\.id)
            var sets: [[String]] = [[]]
            for (i, a) in ids.enumerated() {
                sets.append([a])
                for b in ids[(i + 1)...] { sets.append([a, b]) }
            }
            perDay.append(sets)
        }
        var week: [[String]] = []
        for a in perDay[0] { for b in perDay[1] { week.append(a + b) } }
        return ExhaustiveRows.best(instance, options: Array(repeating: week, count: instance.workers.count))!
    }

    /// Both days completed exactly with no two-job row (each day in turn, until neither improves).
    static func singlesOnly(_ instance: Instance) -> GeneralEngine {
        var engine = GeneralEngine(Problem(instance), SolveOptions())
        var improved = true
        while improved {
            improved = false
            for d in 0..<2 where engine.resolveSingles(d, maxWork: Int.max) { improved = true }
        }
        return engine
    }

    /// Seeds whose optimum needs a two-job row (the best plan of single jobs stays below its medium) and where the
    /// structure search by day alone reaches it (found among seeds 1-80: 53 need a two-job row, 29 of them are
    /// reached by the structure search of each day with the other fixed; the others need two days changed at once).
    static let mediumSeeds: [Int] = [3, 4, 5, 8, 11, 12, 14, 22, 23, 29]

    /// Seeds whose optimum needs a two-job row where the structure search by day alone stops below its medium.
    static let acrossDaySeeds: [Int] = [10, 13, 15, 16, 18, 20, 24, 25]

    /// From the single-job plan, the structure search by day (with the day's single jobs re-solved between rounds)
    /// reaches the exhaustive optimum where the single jobs alone lose medium.
    @Test(arguments: mediumSeeds)
    func theStructuresByDayReachTheOptimum(seed: Int) {
        let instance = Self.randomWeek(seed)
        let want = Self.exhaustive(instance)
        var engine = Self.singlesOnly(instance)
        let singles = score(instance, assignments: engine.assignments()).score
        #expect(singles.hard == 0)
        #expect(singles.medium < want.medium, "seed \(seed)")
        for _ in 0..<4 {
            guard engine.searchStructuresByDay(maxWork: Int.max, perRound: Int.max) else { break }
        }
        let got = score(instance, assignments: engine.assignments()).score
        #expect(got == want, "seed \(seed)")
    }

    /// The search never lowers a plan, never breaks a rule, and gives the same plan twice.
    @Test(arguments: 1...40)
    func theSearchNeverLowersAPlan(seed: Int) {
        let instance = Self.randomWeek(seed, workers: 4, requestsPerDay: 3)
        var engine = Self.singlesOnly(instance)
        let before = score(instance, assignments: engine.assignments()).score
        var again = engine
        _ = engine.searchStructuresByDay(maxWork: Int.max)
        _ = again.searchStructuresByDay(maxWork: Int.max)
        let after = score(instance, assignments: engine.assignments()).score
        #expect(after.hard == 0, "seed \(seed)")
        #expect(after >= before, "seed \(seed)")
        #expect(engine.assignments() == again.assignments(), "seed \(seed)")
    }

    /// The whole engine on the seeds whose optimum needs a two-job row: the plan is the exhaustive optimum.
    @Test(arguments: mediumSeeds + acrossDaySeeds)
    func theEngineReachesTheOptimum(seed: Int) {
        let instance = Self.randomWeek(seed)
        let want = Self.exhaustive(instance)
        let plan = solve(instance)
        #expect(plan.score == want, "seed \(seed)")
    }
}
