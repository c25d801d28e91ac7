import Foundation

/// Ruin and recreate over whole workers: every non-pinned assignment of k related workers (k = 2-5) on every plan
/// day is removed, and the k schedules are rebuilt by an exact depth-first search.
///
/// A worker's soft terms (pair costs, continuity with its own previous day or `history`) depend only on its own
/// schedule, so each removed worker's possible schedules (one candidate request or nothing per day, within its ISO-week
/// caps, only requests with room left after the removal) are enumerated with their values (`priority × M − cost +
/// continuity`) and sorted best first. The search then picks one schedule per worker, keeping request headcounts
/// (rule 6) as it goes and checking minimum headcounts (rule 7) at the leaves; the bound is the sum of the remaining
/// workers' best schedules, and the incumbent is the removed plan itself, so a change is applied only when it is
/// strictly better (`medium` never drops, since M outweighs every soft difference). Each sub-solve is capped in
/// nodes; a capped search keeps the best complete assignment it found (never worse than the start).
extension LocalSearch {
    /// One worker's possible schedules: `value[i]`, and the candidate per plan day `cand[i * nD + d]` (-1: nothing,
    /// -2: the pinned assignment of that day).
    struct Schedules {
        var value: [Int64] = []
        var cand: [Int32] = []
    }

    /// The schedules of worker w in the current state (w's own assignments removed), best first; nil when more than
    /// `limit` exist.
    func schedules(of w: Int, room: [Int32], limit: Int) -> Schedules? {
        // Options per day.
        var options = [[Int32]](repeating: [], count: nD)
        var total = 1
        for d in 0..<p.days.count {
            let s = w * nD + d
            if p.pinnedOn[s] >= 0 {
                options[d] = [-2]
                continue
            }
            var o: [Int32] = [-1]
            for i in Int(slotStart[s])..<Int(slotStart[s + 1]) {
                let c = slotCand[i]
                if room[Int(candReq[Int(c)])] > 0 { o.append(c) }
            }
            options[d] = o
            total *= o.count
            if total > limit { return nil }
        }
        var out = Schedules()
        out.value.reserveCapacity(total)
        out.cand.reserveCapacity(total * nD)
        var pick = [Int32](repeating: -1, count: nD)
        var used = [Int32](repeating: 0, count: nK)
        let days = p.days.count
        func visit(_ d: Int) {
            if d == days {
                out.value.append(value(of: w, pick))
                out.cand.append(contentsOf: pick)
                return
            }
            let k = Int(p.dayWeek[d])
            for c in options[d] {
                if c >= 0 {
                    if used[k] >= p.capLeft[w * nK + k] { continue }
                    used[k] += 1
                }
                pick[d] = c
                visit(d + 1)
                if c >= 0 { used[k] -= 1 }
            }
        }
        visit(0)
        // Best first; ties in enumeration order.
        let order = (0..<out.value.count).sorted { (out.value[$0], -$0) > (out.value[$1], -$1) }
        var sorted = Schedules()
        sorted.value = order.map { out.value[$0] }
        sorted.cand.reserveCapacity(out.cand.count)
        for i in order { sorted.cand.append(contentsOf: out.cand[(i * nD)..<(i * nD + nD)]) }
        return sorted
    }

    /// The value of a schedule of worker w (`pick` as in `Schedules.cand`): Σ priority × M − pair cost, plus
    /// continuity for every day that continues the previous day's job (plan) or `history`.
    func value(of w: Int, _ pick: [Int32]) -> Int64 {
        var v: Int64 = 0
        var prevJob: Int32 = -1
        for d in 0..<p.days.count {
            let s = w * nD + d
            let c = pick[d]
            var job: Int32 = -1
            var linked = false
            if c >= 0 {
                let r = Int(candReq[Int(c)])
                v += p.reqPriority[r] * p.bigM - p.candCost[Int(c)]
                job = p.reqJob[r]
                linked = p.candHistory[Int(c)] != 0
            } else if c == -2 {
                job = p.reqJob[Int(p.pinnedOn[s])]
                linked = pinHist[s] != 0
            }
            if job >= 0 {
                if !linked && d > 0 && consecutive[d] && prevJob == job { linked = true }
                if linked { v += p.continuity }
            }
            prevJob = job
        }
        return v
    }

    /// The current schedule of worker w, as in `Schedules.cand`.
    func currentPick(of w: Int) -> [Int32] {
        (0..<p.days.count).map { d in p.pinnedOn[w * nD + d] >= 0 ? -2 : (assign[w * nD + d] >= 0 ? cand[w * nD + d] : -1) }
    }

    /// Ruins and recreates the workers `group` exactly (see the type comment). Returns true when the plan improved.
    /// `nodes` is increased by the search nodes visited.
    mutating func recreate(_ group: [Int], nodeLimit: Int, nodes: inout Int) -> Bool {
        let k = group.count
        guard k > 0 else { return false }
        var original: [[Int32]] = []
        var originalValue: Int64 = 0
        for w in group {
            let pick = currentPick(of: w)
            original.append(pick)
            originalValue += value(of: w, pick)
        }
        // Remove, then room per request.
        var room = [Int32](repeating: 0, count: p.nR)
        var removedCount = count
        for (i, w) in group.enumerated() {
            for d in 0..<p.days.count where original[i][d] >= 0 { removedCount[Int(candReq[Int(original[i][d])])] -= 1 }
        }
        var touched: [Int32] = []
        for w in group {
            for d in 0..<p.days.count where p.pinnedOn[w * nD + d] < 0 {
                let s = w * nD + d
                for j in Int(slotStart[s])..<Int(slotStart[s + 1]) { touched.append(candReq[Int(slotCand[j])]) }
            }
        }
        for r in touched { room[Int(r)] = p.reqCap[Int(r)] - removedCount[Int(r)] }
        var lists: [Schedules] = []
        for w in group {
            guard let s = schedules(of: w, room: room, limit: 4096), !s.value.isEmpty else { return false }
            lists.append(s)
        }
        // Bound: best remaining schedules.
        var rest = [Int64](repeating: 0, count: k + 1)
        for i in stride(from: k - 1, through: 0, by: -1) { rest[i] = rest[i + 1] + lists[i].value[0] }
        guard rest[0] > originalValue else { return false }
        var used = [Int32](repeating: 0, count: p.nR)
        var choice = [Int](repeating: 0, count: k)
        var best: [Int]? = nil
        var bestValue = originalValue
        var visited = 0
        var touchedUnique: [Int32] = []
        var seen = [Bool](repeating: false, count: p.nR)
        for r in touched where !seen[Int(r)] {
            seen[Int(r)] = true
            touchedUnique.append(r)
        }
        for i in 0..<k {
            for d in 0..<p.days.count where original[i][d] >= 0 {
                let r = candReq[Int(original[i][d])]
                if !seen[Int(r)] {
                    seen[Int(r)] = true
                    touchedUnique.append(r)
                }
            }
        }
        let nDays = p.days.count
        func dfs(_ i: Int, _ acc: Int64) {
            if visited >= nodeLimit { return }
            if i == k {
                for r in touchedUnique {
                    let n = removedCount[Int(r)] + used[Int(r)]
                    if n > 0 && n < p.reqMin[Int(r)] { return }
                }
                bestValue = acc
                best = choice
                return
            }
            let list = lists[i]
            for j in 0..<list.value.count {
                if acc + list.value[j] + rest[i + 1] <= bestValue { return }
                visited += 1
                if visited >= nodeLimit { return }
                var ok = true
                var applied = 0
                for d in 0..<nDays {
                    let c = list.cand[j * nD + d]
                    guard c >= 0 else { continue }
                    let r = Int(candReq[Int(c)])
                    if used[r] >= room[r] {
                        ok = false
                        break
                    }
                    used[r] += 1
                    applied = d + 1
                }
                if ok {
                    choice[i] = j
                    dfs(i + 1, acc + list.value[j])
                }
                for d in 0..<applied {
                    let c = list.cand[j * nD + d]
                    if c >= 0 { used[Int(candReq[Int(c)])] -= 1 }
                }
            }
        }
        dfs(0, 0)
        nodes += visited
        guard let best, bestValue > originalValue else { return false }
        // Apply: clear every removed worker first (room was computed with all of them out), then set.
        journal.removeAll(keepingCapacity: true)
        touchedReq.removeAll(keepingCapacity: true)
        touchedWeek.removeAll(keepingCapacity: true)
        for w in group {
            for d in 0..<nDays where p.pinnedOn[w * nD + d] < 0 && assign[w * nD + d] >= 0 { set(w, d, -1, -1) }
        }
        for (i, w) in group.enumerated() {
            let list = lists[i]
            for d in 0..<nDays {
                let c = list.cand[best[i] * nD + d]
                if c >= 0 { set(w, d, candReq[Int(c)], c) }
            }
        }
        if !feasible() {
            // Cannot happen (the search checked rules 6-8); stay safe.
            undo(to: 0)
            return false
        }
        journal.removeAll(keepingCapacity: true)
        return true
    }

    /// A group of k related workers: starting from a random movable candidate's worker, each next worker is a member
    /// (or a candidate) of a request that a worker of the group holds or could take.
    mutating func relatedGroup(size k: Int) -> [Int] {
        guard !movable.isEmpty else { return [] }
        var group = [Int(p.candWorker[Int(movable[random(movable.count)])])]
        var tries = 0
        while group.count < k && tries < 8 * k {
            tries += 1
            let w = group[random(group.count)]
            let d = random(p.days.count)
            let s = w * nD + d
            let deg = Int(slotStart[s + 1] - slotStart[s])
            var r = -1
            if assign[s] >= 0 && random(3) == 0 {
                r = Int(assign[s])
            } else if deg > 0 {
                r = Int(candReq[Int(slotCand[Int(slotStart[s]) + random(deg)])])
            }
            guard r >= 0 else { continue }
            var v = -1
            if !members[r].isEmpty && random(3) != 0 {
                v = Int(members[r][random(members[r].count)])
            } else {
                let lo = Int(p.candStart[r])
                let n = Int(p.candStart[r + 1]) - lo
                if n > 0 { v = Int(p.candWorker[lo + random(n)]) }
            }
            if v >= 0 && !group.contains(v) { group.append(v) }
        }
        return group
    }

    /// Runs ruin-and-recreate on random related groups until `budget` search nodes (each sub-solve counting at least
    /// the size of its group) are spent. Returns the number of improvements.
    @discardableResult
    mutating func workerLNS(budget: Int, nodeLimit: Int = 20_000) -> Int {
        var spent = 0
        var found = 0
        while spent < budget {
            let k = 2 + random(4)
            let group = relatedGroup(size: k)
            spent += max(1, group.count * 8)
            if group.count < 2 { continue }
            if recreate(group, nodeLimit: nodeLimit, nodes: &spent) { found += 1 }
        }
        evaluations += spent
        return found
    }
}
