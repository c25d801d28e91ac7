import Foundation

/// The day descent after a costly-seat kick (session "chains12"): warm day re-solves that skip a day whose network
/// and assignments are the same as at its last re-solve that found nothing (the same network and plan give the same
/// optimum, so the re-solve would find nothing again).
extension Engine {
    /// What day d's re-solve depends on: the day's own assignments, the neighbouring days' assignments (the
    /// continuity bonus) and whether each worker works on the other days of the same week (the weekly caps).
    func dayInputs(_ d: Int) -> [Int32] {
        var key: [Int32] = []
        key.reserveCapacity(p.nW * (nD + 3))
        for w in 0..<p.nW {
            for e in 0..<nD {
                let s = w * nD + e
                if e == d || e == d - 1 || e == d + 1 {
                    key.append(assign[s])
                    key.append(assignCand[s])
                } else if p.dayWeek[e] == p.dayWeek[d] {
                    key.append(assign[s] >= 0 ? 1 : 0)
                }
            }
        }
        return key
    }

    /// Re-solves day d with every other day fixed and the day's open and closed requests kept (a request the plan
    /// holds at its minimum or more stays at or above it, an empty one stays closed: one flow, no branching), from
    /// prices for which the current plan is optimal when it is (`PlanPrices`); applies the result when strictly better.
    mutating func pricedResolveDay(_ d: Int) -> Bool {
        guard let net = dayNetwork(d, value: { r, c, w in dayValue(d, r, c, w) }) else { return false }
        charge(net.arcReq.count + p.nW)
        var planArc = [Int32](repeating: -1, count: net.nRows)
        var held = [Int32](repeating: 0, count: p.nR)
        var current: Int64 = 0
        for row in 0..<net.nRows {
            let cand = assignCand[Int(net.rowWorker[row]) * nD + d]
            guard cand >= 0 else { continue }
            for a in Int(net.rowArcStart[row])..<Int(net.rowArcStart[row + 1]) where net.arcCand[a] == cand {
                planArc[row] = Int32(a)
                held[Int(net.arcReq[a])] += 1
                current += net.arcValue[a]
            }
        }
        var cap = p.reqCap
        var mins = [Int32](repeating: 0, count: p.nR)
        for q in 0..<p.nR where p.reqMin[q] > 1 {
            if held[q] == 0 { cap[q] = 0 } else { mins[q] = p.reqMin[q] }
        }
        let bonus = flowBonus(net)
        let warm = PlanPrices.warmStart(
            net, cap: cap, minUnits: mins, bonus: bonus, rowArc: planArc, maxWork: (Int(ProcessInfo.processInfo.environment["ILSON_K12BF"] ?? "20") ?? 20) * (net.arcReq.count + net.nRows))
        if let warm { charge(warm.work) }
        let sol = exactFlow(
            FlowSolver(net), CostScalingSolver(net), cap: cap, minUnits: mins, bonus: bonus, order: releaseOrder(net),
            warm: warm?.warm)
        charge(sol.work)
        stats.flowWork += sol.work
        var value: Int64 = 0
        for row in 0..<net.nRows where sol.rowArc[row] >= 0 { value += net.arcValue[Int(sol.rowArc[row])] }
        if ProcessInfo.processInfo.environment["ILSON_T12"] != nil {
            FileHandle.standardError.write(
                "K12 priced day \(d) arcs \(net.arcReq.count) bf \(warm?.work ?? -1) exact \(warm?.exact ?? false) flow \(sol.work) gain \(value - current)\n"
                    .data(using: .utf8)!)
        }
        guard (0..<p.nR).allSatisfy({ mins[$0] == 0 || sol.reqCount[$0] >= mins[$0] }) else { return false }
        guard value > current else { return false }
        applyDay(d, net, sol)
        return true
    }

    /// True when the prices of the plan's day flow (open and closed requests kept) prove it optimal.
    mutating func dayProvedOptimal(_ d: Int, factor: Int) -> Bool {
        guard let net = dayNetwork(d, value: { r, c, w in dayValue(d, r, c, w) }) else { return true }
        charge(net.arcReq.count + p.nW)
        var planArc = [Int32](repeating: -1, count: net.nRows)
        var held = [Int32](repeating: 0, count: p.nR)
        for row in 0..<net.nRows {
            let cand = assignCand[Int(net.rowWorker[row]) * nD + d]
            guard cand >= 0 else { continue }
            for a in Int(net.rowArcStart[row])..<Int(net.rowArcStart[row + 1]) where net.arcCand[a] == cand {
                planArc[row] = Int32(a)
                held[Int(net.arcReq[a])] += 1
            }
        }
        var cap = p.reqCap
        var mins = [Int32](repeating: 0, count: p.nR)
        for q in 0..<p.nR where p.reqMin[q] > 1 {
            if held[q] == 0 { cap[q] = 0 } else { mins[q] = p.reqMin[q] }
        }
        guard
            let warm = PlanPrices.warmStart(
                net, cap: cap, minUnits: mins, bonus: flowBonus(net), rowArc: planArc,
                maxWork: factor * (net.arcReq.count + net.nRows))
        else { return false }
        charge(warm.work)
        return warm.exact
    }

    mutating func trace(_ d: Int, _ priced: Bool) -> Bool {
        let u0 = budget.spent[phase, default: 0]
        let mode = Int(ProcessInfo.processInfo.environment["ILSON_K12"] ?? "0") ?? 0
        let x: Bool
        if mode == 3 {
            let proved = dayProvedOptimal(d, factor: Int(ProcessInfo.processInfo.environment["ILSON_K12BF"] ?? "8") ?? 8)
            x = proved ? false : resolveDay(d, warm: true)
        } else {
            x = priced ? pricedResolveDay(d) : resolveDay(d, warm: true)
        }
        if ProcessInfo.processInfo.environment["ILSON_T12"] != nil {
            FileHandle.standardError.write(
                "K12 resolve \(d) units \(budget.spent[phase, default: 0] - u0) improved \(x)\n".data(using: .utf8)!)
        }
        return x
    }

    /// `dayDescent(after:warm: true)`, without the re-solves that cannot find anything.
    mutating func kickDescent(after first: Int = -1, maxPasses: Int = 6, priced: Bool = false) {
        var passes = 0
        var unchanged = 0
        var d = (first + 1) % nD
        var idle = [[Int32]?](repeating: nil, count: nD)
        while unchanged < nD && passes < maxPasses * nD && workLeft > 0 && !outOfTime() {
            passes += 1
            let key = dayInputs(d)
            charge(key.count / 8)
            if idle[d] == key {
                unchanged += 1
            } else if trace(d, priced) {
                unchanged = 0
                idle[d] = nil
            } else {
                unchanged += 1
                idle[d] = key
            }
            d = (d + 1) % nD
        }
    }
}
