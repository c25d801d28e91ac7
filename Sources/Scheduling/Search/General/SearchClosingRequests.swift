import Foundation

/// Closing a request held at its minimum, its workers dealt to other requests of the day (issue 14, v2lp11 session).
///
/// A request without pins that holds few workers (at most `closingMaxHolders`) is closed: every
/// holder gives up its job there and keeps the rest of its row (the other job of a two-job row), and each holder takes
/// at most one other job of the day, one that fits beside what it kept, on a request with room (its headcount, the
/// seats of its van) — or none. The best such deal (the day's network value: priority × M, travel, fairness,
/// continuity both ways with the other days fixed, share units) is found exactly by a depth-first search over the
/// holders with a bound (each holder's best option alone), and kept when it beats keeping the request: the day stays
/// valid (`dayValid`) and the scorer ranks the plan higher.
///
/// What it adds: the day's completions (`resolveSingles`, the polish flows) keep a request that is open at its
/// minimum (its workers are at their best while it is open), and they keep the two-job rows they are given; the
/// structure moves change one row at a time, and a request held at its minimum by three rows cannot lose one. So a
/// request held at its minimum partly by two-job rows is never closed. On `scarce-w300-r70-d3-s6`'s 07-10 the column
/// MILP of the day with the other dates fixed (`/tmp/v2lp11/colday.py`, SCIP) gains +2 medium by exactly such a move
/// and nothing else: r153 (priority 4, minimum 3) closed, its morning workers w252 and w34 (each beside an afternoon
/// job) and w74 to r205 (priority 6) twice and r143 (priority 2). Requests of minimum one are closed too (all their
/// workers moved at once, two-job rows among them): on `s6` +176 soft beside the +2 medium. Deterministic (request and
/// candidate order).
extension GeneralEngine {
    /// Requests held by more workers than this are not closed.
    static let closingMaxHolders = 4
    /// Search steps one request's deal may take (then its best so far is used).
    static let closingMaxSteps = 200_000

    /// Passes over the days' requests while a closing improves the plan (at most `maxPasses`), within `maxWork` work
    /// units. Returns whether the plan improved.
    @discardableResult
    mutating func closeHeldRequests(maxWork: Int, maxPasses: Int = 3, ignoreLeft: Bool = false) -> Bool {
        improvingPasses(
            maxWork: maxWork, maxPasses: maxPasses, ignoreLeft: ignoreLeft,
            items: { e in (0..<e.p.nR).filter { e.pinnedCount[$0] == 0 } }, step: { $0.closeRequest($1) })
    }

    /// Closes request r when it is open with at most `closingMaxHolders` workers, none of them pinned on its date, and
    /// deals its workers to other requests of the day (see the extension comment). Applies the best deal and returns
    /// true when the day is valid with it and the scorer ranks the plan higher; otherwise leaves the plan as it was.
    mutating func closeRequest(_ r: Int) -> Bool {
        let d = Int(p.reqDay[r])
        // The holders: rows of day d that work r, with the candidate they give up.
        var holders: [(key: Int, cand: Int32)] = []
        for w in 0..<p.nW {
            let key = w * nD + d
            for c in jobs[key] where Int(candReq[Int(c)]) == r { holders.append((key, c)) }
        }
        let k = holders.count
        guard k > 0, k <= GeneralEngine.closingMaxHolders,
            holders.allSatisfy({ pinsOn[$0.key].isEmpty })
        else { return false }
        // Counts and riders per request of the day.
        let (count, riders) = dayCounts(d)
        let share = Int64(inst.weights.share)
        // What keeping r is worth: its holders' values and its share units.
        var keep: Int64 = 0
        for (i, h) in holders.enumerated() {
            keep += dayValue(Int(h.cand))
            if share > 0 {
                keep += share * Int64(shareUnits(k: Int(pinnedCount[r]) + i + 1, headcount: inst.requests[r].headcount))
            }
        }
        // Each holder's options: the candidates of its row that fit beside what it keeps, on another request.
        var options = [[Int32]](repeating: [], count: k)
        var kept = [[Int32]](repeating: [], count: k)
        var best = [Int64](repeating: 0, count: k)
        for (i, h) in holders.enumerated() {
            kept[i] = jobs[h.key].filter { $0 != h.cand }
            let keptReqs = kept[i].map { candReq[Int($0)] }
            for c in rowCands[h.key] where candOK[Int(c)] {
                let q = candReq[Int(c)]
                guard Int(q) != r, !keptReqs.contains(q), fits(c, row: h.key, kept[i]) else { continue }
                options[i].append(c)
                best[i] = max(best[i], dayValue(Int(c)) + share * 100)
            }
        }
        // The bound of the holders from i on: each its best option alone (or nothing).
        var rest = [Int64](repeating: 0, count: k + 1)
        for i in stride(from: k - 1, through: 0, by: -1) { rest[i] = rest[i + 1] + best[i] }
        var added = [Int32](repeating: 0, count: p.nR)
        var addedRiders = [Int32](repeating: 0, count: p.nR)
        var chosen = [Int32](repeating: -1, count: k)
        var bestDeal: [Int32]? = nil
        var bestValue = keep
        var steps = 0
        let maxSteps = GeneralEngine.closingMaxSteps
        let engine = self
        func deal(_ i: Int, _ total: Int64) {
            steps += 1
            if steps > maxSteps || total + rest[i] <= bestValue { return }
            if i == k {
                // A request the deal opens must reach its minimum.
                for c in chosen where c >= 0 {
                    let q = Int(engine.candReq[Int(c)])
                    if engine.pinnedCount[q] == 0 && count[q] == 0 && added[q] < engine.p.reqMin[q] { return }
                }
                bestValue = total
                bestDeal = chosen
                return
            }
            for c in options[i] {
                let q = Int(engine.candReq[Int(c)])
                guard count[q] + added[q] < engine.p.reqCap[q] else { continue }
                let rides = engine.p.candRide[Int(c)] != 0
                if rides && riders[q] + addedRiders[q] >= engine.seatsLeft[q] { continue }
                var v = engine.dayValue(Int(c))
                if share > 0 {
                    let n = Int(engine.pinnedCount[q] + count[q] + added[q]) + 1
                    v += share * Int64(shareUnits(k: n, headcount: engine.inst.requests[q].headcount))
                }
                added[q] += 1
                if rides { addedRiders[q] += 1 }
                chosen[i] = c
                deal(i + 1, total + v)
                added[q] -= 1
                if rides { addedRiders[q] -= 1 }
            }
            chosen[i] = -1
            deal(i + 1, total)
        }
        deal(0, 0)
        budget.charge(.general, steps)
        guard let bestDeal else { return false }
        // Apply, then check the day's rules and the scorer's ranking.
        let before = score(inst, assignments: assignments()).score
        let saved = holders.map { jobs[$0.key] }
        for (i, h) in holders.enumerated() {
            jobs[h.key] = (bestDeal[i] >= 0 ? kept[i] + [bestDeal[i]] : kept[i]).sorted()
        }
        if dayValid(d) && score(inst, assignments: assignments()).score > before { return true }
        for (i, h) in holders.enumerated() { jobs[h.key] = saved[i] }
        return false
    }
}
