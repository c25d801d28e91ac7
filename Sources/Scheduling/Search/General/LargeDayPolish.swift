import Foundation

/// The rows a polish flow keeps as they are, and what they hold: workers and riders per request, dates per
/// worker-week (`w * nK + k`, unpinned rows only, as the weekly caps count them).
struct LargeFixedRows {
    var rows = Set<Int32>()
    var count: [Int32]
    var riders: [Int32]
    var used: [Int32]
    /// Requests whose first units up to their minimum carry a bonus (the last polish left them below it).
    var forced = Set<Int32>()
    /// Requests left out (forced and still below their minimum).
    var closed = Set<Int32>()
}

extension GeneralEngine {
    /// Polish flows after the large path's dives, at most this many (the polish stops when a flow neither improves
    /// the plan nor leaves a new request below its minimum).
    static let largePolishes = 3
    /// Polish flows start while the large path's flows have spent at most this many times the general share of the
    /// work budget (the default budget: a county week polishes twice; `runLarge` polishes multi-day instances only,
    /// so a county or province day not at all).
    static let largePolishShares = 16

    /// A polish flow made a plan: its work is counted and charged to the budget; when it finished, the fixed rows
    /// keep what `best` holds, requests the flow left below their minimum are forced in the next flow (closed if
    /// forcing did not help; `changed` when either set grew), and the rows are repaired and valued (`Int64.min` when
    /// the repair found no valid plan).
    ///
    /// - Returns: nil when the flow did not finish (the deadline): the polish stops.
    mutating func completePolish(
        _ flow: LargeRelaxation, fixed: LargeFixedRows, best: [Int32: [Int32]], forced: inout Set<Int32>,
        closed: inout Set<Int32>, scope: GeneralScope, order: [Int32], value: (Int) -> Int64
    ) -> (rows: [Int32: [Int32]]?, value: Int64, changed: Bool)? {
        stats.flowWork += flow.work
        budget.charge(.general, flow.work)
        guard flow.complete else { return nil }
        var rows = flow.rows
        for key in fixed.rows { if let cs = best[key] { rows[key] = cs } }
        var count = fixed.count
        for (_, cs) in flow.rows { for c in cs { count[Int(candReq[Int(c)])] += 1 } }
        var changed = false
        for r in 0..<p.nR where pinnedCount[r] == 0 && count[r] > 0 && count[r] < p.reqMin[r] {
            if forced.insert(Int32(r)).inserted {
                changed = true
            } else if closed.insert(Int32(r)).inserted {
                changed = true
            }
        }
        let repaired = repair(rows, scope: scope, order: order, value: value)
        return (repaired, repaired.map { networkValue($0, scope: scope, value: value) } ?? Int64.min, changed)
    }

    /// What `rows` (a valid plan) fixes for a polish: every row holding two jobs or more, and every row with pins
    /// that holds a job (a pinned row cannot be held to one job by the week groups).
    func largeFixed(_ rows: [Int32: [Int32]]) -> LargeFixedRows {
        var fixed = LargeFixedRows(
            count: [Int32](repeating: 0, count: p.nR), riders: [Int32](repeating: 0, count: p.nR),
            used: [Int32](repeating: 0, count: p.nW * max(1, nK)))
        for (key, cs) in rows where cs.count >= 2 || !pinsOn[Int(key)].isEmpty {
            fixed.rows.insert(key)
            for c in cs {
                let r = Int(candReq[Int(c)])
                fixed.count[r] += 1
                if p.candRide[Int(c)] != 0 { fixed.riders[r] += 1 }
            }
            if pinsOn[Int(key)].isEmpty {
                let w = Int(key) / max(1, nD)
                fixed.used[w * nK + Int(p.dayWeek[Int(key) % max(1, nD)])] += 1
            }
        }
        // Rows with pins and no job stay out of the flow too (they are not in `rows`).
        for key in pinsOn.indices where !pinsOn[key].isEmpty && rows[Int32(key)] == nil {
            fixed.rows.insert(Int32(key))
        }
        return fixed
    }

    /// One polish flow: `plan`'s two-job rows fixed (`largeFixed`) and every other row re-decided by the flow (no
    /// cliques); forced requests' units up to their minimum carry a bonus, closed requests are left out.
    mutating func largePolishFlow(
        _ plan: [Int32: [Int32]], value: (Int) -> Int64, forced: Set<Int32>, closed: Set<Int32>,
        warm: LargeRequestPrices? = nil
    ) -> (LargeRelaxation, LargeFixedRows) {
        largePolishFlow(fixing: largeFixed(plan), value: value, forced: forced, closed: closed, warm: warm)
    }

    /// One polish flow with the rows `fixing` holds fixed (their counts, riders and weekly use taken out of the
    /// network), every other row re-decided (no cliques), `forced` and `closed` as in `largePolishFlow(_:)`, from
    /// `warm`'s request prices when given.
    mutating func largePolishFlow(
        fixing rows: LargeFixedRows, value: (Int) -> Int64, forced: Set<Int32>, closed: Set<Int32>,
        warm: LargeRequestPrices? = nil
    ) -> (LargeRelaxation, LargeFixedRows) {
        var fixed = rows
        fixed.forced = forced
        fixed.closed = closed
        return (largeRelaxation(value: value, cliques: false, fixed: fixed, warmRequests: warm), fixed)
    }

    /// The large path's last step: with the plan's two-job rows fixed, every other row of every day is re-decided
    /// together by one flow, each held to one job (`largeRelaxation(fixed:)`). Beside the fixed rows that flow is
    /// exact but for minimum headcounts (weekly caps by week groups of one job a date, seats, the share bonus), so its
    /// repair (requests it leaves below their minimum are emptied, then the greedy fill) is kept when it beats the
    /// plan by network value. A request the flow leaves below its minimum is forced in the next flow (its units up to
    /// the minimum carry a bonus), and closed in the one after if it is still below. Repeats while it improves or
    /// forces something new, at most `largePolishes` times and while the large path's flows have spent at most
    /// `largePolishShares` shares of the budget, never past the deadline.
    ///
    /// This is the large counterpart of `resolveSingles`: a county day's branch and bound is out of reach, but its
    /// single-job part is one cost-scaling flow.
    ///
    /// - Returns: the best plan and its network value (`plan` and `planValue` when nothing improves).
    mutating func largePolish(
        _ plan: [Int32: [Int32]], value planValue: Int64, scope: GeneralScope, order: [Int32],
        value: (Int) -> Int64
    ) -> ([Int32: [Int32]], Int64) {
        var best = plan
        var bestValue = planValue
        var forced = Set<Int32>()
        var closed = Set<Int32>()
        for _ in 0..<GeneralEngine.largePolishes {
            guard !budget.outOfTime(),
                budget.spent[.general, default: 0] <= GeneralEngine.largePolishShares * budget.allowance(.general)
            else { break }
            let (flow, fixed) = largePolishFlow(best, value: value, forced: forced, closed: closed)
            guard
                case (let repaired, let v, let changed)? = completePolish(
                    flow, fixed: fixed, best: best, forced: &forced, closed: &closed, scope: scope, order: order,
                    value: value)
            else { break }
            if let repaired, v > bestValue {
                // The same two-job rows and nothing newly forced: the next flow would be this one.
                let same = StructurePool.key(repaired) == StructurePool.key(best)
                best = repaired
                bestValue = v
                stats.moves += 1
                if same && !changed { break }
            } else if !changed {
                break
            }
        }
        return (best, bestValue)
    }
}
