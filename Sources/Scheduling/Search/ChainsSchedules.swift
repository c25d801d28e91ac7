import Foundation

/// The schedule relaxation over every plan day, for small multi-day instances: an upper bound on soft for the best
/// plan's headcounts, and plans built from each worker's best schedule.
///
/// Every request keeps the number of (unpinned) workers the best plan gives it, so `medium` does not move and only
/// soft is at stake. Those equalities are relaxed with one price `λ` per request: each worker then chooses its best
/// schedule over all days alone (`ScheduleDP`, exact: continuity inside the schedule and from history, weekly caps),
/// and `Σ λ · headcount + Σ workers' best values` bounds the soft of every plan with those headcounts from above. Unlike
/// the continuity chains' relaxation (`ContinuityChains.swift`, where a link's bonus is split between its two days),
/// a link is never split here: it is inside a schedule, the bound of the schedule (Dantzig-Wolfe) formulation.
///
/// The prices move by Polyak subgradient steps (towards the best plan's soft; the factor halved when the bound
/// stalls). Every few rounds the workers' schedules become plans: the first flow over every day with each schedule
/// as a bonus on its pairs (its links' whole continuity on each of their days, `scheduleBonus`), once with the last
/// round's schedules and once with the averaged ones (each option's bonus averaged over the rounds, the newest weighted
/// `scheduleAverage`), a crossover of the averaged schedules with the best plan's own (`planFromCrossover`), and a
/// greedy build; each then the exact day descent, the schedule exchanges and the crew ejections. A plan is kept only
/// when it beats the best by the engine's objective.
/// When the schedules fill every request exactly they are a plan themselves, optimal for those headcounts.
///
/// The rounds end when the bound meets the best plan (then the plan is optimal among those with its headcounts), after
/// `scheduleRounds`, or when the share is spent. Deterministic (array orders, counted work). Charged to the
/// `schedules` share: one unit per dynamic-program step, an eighth of a unit per option a round for the averages, the
/// flows, re-solves and exchanges of the plans.
extension Engine {
    /// The most subgradient rounds of one call.
    static let scheduleRounds = 300

    /// The weight of the newest round in the averaged schedules (an exponential average of each option's bonus;
    /// measured against the last round's schedules alone: 668 → 646 proven soft points short on `multiday-gap`).
    static let scheduleAverage = 0.1

    /// The weight of the best plan's own schedules against the averaged ones in the crossover (`planFromCrossover`).
    static let scheduleCrossover = 1.0

    /// Rounds between two plans built from the schedules.
    static let schedulePlanEvery = 50

    /// The part of the share kept for the plan built when the rounds end (1 / this).
    static let scheduleReserve = 4
    /// The costly-seat kicks of the phase's last plans get at most 1 / this of its share (`ChainsSeatKicks.swift`).
    static let scheduleKickShare = 12

    /// What one call found: the bound (soft, for the start's headcounts) and the best plan's soft by the same terms.
    struct ScheduleBound: Sendable, Hashable {
        /// The least upper bound of the rounds on the soft of plans with the start's headcounts (rounded down).
        var bound: Int64
        /// The best plan's soft by the same terms (pins' own costs left out) when the call ended.
        var plan: Int64
        /// The subgradient rounds run.
        var rounds: Int
    }

    /// The relaxation and its plans (see the extension comment). Ends on the best plan found, never worse than the
    /// start by the engine's objective; returns the bound, or nil when there is nothing to relax.
    @discardableResult
    mutating func scheduleRelaxation(rounds: Int = Engine.scheduleRounds) -> ScheduleBound? {
        guard nD > 1, p.continuity > 0 else { return nil }
        let outer = phase
        phase = .schedules
        defer { phase = outer }
        guard workLeft > 0 else { return nil }
        // Its day descents are warm-started (`ChainsWarmDescent.swift`), from this phase's own solves only.
        dayWarm = DayWarmStarts(nD: nD)
        defer { dayWarm = nil }
        let lookup = SlotCandidates(p, nD: nD)
        // The headcounts to keep: unpinned workers per request in the best plan.
        let head = headcounts()
        let dp = ScheduleDP(p, nD: nD, lookup, allowed: head.map { $0 > 0 })
        charge(dp.optionCount)
        var lambda = [Double](repeating: 0, count: p.nR)
        // Start prices: what the dearest holder pays, so holders about break even.
        for s in 0..<assign.count where assign[s] >= 0 && assignCand[s] >= 0 {
            let r = Int(assign[s])
            lambda[r] = min(lambda[r], Double(-p.candCost[Int(assignCand[s])]))
        }
        var best = trueValue()
        var bestPlan = (assign, assignCand)
        // The best soft among plans with exactly these headcounts (the Polyak target and the proof).
        var bestSoft = planScheduleSoft(dp)
        var bound = Double.infinity
        var theta = 1.0
        var stalled = 0
        var choice = [Int32](repeating: -1, count: nD)
        var chosen = [Int32](repeating: -1, count: p.nW * nD)
        var done = 0
        var workerValue = [Double](repeating: 0, count: p.nW)
        let windows = exchangeWindows()
        // A part of the share kept for the plan built at the end (charged now so the rounds stop short of it).
        var reserve = max(0, budget.allowance(.schedules) / Engine.scheduleReserve)
        charge(reserve)
        var lastPlan = 0
        // Per option: its bonus in the averaged schedules (primal recovery), newest round weighted `scheduleAverage`.
        var avgBonus = [Double](repeating: 0, count: dp.optionCount)
        for round in 0..<rounds {
            if outOfTime() { break }
            let last = round + 1 == rounds || workLeft <= 0
            if workLeft <= 0 {
                // The share is spent: the rounds end, with a plan from this round's schedules on the reserve.
                charge(-reserve)
                reserve = 0
                if lastPlan == round { break }
            }
            done = round + 1
            var value = 0.0
            var taken = [Int](repeating: 0, count: p.nR)
            var work = 0
            for r in 0..<p.nR { value += lambda[r] * Double(head[r]) }
            for w in 0..<p.nW {
                let (v, steps) = dp.best(w, lambda: lambda, choice: &choice)
                work += steps
                value += v
                workerValue[w] = v
                for d in 0..<nD {
                    let o = choice[d]
                    chosen[w * nD + d] = o
                    if o >= 0 && dp.optCand[Int(o)] >= 0 { taken[Int(dp.optReq[Int(o)])] += 1 }
                }
            }
            charge(work)
            // The averaged schedules: each option's bonus in this round's schedules, the older rounds decaying.
            let alpha = round == 0 ? 1.0 : Engine.scheduleAverage
            for o in 0..<avgBonus.count { avgBonus[o] *= 1 - alpha }
            let bonus = scheduleBonus(dp, chosen)
            for s in 0..<chosen.count where chosen[s] >= 0 { avgBonus[Int(chosen[s])] += alpha * bonus[s] }
            charge(avgBonus.count / 8)
            if value < bound - 1e-9 {
                bound = value
                stalled = 0
            } else {
                stalled += 1
                if stalled >= 10 {
                    theta /= 2
                    stalled = 0
                }
            }
            var norm = 0.0
            for r in 0..<p.nR { norm += Double((head[r] - taken[r]) * (head[r] - taken[r])) }
            // The schedules fill every request exactly: a plan, optimal for these prices and so for these headcounts.
            let exact = norm == 0
            var attempts: [Int] = []
            if exact {
                attempts = [0]
            } else if (round + 1) % Engine.schedulePlanEvery == 0 || last {
                attempts = [1, 3, 2, 4]
                lastPlan = round + 1
            }
            var kicked = false
            var next = 0
            while next < attempts.count {
                let kind = attempts[next]
                next += 1
                let spent0 = budget.spent[phase, default: 0]
                switch kind {
                case 0: _ = planFromSchedules(dp, chosen, exact: true, windows, lookup)
                case 1: _ = planFromSchedules(dp, chosen, exact: false, windows, lookup)
                case 3: planFromBonus(dp, avgBonus, windows, lookup)
                case 4: planFromCrossover(dp, avgBonus, windows, lookup)
                case 5:
                    // Costly-seat kicks from the best plan on at most 1/`scheduleKickShare` of the share.
                    charge(-reserve)
                    reserve = 0
                    let held = max(0, workLeft - budget.allowance(.schedules) / Engine.scheduleKickShare)
                    charge(held)
                    seatKicks(dp, windows, lookup)
                    charge(-held)
                case 6:
                    // Wide ejection chains from the best plan on 1/`scheduleKickShare` of the share (granted even when
                    // the share is spent: it takes the place of kinds 3, 2 and 4, which overran it by more).
                    charge(-reserve)
                    reserve = 0
                    let held = workLeft - budget.allowance(.schedules) / Engine.scheduleKickShare
                    charge(held)
                    ejectionDescent(lookup, maxPasses: 1, wide: true)
                    charge(-held)
                default:
                    let order = (0..<p.nW).sorted { (workerValue[$0], -$0) > (workerValue[$1], -$1) }
                    greedyFromSchedules(dp, lambda: lambda, head: head, order: order, windows, lookup)
                }
                let v = trueValue()
                if headcounts() == head { bestSoft = max(bestSoft, planScheduleSoft(dp)) }
                let gained = v > best
                if gained {
                    best = v
                    bestPlan = (assign, assignCand)
                    stats.moves += 1
                    report(.workerSchedules, currentScore())
                }
                (assign, assignCand) = bestPlan
                // The phase's last plans, when its schedules' flow (kind 1) did not gain: kicks, then the averaged
                // schedules' plan, instead of that plan, the greedy build and the crossover (session chains11), then
                // one pass of wide ejection chains (session chains14).
                let units = budget.spent[phase, default: 0] - spent0
                // When it gained: the wide ejection chains instead of kinds 3, 2 and 4 (session chains14).
                let lastRound = last || workLeft <= 0 || workLeft < units
                if kind == 1 && gained && lastRound {
                    attempts = [6]
                    next = 0
                    kicked = true
                }
                if kind == 1 && !gained && lastRound {
                    attempts = [5, 3, 6]
                    next = 0
                    kicked = true
                }
            }
            if kicked || last || exact || (bound + 1e-6).rounded(.down) <= Double(bestSoft) { break }
            let step = theta * (value - Double(bestSoft)) / norm
            for r in 0..<p.nR where head[r] != taken[r] { lambda[r] -= step * Double(head[r] - taken[r]) }
        }
        charge(-reserve)
        (assign, assignCand) = bestPlan
        let result = ScheduleBound(
            bound: bound.isFinite ? Int64((bound + 1e-6).rounded(.down)) : Int64.max, plan: bestSoft, rounds: done)
        report(.workerScheduleBound(bound: result.bound, plan: result.plan, rounds: result.rounds), currentScore())
        return result
    }

    /// The option of the program behind every slot of the current plan (-1: off, or a request the program left out).
    func planOptions(_ dp: ScheduleDP) -> [Int32] {
        var chosen = [Int32](repeating: -1, count: assign.count)
        for s in 0..<assign.count where assign[s] >= 0 {
            for o in Int(dp.optStart[s])..<Int(dp.optStart[s + 1]) where dp.optReq[o] == assign[s] {
                chosen[s] = Int32(o)
                break
            }
        }
        return chosen
    }

    /// Unpinned workers per request in the current plan.
    func headcounts() -> [Int] {
        var head = [Int](repeating: 0, count: p.nR)
        for s in 0..<assign.count where assign[s] >= 0 && p.pinnedOn[s] < 0 { head[Int(assign[s])] += 1 }
        return head
    }

    /// The current plan's soft by the schedule terms: every worker's schedule value at price 0.
    func planScheduleSoft(_ dp: ScheduleDP) -> Int64 {
        let zero = [Double](repeating: 0, count: p.nR)
        var total = 0.0
        for w in 0..<p.nW { total += dp.value(w, assign[(w * nD)..<(w * nD + nD)], lambda: zero) ?? 0 }
        return Int64(total.rounded())
    }

    /// Makes the current plan greedily from the schedules at prices `lambda`: workers in the order of `order` each take
    /// their best schedule among the requests that still have room (`head`), exactly as the program chose it; the seats
    /// left open are then filled by the exact day descent, and the polish follows. Keeps continuity exact where the
    /// flow of `planFromSchedules` splits it.
    mutating func greedyFromSchedules(
        _ dp: ScheduleDP, lambda: [Double], head: [Int], order: [Int], _ windows: [(Int, Int)],
        _ lookup: SlotCandidates
    ) {
        var room = head
        var full = [Bool](repeating: false, count: p.nR)
        for r in 0..<p.nR where room[r] <= 0 { full[r] = true }
        var choice = [Int32](repeating: -1, count: nD)
        (assign, assignCand) = pinnedAssignments()
        var work = 0
        for w in order {
            let (v, steps) = dp.best(w, lambda: lambda, forbidden: full, choice: &choice)
            work += steps
            guard v > -.infinity else { continue }
            for d in 0..<nD where choice[d] >= 0 && p.pinnedOn[w * nD + d] < 0 {
                let o = Int(choice[d])
                let r = Int(dp.optReq[o])
                assign[w * nD + d] = Int32(r)
                assignCand[w * nD + d] = dp.optCand[o]
                room[r] -= 1
                if room[r] <= 0 { full[r] = true }
            }
        }
        charge(work)
        chainDescent(after: -1, windows, lookup)
        ejectionDescent(lookup, maxPasses: 1)
    }

    /// Makes the current plan from the workers' chosen options (`chosen[w * nD + d]`, -1 off): taken as they are when
    /// `exact` (they fill every request exactly), else through the first flow over every day with each chosen
    /// option's links as a bonus (`scheduleBonus`), then the polish. Returns false when no plan was made.
    mutating func planFromSchedules(
        _ dp: ScheduleDP, _ chosen: [Int32], exact: Bool, _ windows: [(Int, Int)], _ lookup: SlotCandidates
    ) -> Bool {
        if exact {
            for s in 0..<assign.count where p.pinnedOn[s] < 0 {
                let o = chosen[s]
                assign[s] = o >= 0 ? dp.optReq[Int(o)] : -1
                assignCand[s] = o >= 0 ? dp.optCand[Int(o)] : -1
            }
            return true
        }
        let bonus = scheduleBonus(dp, chosen)
        var perOption = [Double](repeating: 0, count: dp.optionCount)
        for slot in 0..<chosen.count where chosen[slot] >= 0 { perOption[Int(chosen[slot])] = bonus[slot] }
        flowWithBonus(dp, perOption)
        chainDescent(after: -1, windows, lookup)
        ejectionDescent(lookup, maxPasses: 1)
        return true
    }

    /// Per slot of `chosen`: the bonus its chosen option gets in the flow over every day, the whole continuity of each
    /// of its links inside the worker's schedule (so a link counts on both of its days), plus 1; 0 where nothing is
    /// chosen. With this bonus, the flow given a valid plan's schedules returns a plan at least as good by the
    /// engine's objective: a plan that keeps both days of k of the given links and one day of h more is valued
    /// `2k + h` bonuses in the flow, and it has at least k links of its own, so its flow value less the given plan's
    /// links' bonuses is at most its objective (`ChainsPlanRecoveryTests`). With half a link on each day, a plan that
    /// broke one day of a link lost only half of it in the flow, and the optimum's own schedules came back up to 153
    /// points short.
    func scheduleBonus(_ dp: ScheduleDP, _ chosen: [Int32]) -> [Double] {
        var bonus = [Double](repeating: 0, count: chosen.count)
        for w in 0..<p.nW {
            for d in 0..<nD {
                let o = chosen[w * nD + d]
                guard o >= 0 else { continue }
                let job = p.reqJob[Int(dp.optReq[Int(o)])]
                var links: Int64 = 0
                if dp.linked[d] && dp.optLinkable[Int(o)] {
                    let q = chosen[w * nD + d - 1]
                    if q >= 0 && p.reqJob[Int(dp.optReq[Int(q)])] == job { links += 1 }
                }
                if d + 1 < nD && dp.linked[d + 1] {
                    let q = chosen[w * nD + d + 1]
                    if q >= 0 && dp.optLinkable[Int(q)] && p.reqJob[Int(dp.optReq[Int(q)])] == job { links += 1 }
                }
                bonus[w * nD + d] = Double(links * p.continuity + 1)
            }
        }
        return bonus
    }

    /// Makes the current plan from the first flow over every day with `bonus[o]` (rounded) added to the pair of each
    /// option o; no polish. With `planBonus` (a kick, `seatKicks`), the flow keeps the current plan's open and closed
    /// requests (those it holds at their minimum headcount or more stay at least there, those it leaves empty stay
    /// closed: one solve, no branching) and starts from the plan itself with node prices for which the plan is a
    /// shortest-path optimum of the network under `planBonus` (`PlanPrices`): a refinement of what the kick changed
    /// instead of the whole cost scaling.
    mutating func flowWithBonus(_ dp: ScheduleDP, _ bonus: [Double], pricedBy planBonus: [Double]? = nil) {
        var net = buildFullNetwork()
        charge(net.arcReq.count + p.nW)
        let base = net.arcValue
        func setBonus(_ bonus: [Double]) {
            net.arcValue = base
            for row in 0..<net.nRows {
                let s = Int(net.rowWorker[row]) * nD + Int(net.rowDay[row])
                for a in Int(net.rowArcStart[row])..<Int(net.rowArcStart[row + 1]) {
                    let r = net.arcReq[a]
                    for o in Int(dp.optStart[s])..<Int(dp.optStart[s + 1]) where dp.optReq[o] == r && bonus[o] != 0 {
                        net.arcValue[a] += Int64(bonus[o].rounded())
                    }
                }
            }
        }
        var sol: FlowSolution?
        if let planBonus {
            setBonus(planBonus)
            var planArc = [Int32](repeating: -1, count: net.nRows)
            var held = [Int32](repeating: 0, count: p.nR)
            for row in 0..<net.nRows {
                let cand = assignCand[Int(net.rowWorker[row]) * nD + Int(net.rowDay[row])]
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
            let warm = PlanPrices.warmStart(
                net, cap: cap, minUnits: mins, bonus: flowBonus(net), rowArc: planArc,
                maxWork: 20 * (net.arcReq.count + net.nRows))
            if let warm { charge(warm.work) }
            setBonus(bonus)
            let kicked = exactFlow(
                FlowSolver(net), CostScalingSolver(net), cap: cap, minUnits: mins, bonus: flowBonus(net),
                order: releaseOrder(net), warm: warm?.warm)
            charge(kicked.work)
            stats.flowWork += kicked.work
            // The plan itself meets every minimum, so the optimum does (forced units outweigh all others).
            if (0..<p.nR).allSatisfy({ mins[$0] == 0 || kicked.reqCount[$0] >= mins[$0] }) { sol = kicked }
        } else {
            setBonus(bonus)
        }
        let flow = sol ?? branchAndBound(net, order: releaseOrder(net), isFull: false)
        (assign, assignCand) = pinnedAssignments()
        for row in 0..<net.nRows where flow.rowArc[row] >= 0 {
            let a = Int(flow.rowArc[row])
            let slot = Int(net.rowWorker[row]) * nD + Int(net.rowDay[row])
            assign[slot] = net.arcReq[a]
            assignCand[slot] = net.arcCand[a]
        }
    }

    /// The forced units' bonus of `branchAndBound` for `net`: more than every other unit together.
    func flowBonus(_ net: FlowNetwork) -> Int64 {
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        let units = Int64(max(1, min(net.nRows, p.reqCap.reduce(0) { $0 + Int($1) })))
        let (b, overflow) = maxValue.multipliedReportingOverflow(by: units + 1)
        return overflow ? Int64.max / 8 : b + 1
    }

    /// Makes the current plan from the averaged schedules (primal recovery: the flow with each option's averaged
    /// bonus, `bonus[o]`), then the polish of `planFromSchedules`.
    mutating func planFromBonus(
        _ dp: ScheduleDP, _ bonus: [Double], _ windows: [(Int, Int)], _ lookup: SlotCandidates
    ) {
        flowWithBonus(dp, bonus)
        chainDescent(after: -1, windows, lookup)
        ejectionDescent(lookup, maxPasses: 1)
    }

    /// Makes the current plan from a crossover of the averaged schedules (`bonus[o]` per option) and the current plan's
    /// own schedules: the flow with each option's averaged bonus plus `scheduleCrossover` times the bonus of the
    /// current plan's options (`scheduleBonus`), then the polish of `planFromSchedules`. Called on the best plan, it
    /// keeps what the averaged schedules do not contest and takes their links where they outweigh it (measured on
    /// `scripts/dev/multiday-gap`: the averaged schedules alone and the crossover with the last round's schedules
    /// gained less).
    mutating func planFromCrossover(
        _ dp: ScheduleDP, _ bonus: [Double], _ windows: [(Int, Int)], _ lookup: SlotCandidates
    ) {
        var perOption = bonus
        let mine = planOptions(dp)
        let own = scheduleBonus(dp, mine)
        for s in 0..<mine.count where mine[s] >= 0 { perOption[Int(mine[s])] += Engine.scheduleCrossover * own[s] }
        planFromBonus(dp, perOption, windows, lookup)
    }
}
