import Foundation
import Testing

@testable import Generator
@testable import Scheduling

/// The candidate builder on version 2 instances (the generator's mix: windows, stays, minutes caps, pools, carless
/// workers riding vans with several stops): its pairs are exactly those that break none of rules 1-4 by
/// `brokenPairRules` with the pair's `TravelRules` travel, each with its travel and cost, and `ride` set for riders.
/// The builder reads the version 2 limits through `PairLimits` and finds riders by their pickup point, so a slip in
/// either shows here as a missing or extra pair.
@Suite struct CandidatePairsVersion2Tests {
    static func instance(seed: UInt64) -> Instance {
        var g = InstanceGenerator(workers: 300, requestsPerDay: 40, days: 2, seed: seed, flavor: .balanced)
        g.version2 = .standard
        var instance = g.generate()
        // Vans with several stops, so a van's riders come from several pickup points' lists.
        let points = instance.pickupPoints.map(\.id)
        var rng = SplitMix64(seed: seed &+ 77)
        for r in instance.requests.indices where instance.requests[r].pickup != nil && !points.isEmpty {
            let extra = (0..<3).map { _ in points[Int(rng.next() % UInt64(points.count))] }
            instance.requests[r].pickup?.points.formUnion(extra)
        }
        return instance
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func pairsAreThoseThatBreakNoPairRule(_ seed: UInt64) {
        let instance = Self.instance(seed: seed)
        #expect(instance.workers.contains { !$0.car && $0.pickupPoint != nil })
        #expect(instance.requests.contains { ($0.pickup?.points.count ?? 0) > 1 })
        let p = Problem(instance)
        var found: [String: (cost: Int64, ride: UInt8)] = [:]
        for r in 0..<p.nR {
            var last = -1
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                let w = Int(p.candWorker[c])
                if p.candRide[c] == 1 {
                    #expect(w > last, "riders of a request in worker order")
                    last = w
                }
                found["\(instance.requests[r].id):\(instance.workers[w].id)"] = (p.candCost[c], p.candRide[c])
            }
        }
        let rules = TravelRules(instance)
        var expected: [String: (cost: Int64, ride: UInt8)] = [:]
        for R in instance.requests {
            let F = instance.farms.first { $0.id == R.farm }!
            for W in instance.workers where !instance.excludedPairs.contains(Pair(request: R.id, worker: W.id)) {
                let travel = rules.travel(W, R, homeFarmKm: Distance.km(W.home, F.location))
                guard brokenPairRules(W, R, F, travel: travel, walkKm: instance.walkKm).isEmpty else { continue }
                // A job longer than the worker's minutes cap can never be worked (the cap is a day rule, not a
                // pair rule, but no day fits such a job).
                guard W.maxMinutesPerDay.map({ R.lengthMinutes <= $0 }) ?? true else { continue }
                let ride: UInt8
                if case .ride = travel.mode { ride = 1 } else { ride = 0 }
                let cost = assignmentCost(
                    distanceKm: travel.km, recentDaysWorked: W.recentDaysWorked, instance.weights)
                expected["\(R.id):\(W.id)"] = (Int64(cost), ride)
            }
        }
        #expect(expected.values.contains { $0.ride == 1 })
        #expect(found.count == expected.count)
        for (key, want) in expected {
            let got = found[key]
            #expect(got?.cost == want.cost && got?.ride == want.ride, "\(key)")
        }
    }

    /// `PairLimits` says what the rule functions say on the worker itself, for every pair of a version 2 instance.
    @Test func pairLimitsAgreeWithTheRules() {
        let instance = Self.instance(seed: 4)
        let limits = PairLimits(instance.workers)
        var refused = 0
        for R in instance.requests {
            for (w, W) in instance.workers.enumerated() {
                let rules =
                    fitsWindow(W, R) && withinStay(W, on: R.date) && poolAllowed(W, R)
                    && W.maxMinutesPerDay.map { R.lengthMinutes <= $0 } ?? true
                #expect(limits.allows(w, R) == rules)
                if !rules { refused += 1 }
            }
        }
        #expect(refused > 0)
    }
}
