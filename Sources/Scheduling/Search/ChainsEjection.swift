import Foundation

/// Exact re-decision of a few workers' whole schedules over every plan day, for multi-day instances.
///
/// A move takes a set K of two to four workers without pins and frees everything they hold: on each plan day d a
/// multiset of request seats. It then gives those seats back to the same workers, optimally over all days at once: on
/// each day every seat is taken again by one worker of K that is a candidate for it (so every request keeps its
/// headcount, and `medium` and rule 7 are untouched), the others of K are off, and each worker's ISO-week caps hold.
/// The objective of K (pair costs, history, and the continuity links between consecutive days, which involve only one
/// worker each) is then a dynamic program over the days: a state is the day's seat assignment and the days each worker
/// of K has used in the current week; it is small (at most 4! assignments a day), so a move costs a few thousand steps
/// and no flow. Every other worker stays as planned, so the move is kept exactly when K's value rises.
///
/// This is what the schedule exchange (whole window schedules traded unchanged) and the day re-solves (one day at a
/// time) cannot do: recombine several workers' days into new chains, a worker taking another's seat on some days and
/// a third one's on others, while the worked days move inside the week. The sets are seeded by *breaks*: worker w on
/// job J on day d − 1 or d + 1 who could also take a seat of J on day d held by v; K is {w, v} and up to two workers
/// around v and w's own seat that day. The *wide* sets (session "chains14", the worker schedules phase's last plans)
/// take the third and fourth from the workers that can trade a seat with w or v on any plan day instead
/// (`exchangeableWorkers`): the optimum's smallest improving moves recombine seats over several days (on
/// `gen-balanced-w250-r62-d4-s15` four workers, +17: w takes v's seats on two days, v a third worker's and w's on
/// those days, and w's freed seats on two other days go to two more workers who give theirs back), which the seats
/// around day d never reach. Deterministic (array orders only); charged to the current phase.
extension Engine {
    /// How many workers around a seeded pair are tried as the third (and, two at a time, the fourth) of a set.
    static let ejectionNeighbours = 6

    /// The part of the pair search's share kept for the ejection passes run at its end (1 / this).
    static let ejectionShare = 24

    /// The ejection passes: every seeded set is re-decided once per pass, while a pass improves (at most
    /// `maxPasses`) and the current phase's share lasts. Returns true when the plan's objective rose.
    @discardableResult
    mutating func ejectionDescent(_ lookup: SlotCandidates, maxPasses: Int = 3, wide: Bool = false) -> Bool {
        guard nD > 1, p.continuity > 0 else { return false }
        let pinned = pinnedWorkers()
        return improvingPasses(
            maxPasses: maxPasses, sets: { $0.ejectionSets(pinned, lookup, wide: wide) },
            step: { $0.reassignWorkers($1, lookup) })
    }

    /// Whether each worker has a pin on some plan day: the multi-day moves over sets of workers leave those workers as
    /// they are.
    func pinnedWorkers() -> [Bool] {
        var pinned = [Bool](repeating: false, count: p.nW)
        for w in 0..<p.nW {
            for d in 0..<nD where p.pinnedOn[w * nD + d] >= 0 { pinned[w] = true }
        }
        return pinned
    }

    /// Passes over worker sets (`sets` lists them again at each pass, from the current plan) while a pass improves,
    /// at most `maxPasses`, while the current phase's share lasts and before the time limit: `step` re-decides one set
    /// and returns whether the plan's objective rose; each rise counts as a move. Returns true when any set improved.
    mutating func improvingPasses(
        maxPasses: Int, sets: (inout Engine) -> [[Int]], step: (inout Engine, [Int]) -> Bool
    ) -> Bool {
        var any = false
        var pass = 0
        var improved = true
        while improved && pass < maxPasses && workLeft > 0 && !outOfTime() {
            improved = false
            pass += 1
            for set in sets(&self) {
                if workLeft <= 0 || outOfTime() { break }
                if step(&self, set) {
                    improved = true
                    any = true
                    stats.moves += 1
                }
            }
        }
        return any
    }

    /// The seeded worker sets of the current plan (see the extension comment), without repeats; with `wide`, each
    /// seeded pair's thirds and fourths are its first `wideNeighbours` exchangeable workers and every two of them.
    func ejectionSets(_ pinned: [Bool], _ lookup: SlotCandidates, wide: Bool = false) -> [[Int]] {
        var holders = [[Int]](repeating: [], count: p.nR)
        for w in 0..<p.nW {
            for d in 0..<nD where assign[w * nD + d] >= 0 && !pinned[w] {
                holders[Int(assign[w * nD + d])].append(w)
            }
        }
        var sets = WorkerSets()
        for w in 0..<p.nW where !pinned[w] {
            for d in 0..<nD {
                let own = assign[w * nD + d]
                // Jobs w works on the neighbouring calendar days.
                var jobs: [Int32] = []
                if p.follows[d], assign[w * nD + d - 1] >= 0 {
                    jobs.append(p.reqJob[Int(assign[w * nD + d - 1])])
                }
                if p.followed(d), assign[w * nD + d + 1] >= 0 {
                    jobs.append(p.reqJob[Int(assign[w * nD + d + 1])])
                }
                guard !jobs.isEmpty else { continue }
                if own >= 0 && jobs.contains(p.reqJob[Int(own)]) { continue }
                let s = w * nD + d
                for i in Int(lookup.start[s])..<Int(lookup.start[s + 1]) {
                    let r = Int(lookup.req[i])
                    guard jobs.contains(p.reqJob[r]) else { continue }
                    for v in holders[r] where v != w {
                        sets.add([w, v])
                        if wide {
                            let around = exchangeableWorkers(w, v, pinned, holders, lookup)
                            let near = around.prefix(Engine.wideNeighbours)
                            for (n, u) in near.enumerated() {
                                sets.add([w, v, u])
                                for x in near.dropFirst(n + 1) { sets.add([w, v, u, x]) }
                            }
                            continue
                        }
                        // A third and fourth: holders on day d of seats v could take, and of w's own seat.
                        var around: [Int] = []
                        let sv = v * nD + d
                        for j in Int(lookup.start[sv])..<Int(lookup.start[sv + 1]) where lookup.req[j] != Int32(r) {
                            for u in holders[Int(lookup.req[j])] where u != w && u != v && !around.contains(u) {
                                around.append(u)
                            }
                        }
                        if own >= 0 {
                            for u in holders[Int(own)] where u != w && u != v && !around.contains(u) {
                                around.append(u)
                            }
                        }
                        for (n, u) in around.prefix(Engine.ejectionNeighbours).enumerated() {
                            sets.add([w, v, u])
                            for x in around.prefix(Engine.ejectionNeighbours).dropFirst(n + 1).prefix(2) {
                                sets.add([w, v, u, x])
                            }
                        }
                    }
                }
            }
        }
        return sets.sets
    }

    /// How many exchangeable workers of a seeded pair are tried as its third and fourth (every pair of them).
    static let wideNeighbours = 12

    /// The workers that can trade a seat with w or v on some plan day: on day e, u holds a seat that w or v is a
    /// candidate for, and u is a candidate for the seat w or v holds that day; cheapest trade first (the two pair
    /// costs after it less the two before, the best over the days and over w and v), then in the order found.
    func exchangeableWorkers(_ w: Int, _ v: Int, _ pinned: [Bool], _ holders: [[Int]], _ lookup: SlotCandidates)
        -> [Int]
    {
        var around: [Int] = []
        var delta: [Int64] = []
        // Each worker's index in `around` (first-seen order), so a repeat is found without scanning the list.
        var position: [Int: Int] = [:]
        for e in 0..<nD {
            for a in [w, v] {
                let ta = assign[a * nD + e]
                guard ta >= 0 else { continue }
                let costA = p.candCost[Int(assignCand[a * nD + e])]
                let sa = a * nD + e
                for i in Int(lookup.start[sa])..<Int(lookup.start[sa + 1]) {
                    let r = Int(lookup.req[i])
                    guard Int32(r) != ta else { continue }
                    for u in holders[r] where u != w && u != v && !pinned[u] {
                        let cu = lookup.candidate(u, Int(ta), day: e)
                        guard cu >= 0 else { continue }
                        let d =
                            p.candCost[Int(lookup.candidate(a, r, day: e))] + p.candCost[Int(cu)] - costA
                            - p.candCost[Int(assignCand[u * nD + e])]
                        if let at = position[u] {
                            delta[at] = min(delta[at], d)
                        } else {
                            position[u] = around.count
                            around.append(u)
                            delta.append(d)
                        }
                    }
                }
            }
        }
        let order = around.indices.sorted { (delta[$0], $0) < (delta[$1], $1) }
        return order.map { around[$0] }
    }

    /// The value of the current schedules of the workers of `set` by the terms the schedule dynamic programs maximize:
    /// each assignment's priority × M less its pair cost, plus the continuity bonus for a link (history, or the same
    /// job on the calendar day before).
    func scheduleValue(of set: [Int]) -> Int64 {
        var value: Int64 = 0
        for w in set {
            for d in 0..<nD where assign[w * nD + d] >= 0 {
                let r = Int(assign[w * nD + d])
                let c = Int(assignCand[w * nD + d])
                value += p.reqPriority[r] * p.bigM - p.candCost[c]
                if p.candHistory[c] != 0 {
                    value += p.continuity
                } else if p.follows[d] {
                    let q = assign[w * nD + d - 1]
                    if q >= 0 && p.reqJob[Int(q)] == p.reqJob[r] { value += p.continuity }
                }
            }
        }
        return value
    }

    /// Re-decides the schedules of the workers of `set` over every plan day, exactly (see the extension comment).
    /// Applies the best and returns true when it is strictly better than their current schedules.
    mutating func reassignWorkers(_ set: [Int], _ lookup: SlotCandidates) -> Bool {
        let k = set.count
        let nK = p.weeks.count
        // Per day: the seat assignments (request per worker of the set, -1 off) and their pair values.
        var combos = [[[Int32]]](repeating: [], count: nD)
        var comboCands = [[[Int32]]](repeating: [], count: nD)
        var comboValue = [[Int64]](repeating: [], count: nD)
        var steps = 0
        for d in 0..<nD {
            // The seats the set holds this day: distinct requests and how many of each.
            var seats: [Int32] = []
            var held: [Int32] = []
            for w in set where assign[w * nD + d] >= 0 {
                let r = assign[w * nD + d]
                if let i = seats.firstIndex(of: r) {
                    held[i] += 1
                } else {
                    seats.append(r)
                    held.append(1)
                }
            }
            let seatCount = Int(held.reduce(0, +))
            var cur = [Int32](repeating: -1, count: k)
            var curCand = [Int32](repeating: -1, count: k)
            // Worker i onwards, with `open` seats still to give: off (when the others can still fill them) or a seat
            // of a request it is a candidate for.
            func enumerate(_ i: Int, _ open: Int, _ value: Int64) {
                steps += 1
                if i == k {
                    combos[d].append(cur)
                    comboCands[d].append(curCand)
                    comboValue[d].append(value)
                    return
                }
                if k - i > open {
                    cur[i] = -1
                    curCand[i] = -1
                    enumerate(i + 1, open, value)
                }
                for j in 0..<seats.count where held[j] > 0 {
                    let r = Int(seats[j])
                    let c = lookup.candidate(set[i], r, day: d)
                    guard c >= 0 else { continue }
                    held[j] -= 1
                    cur[i] = seats[j]
                    curCand[i] = c
                    var v = p.reqPriority[r] * p.bigM - p.candCost[Int(c)]
                    if p.candHistory[Int(c)] != 0 { v += p.continuity }
                    enumerate(i + 1, open - 1, value + v)
                    held[j] += 1
                }
            }
            enumerate(0, seatCount, 0)
            if combos[d].isEmpty { return false }
        }
        // The dynamic program over days: states (combo, days used per worker in the current week, 4 bits each).
        var layers: [SetScheduleLayer] = []
        var prev = SetScheduleLayer.start
        for d in 0..<nD {
            let linked = p.follows[d]
            let newWeek = d == 0 || p.dayWeek[d] != p.dayWeek[d - 1]
            let week = Int(p.dayWeek[d])
            var layer = SetScheduleLayer()
            for (pi, ps) in prev.states.enumerated() {
                let base: UInt32 = newWeek ? 0 : ps.used
                for (ci, combo) in combos[d].enumerated() {
                    steps += 1
                    var used = base
                    var value = ps.value + comboValue[d][ci]
                    var fits = true
                    for i in 0..<k where combo[i] >= 0 {
                        guard SetScheduleLayer.takeDate(&used, worker: i, cap: p.capLeft[set[i] * nK + week]) else {
                            fits = false
                            break
                        }
                        if linked && ps.choice >= 0 && p.candHistory[Int(comboCands[d][ci][i])] == 0 {
                            let q = combos[d - 1][Int(ps.choice)][i]
                            if q >= 0 && p.reqJob[Int(q)] == p.reqJob[Int(combo[i])] { value += p.continuity }
                        }
                    }
                    guard fits else { continue }
                    layer.offer(choice: ci, used: used, value: value, parent: pi)
                }
            }
            if layer.isEmpty { return false }
            layers.append(layer)
            prev = layer
        }
        charge(steps)
        return applyIfBetter(set, layers, combos, comboCands)
    }

    /// Applies the best path of a set-schedule dynamic program (`layers`, one per plan day, over the day `combos` of
    /// the workers of `set` and their candidates `comboCands`) when its value is strictly above the set's current
    /// schedules (`scheduleValue(of:)`); `moved` hears each changed seat (old request, new request; -1 for none).
    /// - Returns: whether the path was applied.
    mutating func applyIfBetter(
        _ set: [Int], _ layers: [SetScheduleLayer], _ combos: [[[Int32]]], _ comboCands: [[[Int32]]],
        moved: (Int32, Int32) -> Void = { _, _ in }
    ) -> Bool {
        guard let last = layers.last, !last.isEmpty else { return false }
        var at = last.bestAt
        guard last.states[at].value > scheduleValue(of: set) else { return false }
        for d in stride(from: nD - 1, through: 0, by: -1) {
            let s = layers[d].states[at]
            for (i, w) in set.enumerated() {
                let new = combos[d][Int(s.choice)][i]
                moved(assign[w * nD + d], new)
                assign[w * nD + d] = new
                assignCand[w * nD + d] = comboCands[d][Int(s.choice)][i]
            }
            at = Int(s.parent)
        }
        return true
    }
}
