import Foundation

/// Several days: a small group of workers' whole schedules re-decided exactly over every plan day, with the counts per
/// request and the states of requests with a minimum free, the group's medium on each date kept (issue 14, s6link20
/// session). The day deals free the counts of one date; the link passes and the closing kicks change one request and
/// then deal dates one at a time. On `scarce-w300-r70-d3-s6` SCIP's best change of at most K workers' schedules from
/// main's plan (among the 32 workers of the +71 left) is +19 with six workers (K = 6 to 12; none with K = 5): runs of
/// j41 and j87 change hands over all three dates, seats of priority 2 and 3 trade between the six workers' rows.
///
/// The group's rows are taken out on every date; each worker then gets one row a date: idle, a single job or two
/// jobs that fit (`fits`), from its `groupMaxOptions` best rows a date by soft value (its current row always among
/// them). The group's value is the rows' candidate values (priority × M − cost, history continuity), each worker's
/// own links between consecutive dates, and the share bonus of the units its rows add to each request after the
/// other rows' units; the group's priority sum on each date stays as it is, so the soft part decides. Every request
/// keeps its cap and its van's seats and is empty or at its minimum; every worker keeps its weekly dates. A
/// depth-first search over the slots date by date (each date's workers in group order) bounds each node by the soft
/// value so far plus, for the rest of the date, the best rows whose priorities make up the date's sum (a small
/// dynamic programme over the sum, each row with a link for every job the worker could work the day before and the
/// share bonus of the first unit after the other rows'), and the same for every later date. It finds the best such
/// schedule set (exact over the options when it finishes within `maxNodes`); the result is kept when it beats the
/// group's current value, every date stays valid and the scorer ranks the plan higher. Deterministic (options sorted
/// by soft value, then candidates).
extension GeneralEngine {
    /// Rows a worker may take on a date in a group re-decision (its current row beside these).
    static let groupMaxOptions = 6

    /// How far a row's priority sum may move from the worker's current row there.
    static let groupMediumSpread = 1

    /// One row option of a slot: its candidates (sorted), their priority sum and their soft value without links and
    /// share (`baseValue` less priority × M).
    struct GroupRow {
        let cands: [Int32]
        let medium: Int
        let soft: Int64
    }

    /// The options of worker w on plan day d: its current row and, for each priority sum within `mediumSpread` of its
    /// current row's, its `maxOptions` best other rows of that sum (idle, one job or two that fit) by soft value;
    /// best first (ties by candidates); `checks` counts the `fits` calls. Returns nil when the worker's row there
    /// holds more than two jobs or a pin (the worker is then not re-decided).
    func groupRows(
        _ w: Int, _ d: Int, maxOptions: Int, mediumSpread: Int = groupMediumSpread, checks: inout Int
    ) -> [GroupRow]? {
        let key = w * nD + d
        guard pinsOn[key].isEmpty, jobs[key].count <= 2 else { return nil }
        let cands = rowCands[key]
        func row(_ cs: [Int32]) -> GroupRow {
            var medium: Int64 = 0
            var soft: Int64 = 0
            for c in cs {
                let pr = p.reqPriority[Int(candReq[Int(c)])]
                medium += pr
                soft += baseValue(Int(c)) - pr * bigM
            }
            return GroupRow(cands: cs, medium: Int(clamping: medium), soft: soft)
        }
        let current = jobs[key].sorted()
        var all: [GroupRow] = []
        all.append(row([]))
        for (i, c) in cands.enumerated() {
            checks += 1
            guard fits(c, row: key, []) else { continue }
            if [c] != current { all.append(row([c])) }
            guard inst.workers[w].maxJobsPerDay >= 2 else { continue }
            checks += cands.count - i - 1
            for c2 in cands[(i + 1)...] where fits(c2, row: key, [c]) && [c, c2] != current {
                all.append(row([c, c2]))
            }
        }
        if current.isEmpty { all.removeFirst() }
        func better(_ a: GroupRow, _ b: GroupRow) -> Bool {
            a.soft != b.soft ? a.soft > b.soft : a.cands.lexicographicallyPrecedes(b.cands)
        }
        all.sort(by: better)
        // At most `maxOptions` rows of each priority sum within `mediumSpread` of the current row's.
        let now = row(current)
        var taken: [Int: Int] = [:]
        var out = [now]
        for r in all where r.medium >= now.medium - mediumSpread && r.medium - now.medium <= mediumSpread {
            guard taken[r.medium, default: 0] < maxOptions else { continue }
            taken[r.medium, default: 0] += 1
            out.append(r)
        }
        out.sort(by: better)
        return out
    }

    /// The best schedules of `group` (see the extension comment) within `maxNodes` search nodes: the rows per
    /// (worker, plan day) when they beat the group's current value, else nil. `cache` holds options built before
    /// (`groupRows` with `maxOptions`, keyed `w × nD + d`); the others are built and added. `work` gets the `fits`
    /// calls and the options looked at in the search's nodes.
    func groupBest(
        _ group: [Int], maxOptions: Int, mediumSpread: Int, maxNodes: Int, cache: inout [Int: [GroupRow]],
        work: inout Int
    ) -> [[[Int32]]]? {
        let K = group.count
        guard K > 0 else { return nil }
        // Slot s = d × K + i: worker group[i] on plan day d.
        var options: [[GroupRow]] = []
        for d in 0..<nD {
            for w in group {
                if let rows = cache[w * nD + d] {
                    options.append(rows)
                    continue
                }
                guard let rows = groupRows(w, d, maxOptions: maxOptions, mediumSpread: mediumSpread, checks: &work)
                else { return nil }
                cache[w * nD + d] = rows
                options.append(rows)
            }
        }
        // The other rows' units and riders per request (pins count for the share bonus through `pinnedCount`).
        let inGroup = Set(group)
        var count = [Int32](repeating: 0, count: p.nR)
        var riders = [Int32](repeating: 0, count: p.nR)
        for w in 0..<p.nW where !inGroup.contains(w) {
            for d in 0..<nD {
                for c in jobs[w * nD + d] {
                    let r = Int(candReq[Int(c)])
                    count[r] += 1
                    if p.candRide[Int(c)] != 0 { riders[r] += 1 }
                }
            }
        }
        let baseCount = count
        let share = Int64(inst.weights.share)
        let cont = p.continuity
        func unitBonus(_ r: Int, _ n: Int32) -> Int64 {
            guard share > 0 else { return 0 }
            return share * Int64(shareUnits(k: Int(pinnedCount[r] + n) + 1, headcount: inst.requests[r].headcount))
        }
        // The group's current rows and priority sum per date.
        var chosen = [Int](repeating: 0, count: options.count)
        var target = [Int](repeating: 0, count: nD)
        for d in 0..<nD {
            for (i, w) in group.enumerated() {
                let s = d * K + i
                let cur = jobs[w * nD + d].sorted()
                guard let at = options[s].firstIndex(where: { $0.cands == cur }) else { return nil }
                chosen[s] = at
                target[d] += options[s][at].medium
            }
        }
        let mediumRange = target.max() ?? 0
        guard mediumRange <= 4096 else { return nil }
        // Each option's optimistic soft value: a link for every job the worker could work the day before, and the
        // share bonus of the first unit after the other rows' (the group's units come after those; it falls with k).
        var optimistic: [[Int64]] = []
        for (s, rows) in options.enumerated() {
            let d = s / K
            var before = Set<Int32>()
            if p.follows[d] {
                for row in options[s - K] { for c in row.cands { before.insert(p.reqJob[Int(candReq[Int(c)])]) } }
            }
            optimistic.append(
                rows.map { row in
                    var v = row.soft
                    for c in row.cands {
                        let r = Int(candReq[Int(c)])
                        v += unitBonus(r, baseCount[r])
                        if p.candHistory[Int(c)] == 0 && before.contains(p.reqJob[r]) { v += cont }
                    }
                    return v
                })
        }
        // best[s][m]: the best optimistic sum of slots s..<end of s's date whose priorities sum to m (nil: none).
        let none = Int64.min
        var best = [[Int64]](repeating: [], count: options.count + 1)
        var dateRest = [Int64](repeating: 0, count: nD + 1)
        for d in stride(from: nD - 1, through: 0, by: -1) {
            var next = [Int64](repeating: none, count: mediumRange + 1)
            next[0] = 0
            best[(d + 1) * K] = next
            for s in stride(from: (d + 1) * K - 1, through: d * K, by: -1) {
                var cur = [Int64](repeating: none, count: mediumRange + 1)
                for (o, row) in options[s].enumerated() where row.medium <= mediumRange {
                    for m in row.medium...mediumRange where next[m - row.medium] != none {
                        cur[m] = max(cur[m], next[m - row.medium] + optimistic[s][o])
                    }
                }
                best[s] = cur
                next = cur
            }
            guard best[d * K][target[d]] != none else { return nil }
            dateRest[d] = dateRest[d + 1] + best[d * K][target[d]]
        }
        // The link value of a slot's row given the worker's row the day before (decided earlier).
        func links(_ s: Int, _ row: GroupRow) -> Int64 {
            guard cont > 0, p.follows[s / K] else { return 0 }
            let before = options[s - K][chosen[s - K]].cands
            var v: Int64 = 0
            for c in row.cands where p.candHistory[Int(c)] == 0 {
                let job = p.reqJob[Int(candReq[Int(c)])]
                if before.contains(where: { p.reqJob[Int(candReq[Int($0)])] == job }) { v += cont }
            }
            return v
        }
        // The incumbent: the current rows valued the same way.
        var currentValue: Int64 = 0
        do {
            var n = baseCount
            for s in 0..<options.count {
                let row = options[s][chosen[s]]
                currentValue += row.soft + links(s, row)
                for c in row.cands {
                    let r = Int(candReq[Int(c)])
                    currentValue += unitBonus(r, n[r])
                    n[r] += 1
                }
            }
        }
        var used = [Int32](repeating: 0, count: K * max(1, nK))
        var bestValue = currentValue
        var bestPick: [Int]?
        var visited = 0
        // Per date, the requests with a minimum whose count the group's options can change.
        var minimums = [[Int]](repeating: [], count: nD)
        for (s, rows) in options.enumerated() {
            for row in rows {
                for c in row.cands {
                    let r = Int(candReq[Int(c)])
                    if pinnedCount[r] == 0 && p.reqMin[r] > 1 && !minimums[s / K].contains(r) {
                        minimums[s / K].append(r)
                    }
                }
            }
        }
        func minimumsHold(_ d: Int) -> Bool {
            for r in minimums[d] where count[r] > 0 && count[r] < p.reqMin[r] { return false }
            return true
        }
        func dfs(_ s: Int, _ acc: Int64, _ med: Int) {
            if visited >= maxNodes { return }
            visited += 1
            if s < options.count { work += options[s].count }
            if s % K == 0 && s > 0 {
                // A date is decided: its counts are final.
                guard minimumsHold(s / K - 1) else { return }
            }
            if s == options.count {
                if acc > bestValue {
                    bestValue = acc
                    bestPick = chosen
                }
                return
            }
            let d = s / K
            let i = s % K
            let w = group[i]
            let k = Int(p.dayWeek[d])
            for (o, row) in options[s].enumerated() {
                let m = target[d] - med - row.medium
                guard m >= 0, best[s + 1][m] != none else { continue }
                if !row.cands.isEmpty && used[i * max(1, nK) + k] >= datesLeft[w * nK + k] { continue }
                var ok = true
                for c in row.cands {
                    let r = Int(candReq[Int(c)])
                    if count[r] + 1 > p.reqCap[r] || (p.candRide[Int(c)] != 0 && riders[r] + 1 > seatsLeft[r]) {
                        ok = false
                    }
                }
                guard ok else { continue }
                chosen[s] = o
                var v = acc + row.soft + links(s, row)
                for c in row.cands {
                    let r = Int(candReq[Int(c)])
                    v += unitBonus(r, count[r])
                    count[r] += 1
                    if p.candRide[Int(c)] != 0 { riders[r] += 1 }
                }
                if v + best[s + 1][m] + dateRest[d + 1] > bestValue {
                    if !row.cands.isEmpty { used[i * max(1, nK) + k] += 1 }
                    dfs(s + 1, v, (s + 1) % K == 0 ? 0 : med + row.medium)
                    if !row.cands.isEmpty { used[i * max(1, nK) + k] -= 1 }
                }
                for c in row.cands {
                    let r = Int(candReq[Int(c)])
                    count[r] -= 1
                    if p.candRide[Int(c)] != 0 { riders[r] -= 1 }
                }
            }
        }
        dfs(0, 0, 0)
        guard let pick = bestPick else { return nil }
        var out = [[[Int32]]](repeating: [[Int32]](repeating: [], count: nD), count: K)
        for d in 0..<nD { for i in 0..<K { out[i][d] = options[d * K + i][pick[d * K + i]].cands } }
        return out
    }

    /// Re-decides `group` (see the extension comment); keeps the result when every date stays valid and the scorer
    /// ranks the plan higher. `cache` as in `groupBest` (emptied when the plan changes). Charges its work (`fits`
    /// calls, the options looked at in the search's nodes, the rows valued). Returns whether it improved.
    mutating func groupRedecide(
        _ group: [Int], maxOptions: Int = groupMaxOptions, mediumSpread: Int = groupMediumSpread, maxNodes: Int,
        cache: inout [Int: [GroupRow]]
    ) -> Bool {
        var work = p.nW * nD
        defer { budget.charge(.general, work) }
        guard
            let rows = groupBest(
                group, maxOptions: maxOptions, mediumSpread: mediumSpread, maxNodes: maxNodes, cache: &cache,
                work: &work)
        else { return false }
        let before = score(inst, assignments: assignments()).score
        let saved = jobs
        for (i, w) in group.enumerated() { for d in 0..<nD { jobs[w * nD + d] = rows[i][d] } }
        if (0..<nD).allSatisfy({ dayValid($0) }) && score(inst, assignments: assignments()).score > before {
            cache.removeAll()
            return true
        }
        jobs = saved
        return false
    }

    /// The group grown from `seed` to at most `size` workers: each step adds the holder (no pins, not in the group)
    /// of a full request's seat that one of a group worker's options (`groupRows`) takes, the one with the best
    /// estimate: the row's soft value above the worker's current row there less what the holder loses by its best
    /// option without that request; ties by worker index. Stops when no such holder is left. `rows` caches each (worker, date)'s
    /// options (`groupRows`); `work` counts the options built.
    func groupGrown(
        from seed: Int, size: Int, _ pinned: [Bool], rows cache: inout [Int: [GroupRow]], work: inout Int
    ) -> [Int] {
        var group = [seed]
        var inGroup = Set(group)
        var count = [Int32](repeating: 0, count: p.nR)
        var holders = [[Int32]](repeating: [], count: p.nR)
        for key in 0..<jobs.count {
            for c in jobs[key] {
                let r = Int(candReq[Int(c)])
                count[r] += 1
                holders[r].append(Int32(key / max(1, nD)))
            }
        }
        func rows(_ w: Int, _ d: Int) -> [GroupRow]? {
            if let r = cache[w * nD + d] { return r }
            guard let r = groupRows(w, d, maxOptions: GeneralEngine.groupMaxOptions, checks: &work) else { return nil }
            cache[w * nD + d] = r
            return r
        }
        func v(_ c: Int32) -> Int64 { baseValue(Int(c)) - p.reqPriority[Int(candReq[Int(c)])] * bigM }
        func rowValue(_ cs: [Int32]) -> Int64 { cs.reduce(0) { $0 + v($1) } }
        func currentValue(_ w: Int, _ d: Int) -> Int64 { rowValue(jobs[w * nD + d]) }
        var gain: [Int: Int64] = [:]
        var grown = 0
        while group.count < size {
            // The new members' wanted seats (the earlier members' were counted before).
            for g in group[grown...] {
                for d in 0..<nD {
                    guard let options = rows(g, d) else { continue }
                    let cur = currentValue(g, d)
                    for row in options {
                        for c in row.cands where !jobs[g * nD + d].contains(c) {
                            let r = Int(candReq[Int(c)])
                            guard count[r] >= p.reqCap[r] else { continue }
                            for h in holders[r] where !inGroup.contains(Int(h)) && !pinned[Int(h)] {
                                let hw = Int(h)
                                guard let other = rows(hw, d) else { continue }
                                guard
                                    let without = other.filter({ o in
                                        !o.cands.contains { Int(candReq[Int($0)]) == r }
                                    }).map({ rowValue($0.cands) }).max()
                                else { continue }
                                let est = rowValue(row.cands) - cur - max(0, currentValue(hw, d) - without)
                                gain[hw] = max(gain[hw, default: Int64.min], est)
                            }
                        }
                    }
                }
            }
            grown = group.count
            guard let next = gain.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { break }
            gain[next.key] = nil
            group.append(next.key)
            inGroup.insert(next.key)
        }
        return group
    }

    /// Several days: every worker without pins (in index order) seeds a group of `groupSize` (`groupGrown`),
    /// re-decided exactly over its options (`groupRedecide`), in passes while one improves (at most `maxPasses`),
    /// within `maxWork` work units. Returns whether the plan improved.
    @discardableResult
    mutating func groupRedecides(maxWork: Int, groupSize: Int = 6, maxNodes: Int = 20000, maxPasses: Int = 2) -> Bool {
        guard nD >= 2 else { return false }
        let pinned = pinnedWorkers()
        let seeds = (0..<p.nW).filter { !pinned[$0] }
        var cache: [Int: [GroupRow]] = [:]
        return improvingPasses(
            maxWork: maxWork, maxPasses: maxPasses, ignoreLeft: true, items: { _ in seeds },
            step: { engine, w in
                var work = 0
                let group = engine.groupGrown(from: w, size: groupSize, pinned, rows: &cache, work: &work)
                engine.budget.charge(.general, work)
                guard group.count >= 2 else { return false }
                return engine.groupRedecide(group, maxNodes: maxNodes, cache: &cache)
            })
    }
}
