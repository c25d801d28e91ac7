import Foundation

/// Several days: a continuity link passed from one worker to another as a kick, the other date re-decided around the
/// worker who gave it up, kept only when the whole change ranks higher (issue 14, v2multi5 session).
///
/// On `scarce-w150-r38-d2-s2` the last 12 soft to SCIP's optimum (554 / 62264) are six rows over both dates with five
/// workers (SCIP's best change of at most K workers' whole schedules: none with K = 3 or 4, this one with K = 5): on
/// 07-09 w87 and w119 exchange r43 and r64, so the link of job j8 (r8 on 07-08, r43 on 07-09) passes from w87 to w119,
/// who holds r8 on 07-08 too; on 07-08 w87, no longer tied to r8 by the link, leaves it, and a chain of four rows moves
/// a seat from r14 to r7 (both priority 1). Each date's half loses alone (−13 on 07-09, −5 on 07-08: w87's link), so
/// every move of one date stops there.
///
/// A link is worker a working job j on plan day d and on the next date d + 1. Another worker b who works j on one of
/// the two dates but not on the other can take it over: a gives its request of j on the other date (the kick date) to
/// b, and takes one of b's jobs there or none (each row must fit, b's week must have the date left). The links stay as
/// many; a's row on the first date is then free of the link, and that date (the re-decided date) is dealt again: the
/// count re-deals' flows (`countDeal`, both anchors), then the rows around a (a's row and the rows of the holders of
/// the requests a could take, `linkPassRows`) re-decided exactly by the branch and bound (`resolveRows`, on its own
/// allowance of `linkPassResolveWork`). The result is kept when every date is valid and the scorer ranks the plan
/// higher than before the kick, else the plan goes back. Deterministic (dates, workers and candidates in index order).
extension GeneralEngine {
    /// Rows the re-decided date's branch and bound takes at most.
    static let linkPassMaxRows = ProcessInfo.processInfo.environment["ILSON_X_LINKROWS"].flatMap { Int($0) } ?? 24
    /// Work units one re-decision's branch and bound may take.
    static let linkPassResolveWork = 400_000

    /// One link pass: worker `y` gives its candidate `give` (on `kickDay`) to worker `x`, who gives back `back` (its
    /// job there, or none); `redecide` is the neighbouring date dealt again after.
    struct LinkPass {
        let x: Int
        let y: Int
        let give: Int32
        let back: Int32?
        /// The exchange's change of `dayValue` alone.
        var delta: Int64 = 0
        let kickDay: Int
        let redecide: Int
    }

    /// The link passes of the plan: for every request q of an unpinned holder y whose job also has a request on a
    /// neighbouring date e, every other unpinned candidate x of q that works the job on e or could (a candidate of
    /// one of its requests there), with the exchange that fits best by `dayValue` (x's jobs on the kick date, then
    /// none given back) when it loses at most `continuity`.
    func linkPasses(_ pinned: [Bool], _ candOf: [Int: Int32]) -> [LinkPass] {
        var out: [LinkPass] = []
        guard nD >= 2 else { return out }
        // Requests per (job, plan day).
        var reqsOf: [[Int32]: [Int32]] = [:]
        for r in 0..<p.nR { reqsOf[[p.reqJob[r], p.reqDay[r]], default: []].append(Int32(r)) }
        for k in 0..<nD {
            for e in [k - 1, k + 1] where e >= 0 && e < nD {
                guard abs(p.days[e].ordinal - p.days[k].ordinal) == 1 else { continue }
                for y in 0..<p.nW where !pinned[y] {
                    for c in jobs[y * nD + k] {
                        let r = Int(candReq[Int(c)])
                        let job = p.reqJob[r]
                        guard let there = reqsOf[[job, Int32(e)]] else { continue }
                        for x in 0..<p.nW where x != y && !pinned[x] {
                            guard candOf[r * p.nW + x] != nil, !works(x, job, k) else { continue }
                            // The dealt date can only gain by x taking the job there, or by y leaving it there.
                            let xNew =
                                !works(x, job, e) && there.contains(where: { candOf[Int($0) * p.nW + x] != nil })
                            let strict = ProcessInfo.processInfo.environment["ILSON_X_LINKSTRICT"] != nil
                            if strict {
                                guard xNew || (works(y, job, e) && works(x, job, e)) else { continue }
                            } else {
                                guard works(x, job, e) || there.contains(where: { candOf[Int($0) * p.nW + x] != nil })
                                else { continue }
                            }
                            let m = LinkPass(x: x, y: y, give: c, back: nil, kickDay: k, redecide: e)
                            if let best = linkPassExchange(m, candOf), best.delta >= -p.continuity {
                                out.append(
                                    LinkPass(
                                        x: x, y: y, give: c, back: best.back, delta: best.delta, kickDay: k,
                                        redecide: e))
                            }
                        }
                    }
                }
            }
        }
        if ProcessInfo.processInfo.environment["ILSON_X_LINKSORT"] != nil {
            out.sort { ($0.delta, $1.kickDay, $1.y, $1.x) > ($1.delta, $0.kickDay, $0.y, $0.x) }
        }
        return out
    }

    /// Passes over the link passes while one improves (at most `maxPasses`), within `maxWork` work units. Returns
    /// whether the plan improved.
    @discardableResult
    mutating func linkPassKicks(maxWork: Int, maxPasses: Int = 2) -> Bool {
        guard nD >= 2, p.continuity > 0 else { return false }
        let maxWork = maxWork * (ProcessInfo.processInfo.environment["ILSON_X_LINKX"].flatMap { Int($0) } ?? 1)
        let pinned = pinnedWorkers()
        let candOf = candidateIndex()
        let workAtStart = budget.spent[.general, default: 0]
        let limit = workAtStart > Int.max - maxWork ? Int.max : workAtStart + maxWork
        var tried = 0
        let any = improvingPasses(
            maxWork: maxWork, maxPasses: maxPasses, ignoreLeft: true,
            items: { e in
                let l = e.linkPasses(pinned, candOf)
                if ProcessInfo.processInfo.environment["ILSON_X_TRACE"] != nil {
                    FileHandle.standardError.write("linkpass items \(l.count)\n".data(using: .utf8)!)
                }
                return l
            },
            step: {
                if ProcessInfo.processInfo.environment["ILSON_X_TRACE"] != nil {
                    FileHandle.standardError.write("linkpass try \(tried) delta \($1.delta)\n".data(using: .utf8)!)
                }
                tried += 1
                return $0.linkPass($1, pinned, candOf, workLimit: limit)
            })
        if ProcessInfo.processInfo.environment["ILSON_X_TRACE"] != nil {
            FileHandle.standardError.write(
                "linkpass tried \(tried) work \(budget.spent[.general, default: 0] - workAtStart) of \(maxWork)\n"
                    .data(using: .utf8)!)
        }
        return any
    }

    /// The kick's exchange on the kick date: the job x gives back (one of its jobs there in order, then none) whose
    /// rows fit with the best change of `dayValue` (exact on the kick date with the other dates fixed; the counts do
    /// not change), and that change; nil when none fits or x's week has no date left.
    func linkPassExchange(_ m: LinkPass, _ candOf: [Int: Int32]) -> (back: Int32?, delta: Int64)? {
        let k = m.kickDay
        let r = Int(candReq[Int(m.give)])
        guard let cx = candOf[r * p.nW + m.x] else { return nil }
        let xKey = m.x * nD + k
        let yKey = m.y * nD + k
        if jobs[xKey].isEmpty && !dayWeekOpen(Int32(xKey)) { return nil }
        let yKept = jobs[yKey].filter { $0 != m.give }
        var options: [Int32?] = jobs[xKey].map { Optional($0) }
        options.append(nil)
        var best: (back: Int32?, delta: Int64)?
        for back in options {
            var delta = dayValue(Int(cx)) - dayValue(Int(m.give))
            if let back {
                guard let cy = candOf[Int(candReq[Int(back)]) * p.nW + m.y], fits(cy, row: yKey, yKept) else {
                    continue
                }
                delta += dayValue(Int(cy)) - dayValue(Int(back))
            }
            guard fits(cx, row: xKey, jobs[xKey].filter { $0 != back }) else { continue }
            if best == nil || delta > best!.delta { best = (back, delta) }
        }
        return best
    }

    /// The rows of date d re-decided after a pass between x and y: their rows, then the rows of the holders of the
    /// requests x, then y, could take that date (requests in order of the worker's value for them), at most
    /// `linkPassMaxRows`.
    func linkPassRows(_ x: Int, _ y: Int, _ d: Int, _ pinned: [Bool]) -> Set<Int32> {
        var rows: Set<Int32> = [Int32(x * nD + d), Int32(y * nD + d)]
        var holders = [[Int32]](repeating: [], count: p.nR)
        for w in 0..<p.nW where !pinned[w] {
            for c in jobs[w * nD + d] { holders[Int(candReq[Int(c)])].append(Int32(w * nD + d)) }
        }
        for w in [x, y] {
            let cands = rowCands[w * nD + d].filter { candOK[Int($0)] }.sorted {
                (dayValue(Int($0)), $1) > (dayValue(Int($1)), $0)
            }
            for c in cands {
                for key in holders[Int(candReq[Int(c)])] where rows.count < GeneralEngine.linkPassMaxRows {
                    rows.insert(key)
                }
            }
        }
        return rows
    }

    /// Tries one link pass (see the extension comment); keeps the plan when the scorer ranks it higher.
    mutating func linkPass(_ m: LinkPass, _ pinned: [Bool], _ candOf: [Int: Int32], workLimit: Int) -> Bool {
        guard budget.spent[.general, default: 0] < workLimit else { return false }
        let k = m.kickDay
        let e = m.redecide
        let xKey = m.x * nD + k
        let yKey = m.y * nD + k
        // The plan may have changed since the passes were listed.
        guard jobs[yKey].contains(m.give), m.back.map({ jobs[xKey].contains($0) }) ?? true,
            let cx = candOf[Int(candReq[Int(m.give)]) * p.nW + m.x]
        else { return false }
        var xRow = jobs[xKey].filter { $0 != m.back }
        var yRow = jobs[yKey].filter { $0 != m.give }
        if let back = m.back {
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
        let mode = ProcessInfo.processInfo.environment["ILSON_X_LINKMODE"].flatMap { Int($0) } ?? 3
        if mode & 1 != 0 {
            let anch = ProcessInfo.processInfo.environment["ILSON_X_LINKANCH"].flatMap { Int($0) } ?? 3
            for anchor in 1...GeneralEngine.countRedealModes where anch & anchor != 0 {
                if let deal = countDeal(e, pinned, anchor: anchor) {
                    for (w, row) in deal { jobs[w * nD + e] = row }
                }
            }
        }
        if mode & 2 != 0 {
            let left = workLimit - budget.spent[.general, default: 0]
            if left > 0 {
                _ = resolveRowsOnOwnAllowance(
                    linkPassRows(m.x, m.y, e, pinned), day: e, maxWork: min(left, GeneralEngine.linkPassResolveWork))
            }
        }
        if (0..<nD).allSatisfy({ dayValid($0) }) && score(inst, assignments: assignments()).score > before {
            if ProcessInfo.processInfo.environment["ILSON_X_TRACE"] != nil {
                FileHandle.standardError.write(
                    "linkpass work \(budget.spent[.general, default: 0]) delta \(m.delta) x=\(m.x) y=\(m.y) k=\(k) e=\(e) \(before) -> \(score(inst, assignments: assignments()).score)\n"
                        .data(using: .utf8)!)
            }
            return true
        }
        jobs = saved
        return false
    }
}
