import Foundation

extension GeneralEngine {
    /// The root relaxation of a multi-day large instance, where a worker's weekly cap counts **dates**, not jobs: the
    /// bound (`stats.mediumUpperBound`) and the rows the week's plan starts from.
    ///
    /// `largeRelaxation` gives a worker's week group the dates left × the jobs a day, and a two-job worker could spend
    /// them one job a date over more dates than the cap (on the county week v2, 59 workers did), or a two-job row a
    /// full day and an afternoon (its time cliques put the full day with the mornings; 1,023 rows did). Here every
    /// worker-day that can hold two jobs is split into the **first** job of its date (the earlier of a pair, or the
    /// only one) and the **second** (the later of a pair, `RowDateSplit`):
    ///
    /// - source → week group of first jobs (the dates left, where the cap binds) → each row's first node (capacity 1),
    ///   and → week group of second jobs (the dates left × (jobs a day − 1)) → each two-job row's second node
    ///   (capacity 1); rows outside a binding week have a first (and second) node with a supply of 1 and a bypass;
    /// - the first node reaches every job of the row, the second node only the **late** jobs (those some other job of
    ///   the row can precede with its least break): a full day or a morning is never a second job;
    /// - first copies of the jobs that reach past the row's moment and second copies of the late jobs that start by
    ///   it pass through one node of capacity 1 (no such first and second job can both be worked). A flow does not
    ///   remember which unit entered it, so a second unit may leave it by a first member (a full day): a looser
    ///   relaxation, still a relaxation. On the county week v2 this node is what lowers the bound (18425 → 18392);
    ///   without it, or with late members only, the bound stayed 18425;
    /// - a late job's two copies meet in a node of capacity 1 before its request (a worker is counted once);
    /// - requests, vans and the share bonus as in `largeRelaxation`. Rows of one job have a first node only; rows that
    ///   can hold three jobs or more, or have pins, keep `largeRelaxation`'s single node with time cliques, fed by one
    ///   first unit and the rest second units.
    ///
    /// **A relaxation.** Map any valid plan to a flow: a date with one job sends one unit from the first group through
    /// the first node (and the shared node if the job is a member) to the job; a date with two jobs `i` then `j` sends
    /// `i` as above and `j` through the second group and node, `j` being late. A week's first units are its dates
    /// (≤ the dates left) and its second units its dates with two jobs (≤ dates left × (jobs − 1)); the shared node
    /// holds at most one of `i`, `j` (`RowDateSplit`: a first and a second member can never pair); each job is taken
    /// once. Requests, vans and weeks take what the plan takes. So the flow's value is at least the plan's, and its
    /// medium (pins included) a true upper bound on every plan's medium. Every row's choices are a subset of
    /// `largeRelaxation`'s counts (at most the row's jobs, at most the week's jobs), but the two relaxations keep
    /// different conflicts, so neither dominates the other on every instance; `LargeWeekBoundTests` checks this one
    /// against exhaustion on small weeks.
    mutating func largeWeekRelaxation(value: (Int) -> Int64) -> LargeRelaxation {
        let layer = weekRows(
            days: Array(0..<nD), used: nil, capacity: { self.rowCap[$0] }, include: { _ in true })
        var nodes = 0
        // Week groups: first units, then second units where a worker may take several jobs a day.
        var groupFirst = [Int](repeating: -1, count: layer.groupKey.count)
        var groupSecond = [Int](repeating: -1, count: layer.groupKey.count)
        var groupSupply: [Int64] = []
        for (g, key) in layer.groupKey.enumerated() {
            let w = Int(key) / max(1, nK)
            let J = Int(jobsMax[w])
            let dates = Int(layer.groupCap[g]) / J
            groupFirst[g] = nodes
            groupSupply.append(Int64(dates))
            nodes += 1
            if J > 1 {
                groupSecond[g] = nodes
                groupSupply.append(Int64(dates * (J - 1)))
                nodes += 1
            }
        }
        // Rows: one node (one job, or wide rows with cliques), or first, second and shared nodes (two-job rows).
        enum Kind { case one, split, wide }
        let nRow = layer.rowKey.count
        var kind = [Kind](repeating: .one, count: nRow)
        var node = [Int](repeating: -1, count: nRow)  // the row's node, or its first node
        var splits: [Int: RowDateSplit] = [:]
        var cliquesOf: [Int: (of: [Int], count: Int, first: Int)] = [:]
        for i in 0..<nRow {
            let key = Int(layer.rowKey[i])
            let cap = layer.rowCap[i]
            node[i] = nodes
            if cap <= 1 {
                nodes += 1
            } else if cap == 2 && pinsOn[key].isEmpty {
                kind[i] = .split
                let reqs = rowCands[key].map { Int(candReq[Int($0)]) }
                let split = rowConflictIntervals(reqs, row: key).dateSplit()
                splits[i] = split
                nodes += split.moment == nil ? 2 : 4  // first, second (, shared in, shared out)
            } else {
                kind[i] = .wide
                let (of, count) = timeCliques(rowCands[key].map { Int(candReq[Int($0)]) })
                cliquesOf[i] = (of, count, nodes + 1)
                nodes += 1 + count
            }
        }
        // Candidate nodes of late jobs whose two copies do not meet in the shared node.
        var candNode: [Int32: Int] = [:]
        for i in 0..<nRow where kind[i] == .split {
            let split = splits[i]!
            for (j, c) in rowCands[Int(layer.rowKey[i])].enumerated()
            where split.late[j] && !(split.firstShared[j] && split.secondShared[j]) {
                candNode[c] = nodes
                nodes += 1
            }
        }
        let (reqNode, vanNode) = largeRequestNodes(from: &nodes, fixed: nil)
        let sink = nodes
        var g = GeneralCostScaling(nodes: sink + 1)
        var total: Int64 = 0
        func source(_ v: Int, _ s: Int64) {
            g.supply[v] = s
            total += s
        }
        var s = 0
        for gi in layer.groupKey.indices {
            source(groupFirst[gi], groupSupply[s])
            g.add(groupFirst[gi], sink, cap: Int32(clamping: groupSupply[s]), cost: 0)
            s += 1
            if groupSecond[gi] >= 0 {
                source(groupSecond[gi], groupSupply[s])
                g.add(groupSecond[gi], sink, cap: Int32(clamping: groupSupply[s]), cost: 0)
                s += 1
            }
        }
        var pairArcs: [(arc: Int, row: Int32, cand: Int32)] = []
        var bypass: [Int] = []
        /// The job's request node (or van node for a rider), nil when the request is closed.
        func target(_ c: Int) -> Int? {
            let r = Int(candReq[c])
            guard reqNode[r] >= 0 else { return nil }
            return Int(p.candRide[c] != 0 && vanNode[r] >= 0 ? vanNode[r] : reqNode[r])
        }
        for i in 0..<nRow {
            let key = Int(layer.rowKey[i])
            let grp = Int(layer.rowGroup[i])
            let v = node[i]
            let cands = rowCands[key]
            switch kind[i] {
            case .one:
                if grp >= 0 { g.add(groupFirst[grp], v, cap: 1, cost: 0) } else { source(v, 1) }
                for c32 in cands {
                    guard let t = target(Int(c32)) else { continue }
                    pairArcs.append((g.add(v, t, cap: 1, cost: -value(Int(c32))), Int32(key), c32))
                }
                if grp < 0 { bypass.append(v) }
            case .wide:
                let cap = layer.rowCap[i]
                if grp >= 0 {
                    g.add(groupFirst[grp], v, cap: 1, cost: 0)
                    if groupSecond[grp] >= 0 { g.add(groupSecond[grp], v, cap: cap - 1, cost: 0) }
                } else {
                    source(v, Int64(cap))
                }
                let (of, count, first) = cliquesOf[i]!
                for x in 0..<count { g.add(v, first + x, cap: 1, cost: 0) }
                for (j, c32) in cands.enumerated() {
                    guard let t = target(Int(c32)) else { continue }
                    pairArcs.append((g.add(first + of[j], t, cap: 1, cost: -value(Int(c32))), Int32(key), c32))
                }
                if grp < 0 { bypass.append(v) }
            case .split:
                let split = splits[i]!
                let (first, second) = (v, v + 1)
                if grp >= 0 {
                    g.add(groupFirst[grp], first, cap: 1, cost: 0)
                    if groupSecond[grp] >= 0 { g.add(groupSecond[grp], second, cap: 1, cost: 0) }
                } else {
                    source(first, 1)
                    source(second, 1)
                }
                let sharedOut = v + 3
                if split.moment != nil {
                    g.add(first, v + 2, cap: 1, cost: 0)
                    g.add(second, v + 2, cap: 1, cost: 0)
                    g.add(v + 2, sharedOut, cap: 1, cost: 0)
                }
                for (j, c32) in cands.enumerated() {
                    let c = Int(c32)
                    guard let t = target(c) else { continue }
                    let from1 = split.firstShared[j] ? sharedOut : first
                    if !split.late[j] {
                        pairArcs.append((g.add(from1, t, cap: 1, cost: -value(c)), Int32(key), c32))
                    } else if let via = candNode[c32] {
                        g.add(from1, via, cap: 1, cost: 0)
                        g.add(split.secondShared[j] ? sharedOut : second, via, cap: 1, cost: 0)
                        pairArcs.append((g.add(via, t, cap: 1, cost: -value(c)), Int32(key), c32))
                    } else {
                        pairArcs.append((g.add(sharedOut, t, cap: 1, cost: -value(c)), Int32(key), c32))
                    }
                }
                if grp < 0 {
                    bypass.append(first)
                    bypass.append(second)
                }
            }
            // The bypasses after the pair arcs: a row discharges into its jobs first.
            for b in bypass { g.add(b, sink, cap: Int32(clamping: g.supply[b]), cost: 0) }
            bypass.removeAll(keepingCapacity: true)
        }
        g.supply[sink] = -total
        addLargeRequestArcs(&g, request: reqNode, van: vanNode, sink: sink, fixed: nil)
        var relaxation = relaxationOf(g.solve(deadline: budget.deadline), pairArcs: pairArcs)
        relaxation.requestNodes = reqNode
        relaxation.vanNodes = vanNode
        relaxation.sinkNode = sink
        return relaxation
    }
}
