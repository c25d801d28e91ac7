import Foundation

/// Several days: a worker's whole run of one job over consecutive dates (a chain of continuity links) handed to
/// another worker as a kick, every date then dealt again by the count re-deals' flows, the whole change kept only when
/// the scorer ranks the plan higher (issue 14, s4multi19 session).
///
/// On `balanced-w200-r50-d3-s4` the last 52 soft to SCIP's optimum (1123 / 105175 from main's 105123) are one change
/// of 61 rows and 40 workers over all three dates that keeps every request's count: three job runs change hands (j48's
/// three dates from w45 to w65, j56's 07-09 and 07-10 from w37 to w45, j63's from w37 to w8) and the rest re-deals
/// around them. The link passes (`SearchLinkPasses.swift`) move one request on one date, the chain exchanges
/// (`SearchChainSwap.swift`) swap two workers' whole runs only when both gain alone.
///
/// A hand-over: worker y works job j on a run of two or more consecutive plan dates; worker x (no pins, not working j
/// on any of them, a candidate of y's request of j on each) takes it on each date of the run, giving back to y the
/// one of its jobs there (or none) whose rows fit with the best change of `dayValue` (`linkPassExchange`, date by date
/// in order, each exact given the dates before it). Listed when the exchanges together lose at most `continuity` (the
/// links move with the run, so most of what is lost is travel), best first. Then every other date and then the run's
/// dates are dealt again (`countDeal`, anchor 1 then 2), and the plan is kept when every date is valid and the scorer
/// ranks it higher than before the kick, else it goes back. Deterministic (sorted by value, then workers, job, dates;
/// flows in index order).
extension GeneralEngine {
    /// One hand-over: worker `y`'s run of `job` over `days` (consecutive plan dates, in order) to worker `x`; `delta`
    /// the exchanges' change of `dayValue`.
    struct JobRunHandOver {
        let x: Int
        let y: Int
        let job: Int32
        let days: [Int]
        let delta: Int64
    }

    /// Whether plan days d and d + 1 are neighbouring dates.
    func nextDateFollows(_ d: Int) -> Bool {
        d + 1 < nD && p.days[d + 1].ordinal == p.days[d].ordinal + 1
    }

    /// Worker w's candidate of `job` on plan day d in the plan, if any.
    func planCandidate(_ w: Int, _ job: Int32, _ d: Int) -> Int32? {
        jobs[w * nD + d].first { p.reqJob[Int(candReq[Int($0)])] == job }
    }

    /// The hand-overs of the plan (see the extension comment), best first. The plan is not changed (each is probed
    /// and undone).
    mutating func jobRunHandOvers(_ pinned: [Bool], _ candOf: [Int: Int32]) -> [JobRunHandOver] {
        var out: [JobRunHandOver] = []
        guard nD >= 2, p.continuity > 0 else { return out }
        for y in 0..<p.nW where !pinned[y] {
            for d in 0..<nD {
                for c in jobs[y * nD + d] {
                    let job = p.reqJob[Int(candReq[Int(c)])]
                    // Only the start of a maximal run.
                    if d > 0 && nextDateFollows(d - 1) && planCandidate(y, job, d - 1) != nil { continue }
                    var days = [d]
                    while let last = days.last, nextDateFollows(last), planCandidate(y, job, last + 1) != nil {
                        days.append(last + 1)
                    }
                    guard days.count >= 2 else { continue }
                    for x in 0..<p.nW where x != y && !pinned[x] {
                        guard
                            days.allSatisfy({ e in
                                guard let g = planCandidate(y, job, e) else { return false }
                                return candOf[Int(candReq[Int(g)]) * p.nW + x] != nil && !works(x, job, e)
                            })
                        else { continue }
                        let saved = days.map { (jobs[x * nD + $0], jobs[y * nD + $0]) }
                        let delta = handOverExchanges(x: x, y: y, job: job, days: days, candOf)
                        for (i, e) in days.enumerated() {
                            jobs[x * nD + e] = saved[i].0
                            jobs[y * nD + e] = saved[i].1
                        }
                        let lose = Int64(ProcessInfo.processInfo.environment["ILSON_X_LOSE"] ?? "") ?? p.continuity
                        guard let delta, delta >= -lose else { continue }
                        out.append(JobRunHandOver(x: x, y: y, job: job, days: days, delta: delta))
                    }
                }
            }
        }
        out.sort { ($0.delta, $1.y, $1.x, $1.job, $1.days[0]) > ($1.delta, $0.y, $0.x, $0.job, $0.days[0]) }
        return out
    }

    /// Applies the exchanges of a hand-over to the plan, date by date in order (x takes y's request of `job`, gives
    /// back its best-fitting job or none); returns the summed change of `dayValue`, or nil (the plan then partly
    /// changed: the caller restores it) when some date has no exchange that fits.
    mutating func handOverExchanges(x: Int, y: Int, job: Int32, days: [Int], _ candOf: [Int: Int32]) -> Int64? {
        var total: Int64 = 0
        for e in days {
            guard let give = planCandidate(y, job, e),
                let ex = linkPassExchange(x: x, y: y, give: give, kickDay: e, candOf),
                let cx = candOf[Int(candReq[Int(give)]) * p.nW + x]
            else { return nil }
            var xRow = jobs[x * nD + e].filter { $0 != ex.back }
            var yRow = jobs[y * nD + e].filter { $0 != give }
            if let back = ex.back {
                guard let cy = candOf[Int(candReq[Int(back)]) * p.nW + y] else { return nil }
                yRow.append(cy)
            }
            xRow.append(cx)
            jobs[x * nD + e] = xRow.sorted()
            jobs[y * nD + e] = yRow.sorted()
            total += ex.delta
        }
        return total
    }

    /// Passes over the hand-overs while one improves (at most `maxPasses`), within `maxWork` work units (checked before
    /// each hand-over and between its dates). Returns whether the plan improved.
    @discardableResult
    mutating func jobRunHandOverKicks(maxWork: Int, maxPasses: Int = 2) -> Bool {
        guard nD >= 2, p.continuity > 0 else { return false }
        let pinned = pinnedWorkers()
        let candOf = candidateIndex()
        let workAtStart = budget.spent[.general, default: 0]
        if ProcessInfo.processInfo.environment["ILSON_X_TRACE"] != nil {
            var probe = self
            FileHandle.standardError.write("handovers listed \(probe.jobRunHandOvers(pinned, candOf).count)\n".data(using: .utf8)!)
        }
        let limit = workAtStart > Int.max - maxWork ? Int.max : workAtStart + maxWork
        return improvingPasses(
            maxWork: maxWork, maxPasses: maxPasses, ignoreLeft: true,
            items: { engine in
                var probe = engine
                return probe.jobRunHandOvers(pinned, candOf)
            },
            step: { $0.jobRunHandOver($1, pinned, candOf, workLimit: limit) })
    }

    /// Tries one hand-over (see the extension comment); keeps the plan when the scorer ranks it higher. The plan goes
    /// back once the general work spent reaches `workLimit`.
    mutating func jobRunHandOver(
        _ m: JobRunHandOver, _ pinned: [Bool], _ candOf: [Int: Int32], workLimit: Int
    ) -> Bool {
        // The plan may have changed since the hand-overs were listed: the run and the exchanges are decided again.
        guard m.days.allSatisfy({ planCandidate(m.y, m.job, $0) != nil && !works(m.x, m.job, $0) }) else {
            return false
        }
        let before = score(inst, assignments: assignments()).score
        let saved = jobs
        guard let delta = handOverExchanges(x: m.x, y: m.y, job: m.job, days: m.days, candOf),
            m.days.allSatisfy({ dayValid($0) })
        else {
            jobs = saved
            return false
        }
        var order = (0..<nD).filter { !m.days.contains($0) }
        order.append(contentsOf: m.days)
        for e in order {
            for anchor in 1...GeneralEngine.countRedealModes {
                if let deal = countDeal(e, pinned, anchor: anchor) {
                    for (w, row) in deal { jobs[w * nD + e] = row }
                }
            }
            if budget.spent[.general, default: 0] >= workLimit || budget.outOfTime() {
                jobs = saved
                return false
            }
        }
        let descent = Int(ProcessInfo.processInfo.environment["ILSON_X_DESCENT"] ?? "") ?? 0
        if descent > 0 {
            let w = min(descent, (workLimit - budget.spent[.general, default: 0]) / 3)
            if w > 0 {
                seatRedeals(maxWork: w)
                seatPairDeals(maxWork: w)
                countRedeals(maxWork: w)
            }
        }
        let after = score(inst, assignments: assignments()).score
        if ProcessInfo.processInfo.environment["ILSON_X_TRACE"] != nil {
            FileHandle.standardError.write(
                "handover y\(m.y) x\(m.x) job\(m.job) days\(m.days) delta \(m.delta) -> \(after.medium) / \(after.soft) from \(before.soft) work \(budget.spent[.general, default: 0])\n".data(using: .utf8)!)
        }
        if (0..<nD).allSatisfy({ dayValid($0) }) && after > before {
            return true
        }
        jobs = saved
        return false
    }
}
