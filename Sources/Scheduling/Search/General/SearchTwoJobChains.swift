import Foundation

/// How far an ejection chain over two-job structures looks: moves tried at each depth (the first entry at the first
/// move), and how much the chain may lose before its last move pays.
struct StructureChainLimits: Sendable {
    /// Moves completed at each depth of the chain (its length is the chain's longest).
    var widths: [Int] = [6, 3, 2]
    /// The most a chain may have lost (exactly, after a move's completion) and still go on.
    var slack: Int64 = 400
}

extension GeneralEngine {
    /// One-day instances: an ejection chain from the plan's structure, for when no single structure move gains. A
    /// chain is a sequence of structure moves (`structureMoves`), each completed exactly by `resolveSingles`, where
    /// each move after the first must touch a request or row the moves before it changed (a request given up or
    /// overfilled, a worker freed); the chain ends as soon as it beats the plan. The moves at each depth are tried in
    /// the order of the completed value plus the next move's estimate, at most `limits.widths[depth]` of them, and only
    /// while the chain has lost less than `limits.slack`.
    ///
    /// - Returns: whether the plan improved (then the better plan is installed).
    mutating func structureChain(
        _ candidates: [TwoJobRow], pairsOf: [Int32: [TwoJobRow]], day d: Int, limits: StructureChainLimits,
        tried: inout Set<[Int32]>, completionWork: Int = Int.max, spent: (inout GeneralEngine) -> Bool
    ) -> Bool {
        let startValue = dayValueOfPlan(d)
        var found: [[Int32]]?
        /// Depth-first from the installed plan (value `value`), whose chain so far touched `requests` and `rows`.
        func dfs(_ e: inout GeneralEngine, depth: Int, value: Int64, requests: Set<Int32>, rows: Set<Int32>) {
            guard depth < limits.widths.count else { return }
            var moves = e.structureMoves(candidates, pairsOf: pairsOf, day: d)
            if depth > 0 {
                moves = moves.filter { m in
                    m.set.contains { key, cs in
                        rows.contains(key)
                            || (e.jobs[Int(key)] + cs).contains { requests.contains(e.candReq[Int($0)]) }
                    }
                }
            }
            var evaluated = 0
            for move in moves {
                if evaluated >= limits.widths[depth] || found != nil || spent(&e) { return }
                if value + move.estimate <= startValue - limits.slack { break }
                let saved = e.jobs
                var touchedRequests = requests
                var touchedRows = rows
                for (key, cs) in move.set {
                    touchedRows.insert(key)
                    for c in e.jobs[Int(key)] + cs { touchedRequests.insert(e.candReq[Int(c)]) }
                    e.jobs[Int(key)] = cs
                }
                guard tried.insert(StructurePool.key(e.dayRows(d))).inserted else {
                    e.jobs = saved
                    continue
                }
                evaluated += 1
                guard let v = e.completeStructure(d, maxWork: completionWork) else {
                    e.jobs = saved
                    continue
                }
                if v > startValue {
                    found = e.jobs
                } else if v > startValue - limits.slack {
                    dfs(&e, depth: depth + 1, value: v, requests: touchedRequests, rows: touchedRows)
                }
                e.jobs = saved
            }
        }
        dfs(&self, depth: 0, value: startValue, requests: [], rows: [])
        guard let found else { return false }
        jobs = found
        return true
    }
}
