import Foundation

/// Chains of displaced seats with a headcount moved, for multi-day instances (session gap21, issue 14).
///
/// SCIP's best change of at most four workers from the final plans of `gen-scarce-w250-r62-d5-s16` (+54 in session
/// gap20, +47 from main's seed 0 plan here) is a chain of displaced seats: worker w, whose weekly cap binds, takes an
/// open seat of the job J it works the next day (a headcount rises) and gives up another day of the week; x takes the
/// seat w freed, x (capped too) gives up a seat on a third day, u takes that one and frees its own, which a fourth
/// worker takes, leaving a seat of a request above its minimum (another headcount falls, the same priority). The
/// ejection chains keep every headcount, and the headcount moves (`ChainsHeadcountMoves.swift`) try pairs seeded by
/// breaks, which never hold these workers. Here the sets are seeded by such chains and re-decided exactly by
/// `reassignWithHeadcounts` with narrow options (each worker on each day: off, a seat the set holds, or an open seat of
/// a job it works on a neighbouring day), so up to four workers fit.
///
/// The seeds: every unpinned worker w, day d and open seat of a job J that w works on the day before or after (w a
/// candidate, not on J that day) heads chains. Taking a seat frees w's own seat that day, or, when w is off that day
/// and its week's cap binds, one of its other days of that week (each is a way), or nothing. Level by level (at most
/// `headcountMoveMaxNarrowSet` workers), each freed seat is taken in every way by each of its unpinned candidates; at
/// each level only the best chain to each freed seat is kept (a longest path in the residual graph of seats, by the
/// exact change of the chain's schedule values). A chain ends with nothing freed, or with a freed seat that its
/// request may lose (closed or at its minimum after) of a priority at most the head's, so `medium` does not fall; its
/// set is tried when the chain's value is positive, together with the holder of a seat of J on w's other side as a
/// fourth. Sets are tried best chain first. Deterministic (array orders, sorted keys, stable sort); charged to the
/// current phase, one unit per chain step and per candidate scanned.
extension Engine {
    /// The part of the worker schedules phase's share granted to the chains at the end of the solve (1 / this; 1/24
    /// cut `gen-scarce-w250-r62-d5-s16`'s first pass short: five-seed gap sum 3791 against 3762 at 1/12).
    static let headcountChainShare = 12

    /// The jobs worker w works on the plan days right before and after day d (consecutive calendar days only).
    func neighbourJobs(_ w: Int, _ d: Int) -> [Int32] {
        var jobs: [Int32] = []
        if p.follows[d], assign[w * nD + d - 1] >= 0 { jobs.append(p.reqJob[Int(assign[w * nD + d - 1])]) }
        if p.followed(d), assign[w * nD + d + 1] >= 0 { jobs.append(p.reqJob[Int(assign[w * nD + d + 1])]) }
        return jobs
    }

    /// The schedule value (`scheduleValue(of:)`'s terms) of worker w's current schedule with the days of `changes`
    /// replaced (request and candidate; -1 for off).
    func scheduleValue(_ w: Int, with changes: [(day: Int, req: Int32, cand: Int32)]) -> Int64 {
        var value: Int64 = 0
        var prevReq: Int32 = -1
        for d in 0..<nD {
            var r = assign[w * nD + d]
            var c = assignCand[w * nD + d]
            for change in changes where change.day == d {
                r = change.req
                c = change.cand
            }
            defer { prevReq = r }
            guard r >= 0 else { continue }
            value += p.reqPriority[Int(r)] * p.bigM - p.candCost[Int(c)]
            if p.candHistory[Int(c)] != 0 {
                value += p.continuity
            } else if p.follows[d] && prevReq >= 0 && p.reqJob[Int(prevReq)] == p.reqJob[Int(r)] {
                value += p.continuity
            }
        }
        return value
    }

    /// The ways worker w may take request r (candidate c) on day e: its seat that day is given up, or, off that day
    /// with its week's cap reached, one of its other days of that week is, or (off, cap not reached) nothing is.
    /// Each way with w's schedule value change and the seat it frees (request, day; request -1 for none).
    func takeWays(_ w: Int, _ r: Int32, _ c: Int32, day e: Int) -> [(gain: Int64, freed: Int32, day: Int)] {
        let old = scheduleValue(w, with: [])
        let own = assign[w * nD + e]
        if own >= 0 {
            return [(scheduleValue(w, with: [(e, r, c)]) - old, own, e)]
        }
        let week = p.dayWeek[e]
        var used: Int32 = 0
        for f in 0..<nD where p.dayWeek[f] == week && assign[w * nD + f] >= 0 { used += 1 }
        let nK = p.weeks.count
        guard used >= p.capLeft[w * nK + Int(week)] else {
            return [(scheduleValue(w, with: [(e, r, c)]) - old, -1, e)]
        }
        var ways: [(gain: Int64, freed: Int32, day: Int)] = []
        for f in 0..<nD where f != e && p.dayWeek[f] == week && assign[w * nD + f] >= 0 {
            ways.append((scheduleValue(w, with: [(e, r, c), (f, -1, -1)]) - old, assign[w * nD + f], f))
        }
        return ways
    }

    /// The seeded chain sets of the current plan (see the extension comment), best chain value first, without
    /// repeats; `steps` counts the work.
    func headcountChainSets(_ pinned: [Bool], _ lookup: SlotCandidates, fill: [Int32], steps: inout Int) -> [[Int]] {
        var found: [(set: [Int], value: Int64)] = []
        var holders = [[Int]](repeating: [], count: p.nR)
        for w in 0..<p.nW where !pinned[w] {
            for d in 0..<nD where assign[w * nD + d] >= 0 { holders[Int(assign[w * nD + d])].append(w) }
        }
        // Whether request r may lose one seat: it stays closed or at its minimum.
        func mayLose(_ r: Int) -> Bool {
            let t = fill[r] - 1 + Int32(p.reqPinned[r].count)
            return t == 0 || t >= p.reqMin[r]
        }
        // The chains from one head (its worker, value change and freed seat), level by level: at each level the best
        // chain to each freed seat (request, day) is kept, and every candidate of that seat takes it in every way.
        func chains(from head: Int, _ first: Int, _ value: Int64, freed: Int32, day: Int, extra: Int?) {
            func record(_ set: [Int], _ v: Int64) {
                guard v > 0 else { return }
                if let x = extra, !set.contains(x), set.count < Engine.headcountMoveMaxNarrowSet {
                    found.append((set + [x], v))
                }
                found.append((set, v))
            }
            guard freed >= 0 else {
                record([first], value)
                return
            }
            var level: [(seat: Int32, day: Int, value: Int64, chain: [Int])] = [(freed, day, value, [first])]
            while !level.isEmpty {
                var best = [Int: (seat: Int32, day: Int, value: Int64, chain: [Int])]()
                for (seat, e, v, chain) in level {
                    steps += 1
                    let r = Int(seat)
                    if p.reqPriority[r] <= p.reqPriority[head] && mayLose(r) { record(chain, v) }
                    guard chain.count < Engine.headcountMoveMaxNarrowSet else { continue }
                    for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                        let u = Int(p.candWorker[c])
                        guard !pinned[u] && !chain.contains(u) && assign[u * nD + e] != seat else { continue }
                        steps += 1
                        for way in takeWays(u, seat, Int32(c), day: e) {
                            let next = v + way.gain
                            guard way.freed >= 0 else {
                                record(chain + [u], next)
                                continue
                            }
                            let key = Int(way.freed)
                            if let kept = best[key], kept.value >= next { continue }
                            best[key] = (way.freed, way.day, next, chain + [u])
                        }
                    }
                }
                level = best.keys.sorted().compactMap { best[$0] }
            }
        }
        for w in 0..<p.nW where !pinned[w] {
            for d in 0..<nD {
                let own = assign[w * nD + d]
                let s = w * nD + d
                for side in [-1, 1] {
                    // J: w's job on the day on this side.
                    guard side < 0 ? p.follows[d] : p.followed(d) else { continue }
                    let there = assign[w * nD + d + side]
                    guard there >= 0 else { continue }
                    let job = p.reqJob[Int(there)]
                    if own >= 0 && p.reqJob[Int(own)] == job { continue }
                    // The fourth: the holder of the cheapest seat of J on the other side's day.
                    var extra: Int?
                    let other = d - side
                    if other >= 0 && other < nD && (side < 0 ? p.followed(d) : p.follows[d]) {
                        let mine = assign[w * nD + other]
                        if mine < 0 || p.reqJob[Int(mine)] != job {
                            let so = w * nD + other
                            var bestCost = Int64.max
                            for at in Int(lookup.start[so])..<Int(lookup.start[so + 1]) {
                                let r = Int(lookup.req[at])
                                guard p.reqJob[r] == job, let v = holders[r].first(where: { $0 != w }) else { continue }
                                let cost = p.candCost[Int(lookup.cand[at])]
                                if cost < bestCost {
                                    bestCost = cost
                                    extra = v
                                }
                            }
                        }
                    }
                    // Every open seat of J on day d that w may take heads a chain.
                    for at in Int(lookup.start[s])..<Int(lookup.start[s + 1]) {
                        let r = Int(lookup.req[at])
                        guard p.reqJob[r] == job && fill[r] < p.reqCap[r] else { continue }
                        for way in takeWays(w, Int32(r), lookup.cand[at], day: d) {
                            chains(from: r, w, way.gain, freed: way.freed, day: way.day, extra: extra)
                        }
                    }
                }
            }
        }
        return WorkerSets.bestFirst(found)
    }

    /// Passes of `reassignWithHeadcounts` (narrow) over the seeded chain sets of the current plan, while a pass
    /// improves (at most `maxPasses`) and the current phase's share lasts. Returns true when the objective rose.
    @discardableResult
    mutating func headcountChainDescent(_ lookup: SlotCandidates, maxPasses: Int = 2) -> Bool {
        guard nD > 1, p.continuity > 0 else { return false }
        let pinned = pinnedWorkers()
        var fill = headcounts().map { Int32($0) }
        return improvingPasses(
            maxPasses: maxPasses,
            sets: { engine in
                var steps = 0
                let sets = engine.headcountChainSets(pinned, lookup, fill: fill, steps: &steps)
                engine.charge(steps)
                return sets
            },
            step: { $0.reassignWithHeadcounts($1, lookup, fill: &fill, narrow: true) })
    }

    /// One run of `headcountChainDescent` on 1/`headcountChainShare` of the worker schedules phase's share, granted
    /// even when the share is spent; charged to that phase.
    mutating func headcountChainsOnSlot(_ lookup: SlotCandidates) {
        guard budget.runs(.schedules), nD > 1, p.continuity > 0 else { return }
        onSchedulesSlot(share: Engine.headcountChainShare) {
            if $0.headcountChainDescent(lookup) { $0.report(.workerSchedules, $0.currentScore()) }
        }
    }
}
