import Foundation

/// The continuity links of a linked re-solve: worker w working job j on plan day d and again on day d + 1 (the
/// next date, the second candidate without history) earns the continuity bonus once.
struct ContinuityLinks {
    /// Worker, first day and job of each link.
    var worker: [Int32] = []
    var day: [Int32] = []
    var job: [Int32] = []
    /// Per candidate: the link it starts (on the link's first day), or −1.
    var out: [Int32]
    /// Per candidate: the link it ends (on the link's second day, no history), or −1.
    var into: [Int32]

    init(candidates: Int) {
        out = [Int32](repeating: -1, count: candidates)
        into = [Int32](repeating: -1, count: candidates)
    }

    var count: Int { worker.count }
}

extension GeneralEngine {
    /// Re-decides every single-job row of `days` together by a branch and bound whose bound prices the continuity
    /// between those days by Lagrange multipliers; rows holding two jobs or more and other days are fixed.
    ///
    /// Within one day the single-job rows are a flow (but for minimums); what ties the days is the continuity bonus
    /// of a worker who keeps a job from one day to the next. Each link's bonus `continuity · x₀ · x₁` is bounded by
    /// `(continuity − λ) · x₀ + λ · x₁` for any `0 ≤ λ ≤ continuity`: with that split the days are one flow again
    /// (joined only by the weekly caps, which the network holds), and its value bounds the plan. The multipliers
    /// move by a projected subgradient step (Polyak, towards the best plan; `iterations` at the root,
    /// `nodeIterations` at other nodes from their parent's); every flow is repaired into a plan, valued exactly
    /// (a link counts only when both its days are worked), the best being the incumbent. A node whose flow still
    /// counts part of a link it does not earn branches on the link's first day: its job taken out (no bonus), or
    /// the row held to it (the whole bonus on the second day, exact); a request below its minimum is closed or
    /// forced, as in `branchAndBound`. This reaches the ejection chains over several workers and days that day
    /// re-solves (one day free) and two-worker exchanges cannot: on the scarce reference instance the optimum moves
    /// eight workers over two days.
    ///
    /// - Parameters:
    ///   - days: consecutive plan days to re-decide together (links between neighbours in this list).
    ///   - keepMinimums: requests needing more than one worker keep their state (an empty one closed, an open one
    ///     at its minimum or above): the root bound then prices continuity alone. False: exact over every plan of
    ///     the rows (when the work allows), minimums branched on.
    ///   - maxWork: work units at most (a flow in progress is finished); when the search finishes within it, the
    ///     rows are optimal given the rest (and, with `keepMinimums`, the state of the larger requests).
    /// - Returns: whether the plan improved.
    mutating func resolveLinked(
        days: [Int], keepMinimums: Bool = true, iterations: Int = 40, nodeIterations: Int = 6, maxWork: Int
    ) -> Bool {
        guard !days.isEmpty else { return false }
        let workAtStart = budget.spent[.general, default: 0]
        var inScope = [Bool](repeating: false, count: nD)
        for d in days { inScope[d] = true }
        // Rows decided: every single-job row of the days; the others are fixed.
        var rows = Set<Int32>()
        var used = [Int32](repeating: 0, count: p.nW * max(1, nK))
        var fixed = [Int32](repeating: 0, count: p.nR)
        var riders = [Int32](repeating: 0, count: p.nR)
        for w in 0..<p.nW {
            for e in 0..<nD {
                let key = w * nD + e
                if inScope[e] && !rowCands[key].isEmpty && jobs[key].count <= 1 {
                    rows.insert(Int32(key))
                    continue
                }
                if !jobs[key].isEmpty && pinsOn[key].isEmpty { used[w * nK + Int(p.dayWeek[e])] += 1 }
                if inScope[e] {
                    for c in jobs[key] {
                        fixed[Int(candReq[Int(c)])] += 1
                        if p.candRide[Int(c)] != 0 { riders[Int(candReq[Int(c)])] += 1 }
                    }
                }
            }
        }
        guard !rows.isEmpty else { return false }
        var scope = GeneralScope(days: days, used: used)
        scope.rows = rows
        scope.fixedCount = fixed
        scope.fixedRiders = riders
        scope.single = true
        let links = continuityLinks(rows: rows, inScope: inScope)
        // The exact value of a candidate without its links: continuity from fixed neighbours (days outside, pins,
        // rows holding two jobs) and from history.
        let engine = self
        let fixedValue = (0..<p.candidateCount).map { c -> Int64 in
            guard candOK[c] else { return 0 }
            return engine.linkedFixedValue(c, inScope: inScope, rows: rows)
        }
        func exact(_ plan: [Int32: [Int32]]) -> Int64 {
            networkValue(plan, scope: scope, value: { fixedValue[$0] })
                + p.continuity * Int64(realized(plan, links).reduce(0) { $0 + ($1 == 3 ? 1 : 0) })
        }
        var current: [Int32: [Int32]] = [:]
        for key in rows where !jobs[Int(key)].isEmpty { current[key] = jobs[Int(key)] }
        let currentValue = exact(current)
        var best = current
        var bestValue = currentValue
        var order = [Int32]()
        for key in rows.sorted() { order.append(contentsOf: rowCands[Int(key)]) }
        order.sort { (fixedValue[Int($0)], $1) > (fixedValue[Int($1)], $0) }
        // Per link, the first day's candidates (a branch takes them out, or holds the row to them).
        var outCands = [[Int32]](repeating: [], count: links.count)
        for key in rows.sorted() {
            for c in rowCands[Int(key)] where links.out[Int(c)] >= 0 { outCands[Int(links.out[Int(c)])].append(c) }
        }
        // A branch holding a row to a link's job gives those candidates this bonus (taken off the flow's value
        // again); beyond Int64's room for it, no branching (the root's flows only).
        let hold = forceBonus
        let canBranch = hold <= Int64.max / Int64(4 * (links.count + p.nR + 1))
        // Node multipliers: λ ∈ 0...continuity for a free link; `linkOff` once its first day is taken out (no
        // bonus), `linkOn` once its first day is held to the job (the whole bonus on the second day, exact).
        let linkOff: Int64 = -1
        let linkOn: Int64 = -2
        let cont = p.continuity
        // The requests that need more than one worker keep their state: an empty one stays closed, an open one
        // keeps its minimum (forced). The relaxation is then exact for minimums, and what the multipliers price
        // is continuity alone; moves that open or close such a request are the day re-solves'.
        var rootMods = GeneralMods()
        var count = [Int32](repeating: 0, count: p.nR)
        for (_, cs) in current { for c in cs { count[Int(candReq[Int(c)])] += 1 } }
        for r in 0..<p.nR where keepMinimums && inScope[Int(p.reqDay[r])] && p.reqMin[r] > 1 && pinnedCount[r] == 0 {
            if count[r] + fixed[r] == 0 { rootMods.closed.insert(Int32(r)) } else { rootMods.forced.insert(Int32(r)) }
        }
        var queue = BranchQueue()
        queue.push(
            BranchNode(
                bound: Int64.max, seq: 0, mods: rootMods,
                mu: [Int64](repeating: p.continuity / 2, count: links.count)))
        var seq = 0
        var nodes = 0
        while let node = queue.pop() {
            guard node.bound > bestValue else { continue }
            if budget.left(.general) <= 0 || budget.outOfTime()
                || budget.spent[.general, default: 0] - workAtStart > maxWork || (nodes > 0 && !canBranch)
            {
                break
            }
            nodes += 1
            var lambda = node.mu
            var held: [Int32] = []
            for l in 0..<links.count where lambda[l] == linkOn { held.append(contentsOf: outCands[l]) }
            let heldSet = Set(held)
            let heldRows =
                held.isEmpty
                ? 0 : Set(held.map { Int(p.candWorker[Int($0)]) * nD + Int(p.reqDay[Int(candReq[Int($0)])]) }).count
            var nodeBound = node.bound
            var theta = 1.0
            var stall = 0
            var last: (GeneralFlow, [UInt8])?
            var infeasible = false
            for _ in 0..<(nodes == 1 ? iterations : nodeIterations) {
                let lam = lambda
                let f = relax(scope: scope, mods: node.mods) { c in
                    var v = fixedValue[c]
                    let o = links.out[c]
                    if o >= 0 && lam[Int(o)] >= 0 { v += cont - lam[Int(o)] }
                    let i = links.into[c]
                    if i >= 0 { v += lam[Int(i)] >= 0 ? lam[Int(i)] : lam[Int(i)] == linkOn ? cont : 0 }
                    if !heldSet.isEmpty && heldSet.contains(Int32(c)) { v += hold }
                    return v
                }
                guard f.complete else { break }
                let sides = realized(f.rows, links)
                // Every held row must take its job.
                guard f.feasible, (0..<links.count).allSatisfy({ lam[$0] != linkOn || sides[$0] & 1 != 0 }) else {
                    infeasible = true
                    break
                }
                stats.passes += 1
                let value = f.value - Int64(heldRows) * hold
                if value < nodeBound {
                    nodeBound = value
                    stall = 0
                } else {
                    stall += 1
                    if stall >= 2 {
                        theta /= 2
                        stall = 0
                    }
                }
                var flow = f
                flow.value = value
                last = (flow, sides)
                let plan =
                    findConflict(f, scope: scope) == nil
                    ? f.rows : repair(f.rows, scope: scope, order: order, value: { fixedValue[$0] })
                if let plan {
                    let v = exact(plan)
                    if v > bestValue {
                        bestValue = v
                        best = plan
                    }
                }
                if nodeBound <= bestValue { break }
                if budget.left(.general) <= 0 || budget.outOfTime()
                    || budget.spent[.general, default: 0] - workAtStart > maxWork
                {
                    break
                }
                // Subgradient of the bound in λ: x₁ − x₀ per free link (Polyak step towards the best plan).
                var norm = 0.0
                for l in 0..<links.count where lam[l] >= 0 && (sides[l] == 1 || sides[l] == 2) { norm += 1 }
                guard norm > 0 else { break }
                let step = theta * Double(value - bestValue) / norm
                var moved = false
                for l in 0..<links.count where lam[l] >= 0 && (sides[l] == 1 || sides[l] == 2) {
                    let g = sides[l] == 2 ? step : -step
                    let next = min(p.continuity, max(0, lam[l] - Int64(g.rounded())))
                    if next != lam[l] { moved = true }
                    lambda[l] = next
                }
                if !moved {
                    // Steps below one point: every disagreeing link by one.
                    for l in 0..<links.count where lam[l] >= 0 && (sides[l] == 1 || sides[l] == 2) {
                        lambda[l] = min(p.continuity, max(0, lam[l] + (sides[l] == 1 ? 1 : -1)))
                    }
                }
            }
            guard !infeasible, nodeBound > bestValue, let (f, sides) = last else { continue }
            // What the flow counts that its plan does not earn: a link's share on a side worked alone.
            var branchLink = -1
            var over: Int64 = 0
            for l in 0..<links.count where lambda[l] >= 0 {
                let o = sides[l] == 1 ? p.continuity - lambda[l] : sides[l] == 2 ? lambda[l] : 0
                if o > over {
                    over = o
                    branchLink = l
                }
            }
            var children: [([Int64], GeneralMods)] = []
            if let conflict = findConflict(f, scope: scope) {
                let mods = node.mods
                switch conflict {
                case .minimum(let r):
                    var x = mods
                    x.closed.insert(r)
                    var y = mods
                    y.forced.insert(r)
                    children = scope.fixed(Int(r)) > 0 ? [(lambda, y)] : [(lambda, x), (lambda, y)]
                case .pair(let a, let b):
                    var x = mods
                    x.forbidden.insert(a)
                    var y = mods
                    y.forbidden.insert(b)
                    children = [(lambda, x), (lambda, y)]
                case .jobs(let cs):
                    children = cs.map { c in
                        var x = mods
                        x.forbidden.insert(c)
                        return (lambda, x)
                    }
                case .rows(let keys):
                    children = keys.map { k in
                        var x = mods
                        x.closedRows.insert(k)
                        return (lambda, x)
                    }
                }
            } else if branchLink >= 0 {
                // The link's first day: taken out (no bonus), or held to its job (the bonus exact on the second).
                let l = branchLink
                var off = node.mods
                for c in outCands[l] { off.forbidden.insert(c) }
                var lambdaOff = lambda
                lambdaOff[l] = linkOff
                var on = node.mods
                let w = Int(links.worker[l])
                let key = w * nD + Int(links.day[l])
                for c in rowCands[key] where links.out[Int(c)] != Int32(l) { on.forbidden.insert(c) }
                var lambdaOn = lambda
                lambdaOn[l] = linkOn
                children = sides[l] == 1 ? [(lambdaOn, on), (lambdaOff, off)] : [(lambdaOff, off), (lambdaOn, on)]
            } else {
                continue
            }
            for (mu, mods) in children.reversed() {
                seq += 1
                queue.push(BranchNode(bound: nodeBound, seq: seq, mods: mods, mu: mu))
            }
        }
        stats.branchNodes += nodes
        guard bestValue > currentValue else { return false }
        for key in rows { jobs[Int(key)] = (best[key] ?? []).sorted() }
        return true
    }

    /// The links between the rows of consecutive scope days: worker w's candidates of one job on day d and d + 1
    /// (the next date; the second without history, which earns the bonus on its own).
    func continuityLinks(rows: Set<Int32>, inScope: [Bool]) -> ContinuityLinks {
        var links = ContinuityLinks(candidates: p.candidateCount)
        var index: [[Int32]: Int32] = [:]
        for key in rows.sorted() {
            let w = Int(key) / nD
            let d = Int(key) % nD
            guard p.followed(d), inScope[d + 1],
                rows.contains(Int32(w * nD + d + 1))
            else { continue }
            for c1 in rowCands[w * nD + d + 1] where p.candHistory[Int(c1)] == 0 {
                let job = p.reqJob[Int(candReq[Int(c1)])]
                for c0 in rowCands[Int(key)] where p.reqJob[Int(candReq[Int(c0)])] == job {
                    let k: [Int32] = [Int32(w), Int32(d), job]
                    let l: Int32
                    if let found = index[k] {
                        l = found
                    } else {
                        l = Int32(links.count)
                        index[k] = l
                        links.worker.append(Int32(w))
                        links.day.append(Int32(d))
                        links.job.append(job)
                    }
                    links.out[Int(c0)] = l
                    links.into[Int(c1)] = l
                }
            }
        }
        return links
    }

    /// Which sides of each link the rows work: bit 1 the first day, bit 2 the second (3: the bonus is earned).
    func realized(_ rows: [Int32: [Int32]], _ links: ContinuityLinks) -> [UInt8] {
        var sides = [UInt8](repeating: 0, count: links.count)
        for (_, cs) in rows {
            for c in cs {
                if links.out[Int(c)] >= 0 { sides[Int(links.out[Int(c)])] |= 1 }
                if links.into[Int(c)] >= 0 { sides[Int(links.into[Int(c)])] |= 2 }
            }
        }
        return sides
    }

    /// Candidate c's exact value in a linked re-solve but for its links: priority × M − cost, continuity from
    /// history, and continuity with a neighbour day's job that the re-solve does not decide (another day, a pin,
    /// a row of two jobs).
    func linkedFixedValue(_ c: Int, inScope: [Bool], rows: Set<Int32>) -> Int64 {
        let r = Int(candReq[c])
        let d = Int(p.reqDay[r])
        let w = Int(p.candWorker[c])
        let job = p.reqJob[r]
        var v = p.reqPriority[r] * bigM - p.candCost[c]
        guard p.continuity > 0 else { return v }
        if p.candHistory[c] != 0 {
            v += p.continuity
        } else if p.follows[d] {
            let key = w * nD + d - 1
            let decided = rows.contains(Int32(key))
            var before = false
            for r0 in pinsOn[key] where p.reqJob[Int(r0)] == job { before = true }
            if !decided { for c0 in jobs[key] where p.reqJob[Int(candReq[Int(c0)])] == job { before = true } }
            if before { v += p.continuity }
        }
        if p.followed(d) {
            let key = w * nD + d + 1
            let decided = rows.contains(Int32(key))
            for r2 in pinsOn[key] where p.reqJob[Int(r2)] == job { v += p.continuity }
            if !decided {
                for c2 in jobs[key] where p.reqJob[Int(candReq[Int(c2)])] == job && p.candHistory[Int(c2)] == 0 {
                    v += p.continuity
                }
            }
        }
        return v
    }
}
