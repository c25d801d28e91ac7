import Foundation

/// Several days: an exact re-decision of a group of about eight workers' whole schedules, every request's count kept
/// (issue 14, s4k20 session).
///
/// On `balanced-w200-r50-d3-s4` SCIP's best changes of at most eight workers' whole schedules from the plan where the
/// other moves stop (+6, then +22) keep every count: the seats the group holds are dealt again among the group over
/// all three dates, pairs included (w154's run of j5 goes to w121, whose j22 goes to w182; runs of j26, j48, j56 and
/// j63 change hands while two-job rows are re-paired on every date). The seat rotations (`SearchSeatRotation.swift`)
/// decide such re-deals for at most four workers by a program over the days' deals, which does not scale to eight.
///
/// A group: seeded by a broken run (worker x holds job j on date d, the request of j on a neighbouring date e is held
/// by y and not by x, and x or y is a candidate of the other's seat), grown one worker at a time by the worker who
/// holds the most seats the group can take and can take the most of the group's seats (a seat that could link, its
/// job's seat on a neighbouring date being the group's or the taker's, counts `groupRedealLinkWeight` times; with
/// `groupRedealGrowthTries` above one, the strongest few are priced and the one whose group has the largest dual gap
/// is taken), up to `groupRedealSize` workers without pins whose rows hold at most two jobs. Its seats on every date
/// are freed and dealt again exactly among the group: each worker one row a date (idle, one job, or two that fit),
/// every freed seat filled, vans' seats and weekly caps kept. Counts stay, so the medium, the minimums and the share
/// bonus stay; what changes is each group worker's cost, fairness and continuity, all its own (`ownValue`). The deal
/// is a depth-first search over the workers' whole schedules, bounded two ways: the schedules chosen plus each open
/// seat at the best value a worker still to decide could draw from it, and a dual bound with seat prices
/// (`groupPrices`: subgradient steps on the Lagrangian of "every seat filled", each worker's schedules sorted by
/// their reduced value so a node stops at the first that fails it). The search starts with the current deal as its
/// incumbent, so whatever it returns beats it, and stops at `groupRedealMaxNodes` schedules tried. Groups whose dual
/// bound does not beat the current deal by half a unit are left out (proven: no deal of theirs gains), the rest
/// listed largest dual gap first; the plan is kept only when every date stays valid and the scorer ranks it higher.
/// Deterministic (array orders only); charged in work units (schedules listed, priced and tried).
extension GeneralEngine {
    /// Workers in a group.
    static let groupRedealSize = 8
    /// Schedules tried in one group's search at most.
    static let groupRedealMaxNodes = 200_000
    /// Whole schedules of one worker at most: a group with a worker of more is left out.
    static let groupRedealMaxSchedules = 4_096
    /// Groups tried in a row without a gain before the move stops.
    static let groupRedealMaxStale = 60
    /// Subgradient steps on the seat prices of a group's dual bound.
    static let groupRedealPriceSteps = 200
    /// Growing a group: how many of the strongest workers around it are priced as its next, with how many
    /// subgradient steps, from which group size on.
    /// Growing a group: the weight of a seat that can link (against one for any other).
    static let groupRedealLinkWeight = 3
    static let groupRedealGrowthTries = 1
    static let groupRedealGrowthSteps = 40
    static let groupRedealGrowthFrom = 4

    /// One worker's whole schedule in a group's deal: its row on each plan date, its value (`ownValue`'s terms), the
    /// seat types it fills and those among them it rides to.
    struct GroupSchedule {
        let rows: [[Int32]]
        let value: Int64
        let seats: [Int]
        let rides: [Int]
    }

    /// A group's seats: one type per (date, request) the group holds, with how many of them and how many riders the
    /// group may have there; and the group's current value.
    struct GroupSeats {
        var type: [Int: Int] = [:]
        var need: [Int] = []
        var request: [Int] = []
        var day: [Int] = []
        var rideCap: [Int] = []
        var current: Int64 = 0
    }

    /// Group re-deals over the listed groups, listed again after a gain, within `maxWork` work units; stops after
    /// `groupRedealMaxStale` groups in a row without a gain. Returns whether the plan improved.
    @discardableResult
    mutating func groupRedeals(maxWork: Int, size: Int = groupRedealSize, maxNodes: Int = groupRedealMaxNodes) -> Bool {
        guard nD >= 2, p.continuity > 0 else { return false }
        let workAtStart = budget.spent[.general, default: 0]
        let candOf = candidateIndex()
        let pinned = pinnedWorkers()
        var any = false
        var stale = 0
        var tried = Set<[Int]>()
        var relist = true
        while relist {
            relist = false
            let spent = budget.spent[.general, default: 0] - workAtStart
            let listing = redealGroups(pinned, candOf, size: size, maxWork: maxWork - spent)
            budget.charge(.general, listing.work)
            for group in listing.groups where !tried.contains(group) {
                if budget.outOfTime() || budget.spent[.general, default: 0] - workAtStart >= maxWork { return any }
                if groupRedeal(group, candOf, maxNodes: maxNodes) {
                    any = true
                    stats.moves += 1
                    stale = 0
                    tried.removeAll()
                    relist = true
                    break
                }
                tried.insert(group)
                stale += 1
                if stale >= GeneralEngine.groupRedealMaxStale { return any }
            }
        }
        return any
    }

    /// Whether worker w can be in a group: no pins, and no row of more than two jobs.
    func groupable(_ w: Int, _ pinned: [Bool]) -> Bool {
        guard !pinned[w] else { return false }
        for d in 0..<nD where jobs[w * nD + d].count > 2 { return false }
        return true
    }

    /// The plan's groups (see the extension comment), sorted workers each, best bound gain first, without repeats.
    func redealGroups(
        _ pinned: [Bool], _ candOf: [Int: Int32], size: Int, maxWork: Int = Int.max
    ) -> (groups: [[Int]], work: Int) {
        var work = 0
        var holders = [[Int]](repeating: [], count: p.nR)
        for w in 0..<p.nW where groupable(w, pinned) {
            for d in 0..<nD { for c in jobs[w * nD + d] { holders[Int(candReq[Int(c)])].append(w) } }
        }
        var reqsOf: [[Int32]: [Int]] = [:]
        for r in 0..<p.nR { reqsOf[[p.reqJob[r], p.reqDay[r]], default: []].append(r) }
        var seeds: [[Int]] = []
        var seen = Set<[Int]>()
        for x in 0..<p.nW where groupable(x, pinned) {
            for d in 0..<nD {
                for c in jobs[x * nD + d] {
                    let r = Int(candReq[Int(c)])
                    let job = p.reqJob[r]
                    for e in [d - 1, d + 1] where e >= 0 && e < nD && abs(p.days[e].ordinal - p.days[d].ordinal) == 1 {
                        guard !works(x, job, e), let there = reqsOf[[job, Int32(e)]] else { continue }
                        for q in there {
                            for y in holders[q] where y != x {
                                guard candOf[q * p.nW + x] != nil || candOf[r * p.nW + y] != nil else { continue }
                                let pair = [min(x, y), max(x, y)]
                                if seen.insert(pair).inserted { seeds.append(pair) }
                            }
                        }
                    }
                }
            }
        }
        var groups: [(group: [Int], gain: Double)] = []
        var listed = Set<[Int]>()
        for seed in seeds {
            if work >= maxWork { break }
            let group = grownGroup(seed, holders, pinned, candOf, size: size, work: &work)
            guard listed.insert(group).inserted, let dual = groupDual(group, candOf) else { continue }
            work += dual.work
            if dual.gap >= 0.5 { groups.append((group, dual.gap)) }
        }
        groups.sort { a, b in a.gain != b.gain ? a.gain > b.gain : a.group.lexicographicallyPrecedes(b.group) }
        return (groups.map(\.group), work)
    }

    /// The group's dual bound (`groupPrices`) above its current value, and the work it took (schedules listed and
    /// priced); nil when the group cannot be dealt.
    func groupDual(
        _ group: [Int], _ candOf: [Int: Int32], steps: Int = groupRedealPriceSteps
    ) -> (gap: Double, work: Int)? {
        guard let seats = groupSeats(group) else { return nil }
        var lists: [[GroupSchedule]] = []
        var work = group.count * nD
        for w in group {
            guard let s = groupSchedules(w, seats, candOf) else { return nil }
            work += s.count
            lists.append(s)
        }
        let dual = groupPrices(lists, seats, steps: steps)
        return (dual.bound - Double(seats.current), work + dual.work)
    }

    /// `seed` grown to `size` workers (see the extension comment), sorted.
    func grownGroup(
        _ seed: [Int], _ holders: [[Int]], _ pinned: [Bool], _ candOf: [Int: Int32], size: Int, work: inout Int
    ) -> [Int] {
        var group = seed
        while group.count < size {
            var score: [Int: Int] = [:]
            for g in group {
                for d in 0..<nD {
                    let key = g * nD + d
                    // Jobs g holds on the neighbouring dates: a seat of one of them can link.
                    var near: [Int32] = []
                    for e in [d - 1, d + 1] where e >= 0 && e < nD && abs(p.days[e].ordinal - p.days[d].ordinal) == 1 {
                        for c in jobs[g * nD + e] { near.append(p.reqJob[Int(candReq[Int(c)])]) }
                    }
                    // Seats of others that g can take.
                    for c in rowCands[key] where candOK[Int(c)] {
                        let r = Int(candReq[Int(c)])
                        let weight = near.contains(p.reqJob[r]) ? GeneralEngine.groupRedealLinkWeight : 1
                        for u in holders[r] where !group.contains(u) { score[u, default: 0] += weight }
                    }
                    // Seats of g that others (holding something) can take.
                    for c in jobs[key] {
                        let r = Int(candReq[Int(c)])
                        for c2 in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where candOK[c2] {
                            let u = Int(p.candWorker[c2])
                            guard !group.contains(u), groupable(u, pinned) else { continue }
                            // Three when u could link it: the job's seat on a neighbouring date is the group's or u's.
                            score[u, default: 0] +=
                                linkable(u, r, group, candOf) ? GeneralEngine.groupRedealLinkWeight : 1
                        }
                    }
                }
            }
            // The strongest few by that count; of them the one whose group has the largest dual gap.
            let ranked = score.filter { $0.value > 0 && groupable($0.key, pinned) }.sorted {
                $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
            }.prefix(GeneralEngine.groupRedealGrowthTries)
            guard !ranked.isEmpty else { break }
            var pick = ranked[ranked.startIndex].key
            if ranked.count > 1 && group.count + 1 >= GeneralEngine.groupRedealGrowthFrom {
                var bestGap = -Double.infinity
                for (u, _) in ranked {
                    guard
                        let dual = groupDual(
                            (group + [u]).sorted(), candOf, steps: GeneralEngine.groupRedealGrowthSteps)
                    else { continue }
                    work += dual.work
                    if dual.gap > bestGap + 1e-9 {
                        bestGap = dual.gap
                        pick = u
                    }
                }
            }
            group.append(pick)
        }
        return group.sorted()
    }

    /// Whether worker u could hold request r's job on a neighbouring date too: a request of the job there that u is a
    /// candidate of and that `group` or u holds.
    func linkable(_ u: Int, _ r: Int, _ group: [Int], _ candOf: [Int: Int32]) -> Bool {
        let d = Int(p.reqDay[r])
        let job = p.reqJob[r]
        for e in [d - 1, d + 1] where e >= 0 && e < nD && abs(p.days[e].ordinal - p.days[d].ordinal) == 1 {
            for w in group + [u] {
                for c in jobs[w * nD + e] {
                    let q = Int(candReq[Int(c)])
                    if p.reqJob[q] == job && candOf[q * p.nW + u] != nil { return true }
                }
            }
        }
        return false
    }

    /// The group's seats (see `GroupSeats`); nil when a group worker has a row of more than two jobs.
    func groupSeats(_ group: [Int]) -> GroupSeats? {
        var s = GroupSeats()
        for w in group {
            for d in 0..<nD {
                let row = jobs[w * nD + d]
                guard row.count <= 2 else { return nil }
                for c in row {
                    let r = Int(candReq[Int(c)])
                    if let t = s.type[r] {
                        s.need[t] += 1
                    } else {
                        s.type[r] = s.need.count
                        s.need.append(1)
                        s.request.append(r)
                        s.day.append(d)
                        s.rideCap.append(Int.max)
                    }
                }
            }
            s.current += ownValue(w)
        }
        // Riders the group may have on a van: its seats left beside the riders outside the group.
        for (t, r) in s.request.enumerated() where seatsLeft[r] != Int32.max {
            var outside = 0
            for w in 0..<p.nW where !group.contains(w) {
                for c in jobs[w * nD + s.day[t]] where Int(candReq[Int(c)]) == r && p.candRide[Int(c)] != 0 {
                    outside += 1
                }
            }
            s.rideCap[t] = max(0, Int(seatsLeft[r]) - outside)
        }
        return s
    }

    /// The best value worker w could draw from a seat of type t: its candidate's cost, and a link when it could hold
    /// the job the day before (history, or a seat of the group's there it is a candidate of); nil when w is not a
    /// candidate.
    func groupSeatValue(_ w: Int, _ t: Int, _ seats: GroupSeats, _ candOf: [Int: Int32]) -> Int64? {
        let r = seats.request[t]
        let d = seats.day[t]
        guard let c = candOf[r * p.nW + w] else { return nil }
        var v = -p.candCost[Int(c)]
        if p.candHistory[Int(c)] != 0 {
            v += p.continuity
        } else if d > 0 && p.days[d - 1].ordinal == p.days[d].ordinal - 1 {
            let job = p.reqJob[r]
            for (u, q) in seats.request.enumerated()
            where seats.day[u] == d - 1 && p.reqJob[q] == job && candOf[q * p.nW + w] != nil {
                v += p.continuity
                break
            }
        }
        return v
    }

    /// An upper bound on the group's value in any deal of its seats: each seat at the best value a group worker
    /// could draw from it.
    func groupBound(_ group: [Int], _ seats: GroupSeats, _ candOf: [Int: Int32]) -> Int64 {
        var b: Int64 = 0
        for t in seats.need.indices {
            var best: Int64?
            for w in group {
                if let v = groupSeatValue(w, t, seats, candOf), best.map({ v > $0 }) ?? true { best = v }
            }
            guard let best else { return Int64.min / 4 }
            b += Int64(seats.need[t]) * best
        }
        return b
    }

    /// Worker w's whole schedules over the group's seats: each date idle, one seat or two that fit, weekly caps kept;
    /// best value first. Nil when there are more than `groupRedealMaxSchedules`.
    func groupSchedules(_ w: Int, _ seats: GroupSeats, _ candOf: [Int: Int32]) -> [GroupSchedule]? {
        // Rows per date: idle, then singles, then pairs that fit.
        var options: [[[Int32]]] = []
        for d in 0..<nD {
            let key = w * nD + d
            var singles: [Int32] = []
            for (t, r) in seats.request.enumerated() where seats.day[t] == d {
                if let c = candOf[r * p.nW + w], fits(c, row: key, []) { singles.append(c) }
            }
            var rows: [[Int32]] = [[]]
            for c in singles { rows.append([c]) }
            for (i, a) in singles.enumerated() {
                for b in singles[(i + 1)...] where fits(b, row: key, [a]) { rows.append([a, b].sorted()) }
            }
            options.append(rows)
        }
        var total = 1
        for o in options {
            total *= o.count
            if total > GeneralEngine.groupRedealMaxSchedules { return nil }
        }
        var out: [GroupSchedule] = []
        var pick = [Int](repeating: 0, count: nD)
        for _ in 0..<total {
            let rows = (0..<nD).map { options[$0][pick[$0]] }
            // Weekly caps: the dates worked in each week.
            var weekOK = true
            for k in 0..<nK {
                var used: Int32 = 0
                for d in 0..<nD where Int(p.dayWeek[d]) == k && !rows[d].isEmpty { used += 1 }
                if used > datesLeft[w * nK + k] { weekOK = false }
            }
            if weekOK {
                var value: Int64 = 0
                var used: [Int] = []
                var rides: [Int] = []
                for d in 0..<nD {
                    for c in rows[d] {
                        let r = Int(candReq[Int(c)])
                        value -= p.candCost[Int(c)]
                        let job = p.reqJob[r]
                        if p.candHistory[Int(c)] != 0
                            || (d > 0 && p.days[d - 1].ordinal == p.days[d].ordinal - 1
                                && rows[d - 1].contains { p.reqJob[Int(candReq[Int($0)])] == job })
                        {
                            value += p.continuity
                        }
                        guard let t = seats.type[r] else { continue }
                        used.append(t)
                        if p.candRide[Int(c)] != 0 && seats.rideCap[t] != Int.max { rides.append(t) }
                    }
                }
                out.append(GroupSchedule(rows: rows, value: value, seats: used, rides: rides))
            }
            // The next combination.
            var d = nD - 1
            while d >= 0 {
                pick[d] += 1
                if pick[d] < options[d].count { break }
                pick[d] = 0
                d -= 1
            }
        }
        out.sort { $0.value > $1.value }
        return out
    }

    /// The best deal of `group`'s seats among the group (see the extension comment) that beats the current one:
    /// each group worker's rows by date, the deal's value, and the schedules listed and tried; nil rows when none
    /// beats it (or the group cannot be dealt).
    func bestGroupDeal(
        _ group: [Int], _ candOf: [Int: Int32], maxNodes: Int
    ) -> (rows: [[[Int32]]]?, value: Int64, current: Int64, nodes: Int) {
        guard let seats = groupSeats(group) else { return (nil, 0, 0, 0) }
        var lists: [[GroupSchedule]] = []
        var listed = 0
        for w in group {
            guard let s = groupSchedules(w, seats, candOf) else { return (nil, 0, seats.current, listed) }
            listed += s.count
            lists.append(s)
        }
        let nT = seats.need.count
        let (price, dual, priceWork) = groupPrices(lists, seats, steps: GeneralEngine.groupRedealPriceSteps)
        listed += priceWork
        // No deal of the group's seats can beat the current one.
        guard dual >= Double(seats.current) + 0.5 else { return (nil, seats.current, seats.current, listed) }
        // Each worker's schedules by reduced value (value − the prices of its seats), best first.
        func reduced(_ s: GroupSchedule) -> Double { Double(s.value) - s.seats.reduce(0.0) { $0 + price[$1] } }
        var byReduced: [[(Double, Int)]] = []
        for list in lists {
            var r = list.enumerated().map { (reduced($0.element), $0.offset) }
            r.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            byReduced.append(r)
        }
        // Fewest schedules first.
        let order = group.indices.sorted { (lists[$0].count, $0) < (lists[$1].count, $1) }
        // best[i][t]: the best value a worker at position i or later could draw from a seat of type t; tail[i]: the
        // sum of those workers' best reduced values.
        let none: Int64 = -(1 << 40)
        var best = [[Int64]](repeating: [Int64](repeating: none, count: nT), count: group.count + 1)
        var tail = [Double](repeating: 0, count: group.count + 1)
        for i in stride(from: group.count - 1, through: 0, by: -1) {
            best[i] = best[i + 1]
            let w = group[order[i]]
            for t in 0..<nT {
                if let v = groupSeatValue(w, t, seats, candOf), v > best[i][t] { best[i][t] = v }
            }
            tail[i] = tail[i + 1] + (byReduced[order[i]].first?.0 ?? 0)
        }
        var remain = seats.need
        var ridesLeft = seats.rideCap
        var chosen = [Int](repeating: -1, count: group.count)
        var bestChoice: [Int]?
        var bestValue = seats.current
        var nodes = 0
        func search(_ i: Int, _ value: Int64) {
            if i == group.count {
                if value > bestValue && remain.allSatisfy({ $0 == 0 }) {
                    bestValue = value
                    bestChoice = chosen
                }
                return
            }
            // Two bounds on what the rest can add: each open seat at its best value (`rest`), and the prices' dual
            // bound (`priced` plus a schedule's reduced value).
            var rest: Int64 = 0
            var priced = tail[i + 1]
            for t in 0..<nT where remain[t] > 0 {
                rest += Int64(remain[t]) * best[i + 1][t]
                priced += Double(remain[t]) * price[t]
            }
            let list = lists[order[i]]
            for (red, s) in byReduced[order[i]] {
                if nodes >= maxNodes { return }
                // Sorted by reduced value: no later schedule passes the dual bound once one fails it.
                if Double(value) + red + priced < Double(bestValue) + 0.5 { return }
                let sched = list[s]
                guard sched.seats.allSatisfy({ remain[$0] > 0 }), sched.rides.allSatisfy({ ridesLeft[$0] > 0 }) else {
                    continue
                }
                nodes += 1
                var bound = value + sched.value + rest
                for t in sched.seats { bound -= best[i + 1][t] }
                guard bound > bestValue else { continue }
                for t in sched.seats { remain[t] -= 1 }
                for t in sched.rides { ridesLeft[t] -= 1 }
                chosen[order[i]] = s
                search(i + 1, value + sched.value)
                for t in sched.seats { remain[t] += 1 }
                for t in sched.rides { ridesLeft[t] += 1 }
            }
        }
        search(0, 0)
        guard let bestChoice else { return (nil, seats.current, seats.current, listed + nodes) }
        let rows = group.indices.map { lists[$0][bestChoice[$0]].rows }
        return (rows, bestValue, seats.current, listed + nodes)
    }

    /// Seat prices for the search's dual bound: `Σ need × price + Σ over workers of the best reduced value` bounds
    /// every deal of the seats (each worker one schedule, every seat filled) for any prices; subgradient steps
    /// (Polyak's, towards the current deal's value) lower it from each seat priced at the best value a worker could
    /// draw from it. Returns the prices of the lowest bound met, and that bound.
    func groupPrices(_ lists: [[GroupSchedule]], _ seats: GroupSeats, steps: Int) -> (
        price: [Double], bound: Double, work: Int
    ) {
        let size = lists.reduce(0) { $0 + $1.count }
        var work = 0
        let nT = seats.need.count
        var price = [Double](repeating: 0, count: nT)
        for list in lists {
            for s in list where s.seats.count == 1 { price[s.seats[0]] = max(price[s.seats[0]], Double(s.value)) }
        }
        for t in 0..<nT where price[t] == 0 {
            var top = -Double.infinity
            for list in lists { for s in list where s.seats.contains(t) { top = max(top, Double(s.value)) } }
            price[t] = top.isFinite ? top : 0
        }
        var bestPrice = price
        var bestBound = Double.infinity
        var lambda = 1.0
        var sinceBest = 0
        for _ in 0..<steps {
            work += size
            var bound = 0.0
            var g = seats.need.map(Double.init)
            for t in 0..<nT { bound += Double(seats.need[t]) * price[t] }
            for list in lists {
                var top = -Double.infinity
                var arg = -1
                for (k, s) in list.enumerated() {
                    let r = Double(s.value) - s.seats.reduce(0.0) { $0 + price[$1] }
                    if r > top {
                        top = r
                        arg = k
                    }
                }
                guard arg >= 0 else { continue }
                bound += top
                for t in list[arg].seats { g[t] -= 1 }
            }
            if bound < bestBound - 1e-9 {
                bestBound = bound
                bestPrice = price
                sinceBest = 0
            } else {
                sinceBest += 1
                if sinceBest >= 8 {
                    lambda /= 2
                    sinceBest = 0
                }
            }
            let norm = g.reduce(0.0) { $0 + $1 * $1 }
            guard norm > 0, bound > Double(seats.current) + 0.5, lambda > 1e-4 else { break }
            let step = lambda * (bound - Double(seats.current)) / norm
            for t in 0..<nT { price[t] -= step * g[t] }
        }
        return (bestPrice, bestBound, work)
    }

    /// Deals `group`'s seats again (see the extension comment); keeps the deal when every date stays valid and the
    /// scorer ranks the plan higher. Returns whether the plan changed.
    mutating func groupRedeal(_ group: [Int], _ candOf: [Int: Int32], maxNodes: Int) -> Bool {
        let deal = bestGroupDeal(group, candOf, maxNodes: maxNodes)
        budget.charge(.general, deal.nodes + group.count * nD)
        guard let rows = deal.rows else { return false }
        let before = score(inst, assignments: assignments()).score
        let saved = jobs
        for (i, w) in group.enumerated() { for d in 0..<nD { jobs[w * nD + d] = rows[i][d].sorted() } }
        if (0..<nD).allSatisfy({ dayValid($0) }) && score(inst, assignments: assignments()).score > before {
            return true
        }
        jobs = saved
        return false
    }
}
