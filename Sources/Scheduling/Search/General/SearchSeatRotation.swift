import Foundation

/// Several days: exact re-decision of a few workers' jobs over every plan day, the counts per request kept (version
/// 1's `ChainsEjection.swift` for the general engine, with rows of two jobs).
///
/// A move takes a set K of two to four unpinned workers and frees every job they hold: on each plan day a multiset of
/// request seats. It deals those seats back to the same workers, optimally over all days at once: on each day every
/// seat goes to a worker of K that is a candidate for it and whose row it fits beside the other seats dealt to it
/// that day (so a worker may give up one job of a two-job row, or take a second job), seats of vans and weekly caps
/// hold. Every request keeps its workers' count, so the medium, the minimums and the share bonus stay; what changes is
/// each worker's travel, fairness and continuity, all the worker's own. So K's value is a dynamic program over the
/// days whose state is the day's deal and the dates each worker of K used in the week.
///
/// It generalizes the two-worker chain exchange (`chainSwaps`: two workers trade whole runs of days) to rotations of
/// three or four workers, to recombined chains (a worker takes another's seat on one day and a third one's on the
/// next) and to two-job rows re-paired among the set. The sets are seeded by *breaks*: worker w works job J on day
/// d − 1 or d + 1 and could take a seat of J on day d held by v; K is {w, v} and up to two workers around them
/// (holders on day d of seats v could take, and of w's own seats). Deterministic (array orders only); charged to the
/// general phase.
extension GeneralEngine {
    /// How many workers around a seeded pair are tried as the third of a set.
    static let rotationNeighbours = 6
    /// With each third, how many of the workers after it are tried as the fourth.
    static let rotationFourths = 2
    /// A set is left as it is when a day has more deals than this, or two neighbouring days more pairs of deals than
    /// `rotationMaxSteps` (the program's steps).
    static let rotationMaxDeals = 128
    static let rotationMaxSteps = 20_000
    /// Work units charged per set and row of the plan.
    static let rotationSetCharge = 4

    /// Passes over the seeded sets while one improves (at most `maxPasses`), each set re-decided once a pass, within
    /// `maxWork` work units. Returns whether the plan improved.
    @discardableResult
    mutating func seatRotations(maxWork: Int, maxPasses: Int = 3, ignoreLeft: Bool = false) -> Bool {
        guard nD >= 2, p.continuity > 0 else { return false }
        let candOf = candidateIndex()
        let pinned = pinnedWorkers()
        return improvingPasses(
            maxWork: maxWork, maxPasses: maxPasses, ignoreLeft: ignoreLeft, items: { $0.rotationSets(pinned) },
            step: { $0.reassignSeats($1, candOf) })
    }

    /// The seeded worker sets of the current plan (see the extension comment), without repeats, in a fixed order.
    func rotationSets(_ pinned: [Bool]) -> [[Int]] {
        var holders = [[Int]](repeating: [], count: p.nR)
        for w in 0..<p.nW where !pinned[w] {
            for d in 0..<nD { for c in jobs[w * nD + d] { holders[Int(candReq[Int(c)])].append(w) } }
        }
        var sets = WorkerSets()
        for w in 0..<p.nW where !pinned[w] {
            for d in 0..<nD {
                // Jobs w works on the neighbouring calendar days.
                var near: [Int32] = []
                if p.follows[d] {
                    for c in jobs[w * nD + d - 1] { near.append(p.reqJob[Int(candReq[Int(c)])]) }
                }
                if p.followed(d) {
                    for c in jobs[w * nD + d + 1] { near.append(p.reqJob[Int(candReq[Int(c)])]) }
                }
                guard !near.isEmpty else { continue }
                let own = jobs[w * nD + d].map { Int(candReq[Int($0)]) }
                if own.contains(where: { near.contains(p.reqJob[$0]) }) { continue }
                for c in rowCands[w * nD + d] where candOK[Int(c)] {
                    let r = Int(candReq[Int(c)])
                    guard near.contains(p.reqJob[r]) else { continue }
                    for v in holders[r] where v != w {
                        sets.add([w, v])
                        // A third and fourth: holders on day d of seats v could take, and of w's own seat.
                        var around: [Int] = []
                        for c2 in rowCands[v * nD + d] where candOK[Int(c2)] && Int(candReq[Int(c2)]) != r {
                            for u in holders[Int(candReq[Int(c2)])] where u != w && u != v && !around.contains(u) {
                                around.append(u)
                            }
                        }
                        for o in own {
                            for u in holders[o] where u != w && u != v && !around.contains(u) { around.append(u) }
                        }
                        let near = around.prefix(GeneralEngine.rotationNeighbours)
                        for (n, u) in near.enumerated() {
                            sets.add([w, v, u])
                            for x in near.dropFirst(n + 1).prefix(GeneralEngine.rotationFourths) {
                                sets.add([w, v, u, x])
                            }
                        }
                    }
                }
            }
        }
        return sets.sets
    }

    /// Re-decides the jobs of the workers of `set` (unpinned) over every plan day, exactly (see the extension
    /// comment): each day the seats they hold are dealt again among them, each seat to a worker that is a candidate
    /// for it and whose row it fits beside the others dealt to it. Applies the best and returns true when the set's
    /// value is strictly higher than before. Days with more than `maxDeals` deals, two neighbouring days with more
    /// than `maxSteps` pairs of deals, or a row of more than two jobs leave the plan as it was.
    mutating func reassignSeats(
        _ set: [Int], _ candOf: [Int: Int32], maxDeals: Int = GeneralEngine.rotationMaxDeals,
        maxSteps: Int = GeneralEngine.rotationMaxSteps
    ) -> Bool {
        let k = set.count
        guard k >= 2, k <= 8 else { return false }
        // Most of a set's cost is per set (the riders outside it, the deal tables, the dictionaries), not per step of
        // the program: charged by the plan's rows.
        budget.charge(.general, GeneralEngine.rotationSetCharge * jobs.count)
        let linkedBefore = p.follows
        // Riders per request held by every worker outside the set.
        var outsideRiders = [Int32](repeating: 0, count: p.nR)
        let inSet = Set(set)
        for key in jobs.indices where !inSet.contains(key / nD) {
            for c in jobs[key] where p.candRide[Int(c)] != 0 { outsideRiders[Int(candReq[Int(c)])] += 1 }
        }
        // Per day: the deals (the candidates of each worker of the set) and their values (cost and history).
        var deals = [[[[Int32]]]](repeating: [], count: nD)
        var dealValue = [[Int64]](repeating: [], count: nD)
        var steps = 0
        for d in 0..<nD {
            var seats: [Int32] = []
            for w in set { for c in jobs[w * nD + d] { seats.append(candReq[Int(c)]) } }
            seats.sort()
            let nS = seats.count
            // Tables first, so that the recursion reads locals only (a nested function that reads the engine copies
            // it at each call): each worker's candidate for each seat and its value, whether it rides, whether two
            // seats fit one row (rows of at most two jobs), and the riders each seat's request has room for.
            var cand = [Int32](repeating: -1, count: nS * k)
            var value = [Int64](repeating: 0, count: nS * k)
            var ride = [Bool](repeating: false, count: nS * k)
            var pair = [Bool](repeating: false, count: nS * nS * k)
            var room = [Int32](repeating: 0, count: nS)
            for j in 0..<nS {
                let r = Int(seats[j])
                room[j] = seatsLeft[r] == Int32.max ? Int32.max : seatsLeft[r] - outsideRiders[r]
                for i in 0..<k {
                    let w = set[i]
                    guard let c = candOf[r * p.nW + w], fits(c, row: w * nD + d, []) else { continue }
                    cand[j * k + i] = c
                    value[j * k + i] = -p.candCost[Int(c)] + (p.candHistory[Int(c)] != 0 ? p.continuity : 0)
                    ride[j * k + i] = p.candRide[Int(c)] != 0
                }
            }
            for j in 0..<nS {
                for j2 in 0..<nS where j2 != j {
                    for i in 0..<k where cand[j * k + i] >= 0 && cand[j2 * k + i] >= 0 {
                        pair[(j * nS + j2) * k + i] = fits(
                            cand[j2 * k + i], row: set[i] * nD + d, [cand[j * k + i]])
                    }
                }
            }
            var owner = [Int](repeating: -1, count: nS)
            var first = [Int](repeating: -1, count: k)
            var second = [Int](repeating: -1, count: k)
            var found: [[[Int32]]] = []
            var foundValue: [Int64] = []
            var tooMany = false
            var localSteps = 0
            func deal(_ j: Int, _ total: Int64) {
                localSteps += 1
                if tooMany { return }
                if j == nS {
                    // Seats of vans: riders per request after the deal.
                    var at = 0
                    while at < nS {
                        var end = at
                        var n: Int32 = 0
                        while end < nS && seats[end] == seats[at] {
                            if ride[end * k + owner[end]] { n += 1 }
                            end += 1
                        }
                        if n > room[at] { return }
                        at = end
                    }
                    var rows = [[Int32]](repeating: [], count: k)
                    for j2 in 0..<nS { rows[owner[j2]].append(cand[j2 * k + owner[j2]]) }
                    found.append(rows)
                    foundValue.append(total)
                    if found.count > maxDeals { tooMany = true }
                    return
                }
                // Equal seats go to workers in order (the same deal once).
                let from = j > 0 && seats[j - 1] == seats[j] ? owner[j - 1] + 1 : 0
                guard from < k else { return }
                for i in from..<k where cand[j * k + i] >= 0 {
                    if second[i] >= 0 { continue }
                    if first[i] >= 0 {
                        guard pair[(first[i] * nS + j) * k + i] else { continue }
                        second[i] = j
                    } else {
                        first[i] = j
                    }
                    owner[j] = i
                    deal(j + 1, total + value[j * k + i])
                    if second[i] == j { second[i] = -1 } else { first[i] = -1 }
                }
            }
            deal(0, 0)
            steps += localSteps
            deals[d] = found
            dealValue[d] = foundValue
            if found.isEmpty || tooMany {
                budget.charge(.general, steps)
                return false
            }
        }
        for d in 1..<nD where deals[d - 1].count * deals[d].count > maxSteps {
            budget.charge(.general, steps)
            return false
        }
        // Flat per day, two entries per deal and worker (rows of more than two jobs are left to other moves): the
        // jobs of each row (the day before's side of a link) and the jobs of its candidates without history (the
        // side that earns it), −1 where none; and whether the row works.
        var before = [[Int32]](repeating: [], count: nD)
        var after = [[Int32]](repeating: [], count: nD)
        var works = [[Bool]](repeating: [], count: nD)
        for d in 0..<nD {
            let n = deals[d].count
            before[d] = [Int32](repeating: -1, count: n * k * 2)
            after[d] = [Int32](repeating: -1, count: n * k * 2)
            works[d] = [Bool](repeating: false, count: n * k)
            for (ci, rows) in deals[d].enumerated() {
                for i in 0..<k {
                    guard rows[i].count <= 2 else {
                        budget.charge(.general, steps)
                        return false
                    }
                    works[d][ci * k + i] = !rows[i].isEmpty
                    for (t, c) in rows[i].enumerated() {
                        let job = p.reqJob[Int(candReq[Int(c)])]
                        before[d][(ci * k + i) * 2 + t] = job
                        if p.candHistory[Int(c)] == 0 { after[d][(ci * k + i) * 2 + t] = job }
                    }
                }
            }
        }
        // The dynamic program over days: states (deal, dates used per worker in the current week, 4 bits each).
        var layers: [SetScheduleLayer] = []
        var prev = SetScheduleLayer.start
        var caps = [Int32](repeating: 0, count: k)
        let continuity = p.continuity
        for d in 0..<nD {
            let newWeek = d == 0 || p.dayWeek[d] != p.dayWeek[d - 1]
            let week = Int(p.dayWeek[d])
            for i in 0..<k { caps[i] = datesLeft[set[i] * nK + week] }
            let linked = linkedBefore[d]
            var layer = SetScheduleLayer()
            let count = deals[d].count
            let values = dealValue[d]
            let worksHere = works[d]
            let earn = after[d]
            let held = d > 0 ? before[d - 1] : []
            for (pi, ps) in prev.states.enumerated() {
                let base: UInt32 = newWeek ? 0 : ps.used
                let pd = Int(ps.choice)
                for ci in 0..<count {
                    steps += 1
                    var used = base
                    var value = ps.value + values[ci]
                    var fits = true
                    for i in 0..<k where worksHere[ci * k + i] {
                        guard SetScheduleLayer.takeDate(&used, worker: i, cap: caps[i]) else {
                            fits = false
                            break
                        }
                        guard linked && pd >= 0 else { continue }
                        let b0 = held[(pd * k + i) * 2]
                        guard b0 >= 0 else { continue }
                        let b1 = held[(pd * k + i) * 2 + 1]
                        for t in 0..<2 {
                            let job = earn[(ci * k + i) * 2 + t]
                            if job >= 0 && (job == b0 || job == b1) { value += continuity }
                        }
                    }
                    guard fits else { continue }
                    layer.offer(choice: ci, used: used, value: value, parent: pi)
                }
            }
            if layer.isEmpty {
                budget.charge(.general, steps)
                return false
            }
            layers.append(layer)
            prev = layer
        }
        budget.charge(.general, steps)
        // Install the best path, then compare the set's exact value before and after (every term is the workers' own).
        let valueBefore = set.reduce(Int64(0)) { $0 + ownValue($1) }
        let saved = set.map { w in (0..<nD).map { jobs[w * nD + $0] } }
        var at = prev.bestAt
        for d in stride(from: nD - 1, through: 0, by: -1) {
            let s = layers[d].states[at]
            for (i, w) in set.enumerated() { jobs[w * nD + d] = deals[d][Int(s.choice)][i].sorted() }
            at = Int(s.parent)
        }
        if set.reduce(Int64(0), { $0 + ownValue($1) }) > valueBefore { return true }
        for (i, w) in set.enumerated() { for d in 0..<nD { jobs[w * nD + d] = saved[i][d] } }
        return false
    }
}
