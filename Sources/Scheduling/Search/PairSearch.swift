import Foundation
import Vocabulary

/// Two-day re-optimization by Lagrangian decomposition, for small multi-day instances.
///
/// Re-solving days d and d + 1 jointly (every other day fixed) is not one flow: the continuity bonus of a worker who
/// works job J on both days couples the two days. Splitting that bonus into `λ(w, J)` on day d and
/// `continuity − λ(w, J)` on day d + 1 (0 ≤ λ ≤ continuity) makes the two days independent exact day problems (flows
/// with branch and bound over minimum headcounts), and their sum bounds the joint optimum from above. A subgradient
/// step (Polyak's, towards the best plan's value) moves λ towards agreement: a chain used on one day only loses its
/// share there. Workers whose ISO-week cap leaves them one of the two days keep the day they work (they cannot chain).
/// Each round also builds a real plan from one relaxed day (alternately d and d + 1): that day is applied, the other
/// re-solved exactly around it, then the first again; the plan is kept when its objective beats the best one. This
/// finds coordinated two-day rearrangements (several workers trading and forming multi-day chains at once) that day
/// re-solves, chain moves and schedule exchanges miss. The pairs alternate with schedule exchanges
/// (`exchangeDescent`). Deterministic (integer multipliers, array orders, a work count); a pair stops early when the
/// bound meets the best plan.
extension Engine {
    /// Lagrangian rounds per pair of days and sweep.
    static let pairRounds = 10

    /// Pair re-optimization over every two consecutive calendar plan days, alternated with schedule exchanges, until
    /// a sweep improves nothing (at most `maxSweeps`); then the ejection passes on the slice of the share kept for them,
    /// and what is left of the share goes to `pairSearchHeirs`.
    mutating func pairSearch(maxSweeps: Int = 3) {
        guard nD > 1, p.continuity > 0 else { return }
        // Its own share of the work budget (the earlier phases' spending does not shrink it).
        let outer = phase
        phase = .pairSearch
        defer { phase = outer }
        let windows = exchangeWindows()
        let lookup = SlotCandidates(p, nD: nD)
        // A slice of the share kept for the ejection passes at the end (`ChainsEjection.swift`): charged now so the
        // sweeps stop short of it, given back before them.
        let reserve = max(0, budget.allowance(.pairSearch) / Engine.ejectionShare)
        charge(reserve)
        var value = trueValue()
        exchangeDescent(windows, lookup)
        var sweep = 0
        var improved = true
        while improved && sweep < maxSweeps && workLeft > 0 && !outOfTime() {
            improved = false
            sweep += 1
            for d in 0..<(nD - 1) where p.follows[d + 1] {
                if workLeft <= 0 || outOfTime() { break }
                if optimizePair(d, rounds: Engine.pairRounds) {
                    stats.moves += 1
                    exchangeDescent(windows, lookup)
                }
            }
            let v = trueValue()
            if v > value {
                value = v
                improved = true
            }
        }
        charge(-reserve)
        ejectionDescent(lookup)
        budget.handOver(.pairSearch, to: Engine.pairSearchHeirs)
    }

    /// The Lagrangian rounds on days d and d + 1 (see the extension comment). Ends on the best plan found; returns
    /// true when it is strictly better than the starting plan.
    mutating func optimizePair(_ d: Int, rounds: Int) -> Bool {
        let e = d + 1
        let nJobs = Int((p.reqJob.max() ?? -1) + 1)
        let both = workersFreeForBoth(d, e)
        // Chain keys (w, job): worker w is a candidate for the job on both days (and day e's bonus is not from history).
        var onD = Set<Int>()
        for r in 0..<p.nR where Int(p.reqDay[r]) == d {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                onD.insert(Int(p.candWorker[c]) * nJobs + Int(p.reqJob[r]))
            }
        }
        var keyIndex: [Int: Int] = [:]
        var keys: [Int] = []
        for r in 0..<p.nR where Int(p.reqDay[r]) == e {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where p.candHistory[c] == 0 {
                guard both[Int(p.candWorker[c])] else { continue }
                let key = Int(p.candWorker[c]) * nJobs + Int(p.reqJob[r])
                if onD.contains(key) && keyIndex[key] == nil {
                    keyIndex[key] = keys.count
                    keys.append(key)
                }
            }
        }
        guard !keys.isEmpty else { return false }
        let start = trueValue()
        var best = start
        var bestPlan = (assign, assignCand)
        let full = p.continuity
        var lambda = [Int64](repeating: full / 2, count: keys.count)
        // Every other day stays as it is during the rounds: its part of the objective is a constant.
        let outside = valueOutside(d, e)
        // Polyak steps towards the best plan's value, the factor halved when the bound stalls.
        var theta = 1.0
        var bestBound = Int64.max
        var stalled = 0
        for round in 0..<rounds {
            if workLeft <= 0 || outOfTime() { break }
            // The two relaxed days, each solved with the other day empty and its share of every chain bonus.
            let (netD, solD) = relaxedDay(
                d, other: e, both,
                share: { w, job in
                    keyIndex[w * nJobs + Int(job)].map { lambda[$0] } ?? 0
                })
            let (netE, solE) = relaxedDay(
                e, other: d, both,
                share: { w, job in
                    keyIndex[w * nJobs + Int(job)].map { full - lambda[$0] } ?? 0
                })
            guard let netD, let solD, let netE, let solE else { break }
            // A real plan from one relaxed day (alternately d and e): apply it, re-solve the other day around it.
            let (first, second) = round % 2 == 0 ? (d, e) : (e, d)
            clearDay(second)
            if first == d { applyDay(d, netD, solD) } else { applyDay(e, netE, solE) }
            forceResolveDay(second)
            _ = resolveDay(first)
            let v = trueValue()
            if v > best {
                best = v
                bestPlan = (assign, assignCand)
            }
            (assign, assignCand) = bestPlan
            // The bound: the relaxed days plus every other day of the best plan.
            let bound = solD.value + solE.value + outside
            if bound <= best { break }
            if bound < bestBound {
                bestBound = bound
                stalled = 0
            } else {
                stalled += 1
                if stalled >= 2 {
                    theta /= 2
                    stalled = 0
                }
            }
            // Subgradient step: a chain the relaxed days disagree on moves its share towards the day that lacks it.
            var jobD = [Int32](repeating: -1, count: p.nW)
            var jobE = [Int32](repeating: -1, count: p.nW)
            for row in 0..<netD.nRows where solD.rowArc[row] >= 0 {
                jobD[Int(netD.rowWorker[row])] = p.reqJob[Int(netD.arcReq[Int(solD.rowArc[row])])]
            }
            for row in 0..<netE.nRows where solE.rowArc[row] >= 0 {
                jobE[Int(netE.rowWorker[row])] = p.reqJob[Int(netE.arcReq[Int(solE.rowArc[row])])]
            }
            var disagree = 0
            for key in keys {
                let job = Int32(key % nJobs)
                if (jobD[key / nJobs] == job) != (jobE[key / nJobs] == job) { disagree += 1 }
            }
            if disagree == 0 { break }
            let step = max(1, Int64((theta * Double(bound - best) / Double(disagree)).rounded(.up)))
            for (i, key) in keys.enumerated() {
                let w = key / nJobs
                let job = Int32(key % nJobs)
                let inD = jobD[w] == job
                let inE = jobE[w] == job
                if inD && !inE { lambda[i] = max(0, lambda[i] - step) }
                if inE && !inD { lambda[i] = min(full, lambda[i] + step) }
            }
        }
        (assign, assignCand) = bestPlan
        return best > start
    }

    /// Day `day` solved exactly with day `other` empty for the workers of `both` (the others keep their day of the
    /// two: their weekly cap leaves them one) and `share(w, job)` added to every pair; the plan is left unchanged.
    /// Nil when the day has no requests.
    mutating func relaxedDay(
        _ day: Int, other: Int, _ both: [Bool], share: (Int, Int32) -> Int64
    ) -> (FlowNetwork?, FlowSolution?) {
        let saved = (assign, assignCand)
        for w in 0..<p.nW where both[w] && p.pinnedOn[w * nD + other] < 0 {
            assign[w * nD + other] = -1
            assignCand[w * nD + other] = -1
        }
        let net = dayNetwork(day, value: { r, c, w in dayValue(day, r, c, w) + share(w, p.reqJob[r]) })
        (assign, assignCand) = saved
        guard let net else { return (nil, nil) }
        charge(net.arcReq.count + p.nW)
        return (net, branchAndBound(net, order: releaseOrder(net), isFull: false))
    }

    /// Workers whose ISO-week caps let them work both days d and e (given their other days).
    func workersFreeForBoth(_ d: Int, _ e: Int) -> [Bool] {
        let nK = p.weeks.count
        var both = [Bool](repeating: true, count: p.nW)
        guard p.dayWeek[d] == p.dayWeek[e] else { return both }
        let k = Int(p.dayWeek[d])
        for w in 0..<p.nW {
            var used: Int32 = 0
            for x in 0..<nD
            where x != d && x != e && Int(p.dayWeek[x]) == k && assign[w * nD + x] >= 0 && p.pinnedOn[w * nD + x] < 0 {
                used += 1
            }
            both[w] = p.capLeft[w * nK + k] - used >= 2
        }
        return both
    }

    /// Removes day d's unpinned assignments.
    mutating func clearDay(_ d: Int) {
        for w in 0..<p.nW where p.pinnedOn[w * nD + d] < 0 {
            assign[w * nD + d] = -1
            assignCand[w * nD + d] = -1
        }
    }

    /// Re-solves day d exactly with every other day fixed and applies the result whatever its value.
    mutating func forceResolveDay(_ d: Int) {
        guard let net = dayNetwork(d, value: { r, c, w in dayValue(d, r, c, w) }) else { return }
        charge(net.arcReq.count + p.nW)
        applyDay(d, net, branchAndBound(net, order: releaseOrder(net), isFull: false))
    }

    /// The plan's objective without the unpinned assignments of days d and e and the continuity terms that depend on
    /// them (what the two relaxed days add to).
    func valueOutside(_ d: Int, _ e: Int) -> Int64 {
        var copy = self
        copy.clearDay(d)
        copy.clearDay(e)
        return copy.trueValue()
    }
}
