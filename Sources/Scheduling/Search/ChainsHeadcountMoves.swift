import Foundation

/// Ejections with free headcounts: a few workers' whole schedules re-decided over every plan day, with the requests'
/// headcounts free (session "chains16", issue 14).
///
/// The ejection chains (`ChainsEjection.swift`) give a set's freed seats back to the set, so every request keeps its
/// headcount; the day re-solves change headcounts one day at a time. The smallest improving moves left from the final
/// plans of the generated multi-day instances change headcounts over several days at once (`docs/solver.md`, chains16).
/// Here each worker of the set may take, on each plan day, any request it is a candidate for or nothing, as long as
/// every request of the day stays within its headcount and is closed or at its minimum (the other workers stay as
/// planned, pins counted). The value is the engine's objective over the set (`priority · bigM − cost`, history and the
/// links inside each worker's schedule), so `medium` may move between days but the kept move never lowers it, and the
/// move is kept only when that value rises. Weekly caps hold (the days a worker uses in a week are counted only where
/// its cap binds).
///
/// The dynamic program over days has one state per day's combination and days used; since a link involves one worker,
/// the best way into a combination is found from the previous day's best values per subset of the set's workers and
/// their jobs (`2^K` look-ups), not from every previous combination. Deterministic (array orders, first best kept on
/// ties); charged to the current phase, one unit per combination enumerated and per look-up.
extension Engine {
    /// The largest set `reassignWithHeadcounts` re-decides (a combination is one option of each worker).
    static let headcountMoveMaxSet = 3

    /// The largest set `reassignWithHeadcounts` re-decides with `narrow` options (session gap21).
    static let headcountMoveMaxNarrowSet = 4

    /// Re-decides the schedules of the workers of `set` (unpinned, at most `headcountMoveMaxSet`, distinct) over every
    /// plan day with the headcounts free (see the extension comment); `fill` is the unpinned workers of each request in
    /// the current plan and is kept up to date. Applies the best and returns true when it beats the set's current
    /// schedules by the engine's objective. With `narrow` (session gap21), a worker's options on a day are only the
    /// requests the set holds that day and the requests with an open seat of a job the worker works on the day
    /// before or after in the current plan (the seats a chain of displaced seats moves), and the set may have up to
    /// `headcountMoveMaxNarrowSet` workers.
    mutating func reassignWithHeadcounts(
        _ set: [Int], _ lookup: SlotCandidates, fill: inout [Int32], narrow: Bool = false
    ) -> Bool {
        let k = set.count
        let most = narrow ? Engine.headcountMoveMaxNarrowSet : Engine.headcountMoveMaxSet
        guard k >= 1 && k <= most && nD > 1 else { return false }
        let nK = p.weeks.count
        var steps = 0
        defer { charge(steps) }
        // Whether a worker's cap binds in a week (fewer days left than plan days there): only then are days counted.
        var planDays = [Int32](repeating: 0, count: nK)
        for d in 0..<nD { planDays[Int(p.dayWeek[d])] += 1 }
        // Per day: combinations (request per worker, -1 off), their candidates, values and jobs.
        var combos = [[[Int32]]](repeating: [], count: nD)
        var comboCands = [[[Int32]]](repeating: [], count: nD)
        var comboValue = [[Int64]](repeating: [], count: nD)
        for d in 0..<nD {
            // The day's requests the set holds or may take, with the seats the others hold.
            var reqs: [Int32] = []
            var held: [Int32] = []
            func local(_ r: Int32) -> Int {
                if let j = reqs.firstIndex(of: r) { return j }
                reqs.append(r)
                held.append(0)
                return reqs.count - 1
            }
            for w in set where assign[w * nD + d] >= 0 { held[local(assign[w * nD + d])] += 1 }
            let setHeld = reqs
            // Options per worker: (local request, candidate, value).
            var options = [[(j: Int, c: Int32, v: Int64)]](repeating: [], count: k)
            for (i, w) in set.enumerated() {
                let s = w * nD + d
                let near = narrow ? neighbourJobs(w, d) : []
                for at in Int(lookup.start[s])..<Int(lookup.start[s + 1]) {
                    let r = Int(lookup.req[at])
                    guard p.reqCap[r] > 0 else { continue }
                    if narrow && !setHeld.contains(Int32(r)) {
                        guard fill[r] < p.reqCap[r] && near.contains(p.reqJob[r]) else { continue }
                    }
                    let c = lookup.cand[at]
                    var v = p.reqPriority[r] * p.bigM - p.candCost[Int(c)]
                    if p.candHistory[Int(c)] != 0 { v += p.continuity }
                    options[i].append((local(Int32(r)), c, v))
                }
            }
            let n = reqs.count
            var room = [Int32](repeating: 0, count: n)
            var others = [Int32](repeating: 0, count: n)
            for j in 0..<n {
                let r = Int(reqs[j])
                let rest = fill[r] - held[j]
                room[j] = p.reqCap[r] - rest
                others[j] = rest + Int32(p.reqPinned[r].count)
            }
            var taken = [Int32](repeating: 0, count: n)
            var cur = [Int32](repeating: -1, count: k)
            var curCand = [Int32](repeating: -1, count: k)
            func enumerate(_ i: Int, _ value: Int64) {
                steps += 1
                if i == k {
                    for j in 0..<n {
                        let t = others[j] + taken[j]
                        if t != 0 && t < p.reqMin[Int(reqs[j])] { return }
                    }
                    combos[d].append(cur)
                    comboCands[d].append(curCand)
                    comboValue[d].append(value)
                    return
                }
                cur[i] = -1
                curCand[i] = -1
                enumerate(i + 1, value)
                for o in options[i] where taken[o.j] < room[o.j] {
                    taken[o.j] += 1
                    cur[i] = reqs[o.j]
                    curCand[i] = o.c
                    enumerate(i + 1, value + o.v)
                    taken[o.j] -= 1
                }
                cur[i] = -1
                curCand[i] = -1
            }
            enumerate(0, 0)
            if combos[d].isEmpty { return false }
        }
        // The dynamic program over days (see the extension comment).
        var layers: [SetScheduleLayer] = []
        var prev = SetScheduleLayer.start
        for d in 0..<nD {
            let linked = p.follows[d]
            let fresh = d == 0 || p.dayWeek[d] != p.dayWeek[d - 1]
            let week = Int(p.dayWeek[d])
            // The previous states' best value and index per (subset of workers on, their jobs, days used).
            var best: [HeadcountMoveKey: (value: Int64, at: Int)] = [:]
            var usedList: [UInt32] = []
            for (pi, ps) in prev.states.enumerated() {
                let used: UInt32 = fresh ? 0 : ps.used
                if !usedList.contains(used) { usedList.append(used) }
                var on = 0
                if linked && ps.choice >= 0 {
                    for i in 0..<k where combos[d - 1][Int(ps.choice)][i] >= 0 { on |= 1 << i }
                }
                var mask = on
                while true {
                    steps += 1
                    var key = HeadcountMoveKey(mask: UInt8(mask), used: used)
                    for i in 0..<k where mask & (1 << i) != 0 {
                        key.setJob(i, p.reqJob[Int(combos[d - 1][Int(ps.choice)][i])])
                    }
                    if let b = best[key], b.value >= ps.value {
                    } else {
                        best[key] = (ps.value, pi)
                    }
                    if mask == 0 { break }
                    mask = (mask - 1) & on
                }
            }
            var layer = SetScheduleLayer()
            for (ci, combo) in combos[d].enumerated() {
                // The workers on this day that a link may reach (not a history link).
                var on = 0
                if linked {
                    for i in 0..<k where combo[i] >= 0 && p.candHistory[Int(comboCands[d][ci][i])] == 0 { on |= 1 << i }
                }
                for base in usedList {
                    var used = base
                    var fits = true
                    for i in 0..<k where combo[i] >= 0 {
                        let cap = p.capLeft[set[i] * nK + week]
                        guard cap < planDays[week] else { continue }
                        guard SetScheduleLayer.takeDate(&used, worker: i, cap: cap) else {
                            fits = false
                            break
                        }
                    }
                    guard fits else { continue }
                    var top = Int64.min
                    var from = -1
                    var mask = on
                    while true {
                        steps += 1
                        var key = HeadcountMoveKey(mask: UInt8(mask), used: base)
                        for i in 0..<k where mask & (1 << i) != 0 { key.setJob(i, p.reqJob[Int(combo[i])]) }
                        if let b = best[key] {
                            let v = b.value + Int64(mask.nonzeroBitCount) * p.continuity
                            if v > top || (v == top && b.at < from) {
                                top = v
                                from = b.at
                            }
                        }
                        if mask == 0 { break }
                        mask = (mask - 1) & on
                    }
                    guard from >= 0 else { continue }
                    layer.offer(choice: ci, used: used, value: top + comboValue[d][ci], parent: from)
                }
            }
            if layer.isEmpty { return false }
            layers.append(layer)
            prev = layer
        }
        return applyIfBetter(set, layers, combos, comboCands) { old, new in
            if old >= 0 { fill[Int(old)] -= 1 }
            if new >= 0 { fill[Int(new)] += 1 }
        }
    }
}

/// The key of a previous day's best value in `reassignWithHeadcounts`: a subset of the set's workers (bit i for worker
/// i), the job each of them works (unused entries 0) and the days used in the week.
struct HeadcountMoveKey: Hashable {
    var mask: UInt8
    var used: UInt32
    var jobs: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)

    init(mask: UInt8, used: UInt32) {
        self.mask = mask
        self.used = used
    }

    /// Sets worker i's job (i < 4).
    mutating func setJob(_ i: Int, _ job: Int32) {
        switch i {
        case 0: jobs.0 = job
        case 1: jobs.1 = job
        case 2: jobs.2 = job
        default: jobs.3 = job
        }
    }

    static func == (a: HeadcountMoveKey, b: HeadcountMoveKey) -> Bool {
        a.mask == b.mask && a.used == b.used && a.jobs.0 == b.jobs.0 && a.jobs.1 == b.jobs.1 && a.jobs.2 == b.jobs.2
            && a.jobs.3 == b.jobs.3
    }

    /// Three words instead of six fields: the dynamic program hashes a key per look-up (session gap21: hashing was
    /// 1.2G of `gen-scarce-w250-r62-d5-s16`'s 8.2G instructions); only look-ups use the hash, so no plan changes.
    func hash(into h: inout Hasher) {
        h.combine(UInt64(mask) | UInt64(used) << 8)
        h.combine(UInt64(UInt32(bitPattern: jobs.0)) | UInt64(UInt32(bitPattern: jobs.1)) << 32)
        h.combine(UInt64(UInt32(bitPattern: jobs.2)) | UInt64(UInt32(bitPattern: jobs.3)) << 32)
    }
}

extension Engine {
    /// The part of the worker schedules phase's share granted to the pass with free headcounts (1 / this; the pairs
    /// took 35k units on `gen-balanced-w200-r50-d5-s12`; with the triples after them, 1/48 lost `s16`'s move).
    static let headcountMoveShare = 24

    /// How many workers the sets of `headcountMoveDescent` have. Measured on `multiday-gap` with the triples of the
    /// wide ejection sets after the pairs (each pair with one of its exchangeable workers): the same plans on 1/24 of
    /// the share, for 6.41G instructions on `s12` against 5.86G (on 1/12 of it, 858 against 861: a triple on `s7`).
    static let headcountMoveSetSize = 2

    /// Passes of `reassignWithHeadcounts` over the seeded pairs of the current plan (the pairs of the ejection chains,
    /// `ejectionSets`: w beside a day with a seat of its neighbouring day's job held by v), while a pass improves (at
    /// most `maxPasses`) and the current phase's share lasts. Returns true when the plan's objective rose.
    @discardableResult
    mutating func headcountMoveDescent(_ lookup: SlotCandidates, maxPasses: Int = 2) -> Bool {
        guard nD > 1, p.continuity > 0 else { return false }
        let pinned = pinnedWorkers()
        var fill = headcounts().map { Int32($0) }
        return improvingPasses(
            maxPasses: maxPasses,
            sets: { $0.ejectionSets(pinned, lookup).filter { $0.count == Engine.headcountMoveSetSize } },
            step: { $0.reassignWithHeadcounts($1, lookup, fill: &fill) })
    }
}

extension Engine {
    /// One run of `headcountMoveDescent` on 1/`headcountMoveShare` of the worker schedules phase's share, granted
    /// even when the share is spent; charged to that phase.
    mutating func headcountMovesOnSlot(_ lookup: SlotCandidates) {
        guard budget.runs(.schedules), nD > 1, p.continuity > 0 else { return }
        onSchedulesSlot(share: Engine.headcountMoveShare) {
            if $0.headcountMoveDescent(lookup) { $0.report(.workerSchedules, $0.currentScore()) }
        }
    }

    /// Runs `body` in the worker schedules phase on 1/`share` of that phase's share, granted even when the share is
    /// spent: the work left beyond that slot is held (charged before and given back after), so `body`'s own checks of
    /// `workLeft` stop it at the slot's end; what `body` spends is charged to that phase.
    mutating func onSchedulesSlot(share: Int, _ body: (inout Engine) -> Void) {
        let outer = phase
        phase = .schedules
        defer { phase = outer }
        let held = workLeft - budget.allowance(.schedules) / share
        charge(held)
        body(&self)
        charge(-held)
    }
}
