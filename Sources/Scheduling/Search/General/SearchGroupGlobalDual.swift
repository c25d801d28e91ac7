import Foundation

/// Diagnostic (grp22 session, not kept): the Lagrangian of "every request keeps its count" over every groupable
/// worker's whole schedules at once (each worker's best schedule under seat prices by a dynamic programme over the
/// dates), and each worker's reduced gain at the best prices met: which workers the relaxation wants to move.
/// Knob: `ILSON_GD_GLOBAL=steps` with `ILSON_GD_TARGET=w1,...`.
extension GeneralEngine {
    /// One row of a worker on a date in the global dual: its candidates, their value (−cost, history) and requests.
    struct GlobalRow {
        let cands: [Int32]
        let value: Int64
        let reqs: [Int]
    }

    /// The trace (see the extension comment).
    func globalDualTrace() {
        let env = ProcessInfo.processInfo.environment
        guard let steps = Int(env["ILSON_GD_GLOBAL"] ?? "") else { return }
        var idx: [String: Int] = [:]
        for (i, w) in inst.workers.enumerated() { idx[w.id] = i }
        let target = Set((env["ILSON_GD_TARGET"] ?? "").split(separator: ",").compactMap { idx[String($0)] })
        let pinned = pinnedWorkers()
        let free = (0..<p.nW).filter { groupable($0, pinned) }
        var need = [Int](repeating: 0, count: p.nR)
        for w in free { for d in 0..<nD { for c in jobs[w * nD + d] { need[Int(candReq[Int(c)])] += 1 } } }
        let cont = p.continuity
        func base(_ c: Int32) -> Int64 { -p.candCost[Int(c)] + (p.candHistory[Int(c)] != 0 ? cont : 0) }
        // Rows per free worker and date.
        var rows: [[[GlobalRow]]] = []
        var current: [[Int]] = []
        for w in free {
            var perDate: [[GlobalRow]] = []
            var cur: [Int] = []
            for d in 0..<nD {
                let key = w * nD + d
                let now = jobs[key].sorted()
                var list = [GlobalRow(cands: [], value: 0, reqs: [])]
                let cands = rowCands[key].filter { candOK[Int($0)] && need[Int(candReq[Int($0)])] > 0 }
                for (i, c) in cands.enumerated() {
                    guard fits(c, row: key, []) else { continue }
                    list.append(GlobalRow(cands: [c], value: base(c), reqs: [Int(candReq[Int(c)])]))
                    guard inst.workers[w].maxJobsPerDay >= 2 else { continue }
                    for c2 in cands[(i + 1)...] where fits(c2, row: key, [c]) {
                        list.append(
                            GlobalRow(
                                cands: [c, c2].sorted(), value: base(c) + base(c2),
                                reqs: [Int(candReq[Int(c)]), Int(candReq[Int(c2)])]))
                    }
                }
                if let at = list.firstIndex(where: { $0.cands == now }) {
                    cur.append(at)
                } else {
                    list.append(
                        GlobalRow(
                            cands: now, value: now.reduce(0) { $0 + base($1) },
                            reqs: now.map { Int(candReq[Int($0)]) }))
                    cur.append(list.count - 1)
                }
                perDate.append(list)
            }
            rows.append(perDate)
            current.append(cur)
        }
        func link(_ a: GlobalRow, _ b: GlobalRow, _ d: Int) -> Int64 {
            guard cont > 0, p.follows[d] else { return 0 }
            var v: Int64 = 0
            for c in b.cands where p.candHistory[Int(c)] == 0 {
                let job = p.reqJob[Int(candReq[Int(c)])]
                if a.cands.contains(where: { p.reqJob[Int(candReq[Int($0)])] == job }) { v += cont }
            }
            return v
        }
        // Worker i's best schedule under prices: (reduced value, row per date).
        func best(_ i: Int, _ price: [Double]) -> (Double, [Int]) {
            let w = free[i]
            // State: (row at d, dates used in d's week).
            var value: [[Double]] = []
            var from: [[[Int]]] = []
            var prevValue: [Double] = []
            var prevUsed: [Int] = []
            var prevRow: [Int] = []
            var history: [[(Int, Int, Int)]] = []  // per date: states (row, used, parent state index)
            for d in 0..<nD {
                let k = Int(p.dayWeek[d])
                let cap = Int(datesLeft[w * nK + k])
                let newWeek = d == 0 || Int(p.dayWeek[d - 1]) != k
                var states: [(Int, Int, Int)] = []
                var vals: [Double] = []
                var at: [Int: Int] = [:]
                for (o, row) in rows[i][d].enumerated() {
                    let red = Double(row.value) - row.reqs.reduce(0.0) { $0 + price[$1] }
                    let parents = d == 0 ? [-1] : Array(prevValue.indices)
                    for s in parents {
                        let usedBefore = s < 0 || newWeek ? 0 : prevUsed[s]
                        let used = usedBefore + (row.cands.isEmpty ? 0 : 1)
                        guard used <= cap else { continue }
                        var v = red + (s < 0 ? 0 : prevValue[s])
                        if s >= 0 { v += Double(link(rows[i][d - 1][prevRow[s]], row, d)) }
                        let key = o * 64 + used
                        if let j = at[key] {
                            if v > vals[j] {
                                vals[j] = v
                                states[j] = (o, used, s)
                            }
                        } else {
                            at[key] = states.count
                            states.append((o, used, s))
                            vals.append(v)
                        }
                    }
                }
                history.append(states)
                prevValue = vals
                prevUsed = states.map { $0.1 }
                prevRow = states.map { $0.0 }
                value.append(vals)
                from.append([])
            }
            guard let last = prevValue.indices.max(by: { prevValue[$0] < prevValue[$1] }) else { return (0, []) }
            var pick = [Int](repeating: 0, count: nD)
            var s = last
            for d in stride(from: nD - 1, through: 0, by: -1) {
                pick[d] = history[d][s].0
                s = history[d][s].2
            }
            return (prevValue[last], pick)
        }
        func scheduleValue(_ i: Int, _ pick: [Int], _ price: [Double]) -> Double {
            var v = 0.0
            for d in 0..<nD {
                let row = rows[i][d][pick[d]]
                v += Double(row.value) - row.reqs.reduce(0.0) { $0 + price[$1] }
                if d > 0 { v += Double(link(rows[i][d - 1][pick[d - 1]], row, d)) }
            }
            return v
        }
        let currentTotal = free.indices.reduce(0.0) {
            $0 + scheduleValue($1, current[$1], [Double](repeating: 0, count: p.nR))
        }
        var price = [Double](repeating: 0, count: p.nR)
        var bestPrice = price
        var bestBound = Double.infinity
        var lambda = 1.0
        var since = 0
        for _ in 0..<steps {
            var bound = 0.0
            var g = need.map(Double.init)
            for r in 0..<p.nR { bound += Double(need[r]) * price[r] }
            for i in free.indices {
                let (v, pick) = best(i, price)
                bound += v
                for d in 0..<nD { for r in rows[i][d][pick[d]].reqs { g[r] -= 1 } }
            }
            if bound < bestBound - 1e-9 {
                bestBound = bound
                bestPrice = price
                since = 0
            } else {
                since += 1
                if since >= 8 {
                    lambda /= 2
                    since = 0
                }
            }
            let norm = g.reduce(0.0) { $0 + $1 * $1 }
            guard norm > 0, lambda > 1e-5 else { break }
            let step = lambda * (bound - currentTotal) / norm
            for r in 0..<p.nR { price[r] -= step * g[r] }
        }
        var gains: [(Int, Double)] = []
        for i in free.indices {
            let b = best(i, bestPrice).0
            gains.append((free[i], b - scheduleValue(i, current[i], bestPrice)))
        }
        gains.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        gdLog(
            "GG bound \(String(format: "%.2f", bestBound)) current \(currentTotal) gap \(String(format: "%.2f", bestBound - currentTotal)) free \(free.count)"
        )
        for (rank, (w, gain)) in gains.enumerated() where target.contains(w) || rank < 40 {
            gdLog(
                "GG rank \(rank) \(inst.workers[w].id) gain \(String(format: "%.2f", gain))\(target.contains(w) ? " TARGET" : "")"
            )
        }
        gdLog("GG positive \(gains.filter { $0.1 > 0.5 }.count)")
    }
}
