import Foundation

/// Day re-solves restricted to the rows a move changed (session "chains13"), the repair after a costly-seat kick.
///
/// A kick's flow over every day (`seatKicks`) moves a few workers; the day descent after it re-solves every day whole
/// (0.2-0.26M units each on 150-250 workers, four or five of them, most of which improve). Here a day is re-solved
/// with only some workers free: the *seeds* (workers whose seat on the day or a day beside it, or in the same ISO week,
/// changed since the day was last repaired), the holders on that day of the requests the seeds hold or held, and the
/// idle candidates of those requests. Every other worker keeps its seat; its seats are taken off the requests' caps
/// and minimums, and each request keeps its open or closed state (one flow, no branching; the plan itself is
/// feasible, so the optimum meets every minimum). A re-solve that improves seeds the days beside it with the workers
/// it moved, until no day has seeds left.
extension Engine {
    static let trace13 = ProcessInfo.processInfo.environment["ILSON_T13"] != nil
    static let k13level = Int(ProcessInfo.processInfo.environment["ILSON_K13LEVEL"] ?? "1") ?? 1
    static let k13w = ProcessInfo.processInfo.environment["ILSON_K13W"] ?? ""
    static let k13g = Int(ProcessInfo.processInfo.environment["ILSON_K13G"] ?? "0") ?? 0
    static let k13share = Int(ProcessInfo.processInfo.environment["ILSON_K13SHARE"] ?? "12") ?? 12
    static let k13 = ProcessInfo.processInfo.environment["ILSON_K13"] ?? ""

    /// The workers free in a restricted re-solve of day `d` around `seeds` (see the extension comment).
    func localFreeWorkers(_ d: Int, seeds: Set<Int>, before: [Int32]) -> [Bool] {
        var free = [Bool](repeating: false, count: p.nW)
        var touched = Set<Int>()
        for w in seeds {
            free[w] = true
            let now = assign[w * nD + d]
            let was = before[w * nD + d]
            if now >= 0 { touched.insert(Int(now)) }
            if was >= 0 { touched.insert(Int(was)) }
            if Engine.k13level >= 2 {
                for r in 0..<p.nR where Int(p.reqDay[r]) == d {
                    for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where Int(p.candWorker[c]) == w {
                        touched.insert(r)
                    }
                }
            }
        }
        for r in touched.sorted() where Int(p.reqDay[r]) == d {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                let w = Int(p.candWorker[c])
                let q = assign[w * nD + d]
                if q < 0 || Int(q) == r { free[w] = true }
            }
        }
        return free
    }

    /// Re-solves day d with only the `free` workers' seats open (the others kept); applies the result when it is
    /// strictly better. Returns the workers whose seat on d changed (empty when nothing was applied).
    mutating func localResolveDay(_ d: Int, free: [Bool]) -> [Int] {
        let nK = p.weeks.count
        let k = p.dayWeek[d]
        var fixedHeld = [Int32](repeating: 0, count: p.nR)
        var held = [Int32](repeating: 0, count: p.nR)
        for w in 0..<p.nW where p.pinnedOn[w * nD + d] < 0 {
            let q = assign[w * nD + d]
            guard q >= 0 else { continue }
            held[Int(q)] += 1
            if !free[w] { fixedHeld[Int(q)] += 1 }
        }
        var cap = [Int32](repeating: 0, count: p.nR)
        var mins = [Int32](repeating: 0, count: p.nR)
        var reqOfDay: [Int] = []
        var arcCount = [Int32](repeating: 0, count: p.nW)
        for r in 0..<p.nR where Int(p.reqDay[r]) == d {
            // Closed requests stay closed; open ones keep their minimum (what the fixed seats leave of it).
            guard held[r] > 0 || p.reqMin[r] <= 1 else { continue }
            cap[r] = max(0, p.reqCap[r] - fixedHeld[r])
            guard cap[r] > 0 else { continue }
            if held[r] > 0 && p.reqMin[r] > 1 { mins[r] = max(0, p.reqMin[r] - fixedHeld[r]) }
            reqOfDay.append(r)
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) { arcCount[Int(p.candWorker[c])] += 1 }
        }
        var net = FlowNetwork()
        net.nReq = p.nR
        var rowOf = [Int32](repeating: -1, count: p.nW)
        var rowWorkers: [Int] = []
        for w in 0..<p.nW where free[w] && arcCount[w] > 0 && p.pinnedOn[w * nD + d] < 0 {
            var used: Int32 = 0
            for e in 0..<nD where e != d && p.dayWeek[e] == k && assign[w * nD + e] >= 0 && p.pinnedOn[w * nD + e] < 0 {
                used += 1
            }
            guard p.capLeft[w * nK + Int(k)] - used >= 1 else { continue }
            rowOf[w] = Int32(rowWorkers.count)
            rowWorkers.append(w)
            net.rowWorker.append(Int32(w))
            net.rowDay.append(Int32(d))
            net.rowArcStart.append(net.rowArcStart.last! + arcCount[w])
            net.groupSupply.append(1)
            net.groupRowStart.append(Int32(net.rowWorker.count))
        }
        let nArcs = Int(net.rowArcStart.last!)
        guard nArcs > 0 else { return [] }
        net.arcReq = [Int32](repeating: 0, count: nArcs)
        net.arcValue = [Int64](repeating: 0, count: nArcs)
        net.arcCand = [Int32](repeating: 0, count: nArcs)
        var fill = Array(net.rowArcStart.dropLast())
        for r in reqOfDay {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                let w = Int(p.candWorker[c])
                let row = rowOf[w]
                guard row >= 0 else { continue }
                let a = Int(fill[Int(row)])
                fill[Int(row)] += 1
                net.arcReq[a] = Int32(r)
                net.arcValue[a] = dayValue(d, r, c, w)
                net.arcCand[a] = Int32(c)
            }
        }
        charge(nArcs + rowWorkers.count)
        var current: Int64 = 0
        for w in rowWorkers {
            let c = assignCand[w * nD + d]
            if c >= 0 { current += dayValue(d, Int(assign[w * nD + d]), Int(c), w) }
        }
        let sol = exactFlow(
            FlowSolver(net), CostScalingSolver(net), cap: cap, minUnits: mins, bonus: flowBonus(net),
            order: releaseOrder(net))
        charge(sol.work)
        stats.flowWork += sol.work
        if Engine.trace13 {
            FileHandle.standardError.write("  local d\(d) rows \(rowWorkers.count) arcs \(nArcs) work \(sol.work)\n".data(using: .utf8)!)
        }
        guard !sol.timedOut, (0..<p.nR).allSatisfy({ mins[$0] == 0 || sol.reqCount[$0] >= mins[$0] }) else { return [] }
        var value: Int64 = 0
        for row in 0..<net.nRows where sol.rowArc[row] >= 0 { value += net.arcValue[Int(sol.rowArc[row])] }
        guard value > current else { return [] }
        var moved: [Int] = []
        for (i, w) in rowWorkers.enumerated() {
            let a = sol.rowArc[i]
            let r: Int32 = a >= 0 ? net.arcReq[Int(a)] : -1
            let c: Int32 = a >= 0 ? net.arcCand[Int(a)] : -1
            if assignCand[w * nD + d] != c || assign[w * nD + d] != r { moved.append(w) }
            assign[w * nD + d] = r
            assignCand[w * nD + d] = c
        }
        return moved
    }

    /// Restricted re-solves from `before` (the plan the move started from) until no day has seeds left or the phase's
    /// units are spent. The seeds of a day: the workers whose seat on it, on a day beside it or in its ISO week differs
    /// from `before`; then those a re-solve moved.
    mutating func localDescent(from before: [Int32], beforeCand: [Int32]) {
        var seeds = [Set<Int>](repeating: [], count: nD)
        func seed(_ w: Int, _ d: Int) {
            for e in max(0, d - 1)...min(nD - 1, d + 1) { seeds[e].insert(w) }
            for e in 0..<nD where p.dayWeek[e] == p.dayWeek[d] { seeds[e].insert(w) }
        }
        for w in 0..<p.nW {
            for d in 0..<nD where assign[w * nD + d] != before[w * nD + d] || assignCand[w * nD + d] != beforeCand[w * nD + d] {
                seed(w, d)
            }
        }
        var reference = before
        var d = 0
        var idle = 0
        while idle < nD && workLeft > 0 && !outOfTime() {
            if seeds[d].isEmpty {
                idle += 1
                d = (d + 1) % nD
                continue
            }
            let s = seeds[d]
            seeds[d] = []
            let free = localFreeWorkers(d, seeds: s, before: reference)
            let was = Array(assign[0..<assign.count])
            let moved = localResolveDay(d, free: free)
            for w in moved {
                reference[w * nD + d] = was[w * nD + d]
                seed(w, d)
            }
            seeds[d] = []
            idle = 0
            d = (d + 1) % nD
        }
    }
}
