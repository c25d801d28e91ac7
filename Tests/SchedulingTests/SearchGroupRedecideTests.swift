import Testing

@testable import Scheduling

/// The group re-decision (`SearchGroupRedecide.swift`), checked against an exhaustive answer on small generated
/// two-date instances: with every row an option, the move's plan scores exactly as the best plan in which only the
/// group's schedules change (each group worker: on each date nothing or one or two of its candidate requests; the other
/// workers' rows fixed; the scorer alone decides validity and value, counts and minimum requests' states free).
@Suite struct SearchGroupRedecideTests {
    typealias Rotation = SearchSeatRotationTests

    /// The best score over every plan that changes only `group`'s schedules (see the suite comment) and keeps the
    /// group's priority sum on each date.
    static func bestForGroup(_ instance: Instance, _ start: GeneralEngine, _ group: [Int]) -> Score? {
        let all = ExhaustiveRows.setsByDate(instance, atMost: { min(2, $0.maxJobsPerDay) })
        var current = [[String]](repeating: [], count: instance.workers.count)
        for pair in start.assignments() {
            guard let w = instance.workers.firstIndex(where: { $0.id == pair.worker }) else { continue }
            current[w].append(pair.request)
        }
        var request: [String: LaborRequest] = [:]
        for r in instance.requests { request[r.id] = r }
        func groupMedium(_ rows: [[String]]) -> [String: Int] {
            var m: [String: Int] = [:]
            for w in group {
                for id in rows[w] { if let r = request[id] { m["\(r.date)", default: 0] += r.priority } }
            }
            return m.filter { $0.value != 0 }
        }
        let now = groupMedium(current)
        let options = instance.workers.indices.map { w in group.contains(w) ? all[w] : [current[w]] }
        return ExhaustiveRows.best(instance, options: options) { groupMedium($0) == now }
    }

    /// Seeds 1-40 of five workers and three requests a date, from the single-job plan, each group of two workers
    /// (the first and last two, without pins): the move with every row an option and no node limit ends at the
    /// exhaustive best (or leaves the plan when nothing beats it); it improves on some seeds, some of them with a
    /// request's count changed.
    @Test func groupOptimumMatchesExhaustion() {
        var improved = 0
        var recounted = 0
        for seed in 1...40 {
            let instance = Rotation.instance(seed, workers: 5, requestsPerDay: 3)
            let start = SearchMultiDayStructuresTests.singlesOnly(instance)
            let pinned = start.pinnedWorkers()
            let free = (0..<start.p.nW).filter { !pinned[$0] }
            guard free.count >= 4 else { continue }
            for group in [Array(free.prefix(2)), Array(free.suffix(2))] {
                guard let best = Self.bestForGroup(instance, start, group) else { continue }
                var engine = start
                let before = score(instance, assignments: start.assignments()).score
                var cache: [Int: [GeneralEngine.GroupRow]] = [:]
                let moved = engine.groupRedecide(
                    group, maxOptions: Int.max, mediumSpread: Int.max, maxNodes: Int.max, cache: &cache)
                let after = score(instance, assignments: engine.assignments()).score
                #expect(after.hard == 0, "seed \(seed) group \(group)")
                #expect(after == max(before, best), "seed \(seed) group \(group): \(after) against \(best)")
                #expect(moved == (after > before), "seed \(seed) group \(group)")
                if moved {
                    improved += 1
                    if Rotation.counts(engine.assignments()) != Rotation.counts(start.assignments()) { recounted += 1 }
                }
            }
        }
        #expect(improved > 0)
        #expect(recounted > 0)
        print("group re-decisions: \(improved) improved, \(recounted) with a count changed")
    }

    /// The passes over grown groups never lower a plan, keep it valid, and give the same plan twice.
    @Test(arguments: 1...30)
    func neverLowersAPlan(seed: Int) {
        let instance = Rotation.instance(seed, workers: 6, requestsPerDay: 4)
        let start = SearchMultiDayStructuresTests.singlesOnly(instance)
        MoveChecks.expectNeverLowers(instance, from: start, seed: seed, keeps: .mediumAtLeast) {
            $0.groupRedecides(maxWork: Int.max, groupSize: 3)
        }
    }
}
