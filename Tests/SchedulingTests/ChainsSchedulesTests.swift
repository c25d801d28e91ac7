import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The schedule relaxation over every plan day (`ScheduleDP`, `Engine.scheduleRelaxation`, `ChainsSchedules.swift`).
@Suite struct ChainsSchedulesTests {
    /// Every schedule of a worker, enumerated: per day off or one of its candidate requests (its pin on a pinned day),
    /// within its weekly caps, valued by the engine's own objective (`trueValue` of the plan holding only the pins and
    /// this schedule, less the medium part) at the given prices. Returns the best value.
    static func enumeratedBest(_ e: Engine, _ w: Int, lambda: [Double]) -> Double {
        let p = e.p
        let nD = e.nD
        var options: [[Int32]] = []
        for d in 0..<nD {
            let pin = p.pinnedOn[w * nD + d]
            if pin >= 0 {
                options.append([pin])
                continue
            }
            var o: [Int32] = [-1]
            for r in 0..<p.nR where Int(p.reqDay[r]) == d {
                for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where Int(p.candWorker[c]) == w {
                    o.append(Int32(r))
                }
            }
            options.append(o)
        }
        let (pins, pinCands) = e.pinnedAssignments()
        let lookup = SlotCandidates(p, nD: nD)
        var best = -Double.infinity
        var pick = [Int32](repeating: -1, count: nD)
        func visit(_ d: Int) {
            if d == nD {
                var used = [Int32](repeating: 0, count: p.weeks.count)
                for x in 0..<nD where pick[x] >= 0 && p.pinnedOn[w * nD + x] < 0 { used[Int(p.dayWeek[x])] += 1 }
                for k in 0..<p.weeks.count where used[k] > p.capLeft[w * p.weeks.count + k] { return }
                var probe = e
                probe.assign = pins
                probe.assignCand = pinCands
                var medium: Int64 = 0
                var price = 0.0
                for x in 0..<nD where pick[x] >= 0 && p.pinnedOn[w * nD + x] < 0 {
                    let r = Int(pick[x])
                    probe.assign[w * nD + x] = pick[x]
                    probe.assignCand[w * nD + x] = lookup.candidate(w, r, day: x)
                    medium += p.reqPriority[r] * p.bigM
                    price += lambda[r]
                }
                let alone = pinsOnlyValue(e, except: w)
                best = max(best, Double(probe.trueValue() - medium - alone) - price)
                return
            }
            for o in options[d] {
                pick[d] = o
                visit(d + 1)
            }
        }
        visit(0)
        return best
    }

    /// The objective of the plan with every pin but worker w's (the other pinned workers' links).
    static func pinsOnlyValue(_ e: Engine, except w: Int) -> Int64 {
        var probe = e
        (probe.assign, probe.assignCand) = e.pinnedAssignments()
        for d in 0..<e.nD { probe.assign[w * e.nD + d] = -1 }
        return probe.trueValue()
    }

    /// Seeded small instances (weekly caps, history, pins on every other seed, 3 to 5 days so some cross an ISO week):
    /// each worker's best schedule by the dynamic program has exactly the value of the best enumerated schedule, at
    /// random prices, and the schedule it returns has the value it claims.
    @Test(arguments: Array(1...12) as [UInt64])
    func theProgramFindsEachWorkersBestSchedule(_ seed: UInt64) {
        let days = 3 + Int(seed % 3)
        let instance = Fixtures.random(
            seed: seed &* 1_000_003, workers: 6, requests: 8, days: days, pins: seed % 2 == 0)
        let e = LocalSearchDayILSTests.engine(instance, instance.pinned)
        let lookup = SlotCandidates(e.p, nD: e.nD)
        let dp = ScheduleDP(e.p, nD: e.nD, lookup, allowed: [Bool](repeating: true, count: e.p.nR))
        var g = SplitMix64(seed: seed)
        for trial in 0..<3 {
            let lambda = (0..<e.p.nR).map { _ in trial == 0 ? 0 : Double(Int(g.next() % 81) - 40) }
            for w in 0..<e.p.nW {
                var choice = [Int32](repeating: -1, count: e.nD)
                let (value, _) = dp.best(w, lambda: lambda, choice: &choice)
                let expected = Self.enumeratedBest(e, w, lambda: lambda)
                #expect(abs(value - expected) < 1e-6, "worker \(w), trial \(trial)")
                let requests = choice.map { $0 >= 0 ? dp.optReq[Int($0)] : -1 }
                let claimed = dp.value(w, requests[...], lambda: lambda)
                #expect(claimed.map { abs($0 - value) < 1e-6 } == true)
            }
        }
    }

    /// Seeded small multi-day instances: the relaxation's bound is never below the best plan with the start's
    /// headcounts (exhaustive enumeration, `BruteForce`, no code shared), the phase never lowers the plan, keeps
    /// medium, and a bound that meets the plan means the plan is that optimum.
    @Test(arguments: Array(1...10) as [UInt64])
    func theBoundIsAtLeastTheEnumeratedOptimum(_ seed: UInt64) throws {
        let days = seed % 2 == 0 ? 3 : 4
        let workers = seed % 3 == 0 ? 4 : 3
        let instance = Fixtures.random(
            seed: seed &* 2_654_435_761, workers: workers, requests: 6, days: days)
        var e = LocalSearchDayILSTests.engine(instance, instance.pinned)
        e.startFrom(lookaheadHalves: 0, first: true)
        try Self.expectRelaxationBoundsTheOptimum(&e, instance)
    }

    /// Runs the relaxation (`rounds` of it) from `e`'s plan and checks what holds on any instance small enough to
    /// enumerate: its bound is never below the best plan with the start's headcounts (`BruteForce`, no code shared),
    /// the phase never lowers the plan, keeps medium and breaks no rule, a bound that meets the plan means the plan is
    /// that optimum, and the scorer agrees with the plan's score.
    static func expectRelaxationBoundsTheOptimum(
        _ e: inout Engine, _ instance: Instance, rounds: Int = Engine.scheduleRounds
    ) throws {
        var counts = [Int](repeating: 0, count: e.p.nR)
        for s in 0..<e.assign.count where e.assign[s] >= 0 { counts[Int(e.assign[s])] += 1 }
        let before = e.currentScore()
        let value = e.trueValue()
        let dp = ScheduleDP(
            e.p, nD: e.nD, SlotCandidates(e.p, nD: e.nD), allowed: [Bool](repeating: true, count: e.p.nR))
        // Pins' own soft terms are not in the schedule values: the offset between the two.
        let offset = Int64(before.soft) - e.planScheduleSoft(dp)
        let best = try #require(BruteForce(instance: instance).optimum(keeping: counts))
        let relaxed = e.scheduleRelaxation(rounds: rounds)
        let result = try #require(relaxed)
        #expect(result.rounds > 0)
        #expect(result.bound < Int64.max)
        #expect(result.bound >= result.plan)
        #expect(result.bound + offset >= Int64(best.soft))
        #expect(e.trueValue() >= value)
        let after = e.currentScore()
        #expect(after.hard == 0)
        #expect(after.medium == before.medium)
        #expect(after >= before)
        if result.bound == result.plan { #expect(Int64(after.soft) == Int64(best.soft)) }
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
    }

    /// A larger instance, from the empty plan's first flow: the phase never returns a worse plan, never breaks a hard
    /// rule, and the same budget gives the same plan.
    @Test(arguments: Array(1...3) as [UInt64])
    func thePhaseNeverLosesAndIsDeterministic(_ seed: UInt64) throws {
        let instance = Fixtures.random(seed: seed &* 7_919, workers: 30, requests: 14, days: 4, pins: true)
        func run() -> (Engine, Int64, Score) {
            var e = LocalSearchDayILSTests.engine(instance, instance.pinned)
            e.startFrom(lookaheadHalves: 0, first: true)
            let v = e.trueValue()
            let s = e.currentScore()
            e.scheduleRelaxation(rounds: 60)
            return (e, v, s)
        }
        let (a, before, scoreBefore) = run()
        #expect(a.trueValue() >= before)
        #expect(a.currentScore() >= scoreBefore)
        #expect(a.currentScore().hard == 0)
        let (b, _, _) = run()
        #expect(a.assign == b.assign)
        #expect(a.budget.spent == b.budget.spent)
        try Fixtures.expectScorerAgrees(instance, plan: a.makePlan())
    }
}
