import Foundation
import Testing

@testable import Scheduling

/// The group re-deals (`SearchGroupRedeal.swift`): a group's best deal equals an exhaustive enumeration of the group's
/// schedules with every count kept, and the move never lowers a plan and gives the same plan twice.
@Suite struct SearchGroupRedealTests {
    typealias Rotation = SearchSeatRotationTests

    /// The best score over every plan in which the workers of `group` hold, over all dates, exactly the seats they
    /// hold in `pairs` (counted per request) and every other worker keeps its pairs: each group worker takes on
    /// each date a set of at most `min(2, maxJobsPerDay)` of that date's requests. Independent of the engine: the
    /// scorer decides validity and value. Nil when no such plan is valid.
    static func exhaustive(_ instance: Instance, _ pairs: [Pair], group: [String]) -> Score? {
        let fixed = pairs.filter { !group.contains($0.worker) }
        var need: [String: Int] = [:]
        for pair in pairs where group.contains(pair.worker) { need[pair.request, default: 0] += 1 }
        let dates = Array(Set(instance.requests.map(\.date))).sorted()
        // Every (worker, date) slot of the group and the sets it may take.
        var slots: [(worker: String, sets: [[String]])] = []
        for id in group {
            guard let W = instance.workers.first(where: { $0.id == id }) else { continue }
            let most = min(2, W.maxJobsPerDay)
            for date in dates {
                let ids = instance.requests.filter { $0.date == date }.map(\.id)
                var sets: [[String]] = [[]]
                for (i, a) in ids.enumerated() {
                    sets.append([a])
                    if most >= 2 { for b in ids[(i + 1)...] { sets.append([a, b]) } }
                }
                slots.append((id, sets))
            }
        }
        var best: Score?
        var chosen: [Pair] = []
        var left = need
        func visit(_ i: Int) {
            if i == slots.count {
                guard left.values.allSatisfy({ $0 == 0 }) else { return }
                let s = score(instance, assignments: fixed + chosen).score
                if s.hard == 0 && (best.map { s > $0 } ?? true) { best = s }
                return
            }
            for set in slots[i].sets where set.allSatisfy({ (left[$0] ?? 0) > 0 }) {
                for r in set {
                    left[r, default: 0] -= 1
                    chosen.append(Pair(request: r, worker: slots[i].worker))
                }
                visit(i + 1)
                for r in set {
                    left[r, default: 0] += 1
                    chosen.removeLast()
                }
            }
        }
        visit(0)
        return best
    }

    /// A group of four unpinned workers of the plan, starting at a worker that depends on the seed.
    static func group(_ engine: GeneralEngine, seed: Int) -> [Int] {
        let pinned = engine.pinnedWorkers()
        let free = (0..<engine.p.nW).filter { !pinned[$0] }
        guard free.count > 4 else { return free }
        return (0..<4).map { free[(seed + $0) % free.count] }.sorted()
    }

    /// On seeds 1-30 of six workers and four requests a date (two dates), from the single-job plan and from the
    /// plan where the old search and the count re-deals stop, the group's best deal (no node limit) installed gives
    /// exactly the exhaustive best of the group's schedules with its counts kept, or the plan is already that best.
    /// Some deals must improve, so the check cannot pass on plans where nothing moves.
    @Test func theBestDealIsTheExhaustiveBest() throws {
        var improved = 0
        var checked = 0
        for seed in 1...30 {
            let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
            for start in [
                SearchMultiDayStructuresTests.singlesOnly(instance), SearchLinkPassesTests.fixedPoint(instance),
            ] {
                let group = Self.group(start, seed: seed)
                let before = score(instance, assignments: start.assignments()).score
                let ids = group.map { instance.workers[$0].id }
                let want = try #require(Self.exhaustive(instance, start.assignments(), group: ids), "seed \(seed)")
                let deal = start.bestGroupDeal(group, start.candidateIndex(), maxNodes: Int.max)
                checked += 1
                guard let rows = deal.rows else {
                    #expect(want == before, "seed \(seed)")
                    continue
                }
                var engine = start
                for (i, w) in group.enumerated() {
                    for d in 0..<engine.nD { engine.jobs[w * engine.nD + d] = rows[i][d] }
                }
                let after = score(instance, assignments: engine.assignments()).score
                #expect(after == want, "seed \(seed)")
                #expect(after.soft - before.soft == deal.value - deal.current, "seed \(seed)")
                var moved = start
                let kept = moved.groupRedeal(group, start.candidateIndex(), maxNodes: Int.max)
                #expect(kept, "seed \(seed)")
                #expect(score(instance, assignments: moved.assignments()).score == want, "seed \(seed)")
                improved += 1
            }
        }
        #expect(improved > 0)
        print("group re-deals: \(improved) of \(checked) starts improve to the exhaustive best")
    }

    /// The move (groups of four) never lowers a plan, keeps every count and gives the same plan twice.
    @Test(arguments: 1...30)
    func groupRedealsNeverLowerAPlan(seed: Int) {
        let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
        let start = SearchMultiDayStructuresTests.singlesOnly(instance)
        MoveChecks.expectNeverLowers(instance, from: start, seed: seed, keeps: .mediumAndCounts) {
            $0.groupRedeals(maxWork: Int.max, size: 4)
        }
    }
}
