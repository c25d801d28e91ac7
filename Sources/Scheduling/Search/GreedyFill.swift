/// The plan of last resort, when `--time-limit` stops the first flow before it finishes.
extension Engine {
    /// Fills the plan greedily from the pins: candidate pairs in decreasing value (`priority × M − soft cost +
    /// continuity from history`; ties by candidate index), each taken when the worker is free that day, has a day left
    /// in its ISO week and the request has room; then every request left below its minimum headcount is emptied.
    /// Rules 1-9 hold (candidates are pairs that pass rules 1-4; pins are kept); the plan is valid, not optimal.
    mutating func greedyFill() {
        let nK = max(1, p.weeks.count)
        var count = [Int32](repeating: 0, count: p.nR)
        var weekUsed = [Int32](repeating: 0, count: p.nW * nK)
        for w in 0..<p.nW {
            for d in 0..<nD where assignCand[w * nD + d] >= 0 {
                count[Int(assign[w * nD + d])] += 1
                weekUsed[w * nK + Int(p.dayWeek[d])] += 1
            }
        }
        var pairs: [(value: Int64, cand: Int32, req: Int32)] = []
        pairs.reserveCapacity(p.candidateCount)
        for r in 0..<p.nR {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                pairs.append((baseValue(r, c), Int32(c), Int32(r)))
            }
        }
        pairs.sort { $0.value != $1.value ? $0.value > $1.value : $0.cand < $1.cand }
        for (_, c, r) in pairs {
            let w = Int(p.candWorker[Int(c)])
            let d = Int(p.reqDay[Int(r)])
            let s = w * nD + d
            let k = w * nK + Int(p.dayWeek[d])
            guard assign[s] < 0, p.pinnedOn[s] < 0, count[Int(r)] < p.reqCap[Int(r)], weekUsed[k] < p.capLeft[k] else {
                continue
            }
            assign[s] = r
            assignCand[s] = c
            count[Int(r)] += 1
            weekUsed[k] += 1
        }
        for s in 0..<assign.count where assignCand[s] >= 0 {
            let r = Int(assign[s])
            if count[r] < p.reqMin[r] {
                assign[s] = -1
                assignCand[s] = -1
            }
        }
    }
}
