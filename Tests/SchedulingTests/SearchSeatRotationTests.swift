import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Seat rotations (`SearchSeatRotation.swift`): a few workers' seats dealt again among them over every plan day, the
/// counts per request kept. Dealt among every worker of a small instance the move is exact (the best plan with those
/// counts, by exhaustion); from the plan where the other multi-day moves stop, it finds continuity they miss; it never
/// lowers a plan.
@Suite struct SearchSeatRotationTests {
    typealias Week = SearchMultiDayStructuresTests

    /// `Week.randomWeek` (two dates, half-day jobs, workers who may take two jobs, weekly caps of one date) with
    /// continuity worth more than most travel.
    static func instance(_ seed: Int, workers: Int, requestsPerDay: Int) -> Instance {
        var instance = Week.randomWeek(seed, workers: workers, requestsPerDay: requestsPerDay)
        instance.weights = Weights(fairness: 5, continuity: 60, share: 5)
        return instance
    }

    /// The plan where the search's other multi-day moves stop: day re-solves (priced and single-job), the structure
    /// searches by day and across days, single jobs across days, chain exchanges and the linked re-solve, in turn
    /// until none improves.
    static func oldSearch(_ instance: Instance) -> GeneralEngine {
        var engine = Week.singlesOnly(instance)
        let all = Array(0..<engine.nD)
        for _ in 0..<8 {
            var any = false
            for d in all {
                if engine.resolveDay(d) { any = true }
                if engine.resolveSingles(d, maxWork: Int.max) { any = true }
            }
            if engine.searchStructuresByDay(maxWork: Int.max, perRound: Int.max) { any = true }
            if engine.structuresAcrossDays(maxWork: Int.max, perRound: Int.max) { any = true }
            if engine.singlesAcrossDays(maxWork: Int.max, perRound: Int.max) { any = true }
            if engine.chainSwaps() { any = true }
            if engine.resolveLinked(days: all, maxWork: Int.max) { any = true }
            if !any { break }
        }
        return engine
    }

    /// The best valid plan whose workers per request are `counts`, by exhaustion over every date (each worker: nothing
    /// or a set of at most `maxJobsPerDay` requests it is a candidate for, per date).
    static func bestWithCounts(_ instance: Instance, _ counts: [String: Int]) -> Score? {
        ExhaustiveRows.best(instance, options: ExhaustiveRows.setsByDate(instance, atMost: \.maxJobsPerDay)) {
            choice in
            var n: [String: Int] = [:]
            for rs in choice { for r in rs { n[r, default: 0] += 1 } }
            return n == counts
        }
    }

    static func counts(_ pairs: [Pair]) -> [String: Int] {
        var n: [String: Int] = [:]
        for pair in pairs { n[pair.request, default: 0] += 1 }
        return n
    }

    /// `reassignSeats` dealt among every worker of `engine`'s instance, without the caps on deals and steps.
    static func dealAll(_ engine: inout GeneralEngine, maxDeals: Int = Int.max) -> Bool {
        var candOf: [Int: Int32] = [:]
        for c in 0..<engine.p.candidateCount where engine.candOK[c] {
            candOf[Int(engine.candReq[c]) * engine.p.nW + Int(engine.p.candWorker[c])] = Int32(c)
        }
        return engine.reassignSeats(Array(0..<engine.p.nW), candOf, maxDeals: maxDeals, maxSteps: Int.max)
    }

    /// Dealt among every worker (four), the move is the best plan with the plan's counts per request: exact, two-job
    /// rows re-paired, weekly caps and continuity included. Seed 30 is one where the other moves stop below that
    /// optimum (found by a scan of seeds 1-60: the only one of four workers and three requests a date).
    @Test(arguments: Array(1...12) + [30])
    func dealingEveryWorkerIsExact(seed: Int) throws {
        let instance = Self.instance(seed, workers: 4, requestsPerDay: 3)
        var engine = Self.oldSearch(instance)
        let before = score(instance, assignments: engine.assignments()).score
        let want = try #require(Self.bestWithCounts(instance, Self.counts(engine.assignments())))
        let improved = Self.dealAll(&engine)
        let after = score(instance, assignments: engine.assignments()).score
        #expect(after == want, "seed \(seed)")
        #expect(improved == (want > before), "seed \(seed)")
        if seed == 30 { #expect(improved && after.medium == before.medium && after.soft > before.soft) }
    }

    /// Seeds (five workers, four requests a date) where the other moves stop and the seeded rotations improve the
    /// plan, found by a scan of seeds 1-60 with caps of 400 deals a day and 200,000 steps (58 too, but not within
    /// `rotationMaxDeals` and `rotationMaxSteps`; the all-worker deal improves seed 31 too).
    static let rotationSeeds: [Int] = [15, 26, 29, 55]

    /// From the plan where the other moves stop, the seeded rotations (as `run()` calls them) improve it, keep its
    /// medium, and stay at most the best plan with its counts (the all-worker deal, exact by the test above).
    @Test(arguments: rotationSeeds)
    func rotationsImproveWhereTheOthersStop(seed: Int) {
        let instance = Self.instance(seed, workers: 5, requestsPerDay: 4)
        let old = Self.oldSearch(instance)
        var engine = old
        let before = score(instance, assignments: engine.assignments()).score
        let improved = engine.seatRotations(maxWork: Int.max, ignoreLeft: true)
        let after = score(instance, assignments: engine.assignments()).score
        #expect(improved, "seed \(seed)")
        #expect(after.hard == 0 && after.medium == before.medium && after.soft > before.soft, "seed \(seed)")
        var best = old
        _ = Self.dealAll(&best, maxDeals: 20_000)
        #expect(after <= score(instance, assignments: best.assignments()).score, "seed \(seed)")
    }

    /// The rotations never lower a plan, keep it valid and its medium, and give the same plan twice.
    @Test(arguments: 1...30)
    func rotationsNeverLowerAPlan(seed: Int) {
        let instance = Self.instance(seed, workers: 5, requestsPerDay: 4)
        MoveChecks.expectNeverLowers(instance, from: Week.singlesOnly(instance), seed: seed, keeps: .medium) {
            $0.seatRotations(maxWork: Int.max, ignoreLeft: true)
        }
    }

    /// The scan that found `rotationSeeds` and seed 30 of `dealingEveryWorkerIsExact` (run by hand): seeds where the
    /// seeded rotations, and the all-worker deal, improve the plan where the other moves stop.
    @Test(.disabled("a scan, run by hand"))
    func scan() {
        for (nW, nR) in [(4, 3), (5, 4)] {
            var rotations: [Int] = []
            var deals: [Int] = []
            for seed in 1...60 {
                let engine = Self.oldSearch(Self.instance(seed, workers: nW, requestsPerDay: nR))
                var a = engine
                if a.seatRotations(maxWork: Int.max, ignoreLeft: true) { rotations.append(seed) }
                var b = engine
                if Self.dealAll(&b, maxDeals: 20_000) { deals.append(seed) }
            }
            print("scan", nW, nR, "rotations improve", rotations, "the all-worker deal improves", deals)
        }
    }
}
