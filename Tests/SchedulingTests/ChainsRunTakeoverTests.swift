import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// The run takeovers (`ChainsRunTakeovers.swift`, session gap23): one worker takes a job's seats on consecutive days
/// from their holders, who take its seats back, re-decided exactly with every headcount kept.
@Suite struct ChainsRunTakeoverTests {
    /// Three days of job J (one seat a day) and one seat a day of three other jobs, all on one farm: a works the other
    /// jobs, b works J on days 1-2 and c on day 3 (b off on day 3, c off before). The ejection pass has no seed (no
    /// worker works J beside a day whose J seat it may take), but a taking J's run and b and c taking a's seats gives
    /// a two links instead of b's one: +30, the enumerated optimum, with every headcount kept.
    @Test func aWorkerTakesAJobsRunFromItsHolders() throws {
        let day3 = Fixtures.day1.adding(days: 2)
        let days = [Fixtures.day1, Fixtures.day2, day3]
        let ws = [
            Fixtures.worker("a", km: 1, days: Set(days)),
            Fixtures.worker("b", km: 2, days: [Fixtures.day1, Fixtures.day2]),
            Fixtures.worker("c", km: 2, days: [day3]),
        ]
        var rs: [LaborRequest] = []
        for (i, d) in days.enumerated() {
            rs.append(Fixtures.request("j\(i + 1)", job: "J", date: d))
            rs.append(Fixtures.request("k\(i + 1)", job: "K\(i + 1)", date: d))
        }
        let instance = Instance(
            name: "run-takeover", weights: Weights(fairness: 5, continuity: 30), workers: ws, farms: [Fixtures.farm()],
            requests: rs, pinned: [], history: [])
        let start = [
            Pair(request: "k1", worker: "a"), Pair(request: "k2", worker: "a"), Pair(request: "k3", worker: "a"),
            Pair(request: "j1", worker: "b"), Pair(request: "j2", worker: "b"), Pair(request: "j3", worker: "c"),
        ]
        let lookup = SlotCandidates(LocalSearchDayILSTests.engine(instance, start).p, nD: 3)
        var old = LocalSearchDayILSTests.engine(instance, start)
        let before = old.currentScore()
        let ejected = old.ejectionDescent(lookup)
        #expect(!ejected)
        #expect(old.currentScore() == before)

        var e = LocalSearchDayILSTests.engine(instance, start)
        try Self.expectDescentGains(
            &e, instance, lookup, from: before, gain: 30,
            reaching: [
                Pair(request: "j1", worker: "a"), Pair(request: "j2", worker: "a"), Pair(request: "j3", worker: "a"),
                Pair(request: "k1", worker: "b"), Pair(request: "k2", worker: "b"), Pair(request: "k3", worker: "c"),
            ])
    }

    /// The shared check of the hand-made cases: the takeover descent moves, gains `gain` over `before`, reaches the
    /// enumerated optimum with every headcount kept, ends at exactly `reaching`, and the scorer agrees.
    static func expectDescentGains(
        _ e: inout Engine, _ instance: Instance, _ lookup: SlotCandidates, from before: Score, gain: Int,
        reaching: Set<Pair>
    ) throws {
        let counts = e.headcounts()
        let moved = e.runTakeoverDescent(lookup)
        #expect(moved)
        let best = try #require(BruteForce(instance: instance).optimum())
        #expect(e.currentScore() == Score(hard: 0, medium: best.medium, soft: best.soft))
        #expect(e.currentScore().soft == before.soft + gain)
        #expect(e.headcounts() == counts)
        let plan = e.makePlan()
        #expect(Set(plan.assignments) == reaching)
        try Fixtures.expectScorerAgrees(instance, plan: plan)
    }

    /// Two days of job J (two seats a day) and one seat a day of two other jobs, all on one farm: a works the other
    /// jobs, b works J on both days, c J on day 1 and d J on day 2 (c and d available one day each). The first holder
    /// of each day that may take a's seat back is b, and a and b trading gains nothing (a's link for b's); the holder
    /// choice (session gap25) names a, c and d instead: a takes J's run from c and d, who take a's seats, +30, the
    /// enumerated optimum, with every headcount kept.
    @Test func theHolderChoiceTakesTheRunFromTheRightHolders() throws {
        let days = [Fixtures.day1, Fixtures.day2]
        let ws = [
            Fixtures.worker("a", days: Set(days)), Fixtures.worker("b", days: Set(days)),
            Fixtures.worker("c", days: [Fixtures.day1]), Fixtures.worker("d", days: [Fixtures.day2]),
        ]
        let rs = [
            Fixtures.request("j1", job: "J", date: Fixtures.day1, headcount: 2),
            Fixtures.request("j2", job: "J", date: Fixtures.day2, headcount: 2),
            Fixtures.request("k1", job: "K1", date: Fixtures.day1),
            Fixtures.request("k2", job: "K2", date: Fixtures.day2),
        ]
        let instance = Instance(
            name: "run-takeover-holders", weights: Weights(fairness: 5, continuity: 30), workers: ws,
            farms: [Fixtures.farm()], requests: rs, pinned: [], history: [])
        let start = [
            Pair(request: "k1", worker: "a"), Pair(request: "k2", worker: "a"), Pair(request: "j1", worker: "b"),
            Pair(request: "j2", worker: "b"), Pair(request: "j1", worker: "c"), Pair(request: "j2", worker: "d"),
        ]
        var e = LocalSearchDayILSTests.engine(instance, start)
        let lookup = SlotCandidates(e.p, nD: 2)
        var steps = 0
        #expect(!e.runTakeoverSets(e.pinnedWorkers(), lookup, steps: &steps).contains([0, 2, 3]))
        let named = e.runTakeoverHolderSets(e.pinnedWorkers(), lookup, steps: &steps)
        #expect(named.map(\.set) == [[0, 2, 3]])
        #expect(named.map(\.value) == [30])
        let before = e.currentScore()
        try Self.expectDescentGains(
            &e, instance, lookup, from: before, gain: 30,
            reaching: [
                Pair(request: "j1", worker: "a"), Pair(request: "j2", worker: "a"), Pair(request: "j1", worker: "b"),
                Pair(request: "j2", worker: "b"), Pair(request: "k1", worker: "c"), Pair(request: "k2", worker: "d"),
            ])
    }

    /// Generated instances of seven workers over two or three days (jobs J and L with two seats every day, one seat a
    /// day of a job of that day; homes 1-3 km away, some days unavailable), dealt in a seed-driven order: each set the
    /// holder choice names with its gain reaches at least that gain by an enumeration of its workers' schedules over
    /// the seats they hold (`BruteForce`: headcounts, minimums, weekly caps; no code shared with the move; sets of at
    /// most four), has two to `runTakeoverMaxSet` distinct workers; after the descent (enough passes) no set is named
    /// and the headcounts are those of the plan before.
    @Test(arguments: Array(1...12) as [UInt64])
    func namedHolderMovesReachTheirGain(_ seed: UInt64) throws {
        let days = [Fixtures.day1, Fixtures.day2, Fixtures.day1.adding(days: 2)].prefix(seed % 2 == 0 ? 2 : 3)
        func mix(_ x: Int) -> Int { Int((UInt64(x) &+ seed &* 7919) &* 2_654_435_761 % 1009) }
        let ws = (0..<7).map { w in
            Fixtures.worker(
                "w\(w)", km: Double(1 + mix(w) % 3),
                days: Set(days.enumerated().filter { mix(w * 5 + $0.offset) % 6 != 0 }.map(\.element)))
        }
        var rs: [LaborRequest] = []
        for (k, d) in days.enumerated() {
            rs.append(Fixtures.request("j\(k)", job: "J", date: d, headcount: 2))
            rs.append(Fixtures.request("l\(k)", job: "L", date: d, headcount: 2))
            rs.append(Fixtures.request("k\(k)", job: "K\(k)", date: d))
        }
        let instance = Instance(
            name: "run-takeover-holders-\(seed)", weights: Weights(fairness: 5, continuity: 30), workers: ws,
            farms: [Fixtures.farm()], requests: rs, pinned: [], history: [])
        var pairs: [Pair] = []
        for (k, d) in days.enumerated() {
            let seats = ["j\(k)", "j\(k)", "l\(k)", "l\(k)", "k\(k)"]
            let order = ws.indices.filter { ws[$0].available.contains(d) }.sorted {
                (mix($0 * 11 + k), $0) < (mix($1 * 11 + k), $1)
            }
            for (seat, w) in zip(seats, order) { pairs.append(Pair(request: seat, worker: ws[w].id)) }
        }
        let start = LocalSearchDayILSTests.engine(instance, pairs)
        let brute = BruteForce(instance: instance)
        let requests = instance.requests
        let nD = start.nD
        let dates = Array(Set(requests.map(\.date))).sorted()
        let lookup = SlotCandidates(start.p, nD: nD)
        var steps = 0
        let current = start.currentScore()
        for (set, gain) in start.runTakeoverHolderSets(start.pinnedWorkers(), lookup, steps: &steps) {
            #expect(gain > 0)
            #expect(set.count >= 2 && set.count <= Engine.runTakeoverMaxSet)
            #expect(Set(set).count == set.count)
            guard set.count <= 4 else { continue }
            var rows: [(r: Int, w: Int)] = []
            for w in 0..<instance.workers.count where !set.contains(w) {
                for d in 0..<nD where start.assign[w * nD + d] >= 0 {
                    rows.append((Int(start.assign[w * nD + d]), w))
                }
            }
            let want = try #require(
                ChainsHeadcountMoveTests.bestOfSchedules(brute, set, days: dates.count, beside: rows) { w, k in
                    requests.indices.filter { r in
                        set.contains { start.assign[$0 * nD + k] == Int32(r) }
                            && brute.allowed(instance.workers[w], requests[r])
                    }
                })
            #expect(want.0 == current.medium, "set \(set)")
            #expect(want.1 >= current.soft + Int(gain), "set \(set)")
        }
        var e = start
        let moved = e.runTakeoverDescent(lookup, maxPasses: 50)
        #expect(e.currentScore() >= current)
        #expect(moved == (e.currentScore() > current))
        #expect(e.headcounts() == start.headcounts())
        #expect(e.runTakeoverHolderSets(e.pinnedWorkers(), lookup, steps: &steps).isEmpty)
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
    }

    /// Random instances of six workers over two or three days, from the first flow's plan and from the empty plan's
    /// greedy days: after the descent (enough passes), no set of at most three workers that the seeding names gains
    /// by an enumeration of those workers' schedules over the seats they hold (`BruteForce`: headcounts, minimums,
    /// weekly caps; no code shared with the move); every set has two to `runTakeoverMaxSet` distinct workers, and the
    /// headcounts are those of the plan before.
    @Test(arguments: Array(1...10) as [UInt64])
    func theDescentEndsWhereNoSeededSetGains(_ seed: UInt64) throws {
        let (instance, start) = ChainsHeadcountMoveTests.flowEngine(
            seed &+ 170, workers: 6, requests: 6, days: seed % 2 == 0 ? 2 : 3)
        let days = start.nD
        let brute = BruteForce(instance: instance)
        let requests = instance.requests
        let dates = Array(Set(requests.map(\.date))).sorted()
        let lookup = SlotCandidates(start.p, nD: days)
        var e = start
        let before = e.currentScore()
        let counts = e.headcounts()
        let moved = e.runTakeoverDescent(lookup, maxPasses: 50)
        #expect(e.currentScore() >= before)
        #expect(moved == (e.currentScore() > before))
        #expect(e.headcounts() == counts)
        var steps = 0
        for set in e.runTakeoverSets(e.pinnedWorkers(), lookup, steps: &steps) {
            #expect(set.count >= 2 && set.count <= Engine.runTakeoverMaxSet)
            #expect(Set(set).count == set.count)
            guard set.count <= 3 else { continue }
            var rows: [(r: Int, w: Int)] = []
            for w in 0..<instance.workers.count where !set.contains(w) {
                for d in 0..<days where e.assign[w * days + d] >= 0 { rows.append((Int(e.assign[w * days + d]), w)) }
            }
            let plan = e
            let want = try #require(
                ChainsHeadcountMoveTests.bestOfSchedules(brute, set, days: dates.count, beside: rows) { w, k in
                    requests.indices.filter { r in
                        set.contains { plan.assign[$0 * days + k] == Int32(r) }
                            && brute.allowed(instance.workers[w], requests[r])
                    }
                })
            #expect(Score(hard: 0, medium: want.0, soft: want.1) <= e.currentScore(), "set \(set)")
        }
        try Fixtures.expectScorerAgrees(instance, plan: e.makePlan())
    }

    /// Random 30-worker instances over three to five days, from the first flow's plan: the pass never lowers the
    /// score, says whether it rose, keeps every headcount and the scorer's agreement, and gives the same plan and
    /// work twice.
    @Test(arguments: Array(1...8) as [UInt64])
    func passNeverLowersAndRepeats(_ seed: UInt64) throws {
        let (start, after) = try ChainsHeadcountMoveTests.expectPassNeverLowersAndRepeats(seed, offset: 210) {
            $0.runTakeoverDescent($1)
        }
        #expect(after.headcounts() == start.headcounts())
    }
}
