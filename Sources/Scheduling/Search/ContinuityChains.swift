import Foundation

/// Continuity chains over every plan day at once: a Lagrangian relaxation of the continuity links over the first flow's
/// network, for small multi-day instances.
///
/// A *link* `(w, J, d)` is worker w working job J on plan day d − 1 and on day d (the previous calendar day); it is
/// worth `continuity`, and it is the only term of the objective that is not a sum over single assignments. Splitting
/// it into `λ` for w on J on day d − 1 and `continuity − λ` for w on J on day d (0 ≤ λ ≤ continuity) leaves a plain
/// assignment value per pair, so the whole problem becomes the first flow over every day (`buildFullNetwork`: weekly
/// caps exact through the worker-week groups, minimum headcounts by the same branch and bound) with those values.
/// Its value bounds the optimum from above (when its branch and bound finishes), and its solution is a real plan:
/// every hard rule is in the network. That is what the day re-solves, the schedule exchanges and the two-day pair
/// search cannot reach: a rearrangement that moves a capped worker's day from one end of the week to the other while
/// several chains are rebuilt over three to five days (measured: on a 60-worker, 4-day generated instance every exact
/// re-solve of any two or three consecutive days, and of any 8 related workers over all days, left the plan as it was,
/// 12 points below the optimum; this phase reaches it).
///
/// Each round solves the relaxed flow, takes its plan, polishes it (the exact day-by-day descent; the schedule
/// exchanges too when the descent brought it within a third of a bonus of the best plan) and keeps it when its
/// objective beats the best one. A subgradient step (Polyak's, towards the best plan's value, the factor halved when
/// the bound stalls) then moves each λ towards agreement: a link whose relaxed plan has w on J on its first day only
/// shifts its share to the second day, and the reverse. The rounds end when the bound meets the best plan, when the
/// relaxed plan agrees on every link, after `chainRounds`, or when the share is spent.
///
/// Deterministic (integer multipliers, array orders, counted work) and charged to the `chains` share of the work
/// budget (the network once, every flow, the polishing re-solves and exchanges); the phase runs last, on what the
/// others left of the budget (`SolveBudget.allowance`), and ends on the best plan, so it never makes a plan worse.
extension Engine {
    /// The Lagrangian rounds of one call.
    static let chainRounds = 60

    /// The relaxation and its recoveries (see the extension comment). Ends on the best plan found, never worse than
    /// the start by the engine's objective.
    mutating func continuityChains(rounds: Int = Engine.chainRounds) {
        guard nD > 1, p.continuity > 0 else { return }
        let outer = phase
        phase = .chains
        defer { phase = outer }
        let links = ChainLinks(p, nD: nD)
        guard !links.isEmpty else { return }
        let windows = exchangeWindows()
        let lookup = SlotCandidates(p, nD: nD)
        let full = p.continuity
        var net = buildFullNetwork()
        charge(net.arcReq.count + p.nW)
        // Per arc: its value without link shares (pins' continuity included), and its two links (-1: none).
        var base = net.arcValue
        var linkIn = [Int32](repeating: -1, count: base.count)
        var linkOut = [Int32](repeating: -1, count: base.count)
        for row in 0..<net.nRows {
            let w = Int(net.rowWorker[row])
            let d = Int(net.rowDay[row])
            for a in Int(net.rowArcStart[row])..<Int(net.rowArcStart[row + 1]) {
                let r = Int(net.arcReq[a])
                let c = Int(net.arcCand[a])
                let job = p.reqJob[r]
                if p.candHistory[c] == 0 && p.follows[d] {
                    let q = p.pinnedOn[w * nD + d - 1]
                    if q >= 0 {
                        if p.reqJob[Int(q)] == job { base[a] += full }
                    } else if let i = links.index(w, job, d) {
                        linkIn[a] = Int32(i)
                    }
                }
                if p.followed(d) {
                    let q = p.pinnedOn[w * nD + d + 1]
                    if q >= 0 {
                        if p.reqJob[Int(q)] == job { base[a] += full }
                    } else if let i = links.index(w, job, d + 1) {
                        linkOut[a] = Int32(i)
                    }
                }
            }
        }
        var lambda = [Int64](repeating: full / 2, count: links.count)
        var best = trueValue()
        var bestPlan = (assign, assignCand)
        // Polyak steps towards the best plan's value, the factor halved when the bound stalls.
        var theta = 1.0
        var bestBound = Int64.max
        var stalled = 0
        let pins = pinnedAssignments()
        for _ in 0..<rounds {
            if workLeft <= 0 || outOfTime() { break }
            for a in 0..<base.count {
                var v = base[a]
                if linkIn[a] >= 0 { v += full - lambda[Int(linkIn[a])] }
                if linkOut[a] >= 0 { v += lambda[Int(linkOut[a])] }
                net.arcValue[a] = v
            }
            let sol = branchAndBound(net, order: releaseOrder(net), isFull: false)
            charge(net.arcReq.count)
            // The relaxed plan is a real plan (every hard rule is in the network): take it, then polish it.
            (assign, assignCand) = pins
            for row in 0..<net.nRows where sol.rowArc[row] >= 0 {
                let a = Int(sol.rowArc[row])
                let slot = Int(net.rowWorker[row]) * nD + Int(net.rowDay[row])
                assign[slot] = net.arcReq[a]
                assignCand[slot] = net.arcCand[a]
            }
            let relaxed = assign
            dayDescent()
            // The schedule exchanges (the dearer part) only for a plan the descent brought near the best one.
            if trueValue() >= best - full / 3 { chainDescent(after: -1, windows, lookup) }
            let v = trueValue()
            if v > best {
                best = v
                bestPlan = (assign, assignCand)
                stats.moves += 1
                report(.continuityChains, currentScore())
            }
            // An upper bound on the objective when the branch and bound finished (a repaired node is only a plan):
            // the Polyak target, and the end once the best plan meets it.
            let bound = sol.value
            if bound <= best { break }
            if bound < bestBound {
                bestBound = bound
                stalled = 0
            } else {
                stalled += 1
                if stalled >= 3 {
                    theta /= 2
                    stalled = 0
                }
            }
            // Subgradient step: a link the relaxed plan uses on one of its two days only moves its share there.
            var disagree = 0
            var moves = [Int8](repeating: 0, count: links.count)
            for i in 0..<links.count {
                let w = Int(links.worker[i])
                let d = Int(links.day[i])
                let q0 = relaxed[w * nD + d - 1]
                let q1 = relaxed[w * nD + d]
                let before = q0 >= 0 && p.reqJob[Int(q0)] == links.job[i]
                let after = q1 >= 0 && p.reqJob[Int(q1)] == links.job[i]
                if before != after {
                    disagree += 1
                    moves[i] = before ? -1 : 1
                }
            }
            if disagree == 0 { break }
            let step = max(1, Int64((theta * Double(bound - best) / Double(disagree)).rounded(.up)))
            for i in 0..<links.count where moves[i] != 0 {
                lambda[i] = moves[i] < 0 ? max(0, lambda[i] - step) : min(full, lambda[i] + step)
            }
        }
        (assign, assignCand) = bestPlan
    }

    /// The plan with its pins only.
    func pinnedAssignments() -> ([Int32], [Int32]) {
        var a = [Int32](repeating: -1, count: assign.count)
        for s in 0..<a.count where p.pinnedOn[s] >= 0 { a[s] = p.pinnedOn[s] }
        return (a, [Int32](repeating: -1, count: assign.count))
    }

    /// The exact day-by-day descent starting after day `first` (warm-started in the worker schedules phase:
    /// `descend`), then schedule exchanges over every window while one improves (at most twice), each followed by the
    /// descent; all charged to the current phase.
    mutating func chainDescent(after first: Int, _ windows: [(Int, Int)], _ lookup: SlotCandidates) {
        descend(after: first)
        var round = 0
        var improved = true
        while improved && round < 2 && workLeft > 0 && !outOfTime() {
            improved = false
            round += 1
            for (a, b) in windows where workLeft > 0 && exchangeSchedules(from: a, to: b, lookup) { improved = true }
            if improved { descend() }
        }
    }
}

/// The continuity links of an instance: (worker, job, plan day d) where the worker is a candidate for the job on day
/// d and on day d − 1, the previous calendar day. In day, job, then worker order.
struct ChainLinks {
    var worker: [Int32] = []
    var job: [Int32] = []
    var day: [Int32] = []
    private var lookup: [Int: Int] = [:]
    private let nJobs: Int
    private let nD: Int

    var count: Int { worker.count }
    var isEmpty: Bool { worker.isEmpty }

    init(_ p: Problem, nD: Int) {
        self.nD = nD
        nJobs = Int((p.reqJob.max() ?? -1) + 1)
        // (worker, job) pairs per day, as keys w * nJobs + job.
        var onDay = [Set<Int>](repeating: [], count: nD)
        for r in 0..<p.nR {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                onDay[Int(p.reqDay[r])].insert(Int(p.candWorker[c]) * nJobs + Int(p.reqJob[r]))
            }
        }
        for d in 1..<max(1, nD) where p.follows[d] {
            var keys: [Int] = []
            for key in onDay[d] where onDay[d - 1].contains(key) { keys.append(key) }
            keys.sort { ($0 % nJobs, $0 / nJobs) < ($1 % nJobs, $1 / nJobs) }
            for key in keys {
                lookup[key * nD + d] = worker.count
                worker.append(Int32(key / nJobs))
                job.append(Int32(key % nJobs))
                day.append(Int32(d))
            }
        }
    }

    /// The link of worker w on `job` between day d − 1 and day d, if any.
    @inline(__always) func index(_ w: Int, _ job: Int32, _ d: Int) -> Int? {
        guard d > 0 && d < nD else { return nil }
        return lookup[(w * nJobs + Int(job)) * nD + d]
    }
}
