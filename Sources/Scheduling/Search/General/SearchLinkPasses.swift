import Foundation

/// Several days: a request of a job that spans two neighbouring dates handed from one worker to another on one date
/// as a kick, so a continuity link can pass to (or be made by) the worker who takes it; the other date is then dealt
/// again, and the whole change is kept only when it ranks higher (issue 14, v2multi5 session).
///
/// On `scarce-w150-r38-d2-s2` the last 12 soft to SCIP's optimum (554 / 62264) are six rows over both dates with five
/// workers (SCIP's best change of at most K workers' whole schedules: none with K = 3 or 4, this one with K = 5): on
/// 07-09 w87 and w119 exchange r43 and r64, so the link of job j8 (r8 on 07-08, r43 on 07-09) passes from w87 to w119,
/// who holds r8 on 07-08 too; on 07-08 w87, no longer tied to r8 by the link, leaves it, and rows re-deal so that a
/// seat moves from r14 to r7 (both priority 1). Each date's half loses alone (−13 on 07-09, −5 on 07-08: w87's link),
/// so every move of one date stops there. On `balanced-w200-r50-d3-s4` SCIP's best change of four workers is of the
/// same kind (+25): w37 takes r118 (j63, 07-10) from w192 for r149, then takes r87 (j63, 07-09), a new link.
///
/// A pass: on the kick date k, worker y gives its request q (of job j, which also has a request on the neighbouring
/// date e) to worker x, a candidate of q who does not work j on k, and takes back one of x's jobs there or none (the
/// exchange whose rows fit with the best change of `dayValue`; the counts do not change). Only passes after which e
/// can gain are listed: x can newly take j on e (a candidate of a request of j there that it does not work), or x and
/// y both work j on e (the link passes from y to x, and y is free of it on e); and only those whose exchange loses at
/// most one link's `continuity`, best exchange first. Date e is then dealt again by the count re-deals' flows
/// (`countDeal`, the earlier job of each two-job row kept, then the later one: counts free, each free worker one seat
/// beside its anchor), and the plan is kept when every date is valid and the scorer ranks it higher than before the
/// kick, else it goes back. Deterministic (passes sorted by exchange value, then date, workers; flows in index order).
extension GeneralEngine {
    /// One pass: worker `y` gives its candidate `give` (on `kickDay`) to worker `x`, who gives back `back` (its job
    /// there, or none); `redecide` is the neighbouring date dealt again after; `delta` the exchange's change of
    /// `dayValue`.
    struct LinkPass {
        let x: Int
        let y: Int
        let give: Int32
        let back: Int32?
        let delta: Int64
        let kickDay: Int
        let redecide: Int
    }

    /// The passes of the plan (see the extension comment), best exchange first.
    func linkPasses(_ pinned: [Bool], _ candOf: [Int: Int32]) -> [LinkPass] {
        var out: [LinkPass] = []
        guard nD >= 2 else { return out }
        // Requests per (job, plan day).
        var reqsOf: [[Int32]: [Int32]] = [:]
        for r in 0..<p.nR { reqsOf[[p.reqJob[r], p.reqDay[r]], default: []].append(Int32(r)) }
        for k in 0..<nD {
            for e in [k - 1, k + 1] where e == k - 1 ? p.follows[k] : p.followed(k) {
                for y in 0..<p.nW where !pinned[y] {
                    for c in jobs[y * nD + k] {
                        let r = Int(candReq[Int(c)])
                        let job = p.reqJob[r]
                        guard let there = reqsOf[[job, Int32(e)]] else { continue }
                        for x in 0..<p.nW where x != y && !pinned[x] {
                            guard candOf[r * p.nW + x] != nil, !works(x, job, k) else { continue }
                            // Date e can only gain by x taking the job there, or by y leaving it to x.
                            let xOnE = works(x, job, e)
                            let xNew = !xOnE && there.contains { candOf[Int($0) * p.nW + x] != nil }
                            guard xNew || (xOnE && works(y, job, e)) else { continue }
                            guard let best = linkPassExchange(x: x, y: y, give: c, kickDay: k, candOf),
                                best.delta >= -p.continuity
                            else { continue }
                            out.append(
                                LinkPass(
                                    x: x, y: y, give: c, back: best.back, delta: best.delta, kickDay: k, redecide: e))
                        }
                    }
                }
            }
        }
        out.sort {
            ($0.delta, $1.kickDay, $1.redecide, $1.y, $1.x, $1.give) > (
                $1.delta, $0.kickDay, $0.redecide, $0.y, $0.x, $0.give
            )
        }
        return out
    }

    /// Passes over the link passes while one improves (at most `maxPasses`), within `maxWork` work units (checked
    /// before each pass is tried). Returns whether the plan improved.
    @discardableResult
    mutating func linkPassKicks(maxWork: Int, maxPasses: Int = 2) -> Bool {
        guard nD >= 2, p.continuity > 0 else { return false }
        let pinned = pinnedWorkers()
        let candOf = candidateIndex()
        return improvingPasses(
            maxWork: maxWork, maxPasses: maxPasses, ignoreLeft: true, items: { $0.linkPasses(pinned, candOf) },
            step: { $0.linkPass($1, pinned, candOf) })
    }

    /// The kick's exchange on `kickDay`: the job x gives back to y (one of x's jobs there in order, then none) whose
    /// rows fit with the best change of `dayValue` (exact on that date with the others fixed; the counts do not
    /// change), and that change; nil when none fits or x's week has no date left.
    func linkPassExchange(
        x: Int, y: Int, give: Int32, kickDay k: Int, _ candOf: [Int: Int32]
    ) -> (back: Int32?, delta: Int64)? {
        guard let cx = candOf[Int(candReq[Int(give)]) * p.nW + x] else { return nil }
        let xKey = x * nD + k
        let yKey = y * nD + k
        if jobs[xKey].isEmpty && !dayWeekOpen(Int32(xKey)) { return nil }
        let yKept = jobs[yKey].filter { $0 != give }
        var options: [Int32?] = jobs[xKey].map { Optional($0) }
        options.append(nil)
        var best: (back: Int32?, delta: Int64)?
        for back in options {
            var delta = dayValue(Int(cx)) - dayValue(Int(give))
            if let back {
                guard let cy = candOf[Int(candReq[Int(back)]) * p.nW + y], fits(cy, row: yKey, yKept) else {
                    continue
                }
                delta += dayValue(Int(cy)) - dayValue(Int(back))
            }
            guard fits(cx, row: xKey, jobs[xKey].filter { $0 != back }) else { continue }
            if let b = best, b.delta >= delta { continue }
            best = (back, delta)
        }
        return best
    }

    /// Tries one pass (see the extension comment); keeps the plan when the scorer ranks it higher.
    mutating func linkPass(_ m: LinkPass, _ pinned: [Bool], _ candOf: [Int: Int32]) -> Bool {
        let k = m.kickDay
        let e = m.redecide
        let xKey = m.x * nD + k
        let yKey = m.y * nD + k
        // The plan may have changed since the passes were listed: the exchange is decided again.
        guard jobs[yKey].contains(m.give),
            let now = linkPassExchange(x: m.x, y: m.y, give: m.give, kickDay: k, candOf),
            now.delta >= -p.continuity,
            let cx = candOf[Int(candReq[Int(m.give)]) * p.nW + m.x]
        else { return false }
        var xRow = jobs[xKey].filter { $0 != now.back }
        var yRow = jobs[yKey].filter { $0 != m.give }
        if let back = now.back {
            guard let cy = candOf[Int(candReq[Int(back)]) * p.nW + m.y] else { return false }
            yRow.append(cy)
        }
        xRow.append(cx)
        let before = score(inst, assignments: assignments()).score
        let saved = jobs
        jobs[xKey] = xRow.sorted()
        jobs[yKey] = yRow.sorted()
        guard dayValid(k) else {
            jobs = saved
            return false
        }
        for anchor in 1...GeneralEngine.countRedealModes {
            if let deal = countDeal(e, pinned, anchor: anchor) {
                for (w, row) in deal { jobs[w * nD + e] = row }
            }
        }
        if (0..<nD).allSatisfy({ dayValid($0) }) && score(inst, assignments: assignments()).score > before {
            return true
        }
        jobs = saved
        return false
    }
}
