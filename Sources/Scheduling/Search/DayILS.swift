import Foundation

/// Iterated local search over exact day re-solves, for multi-day instances.
///
/// A kick re-solves one random plan day exactly (branch and bound over the day's flow, every other day fixed) with
/// perturbed values: the current assignments of a random share of that day's workers lose up to two continuity
/// bonuses, and every pair gets a small random noise. `priority × M` is untouched, so the kicked day keeps its
/// `medium`. Half of the kicks also open a closed request of the day (its pairs gain one priority unit for the kick).
/// The descent then re-solves every day exactly with the true values until none improves (the same `resolveDay` as
/// the engine's, the kicked day last), which is where the other days adapt to the kicked one: a coordinated change
/// over several days that no single-day re-solve finds. The walk accepts a plan whose objective is at most a third of
/// a continuity bonus below the current one (plateau moves and small ridges), and the best plan is kept; `medium`
/// never drops along the walk (M outweighs the slack). All randomness comes from a seeded `SplitMix64`;
/// iterations are counted, not timed, and charged to the `dayKicks` share of the work budget (network arcs and rows
/// built, flow relaxations), which also ends the walk. Where the pair search runs, the walk also ends when it has
/// spent 1/`dayKickStall` of its share without a better plan, and its unspent share goes to the later phases.
extension Engine {
    /// The walk ends once it has spent 1/`dayKickStall` of its share since its last better plan (or its start), and
    /// hands what is left of the share to `dayKickHeirs` (session chains17: on 10 of the 20 gap instances the walk
    /// found no better plan in its whole share, while the pair search and the worker schedules still gained when
    /// their shares ran out).
    static let dayKickStall = 8
    /// The phases that take the share the walk leaves, in proportion to their weights (`SolveBudget.handOver`).
    static let dayKickHeirs: [SolvePhase] = [.pairSearch, .schedules, .scheduleExchange]

    /// Re-solves day d exactly with perturbed values (see the type comment) and applies the result.
    mutating func kickDay(_ d: Int, rng g: inout SplitMix64, share: UInt64, open: Int = -1) {
        // Workers whose current assignment of the day is penalized (drawn in worker order).
        var kicked = [Int64](repeating: 0, count: p.nW)
        let noise = UInt64(max(1, p.continuity / 3))
        let continuity = p.continuity
        guard
            let net = dayNetwork(
                d,
                onWorker: { w in
                    if g.next() % 100 < share { kicked[w] = 1 + Int64(g.next() % UInt64(max(1, 2 * continuity))) }
                },
                value: { r, c, w in
                    var value = dayValue(d, r, c, w)
                    value -= Int64(g.next() % noise)
                    if assignCand[w * nD + d] == Int32(c) { value -= kicked[w] }
                    if r == open { value += p.bigM }
                    return value
                })
        else { return }
        charge(net.arcReq.count + p.nW)
        let sol = branchAndBound(net, order: releaseOrder(net), isFull: false)
        applyDay(d, net, sol)
    }

    /// Exact day re-solves until no day improves (at most `maxPasses` sweeps, and while the current phase's share and
    /// the time last), starting with the day after `first` (so that the other days adapt to a kicked day before it is
    /// re-solved itself). With `warm`, every re-solve starts from the day's last solve (`resolveDay(warm:)`).
    mutating func dayDescent(after first: Int = -1, maxPasses: Int = 6, warm: Bool = false) {
        var passes = 0
        var unchanged = 0
        var d = (first + 1) % nD
        // Stop after nD consecutive re-solves without improvement.
        while unchanged < nD && passes < maxPasses * nD && workLeft > 0 && !outOfTime() {
            passes += 1
            if resolveDay(d, warm: warm) { unchanged = 0 } else { unchanged += 1 }
            d = (d + 1) % nD
        }
    }

    /// The iterated local search (see the extension comment) for `iterations` kicks from the current plan; ends on
    /// the best plan found (never worse than the start by the engine's objective).
    mutating func dayILS(iterations: Int, seed: UInt64) {
        guard nD > 1, iterations > 0 else { return }
        let outer = phase
        phase = .dayKicks
        defer { phase = outer }
        var g = SplitMix64(seed: seed ^ 0xD1_15_0000_0000_0007)
        dayDescent()
        var current = trueValue()
        var best = current
        var bestPlan = (assign, assignCand)
        var currentPlan = bestPlan
        // A walk step may lose up to a third of a continuity bonus (crossing small ridges between plateaus).
        let slack = max(1, p.continuity / 3)
        // The stall rule applies only where a phase takes the rest (the pair search runs: multi-day, continuity).
        let stall = budget.runs(.pairSearch) ? budget.allowance(.dayKicks) / Engine.dayKickStall : Int.max
        var lastGain = budget.spent[.dayKicks, default: 0]
        for _ in 0..<iterations {
            if workLeft <= 0 || outOfTime() { break }
            if budget.spent[.dayKicks, default: 0] - lastGain >= stall {
                budget.handOver(.dayKicks, to: Engine.dayKickHeirs)
                break
            }
            let d = Int(g.next() % UInt64(nD))
            let share = 10 + g.next() % 30
            var open = -1
            if g.next() % 2 == 0 {
                // Open a closed request of the day (its pairs are worth one more priority unit for the kick).
                var closed: [Int] = []
                for r in 0..<p.nR where Int(p.reqDay[r]) == d && p.reqCap[r] > 0 && p.candStart[r + 1] > p.candStart[r]
                {
                    var n = 0
                    for w in 0..<p.nW where assign[w * nD + d] == Int32(r) { n += 1 }
                    if n == 0 || n < p.reqMin[r] { closed.append(r) }
                }
                if !closed.isEmpty { open = closed[Int(g.next() % UInt64(closed.count))] }
            }
            kickDay(d, rng: &g, share: open >= 0 ? share / 2 : share, open: open)
            dayDescent(after: d)
            let v = trueValue()
            if v >= current - slack {
                current = v
                currentPlan = (assign, assignCand)
                if v > best {
                    best = v
                    bestPlan = currentPlan
                    lastGain = budget.spent[.dayKicks, default: 0]
                    stats.moves += 1
                }
            } else {
                (assign, assignCand) = currentPlan
            }
        }
        (assign, assignCand) = bestPlan
    }
}
