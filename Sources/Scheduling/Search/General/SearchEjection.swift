import Foundation

/// One worker's whole schedule over the plan days in an ejection re-solve: a candidate (or none) per day.
struct WorkerSchedule {
    /// The candidate of each plan day, −1 for none.
    var cands: [Int32]
    /// Exact value of the worker's own part: priority × M − cost + continuity (history, or the same job the day
    /// before within the schedule).
    var own: Int64
    /// `own` plus the share bonus each job would get as the next unit of its request: an upper bound on what the
    /// schedule adds, the bonus falling with each unit.
    var optimistic: Int64
}

extension GeneralEngine {
    /// Re-decides every plan day of the workers `ws` together, exactly, with every other worker fixed: each of
    /// their rows takes one job at most, and what links their days — continuity, weekly caps — is exact, as are
    /// the requests' headcounts, minimums, seats and share bonus.
    ///
    /// Each worker's schedules (a candidate or none per day, within the weekly caps) are listed with their own
    /// value, only those that could beat the plan with every other worker at its best (`ScheduleTable` cuts them
    /// day by day); a depth-first search picks one per worker, bounded by the best schedule of each worker still to
    /// decide (with its jobs' next share units). This is the move day re-solves and two-worker exchanges cannot
    /// make: an ejection chain, where one worker takes another's continuity chain, that one a third's, and so on
    /// over several days.
    ///
    /// Workers with pins or with a row of two jobs or more are left out.
    ///
    /// - Parameters:
    ///   - maxSchedules: schedules listed per worker at most (beyond, the list is cut: the search is then not exact).
    ///   - maxNodes: search nodes at most (charged to the budget); the search stops there with what it found.
    /// - Returns: whether the plan improved.
    mutating func resolveWorkers(_ ws: [Int], maxSchedules: Int = 4096, maxNodes: Int = 20_000) -> Bool {
        let pinned = pinnedWorkers()
        var workers: [Int] = []
        var seen = Set<Int>()
        for w in ws where !pinned[w] && !seen.contains(w) {
            guard (0..<nD).allSatisfy({ jobs[w * nD + $0].count <= 1 }) else { continue }
            seen.insert(w)
            workers.append(w)
        }
        guard workers.count >= 2 else { return false }
        // Workers and riders per request held outside the set (pins not counted: caps and seats are beyond them).
        var held = [Int32](repeating: 0, count: p.nR)
        var heldRiders = [Int32](repeating: 0, count: p.nR)
        for key in jobs.indices where !seen.contains(key / nD) {
            for c in jobs[key] {
                held[Int(candReq[Int(c)])] += 1
                if p.candRide[Int(c)] != 0 { heldRiders[Int(candReq[Int(c)])] += 1 }
            }
        }
        let share = Int64(inst.weights.share)
        /// The share bonus of the unit that brings request r to `n` workers beyond the pins.
        func unit(_ r: Int, _ n: Int32) -> Int64 {
            share == 0
                ? 0 : share * Int64(shareUnits(k: Int(pinnedCount[r] + n), headcount: inst.requests[r].headcount))
        }
        let now = workers.map { w in (0..<nD).map { jobs[w * nD + $0].first ?? -1 } }
        let tables = workers.map {
            ScheduleTable(engine: self, worker: $0, held: held, heldRiders: heldRiders, unit: unit)
        }
        let currentSchedules = workers.indices.map { schedule(of: workers[$0], now[$0], held: held, unit: unit) }
        var added = [Int32](repeating: 0, count: p.nR)
        var addedRiders = [Int32](repeating: 0, count: p.nR)
        /// Places schedule s (or takes it back); the value it adds, or nil when a headcount or van is full.
        func place(_ s: WorkerSchedule) -> Int64? {
            var v = s.own
            var done = 0
            for c in s.cands where c >= 0 {
                let r = Int(candReq[Int(c)])
                let ride = p.candRide[Int(c)] != 0
                if held[r] + added[r] >= p.reqCap[r] || (ride && heldRiders[r] + addedRiders[r] >= seatsLeft[r]) {
                    unplace(s, count: done)
                    return nil
                }
                added[r] += 1
                if ride { addedRiders[r] += 1 }
                v += unit(r, held[r] + added[r])
                done += 1
            }
            return v
        }
        func unplace(_ s: WorkerSchedule, count: Int = Int.max) {
            var done = 0
            for c in s.cands where c >= 0 && done < count {
                let r = Int(candReq[Int(c)])
                added[r] -= 1
                if p.candRide[Int(c)] != 0 { addedRiders[r] -= 1 }
                done += 1
            }
        }
        // The current plan's value over the set: the incumbent.
        var bestValue: Int64 = 0
        for s in currentSchedules {
            guard let v = place(s) else { return false }
            bestValue += v
        }
        for s in currentSchedules { unplace(s) }
        let startValue = bestValue
        // A schedule can be part of a better plan only if, with every other worker at its best, it beats the
        // incumbent: only those are listed (and the current one).
        let total = tables.reduce(Int64(0)) { $0 + $1.best }
        var lists: [[WorkerSchedule]] = []
        var listed = 0
        for i in workers.indices {
            var l = schedules(
                of: workers[i], tables[i], above: startValue - (total - tables[i].best), held: held, unit: unit,
                limit: maxSchedules)
            if !l.contains(where: { $0.cands == now[i] }) { l.append(currentSchedules[i]) }
            listed += l.count
            lists.append(
                l.enumerated().sorted { a, b in (a.element.optimistic, b.offset) > (b.element.optimistic, a.offset) }
                    .map { $0.element })
        }
        var current = [Int](repeating: 0, count: workers.count)
        for i in lists.indices { current[i] = lists[i].firstIndex { $0.cands == now[i] }! }
        // Workers with the fewest schedules first (the search branches least near the root).
        let order = workers.indices.sorted { (lists[$0].count, $0) < (lists[$1].count, $1) }
        var suffix = [Int64](repeating: 0, count: workers.count + 1)
        for i in stride(from: workers.count - 1, through: 0, by: -1) {
            // A list cut at its limit may miss its best schedule: the table's bound then.
            let l = lists[order[i]]
            suffix[i] = suffix[i + 1] + (l.count < maxSchedules ? (l.first?.optimistic ?? 0) : tables[order[i]].best)
        }
        var touched = Set<Int>()
        for l in lists { for s in l { for c in s.cands where c >= 0 { touched.insert(Int(candReq[Int(c)])) } } }
        let touchedList = touched.sorted()
        func minimumsHold() -> Bool {
            for r in touchedList where pinnedCount[r] == 0 {
                let n = held[r] + added[r]
                if n > 0 && n < p.reqMin[r] { return false }
            }
            return true
        }
        var chosen = [Int](repeating: 0, count: workers.count)
        var best = current
        var nodes = 0
        func dfs(_ depth: Int, _ acc: Int64) {
            if depth == workers.count {
                if acc > bestValue && minimumsHold() {
                    bestValue = acc
                    best = chosen
                }
                return
            }
            let i = order[depth]
            for (k, s) in lists[i].enumerated() {
                guard nodes < maxNodes else { return }
                if acc + s.optimistic + suffix[depth + 1] <= bestValue { return }
                nodes += 1
                guard let v = place(s) else { continue }
                chosen[i] = k
                dfs(depth + 1, acc + v)
                unplace(s)
            }
        }
        dfs(0, 0)
        budget.charge(.general, 4 * nodes + 4 * listed)
        guard bestValue > startValue else { return false }
        for (i, w) in workers.enumerated() {
            let s = lists[i][best[i]]
            for d in 0..<nD { jobs[w * nD + d] = s.cands[d] >= 0 ? [s.cands[d]] : [] }
        }
        return true
    }

    /// The schedule of worker w with candidates `cands` (−1: none), valued.
    fileprivate func schedule(of w: Int, _ cands: [Int32], held: [Int32], unit: (Int, Int32) -> Int64) -> WorkerSchedule
    {
        var own: Int64 = 0
        var optimistic: Int64 = 0
        for e in 0..<nD where cands[e] >= 0 {
            let c = Int(cands[e])
            let r = Int(candReq[c])
            own += p.reqPriority[r] * bigM - p.candCost[c]
            if p.continuity > 0 {
                if p.candHistory[c] != 0 {
                    own += p.continuity
                } else if e > 0 && cands[e - 1] >= 0 && p.follows[e]
                    && p.reqJob[Int(candReq[Int(cands[e - 1])])] == p.reqJob[r]
                {
                    own += p.continuity
                }
            }
            optimistic += unit(r, held[r] + 1)
        }
        return WorkerSchedule(cands: cands, own: own, optimistic: own + optimistic)
    }

    /// The schedules of worker w whose optimistic value is above `floor` (within the weekly caps), found by a
    /// depth-first search over the days cut by the table's best completions; at most `limit`.
    fileprivate func schedules(
        of w: Int, _ t: ScheduleTable, above floor: Int64, held: [Int32], unit: (Int, Int32) -> Int64, limit: Int
    ) -> [WorkerSchedule] {
        var out: [WorkerSchedule] = []
        var cands = [Int32](repeating: -1, count: nD)
        var dates = [Int32](repeating: 0, count: max(1, nK))
        func visit(_ d: Int, _ prev: Int, _ value: Int64) {
            guard out.count < limit else { return }
            if d == nD {
                out.append(schedule(of: w, cands, held: held, unit: unit))
                return
            }
            let k = Int(p.dayWeek[d])
            for (j, c) in t.options[d].enumerated() {
                if value + t.gain(d, prev, j) + t.rest[d + 1][j] <= floor { continue }
                if c >= 0 {
                    guard dates[k] < datesLeft[w * nK + k] else { continue }
                    dates[k] += 1
                }
                cands[d] = c
                visit(d + 1, j, value + t.gain(d, prev, j))
                if c >= 0 { dates[k] -= 1 }
            }
            cands[d] = -1
        }
        visit(0, 0, 0)
        return out
    }
}

/// One worker's options per day in an ejection re-solve (none first, then the candidates on requests and vans the
/// other workers leave room in), and the best completion from each day given the day before's option: the exact
/// best schedule but for weekly caps (an upper bound, then).
private struct ScheduleTable {
    /// Options per day: −1 (none), then candidates.
    var options: [[Int32]]
    /// Optimistic value of option j on day d, the continuity from the day before left out.
    var value: [[Int64]]
    /// Whether option j on day d continues option i of the day before (same job, consecutive dates, no history).
    var links: [[[Bool]]]
    /// `rest[d][i]`: the best optimistic value of days d... given option i on day d − 1 (`rest[nD]` is 0).
    var rest: [[Int64]]
    let continuity: Int64

    init(engine e: GeneralEngine, worker w: Int, held: [Int32], heldRiders: [Int32], unit: (Int, Int32) -> Int64) {
        let p = e.p
        let nD = e.nD
        continuity = p.continuity
        options = []
        value = []
        for d in 0..<nD {
            var o: [Int32] = [-1]
            var v: [Int64] = [0]
            for c in e.rowCands[w * nD + d] {
                let r = Int(e.candReq[Int(c)])
                if held[r] >= p.reqCap[r] || (p.candRide[Int(c)] != 0 && heldRiders[r] >= e.seatsLeft[r]) { continue }
                o.append(c)
                v.append(
                    p.reqPriority[r] * e.bigM - p.candCost[Int(c)] + (p.candHistory[Int(c)] != 0 ? p.continuity : 0)
                        + unit(r, held[r] + 1))
            }
            options.append(o)
            value.append(v)
        }
        links = []
        for d in 0..<nD {
            let prev = d == 0 ? [Int32(-1)] : options[d - 1]
            let consecutive = p.follows[d]
            links.append(
                options[d].map { c in
                    prev.map { q in
                        consecutive && c >= 0 && q >= 0 && p.continuity > 0 && p.candHistory[Int(c)] == 0
                            && p.reqJob[Int(e.candReq[Int(c)])] == p.reqJob[Int(e.candReq[Int(q)])]
                    }
                })
        }
        rest = [[Int64]](repeating: [], count: nD + 1)
        rest[nD] = [Int64](repeating: 0, count: options[nD - 1].count)
        for d in stride(from: nD - 1, through: 0, by: -1) {
            let prevCount = d == 0 ? 1 : options[d - 1].count
            var r = [Int64](repeating: Int64.min, count: prevCount)
            for i in 0..<prevCount {
                for j in options[d].indices {
                    r[i] = max(r[i], value[d][j] + (links[d][j][i] ? continuity : 0) + rest[d + 1][j])
                }
            }
            rest[d] = r
        }
    }

    /// The best optimistic value of a schedule (weekly caps aside).
    var best: Int64 { rest[0][0] }

    /// The value option j adds on day d after option i of the day before.
    @inline(__always) func gain(_ d: Int, _ i: Int, _ j: Int) -> Int64 {
        value[d][j] + (links[d][j][i] ? continuity : 0)
    }
}

/// Workers per ejection neighbourhood.
let ejectionWorkers = 5

extension GeneralEngine {
    /// Several days: for each worker in turn, the workers most linked to it (each could work the other's jobs of
    /// the plan, on any day) are grown into a set of `ejectionWorkers`, and the set is re-decided over all days
    /// exactly (`resolveWorkers`); improvements are kept, rounds repeat while one improves (at most four).
    ///
    /// - Returns: whether the plan improved.
    mutating func ejectionChains() -> Bool {
        guard nD >= 2 else { return false }
        var candOf = Set<Int>()
        for c in 0..<p.candidateCount where candOK[c] { candOf.insert(Int(candReq[c]) * p.nW + Int(p.candWorker[c])) }
        let pinned = pinnedWorkers()
        let workers = (0..<p.nW).filter { w in !pinned[w] && (0..<nD).contains { !rowCands[w * nD + $0].isEmpty } }
        var improvedAny = false
        for _ in 0..<4 {
            var improved = false
            for seed in workers {
                if budget.left(.general) <= 0 || budget.outOfTime() { return improvedAny }
                let set = ejectionSet(seed, among: workers, candOf)
                if resolveWorkers(set) {
                    improved = true
                    improvedAny = true
                    stats.moves += 1
                }
            }
            if !improved { break }
        }
        return improvedAny
    }

    /// The seed and the workers most linked to it, grown greedily: each step adds the worker with the most links to
    /// the set (a day on which it could work a set member's job of the plan, or a member its job), ties by index.
    mutating func ejectionSet(_ seed: Int, among workers: [Int], _ candOf: Set<Int>) -> [Int] {
        /// Links between v and s: days on which either could work the other's job.
        func links(_ v: Int, _ s: Int) -> Int {
            var n = 0
            for d in 0..<nD {
                if let c = jobs[s * nD + d].first, candOf.contains(Int(candReq[Int(c)]) * p.nW + v) { n += 1 }
                if let c = jobs[v * nD + d].first, candOf.contains(Int(candReq[Int(c)]) * p.nW + s) { n += 1 }
            }
            return n
        }
        var set = [seed]
        var score = [Int](repeating: 0, count: p.nW)
        var inSet = [Bool](repeating: false, count: p.nW)
        inSet[seed] = true
        var last = seed
        budget.charge(.general, workers.count * ejectionWorkers)
        while set.count < ejectionWorkers {
            var pick = -1
            for v in workers where !inSet[v] {
                score[v] += links(v, last)
                if score[v] > 0 && (pick < 0 || score[v] > score[pick]) { pick = v }
            }
            guard pick >= 0 else { break }
            set.append(pick)
            inSet[pick] = true
            last = pick
        }
        return set
    }
}
