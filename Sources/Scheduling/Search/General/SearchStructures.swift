import Foundation

/// The plans a branch and bound repaired, one per two-job structure (the rows holding two jobs or more, with their
/// jobs): the best value seen for each.
///
/// Most of a version 2 day is single jobs, which a flow decides exactly once the few two-job rows are fixed
/// (`resolveSingles`); what the priced flows really propose is which workers take two jobs, and which two. Each
/// structure here is a start for that exact completion.
struct StructurePool {
    private(set) var plans: [[Int32]: ([Int32: [Int32]], Int64)] = [:]

    /// Keeps `rows` (valid rows of a whole day) when its structure is new or it beats that structure's best.
    mutating func offer(_ rows: [Int32: [Int32]], _ value: Int64) {
        let key = StructurePool.key(rows)
        if let old = plans[key], old.1 >= value { return }
        plans[key] = (rows, value)
    }

    /// The structure of `rows`: each row holding two jobs or more (by key), then its jobs sorted, then -1.
    static func key(_ rows: [Int32: [Int32]]) -> [Int32] {
        var key: [Int32] = []
        for row in rows.keys.sorted() where rows[row]!.count >= 2 {
            key.append(row)
            key.append(contentsOf: rows[row]!.sorted())
            key.append(-1)
        }
        return key
    }

    /// The plans, best value first; equal values by structure, in a fixed order.
    func ranked() -> [[Int32: [Int32]]] {
        plans.sorted { a, b in
            a.value.1 != b.value.1 ? a.value.1 > b.value.1 : a.key.lexicographicallyPrecedes(b.key)
        }.map { $0.value.0 }
    }
}

extension GeneralEngine {
    /// One-day instances: completes each structure of `pool` exactly (`resolveSingles` from its plan), the plan
    /// installed first, best structure first, until `maxWork` is spent; installs the best plan found.
    mutating func polishStructures(_ pool: StructurePool, maxWork: Int) {
        guard nD == 1 else { return }
        let workAtStart = budget.spent[.general, default: 0]
        let all = Array(0..<nD)
        let engine = self
        let value: (Int) -> Int64 = { c in engine.baseValue(c) }
        func planValue(_ e: GeneralEngine) -> Int64 {
            var rows: [Int32: [Int32]] = [:]
            for key in e.jobs.indices where !e.jobs[key].isEmpty { rows[Int32(key)] = e.jobs[key] }
            return e.networkValue(rows, scope: GeneralScope(days: all), value: value)
        }
        func spent(_ e: inout GeneralEngine) -> Bool {
            e.budget.left(.general) <= 0 || e.budget.outOfTime()
                || e.budget.spent[.general, default: 0] - workAtStart > maxWork
        }
        var installed: [Int32: [Int32]] = [:]
        for key in jobs.indices where !jobs[key].isEmpty { installed[Int32(key)] = jobs[key] }
        let first = StructurePool.key(installed)
        _ = resolveSingles(0, maxWork: maxWork)
        var bestValue = planValue(self)
        var bestJobs = jobs
        for rows in pool.ranked() where StructurePool.key(rows) != first {
            if spent(&self) { break }
            install(rows, days: all)
            _ = resolveSingles(0, maxWork: maxWork)
            let v = planValue(self)
            if v > bestValue {
                bestValue = v
                bestJobs = jobs
            }
        }
        jobs = bestJobs
    }
}

extension GeneralEngine {
    /// Completes the structure installed on plan day `d` (its rows holding two jobs) exactly: every other row is
    /// re-decided with one job at most (`resolveSingles`). A completion cut short by `maxWork` starts from the plan's
    /// own single jobs trimmed to what the requests allow beside the structure (`trimSingles`), so it keeps at least
    /// them; an uncut one from empty single rows (with a warm start there too the search took another path and
    /// `SearchTwoJobStructuresTests` seed 4 ended one medium short). Returns the day's network value, or nil when the completed day breaks a rule of the requests — a
    /// structure move sets two-job rows without looking at the rest, so they may hold more workers than a request's
    /// headcount or seats, or fewer than a minimum that no single job can make up; `resolveSingles` then keeps its
    /// start, and the network value does not see the broken rule (`SearchTwoJobStructuresTests.randomDay` seed 52
    /// planned a request over its headcount that way).
    mutating func completeStructure(_ d: Int, maxWork: Int = Int.max) -> Int64? {
        if maxWork < Int.max {
            trimSingles(d)
        } else {
            for w in 0..<p.nW where jobs[w * nD + d].count <= 1 { jobs[w * nD + d] = [] }
        }
        _ = resolveSingles(d, maxWork: maxWork)
        return dayRequestsHold(d) ? dayValueOfPlan(d) : nil
    }

    /// Keeps the single rows of plan day `d` as a start for their exact completion, trimmed to what the day's
    /// requests allow beside its two-job rows: a request over its headcount or seats loses its least valuable single
    /// workers (riders first for seats) until it holds; a request below its minimum loses every single worker.
    mutating func trimSingles(_ d: Int) {
        var count = [Int32](repeating: 0, count: p.nR)
        var riders = [Int32](repeating: 0, count: p.nR)
        var singles = [[Int32]](repeating: [], count: p.nR)
        for w in 0..<p.nW {
            let key = w * nD + d
            for c in jobs[key] {
                let r = Int(candReq[Int(c)])
                count[r] += 1
                if p.candRide[Int(c)] != 0 { riders[r] += 1 }
                if jobs[key].count == 1 { singles[r].append(Int32(key)) }
            }
        }
        // `baseValues()` closes over the value arrays alone: a closure over a copy of the engine would share `jobs`,
        // and the first row emptied below would copy the whole array.
        let value = baseValues()
        for r in 0..<p.nR where Int(p.reqDay[r]) == d && !singles[r].isEmpty {
            // Least valuable first; ties by row.
            let keys = singles[r].map { ($0, value(Int(jobs[Int($0)][0]))) }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
            for key in keys where riders[r] > seatsLeft[r] && p.candRide[Int(jobs[Int(key)][0])] != 0 {
                jobs[Int(key)] = []
                count[r] -= 1
                riders[r] -= 1
            }
            for key in keys where count[r] > p.reqCap[r] && !jobs[Int(key)].isEmpty {
                if p.candRide[Int(jobs[Int(key)][0])] != 0 { riders[r] -= 1 }
                jobs[Int(key)] = []
                count[r] -= 1
            }
            if pinnedCount[r] == 0 && count[r] > 0 && count[r] < p.reqMin[r] {
                for key in keys { jobs[Int(key)] = [] }
            }
        }
    }

    /// The plan's workers and van riders per request on plan day `d` (pins not counted), indexed by request.
    func dayCounts(_ d: Int) -> (count: [Int32], riders: [Int32]) {
        var count = [Int32](repeating: 0, count: p.nR)
        var riders = [Int32](repeating: 0, count: p.nR)
        for w in 0..<p.nW {
            for c in jobs[w * nD + d] {
                let r = Int(candReq[Int(c)])
                count[r] += 1
                if p.candRide[Int(c)] != 0 { riders[r] += 1 }
            }
        }
        return (count, riders)
    }

    /// Whether every request of plan day `d` keeps its headcount, seats and minimum (pins counted) in the plan.
    func dayRequestsHold(_ d: Int) -> Bool {
        let (count, riders) = dayCounts(d)
        for r in 0..<p.nR where Int(p.reqDay[r]) == d {
            if count[r] > p.reqCap[r] || riders[r] > seatsLeft[r] { return false }
            if pinnedCount[r] == 0 && count[r] > 0 && count[r] < p.reqMin[r] { return false }
        }
        return true
    }
}
