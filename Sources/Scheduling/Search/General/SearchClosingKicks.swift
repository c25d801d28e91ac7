/// Several days: a request held at its minimum closed as a kick, the plan dealt again around it, kept only when the
/// whole change ranks higher (issue 14, v2multi4 session).
///
/// On `balanced-w200-r50-d3-s4` the last 150 soft to SCIP's optimum (1123 / 105175) are one change of at least 62 rows
/// over all three dates (SCIP, the fewest rows that change from main's plan at the optimum's score): r32 (priority 1,
/// minimum 4, held by exactly four workers on 07-08) closes, four requests of priority 1 (r1, r18, r27, r35) gain a
/// worker each, and seats move on every date around it; with r32 kept open the optimum is 105096, with r32 closed and
/// only 07-08 free 105082. The closing move (`SearchClosingRequests.swift`) deals r32's holders only (each to one other
/// job of the day) and keeps the closing only when that alone gains; the count re-deals keep an open request's minimum.
/// Here the kick drops the request's holders' jobs there (the rest of their rows stays), so the request is closed for
/// the count re-deals' flows (`countDeal`), and deals the kicked date by them (both anchors); when the medium is not
/// seated again the kick stops. Otherwise every other date is dealt the same way, then the kicked date again, then a
/// short descent (the seat re-deals, the pair deals and the count re-deals, each on at most `descentShare`) improves the kicked
/// plan; the result is kept when every date stays valid and the scorer ranks the plan higher than before the kick,
/// else the plan goes back. Deterministic (requests in index order; each flow's arcs in worker and request order).
extension GeneralEngine {
    /// Requests held by more workers than this are not kicked (the closing move's limit).
    static let kickMaxHolders = GeneralEngine.closingMaxHolders

    /// The requests a kick may close: no pins, a minimum above one, open exactly at that minimum with at most
    /// `kickMaxHolders` holders.
    func kickableRequests() -> [Int] {
        var out: [Int] = []
        var count = [Int32](repeating: 0, count: p.nR)
        for key in 0..<jobs.count { for c in jobs[key] { count[Int(candReq[Int(c)])] += 1 } }
        for r in 0..<p.nR where pinnedCount[r] == 0 && p.reqMin[r] > 1 && count[r] == p.reqMin[r] {
            if count[r] <= Int32(GeneralEngine.kickMaxHolders) { out.append(r) }
        }
        return out
    }

    /// Passes over the kickable requests while a kick improves the plan (at most `maxPasses`), within `maxWork` work
    /// units. Returns whether the plan improved.
    @discardableResult
    mutating func closingKicks(maxWork: Int, maxPasses: Int = 2) -> Bool {
        guard nD >= 2 else { return false }
        let pinned = pinnedWorkers()
        let workAtStart = budget.spent[.general, default: 0]
        let limit = workAtStart > Int.max - maxWork ? Int.max : workAtStart + maxWork
        return improvingPasses(
            maxWork: maxWork, maxPasses: maxPasses, ignoreLeft: true, items: { $0.kickableRequests() },
            step: { $0.closingKick($1, pinned, workLimit: limit, descentShare: maxWork / 32) })
    }

    /// Closes request r (its holders give up their job there), deals every date again by the count re-deals' flows
    /// (see the extension comment) and keeps the plan when the scorer ranks it higher.
    ///
    /// The kick stops (the plan goes back) once the general work spent reaches `workLimit`; the descent's three
    /// moves each get at most `descentShare` and a third of what is left below the limit.
    mutating func closingKick(_ r: Int, _ pinned: [Bool], workLimit: Int, descentShare: Int) -> Bool {
        let d = Int(p.reqDay[r])
        let saved = jobs
        let before = score(inst, assignments: assignments()).score
        var dropped = 0
        for w in 0..<p.nW {
            let key = w * nD + d
            let row = jobs[key]
            let kept = row.filter { Int(candReq[Int($0)]) != r }
            if kept.count != row.count {
                guard pinsOn[key].isEmpty else {
                    jobs = saved
                    return false
                }
                jobs[key] = kept
                dropped += 1
            }
        }
        guard dropped > 0 else { return false }
        // The kicked date first: when its deals cannot seat the medium again, the kick stops there.
        for anchor in 1...GeneralEngine.countRedealModes {
            if let deal = countDeal(d, pinned, anchor: anchor) {
                for (w, row) in deal { jobs[w * nD + d] = row }
            }
        }
        if budget.spent[.general, default: 0] >= workLimit
            || score(inst, assignments: assignments()).score.medium < before.medium
        {
            jobs = saved
            return false
        }
        var order: [Int] = []
        for e in 0..<nD where e != d { order.append(e) }
        order.append(d)
        for e in order {
            for anchor in 1...GeneralEngine.countRedealModes {
                if let deal = countDeal(e, pinned, anchor: anchor) {
                    for (w, row) in deal { jobs[w * nD + e] = row }
                }
            }
            if budget.spent[.general, default: 0] >= workLimit {
                jobs = saved
                return false
            }
        }
        let descentWork = min(descentShare, (workLimit - budget.spent[.general, default: 0]) / 3)
        if descentWork > 0 {
            seatRedeals(maxWork: descentWork)
            seatPairDeals(maxWork: descentWork)
            countRedeals(maxWork: descentWork)
        }
        if (0..<nD).allSatisfy({ dayValid($0) }) && score(inst, assignments: assignments()).score > before {
            return true
        }
        jobs = saved
        return false
    }
}
