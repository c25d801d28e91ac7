import Foundation

/// Hand-over chains of one date, guided by the date's column duals (issue 14, v2chain13 session).
///
/// A worker's row of a date is a *column*: no job, one job, or two jobs that fit together. The date's column LP (each
/// row takes at most one column, each request at most its headcount) prices every request's seats (`π`) and every row
/// (`y`, its best column's value at those prices); a column's reduced cost is its medium minus its seats' prices minus
/// its row's price. A plan row whose own column has a negative reduced cost is where the LP says the date can gain; the
/// LP's optimum uses only columns of zero reduced cost, and fills every request whose seats are priced. So a chain
/// starts at such a row (its column changed to one of zero reduced cost), and each step changes one more row to a
/// column of zero reduced cost: a request over its headcount gives up a holder, a priced request that lost a holder
/// takes a candidate; at most `handOverBreadth` choices a step (best reduced cost, then the fewest new debts) and
/// `handOverMaxRows` rows. A chain with no debt left and a medium gain names its rows, which the day's branch and bound
/// (`resolveRows`) re-decides exactly with everything else fixed; kept when the scorer ranks the plan higher.
///
/// A worker at its weekly cap can also leave the date: its empty column is worth its best job on another date of the
/// week where it does not work (a request with room there, by priority), in the duals and in the chain's gain. A chain
/// that sends such a worker away is applied as it is (its columns, and the leaver's job on the other date) and kept when
/// both dates stay valid and the scorer ranks the plan higher: the branch and bound of one date cannot weigh the other.
/// On `s6` from the 1856 plan, SCIP with 07-08 fixed (`/tmp/v2chain13/twodate.py`) gains the last point exactly so:
/// w28 leaves r147 on 07-10 for r108 on 07-09, and five rows of 07-10 re-deal r147, r164, r174, r187, r191 and r200.
///
/// The duals come from a subgradient ascent on the Lagrangian of the headcounts (Polyak steps towards the date's plan
/// medium, the best multipliers kept); they are near the LP's, so "zero" is within `handOverTolerance` medium points.
/// On `scarce-w300-r70-d3-s6`'s 07-08 (main's plan, 1855) the exact LP duals (GLOP) leave one plan row with a negative
/// reduced cost (w123, −1), and its chain is the six-row +1 that v2chain12 found by SCIP; the old moves do not reach it
/// (each partial step crosses full requests). Deterministic (row, request and column order).
extension GeneralEngine {
    /// Choices a chain step keeps.
    static let handOverBreadth = 3
    /// Rows a chain changes at most.
    static let handOverMaxRows = 8
    /// Subgradient steps for a date's duals.
    static let handOverDualSteps = 250
    /// Reduced costs within this many medium points of zero count as zero.
    static let handOverTolerance = 0.3
    /// Chain steps per date (then its search stops).
    static let handOverMaxSteps = 20_000
    /// Work units one `resolveRows` call may take.
    static let handOverResolveWork = 1_000_000

    /// Hand-over chains on every date, while one improves (at most `maxPasses` passes over the dates), within
    /// `maxWork` work units, spent whether or not the general budget has any left (the branch and bound of
    /// `resolveRows` runs on its own allowance here). Returns whether the plan improved.
    @discardableResult
    mutating func handOverChains(maxWork: Int, maxPasses: Int = 2) -> Bool {
        let workAtStart = budget.spent[.general, default: 0]
        var any = false
        var improved = true
        var pass = 0
        while improved && pass < maxPasses {
            improved = false
            pass += 1
            for d in 0..<nD {
                let spent = budget.spent[.general, default: 0] - workAtStart
                if spent >= maxWork || budget.outOfTime() { return any }
                if handOverChains(day: d, maxWork: maxWork - spent) {
                    improved = true
                    any = true
                    stats.moves += 1
                }
            }
        }
        return any
    }

    /// One date's duals, chains and re-decisions; applies the first chain whose rows improve the plan.
    mutating func handOverChains(day d: Int, maxWork: Int) -> Bool {
        let workAtStart = budget.spent[.general, default: 0]
        var work = 0
        // The free rows of the date (no pin) and their columns: none, one job, or two that fit.
        var rows: [Int] = []
        var columns: [[[Int32]]] = []
        for w in 0..<p.nW {
            let key = w * nD + d
            guard pinsOn[key].isEmpty else { continue }
            var cols: [[Int32]] = [[]]
            if !jobs[key].isEmpty || dayWeekOpen(Int32(key)) {
                let cands = rowCands[key].filter { candOK[Int($0)] }
                for (i, c) in cands.enumerated() {
                    work += 1
                    guard fits(c, row: key, []) else { continue }
                    cols.append([c])
                    for c2 in cands[(i + 1)...] where candReq[Int(c2)] != candReq[Int(c)] {
                        work += 1
                        if fits(c2, row: key, [c]) { cols.append([c, c2]) }
                    }
                }
            }
            guard cols.count > 1 || !jobs[key].isEmpty else { continue }
            rows.append(key)
            columns.append(cols)
        }
        let (count, _) = dayCounts(d)
        // A row's way out of the date: a worker at its weekly cap who gives up this date can work another of the
        // week, on a request with room there (its best such job, by priority).
        var outside = [Int64](repeating: 0, count: rows.count)
        var outsideJob = [(key: Int, cand: Int32)?](repeating: nil, count: rows.count)
        var otherCounts: [Int: (count: [Int32], riders: [Int32])] = [:]
        for (i, key) in rows.enumerated() where !jobs[key].isEmpty {
            let w = key / nD
            var dates: Int32 = 0
            for e in 0..<nD
            where p.dayWeek[e] == p.dayWeek[d] && !jobs[w * nD + e].isEmpty && pinsOn[w * nD + e].isEmpty {
                dates += 1
            }
            guard dates >= datesLeft[w * nK + Int(p.dayWeek[d])] else { continue }
            for e in 0..<nD where e != d && p.dayWeek[e] == p.dayWeek[d] {
                let other = w * nD + e
                guard jobs[other].isEmpty, pinsOn[other].isEmpty else { continue }
                if otherCounts[e] == nil { otherCounts[e] = dayCounts(e) }
                let (cnt, riders) = otherCounts[e]!
                for c in rowCands[other] where candOK[Int(c)] {
                    work += 1
                    let r = Int(candReq[Int(c)])
                    guard cnt[r] < p.reqCap[r], cnt[r] > 0 || pinnedCount[r] > 0 || p.reqMin[r] <= 1,
                        p.candRide[Int(c)] == 0 || riders[r] < seatsLeft[r], p.reqPriority[r] > outside[i],
                        fits(c, row: other, [])
                    else { continue }
                    outside[i] = p.reqPriority[r]
                    outsideJob[i] = (other, c)
                }
            }
        }
        let prio = (0..<p.nR).map { Double(p.reqPriority[$0]) }
        let priority = p.reqPriority
        let candReqs0 = candReq
        func medium(_ cs: [Int32]) -> Int64 { cs.reduce(Int64(0)) { $0 + priority[Int(candReqs0[Int($1)])] } }
        // The plan's column of each row (its index), and the date's plan medium of the free rows.
        var current = [Int](repeating: 0, count: rows.count)
        var planMedium = 0.0
        for (i, key) in rows.enumerated() {
            let own = jobs[key].sorted()
            current[i] = columns[i].firstIndex(where: { $0.sorted() == own }) ?? -1
            if current[i] < 0 {
                current[i] = columns[i].count
                columns[i].append(own)
            }
            planMedium += Double(medium(own))
        }
        // Duals: subgradient ascent on the Lagrangian of the headcounts.
        var reqs: [Int] = []
        for r in 0..<p.nR where Int(p.reqDay[r]) == d { reqs.append(r) }
        var pi = [Double](repeating: 0, count: p.nR)
        var bestPi = pi
        var bestL = Double.infinity
        var theta = 2.0
        var stall = 0
        var use = [Int32](repeating: 0, count: p.nR)
        for _ in 0..<GeneralEngine.handOverDualSteps {
            for r in reqs { use[r] = 0 }
            var L = 0.0
            for (i, cols) in columns.enumerated() {
                var bv = Double(outside[i])
                var bc = -1
                for (j, cs) in cols.enumerated() where !cs.isEmpty {
                    var v = 0.0
                    for c in cs { v += prio[Int(candReq[Int(c)])] - pi[Int(candReq[Int(c)])] }
                    if v > bv + 1e-12 {
                        bv = v
                        bc = j
                    }
                }
                work += cols.count
                L += bv
                if bc >= 0 { for c in cols[bc] { use[Int(candReq[Int(c)])] += 1 } }
            }
            for r in reqs { L += Double(p.reqCap[r]) * pi[r] }
            if L < bestL - 1e-9 {
                bestL = L
                bestPi = pi
                stall = 0
            } else {
                stall += 1
                if stall >= 30 {
                    theta /= 2
                    stall = 0
                }
            }
            var norm = 0.0
            for r in reqs {
                let g = Double(use[r] - p.reqCap[r])
                norm += g * g
            }
            guard norm > 0 else { break }
            let step = theta * max(L - planMedium, 0.5) / norm
            for r in reqs { pi[r] = max(0, pi[r] + step * Double(use[r] - p.reqCap[r])) }
        }
        pi = bestPi
        let tol = GeneralEngine.handOverTolerance
        var rc = columns.map { _ in [Double]() }
        for (i, cols) in columns.enumerated() {
            let vals = cols.map { cs in
                cs.isEmpty
                    ? Double(outside[i])
                    : cs.reduce(0.0) { $0 + prio[Int(candReq[Int($1)])] - pi[Int(candReq[Int($1)])] }
            }
            let y = max(0, vals.max() ?? 0)
            rc[i] = vals.map { $0 - y }
        }
        // Holders and candidate rows of each request.
        var holders = [[Int]](repeating: [], count: p.nR)
        var takers = [[Int]](repeating: [], count: p.nR)
        for (i, cols) in columns.enumerated() {
            for c in cols[current[i]] { holders[Int(candReq[Int(c)])].append(i) }
            var seen = Set<Int32>()
            for cs in cols {
                for c in cs where seen.insert(candReq[Int(c)]).inserted { takers[Int(candReq[Int(c)])].append(i) }
            }
        }
        let candReqs = candReq
        let req = { (c: Int32) in Int(candReqs[Int(c)]) }
        // The chain search.
        var delta = [Int32](repeating: 0, count: p.nR)
        var touched: [Int] = []
        var chosen = [Int](repeating: -1, count: rows.count)
        var inChain: [Int] = []
        var steps = 0
        var scanned = 0
        var found: [[(Int, Int)]] = []
        func change(_ i: Int, _ j: Int, _ s: Int32) {
            for c in columns[i][current[i]] {
                delta[req(c)] -= s
                touched.append(req(c))
            }
            for c in columns[i][j] {
                delta[req(c)] += s
                touched.append(req(c))
            }
        }
        func value(_ i: Int, _ j: Int) -> Int64 { columns[i][j].isEmpty ? outside[i] : medium(columns[i][j]) }
        func search(_ gain: Int64) {
            steps += 1
            guard steps <= GeneralEngine.handOverMaxSteps, found.count < 64 else { return }
            var over = -1
            var under = -1
            for r in Set(touched).sorted() {
                if count[r] + delta[r] > p.reqCap[r] {
                    over = r
                    break
                }
                if under < 0 && delta[r] < 0 && pi[r] > tol { under = r }
            }
            if over < 0 && under < 0 {
                if gain > 0 { found.append(inChain.map { ($0, chosen[$0]) }) }
                return
            }
            guard inChain.count < GeneralEngine.handOverMaxRows else { return }
            let q = over >= 0 ? over : under
            var options: [(Double, Int, Int, Int)] = []  // reduced cost, new debts, row, column
            for i in (over >= 0 ? holders[q] : takers[q]) where chosen[i] < 0 {
                let own = columns[i][current[i]]
                scanned += columns[i].count
                if over < 0 && own.contains(where: { req($0) == q }) { continue }
                for (j, cs) in columns[i].enumerated() where j != current[i] && rc[i][j] > -tol {
                    let has = cs.contains { req($0) == q }
                    guard has == (over < 0) else { continue }
                    var debts = 0
                    for c in cs where !own.contains(where: { req($0) == req(c) }) {
                        if count[req(c)] + delta[req(c)] >= p.reqCap[req(c)] { debts += 1 }
                    }
                    for c in own where pi[req(c)] > tol && !cs.contains(where: { req($0) == req(c) }) { debts += 1 }
                    options.append((rc[i][j], debts, i, j))
                }
            }
            options.sort { a, b in (-a.0, a.1, a.2, a.3) < (-b.0, b.1, b.2, b.3) }
            for (_, _, i, j) in options.prefix(GeneralEngine.handOverBreadth) {
                chosen[i] = j
                inChain.append(i)
                let mark = touched.count
                change(i, j, 1)
                search(gain + value(i, j) - medium(columns[i][current[i]]))
                change(i, j, -1)
                touched.removeSubrange(mark...)
                inChain.removeLast()
                chosen[i] = -1
            }
        }
        let seeds = rows.indices.filter { rc[$0][current[$0]] < -tol }.sorted {
            (rc[$0][current[$0]], $0) < (rc[$1][current[$1]], $1)
        }
        for i in seeds {
            for (j, _) in columns[i].enumerated() where j != current[i] && rc[i][j] > -tol {
                chosen[i] = j
                inChain = [i]
                change(i, j, 1)
                search(value(i, j) - medium(columns[i][current[i]]))
                change(i, j, -1)
                touched.removeAll()
                chosen[i] = -1
            }
        }
        work += steps + scanned
        budget.charge(.general, work)
        // Each chain's rows re-decided exactly, the first improvement kept.
        var tried = Set<[Int]>()
        for chain in found {
            let keys = chain.map { rows[$0.0] }.sorted()
            let spent = budget.spent[.general, default: 0] - workAtStart
            if spent >= maxWork || budget.outOfTime() { return false }
            let before = score(inst, assignments: assignments()).score
            let away = chain.filter { columns[$0.0][$0.1].isEmpty && outsideJob[$0.0] != nil }
            if !away.isEmpty {
                // A worker leaves the date for another of its week: the chain's columns as they are, each leaver's job
                // on its other date; kept when both dates stay valid and the scorer ranks the plan higher.
                let others = away.map { outsideJob[$0.0]! }
                let saved = keys.map { jobs[$0] }
                for (i, j) in chain { jobs[rows[i]] = columns[i][j].sorted() }
                for o in others { jobs[o.key] = [o.cand] }
                let dates = Set([d] + others.map { $0.key % nD })
                if dates.allSatisfy({ dayValid($0) }) && score(inst, assignments: assignments()).score > before {
                    return true
                }
                for (k, key) in keys.enumerated() { jobs[key] = saved[k] }
                for o in others { jobs[o.key] = [] }
                continue
            }
            guard tried.insert(keys).inserted else { continue }
            let saved = keys.map { jobs[$0] }
            let limit = min(GeneralEngine.handOverResolveWork, maxWork - spent)
            guard resolveRowsOnOwnAllowance(Set(keys.map { Int32($0) }), day: d, maxWork: limit) else { continue }
            if dayValid(d) && score(inst, assignments: assignments()).score > before { return true }
            for (k, key) in keys.enumerated() { jobs[key] = saved[k] }
        }
        return false
    }

    /// `resolveRows` with the general phase's allowance set aside: the branch and bound stops after its root once the
    /// phase has nothing left (as it has after the multi-day loop), so it runs here on a budget of its own, bounded
    /// by `maxWork` and the deadline, and its work is charged to the general phase after.
    mutating func resolveRowsOnOwnAllowance(_ rows: Set<Int32>, day d: Int, maxWork: Int) -> Bool {
        let saved = budget
        budget = SolveBudget(
            total: Int.max / 64, phases: saved.phases, start: Date(),
            timeLimit: saved.deadline.map { $0.timeIntervalSinceNow })
        let improved = resolveRows(rows, day: d, maxWork: maxWork)
        let spent = budget.spent.values.reduce(0, +)
        let hit = budget.deadlineHit
        budget = saved
        budget.charge(.general, spent)
        if hit { budget.markDeadlineHit() }
        return improved
    }
}
