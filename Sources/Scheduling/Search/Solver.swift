import Foundation

/// Solves an instance: every pin kept, hard constraints 1-9 met, medium then soft maximized.
///
/// The core is an exact min-cost flow (worker-week → worker-day → request) with one integer value per pair
/// (`priority × M − soft cost + continuity from history`), solved by cost scaling per connected component
/// (`CostScalingSolver`, successive shortest paths as the fallback); minimum headcounts are handled by branch and bound
/// over that flow (children warm-started from their parent), continuity between plan days by re-solving one day at a
/// time exactly until nothing improves.
///
/// - Parameters:
///   - instance: a validated instance.
///   - options: seed, work budget, optional time limit and progress callback.
/// - Returns: the plan with its score, unfilled requests with reasons, warnings and stats.
public func solve(_ instance: Instance, options: SolveOptions = SolveOptions()) -> Plan {
    let problem = Problem(instance)
    if GeneralEngine.needed(problem) {
        var general = GeneralEngine(problem, options)
        return general.run()
    }
    var engine = Engine(problem, options)
    return engine.run()
}

struct Engine {
    let options: SolveOptions
    let start: Date
    let p: Problem
    let nD: Int
    /// The work budget's shares and the deadline (see `SolveBudget`).
    var budget: SolveBudget
    /// The phase whose share the work done now is charged to.
    var phase = SolvePhase.flows
    var stats = SolveStats()
    var rng: SplitMix64
    /// `assign[w * nD + d]`: request of worker w on day d (pins included), or -1.
    var assign: [Int32]
    /// Candidate index behind `assign` (-1 for pins).
    var assignCand: [Int32]
    /// Set when the plan is known to be optimal: a single day whose branch and bound over minimum headcounts ran to
    /// the end (the flow is exact there), so no local search can improve it.
    var provenOptimal = false
    /// The last solution of each day's network, warm starts for the day descents (`ChainsWarmDescent.swift`).
    var dayWarm: DayWarmStarts?
    /// Every exact day re-solve is warm-started from that day's last solve (`Engine.warmsEveryDescent`, session
    /// gap20): set where the pair search runs.
    var warmDescents: Bool
    /// The last plan the exact scorer scored, and its report (`scoreReport()`; shared by copies of the engine).
    let scoreMemo = ScoreMemo()

    init(_ instance: Instance, _ options: SolveOptions) { self.init(Problem(instance), options) }

    init(_ problem: Problem, _ options: SolveOptions) {
        self.options = options
        start = Date()
        p = problem
        nD = p.days.count
        budget = SolveBudget(
            total: options.workBudget,
            phases: SolveBudget.phases(candidates: p.candidateCount, days: nD, continuity: p.continuity),
            start: start, timeLimit: options.timeLimit)
        warmDescents = Engine.warmsEveryDescent(budget)
        rng = SplitMix64(seed: options.seed)
        assign = [Int32](repeating: -1, count: p.nW * max(1, nD))
        assignCand = [Int32](repeating: -1, count: p.nW * max(1, nD))
        for w in 0..<p.nW {
            for d in 0..<nD where p.pinnedOn[w * nD + d] >= 0 { assign[w * nD + d] = p.pinnedOn[w * nD + d] }
        }
        stats.candidatePairs = p.candidateCount
    }

    var elapsed: Double { Date().timeIntervalSince(start) }

    /// True once the time limit has passed.
    mutating func outOfTime() -> Bool { budget.outOfTime() }

    var deadlineHit: Bool { budget.deadlineHit }

    /// The work units the current phase may still spend.
    var workLeft: Int { budget.left(phase) }

    /// Charges work units to the current phase.
    mutating func charge(_ units: Int) { budget.charge(phase, units) }

    func report(_ phase: SolveStep, _ best: Score? = nil) {
        options.progress?(SolveProgress(phase: phase, best: best, elapsedSeconds: elapsed))
    }

    mutating func run() -> Plan {
        report(.candidates)
        let startScore = bestStart()
        if nD > 1 && p.continuity > 0 && workLeft > 0 && !outOfTime() {
            report(.continuityMoves, startScore)
            continuityMoves()
        }
        if !provenOptimal {
            // A single day whose medium reached the flow bound (its branch and bound ran out of budget and closed the
            // requests left below their minimum): the flow is exact for the requests it left open, so only reopening
            // choices can still gain soft. A short search does that (measured on a province day: the full budget
            // gained nothing in 10 s).
            let atBound = nD == 1 && currentScore().medium == stats.mediumUpperBound
            localSearch(fraction: atBound ? 8 : 1)
            dayKicks()
        }
        if !provenOptimal && budget.runs(.pairSearch) && !outOfTime() {
            pairSearch()
        }
        if !provenOptimal && budget.runs(.schedules) && !outOfTime() { scheduleRelaxation() }
        if !provenOptimal && budget.runs(.chains) && !outOfTime() {
            relaxedExchanges()
            continuityChains()
        }
        // Multi-day: the final plan's few-worker moves that change headcounts, on a slot of the worker schedules
        // phase (session chains16, `ChainsHeadcountMoves.swift`).
        if !provenOptimal && budget.runs(.schedules) && !outOfTime() {
            let lookup = SlotCandidates(p, nD: nD)
            headcountMovesOnSlot(lookup)
            // Then the chains of displaced seats with a headcount moved, on a slot of their own (session gap21,
            // `ChainsHeadcountChains.swift`).
            if !outOfTime() { headcountChainsOnSlot(lookup) }
            // Then rounds of the exact day descent, while a round gains (session gap22, `ChainsHeadcountPolish.swift`).
            if !outOfTime() { endDescentOnSlot() }
            // Then the run takeovers, with the descent again when they gain (session gap23, `ChainsRunTakeovers.swift`).
            if !outOfTime() && runTakeoversOnSlot(lookup) { endDescentOnSlot() }
        }
        stats.solveMillis = Int(elapsed * 1000)
        return makePlan()
    }

    mutating func startFrom(lookaheadHalves: Int64, first: Bool) {
        // 1. All days at once: the flow over worker-weeks, with branch and bound for minimum headcounts.
        var full = buildFullNetwork()
        if lookaheadHalves > 0 { addLookahead(&full, halves: lookaheadHalves) }
        let order = releaseOrder(full)
        report(.flow)
        // Where the pair search runs, the first start's branch and bound ends once it has spent
        // 1/`firstFlowStall` of the flows share without a better leaf (session gap19).
        let stall = first && budget.runs(.pairSearch) ? budget.allowance(.flows) / Engine.firstFlowStall : Int.max
        let result = branchAndBound(full, order: order, isFull: first, stall: stall)
        for r in 0..<full.nRows where result.rowArc[r] >= 0 {
            let a = Int(result.rowArc[r])
            let w = Int(full.rowWorker[r])
            let d = Int(full.rowDay[r])
            assign[w * nD + d] = full.arcReq[a]
            assignCand[w * nD + d] = full.arcCand[a]
        }
        if result.timedOut {
            greedyFill()
            return
        }
        // 2. Continuity between plan days: re-solve one day at a time, others fixed, until nothing improves.
        if nD > 1 && p.continuity > 0 { dayPasses(maxPasses: 20, countPasses: true) }
    }

    /// Adds `halves × continuity / 2` per adjacent plan day on which the worker is a candidate for the same job.
    func addLookahead(_ net: inout FlowNetwork, halves: Int64) {
        // (worker, job, day ordinal) of every candidate pair, for lookups.
        var keys = Set<[Int]>()
        for r in 0..<p.nR {
            let day = p.days[Int(p.reqDay[r])].ordinal
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                keys.insert([Int(p.candWorker[c]), Int(p.reqJob[r]), day])
            }
        }
        for a in 0..<net.arcReq.count {
            let r = Int(net.arcReq[a])
            let c = Int(net.arcCand[a])
            let worker = Int(p.candWorker[c])
            let day = p.days[Int(p.reqDay[r])].ordinal
            var n: Int64 = 0
            if keys.contains([worker, Int(p.reqJob[r]), day - 1]) { n += 1 }
            if keys.contains([worker, Int(p.reqJob[r]), day + 1]) { n += 1 }
            net.arcValue[a] += n * halves * p.continuity / 2
        }
    }

    /// Groups release their supply best arc first (short augmenting paths); the seed breaks ties.
    func releaseOrder(_ net: FlowNetwork) -> [Int32] {
        var g = rng
        var keyed: [(Int64, UInt64, Int32)] = []
        keyed.reserveCapacity(net.nGroups)
        for grp in 0..<net.nGroups {
            var best = Int64.min
            for r in Int(net.groupRowStart[grp])..<Int(net.groupRowStart[grp + 1]) {
                for a in Int(net.rowArcStart[r])..<Int(net.rowArcStart[r + 1]) where net.arcValue[a] > best {
                    best = net.arcValue[a]
                }
            }
            keyed.append((-best, options.seed == 0 ? 0 : g.next(), Int32(grp)))
        }
        keyed.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        return keyed.map(\.2)
    }

    /// Value of one assignment of the candidate pair `c` to request `r`: priority × M − soft cost + continuity bonus.
    @inline(__always) func baseValue(_ r: Int, _ c: Int) -> Int64 {
        p.reqPriority[r] * p.bigM - p.candCost[c] + (p.candHistory[c] != 0 ? p.continuity : 0)
    }

    /// The network over every day: rows (worker, day), groups (worker, ISO week) with the days left in the week where
    /// that cap binds (one group per row elsewhere).
    func buildFullNetwork() -> FlowNetwork {
        let nW = p.nW
        let nD = nD
        // The two passes over every candidate pair read and write through buffers (no bounds or uniqueness check per
        // pair: on the county week's 1.2M pairs they were 147.6M instructions).
        var arcCount = [Int32](repeating: 0, count: nW * nD)
        p.candStart.withUnsafeBufferPointer { candStart in
            p.candWorker.withUnsafeBufferPointer { candWorker in
                p.pinnedOn.withUnsafeBufferPointer { pinnedOn in
                    arcCount.withUnsafeMutableBufferPointer { arcCount in
                        for r in 0..<p.nR {
                            let d = Int(p.reqDay[r])
                            for c in Int(candStart[r])..<Int(candStart[r + 1]) {
                                let wd = Int(candWorker[c]) * nD + d
                                if pinnedOn[wd] < 0 { arcCount[wd] += 1 }
                            }
                        }
                    }
                }
            }
        }
        var net = FlowNetwork()
        net.nReq = p.nR
        var rowIndex = [Int32](repeating: -1, count: nW * nD)
        let nK = p.weeks.count
        for w in 0..<nW {
            var d = 0
            while d < nD {
                let k = p.dayWeek[d]
                var rows = 0
                var e = d
                while e < nD && p.dayWeek[e] == k {
                    if arcCount[w * nD + e] > 0 { rows += 1 }
                    e += 1
                }
                let supply = min(Int32(rows), p.capLeft[w * nK + Int(k)])
                // A cap that leaves every candidate day open binds nothing: each row is then its own group of supply 1,
                // so days without a binding cap between them fall into separate components (smaller flows).
                let binding = supply < Int32(rows)
                if supply > 0 {
                    for x in d..<e where arcCount[w * nD + x] > 0 {
                        rowIndex[w * nD + x] = Int32(net.rowWorker.count)
                        net.rowWorker.append(Int32(w))
                        net.rowDay.append(Int32(x))
                        net.rowArcStart.append(net.rowArcStart.last! + arcCount[w * nD + x])
                        if !binding {
                            net.groupSupply.append(1)
                            net.groupRowStart.append(Int32(net.rowWorker.count))
                        }
                    }
                    if binding {
                        net.groupSupply.append(supply)
                        net.groupRowStart.append(Int32(net.rowWorker.count))
                    }
                }
                d = e
            }
        }
        let nArcs = Int(net.rowArcStart.last!)
        var fill = Array(net.rowArcStart.dropLast())
        var arcReq = [Int32](repeating: 0, count: nArcs)
        var arcValue = [Int64](repeating: 0, count: nArcs)
        var arcCand = [Int32](repeating: 0, count: nArcs)
        p.candStart.withUnsafeBufferPointer { candStart in
            p.candWorker.withUnsafeBufferPointer { candWorker in
                p.candCost.withUnsafeBufferPointer { candCost in
                    p.candHistory.withUnsafeBufferPointer { candHistory in
                        rowIndex.withUnsafeBufferPointer { rowIndex in
                            fill.withUnsafeMutableBufferPointer { fill in
                                arcReq.withUnsafeMutableBufferPointer { arcReq in
                                    arcValue.withUnsafeMutableBufferPointer { arcValue in
                                        arcCand.withUnsafeMutableBufferPointer { arcCand in
                                            for r in 0..<p.nR {
                                                let d = Int(p.reqDay[r])
                                                let worth = p.reqPriority[r] * p.bigM
                                                for c in Int(candStart[r])..<Int(candStart[r + 1]) {
                                                    let row = rowIndex[Int(candWorker[c]) * nD + d]
                                                    guard row >= 0 else { continue }
                                                    let a = Int(fill[Int(row)])
                                                    fill[Int(row)] += 1
                                                    arcReq[a] = Int32(r)
                                                    // `baseValue(r, c)`.
                                                    arcValue[a] =
                                                        worth - candCost[c] + (candHistory[c] != 0 ? p.continuity : 0)
                                                    arcCand[a] = Int32(c)
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        net.arcReq = arcReq
        net.arcValue = arcValue
        net.arcCand = arcCand
        return net
    }

    /// The continuity bonus of worker w working `job` on day d given the plan on d−1 and d+1 (and history).
    func neighbourBonus(_ w: Int, _ d: Int, _ job: Int32, _ c: Int) -> Int64 {
        var bonus: Int64 = 0
        if p.candHistory[c] != 0 {
            bonus += p.continuity
        } else if p.follows[d] {
            let q = assign[w * nD + d - 1]
            if q >= 0 && p.reqJob[Int(q)] == job { bonus += p.continuity }
        }
        if p.followed(d) {
            let q = assign[w * nD + d + 1]
            if q >= 0 && p.reqJob[Int(q)] == job { bonus += p.continuity }
        }
        return bonus
    }

    /// The flow network of day d with every other day fixed: one row per unpinned worker with candidates that day
    /// who still has a day left in that ISO week, and arcs to the day's requests valued by `value(r, c, w)`
    /// (called in request, then candidate order, for the arcs in the network only).
    ///
    /// - Parameters:
    ///   - onWorker: called for each unpinned worker with candidates that day, in worker order, before the weekly-cap
    ///     check (the kicks draw their random numbers there).
    /// - Returns: nil when the day has no requests.
    func dayNetwork(
        _ d: Int, onWorker: (Int) -> Void = { _ in }, value: (_ r: Int, _ c: Int, _ w: Int) -> Int64
    ) -> FlowNetwork? {
        let nW = p.nW
        let nK = p.weeks.count
        let k = p.dayWeek[d]
        var reqOfDay: [Int] = []
        for r in 0..<p.nR where Int(p.reqDay[r]) == d { reqOfDay.append(r) }
        if reqOfDay.isEmpty { return nil }
        var arcCount = [Int32](repeating: 0, count: nW)
        for r in reqOfDay {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) { arcCount[Int(p.candWorker[c])] += 1 }
        }
        var net = FlowNetwork()
        net.nReq = p.nR
        var rowIndex = [Int32](repeating: -1, count: nW)
        for w in 0..<nW where arcCount[w] > 0 && p.pinnedOn[w * nD + d] < 0 {
            onWorker(w)
            var used: Int32 = 0
            for e in 0..<nD where e != d && p.dayWeek[e] == k && assign[w * nD + e] >= 0 && p.pinnedOn[w * nD + e] < 0 {
                used += 1
            }
            guard p.capLeft[w * nK + Int(k)] - used >= 1 else { continue }
            rowIndex[w] = Int32(net.rowWorker.count)
            net.rowWorker.append(Int32(w))
            net.rowDay.append(Int32(d))
            net.rowArcStart.append(net.rowArcStart.last! + arcCount[w])
            net.groupSupply.append(1)
            net.groupRowStart.append(Int32(net.rowWorker.count))
        }
        let nArcs = Int(net.rowArcStart.last!)
        net.arcReq = [Int32](repeating: 0, count: nArcs)
        net.arcValue = [Int64](repeating: 0, count: nArcs)
        net.arcCand = [Int32](repeating: 0, count: nArcs)
        var fill = Array(net.rowArcStart.dropLast())
        for r in reqOfDay {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                let w = Int(p.candWorker[c])
                let row = rowIndex[w]
                guard row >= 0 else { continue }
                let a = Int(fill[Int(row)])
                fill[Int(row)] += 1
                net.arcReq[a] = Int32(r)
                net.arcValue[a] = value(r, c, w)
                net.arcCand[a] = Int32(c)
            }
        }
        return net
    }

    /// Replaces day d's unpinned assignments by the flow solution `sol` of `dayNetwork(d)`.
    mutating func applyDay(_ d: Int, _ net: FlowNetwork, _ sol: FlowSolution) {
        for w in 0..<p.nW where p.pinnedOn[w * nD + d] < 0 {
            assign[w * nD + d] = -1
            assignCand[w * nD + d] = -1
        }
        for r in 0..<net.nRows where sol.rowArc[r] >= 0 {
            let a = Int(sol.rowArc[r])
            let w = Int(net.rowWorker[r])
            assign[w * nD + d] = net.arcReq[a]
            assignCand[w * nD + d] = net.arcCand[a]
        }
    }

    /// The value of the candidate pair c (worker w on request r) on day d: priority × M − soft cost + continuity
    /// with the fixed neighbouring days.
    func dayValue(_ d: Int, _ r: Int, _ c: Int, _ w: Int) -> Int64 {
        p.reqPriority[r] * p.bigM - p.candCost[c] + neighbourBonus(w, d, p.reqJob[r], c)
    }

    /// Re-solves day d exactly with every other day fixed; applies the result when it is strictly better.
    /// - Parameter warm: start the flow from the day's last solve in `dayWarm` and record this one there
    ///   (`ChainsWarmDescent.swift`; the worker schedules phase's descents, and every re-solve where `warmDescents`).
    mutating func resolveDay(_ d: Int, forceWorker: Int = -1, forceJob: Int32 = -1, warm: Bool = false) -> Bool {
        let warm = warm || warmDescents
        guard let net = valuedDayNetwork(d, forceWorker: forceWorker, forceJob: forceJob) else { return false }
        charge(net.arcReq.count + p.nW)
        // The current plan's value of the day (its unpinned assignments).
        var current: Int64 = 0
        for w in 0..<p.nW {
            let c = assignCand[w * nD + d]
            if c >= 0 { current += dayValue(d, Int(assign[w * nD + d]), Int(c), w) }
        }
        let sol = branchAndBound(net, order: releaseOrder(net), isFull: false, warm: warm ? dayWarmStart(d, net) : nil)
        if warm { recordDayWarm(d, net, sol) }
        guard sol.value > current || forceWorker >= 0 else { return false }
        applyDay(d, net, sol)
        return true
    }

    /// The plan's objective: Σ priority × M − soft cost + continuity (pins' continuity from plan days included).
    func trueValue() -> Int64 {
        var v: Int64 = 0
        for w in 0..<p.nW {
            for d in 0..<nD {
                let c = assignCand[w * nD + d]
                let r = assign[w * nD + d]
                guard r >= 0 else { continue }
                let job = p.reqJob[Int(r)]
                if c >= 0 { v += p.reqPriority[Int(r)] * p.bigM - p.candCost[Int(c)] }
                if c >= 0 && p.candHistory[Int(c)] != 0 {
                    v += p.continuity
                } else if p.follows[d] {
                    let q = assign[w * nD + d - 1]
                    if q >= 0 && p.reqJob[Int(q)] == job && (c >= 0 || assignCand[w * nD + d - 1] >= 0) {
                        v += p.continuity
                    }
                }
            }
        }
        return v
    }

    /// Two-day chain moves: put worker w on job J on days d and d+1 (each day re-solved exactly with w forced),
    /// then the day-by-day descent; kept when the plan's objective improves. Sweeps until a sweep finds nothing.
    /// Where the pair search runs, the moves also end once they have spent 1/`chainMoveStall` of the flows share
    /// since their last gain (or their start), and what the flows have left goes to `chainMoveHeirs`.
    mutating func continuityMoves() {
        var moves: [(w: Int, d: Int, job: Int32)] = []
        var jobDay = Set<[Int]>()
        for r in 0..<p.nR {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                jobDay.insert([Int(p.candWorker[c]), Int(p.reqJob[r]), Int(p.reqDay[r])])
            }
        }
        for r in 0..<p.nR {
            let d = Int(p.reqDay[r])
            guard p.followed(d) else { continue }
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                let w = Int(p.candWorker[c])
                if jobDay.contains([w, Int(p.reqJob[r]), d + 1]) { moves.append((w, d, p.reqJob[r])) }
            }
        }
        var value = trueValue()
        let stall = budget.runs(.pairSearch) ? budget.allowance(.flows) / Engine.chainMoveStall : Int.max
        var lastGain = budget.spent[.flows, default: 0]
        // First only moves that extend a chain (cheap, few), then every move.
        for extendOnly in [true, false] {
            var sweep = 0
            var improved = true
            while improved && sweep < 10 {
                improved = false
                sweep += 1
                for m in moves {
                    if workLeft <= 0 || outOfTime() { return }
                    if budget.spent[.flows, default: 0] - lastGain >= stall {
                        budget.handOver(.flows, to: Engine.chainMoveHeirs)
                        return
                    }
                    let q0 = assign[m.w * nD + m.d]
                    let q1 = assign[m.w * nD + m.d + 1]
                    let on0 = q0 >= 0 && p.reqJob[Int(q0)] == m.job
                    let on1 = q1 >= 0 && p.reqJob[Int(q1)] == m.job
                    if on0 && on1 { continue }
                    // Extend a chain: the worker is on the job one of the two days, not both.
                    if extendOnly && on0 == on1 { continue }
                    if p.pinnedOn[m.w * nD + m.d] >= 0 || p.pinnedOn[m.w * nD + m.d + 1] >= 0 { continue }
                    let saved = (assign, assignCand)
                    _ = resolveDay(m.d, forceWorker: m.w, forceJob: m.job)
                    _ = resolveDay(m.d + 1, forceWorker: m.w, forceJob: m.job)
                    var again = true
                    var passes = 0
                    while again && passes < 5 && workLeft > 0 && !outOfTime() {
                        again = false
                        passes += 1
                        for d in 0..<nD where workLeft > 0 && resolveDay(d) { again = true }
                    }
                    let v = trueValue()
                    if v > value {
                        value = v
                        improved = true
                        stats.moves += 1
                        lastGain = budget.spent[.flows, default: 0]
                        report(.continuityMoves, currentScore())
                    } else {
                        (assign, assignCand) = saved
                    }
                }
            }
        }
    }

    /// Branch and bound over requests that get 0 < n < minHeadcount: close the request, or force its minimum.
    /// The flow relaxation is the bound. Depth-first, work-bounded; when the budget runs out, the open node is
    /// repaired by closing every request below its minimum until none is. Once a leaf is known, the search also
    /// ends (on the best leaf) when it has spent `stall` units of the current phase since its last better leaf.
    mutating func branchAndBound(
        _ net: FlowNetwork, order: [Int32], isFull: Bool, warm: FlowSolution? = nil, stall: Int = Int.max
    ) -> FlowSolution {
        let solver = FlowSolver(net)
        // The first flow over every day can be long (a province day: tens of seconds): it alone honours
        // `--time-limit` from inside; the other flows are short and the phases check the clock between them.
        let scaling = CostScalingSolver(net, deadline: isFull ? budget.deadline : nil)
        var timedOut = false
        // Forced units are worth more than every other unit together.
        var maxValue: Int64 = 1
        for v in net.arcValue where v > maxValue { maxValue = v }
        let units = Int64(max(1, min(net.nRows, p.reqCap.reduce(0) { $0 + Int($1) })))
        let (b, overflow) = maxValue.multipliedReportingOverflow(by: units + 1)
        let bonus = overflow ? Int64.max / 8 : b + 1
        struct Node {
            var cap: [Int32]
            var minUnits: [Int32]
            /// The parent's solution, a warm start.
            var warm: FlowSolution?
            /// The parent's caps were solved whole (`FlowSolution.solvedWhole`): the node's solve skips the component
            /// search (a forced child keeps those caps; a closed child's one fewer request may split them, and
            /// `solveConnected` is exact on a split network too).
            var whole = false
        }
        // Requests not in this network are closed (no arcs anyway).
        var best: FlowSolution?
        var stack = [Node(cap: p.reqCap, minUnits: [Int32](repeating: 0, count: p.nR), warm: warm)]
        var nodes = 0
        var rootDone = false
        var truncated = false
        var lastLeaf = budget.spent[phase, default: 0]
        while let node = stack.popLast() {
            if best != nil && budget.spent[phase, default: 0] - lastLeaf >= stall {
                truncated = true
                break
            }
            let sol = exactFlow(
                solver, scaling, cap: node.cap, minUnits: node.minUnits, bonus: bonus, order: order, warm: node.warm,
                sparse: isFull, whole: node.whole)
            nodes += 1
            charge(sol.work)
            stats.flowWork += sol.work
            if sol.timedOut {
                budget.markDeadlineHit()
                timedOut = true
                truncated = true
                break
            }
            if !rootDone {
                rootDone = true
                if isFull { stats.mediumUpperBound = mediumOf(net, sol) }
            }
            var feasible = true
            for q in 0..<p.nR where node.minUnits[q] > 0 && sol.reqCount[q] < node.minUnits[q] {
                feasible = false
                break
            }
            if !feasible { continue }
            if let best, sol.value <= best.value { continue }
            var violator = -1
            var violatorWeight: Int64 = -1
            for q in 0..<p.nR {
                let n = sol.reqCount[q]
                if n > 0 && n < p.reqMin[q] && node.minUnits[q] == 0 {
                    let weight = Int64(n) * p.reqPriority[q]
                    if weight > violatorWeight {
                        violator = q
                        violatorWeight = weight
                    }
                }
            }
            if violator < 0 {
                best = sol
                lastLeaf = budget.spent[phase, default: 0]
                continue
            }
            if workLeft <= 0 || outOfTime() {
                // Out of budget: repair this node greedily (close every violator, re-solve) if nothing better is known.
                if best == nil { best = repair(solver, scaling, node.cap, node.minUnits, bonus, order, sol) }
                truncated = true
                stack.removeAll()
                break
            }
            let q = violator
            let n = sol.reqCount[q]
            var closed = node
            closed.warm = sol
            closed.cap[q] = 0
            closed.whole = sol.solvedWhole
            var forced = node
            forced.warm = sol
            forced.minUnits[q] = p.reqMin[q]
            forced.whole = sol.solvedWhole
            // Depth-first: the likelier child is explored first (pushed last).
            if 2 * n >= p.reqMin[q] {
                stack.append(closed)
                stack.append(forced)
            } else {
                stack.append(forced)
                stack.append(closed)
            }
        }
        stats.branchNodes += nodes
        if isFull && nD <= 1 && !truncated && best != nil { provenOptimal = true }
        if let best { return best }
        if timedOut { return .timedOut(net, work: 0) }
        // Every branch infeasible cannot happen (closing every request is feasible); be safe anyway.
        var cap = p.reqCap
        for q in 0..<p.nR where p.reqMin[q] > 1 { cap[q] = 0 }
        return exactFlow(
            solver, scaling, cap: cap, minUnits: [Int32](repeating: 0, count: p.nR), bonus: bonus, order: order)
    }

    /// The exact flow: cost scaling, or successive shortest paths when cost scaling's integers would not fit.
    func exactFlow(
        _ solver: FlowSolver, _ scaling: CostScalingSolver, cap: [Int32], minUnits: [Int32], bonus: Int64,
        order: [Int32],
        warm: FlowSolution? = nil, sparse: Bool = false, whole: Bool = false
    ) -> FlowSolution {
        // The first flow, cold, of a day network with many arcs per row: on a sparse core, then priced
        // (`SparseCoreFlow`).
        if sparse, warm == nil, let sparse = SparseCoreFlow.forDay(scaling.net, deadline: scaling.deadline),
            let sol = sparse.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
        {
            return sol
        }
        if let sol = scaling.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order, warm: warm, whole: whole) {
            return sol
        }
        return solver.solve(cap: cap, minUnits: minUnits, bonus: bonus, order: order)
    }

    mutating func repair(
        _ solver: FlowSolver, _ scaling: CostScalingSolver, _ cap0: [Int32], _ min0: [Int32], _ bonus: Int64,
        _ order: [Int32], _ sol0: FlowSolution
    ) -> FlowSolution {
        var cap = cap0
        var sol = sol0
        while true {
            var any = false
            for q in 0..<p.nR where sol.reqCount[q] > 0 && sol.reqCount[q] < p.reqMin[q] && min0[q] == 0 {
                cap[q] = 0
                any = true
            }
            if !any { return sol }
            let next = exactFlow(solver, scaling, cap: cap, minUnits: min0, bonus: bonus, order: order, warm: sol)
            stats.flowWork += next.work
            charge(next.work)
            if next.timedOut {
                // Out of time: drop the closed requests' units instead of re-solving (valid, not optimal).
                budget.markDeadlineHit()
                for r in 0..<sol.rowArc.count where sol.rowArc[r] >= 0 {
                    let a = Int(sol.rowArc[r])
                    let q = Int(solver.net.arcReq[a])
                    guard cap[q] == 0 else { continue }
                    sol.rowArc[r] = -1
                    sol.reqCount[q] -= 1
                    sol.value -= solver.net.arcValue[a]
                }
                return sol
            }
            sol = next
        }
    }

    func mediumOf(_ net: FlowNetwork, _ sol: FlowSolution) -> Int {
        var m = 0
        for r in 0..<net.nRows where sol.rowArc[r] >= 0 { m += Int(p.reqPriority[Int(net.arcReq[Int(sol.rowArc[r])])]) }
        for pin in p.instance.pinned { m += p.instance.requests[p.index.request[pin.request]!].priority }
        return m
    }

    /// The plan's rows: pins first (in instance order), then the solver's by request and worker.
    func assignments() -> [Pair] {
        var out = p.instance.pinned
        var byReq = [[Int32]](repeating: [], count: p.nR)
        for w in 0..<p.nW {
            for d in 0..<nD where assign[w * nD + d] >= 0 && p.pinnedOn[w * nD + d] < 0 {
                byReq[Int(assign[w * nD + d])].append(Int32(w))
            }
        }
        for r in 0..<p.nR {
            for w in byReq[r] {
                out.append(Pair(request: p.instance.requests[r].id, worker: p.instance.workers[Int(w)].id))
            }
        }
        return out
    }

    func currentScore() -> Score { scoreReport().score }

    /// The exact scorer's report of the engine's plan, from `scoreMemo` when it scored the same plan last.
    func scoreReport() -> ScoreReport {
        scoreMemo.report(assign) { score(p.instance, assignments: assignments()) }
    }

    func makePlan() -> Plan {
        let rows = assignments()
        let report = scoreReport()
        var stats = self.stats
        stats.timeLimitHit = deadlineHit
        stats.work = budget.spent
        let unfilled = explainUnfilled(p, assign: assign, nD: nD)
        var plan = Plan(
            instance: p.instance.name, assignments: rows, unfilled: unfilled, warnings: report.warnings,
            score: report.score, stats: stats)
        plan.rides = report.rides
        plan.version2 = p.instance.usesVersion2
        return plan
    }
}
