import Foundation
import Testing

@testable import Generator
@testable import Scheduling

/// The explanations' scan with rule 2 before the distance (session explain23: distances for skill holders only, the
/// grid's cells in grid order without a sort, `nearby` counted again only when nobody within reach holds the skills)
/// against the plain scan (`explainUnfilled(plain: true)`: every worker within the grid's radius, the distance first,
/// as before), on generated version 1 and 2 instances of one or several counties. Every seventh request asks for a
/// skill nobody holds, so that `nearby` is written out. A worker skipped, counted twice or put in another rule's count
/// changes an entry here.
@Suite struct UnfilledScanTests {
    /// A generated instance: `counties` counties of `perCounty` workers, some requests asking for a skill nobody holds.
    static func instance(seed: UInt64, perCounty: Int, counties: Int, version2: Bool) -> Instance {
        var g = InstanceGenerator(
            workers: perCounty * counties, requestsPerDay: 12 * counties + Int(seed % 5), days: 1 + Int(seed % 3),
            seed: seed, flavor: seed % 2 == 0 ? .scarce : .balanced)
        g.workersPerCounty = perCounty
        if version2 { g.version2 = .standard }
        var instance = g.generate()
        for r in instance.requests.indices where r % 7 == 3 { instance.requests[r].skills = ["nobody-holds-this"] }
        return instance
    }

    /// The engine-layout arrays of a plan: the request of each worker and plan day (the last pair wins) and each
    /// request's headcount in the plan.
    static func state(_ p: Problem, _ plan: Plan) -> (assign: [Int32], counts: [Int]) {
        let nD = max(1, p.days.count)
        var assign = [Int32](repeating: -1, count: p.nW * nD)
        var counts = [Int](repeating: 0, count: p.nR)
        for pair in plan.assignments {
            guard let r = p.index.request[pair.request], let w = p.index.worker[pair.worker] else { continue }
            assign[w * nD + Int(p.reqDay[r])] = Int32(r)
            counts[r] += 1
        }
        return (assign, counts)
    }

    @Test func holdersFirstScanGivesThePlainEntries() {
        var entries = 0
        var nearbyWritten = 0
        var gridSpans = 0
        var everyWorker = 0
        for seed in UInt64(1)...12 {
            let counties = seed % 3 == 0 ? 1 : 3
            let instance = Self.instance(
                seed: seed, perCounty: counties == 1 ? 40 : 120, counties: counties, version2: seed % 2 == 1)
            let p = Problem(instance)
            let plan = solve(instance, options: SolveOptions(seed: seed, workBudget: 20_000))
            let (assign, counts) = Self.state(p, plan)
            let nD = max(1, p.days.count)
            let fast = explainUnfilled(p, assign: assign, nD: nD, counts: counts)
            let plain = explainUnfilled(p, assign: assign, nD: nD, counts: counts, plain: true)
            #expect(fast.count == plain.count, "seed \(seed)")
            for (a, b) in zip(fast, plain) {
                #expect(a.request == b.request && a.missing == b.missing, "seed \(seed)")
                #expect(a.reasons == b.reasons, "seed \(seed) request \(a.request)")
                #expect(a.details.map(\.kind) == b.details.map(\.kind), "seed \(seed) request \(a.request)")
                #expect(
                    a.details.map { $0.numbers.map(\.1) } == b.details.map { $0.numbers.map(\.1) },
                    "seed \(seed) request \(a.request)")
                entries += 1
                if b.details.contains(where: { $0.kind == .noSkillHolderNearby && $0.numbers.first?.1 ?? 0 > 0 }) {
                    nearbyWritten += 1
                }
                if let r = p.index.request[a.request] {
                    let R = instance.requests[r]
                    let farm = instance.farms[p.index.requestFarm[r]].location
                    let radius = travelCap(workerCap: p.grid.maxCap, requestCap: R.maxTravelKm)
                    if p.grid.spans(farm, radius: radius) == nil { everyWorker += 1 } else { gridSpans += 1 }
                }
            }
        }
        #expect(entries >= 100)
        #expect(nearbyWritten >= 10)
        #expect(gridSpans >= 20)
        #expect(everyWorker >= 20)
    }
}
