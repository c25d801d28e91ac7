import Testing

@testable import Scheduling

/// The explanations' rule 2 through the instance's skill table (session week22) against `holdsSkills` per worker:
/// each unfilled request's summary counts the workers within its travel cap who hold its skills, counted here one by
/// one over every worker.
@Suite struct UnfilledHoldersTests {
    @Test func holdersCountedWorkerByWorker() {
        var entries = 0
        var withSkills = 0
        for seed in UInt64(0)..<30 {
            let instance = Fixtures.random(
                seed: seed, workers: 15 + Int(seed % 20), requests: 14, days: 1 + Int(seed % 3))
            let plan = solve(instance, options: SolveOptions(seed: seed, workBudget: 5_000))
            var farmAt = [String: GeoPoint]()
            for F in instance.farms { farmAt[F.id] = F.location }
            for entry in plan.unfilled {
                guard let R = instance.requests.first(where: { $0.id == entry.request }),
                    let at = farmAt[R.farm],
                    let summary = entry.details.first(where: { $0.kind == .summary }),
                    let holders = summary.numbers.first(where: { $0.0 == "holders" })?.1
                else {
                    Issue.record("seed \(seed): entry without its request or summary")
                    continue
                }
                let want = instance.workers.filter { W in
                    Distance.km(W.home, at) <= travelCap(workerCap: W.maxTravelKm, requestCap: R.maxTravelKm)
                        && holdsSkills(W, for: R)
                }.count
                #expect(holders == want, "seed \(seed) request \(R.id)")
                entries += 1
                if !R.skills.isEmpty && want > 0 { withSkills += 1 }
            }
        }
        #expect(entries >= 30)
        #expect(withSkills >= 10)
    }
}
