import Foundation

/// The root relaxation of a large instance, solved by cost scaling: the rows it fills, its medium (an upper bound on
/// the plan's, pins included) and whether it finished.
struct LargeRelaxation {
    /// Candidates taken, per row key (`w * nD + d`), only rows with jobs.
    var rows: [Int32: [Int32]]
    /// Σ priority of the pairs taken plus the pins' (a true upper bound on `medium` when `complete`).
    var medium: Int
    /// False when the flow stopped (deadline or overflow): then there are no rows and no bound.
    var complete: Bool
    /// The flow's value: Σ candidate values + the share bonus of the units taken (the network value, as `relax`).
    var value: Int64 = 0
    /// Arc scans of the flow.
    var work: Int
    /// The flow's final node prices (a warm start for a flow on the same nodes; empty when it did not finish).
    var prices: [Int64] = []
    /// The clique groups of each row that had them (`largeRelaxation(groups:)`), for a later flow on the same rows.
    var groups: [Int32: (of: [Int], count: Int)] = [:]
    /// The node of each request, of each request's van (−1: none) and the sink, when the flow says so
    /// (`largeWeekRelaxation`: the Lagrangian bound starts from their prices).
    var requestNodes: [Int32] = []
    var vanNodes: [Int32] = []
    var sinkNode = -1
}

/// An engine and a relaxation that one thread of `runLarge`'s `concurrentPerform` owns: each thread touches only
/// its own box, and `concurrentPerform` returns after both are done.
private final class LargeEngineBox: @unchecked Sendable {
    var engine: GeneralEngine
    var relaxation: LargeRelaxation?

    init(_ engine: GeneralEngine) { self.engine = engine }
}

extension GeneralEngine {
    /// Flows solved after the relaxation on the large path, each with more rows held (`holdDive`).
    static let largeDives = 3
    /// Dives start while the large path's flows have spent at most this many times the general share of the budget
    /// (the default budget: three dives on a county day, one on a county week — its root and first dive spend 663M
    /// of 630M: the polish gains more than a second dive for the same flow —, none on a province day).
    static let largeDiveShares = 9
    /// The first ε of a dive's flow (cost units), which starts from the prices of the flow before it: a dive holds
    /// some rows, so most prices barely move. On the county day v2 (a pair's medium is worth M = 1,450,225, its soft
    /// cost a few hundred) the three dives took 37-43M arc scans each from the zero flow's prices at ε ≈ 700, and
    /// 15-19M each warm at ε = 4 (ε = 40: 20-24M; ε = 1: 15-18M, but the first refinement then does more).
    static let largeDiveWarmEpsilon: Int64 = 4

    /// The candidate-pair count above which the large path runs: `largePairs`, or a lower threshold a test sets.
    @TaskLocal static var largePairsOverride: Int?

    /// Whether a several-day large instance also solves the week's relaxation (`largeWeekRelaxation`) for its bound,
    /// beside the plan (`runLarge`); a test turns it off to compare the plan and the bound without it.
    @TaskLocal static var largeWeekBoundBeside = true

    /// Whether this instance takes the large path.
    var isLarge: Bool { p.candidateCount > (GeneralEngine.largePairsOverride ?? GeneralEngine.largePairs) }

    /// The large path: the root relaxation of every day solved by `GeneralCostScaling`, its rows repaired into a
    /// valid plan (each row keeps its best jobs that fit, vans their best riders, weeks their best dates, requests
    /// below their minimum are emptied) and filled greedily; `stats.mediumUpperBound` is the relaxation's medium, on
    /// several days the lesser of it and the week's relaxation's (`largeWeekRelaxation`, solved on a second thread).
    /// When the flow cannot finish (the deadline, or costs too large for its integers), the plan is the greedy fill
    /// alone and the bound is the trivial one (every open slot filled).
    mutating func runLarge() -> Plan {
        if nD > 1 && GeneralEngine.largeWeekBoundBeside {
            // Several days: two flows at once. The plan starts from the root relaxation (`largeRelaxation`), whose
            // repair the slot flows take furthest (county week v2: 18306); the bound is the week's relaxation, whose
            // weekly caps count dates and whose two-job rows take a first and a late second job
            // (`largeWeekRelaxation`: 18392 against the root's 18425), solved on a second thread beside the plan.
            // Planning from the week's relaxation instead reached only 18282, and a second root flow inside the budget
            // took the last slot flow's share (18276). The bound's flow is not charged to the budget, so the plan is
            // the same whatever the threads do; it stops at the deadline like every flow.
            let planner = LargeEngineBox(self)
            let bounder = LargeEngineBox(self)
            DispatchQueue.concurrentPerform(iterations: 2) { t in
                if t == 0 {
                    planner.engine.planLarge()
                } else {
                    bounder.relaxation = bounder.engine.largeWeekRelaxation(value: bounder.engine.baseValues())
                }
            }
            self = planner.engine
            if let week = bounder.relaxation, week.complete {
                stats.flowWork += week.work
                stats.mediumUpperBound = min(stats.mediumUpperBound, week.medium)
            }
        } else {
            planLarge()
        }
        stats.solveMillis = Int(Date().timeIntervalSince(start) * 1000)
        return makePlan()
    }

    /// The large path's plan (`runLarge`): installs it, its bound in `stats.mediumUpperBound`.
    private mutating func planLarge() {
        let all = Array(0..<nD)
        let value = baseValues()
        let relaxation = largeRelaxation(value: value)
        stats.flowWork += relaxation.work
        budget.charge(.general, relaxation.work)
        stats.mediumUpperBound =
            relaxation.complete
            ? relaxation.medium
            : (0..<p.nR).reduce(pinnedMedium()) { $0 + Int(p.reqCap[$1]) * Int(p.reqPriority[$1]) }
        let values = (0..<p.candidateCount).map { candOK[$0] ? value($0) : Int64.min }
        // By value, largest first, ties by the lower index.
        var order = (0..<p.candidateCount).filter { candOK[$0] }.map(Int32.init)
        CostScalingSolver.sortByValueDescending(&order, below: p.candidateCount) { values[$0] }
        let scope = GeneralScope(days: all)
        // The relaxation's rows, then dives (one day only): rows that took jobs that cannot both be worked are held to
        // what their repair keeps (`holdDive`: to one job, or without the jobs that do not fit beside the kept ones)
        // and the flow solved again (warm, from the last flow's prices), at most `largeDives` times and while the flows spent at most `largeDiveShares`
        // times the general share of the work budget (a flow is never cut by work, only by the deadline); the best
        // repaired plan (by network value) is kept.
        var best = repair(relaxation.rows, scope: scope, order: order, value: value) ?? [:]
        var bestValue = networkValue(best, scope: scope, value: value)
        var rows = relaxation.rows
        var holds = LargeDiveHolds(candidates: p.candidateCount)
        var dives = 0
        var prices = relaxation.prices
        while relaxation.complete && nD <= 1 && dives < GeneralEngine.largeDives && !budget.outOfTime()
            && budget.spent[.general, default: 0] <= GeneralEngine.largeDiveShares * budget.allowance(.general)
        {
            guard holdDive(rows, value: value, holds: &holds) else { break }
            dives += 1
            let dive = largeRelaxation(
                value: value, singleRows: holds.single, forbidden: holds.forbidden,
                warm: GeneralCostScaling.WarmStart(prices: prices, epsilon: GeneralEngine.largeDiveWarmEpsilon),
                groups: relaxation.groups)
            prices = dive.prices
            stats.flowWork += dive.work
            budget.charge(.general, dive.work)
            guard dive.complete else { break }
            rows = dive.rows
            if let plan = repair(rows, scope: scope, order: order, value: value) {
                let v = networkValue(plan, scope: scope, value: value)
                if v > bestValue {
                    best = plan
                    bestValue = v
                }
            }
        }
        stats.passes = dives
        // Several days: no dive, but flows that re-decide every row exactly beside what they keep, the slot flow (two-job
        // rows by an earlier and a later slot) and the polish flow (two-job rows fixed) in turn (`largeWeekPolish`). On
        // a county week the first slot flow from the root's repair gained more (+772 medium) than the dive (+585) and
        // a polish after it (+138) together. One day keeps its dives and no polish: on a county day the polish found
        // the same medium and +128 soft for about 15 % more time (measured against the day's 1 s target).
        if relaxation.complete && nD > 1 {
            (best, bestValue) = largeWeekPolish(
                best, value: bestValue, scope: scope, order: order, value: value,
                warm: LargeRequestPrices(relaxation))
        }
        install(best, days: all)
        enforceValidity()
    }

    /// `baseValue` as a closure over the arrays it reads. A closure over a copy of the engine (`{ engine.baseValue($0) }`)
    /// copies the whole engine at each call (its 20 arrays retained and released): on a province day, with millions of
    /// calls, that was a fifth of the time.
    func baseValues() -> (Int) -> Int64 {
        let (priority, cost, history, req) = (p.reqPriority, p.candCost, p.candHistory, candReq)
        let (m, continuity) = (bigM, p.continuity)
        return { c in priority[Int(req[c])] * m - cost[c] + (history[c] != 0 ? continuity : 0) }
    }

    /// The general network's root relaxation over every plan day (no branch taken): source → worker-week (where
    /// the weekly cap binds) → worker-day row (capacity: the largest fitting set of its candidates) → request, or its
    /// van node (the seats left) for a rider → request → sink by per-unit arcs valued by the share bonus (concave;
    /// equal units merged into one arc). Sources are the week groups and the rows outside them, each with a bypass
    /// arc to the sink (unused supply), so the flow is a min-cost flow with supplies.
    ///
    /// - Parameter cliques: when true, a row that can hold several jobs sends each job through a node of capacity 1
    ///   for the jobs that share a moment of the day once each is extended by the least break it needs before any
    ///   later job of the row, each job with the earliest moment it covers (`boundCliques`, `LargeDayBound.swift`):
    ///   two such jobs can never both be worked, so this is still a relaxation, and a tighter one (the flow can no
    ///   longer give a two-job worker two full days, a full day and a morning, or two jobs too far apart for the
    ///   break between).
    /// - Parameter breaks: with `cliques`, false groups by time overlap alone, each job with the latest moment it
    ///   covers (`timeCliques`, the grouping of before); nil (the default) takes `boundCliques` on one plan day and
    ///   `timeCliques` on several: on the county week v2 the new grouping gave a bound one point higher (18426
    ///   against 18425) and dives that planned 32 points lower (18192 against 18224), so the week keeps the old one.
    /// - Parameter singleRows: rows (`w * nD + d`) held to one job (a dive: then the flow is no bound).
    /// - Parameter forbidden: when set, the candidates marked true are left out (a dive: then the flow is no bound).
    /// - Parameter warm: when set, the flow starts from these prices (a dive, from the flow before it).
    /// - Parameter groups: when set, the clique groups per row (`w * nD + d`) of an earlier flow with the same rows
    ///   and the same `cliques` and `breaks` (the dives reuse the root's: on the county day v2 computing them took 13 %
    ///   of the solve when each of the four flows did); a one-day flow without `fixed` returns the groups it made.
    /// - Parameter warmRequests: when set and `warm` is not, the flow starts from these request prices, every other
    ///   node priced by its best arc (`polishWarmStart`: a flow of the multi-day polish).
    /// - Parameter fixed: when set, its rows are left out and what they hold (workers, riders, dates) is taken from
    ///   the requests and weeks, and every other row takes one job at most (the polish: an exact flow but for
    ///   minimums; no bound).
    mutating func largeRelaxation(
        value: (Int) -> Int64, cliques: Bool = true, breaks: Bool? = nil, singleRows: Set<Int32> = [],
        forbidden: [Bool]? = nil,
        fixed: LargeFixedRows? = nil, warm: GeneralCostScaling.WarmStart? = nil,
        groups: [Int32: (of: [Int], count: Int)]? = nil, warmRequests: LargeRequestPrices? = nil
    ) -> LargeRelaxation {
        let layer =
            fixed.map { f in
                weekRows(
                    days: Array(0..<nD), used: f.used, capacity: { min(1, rowCap[$0]) },
                    include: { !f.rows.contains(Int32($0)) }, jobsPerDate: 1)
            }
            ?? weekRows(
                days: Array(0..<nD), used: nil,
                capacity: { singleRows.contains(Int32($0)) ? 1 : rowCap[$0] }, include: { _ in true })
        let (groupCap, rowKey, rowCapOf, rowGroup) = (layer.groupCap, layer.rowKey, layer.rowCap, layer.rowGroup)
        let nG = groupCap.count
        let nRow = rowKey.count
        var next = nG + nRow
        // Clique nodes of the rows that can hold several jobs: the clique of each of their candidates.
        var cliqueOf: [Int32: [Int32]] = [:]  // row index → clique node per candidate (rowCands order)
        var cliqueFirst: [Int32] = []  // first clique node per such row, for the row → clique arcs
        var cliqueCount: [Int32] = []
        var cliqueRows: [Int32] = []
        var madeGroups: [Int32: (of: [Int], count: Int)] = [:]
        if cliques {
            for i in 0..<nRow where (fixed == nil ? rowCap[Int(rowKey[i])] : rowCapOf[i]) >= 2 {
                let cands = rowCands[Int(rowKey[i])]
                let key = rowKey[i]
                let (of, count) =
                    groups?[key]
                    ?? (breaks ?? (nD == 1)
                        ? boundCliques(cands, row: Int(key)) : timeCliques(cands.map { Int(candReq[Int($0)]) }))
                if groups == nil && fixed == nil && nD <= 1 { madeGroups[key] = (of, count) }
                cliqueRows.append(Int32(i))
                cliqueFirst.append(Int32(next))
                cliqueCount.append(Int32(count))
                cliqueOf[Int32(i)] = of.map { Int32(next + $0) }
                next += count
            }
        }
        let (reqNode, vanNode) = largeRequestNodes(from: &next, fixed: fixed)
        let sink = next
        var g = GeneralCostScaling(nodes: sink + 1)
        var total: Int64 = 0
        for i in 0..<nG {
            g.supply[i] = Int64(groupCap[i])
            total += Int64(groupCap[i])
            g.add(i, sink, cap: groupCap[i], cost: 0)
        }
        var pairArcs: [(arc: Int, row: Int32, cand: Int32)] = []
        var pairRow: [Int32] = []
        for i in 0..<nRow {
            let node = nG + i
            if rowGroup[i] >= 0 {
                g.add(Int(rowGroup[i]), node, cap: rowCapOf[i], cost: 0)
            } else {
                g.supply[node] = Int64(rowCapOf[i])
                total += Int64(rowCapOf[i])
            }
            let via = cliqueOf[Int32(i)]
            for (j, c32) in rowCands[Int(rowKey[i])].enumerated() {
                let c = Int(c32)
                let r = Int(candReq[c])
                guard reqNode[r] >= 0, forbidden?[c] != true else { continue }
                let target = p.candRide[c] != 0 && vanNode[r] >= 0 ? vanNode[r] : reqNode[r]
                let a = g.add(via.map { Int($0[j]) } ?? node, Int(target), cap: 1, cost: -value(c))
                pairArcs.append((a, rowKey[i], c32))
                pairRow.append(Int32(i))
            }
            // The bypass after the pair arcs: a row discharges into its jobs first.
            if rowGroup[i] < 0 { g.add(node, sink, cap: rowCapOf[i], cost: 0) }
        }
        for (k, i) in cliqueRows.enumerated() {
            for x in 0..<Int(cliqueCount[k]) { g.add(nG + Int(i), Int(cliqueFirst[k]) + x, cap: 1, cost: 0) }
        }
        g.supply[sink] = -total
        addLargeRequestArcs(&g, request: reqNode, van: vanNode, sink: sink, fixed: fixed)
        var start = warm ?? polishWarmStart(g, from: warmRequests, request: reqNode, van: vanNode, sink: sink)
        if start == nil && fixed == nil && nD == 1
            && pairArcs.count
                >= (GeneralEngine.largeGreedyPairsOverride ?? GeneralEngine.largeGreedyPairs)
        {
            start = greedyStart(
                g, pairArcs: pairArcs, pairRow: pairRow, rowCap: rowCapOf, request: reqNode, sink: sink)
        }
        var relaxation = relaxationOf(g.solve(deadline: budget.deadline, warm: start), pairArcs: pairArcs)
        (relaxation.requestNodes, relaxation.vanNodes, relaxation.sinkNode) = (reqNode, vanNode, sink)
        if relaxation.complete { relaxation.groups = groups ?? madeGroups }
        return relaxation
    }

    /// What a solved large network says: the rows its pair arcs carry and their medium (the pins' included), its
    /// value and prices; an incomplete relaxation (no rows, no bound) when the flow stopped, the deadline marked.
    mutating func relaxationOf(
        _ result: Result<GeneralCostScaling.Solution, GeneralCostScaling.Failure>,
        pairArcs: [(arc: Int, row: Int32, cand: Int32)]
    ) -> LargeRelaxation {
        switch result {
        case .failure(let why):
            if why == .deadline { budget.markDeadlineHit() }
            return LargeRelaxation(rows: [:], medium: 0, complete: false, work: 0)
        case .success(let solution):
            var rows: [Int32: [Int32]] = [:]
            var medium = pinnedMedium()
            for (a, row, c) in pairArcs where solution.flow[a] > 0 {
                rows[row, default: []].append(c)
                medium += Int(p.reqPriority[Int(candReq[Int(c)])])
            }
            return LargeRelaxation(
                rows: rows, medium: medium, complete: true, value: -solution.cost, work: solution.work,
                prices: solution.prices)
        }
    }

    /// The jobs of one row grouped by a moment of the day they all cover (at most one of each group can be worked):
    /// intervals by end, each group's moment the last minute of its first-ending job (the greedy stabbing of an
    /// interval family). Returns each job's group (in the order given) and the number of groups.
    func timeCliques(_ reqs: [Int]) -> ([Int], Int) {
        let order = reqs.indices.sorted { a, b in
            let ra = inst.requests[reqs[a]]
            let rb = inst.requests[reqs[b]]
            return (ra.endMinute, ra.startMinute, a) < (rb.endMinute, rb.startMinute, b)
        }
        var of = [Int](repeating: 0, count: reqs.count)
        var moment = Int.min
        var count = 0
        for i in order {
            let R = inst.requests[reqs[i]]
            if R.startMinute > moment || count == 0 {
                moment = R.endMinute - 1
                count += 1
            }
            of[i] = count - 1
        }
        return (of, count)
    }

    /// The request side of a large flow (`largeRelaxation`, `largeWeekRelaxation`, `largeSlotFlow`), numbered from
    /// `next`: a node for the van of each open request with a pickup, then one for each open request (slots left
    /// beside the fixed rows' and not closed); −1 where there is none.
    func largeRequestNodes(from next: inout Int, fixed: LargeFixedRows?) -> (request: [Int32], van: [Int32]) {
        var request = [Int32](repeating: -1, count: p.nR)
        var van = [Int32](repeating: -1, count: p.nR)
        let (reqCap, fixedCount, closed) = (p.reqCap, fixed?.count, fixed?.closed ?? [])
        let open = { (r: Int) in reqCap[r] - (fixedCount?[r] ?? 0) > 0 && !closed.contains(Int32(r)) }
        for r in 0..<p.nR where open(r) && inst.requests[r].pickup != nil {
            van[r] = Int32(next)
            next += 1
        }
        for r in 0..<p.nR where open(r) {
            request[r] = Int32(next)
            next += 1
        }
        return (request, van)
    }

    /// A large flow's arcs from its request side (`largeRequestNodes`) to the sink: each van's seats left beside the
    /// fixed rows' riders, and each request's units left by the share bonus (`addUnitArcs`); a forced request's units
    /// up to its minimum (a polish) carry a bonus above any one pair's value.
    func addLargeRequestArcs(
        _ g: inout GeneralCostScaling, request: [Int32], van: [Int32], sink: Int, fixed: LargeFixedRows?
    ) {
        let share = Int64(inst.weights.share)
        for r in 0..<p.nR where request[r] >= 0 {
            if van[r] >= 0 {
                let seats = seatsLeft[r] - (fixed?.riders[r] ?? 0)
                g.add(Int(van[r]), Int(request[r]), cap: max(0, seats), cost: 0)
            }
            let fixedCount = fixed?.count[r] ?? 0
            let held = Int(pinnedCount[r] + fixedCount)
            let forced = fixed?.forced.contains(Int32(r)) == true ? max(0, Int(p.reqMin[r]) - held) : 0
            g.addUnitArcs(
                from: Int(request[r]), to: sink, units: Int(p.reqCap[r] - fixedCount), held: held,
                headcount: inst.requests[r].headcount, share: share, forced: forced, force: 11 * bigM)
        }
    }
}

extension GeneralCostScaling {
    /// A request's arcs to the sink, one unit per worker it may still take: units k = held + 1 … held + units, each
    /// worth `share × shareUnits(k)`, the first `forced` of them `force` more (a polish forcing a minimum); equal
    /// neighbours share one arc. One uncosted arc when nothing is worth anything.
    mutating func addUnitArcs(
        from u: Int, to sink: Int, units: Int, held: Int, headcount h: Int, share: Int64, forced: Int, force: Int64
    ) {
        if share == 0 && forced == 0 {
            add(u, sink, cap: Int32(clamping: units), cost: 0)
            return
        }
        let unit = { (j: Int) -> Int64 in
            share * Int64(shareUnits(k: held + j + 1, headcount: h)) + (j < forced ? force : 0)
        }
        var j = 0
        while j < units {
            let bonus = unit(j)
            var e = j + 1
            while e < units && unit(e) == bonus { e += 1 }
            add(u, sink, cap: Int32(clamping: e - j), cost: -bonus)
            j = e
        }
    }
}
