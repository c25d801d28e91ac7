import Foundation
import Testing
import Vocabulary

@testable import Scheduling

/// Link passes (`SearchLinkPasses.swift`): a request of a two-date job handed to another worker on one date as a kick,
/// the neighbouring date dealt again by the count re-deals' flows, kept only when the plan ranks higher. The passes
/// listed are exactly those an exhaustive walk over every exchange of two workers' jobs on a date finds (by the
/// scorer), each with the best exchange's value; the move never lowers a plan and gives the same plan twice.
@Suite struct SearchLinkPassesTests {
    typealias Rotation = SearchSeatRotationTests

    /// A pass as the walk names it: kick date, dealt date, giver, taker, request given.
    struct Key: Hashable, CustomStringConvertible {
        let kick: Int
        let dealt: Int
        let y: String
        let x: String
        let request: String
        var description: String { "\(request) \(y)→\(x) on \(kick) (deal \(dealt))" }
    }

    /// The move never lowers a plan, keeps its medium at least and gives the same plan twice.
    @Test(arguments: 1...30)
    func linkPassesNeverLowerAPlan(seed: Int) {
        let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
        let start = SearchMultiDayStructuresTests.singlesOnly(instance)
        MoveChecks.expectNeverLowers(instance, from: start, seed: seed, keeps: .mediumAtLeast) {
            $0.linkPassKicks(maxWork: Int.max)
        }
    }

    /// From the plans where the old search stops, the passes listed are those of an exhaustive walk: every request q
    /// of an unpinned worker y on a date k whose job has a request on a neighbouring date e, every other unpinned
    /// worker x not working the job on k, and every exchange (q to x, one of x's requests of k or none to y) that the
    /// scorer finds valid; a pass is listed when x works the job on e as y does, or works it not there but could
    /// (a candidate of one of its requests there), with the best exchange's soft change (the medium and counts do not
    /// move) at least −continuity, and its `delta` is that change. Some pass must be listed, so the check cannot pass
    /// empty.
    @Test func thePassesAreTheExhaustiveWalks() {
        var listed = 0
        for seed in 1...12 {
            let instance = Rotation.instance(seed, workers: 5, requestsPerDay: 3)
            let engine = SearchCountRedealTests.oldSearch(instance)
            let expected = Self.walk(engine)
            var got: [Key: Int64] = [:]
            for m in engine.linkPasses(engine.pinnedWorkers(), engine.candidateIndex()) {
                let key = Key(
                    kick: m.kickDay, dealt: m.redecide, y: instance.workers[m.y].id, x: instance.workers[m.x].id,
                    request: instance.requests[Int(engine.candReq[Int(m.give)])].id)
                #expect(got[key] == nil, "seed \(seed): \(key) twice")
                got[key] = m.delta
            }
            #expect(got == expected, "seed \(seed)")
            listed += got.count
        }
        #expect(listed > 0)
        print("link passes: \(listed) passes listed, each the exhaustive walk's")
    }

    /// The exhaustive walk of `thePassesAreTheExhaustiveWalks`, on the plan's assignments and the scorer.
    static func walk(_ engine: GeneralEngine) -> [Key: Int64] {
        let inst = engine.inst
        let pairs = engine.assignments()
        let before = score(inst, assignments: pairs).score
        let pinned = engine.pinnedWorkers()
        let candOf = engine.candidateIndex()
        let dates = Array(Set(inst.requests.map(\.date))).sorted()
        let reqIndex = Dictionary(uniqueKeysWithValues: inst.requests.enumerated().map { ($1.id, $0) })
        func date(_ r: String) -> Int { dates.firstIndex(of: inst.requests[reqIndex[r]!].date)! }
        func job(_ r: String) -> String { inst.requests[reqIndex[r]!].job ?? r }
        func worksJob(_ w: String, _ j: String, _ d: Int) -> Bool {
            pairs.contains { $0.worker == w && job($0.request) == j && date($0.request) == d }
        }
        var out: [Key: Int64] = [:]
        for pair in pairs {
            guard let yi = inst.workers.firstIndex(where: { $0.id == pair.worker }), !pinned[yi],
                !inst.pinned.contains(pair)
            else { continue }
            let q = pair.request
            let k = date(q)
            let j = job(q)
            for e in [k - 1, k + 1] where e >= 0 && e < dates.count {
                guard dates[e].ordinal - dates[k].ordinal == e - k else { continue }
                let there = inst.requests.indices.filter {
                    date(inst.requests[$0].id) == e && job(inst.requests[$0].id) == j
                }
                guard !there.isEmpty else { continue }
                for (xi, x) in inst.workers.enumerated() where xi != yi && !pinned[xi] {
                    guard !worksJob(x.id, j, k) else { continue }
                    let xOnE = worksJob(x.id, j, e)
                    let xNew = !xOnE && there.contains { candOf[$0 * inst.workers.count + xi] != nil }
                    guard xNew || (xOnE && worksJob(pair.worker, j, e)) else { continue }
                    let backs: [String?] =
                        pairs.filter { $0.worker == x.id && date($0.request) == k }.map { $0.request } + [nil]
                    var best: Int64?
                    for back in backs {
                        var next = pairs.filter {
                            $0 != pair && (back == nil || $0 != Pair(request: back!, worker: x.id))
                        }
                        next.append(Pair(request: q, worker: x.id))
                        if let back { next.append(Pair(request: back, worker: pair.worker)) }
                        let s = score(inst, assignments: next).score
                        guard s.hard == 0 else { continue }
                        best = max(best ?? Int64.min, Int64(s.soft - before.soft))
                    }
                    if let best, best >= -Int64(inst.weights.continuity) {
                        out[Key(kick: k, dealt: e, y: pair.worker, x: x.id, request: q)] = best
                    }
                }
            }
        }
        return out
    }

    /// The plan where the old search and the count re-deals stop.
    static func fixedPoint(_ instance: Instance) -> GeneralEngine {
        var engine = SearchCountRedealTests.oldSearch(instance)
        while engine.countRedeals(maxWork: Int.max) {}
        return engine
    }

    /// `SearchSeatRotationTests.instance` with continuity 30 (the generated rows' weight) and every priority 1.
    static func samePriority(_ seed: Int, workers: Int, requestsPerDay: Int) -> Instance {
        var instance = Rotation.instance(seed, workers: workers, requestsPerDay: requestsPerDay)
        instance.weights.continuity = 30
        for i in instance.requests.indices { instance.requests[i].priority = 1 }
        return instance
    }

    /// Seed 11 of six workers and four requests a date, continuity 30 and every priority 1 (a scan of seeds 1-60 of
    /// five, six and eight workers, with and without those weights: the only one): from the plan where the old search
    /// and the count re-deals stop, a pass improves the plan, which stays valid and ranks higher by the scorer.
    @Test func aPassImprovesWhereTheOtherMovesStop() {
        let instance = Self.samePriority(11, workers: 6, requestsPerDay: 4)
        let start = Self.fixedPoint(instance)
        let before = score(instance, assignments: start.assignments()).score
        var engine = start
        #expect(!start.linkPasses(start.pinnedWorkers(), start.candidateIndex()).isEmpty)
        let improved = engine.linkPassKicks(maxWork: Int.max)
        #expect(improved)
        let after = score(instance, assignments: engine.assignments()).score
        #expect(after.hard == 0 && after > before)
        print("link passes: seed 11 \(before) -> \(after)")
    }

    /// A scan for seeds where the passes improve the plan where the old search and the count re-deals stop (run by
    /// hand, 68 s in debug each way): none of seeds 1-60 of five workers and three requests a date, six and four,
    /// eight and five, with `Rotation.instance`'s weights (continuity 60); with `samePriority`, seed 11 of six and
    /// four only.
    @Test(.disabled("a scan, run by hand"))
    func scan() {
        for same in [false, true] {
            for (nW, nR) in [(5, 3), (6, 4), (8, 5)] {
                var seeds: [Int] = []
                for seed in 1...60 {
                    let instance =
                        same
                        ? Self.samePriority(seed, workers: nW, requestsPerDay: nR)
                        : Rotation.instance(seed, workers: nW, requestsPerDay: nR)
                    var engine = Self.fixedPoint(instance)
                    if engine.linkPassKicks(maxWork: Int.max) { seeds.append(seed) }
                }
                print("scan:", same, nW, nR, "the link passes improve", seeds)
            }
        }
    }
}
