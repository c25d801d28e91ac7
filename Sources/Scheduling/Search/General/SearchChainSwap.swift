import Foundation

extension GeneralEngine {
    /// Several days: exchanges the jobs of two workers over a run of two or more consecutive plan days when each can
    /// work the other's jobs (candidates that fit their rows, seats and weekly caps kept) and the plan gains.
    ///
    /// Every request keeps its workers' count, so the medium and the share bonus stay; what changes is each
    /// worker's travel, fairness and continuity, all of which are the worker's own: the gain is the two workers'
    /// values after less before. A day re-solve cannot make such a move: exchanging two continuity chains on one day
    /// alone breaks both links (on the scarce reference instance the optimum swaps two workers' three-day chains).
    /// Pinned workers are left out. First improvement; passes repeat while one improves, at most four.
    ///
    /// - Returns: whether the plan improved.
    mutating func chainSwaps() -> Bool {
        guard nD >= 2 else { return false }
        let candOf = candidateIndex()
        let pinned = pinnedWorkers()
        let workers = (0..<p.nW).filter { w in !pinned[w] && (0..<nD).contains { !rowCands[w * nD + $0].isEmpty } }
        var riders = [Int32](repeating: 0, count: p.nR)
        for key in jobs.indices {
            for c in jobs[key] where p.candRide[Int(c)] != 0 { riders[Int(candReq[Int(c)])] += 1 }
        }
        var improvedAny = false
        for _ in 0..<4 {
            var improved = false
            for length in 2...nD {
                for d1 in 0...(nD - length) {
                    let span = Array(d1..<(d1 + length))
                    for i in workers.indices {
                        for j in (i + 1)..<workers.count {
                            if budget.left(.general) <= 0 || budget.outOfTime() { return improvedAny }
                            budget.charge(.general, 8 * length)
                            if let g = trySwap(workers[i], workers[j], span, candOf, &riders), g > 0 {
                                improved = true
                                improvedAny = true
                                stats.moves += 1
                            }
                        }
                    }
                }
            }
            if !improved { break }
        }
        return improvedAny
    }

    /// Exchanges the jobs of workers `w` and `v` on `span` when both can work them and the plan gains; returns the
    /// gain when the exchange is possible (kept only when positive), nil when it is not.
    private mutating func trySwap(
        _ w: Int, _ v: Int, _ span: [Int], _ candOf: [Int: Int32], _ riders: inout [Int32]
    ) -> Int64? {
        var newW: [[Int32]] = []
        var newV: [[Int32]] = []
        var differ = false
        for d in span {
            let a = jobs[w * nD + d]
            let b = jobs[v * nD + d]
            if a != b { differ = true }
            guard let aToV = moved(a, to: v, day: d, candOf), let bToW = moved(b, to: w, day: d, candOf) else {
                return nil
            }
            newW.append(bToW)
            newV.append(aToV)
        }
        guard differ else { return nil }
        // Weekly caps: the dates each worker works per week after the exchange.
        for (x, rowsX) in [(w, newW), (v, newV)] {
            var dates = [Int32](repeating: 0, count: max(1, nK))
            for d in 0..<nD {
                let cs = span.firstIndex(of: d).map { rowsX[$0] } ?? jobs[x * nD + d]
                if !cs.isEmpty { dates[Int(p.dayWeek[d])] += 1 }
            }
            for k in 0..<nK where dates[k] > datesLeft[x * nK + k] { return nil }
        }
        // Seats: riders per request after the exchange.
        var change: [Int: Int32] = [:]
        for (i, _) in span.enumerated() {
            for c in newW[i] + newV[i] where p.candRide[Int(c)] != 0 { change[Int(candReq[Int(c)]), default: 0] += 1 }
            for c in jobs[w * nD + span[i]] + jobs[v * nD + span[i]] where p.candRide[Int(c)] != 0 {
                change[Int(candReq[Int(c)]), default: 0] -= 1
            }
        }
        for (r, dr) in change where dr > 0 && riders[r] + dr > seatsLeft[r] { return nil }
        let before = ownValue(w) + ownValue(v)
        var saved: [[Int32]] = []
        for (i, d) in span.enumerated() {
            saved.append(jobs[w * nD + d])
            saved.append(jobs[v * nD + d])
            jobs[w * nD + d] = newW[i]
            jobs[v * nD + d] = newV[i]
        }
        let gain = ownValue(w) + ownValue(v) - before
        if gain > 0 {
            for (r, dr) in change { riders[r] += dr }
            return gain
        }
        for (i, d) in span.enumerated() {
            jobs[w * nD + d] = saved[2 * i]
            jobs[v * nD + d] = saved[2 * i + 1]
        }
        return gain
    }

    /// The candidates of worker `x` for the requests of `cs` on day `d`, when each exists and they fit `x`'s row.
    private func moved(_ cs: [Int32], to x: Int, day d: Int, _ candOf: [Int: Int32]) -> [Int32]? {
        var out: [Int32] = []
        for c in cs {
            guard let c2 = candOf[Int(candReq[Int(c)]) * p.nW + x], fits(c2, row: x * nD + d, out) else { return nil }
            out.append(c2)
        }
        return out.sorted()
    }

    /// A worker's own part of the plan's value: −cost of each job, plus continuity (history, or the same job the
    /// day before); what the chain exchanges and the seat rotations compare. Only for workers without pins.
    func ownValue(_ w: Int) -> Int64 {
        var v: Int64 = 0
        for d in 0..<nD {
            for c in jobs[w * nD + d] {
                v -= p.candCost[Int(c)]
                guard p.continuity > 0 else { continue }
                let job = p.reqJob[Int(candReq[Int(c)])]
                if p.candHistory[Int(c)] != 0
                    || (p.follows[d] && works(w, job, d - 1))
                {
                    v += p.continuity
                }
            }
        }
        return v
    }

    /// Gives each worker of `workers` its row of `rows` on date `d` (none when it has no entry) when that raises the
    /// changed workers' `ownValue` in all; otherwise every row stays as it was.
    /// - Returns: whether the rows changed.
    mutating func replaceRowsIfBetter(_ rows: [Int: [Int32]], among workers: [Int], date d: Int) -> Bool {
        let changed = workers.filter { (rows[$0] ?? []) != jobs[$0 * nD + d] }
        guard !changed.isEmpty else { return false }
        let valueBefore = changed.reduce(Int64(0)) { $0 + ownValue($1) }
        let saved = changed.map { jobs[$0 * nD + d] }
        for w in changed { jobs[w * nD + d] = rows[w] ?? [] }
        if changed.reduce(Int64(0), { $0 + ownValue($1) }) > valueBefore { return true }
        for (i, w) in changed.enumerated() { jobs[w * nD + d] = saved[i] }
        return false
    }

    /// Installs `rows` (by worker; a worker missing has none) as date `d`'s rows of those of `workers` whose rows
    /// change, and keeps them when the date stays valid and the scorer ranks the plan higher; else restores them.
    /// Returns whether they were kept. The count re-deals and the date deals with counts free install by it.
    mutating func replaceRowsIfRankedHigher(_ rows: [Int: [Int32]], among workers: [Int], date d: Int) -> Bool {
        let changed = workers.filter { (rows[$0] ?? []) != jobs[$0 * nD + d] }
        guard !changed.isEmpty else { return false }
        let before = score(inst, assignments: assignments()).score
        let saved = changed.map { jobs[$0 * nD + d] }
        for w in changed { jobs[w * nD + d] = rows[w] ?? [] }
        if dayValid(d) && score(inst, assignments: assignments()).score > before { return true }
        for (i, w) in changed.enumerated() { jobs[w * nD + d] = saved[i] }
        return false
    }
}
