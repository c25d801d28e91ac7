import Foundation

/// A reason the relaxation's flow is not a valid plan, and how to branch on it.
enum GeneralConflict {
    /// Two jobs of one row that cannot both be worked: forbid one or the other.
    case pair(Int32, Int32)
    /// A row over its minutes cap: forbid one of these jobs.
    case jobs([Int32])
    /// A worker-week with more dates than its cap leaves: close one of these rows.
    case rows([Int32])
    /// A request below its minimum: close it, or force its minimum.
    case minimum(Int32)
}

extension GeneralEngine {
    /// Runs the engine: the plan with its score, explanations and stats.
    mutating func run() -> Plan {
        let all = Array(0..<nD)
        // Large: the root relaxation by cost scaling, repaired and filled (`LargeDay.swift`).
        if isLarge { return runLarge() }
        if nD <= 1 {
            let engine = self
            var pool = StructurePool()
            let (best, complete) = branchAndBound(
                scope: GeneralScope(days: all), incumbent: nil, maxWork: budget.allowance(.general) / 4,
                value: { c in engine.baseValue(c) }, onPlan: { pool.offer($0, $1) })
            install(best, days: all)
            provenOptimal = complete
            if !complete {
                polishStructures(pool, maxWork: budget.allowance(.general) / 4)
                // The structure search with polish completions first (about 1M work units a move where an exact
                // completion of a 200-worker day takes 11M), then with exact ones cut at 1/16 (`SearchRowPolish`).
                _ = searchDayStructures(
                    0, maxWork: budget.allowance(.general) / 4, maxStale: GeneralEngine.polishMaxStale,
                    restarts: GeneralEngine.polishRestarts, polish: true)
                searchTwoJobStructures(maxWork: budget.left(.general), completionWork: budget.allowance(.general) / 16)
                // Requests held at their minimum closed, their workers dealt elsewhere (`SearchClosingRequests.swift`).
                closeHeldRequests(maxWork: budget.allowance(.general) / 64, ignoreLeft: true)
                neighbourhoods()
                provenMediumBound()
            }
        } else {
            // Every day together with an optimistic continuity bonus, then exact day re-solves until none improves.
            let possible = possibleJobs()
            let engine = self
            let optimistic: (Int) -> Int64 = { c in
                engine.baseValue(c) + engine.optimisticContinuity(c, possible)
            }
            // An eighth of the budget: with the structure moves' estimate priced on open rows only (v2rows7) the
            // search by day makes more of the rest (`scarce-w300-r70-d3-s6` 1851 → 1853 against a quarter).
            let (best, _) = branchAndBound(
                scope: GeneralScope(days: all), incumbent: nil, maxWork: budget.allowance(.general) / 8,
                value: optimistic)
            install(best, days: all)
            // Medium first: the two-job structures of every day (`SearchMultiDayStructures.swift`).
            mediumFirst()
            // Exact day re-solves (the priced one, then the single-job one) until no day improves; then exchanges
            // of two workers' chains across days, or when none improves the linked re-solve of every day together
            // (`SearchEjectionLinked.swift`), and again, while those improve.
            var passes = 0
            for _ in 0..<8 {
                var improved = true
                while improved && budget.left(.general) > 0 && !budget.outOfTime() && passes < 50 {
                    improved = false
                    passes += 1
                    for d in 0..<nD {
                        if budget.left(.general) <= 0 || budget.outOfTime() { break }
                        if resolveDay(d) { improved = true }
                        if resolveSingles(d, maxWork: budget.allowance(.general) / 16) { improved = true }
                    }
                }
                guard budget.left(.general) > 0, !budget.outOfTime() else { break }
                if searchStructuresByDay() { continue }
                if structuresAcrossDays(maxWork: budget.allowance(.general) / 16) { continue }
                if chainSwaps() { continue }
                guard p.continuity > 0, resolveLinked(days: all, maxWork: budget.allowance(.general) / 8) else { break }
                stats.moves += 1
            }
            stats.passes = passes
            // Requests held at their minimum closed, their workers dealt elsewhere (`SearchClosingRequests.swift`), on
            // their own 1/64.
            closeHeldRequests(maxWork: budget.allowance(.general) / 64, ignoreLeft: true)
            // Hand-over chains guided by each date's column duals, on their own 1/8 (`SearchHandOverChains.swift`).
            handOverChains(maxWork: budget.allowance(.general) / 8)
            // Seat re-deals of whole days, then seat rotations, each on its own 1/16 (`SearchSeatRedeal.swift`,
            // `SearchSeatRotation.swift`): counts per request kept, so soft only.
            seatRedeals(maxWork: budget.allowance(.general) / 16)
            // Pair types changed, both halves of a two-job row moving (`SearchSeatPairDeals.swift`), on its own 1/32.
            seatPairDeals(maxWork: budget.allowance(.general) / 32)
            seatRotations(maxWork: budget.allowance(.general) / 16, ignoreLeft: true)
            // Seat re-deals with the counts free (a seat moves between requests of one priority), on its own 1/64
            // (`SearchCountRedeal.swift`).
            countRedeals(maxWork: budget.allowance(.general) / 64)
            // A request held at its minimum closed as a kick, every date dealt again around it, on its own 1/8
            // (`SearchClosingKicks.swift`).
            closingKicks(maxWork: budget.allowance(.general) / 8)
            // A request of a two-date job handed to another worker as a kick (a continuity link passes or can be
            // made), the neighbouring date dealt again, on its own 1/8; when one improves, the seat re-deals again on
            // their own 1/32 (`SearchLinkPasses.swift`); when those change the plan, a second round of both, each on
            // its own share again (`SearchLinkPassRounds.swift`).
            linkPassRounds(passWork: budget.allowance(.general) / 8, redealWork: budget.allowance(.general) / 32)
            // A date dealt with its counts, pair types and minimum requests' states free together, on its own 1/4
            // (`SearchPairCountDeals.swift`); when one improves, the seat re-deals again on their own 1/8
            // (`SearchPairCountFollowUp.swift`).
            pairCountDealsThenRedeals(
                maxWork: budget.allowance(.general) / 4, redealWork: budget.allowance(.general) / 8)
            // A few workers' whole schedules re-decided exactly over every date, counts and minimum requests' states
            // free, on its own 1/16 (`SearchGroupRedecide.swift`).
            groupRedecides(maxWork: budget.allowance(.general) / 16)
            neighbourhoods()
        }
        enforceValidity()
        stats.solveMillis = Int(Date().timeIntervalSince(start) * 1000)
        return makePlan()
    }

    /// priority × M − soft cost + continuity from history.
    @inline(__always)
    func baseValue(_ c: Int) -> Int64 {
        let r = Int(candReq[c])
        return p.reqPriority[r] * bigM - p.candCost[c] + (p.candHistory[c] != 0 ? p.continuity : 0)
    }

    /// The jobs each worker could work each plan day (pins and candidates): `(w, job, d)` keys.
    func possibleJobs() -> Set<[Int32]> {
        var s = Set<[Int32]>()
        for c in 0..<p.candidateCount where candOK[c] {
            let r = Int(candReq[c])
            s.insert([p.candWorker[c], p.reqJob[r], p.reqDay[r]])
        }
        for w in 0..<p.nW {
            for d in 0..<nD { for r in pinsOn[w * nD + d] { s.insert([Int32(w), p.reqJob[Int(r)], Int32(d)]) } }
        }
        return s
    }

    /// The continuity bonus a candidate could get from the day before (history, or a possible job of the plan).
    func optimisticContinuity(_ c: Int, _ possible: Set<[Int32]>) -> Int64 {
        guard p.continuity > 0, p.candHistory[c] == 0 else { return 0 }
        let r = Int(candReq[c])
        let d = Int(p.reqDay[r])
        guard p.follows[d] else { return 0 }
        return possible.contains([p.candWorker[c], p.reqJob[r], Int32(d - 1)]) ? p.continuity : 0
    }

    /// Whether worker w works `job` on plan day d (a pin or a job of the plan).
    func works(_ w: Int, _ job: Int32, _ d: Int) -> Bool {
        let key = w * nD + d
        for r in pinsOn[key] where p.reqJob[Int(r)] == job { return true }
        for c in jobs[key] where p.reqJob[Int(candReq[Int(c)])] == job { return true }
        return false
    }

    /// The exact value of candidate c on its day with the other days fixed (continuity both ways).
    func dayValue(_ c: Int) -> Int64 {
        let r = Int(candReq[c])
        let d = Int(p.reqDay[r])
        let w = Int(p.candWorker[c])
        let job = p.reqJob[r]
        var v = p.reqPriority[r] * bigM - p.candCost[c]
        guard p.continuity > 0 else { return v }
        if p.candHistory[c] != 0 || (p.follows[d] && works(w, job, d - 1)) {
            v += p.continuity
        }
        if p.followed(d) {
            let key = w * nD + d + 1
            for r2 in pinsOn[key] where p.reqJob[Int(r2)] == job { v += p.continuity }
            for c2 in jobs[key] where p.reqJob[Int(candReq[Int(c2)])] == job && p.candHistory[Int(c2)] == 0 {
                v += p.continuity
            }
        }
        return v
    }

    /// Re-solves day d exactly with every other day fixed; keeps the result when it is strictly better.
    mutating func resolveDay(_ d: Int) -> Bool {
        var used = [Int32](repeating: 0, count: p.nW * max(1, nK))
        for w in 0..<p.nW {
            for e in 0..<nD where e != d && !jobs[w * nD + e].isEmpty && pinsOn[w * nD + e].isEmpty {
                used[w * nK + Int(p.dayWeek[e])] += 1
            }
        }
        var current: [Int32: [Int32]] = [:]
        for w in 0..<p.nW where !jobs[w * nD + d].isEmpty { current[Int32(w * nD + d)] = jobs[w * nD + d] }
        let engine = self
        let value: (Int) -> Int64 = { c in engine.dayValue(c) }
        let currentValue = networkValue(current, scope: GeneralScope(days: [d]), value: value)
        let scope = GeneralScope(days: [d], used: used)
        let (best, _) = branchAndBound(
            scope: scope, incumbent: (current, currentValue),
            maxWork: budget.allowance(.general) / 16, value: value)
        guard networkValue(best, scope: scope, value: value) > currentValue else { return false }
        install(best, days: [d])
        return true
    }

    /// Replaces the plan's jobs on `days` by `rows`.
    mutating func install(_ rows: [Int32: [Int32]], days: [Int]) {
        for d in days { for w in 0..<p.nW { jobs[w * nD + d] = [] } }
        for (key, cs) in rows { jobs[Int(key)] = cs.sorted() }
    }

    /// The network value of a set of rows: Σ candidate values + the share bonus of the units beyond the pins.
    func networkValue(_ rows: [Int32: [Int32]], scope: GeneralScope, value: (Int) -> Int64) -> Int64 {
        var v: Int64 = 0
        var count: [Int32: Int] = [:]
        for (_, cs) in rows {
            for c in cs {
                v += value(Int(c))
                count[candReq[Int(c)], default: 0] += 1
            }
        }
        let share = Int64(inst.weights.share)
        if share > 0 {
            for (r, n) in count {
                let h = inst.requests[Int(r)].headcount
                let held = Int(pinnedCount[Int(r)] + scope.fixed(Int(r)))
                for j in 0..<n { v += share * Int64(shareUnits(k: held + j + 1, headcount: h)) }
            }
        }
        return v
    }

    /// Best-first branch and bound over the relaxation of `days`, each node bounded by the flow with the rows' time
    /// cliques priced in (`BranchCliques`); returns the best valid rows found and whether the search finished (then
    /// they are optimal for `value`).
    ///
    /// - Parameter conflictCliques: true prices the conflict cliques (`cliques(of:conflicts:)`), false the time
    ///   cliques only. The search keeps the time cliques: with the conflict cliques its priced flows repaired into
    ///   other plans and the structure search then ended lower (`scarce-w200-r50-d1-s3` 398 against 399 medium,
    ///   `balanced-w300-r70-d1-s5` 54387 against 54598 soft); `provenMediumBound` takes them for the bound alone.
    /// - Parameter rootIterations: subgradient steps at the root of a whole-scope search.
    /// - Parameter stopAtMedium: the root stops its steps once its medium bound is at most this (a plan's medium).
    /// - Parameter onPlan: called with every valid plan the nodes' flows give (repaired when they conflict) and its
    ///   value, whether or not it beats the incumbent (`StructurePool` keeps them per two-job structure).
    mutating func branchAndBound(
        scope: GeneralScope, incumbent start: ([Int32: [Int32]], Int64)?, maxNodes: Int = Int.max,
        maxWork: Int = Int.max, conflictCliques: Bool = false, rootIterations: Int = branchRootIterations,
        stopAtMedium: Int? = nil, value: (Int) -> Int64,
        onPlan: (([Int32: [Int32]], Int64) -> Void)? = nil
    ) -> ([Int32: [Int32]], Bool) {
        let workAtStart = budget.spent[.general, default: 0]
        let days = scope.days
        var best = start?.0 ?? [:]
        var bestValue = start?.1 ?? Int64.min
        var order: [Int32] = []
        var inDays = [Bool](repeating: false, count: max(1, nD))
        for d in days { inDays[d] = true }
        for c in 0..<p.candidateCount where candOK[c] && inDays[Int(p.reqDay[Int(candReq[c])])] {
            if let rows = scope.rows {
                let key = Int(p.candWorker[c]) * nD + Int(p.reqDay[Int(candReq[c])])
                guard rows.contains(Int32(key)) else { continue }
            }
            order.append(Int32(c))
        }
        let values = order.map { value(Int($0)) }
        let sortedOrder = order.indices.sorted { (values[$0], order[$1]) > (values[$1], order[$0]) }.map { order[$0] }
        let cl = scope.single ? BranchCliques() : cliques(of: order, conflicts: conflictCliques)
        let muCap = (values.max() ?? 0) + 1
        var queue = BranchQueue()
        queue.push(
            BranchNode(
                bound: Int64.max, seq: 0, mods: GeneralMods(), mu: [Int64](repeating: 0, count: cl.members.count)))
        var seq = 0
        var nodes = 0
        var complete = true
        /// The best bound of a node left open when the search stops (each node holds its parent's bound).
        var openBound = Int64.min
        /// Keeps the flow's rows, or their repair, when they beat the incumbent; returns the flow's first conflict.
        func consider(_ f: GeneralFlow, _ engine: inout GeneralEngine) -> GeneralConflict? {
            let conflict = engine.findConflict(f, scope: scope)
            let repaired =
                conflict == nil ? f.rows : engine.repair(f.rows, scope: scope, order: sortedOrder, value: value)
            let rv = repaired.map { engine.networkValue($0, scope: scope, value: value) } ?? Int64.min
            if let repaired, let onPlan { onPlan(repaired, rv) }
            if rv > bestValue, let repaired {
                best = repaired
                bestValue = rv
            }
            return conflict
        }
        while let node = queue.pop() {
            guard node.bound > bestValue else { continue }
            if nodes > 0
                && (nodes >= maxNodes || budget.left(.general) <= 0 || budget.outOfTime()
                    || budget.spent[.general, default: 0] - workAtStart > maxWork)
            {
                complete = false
                openBound = max(openBound, node.bound)
                break
            }
            nodes += 1
            stats.branchNodes += 1
            let mods = node.mods
            var mu = node.mu
            var nodeBound = node.bound
            var last: GeneralFlow?
            var lastConflict: GeneralConflict?
            var infeasible = false
            let whole = scope.rows == nil
            let iterations =
                cl.isEmpty
                ? 1
                : nodes == 1
                    ? (whole ? rootIterations : neighbourhoodRootIterations)
                    : (whole ? branchNodeIterations : neighbourhoodNodeIterations)
            var theta = 1.0
            var stall = 0
            for it in 0..<iterations {
                let pen = cl.penalties(mu)
                let f = relax(scope: scope, mods: mods) { c in value(c) - (pen[Int32(c)] ?? 0) }
                if nodes == 1 && it == 0 && start == nil {
                    // A flow cut by the deadline bounds nothing: then the trivial bound, every open slot filled.
                    stats.mediumUpperBound =
                        f.complete
                        ? f.medium + pinnedMedium()
                        : (0..<p.nR).reduce(pinnedMedium()) { $0 + Int(p.reqCap[$1]) * Int(p.reqPriority[$1]) }
                }
                guard f.feasible else {
                    infeasible = true
                    break
                }
                let bound = f.complete ? f.value + mu.reduce(0, +) : Int64.max
                if bound < nodeBound {
                    nodeBound = bound
                    stall = 0
                } else {
                    stall += 1
                    if stall >= 2 {
                        theta /= 2
                        stall = 0
                    }
                }
                last = f
                lastConflict = consider(f, &self)
                // A flow cut by the deadline bounds nothing: no step from it.
                if nodeBound <= bestValue || it + 1 == iterations || lastConflict == nil || !f.complete { break }
                if let stop = stopAtMedium, nodes == 1, mediumBound(nodeBound) <= stop { break }
                if budget.left(.general) <= 0 || budget.outOfTime()
                    || budget.spent[.general, default: 0] - workAtStart > maxWork
                {
                    break
                }
                let gap = bestValue == Int64.min ? bigM : max(1, bound - bestValue)
                let taken = Set(f.rows.values.joined())
                guard cl.step(&mu, taken: taken, gap: gap, theta: theta, cap: muCap) else { break }
            }
            if nodes == 1 && start == nil && !infeasible && nodeBound < Int64.max && !cl.isEmpty {
                // The priced root bounds the medium too (`mediumBound`).
                stats.mediumUpperBound = min(stats.mediumUpperBound, mediumBound(nodeBound))
            }
            guard !infeasible, nodeBound > bestValue, last != nil else { continue }
            var conflict = lastConflict
            if conflict == nil && mu.contains(where: { $0 != 0 }) {
                // The priced flow is a plan (kept above) but not proven best for the node: the plain flow decides.
                let f0 = relax(scope: scope, mods: mods, value: value)
                guard f0.feasible, f0.value > bestValue else { continue }
                nodeBound = min(nodeBound, f0.complete ? f0.value : Int64.max)
                conflict = consider(f0, &self)
            }
            guard let conflict else { continue }
            var children: [GeneralMods] = []
            switch conflict {
            case .pair(let a, let b):
                var x = mods
                x.forbidden.insert(a)
                var y = mods
                y.forbidden.insert(b)
                children = [x, y]
            case .jobs(let cs):
                for c in cs {
                    var x = mods
                    x.forbidden.insert(c)
                    children.append(x)
                }
            case .rows(let keys):
                for k in keys {
                    var x = mods
                    x.closedRows.insert(k)
                    children.append(x)
                }
            case .minimum(let r):
                var x = mods
                x.closed.insert(r)
                var y = mods
                y.forced.insert(r)
                // Workers held outside the scope keep the request open: it can only be forced to its minimum.
                children = scope.fixed(Int(r)) > 0 ? [y] : [x, y]
            }
            // The first child is taken first among equal bounds (the newest node wins a tie).
            for child in children.reversed() {
                seq += 1
                queue.push(BranchNode(bound: nodeBound, seq: seq, mods: child, mu: mu))
            }
        }
        if start == nil && scope.rows == nil && stats.mediumUpperBound > 0 && !budget.deadlineHit {
            // The whole search bounds the medium: no plan beats the best found and every node left open (unless a
            // flow was cut by the deadline: then its node bounded nothing).
            if let top = queue.maxBound { openBound = max(openBound, top) }
            let global = max(bestValue, openBound)
            if global > Int64.min && global < Int64.max {
                stats.mediumUpperBound = min(stats.mediumUpperBound, mediumBound(global))
            }
        }
        return (best, complete && queue.isEmpty)
    }

    /// The medium of every plan whose network value is at most `bound` (the pins' medium included): a plan of medium
    /// m is worth m · bigM plus its soft part, which lies above −(slots · the largest pair cost) (`bigM`'s slots: at
    /// most that many unpinned assignments, each costing at most that), so m ≤ ⌊(bound + slots · maxCost) / bigM⌋.
    /// The soft part of a value can be positive (share bonus, continuity), so `⌈bound / bigM⌉` is a point too high
    /// whenever the bound's soft part is: the half-day instance's exact bound 176 · bigM + 28608 would read 177.
    func mediumBound(_ bound: Int64) -> Int {
        var maxCost: Int64 = 0
        for c in p.candCost where c > maxCost { maxCost = c }
        let slots = Int64(min(p.candidateCount, p.reqCap.reduce(0) { $0 + Int($1) }) + 1)
        let (below, o1) = slots.multipliedReportingOverflow(by: maxCost)
        let (sum, o2) = bound.addingReportingOverflow(below)
        let m = o1 || o2 || below >= bigM ? (bound + bigM - 1) / bigM : sum / bigM
        return Int(m) + pinnedMedium()
    }

    /// Medium of the pins.
    func pinnedMedium() -> Int {
        var m = 0
        for r in 0..<p.nR { m += Int(pinnedCount[r]) * Int(p.reqPriority[r]) }
        return m
    }

    /// The first reason the rows are not a valid plan, in a fixed order: rows (by key), weeks, requests.
    func findConflict(_ f: GeneralFlow, scope: GeneralScope) -> GeneralConflict? {
        let used = scope.used
        let keys = f.rows.keys.sorted()
        for key in keys {
            let cs = f.rows[key]!.sorted()
            let w = Int(key) / max(1, nD)
            let pins = pinsOn[Int(key)]
            guard cs.count + pins.count >= 2 else { continue }
            for i in 0..<cs.count {
                for j in (i + 1)..<max(i + 1, cs.count) {
                    let a = Int(candReq[Int(cs[i])])
                    let b = Int(candReq[Int(cs[j])])
                    if !compatible(
                        inst.requests[a], reqLoc[a], inst.requests[b], reqLoc[b], speedKmh: inst.speedKmh)
                    {
                        return .pair(cs[i], cs[j])
                    }
                }
            }
            if let m = inst.workers[w].maxMinutesPerDay {
                var total = 0
                for r in pins { total += inst.requests[Int(r)].lengthMinutes }
                for c in cs { total += inst.requests[Int(candReq[Int(c)])].lengthMinutes }
                if total > m { return .jobs(cs) }
            }
        }
        // Weeks: dates with jobs (unpinned days) against the dates left.
        var datesUsed: [Int: [Int32]] = [:]
        for key in keys where pinsOn[Int(key)].isEmpty {
            let w = Int(key) / max(1, nD)
            let d = Int(key) % max(1, nD)
            datesUsed[w * nK + Int(p.dayWeek[d]), default: []].append(key)
        }
        for wk in datesUsed.keys.sorted() {
            let rows = datesUsed[wk]!
            if Int32(rows.count) + (used?[wk] ?? 0) > datesLeft[wk] { return .rows(rows) }
        }
        var count = [Int32](repeating: 0, count: p.nR)
        for (_, cs) in f.rows { for c in cs { count[Int(candReq[Int(c)])] += 1 } }
        for r in 0..<p.nR where pinnedCount[r] == 0 {
            let n = count[r] + scope.fixed(r)
            if n > 0 && n < p.reqMin[r] { return .minimum(Int32(r)) }
        }
        return nil
    }

    /// Whether candidate c fits a row holding `cs` (and the row's pins): jobs a day, transfers, minutes.
    func fits(_ c: Int32, row key: Int, _ cs: [Int32]) -> Bool {
        let w = key / max(1, nD)
        if cs.count + pinsOn[key].count + 1 > inst.workers[w].maxJobsPerDay { return false }
        let r = Int(candReq[Int(c)])
        if cs.isEmpty && pinsOn[key].isEmpty {
            // An empty row: only the job's own length against the cap (the common case, without the worker's copy).
            guard let m = inst.workers[w].maxMinutesPerDay else { return true }
            return inst.requests[r].lengthMinutes <= m
        }
        let W = inst.workers[w]
        for x in cs {
            let q = Int(candReq[Int(x)])
            if !compatible(inst.requests[r], reqLoc[r], inst.requests[q], reqLoc[q], speedKmh: inst.speedKmh) {
                return false
            }
        }
        if let m = W.maxMinutesPerDay {
            var total = inst.requests[r].lengthMinutes
            for q in pinsOn[key] { total += inst.requests[Int(q)].lengthMinutes }
            for x in cs { total += inst.requests[Int(candReq[Int(x)])].lengthMinutes }
            if total > m { return false }
        }
        return true
    }

    /// A valid plan from a relaxation's rows: each row keeps its best jobs that fit together, each week its best
    /// dates, requests below their minimum are emptied; then free slots are filled greedily in value order.
    func repair(
        _ rows: [Int32: [Int32]], scope: GeneralScope, order: [Int32], value: (Int) -> Int64
    ) -> [Int32: [Int32]]? {
        let used = scope.used
        var out: [Int32: [Int32]] = [:]
        for key in rows.keys.sorted() {
            let cs = rows[key]!.sorted { (value(Int($0)), $1) > (value(Int($1)), $0) }
            var kept: [Int32] = []
            for c in cs where fits(c, row: Int(key), kept) { kept.append(c) }
            if !kept.isEmpty { out[key] = kept }
        }
        // Seats: a van over its seats keeps its best riders.
        var ridersOf: [Int: [(Int32, Int32)]] = [:]  // request → (row, candidate)
        for key in out.keys.sorted() {
            for c in out[key]! where p.candRide[Int(c)] != 0 {
                ridersOf[Int(candReq[Int(c)]), default: []].append((key, c))
            }
        }
        for r in ridersOf.keys.sorted() {
            let list = ridersOf[r]!
            let seats = Int(max(0, seatsLeft[r] - scope.riders(r)))
            guard list.count > seats else { continue }
            let ranked = list.sorted { (value(Int($0.1)), $1.1) > (value(Int($1.1)), $0.1) }
            for (key, c) in ranked.dropFirst(seats) {
                out[key] = out[key]!.filter { $0 != c }
                if out[key]!.isEmpty { out[key] = nil }
            }
        }
        // Weeks.
        var datesUsed: [Int: [Int32]] = [:]
        for key in out.keys.sorted() where pinsOn[Int(key)].isEmpty {
            let w = Int(key) / max(1, nD)
            let d = Int(key) % max(1, nD)
            datesUsed[w * nK + Int(p.dayWeek[d]), default: []].append(key)
        }
        for wk in datesUsed.keys.sorted() {
            let left = Int(datesLeft[wk] - (used?[wk] ?? 0))
            let keys = datesUsed[wk]!
            guard keys.count > max(0, left) else { continue }
            let ranked = keys.sorted { a, b in
                let va = out[a]!.reduce(Int64(0)) { $0 + value(Int($1)) }
                let vb = out[b]!.reduce(Int64(0)) { $0 + value(Int($1)) }
                return (va, b) > (vb, a)
            }
            for key in ranked.dropFirst(max(0, left)) { out[key] = nil }
        }
        var count = [Int32](repeating: 0, count: p.nR)
        var riders = [Int32](repeating: 0, count: p.nR)
        func recount() {
            for r in 0..<p.nR {
                count[r] = 0
                riders[r] = 0
            }
            for (_, cs) in out {
                for c in cs {
                    count[Int(candReq[Int(c)])] += 1
                    if p.candRide[Int(c)] != 0 { riders[Int(candReq[Int(c)])] += 1 }
                }
            }
        }
        recount()
        // Requests below their minimum are emptied, all in one pass over the rows (emptying one does not change
        // another's count).
        var below = [Bool](repeating: false, count: p.nR)
        var anyBelow = false
        for r in 0..<p.nR where pinnedCount[r] == 0 && count[r] + scope.fixed(r) > 0 {
            guard count[r] + scope.fixed(r) < p.reqMin[r] else { continue }
            if scope.fixed(r) > 0 { return nil }
            below[r] = true
            anyBelow = true
        }
        if anyBelow {
            for key in Array(out.keys) {
                let kept = out[key]!.filter { !below[Int(candReq[Int($0)])] }
                out[key] = kept.isEmpty ? nil : kept
            }
        }
        recount()
        // Greedy fill in value order, on rows held in an array by key (the dictionary is rebuilt at the end).
        var weekUsed = [Int32](repeating: 0, count: p.nW * max(1, nK))
        for key in out.keys where pinsOn[Int(key)].isEmpty {
            let w = Int(key) / max(1, nD)
            weekUsed[w * nK + Int(p.dayWeek[Int(key) % max(1, nD)])] += 1
        }
        var rowJobs = [[Int32]](repeating: [], count: p.nW * max(1, nD))
        for (key, cs) in out { rowJobs[Int(key)] = cs }
        for c in order {
            let r = Int(candReq[Int(c)])
            let held = count[r] + scope.fixed(r)
            guard held < p.reqCap[r], held > 0 || p.reqMin[r] <= 1 || pinnedCount[r] > 0 else { continue }
            if p.candRide[Int(c)] != 0 && riders[r] + scope.riders(r) >= seatsLeft[r] { continue }
            let w = Int(p.candWorker[Int(c)])
            let d = Int(p.reqDay[r])
            let key = w * nD + d
            guard fits(c, row: key, rowJobs[key]) else { continue }
            let wk = w * nK + Int(p.dayWeek[d])
            if rowJobs[key].isEmpty && pinsOn[key].isEmpty {
                guard weekUsed[wk] + (used?[wk] ?? 0) < datesLeft[wk] else { continue }
                weekUsed[wk] += 1
            }
            if rowJobs[key].isEmpty { out[Int32(key)] = [] }
            rowJobs[key].append(c)
            count[r] += 1
            if p.candRide[Int(c)] != 0 { riders[r] += 1 }
        }
        for key in Array(out.keys) { out[key] = rowJobs[Int(key)] }
        return out
    }

    /// The plan's rows: pins first (in the instance's order), then each request's workers.
    func assignments() -> [Pair] {
        var out = inst.pinned
        var byReq = [[Int32]](repeating: [], count: p.nR)
        for w in 0..<p.nW {
            for d in 0..<nD {
                for c in jobs[w * nD + d] { byReq[Int(candReq[Int(c)])].append(Int32(w)) }
            }
        }
        for r in 0..<p.nR {
            for w in byReq[r] { out.append(Pair(request: inst.requests[r].id, worker: inst.workers[Int(w)].id)) }
        }
        return out
    }

    /// A safety net: should a plan ever break a rule (it must not), unpinned assignments are dropped until it does
    /// not — the pair itself for rules 1-4, the request's for rules 6, 7 and 10, the worker's for rules 5 and 8.
    mutating func enforceValidity() {
        for _ in 0..<8 {
            let report = score(inst, assignments: assignments())
            guard report.score.hard < 0 else { return }
            var dropPair = Set<Pair>()
            var dropRequest = Set<Int32>()
            var dropWorker = Set<Int>()
            for v in report.violations {
                switch v.rule {
                case 1, 2, 3, 4: if let r = v.request, let w = v.worker { dropPair.insert(Pair(request: r, worker: w)) }
                case 6, 7, 10: if let r = v.request, let i = p.index.request[r] { dropRequest.insert(Int32(i)) }
                case 5, 8: if let w = v.worker, let i = p.index.worker[w] { dropWorker.insert(i) }
                default: break
                }
            }
            for key in jobs.indices where !jobs[key].isEmpty {
                let w = key / max(1, nD)
                jobs[key] = jobs[key].filter { c in
                    let r = Int(candReq[Int(c)])
                    return !dropWorker.contains(w) && !dropRequest.contains(Int32(r))
                        && !dropPair.contains(Pair(request: inst.requests[r].id, worker: inst.workers[w].id))
                }
            }
        }
    }

    func makePlan() -> Plan {
        let rows = assignments()
        let report = score(inst, assignments: rows)
        var stats = self.stats
        stats.timeLimitHit = budget.deadlineHit
        stats.work = budget.spent
        // Explanations see the first job of each worker-day (the requests a worker's day is taken by).
        var assign = [Int32](repeating: -1, count: p.nW * max(1, nD))
        var counts = [Int](repeating: 0, count: p.nR)
        for w in 0..<p.nW {
            for d in 0..<nD {
                let key = w * nD + d
                if let r = pinsOn[key].first ?? jobs[key].first.map({ candReq[Int($0)] }) { assign[key] = r }
                for r in pinsOn[key] { counts[Int(r)] += 1 }
                for c in jobs[key] { counts[Int(candReq[Int(c)])] += 1 }
            }
        }
        let unfilled = explainUnfilled(p, assign: assign, nD: nD, counts: counts)
        var plan = Plan(
            instance: inst.name, assignments: rows, unfilled: unfilled, warnings: report.warnings,
            score: report.score, stats: stats)
        plan.rides = report.rides
        plan.version2 = inst.usesVersion2
        return plan
    }
}

extension GeneralEngine {
    /// Above this many candidate pairs the general engine takes the large path (`runLarge`): its own first flow,
    /// successive shortest paths, would take minutes on a county week, and its branch and bound more.
    static let largePairs = 60_000
}

/// A neighbourhood: the seed request, its closest competitors (most shared candidates), and at most this many rows.
let lnsRequests = 4
let lnsRows = 24
/// Branch-and-bound nodes per neighbourhood.
let lnsNodes = 30

extension GeneralEngine {
    /// Large-neighbourhood search: for each request in turn (short ones first), the rows of the workers who could
    /// work it and its closest competitors are re-decided exactly by branch and bound with everything else fixed;
    /// an improvement is kept. Rounds repeat while one improves.
    mutating func neighbourhoods() {
        var count = [Int32](repeating: 0, count: p.nR)
        for key in jobs.indices { for c in jobs[key] { count[Int(candReq[Int(c)])] += 1 } }
        let seeds = (0..<p.nR).sorted { a, b in
            let sa = count[a] + pinnedCount[a] < Int32(clamping: inst.requests[a].headcount)
            let sb = count[b] + pinnedCount[b] < Int32(clamping: inst.requests[b].headcount)
            return (sa ? 0 : 1, a) < (sb ? 0 : 1, b)
        }
        var rounds = 0
        var improved = true
        // At least four rounds, each with other competitors per seed (a converged round is not the end: the next
        // round's neighbourhoods differ).
        while rounds < 8 && (improved || rounds < 4) {
            improved = false
            rounds += 1
            for r in seeds {
                if budget.left(.general) <= 0 || budget.outOfTime() { return }
                if neighbourhood(r, variant: rounds - 1) {
                    improved = true
                    stats.moves += 1
                }
            }
        }
    }

    /// Re-decides the neighbourhood of request `seed` exactly; keeps a strict improvement.
    ///
    /// - Parameter variant: 0 takes the seed's closest competitors; variant k keeps the two closest and takes two more
    ///   from further down the list (2k places on), so successive rounds try other mixes.
    mutating func neighbourhood(_ seed: Int, variant: Int = 0) -> Bool {
        let d = Int(p.reqDay[seed])
        // The requests of the day that share most candidate workers with the seed.
        var workersOf: [Int32: [Int32]] = [:]
        var seedWorkers = Set<Int32>()
        for c in Int(p.candStart[seed])..<Int(p.candStart[seed + 1]) where candOK[c] {
            seedWorkers.insert(p.candWorker[c])
        }
        guard !seedWorkers.isEmpty else { return false }
        var shared: [(Int, Int)] = []
        for r in 0..<p.nR where r != seed && Int(p.reqDay[r]) == d {
            var n = 0
            var ws: [Int32] = []
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where candOK[c] {
                ws.append(p.candWorker[c])
                if seedWorkers.contains(p.candWorker[c]) { n += 1 }
            }
            workersOf[Int32(r)] = ws
            if n > 0 { shared.append((n, r)) }
        }
        shared.sort { ($0.0, $1.1) > ($1.0, $0.1) }
        var rows = Set<Int32>()
        for w in seedWorkers.sorted() { rows.insert(w * Int32(nD) + Int32(d)) }
        var picked = Array(shared.prefix(variant == 0 ? lnsRequests : 2))
        if variant > 0 && shared.count > 2 {
            let rest = Array(shared.dropFirst(2))
            for i in 0..<min(lnsRequests - 2, rest.count) { picked.append(rest[(2 * variant + i) % rest.count]) }
        }
        for (_, r) in picked {
            for w in workersOf[Int32(r)]! where rows.count < lnsRows { rows.insert(w * Int32(nD) + Int32(d)) }
        }
        return resolveRows(rows, day: d, maxNodes: lnsNodes)
    }
}
