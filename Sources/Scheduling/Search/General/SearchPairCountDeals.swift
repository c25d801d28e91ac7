import Foundation

/// Several days: a plan day's free rows dealt again with its counts per request, its pair types and the states of its
/// requests with a minimum free together (issue 14, v2soft15 session). The count re-deals (`SearchCountRedeal.swift`)
/// move single seats with each two-job row's anchor kept and every request's state kept; the pair deals
/// (`SearchSeatPairDeals.swift`) change pair types with the counts kept; the closing kicks close one request held at
/// its minimum and re-deal around it. On `s6`, SCIP with one date free and its counts free gains by opening a closed
/// request with a minimum (07-08: r58) or closing two (07-10: r158, r208) with seats re-counted around them.
///
/// The free workers are the pair deals' (no pins, at most two jobs, a two-job row with a rider of a seat-limited van
/// kept). T is how many pairs of each *pair type* (two requests of the day some free worker can work together) the
/// day holds; a request with a minimum above one and no pins is open or closed. For a given T and states the best
/// deal with the counts free is one min-cost flow, exact: source → worker → single seat (through the request's van
/// node for a rider) or pair-type node → sink, the type arc of capacity `T[u]` forced by a bonus above anything else
/// a worker's seat is worth; each pair's two seats enter their requests from the source (an arc of capacity Σ T over
/// the request's types, forced too), so the request's units → sink, valued priority × M plus the unit's share bonus
/// (after the fixed rows' and the pins' units, falling with k), are taken by pairs and singles alike. An open request
/// with a minimum keeps it by `forceBonus` units; a closed one has its units' capacity at 0. A T whose forced arcs are
/// not all full is not a deal.
///
/// The move: the best deal of the current T and states when it beats the day's rows; then steps, each one type
/// added, one dropped or one request's state changed, or two such steps together (at most one added and one
/// dropped). Each is bounded before its flow: with potentials that prove the current flow optimal, the value can rise
/// by at most Σ Δcap × (−reduced cost) over the changed arcs, less their forcing bonuses. The changes bounded below M
/// come first (single steps, then pairs, best bound first), then the others; each is dealt by re-optimizing the current
/// flow (`ResidualFlowWarm.swift`), and the first that raises the flow's value is kept when the day stays valid and
/// the scorer ranks the plan higher; its flow, potentials, T and states are the next start (at most `maxFlows` flows a
/// day). Deterministic.
extension GeneralEngine {
    /// Passes over the days while one improves (at most `maxPasses`), within `maxWork` work units; at most
    /// `maxFlows` changed T tried a day and call. Returns whether the plan improved.
    @discardableResult
    mutating func pairCountDeals(maxWork: Int, maxPasses: Int = 4, maxFlows: Int = 64) -> Bool {
        guard nD >= 2 else { return false }
        let pinned = pinnedWorkers()
        return dayPasses(maxWork: maxWork, maxPasses: maxPasses, whileImproving: false) { engine, d, left in
            engine.pairCountDealDay(d, pinned, maxFlows: maxFlows, maxWork: left)
        }
    }

    /// Day d dealt with its counts, pair types and states free (see the extension comment): the best deal of the
    /// current T and states, then at most `maxFlows` changed ones (none with 0), each kept deal applied when the scorer
    /// ranks the plan higher. Returns whether the plan improved; charges its work.
    mutating func pairCountDealDay(_ d: Int, _ pinned: [Bool], maxFlows: Int, maxWork: Int) -> Bool {
        var work = 0
        defer { budget.charge(.general, work) }
        var free: [Int] = []
        var fixed = [Int32](repeating: 0, count: p.nR)
        var fixedRiders = [Int32](repeating: 0, count: p.nR)
        var pairRows: [[Int32]] = []
        for w in 0..<p.nW {
            let row = jobs[w * nD + d]
            guard isDealFree(w, d, pinned, keepPairRiders: true) else {
                for c in row {
                    fixed[Int(candReq[Int(c)])] += 1
                    if p.candRide[Int(c)] != 0 { fixedRiders[Int(candReq[Int(c)])] += 1 }
                }
                continue
            }
            free.append(w)
            if row.count == 2 { pairRows.append(row.map { candReq[Int($0)] }.sorted()) }
        }
        work += p.nW
        let (count, _) = dayCounts(d)
        // The dealt requests; one with a minimum above one and no pins is open or closed (`isOpen`), and its state may
        // change (`toggles`: a closed one opened, an open one without fixed rows closed).
        var reqs: [Int] = []
        var dealt = [Bool](repeating: false, count: p.nR)
        var isOpen = [Bool](repeating: true, count: p.nR)
        var toggles: [Int] = []
        for r in 0..<p.nR where Int(p.reqDay[r]) == d && p.reqCap[r] > fixed[r] {
            reqs.append(r)
            dealt[r] = true
            if pinnedCount[r] == 0 && p.reqMin[r] > 1 {
                isOpen[r] = count[r] > 0
                if !isOpen[r] || fixed[r] == 0 { toggles.append(r) }
            }
        }
        guard !free.isEmpty, !reqs.isEmpty else { return false }
        // The pair types and each free worker's pairs (no rider of a van with a seat limit).
        let (types, workerTypes, typeWork) = freePairTypes(free, day: d) { dealt[Int($0)] }
        work += typeWork
        var typeIndex: [[Int32]: Int] = [:]
        for (u, t) in types.enumerated() { typeIndex[t] = u }
        var counts = [Int32](repeating: 0, count: types.count)
        for t in pairRows {
            guard let u = typeIndex[t] else { return false }
            counts[u] += 1
        }
        var pairsAt = [Int32](repeating: 0, count: p.nR)
        for (u, t) in types.enumerated() { for r in t { pairsAt[Int(r)] += counts[u] } }
        // Nodes: source, workers, vans, requests, pair types, sink (every arc from a lower to a higher node).
        let nodes = DayDealNodes(
            workers: free.count, reqs: reqs, requestCount: p.nR, seatsLeft: seatsLeft, extra: types.count)
        let (vanNode, reqNode, typeBase, sink) = (nodes.vanNode, nodes.reqNode, nodes.extraBase, nodes.sink)
        var maxAbs: Int64 = 1
        for c in 0..<p.candidateCount where candOK[c] && Int(p.reqDay[Int(candReq[c])]) == d {
            maxAbs = max(maxAbs, abs(p.candCost[c]) + 2 * p.continuity)
        }
        work += p.candidateCount / 8
        // A pair's forcing bonus is above anything a worker's seat is worth alone, a forced unit's bonus included.
        guard forceBonus < Int64.max >> 24 else { return false }
        let bonus = 2 * forceBonus + maxAbs * 4 * Int64(free.count + 1)
        let share = Int64(inst.weights.share)
        var g = ResidualFlow(nodes: sink + 1)
        var arcs: [(worker: Int, arc: Int, cands: [Int32], value: Int64)] = []
        for (i, w) in free.enumerated() {
            work += addSeatArcs(&g, nodes, worker: i, w, d, kept: []) { arc, c, v in arcs.append((w, arc, [c], v)) }
            for (t, cs) in workerTypes[i] {
                let v =
                    dayValue(Int(cs[0])) - p.reqPriority[Int(t[0])] * bigM + dayValue(Int(cs[1]))
                    - p.reqPriority[Int(t[1])] * bigM
                arcs.append((w, g.add(1 + i, typeBase + typeIndex[t]!, cap: 1, cost: -v), cs, v))
            }
        }
        var injectArc = [Int](repeating: -1, count: p.nR)
        var units: [(req: Int, arc: Int, value: Int64)] = []
        var unitArcs = [[Int]](repeating: [], count: p.nR)
        var forced = [Int32](repeating: 0, count: p.nR)
        // The bonus each forcing arc carries (taken off its gains in a change's bound).
        var forcing: [Int: Int64] = [:]
        for r in reqs {
            if vanNode[r] >= 0 {
                g.add(vanNode[r], reqNode[r], cap: max(0, seatsLeft[r] - fixedRiders[r]), cost: 0)
            }
            injectArc[r] = g.add(0, reqNode[r], cap: pairsAt[r], cost: -bonus)
            forcing[injectArc[r]] = bonus
            let held = Int(pinnedCount[r] + fixed[r])
            if pinnedCount[r] == 0 && p.reqMin[r] > 1 { forced[r] = max(0, p.reqMin[r] - fixed[r]) }
            let h = inst.requests[r].headcount
            for j in 0..<Int(p.reqCap[r] - fixed[r]) {
                let unit = p.reqPriority[r] * bigM + share * Int64(shareUnits(k: held + j + 1, headcount: h))
                let force = j < Int(forced[r]) ? forceBonus : 0
                let a = g.add(reqNode[r], sink, cap: isOpen[r] ? 1 : 0, cost: -(unit + force))
                units.append((r, a, unit))
                unitArcs[r].append(a)
                if force > 0 { forcing[a] = force }
            }
        }
        var typeArc: [Int] = []
        for u in types.indices {
            typeArc.append(g.add(typeBase + u, sink, cap: counts[u], cost: -bonus))
            forcing[typeArc[u]] = bonus
        }
        work += g.to.count
        _ = g.minimize(source: 0, sink: sink)
        work += g.work
        let reqCap = p.reqCap
        let room = { (r: Int) -> Int32 in reqCap[r] - fixed[r] }
        /// The flow's value of a deal (workers' values and the units' priority and share), nil when a forced arc is
        /// not full (a pair undealt, a pair's seat not taken, or a request below its minimum).
        func value(_ g: ResidualFlow, _ counts: [Int32], _ pairsAt: [Int32], _ isOpen: [Bool]) -> Int64? {
            work += arcs.count + units.count
            for (u, a) in typeArc.enumerated() where g.flow(a) != counts[u] { return nil }
            var filled = [Int32](repeating: 0, count: p.nR)
            var total: Int64 = 0
            for a in arcs where g.flow(a.arc) > 0 { total += a.value }
            for (r, a, v) in units where g.flow(a) > 0 {
                total += v
                filled[r] += 1
            }
            for r in reqs where g.flow(injectArc[r]) != pairsAt[r] || (isOpen[r] && filled[r] < forced[r]) {
                return nil
            }
            return total
        }
        guard var baseValue = value(g, counts, pairsAt, isOpen) else {
            return false
        }
        /// Installs a solved deal's rows when the day stays valid and the scorer ranks the plan higher.
        func apply(_ g: ResidualFlow) -> Bool {
            var rows = [Int: [Int32]]()
            for a in arcs where g.flow(a.arc) > 0 { rows[a.worker, default: []].append(contentsOf: a.cands) }
            return replaceRowsIfRankedHigher(rows.mapValues { $0.sorted() }, among: free, date: d)
        }
        // The day's own rows in the flow's terms (one of the current T's deals).
        var currentValue: Int64 = 0
        var held = [Int32](repeating: 0, count: p.nR)
        for w in free {
            for c in jobs[w * nD + d] {
                let r = Int(candReq[Int(c)])
                currentValue += dayValue(Int(c)) - p.reqPriority[r] * bigM
                held[r] += 1
            }
        }
        for (r, _, v) in units where held[r] > 0 {
            currentValue += v
            held[r] -= 1
        }
        work += free.count + units.count
        var improved = baseValue > currentValue && apply(g)
        // Potentials proving the flow optimal: shortest distances in its residual graph from every node at 0, the sink
        // standing for the source (the flow's amount is free), by a first-in first-out label-correcting walk.
        guard var pot = Self.residualPotentials(g, source: 0, sink: sink, work: &work, maxWork: maxWork) else {
            return improved
        }
        /// What one more unit of capacity on arc a can gain at most (−reduced cost, or 0).
        func gain(_ a: Int) -> Int64 {
            let rc = g.cost[a] + pot[Int(g.to[a ^ 1])] - pot[Int(g.to[a])]
            return max(0, -rc)
        }
        /// A change's capacity changes (arc, new capacity) and its T, pair seats and states.
        struct Change {
            var caps: [(arc: Int, cap: Int32)] = []
            var counts: [Int32]
            var pairsAt: [Int32]
            var isOpen: [Bool]
        }
        /// The change of one type added (`add`), one dropped (`drop`) and the states of `toggled` changed (−1 / empty:
        /// none); nil when a request's pair seats would exceed its room or enter a closed request.
        /// Without `check` the change is listed even when it is not a deal (a step is bounded alone and paired with
        /// another that makes it one: a type added into the room a dropped one leaves).
        func change(add: Int, drop: Int, toggled: [Int], check: Bool = true) -> Change? {
            var ch = Change(counts: counts, pairsAt: pairsAt, isOpen: isOpen)
            if add >= 0 {
                ch.counts[add] += 1
                for r in types[add] { ch.pairsAt[Int(r)] += 1 }
            }
            if drop >= 0 {
                ch.counts[drop] -= 1
                for r in types[drop] { ch.pairsAt[Int(r)] -= 1 }
            }
            for r in toggled { ch.isOpen[r].toggle() }
            for u in [add, drop] where u >= 0 { ch.caps.append((typeArc[u], ch.counts[u])) }
            let touched = Set([add, drop].filter { $0 >= 0 }.flatMap { types[$0].map(Int.init) })
            for r in touched.sorted() where ch.pairsAt[r] != pairsAt[r] {
                guard !check || (ch.pairsAt[r] <= room(r) && (ch.isOpen[r] || ch.pairsAt[r] == 0)) else { return nil }
                ch.caps.append((injectArc[r], ch.pairsAt[r]))
            }
            for r in toggled {
                guard !check || ch.isOpen[r] || ch.pairsAt[r] == 0 else { return nil }
                for a in unitArcs[r] { ch.caps.append((a, ch.isOpen[r] ? 1 : 0)) }
            }
            return ch
        }
        /// The dual bound of a change on the flow's value: Σ Δcap × (gain − forcing bonus) over its arcs.
        func bound(_ caps: [(arc: Int, cap: Int32)]) -> Int64 {
            var b: Int64 = 0
            for (a, c) in caps {
                let delta = Int64(c) - Int64(g.cap[a] + g.cap[a ^ 1])
                b += delta * (gain(a) - (forcing[a] ?? 0))
            }
            work += caps.count
            return b
        }
        // Steps from the current deal while one improves: a kept deal's flow, potentials and T are the next start.
        var flows = 0
        search: while flows < maxFlows && work < maxWork {
            // The bounds of the single steps (a type added or dropped, a request's state changed), then their pairs.
            var steps: [(bound: Int64, add: Int, drop: Int, toggled: [Int])] = []
            for u in types.indices {
                if let ch = change(add: u, drop: -1, toggled: [], check: false) {
                    steps.append((bound(ch.caps), u, -1, []))
                }
                if counts[u] > 0, let ch = change(add: -1, drop: u, toggled: [], check: false) {
                    steps.append((bound(ch.caps), -1, u, []))
                }
            }
            for r in toggles {
                guard let ch = change(add: -1, drop: -1, toggled: [r], check: false) else { continue }
                steps.append((bound(ch.caps), -1, -1, [r]))
            }
            var changes = steps.filter {
                $0.bound > 0 && change(add: $0.add, drop: $0.drop, toggled: $0.toggled) != nil
            }
            let singles = changes.count
            for x in steps.indices {
                for y in (x + 1)..<steps.count {
                    let (s, t) = (steps[x], steps[y])
                    guard s.bound + t.bound > 0 else { continue }
                    // At most one type added and one dropped (each from a different step).
                    if (s.add >= 0 && t.add >= 0) || (s.drop >= 0 && t.drop >= 0) || (s.add >= 0 && s.add == t.drop)
                        || (s.drop >= 0 && s.drop == t.add)
                    {
                        continue
                    }
                    changes.append((s.bound + t.bound, max(s.add, t.add), max(s.drop, t.drop), s.toggled + t.toggled))
                }
            }
            work += steps.count * steps.count / 2
            // The changes whose bound is below M (a soft gain at most) first, single steps before pairs, then the others
            // alike; each group best bound first, ties in the order listed. (A bound of M or more only says the duals
            // cannot rule out a medium gain, and such loose bounds crowd out the soft ones on `s6`.)
            let order = changes.indices.sorted {
                let (x, y) = (changes[$0], changes[$1])
                return (x.bound < bigM ? 0 : 1, $0 < singles ? 0 : 1, -x.bound, $0)
                    < (y.bound < bigM ? 0 : 1, $1 < singles ? 0 : 1, -y.bound, $1)
            }
            work += changes.count
            for item in order.map({ changes[$0] }) {
                if flows >= maxFlows || work >= maxWork || budget.outOfTime() { break }
                guard let ch = change(add: item.add, drop: item.drop, toggled: item.toggled) else { continue }
                flows += 1
                var deal = g
                var pt = pot
                work += g.cap.count / 4
                guard deal.reoptimize(&pt, caps: ch.caps, source: 0, sink: sink, work: &work) else { continue }
                guard let v = value(deal, ch.counts, ch.pairsAt, ch.isOpen), v > baseValue else { continue }
                if apply(deal) {
                    (g, pot, counts, pairsAt, isOpen, baseValue) = (deal, pt, ch.counts, ch.pairsAt, ch.isOpen, v)
                    improved = true
                    continue search
                }
            }
            break
        }
        return improved
    }

    /// Potentials for an optimal flow `g` whose amount is free (the sink joined to the source at cost 0): shortest
    /// distances in its residual graph from every node at 0, by a first-in first-out label-correcting walk (each node's
    /// arcs scanned in list order), so that every residual arc has a reduced cost ≥ 0 and `pot[source] == pot[sink]`.
    /// Nil when `work` reaches `maxWork` first or a node is relabelled more often than there are nodes (a negative
    /// cycle: the flow was not optimal). `work` counts arcs scanned.
    static func residualPotentials(_ g: ResidualFlow, source: Int, sink: Int, work: inout Int, maxWork: Int) -> [Int64]?
    {
        let n = g.nodes
        @inline(__always) func id(_ v: Int) -> Int { v == sink ? source : v }
        var pot = [Int64](repeating: 0, count: n)
        var inQueue = [Bool](repeating: true, count: n)
        var relabels = [Int](repeating: 0, count: n)
        inQueue[sink] = false
        var queue = (0..<n).filter { $0 != sink }
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            inQueue[u] = false
            for list in u == source ? [source, sink] : [u] {
                var a = Int(g.first[list])
                while a >= 0 {
                    work += 1
                    if g.cap[a] > 0 {
                        let v = id(Int(g.to[a]))
                        if v != u && pot[u] + g.cost[a] < pot[v] {
                            pot[v] = pot[u] + g.cost[a]
                            relabels[v] += 1
                            if relabels[v] > n { return nil }
                            if !inQueue[v] {
                                inQueue[v] = true
                                queue.append(v)
                            }
                        }
                    }
                    a = Int(g.next[a])
                }
            }
            if work >= maxWork { return nil }
            if head > 4096 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
        }
        pot[sink] = pot[source]
        return pot
    }
}
