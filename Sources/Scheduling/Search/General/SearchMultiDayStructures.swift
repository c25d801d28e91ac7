import Foundation

/// What a structure search of one plan day keeps between its moves: the two-job rows it may set (all, and by row),
/// the structures it has completed (a structure is completed once), and its work guard. Shared by the one-day search
/// (`searchTwoJobStructures`) and the search of one day among several (`searchDayStructures`).
struct StructureSearchState {
    /// The two-job rows the search may set, in a fixed order.
    let candidates: [TwoJobRow]
    /// The same, by row.
    let pairsOf: [Int32: [TwoJobRow]]
    /// The structures completed (`StructurePool.key`), the start's included.
    var tried: Set<[Int32]>
    /// General work spent when the search started.
    let workAtStart: Int
    /// General work the search may spend.
    let maxWork: Int

    /// The state at the start of a search of day `d` of `engine`'s plan; nil when no row can hold two jobs.
    init?(_ engine: GeneralEngine, day d: Int, candidates: [TwoJobRow], maxWork: Int) {
        guard !candidates.isEmpty else { return nil }
        self.candidates = candidates
        var pairs: [Int32: [TwoJobRow]] = [:]
        for t in candidates { pairs[t.row, default: []].append(t) }
        pairsOf = pairs
        tried = [StructurePool.key(engine.dayRows(d))]
        workAtStart = engine.budget.spent[.general, default: 0]
        self.maxWork = maxWork
    }

    /// Whether the search must stop: the general budget or the time is spent, or `maxWork` since it started.
    func spent(_ e: inout GeneralEngine) -> Bool {
        e.budget.left(.general) <= 0 || e.budget.outOfTime()
            || e.budget.spent[.general, default: 0] - workAtStart > maxWork
    }
}

extension GeneralEngine {
    /// Several days: the two-job structure search of one plan day with every other day fixed.
    ///
    /// The same local search as the one-day instances' (`searchTwoJobStructures`): from day `d`'s structure (its rows
    /// holding two jobs), a move adds, drops, re-pairs or hands on a two-job row, or exchanges a job between two
    /// (`structureMoves`, best estimate first), and every move is completed exactly by `resolveSingles(d)` (every other
    /// row of the day re-decided with one job at most, the weekly caps left by the other days and the continuity
    /// both ways exact). A completed move is valued by `dayPlanValue(d)`, the day's exact share of the plan's value
    /// with the other days fixed, and kept only when the day is valid with it (weekly caps, seats, headcounts and
    /// minimums: the moved two-job rows are fixed while the single jobs are completed). The best move evaluated is
    /// taken even when it loses (a structure is completed once), and after `maxStale` steps without a new best the
    /// search starts again from the best plan, at most `restarts` times (then it stops): the structures it completed
    /// stay tried, so a restart completes the next moves of the best plan's list where a longer walk would go on
    /// away from it. The best plan seen is installed, so the plan never gets worse. With `polish` each move is completed
    /// by the cheaper polish flow of the day (`polishDaySingles`: exact but for minimums, about 1M work units a move on
    /// the generated 300 × 70 × 3 instance, where a `resolveSingles` stopped at the search's whole allowance), each
    /// started where the day's completion before it ended (`polishDayMove`: its request prices, and the requests it
    /// forced or closed; about 0.2M a move, 0.4M with the prices alone).
    ///
    /// What it adds: a day re-solve (`resolveDay`) prices the two-job cliques but seldom finishes on a day of a
    /// multi-day instance, and `resolveSingles` keeps the structure it is given; so before this search the structure
    /// of every day was the one the all-days branch and bound's repair happened to give, and the medium it lost (a
    /// morning and an afternoon on one volunteer instead of on two workers) stayed lost.
    ///
    /// - Returns: whether the day's value improved.
    mutating func searchDayStructures(
        _ d: Int, maxWork: Int, perRound: Int = 8, maxStale: Int = 8, restarts: Int = 0, batch: Int = 16,
        polish: Bool = false
    ) -> Bool {
        let open = twoJobRows(day: d).filter { dayWeekOpen($0.row) || !jobs[Int($0.row)].isEmpty }
        guard var search = StructureSearchState(self, day: d, candidates: open, maxWork: maxWork) else { return false }
        let (candidates, pairsOf) = (search.candidates, search.pairsOf)
        func spent(_ e: inout GeneralEngine) -> Bool { search.spent(&e) }
        let startValue = dayPlanValue(d)
        var bestValue = startValue
        var bestJobs = jobs
        var currentValue = bestValue
        var stale = 0
        var restarted = 0
        // Polish completions start where the day's completion before ended (`polishDayMove`): its request prices,
        // and the requests it forced to their minimum or closed.
        var start = DayCompletionStart()
        // What each move completed alone gained on the plan it was tried from (`StructureMove.key`): a move listed again from
        // a later plan is ranked by the lower of its estimate and that gain, so a move the estimate overrates is
        // not completed again at the top of every step.
        var seen: [[Int32]: Int64] = [:]
        while !spent(&self) {
            let moves = rankedBySeen(structureMoves(candidates, pairsOf: pairsOf, day: d), seen: seen)
            var chosen: ([[Int32]], Int64)?
            var evaluated = 0
            // First the best moves together: those estimated to gain that touch other rows and requests than the
            // ones before them, completed once; taken when they beat the plan (a day may lack dozens of two-job
            // rows, and one completion each would spend the budget on a few).
            if batch > 1 {
                let saved = jobs
                var rowsTaken = Set<Int32>()
                var reqsTaken = Set<Int32>()
                var n = 0
                for move in moves where move.estimate > 0 && n < batch {
                    let keys = move.set.map(\.0)
                    let reqs = move.set.flatMap { key, cs in (jobs[Int(key)] + cs).map { candReq[Int($0)] } }
                    guard keys.allSatisfy({ !rowsTaken.contains($0) }), reqs.allSatisfy({ !reqsTaken.contains($0) })
                    else { continue }
                    let before = jobs
                    for (key, cs) in move.set { jobs[Int(key)] = cs }
                    guard move.set.allSatisfy({ $0.1.count < 2 || dayWeekOpen($0.0) }) else {
                        jobs = before
                        continue
                    }
                    rowsTaken.formUnion(keys)
                    reqsTaken.formUnion(reqs)
                    n += 1
                }
                if n > 1 && search.tried.insert(StructurePool.key(dayRows(d))).inserted {
                    for w in 0..<p.nW where jobs[w * nD + d].count <= 1 { jobs[w * nD + d] = [] }
                    if polish { polishDayMove(d, start: &start) } else { _ = resolveSingles(d, maxWork: maxWork) }
                    if dayValid(d) {
                        let v = dayPlanValue(d)
                        if v > currentValue { chosen = (jobs, v) }
                    }
                }
                jobs = saved
            }
            for move in moves where chosen == nil || chosen!.1 <= currentValue {
                if evaluated >= perRound || spent(&self) { break }
                let saved = jobs
                for (key, cs) in move.set { jobs[Int(key)] = cs }
                guard move.set.allSatisfy({ $0.1.count < 2 || dayWeekOpen($0.0) }),
                    search.tried.insert(StructurePool.key(dayRows(d))).inserted
                else {
                    jobs = saved
                    continue
                }
                evaluated += 1
                // The single rows start empty: the moved structure may leave them over a request's cap or seats, or
                // below a minimum, and `resolveSingles` keeps its start unless it finds better.
                for w in 0..<p.nW where jobs[w * nD + d].count <= 1 { jobs[w * nD + d] = [] }
                if polish { polishDayMove(d, start: &start) } else { _ = resolveSingles(d, maxWork: maxWork) }
                seen[move.key] = dayValid(d) ? dayPlanValue(d) - currentValue : Int64.min / 4
                if dayValid(d) {
                    let v = dayPlanValue(d)
                    if chosen == nil || v > chosen!.1 { chosen = (jobs, v) }
                    if v > currentValue {
                        jobs = saved
                        break
                    }
                }
                jobs = saved
            }
            guard let chosen else { break }
            jobs = chosen.0
            currentValue = chosen.1
            if currentValue > bestValue {
                bestValue = currentValue
                bestJobs = jobs
                stale = 0
            } else {
                stale += 1
                if stale > maxStale {
                    guard restarted < restarts else { break }
                    restarted += 1
                    jobs = bestJobs
                    currentValue = bestValue
                    stale = 0
                }
            }
        }
        jobs = bestJobs
        return bestValue > startValue
    }

    /// `moves` with each estimate lowered to the gain `seen` holds for the same move (completed from an earlier plan
    /// of the search), best first again (ties in `StructureMove.key` order); unchanged when no estimate is lowered.
    func rankedBySeen(_ moves: [StructureMove], seen: [[Int32]: Int64]) -> [StructureMove] {
        guard !seen.isEmpty else { return moves }
        var out = moves
        var changed = false
        for i in out.indices {
            if let g = seen[out[i].key], g < out[i].estimate {
                out[i].estimate = g
                changed = true
            }
        }
        guard changed else { return moves }
        return out.sorted(by: StructureMove.bestFirst)
    }

    /// Day `d`'s share of the plan's value with every other day fixed: its candidates valued by `dayValue`
    /// (continuity to the day before and the day after exact) and the share bonus of its requests.
    func dayPlanValue(_ d: Int) -> Int64 {
        let engine = self
        return networkValue(dayRows(d), scope: GeneralScope(days: [d]), value: { c in engine.dayValue(c) })
    }

    /// Whether row `key`'s worker may work its date: a date of the week is left beside the other days' (pinned rows
    /// use none).
    func dayWeekOpen(_ key: Int32) -> Bool {
        let w = Int(key) / max(1, nD)
        let d = Int(key) % max(1, nD)
        guard pinsOn[Int(key)].isEmpty else { return true }
        let k = Int(p.dayWeek[d])
        var used: Int32 = 0
        for e in 0..<nD
        where e != d && Int(p.dayWeek[e]) == k && !jobs[w * nD + e].isEmpty && pinsOn[w * nD + e].isEmpty {
            used += 1
        }
        return used < datesLeft[w * nK + k]
    }

    /// Whether day `d` of the plan keeps every rule the engine decides: weekly caps (with the other days), each
    /// request within its cap, its seats, and empty or at its minimum, each row's jobs fitting together.
    func dayValid(_ d: Int) -> Bool {
        var count = [Int32](repeating: 0, count: p.nR)
        var riders = [Int32](repeating: 0, count: p.nR)
        for w in 0..<p.nW {
            let key = w * nD + d
            let cs = jobs[key]
            guard !cs.isEmpty else { continue }
            if !dayWeekOpen(Int32(key)) { return false }
            for (i, c) in cs.enumerated() {
                if !fits(c, row: key, Array(cs[..<i])) { return false }
                let r = Int(candReq[Int(c)])
                count[r] += 1
                if p.candRide[Int(c)] != 0 { riders[r] += 1 }
            }
        }
        for r in 0..<p.nR where Int(p.reqDay[r]) == d {
            if count[r] > p.reqCap[r] || riders[r] > seatsLeft[r] { return false }
            if pinnedCount[r] == 0 && count[r] > 0 && count[r] < p.reqMin[r] { return false }
        }
        return true
    }
}

extension GeneralEngine {
    /// Several days: `searchDayStructures` on each day in turn.
    ///
    /// - Parameter maxWork: work units per day at most (nil: 1/16 of the general budget).
    /// - Returns: whether any day improved.
    mutating func searchStructuresByDay(maxWork: Int? = nil, perRound: Int = 8) -> Bool {
        var improved = false
        for d in 0..<nD {
            if budget.left(.general) <= 0 || budget.outOfTime() { break }
            if searchDayStructures(d, maxWork: maxWork ?? budget.allowance(.general) / 16, perRound: perRound) {
                improved = true
                stats.moves += 1
            }
        }
        return improved
    }
}

extension GeneralEngine {
    /// Several days: the large path's slot and polish flows (`largeWeekPolish`) from the plan, every row of every day
    /// re-decided together (a row that can hold two jobs by an earlier and a later slot). Its flows value candidates
    /// without the continuity between plan days, so the plan they give is kept only when the scorer ranks it above
    /// the plan (then the day re-solves make continuity exact again).
    ///
    /// - Returns: whether the plan improved.
    @discardableResult
    mutating func slotFlowsOverDays() -> Bool {
        let all = Array(0..<nD)
        let value = baseValues()
        let values = (0..<p.candidateCount).map { candOK[$0] ? value($0) : Int64.min }
        let order = (0..<p.candidateCount).filter { candOK[$0] }.map(Int32.init)
            .sorted { (values[Int($0)], $1) > (values[Int($1)], $0) }
        let scope = GeneralScope(days: all)
        var plan: [Int32: [Int32]] = [:]
        for key in jobs.indices where !jobs[key].isEmpty { plan[Int32(key)] = jobs[key] }
        let before = score(inst, assignments: assignments()).score
        let (best, _) = largeWeekPolish(
            plan, value: networkValue(plan, scope: scope, value: value), scope: scope,
            order: order, value: value)
        let saved = jobs
        install(best, days: all)
        guard score(inst, assignments: assignments()).score > before else {
            jobs = saved
            return false
        }
        return true
    }
}

extension GeneralEngine {
    /// Several days, after the all-days branch and bound: the slot flows over every day (`slotFlowsOverDays`), then
    /// each day's single jobs re-solved and its two-job structure searched (`searchDayStructures` with polish
    /// completions, warm from the day's completion before, `1 / polishDayShare` of the general budget and
    /// `polishPerRound` moves a round), two-job rows moved across days (`structuresAcrossDays`, 1/16) and single jobs
    /// (`singlesAcrossDays`, 1/32), then the slot
    /// flows again from that plan, and the structures again when they improved (at most `mediumFirstRounds` rounds).
    /// On the generated multi-day instances the medium the plan lacked was two-job rows: the branch and bound's repair
    /// leaves dozens out, and the day re-solves after it keep the structure they get.
    mutating func mediumFirst() {
        var structures = true
        for _ in 0..<GeneralEngine.mediumFirstRounds {
            guard budget.left(.general) > 0, !budget.outOfTime() else { return }
            let slots = slotFlowsOverDays()
            guard structures || slots else { return }
            structures = false
            for d in 0..<nD {
                guard budget.left(.general) > 0, !budget.outOfTime() else { return }
                if resolveSingles(d, maxWork: budget.allowance(.general) / 16) { structures = true }
                if searchDayStructures(
                    d, maxWork: budget.allowance(.general) / GeneralEngine.polishDayShare,
                    perRound: GeneralEngine.polishPerRound, maxStale: GeneralEngine.polishMaxStale,
                    restarts: GeneralEngine.polishRestarts, polish: true)
                {
                    structures = true
                    stats.moves += 1
                }
            }
            // A two-job row on a date the worker's weekly cap closes, for its jobs on another date.
            if structuresAcrossDays(maxWork: budget.allowance(.general) / 16) { structures = true }
            // A single job on a date the worker's weekly cap closes, for its single job on another date.
            if singlesAcrossDays(maxWork: budget.allowance(.general) / 32) { structures = true }
        }
    }

    /// Rounds of `mediumFirst` at most (slot flows, then the structures of each day).
    static let mediumFirstRounds = 3
    /// `mediumFirst`'s structure search of a day may spend this share of the general budget (1/8). Its moves are
    /// completed by the polish flow (`polishDaySingles`), warm from the day's completion before: on the generated
    /// 300 × 70 × 3 instance a move costs about 0.4M work units where an exact `resolveSingles` took the search's whole
    /// 1/16, so every day is searched by polish completions (until the v2rows5 session only a day whose own
    /// `resolveSingles` took more than 1/32, at 1/16 and 8 moves a round).
    static let polishDayShare = 8
    /// Moves `mediumFirst`'s structure search of a day completes a round at most before it takes the best.
    static let polishPerRound = 16
    /// Steps without a new best after which a structure search with polish completions (`mediumFirst`'s, and the
    /// one-day path's first one) starts again from its best plan, and how often it does. On
    /// `scarce-w150-r38-d2-s2` the searches spent their whole allowance on walks of losing steps (8 allowed) from the
    /// first moves of the plan's list, while the one move that gains a medium point on the final plan (a worker's
    /// morning job for a morning and a midday job, estimated a little below 0 by `priceEstimate`) ranked 55th to 89th
    /// and was never completed. One losing step, then a restart, at most twice: 553 → 554 there, and
    /// `balanced-w300-r70-d1-s5` 54581 → 54652 (until the v2rows6 session 8 steps and no restart).
    static let polishMaxStale = 1
    static let polishRestarts = 2
}
