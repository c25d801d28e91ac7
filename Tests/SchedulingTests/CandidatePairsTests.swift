import Testing

@testable import Scheduling

/// The candidate builder of `Problem` uses the rules of `Constraints/`: its pairs are exactly the pairs that break none
/// of rules 1-4 (`brokenPairRules`) and are not excluded, each with the cost of `assignmentCost`.
@Suite struct CandidatePairsTests {
    /// A random instance with every input rules 1-4 read: skills, availability, both travel caps, blocked farms both
    /// ways, visa-restricted workers, excluded pairs and history.
    static func instance(seed: UInt64, requests: Int = 16, days: Int = 2) -> Instance {
        var instance = Fixtures.random(seed: seed, workers: 60, requests: requests, days: days)
        var g = SplitMix64(seed: seed &+ 500)
        func int(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        let farms = instance.farms.map(\.id)
        for w in instance.workers.indices {
            switch int(6) {
            case 0: instance.workers[w].blockedFarms = [farms[int(farms.count)]]
            case 1: instance.workers[w].allowedFarms = Set((0..<int(3)).map { _ in farms[int(farms.count)] })
            default: break
            }
        }
        for f in instance.farms.indices where int(2) == 0 {
            instance.farms[f].blockedWorkers = [instance.workers[int(instance.workers.count)].id, "nobody"]
        }
        for r in instance.requests.indices where int(3) == 0 { instance.requests[r].maxTravelKm = Double(3 + int(15)) }
        for _ in 0..<10 {
            let r = instance.requests[int(instance.requests.count)].id
            instance.excludedPairs.insert(Pair(request: r, worker: instance.workers[int(instance.workers.count)].id))
        }
        let first = instance.requests[0]
        instance.history = (0..<5).map { i in
            HistoryEntry(worker: instance.workers[i].id, farm: nil, job: first.job, date: first.date.adding(days: -1))
        }
        return instance
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func pairsAreThoseThatBreakNoPairRule(_ seed: UInt64) {
        let instance = Self.instance(seed: seed)
        let p = Problem(instance)
        // One word of day bits and one of skill bits: the scans' packed tests (`PackedWords`).
        #expect(p.days.count <= 64 && SkillTable(instance).words == 1)
        var found: [String: Int64] = [:]
        for r in 0..<p.nR {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                found["\(instance.requests[r].id):\(instance.workers[Int(p.candWorker[c])].id)"] = p.candCost[c]
            }
        }
        let expected = Self.pairsByTheRules(instance)
        #expect(!expected.isEmpty)
        #expect(found == expected)
    }

    /// Rule 2's bits agree with `holdsSkills` for every worker and request, and so does their per-pair fallback.
    /// With `manyNames` the requests name 80 distinct skills (more than `SkillNames` holds: the table compares the
    /// sets) and each worker holds the names of one or two requests and a few more; otherwise the table works on
    /// names as bits.
    @Test(arguments: [(7, false), (8, false), (9, true), (10, true)] as [(UInt64, Bool)])
    func skillTableAgreesWithTheRule(_ seed: UInt64, manyNames: Bool) {
        var instance = Self.instance(seed: seed)
        if manyNames {
            var g = SplitMix64(seed: seed &+ 300)
            func int(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
            for r in instance.requests.indices {
                instance.requests[r].skills = Set((0..<5).map { "n\(5 * r + $0)" })
            }
            let requests = instance.requests
            for w in instance.workers.indices {
                var held = Set((0..<int(4)).map { _ in "n\(int(90))" })
                for _ in 0..<(1 + int(2)) { held.formUnion(requests[int(requests.count)].skills) }
                if int(3) == 0, let one = held.first { held.remove(one) }
                instance.workers[w].skills = held
            }
        }
        #expect((SkillNames(instance.requests) == nil) == manyNames)
        let table = SkillTable(instance)
        let fallback = SkillTable(instance, maxWords: 0)
        #expect(!table.bits.isEmpty)
        #expect(fallback.bits.isEmpty)
        // The request sets numbered as `numbered` numbers them (first appearance), whichever way the table took.
        var distinct: [Set<String>] = []
        let numbering = SkillTable.numbered(instance.requests.map(\.skills), into: &distinct)
        #expect(table.needOf == numbering && table.needs == distinct)
        #expect(fallback.needOf == numbering && fallback.needs == distinct)
        for (r, R) in instance.requests.enumerated() {
            var mask = [UInt64](repeating: 0, count: table.words)
            let need = Int(table.needOf[r])
            mask[need / 64] |= 1 << UInt64(need % 64)
            for (w, W) in instance.workers.enumerated() {
                #expect(table.holds(w, need: table.needOf[r]) == holdsSkills(W, for: R))
                #expect(fallback.holds(w, need: fallback.needOf[r]) == holdsSkills(W, for: R))
                #expect(table.holdsAny(w, of: mask) == holdsSkills(W, for: R))
                #expect(fallback.holdsAny(w, of: mask) == holdsSkills(W, for: R))
            }
        }
    }

    /// Each pair's continuity flag (`candHistory`) is 1 exactly when `history` holds the worker on the request's job
    /// the day before, counted here from the entries themselves: history over several jobs and dates, repeated
    /// entries, and entries of unknown workers (the builder looks the flags up once per request).
    @Test(arguments: [11, 12, 13] as [UInt64])
    func historyFlagsMatchTheEntries(_ seed: UInt64) {
        var instance = Self.instance(seed: seed)
        var g = SplitMix64(seed: seed &+ 900)
        func int(_ n: Int) -> Int { Int(g.next() % UInt64(n)) }
        let requests = instance.requests
        instance.history = (0..<80).map { _ in
            let R = requests[int(requests.count)]
            let worker = int(10) == 0 ? "nobody" : instance.workers[int(instance.workers.count)].id
            return HistoryEntry(worker: worker, farm: nil, job: R.job, date: R.date.adding(days: -1 - int(2)))
        }
        instance.history += instance.history.prefix(10)
        let p = Problem(instance)
        var flagged = 0
        for r in 0..<p.nR {
            let R = instance.requests[r]
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                let W = instance.workers[Int(p.candWorker[c])]
                let continues = instance.history.contains {
                    $0.worker == W.id && $0.job == R.job && $0.date == R.date.adding(days: -1)
                }
                #expect(p.candHistory[c] == (continues ? 1 : 0), "request \(R.id), worker \(W.id)")
                flagged += continues ? 1 : 0
            }
        }
        #expect(flagged > 0)
    }

    /// The same pairs when the farms' cells hold few of the workers (the scan by cell, over the pre-test's fields in
    /// grid order, then sorted): the instance's workers and farms moved into four clusters 3° apart.
    @Test(arguments: [21, 22, 23] as [UInt64])
    func pairsAreThoseThatBreakNoPairRuleAcrossClusters(_ seed: UInt64) {
        var instance = Self.instance(seed: seed)
        for w in instance.workers.indices {
            instance.workers[w].home.lat += Double(w % 4) * 3
            instance.workers[w].home.lon += Double(w % 4) * 3
        }
        for f in instance.farms.indices {
            instance.farms[f].location.lat += Double(f % 4) * 3
            instance.farms[f].location.lon += Double(f % 4) * 3
        }
        let p = Problem(instance)
        let radius = instance.workers.map(\.maxTravelKm).max() ?? 0
        #expect(instance.farms.contains { p.grid.spans($0.location, radius: radius) != nil })
        var found: [String: Int64] = [:]
        for r in 0..<p.nR {
            var last: Int32 = -1
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                #expect(p.candWorker[c] > last, "a request's pairs in worker order")
                last = p.candWorker[c]
                found["\(instance.requests[r].id):\(instance.workers[Int(p.candWorker[c])].id)"] = p.candCost[c]
            }
        }
        let expected = Self.pairsByTheRules(instance)
        #expect(!expected.isEmpty)
        #expect(found == expected)
    }

    /// The same pairs when a worker's plan days or the requests' distinct skill sets need more than one 64-bit word
    /// (the scans' general tests; up to one word each they test `PackedWords`, as the tests above do): 70 plan days,
    /// or requests and workers with random sets of ten skills (more than 64 distinct sets among the requests).
    @Test(arguments: [(31, false), (32, false), (33, true), (34, true)] as [(UInt64, Bool)])
    func pairsAreThoseThatBreakNoPairRuleBeyondOneWord(_ seed: UInt64, manySkillSets: Bool) {
        var instance = Self.instance(seed: seed, requests: 100, days: manySkillSets ? 2 : 70)
        if !manySkillSets {
            // Every one of the 70 days a plan day (the workers are free on about three quarters of them).
            for r in instance.requests.indices { instance.requests[r].date = Fixtures.day1.adding(days: r % 70) }
        } else {
            var g = SplitMix64(seed: seed &+ 700)
            let names = (0..<10).map { "s\($0)" }
            for r in instance.requests.indices {
                instance.requests[r].skills = Set(names.filter { _ in g.next() % 2 == 0 })
            }
            for w in instance.workers.indices {
                instance.workers[w].skills = Set(names.filter { _ in g.next() % 4 != 0 })
            }
        }
        let p = Problem(instance)
        let table = SkillTable(instance)
        #expect(manySkillSets ? table.words > 1 : p.days.count > 64)
        var found: [String: Int64] = [:]
        for r in 0..<p.nR {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                found["\(instance.requests[r].id):\(instance.workers[Int(p.candWorker[c])].id)"] = p.candCost[c]
            }
        }
        let expected = Self.pairsByTheRules(instance)
        #expect(!expected.isEmpty)
        #expect(found == expected)
    }

    /// Every pair of the instance that breaks no pair rule (`brokenPairRules`), keyed "request:worker", with its
    /// assignment cost: checked one pair at a time, independently of `Problem`'s scan.
    static func pairsByTheRules(_ instance: Instance) -> [String: Int64] {
        var expected: [String: Int64] = [:]
        for R in instance.requests {
            let F = instance.farms.first { $0.id == R.farm }!
            for W in instance.workers where !instance.excludedPairs.contains(Pair(request: R.id, worker: W.id)) {
                let d = Distance.km(W.home, F.location)
                guard brokenPairRules(W, R, F, distanceKm: d).isEmpty else { continue }
                expected["\(R.id):\(W.id)"] = Int64(
                    assignmentCost(distanceKm: d, recentDaysWorked: W.recentDaysWorked, instance.weights))
            }
        }
        return expected
    }
}
