import Foundation

/// Several days: a plan day's seats dealt again with its set of two-job rows changed, both halves of a pair moving at
/// once (the seat re-deals of `SearchSeatRedeal.swift` keep each pair as a unit or keep one of its halves in place).
///
/// The day's free workers and seats are those of the re-deal's first deal (counts per request kept, every other day
/// fixed). A *pair type* is two requests of the day that some free worker can work together; the day's deal is fixed
/// by how many seats of each request go to single rows and how many pairs of each type there are (T), and for a given
/// T the best deal is one min-cost flow (workers to single seats and to pair units, riders through van nodes), exact.
/// The move changes T: a pair type dropped (its two seats dealt as singles), or a pair type added, each of its two
/// seats taken from a single seat of the request or by breaking a pair that holds it (its partner then dealt as a
/// single), the two partners paired again when they fit. Each changed T is bounded before its flow is run: with
/// potentials that prove the current flow optimal (Bellman–Ford on its residual graph), the dual bound of the flow
/// says the value can rise by at most Σ Δcap × (−reduced cost) over the sink arcs whose capacity changes, so only the
/// changes with a positive bound are tried, best bound first; the first that raises the day's value (and the changed
/// workers' `ownValue`) is kept. Before the changes, the best deal of the current T itself is kept when it beats the
/// day's own rows (on `s6` two rows exchanging their morning halves, +26, the day's optimum with its counts kept).
/// Counts per request stay, so medium, minimums and share stay. Deterministic.
extension GeneralEngine {
    /// Passes over the days while one improves (at most `maxPasses`), within `maxWork` work units; at most
    /// `maxFlows` changed T tried a day and pass. Returns whether the plan improved.
    @discardableResult
    mutating func seatPairDeals(maxWork: Int, maxPasses: Int = 4, maxFlows: Int = 64) -> Bool {
        guard nD >= 2, p.continuity > 0 else { return false }
        let pinned = pinnedWorkers()
        return dayPasses(maxWork: maxWork, maxPasses: maxPasses, whileImproving: true) { engine, d, left in
            engine.pairDealDay(d, pinned, maxFlows: maxFlows, maxWork: left)
        }
    }

    /// Passes over the days, each day's `step` given the work left of `maxWork`, while a pass improves (at most
    /// `maxPasses`; a later pass stops at the last day that improved when nothing has since); with `whileImproving`
    /// a day's step is repeated while it improves. Counts each improving step as a move; returns whether any
    /// improved. The pair deals and the date deals with counts free run their days by it.
    mutating func dayPasses(
        maxWork: Int, maxPasses: Int, whileImproving: Bool, _ step: (inout GeneralEngine, Int, Int) -> Bool
    ) -> Bool {
        let workAtStart = budget.spent[.general, default: 0]
        var any = false
        var lastImproved = -1
        for pass in 1...max(1, maxPasses) {
            var improved = false
            for d in 0..<nD {
                if pass > 1 && d == lastImproved && !improved { return any }
                while true {
                    let left = maxWork - (budget.spent[.general, default: 0] - workAtStart)
                    if budget.outOfTime() || left <= 0 { return any }
                    guard step(&self, d, left) else { break }
                    improved = true
                    any = true
                    lastImproved = d
                    stats.moves += 1
                    if !whileImproving { break }
                }
            }
            if !improved { break }
        }
        return any
    }

    /// One change of day d's pair types that raises its value, applied; false when none of the tried ones does.
    mutating func pairDealDay(_ d: Int, _ pinned: [Bool], maxFlows: Int, maxWork: Int) -> Bool {
        var free: [Int] = []
        var singles = [Int32](repeating: 0, count: p.nR)
        var pairCount: [[Int32]: Int32] = [:]
        var fixedRiders = [Int32](repeating: 0, count: p.nR)
        for w in 0..<p.nW {
            let key = w * nD + d
            let row = jobs[key]
            guard isDealFree(w, d, pinned, keepPairRiders: true) else {
                for c in row where p.candRide[Int(c)] != 0 { fixedRiders[Int(candReq[Int(c)])] += 1 }
                continue
            }
            free.append(w)
            if row.count == 1 {
                singles[Int(candReq[Int(row[0])])] += 1
            } else if row.count == 2 {
                pairCount[row.map { candReq[Int($0)] }.sorted(), default: 0] += 1
            }
        }
        var seats = singles
        for (t, n) in pairCount { for r in t { seats[Int(r)] += n } }
        let reqs = (0..<p.nR).filter { seats[$0] > 0 }
        guard !free.isEmpty, !reqs.isEmpty else { return false }
        // The pair types: two requests with seats that a free worker can work together (no van with a seat limit).
        var work = 0
        let (types, workerTypes, typeWork) = freePairTypes(free, day: d) { seats[Int($0)] > 0 }
        work += typeWork
        var typeIndex: [[Int32]: Int] = [:]
        for (u, t) in types.enumerated() { typeIndex[t] = u }
        var counts = [Int32](repeating: 0, count: types.count)
        for (t, n) in pairCount {
            guard let u = typeIndex[t] else {
                budget.charge(.general, work)
                return false
            }
            counts[u] = n
        }
        // Nodes: source, workers, vans, requests, pair types, sink (every arc from a lower to a higher node).
        let nWk = free.count
        let nodes = DayDealNodes(workers: nWk, reqs: reqs, requestCount: p.nR, seatsLeft: seatsLeft, extra: types.count)
        let (vanNode, reqNode, typeBase, sink) = (nodes.vanNode, nodes.reqNode, nodes.extraBase, nodes.sink)
        var maxAbs: Int64 = 1
        for c in 0..<p.candidateCount where candOK[c] && Int(p.reqDay[Int(candReq[c])]) == d {
            maxAbs = max(maxAbs, abs(p.candCost[c]) + 2 * p.continuity)
        }
        let bonus = maxAbs * 4 * Int64(nWk + 1)
        let totalSeats = reqs.reduce(0) { $0 + Int(seats[$1]) }
        // The graph of a deal; the sink arcs' capacities are T's (`sinkArc[r]` for requests, `typeArc[u]` for types).
        struct Deal {
            var g: ResidualFlow
            var arcs: [(worker: Int, arc: Int, cands: [Int32], value: Int64)]
            var sinkArc: [Int]
            var typeArc: [Int]
        }
        func build(_ single: [Int32], _ count: [Int32]) -> Deal {
            var g = ResidualFlow(nodes: sink + 1)
            var arcs: [(worker: Int, arc: Int, cands: [Int32], value: Int64)] = []
            for (i, w) in free.enumerated() {
                _ = addSeatArcs(&g, nodes, worker: i, w, d, kept: []) { arc, c, v in arcs.append((w, arc, [c], v)) }
                for (t, cs) in workerTypes[i] {
                    let v =
                        dayValue(Int(cs[0])) - p.reqPriority[Int(candReq[Int(cs[0])])] * bigM + dayValue(Int(cs[1]))
                        - p.reqPriority[Int(candReq[Int(cs[1])])] * bigM
                    arcs.append((w, g.add(1 + i, typeBase + typeIndex[t]!, cap: 1, cost: -v), cs, v))
                }
            }
            var sinkArc = [Int](repeating: -1, count: p.nR)
            for r in reqs {
                if vanNode[r] >= 0 {
                    g.add(vanNode[r], reqNode[r], cap: max(0, seatsLeft[r] - fixedRiders[r]), cost: 0)
                }
                sinkArc[r] = g.add(reqNode[r], sink, cap: single[r], cost: -bonus)
            }
            var typeArc: [Int] = []
            for u in types.indices { typeArc.append(g.add(typeBase + u, sink, cap: count[u], cost: -2 * bonus)) }
            return Deal(g: g, arcs: arcs, sinkArc: sinkArc, typeArc: typeArc)
        }
        /// The value of a solved deal when every seat is dealt.
        func value(_ deal: Deal) -> Int64? {
            var dealt = 0
            var value: Int64 = 0
            for a in deal.arcs where deal.g.flow(a.arc) > 0 {
                dealt += a.cands.count
                value += a.value
            }
            work += deal.arcs.count
            return dealt == totalSeats ? value : nil
        }
        var base = build(singles, counts)
        _ = base.g.minimize(source: 0, sink: sink)
        work += base.g.work
        guard let baseValue = value(base) else {
            budget.charge(.general, work)
            return false
        }
        // The value of the day's own rows, in the flow's terms (one of its deals).
        var currentValue: Int64 = 0
        for w in free {
            for c in jobs[w * nD + d] { currentValue += dayValue(Int(c)) - p.reqPriority[Int(candReq[Int(c)])] * bigM }
        }
        work += free.count
        /// Applies a deal's rows when they raise the changed workers' `ownValue`; whether it did.
        func apply(_ deal: Deal) -> Bool {
            var newRows = [Int: [Int32]]()
            for a in deal.arcs where deal.g.flow(a.arc) > 0 { newRows[a.worker] = a.cands }
            return replaceRowsIfBetter(newRows, among: free, date: d)
        }
        // The best deal of the current T itself may beat the day's rows (the re-deals keep a pair as a unit or one
        // half in place; here every free row is re-dealt at once): kept when it raises the changed workers' value.
        if baseValue > currentValue, apply(base) {
            budget.charge(.general, work)
            return true
        }
        // Potentials proving the flow optimal: shortest distances in its residual graph from every node at 0, with
        // the source and the sink joined both ways at cost 0 (the flow's amount is free).
        var pot = [Int64](repeating: 0, count: sink + 1)
        var changed = true
        var rounds = 0
        while changed && rounds <= sink + 1 {
            changed = false
            rounds += 1
            for a in 0..<base.g.to.count where base.g.cap[a] > 0 {
                let u = Int(base.g.to[a ^ 1])
                let v = Int(base.g.to[a])
                if pot[u] + base.g.cost[a] < pot[v] {
                    pot[v] = pot[u] + base.g.cost[a]
                    changed = true
                }
            }
            let m = min(pot[0], pot[sink])
            if pot[0] != m || pot[sink] != m {
                pot[0] = m
                pot[sink] = m
                changed = true
            }
            work += base.g.to.count
        }
        func gainPerSeat(_ a: Int) -> Int64 {
            let rc = base.g.cost[a] + pot[Int(base.g.to[a ^ 1])] - pot[Int(base.g.to[a])]
            return max(0, -rc)
        }
        // The changes of T and their bounds.
        struct Change {
            var single: [Int32: Int32] = [:]
            var count: [Int: Int32] = [:]
        }
        var changes: [(bound: Int64, order: Int, change: Change)] = []
        var seen = Set<[[Int]]>()
        func consider(_ ch: Change) {
            var bound: Int64 = 0
            for (r, dv) in ch.single where dv != 0 {
                if singles[Int(r)] + dv < 0 { return }
                bound += Int64(dv) * gainPerSeat(base.sinkArc[Int(r)])
            }
            for (u, dv) in ch.count where dv != 0 {
                if counts[u] + dv < 0 { return }
                bound += Int64(dv) * gainPerSeat(base.typeArc[u])
            }
            guard bound > 0 else { return }
            let key =
                ch.single.filter { $0.value != 0 }.map { [Int($0.key), Int($0.value)] }.sorted {
                    $0.lexicographicallyPrecedes($1)
                } + [[-1]]
                + ch.count.filter { $0.value != 0 }.map { [$0.key, Int($0.value)] }.sorted {
                    $0.lexicographicallyPrecedes($1)
                }
            guard seen.insert(key).inserted else { return }
            changes.append((bound, changes.count, ch))
        }
        for (u, t) in types.enumerated() where counts[u] > 0 {
            var ch = Change()
            ch.count[u] = -1
            for r in t { ch.single[r, default: 0] += 1 }
            consider(ch)
        }
        for (u, t) in types.enumerated() {
            // Each half from a single seat of its request (-1) or by breaking a pair type that holds it.
            func sources(_ r: Int32) -> [Int] {
                var out: [Int] = singles[Int(r)] > 0 ? [-1] : []
                for (v, s) in types.enumerated() where v != u && counts[v] > 0 && s.contains(r) { out.append(v) }
                return out
            }
            for s0 in sources(t[0]) {
                for s1 in sources(t[1]) {
                    var ch = Change()
                    ch.count[u, default: 0] += 1
                    var partners: [Int32] = []
                    for (r, s) in [(t[0], s0), (t[1], s1)] {
                        if s < 0 {
                            ch.single[r, default: 0] -= 1
                        } else {
                            ch.count[s, default: 0] -= 1
                            let partner = types[s][0] == r ? types[s][1] : types[s][0]
                            ch.single[partner, default: 0] += 1
                            partners.append(partner)
                        }
                    }
                    consider(ch)
                    if partners.count == 2, let v = typeIndex[partners.sorted()] {
                        var again = ch
                        again.count[v, default: 0] += 1
                        for r in partners { again.single[r, default: 0] -= 1 }
                        consider(again)
                    }
                }
            }
        }
        changes.sort { ($0.bound, -$0.order) > ($1.bound, -$1.order) }
        for (k, item) in changes.enumerated() {
            if k >= maxFlows || work >= maxWork { break }
            // The deal of the changed T, from the current one's flow and potentials.
            var deal = base
            var pt = pot
            var caps: [(arc: Int, cap: Int32)] = []
            for (r, dv) in item.change.single.sorted(by: { $0.key < $1.key }) where dv != 0 {
                caps.append((base.sinkArc[Int(r)], singles[Int(r)] + dv))
            }
            for (u, dv) in item.change.count.sorted(by: { $0.key < $1.key }) where dv != 0 {
                caps.append((base.typeArc[u], counts[u] + dv))
            }
            work += deal.g.cap.count / 4
            guard deal.g.reoptimize(&pt, caps: caps, source: 0, sink: sink, work: &work) else { continue }
            guard let value = value(deal), value > baseValue else { continue }
            if apply(deal) {
                budget.charge(.general, work)
                return true
            }
        }
        budget.charge(.general, work)
        return false
    }
}

extension GeneralEngine {
    /// The pair types of date `d`'s free workers who may take two jobs: every two of a worker's candidates on that
    /// date, at two requests that `open` admits, that fit the row together (no rider of a van with a seat limit).
    /// Returns the types in lexicographic order, each free worker's `(type, candidates)` pairs in `free`'s order, and
    /// the work (one unit per two candidates looked at). The pair deals and the date deals with counts free share it.
    func freePairTypes(_ free: [Int], day d: Int, open: (Int32) -> Bool)
        -> (types: [[Int32]], workerTypes: [[(type: [Int32], cands: [Int32])]], work: Int)
    {
        var work = 0
        var typeSet = Set<[Int32]>()
        var workerTypes: [[(type: [Int32], cands: [Int32])]] = Array(repeating: [], count: free.count)
        for (i, w) in free.enumerated() where inst.workers[w].maxJobsPerDay >= 2 {
            let key = w * nD + d
            let cs = rowCands[key].filter {
                candOK[Int($0)] && open(candReq[Int($0)])
                    && (p.candRide[Int($0)] == 0 || seatsLeft[Int(candReq[Int($0)])] == Int32.max)
            }
            for x in 0..<cs.count {
                for y in (x + 1)..<cs.count {
                    work += 1
                    let (c1, c2) = (cs[x], cs[y])
                    guard candReq[Int(c1)] != candReq[Int(c2)], fits(c1, row: key, []), fits(c2, row: key, [c1])
                    else { continue }
                    let t = [candReq[Int(c1)], candReq[Int(c2)]].sorted()
                    typeSet.insert(t)
                    workerTypes[i].append((t, [c1, c2].sorted()))
                }
            }
        }
        return (typeSet.sorted { $0.lexicographicallyPrecedes($1) }, workerTypes, work)
    }
}
