import Foundation

/// Run takeovers for multi-day instances (session gap23, issue 14): one worker takes a job's seats on a run of
/// consecutive days from the workers holding them, who take its seats back, re-decided exactly.
///
/// SCIP's best change of at most five (and of at most six) workers from main's seed 0 plan of
/// `gen-scarce-w250-r62-d5-s16` is +35 and moves no headcount: w6, on five different jobs over the five days, takes
/// job j27's seats on all five days (+119: four links) from three workers (w38 on day 1, w192 on day 2, w13 on days
/// 3-5); each takes w6's seat of that day back, except on the last day, where w13 takes a fourth worker's seat and
/// that one takes w6's. The ejection sets are seeded by breaks beside a worker's own job, and w6 never works j27 in
/// the plan, so no seed holds these workers; the headcount chains move a headcount.
///
/// Seeds: every unpinned worker w, plan day d and job J of a request with a seat on day d that w may take (held by an
/// unpinned worker, w not on J that day) heads runs: the days d...e linked in the calendar on each of which such a seat
/// exists. The set of a run is w, the holder of each day's seat (the first holder that may take w's own seat that day,
/// else the first), and, for a holder that cannot take w's seat, a worker holding a seat it may take who can; at most
/// `runTakeoverMaxSet` workers. A run of two or more days whose takeover alone raises w's schedule value (its links
/// over the run, `scheduleValue(_:with:)`) gives a set; sets are tried best such value first, each re-decided exactly
/// by `reassignWorkers` (headcounts kept, weekly caps held) and kept when the set's value rises. Deterministic (array
/// orders, stable sort); charged to the current phase, one unit per run day and candidate scanned.
extension Engine {
    /// The part of the worker schedules phase's share granted to the run takeovers at the end of the solve (1 / this).
    static let runTakeoverShare = 12

    /// The largest set of a run takeover (the five-worker move above; `reassignWorkers` enumerates at most 5! seat
    /// assignments a day).
    static let runTakeoverMaxSet = 5

    /// The run takeover sets of the current plan (see the extension comment), best takeover value first, without
    /// repeats; `steps` counts the work.
    func runTakeoverSets(_ pinned: [Bool], _ lookup: SlotCandidates, steps: inout Int) -> [[Int]] {
        var holders = [[Int]](repeating: [], count: p.nR)
        for w in 0..<p.nW where !pinned[w] {
            for d in 0..<nD where assign[w * nD + d] >= 0 { holders[Int(assign[w * nD + d])].append(w) }
        }
        // A seat of job `job` on day e that w may take from an unpinned holder: (request, candidate, holder), the first
        // holder that may take w's own seat back, else the first holder.
        func seat(_ w: Int, _ job: Int32, _ e: Int) -> (req: Int32, cand: Int32, holder: Int)? {
            let own = assign[w * nD + e]
            if own >= 0 && p.reqJob[Int(own)] == job { return nil }
            let s = w * nD + e
            var fallback: (req: Int32, cand: Int32, holder: Int)?
            for at in Int(lookup.start[s])..<Int(lookup.start[s + 1]) {
                steps += 1
                let r = Int(lookup.req[at])
                guard p.reqJob[r] == job, let first = holders[r].first(where: { $0 != w }) else { continue }
                if own >= 0, let v = holders[r].first(where: { $0 != w && lookup.candidate($0, Int(own), day: e) >= 0 })
                {
                    return (Int32(r), lookup.cand[at], v)
                }
                if fallback == nil { fallback = (Int32(r), lookup.cand[at], first) }
            }
            return fallback
        }
        // A worker holding on day e a seat holder v may take, who may take w's own seat `own` that day.
        func relay(_ v: Int, _ own: Int32, _ e: Int, _ set: [Int]) -> Int? {
            let s = v * nD + e
            for at in Int(lookup.start[s])..<Int(lookup.start[s + 1]) {
                steps += 1
                let r = Int(lookup.req[at])
                if let u = holders[r].first(where: {
                    !set.contains($0) && lookup.candidate($0, Int(own), day: e) >= 0
                }) {
                    return u
                }
            }
            return nil
        }
        var found: [(set: [Int], value: Int64)] = []
        for w in 0..<p.nW where !pinned[w] {
            let old = scheduleValue(w, with: [])
            for d in 0..<nD {
                let s = w * nD + d
                var jobs: [Int32] = []
                for at in Int(lookup.start[s])..<Int(lookup.start[s + 1]) {
                    let job = p.reqJob[Int(lookup.req[at])]
                    if !jobs.contains(job) { jobs.append(job) }
                }
                for job in jobs {
                    // Start runs only where the run cannot reach back a day.
                    if p.follows[d] && seat(w, job, d - 1) != nil { continue }
                    var set = [w]
                    var changes: [(day: Int, req: Int32, cand: Int32)] = []
                    var priorities: Int64 = 0
                    var e = d
                    while e < nD, let taken = seat(w, job, e) {
                        let own = assign[w * nD + e]
                        if !set.contains(taken.holder) { set.append(taken.holder) }
                        if own >= 0 && lookup.candidate(taken.holder, Int(own), day: e) < 0,
                            let u = relay(taken.holder, own, e, set)
                        {
                            set.append(u)
                        }
                        guard set.count <= Engine.runTakeoverMaxSet else { break }
                        changes.append((e, taken.req, taken.cand))
                        priorities += p.reqPriority[Int(taken.req)] - (own >= 0 ? p.reqPriority[Int(own)] : 0)
                        if changes.count >= 2 {
                            // The soft part of w's change (the seats' priorities stay with the set).
                            let gain = scheduleValue(w, with: changes) - old - priorities * p.bigM
                            if gain > 0 { found.append((set, gain)) }
                        }
                        guard p.followed(e) else { break }
                        e += 1
                    }
                }
            }
        }
        return WorkerSets.bestFirst(found)
    }

    /// Passes of `reassignWorkers` over the run takeover sets of the current plan (`runTakeoverSets`, then the sets of
    /// `runTakeoverHolderSets`, best gain first, repeats left out), while a pass improves (at most
    /// `maxPasses`) and the current phase's share lasts. Returns true when the objective rose.
    @discardableResult
    mutating func runTakeoverDescent(_ lookup: SlotCandidates, maxPasses: Int = 2) -> Bool {
        guard nD > 1, p.continuity > 0 else { return false }
        let pinned = pinnedWorkers()
        return improvingPasses(
            maxPasses: maxPasses,
            sets: { engine in
                var steps = 0
                var sets = WorkerSets()
                for set in engine.runTakeoverSets(pinned, lookup, steps: &steps) { sets.add(set) }
                // The holder choice's moves after the first holders' sets (gap25).
                for set in WorkerSets.bestFirst(engine.runTakeoverHolderSets(pinned, lookup, steps: &steps)) {
                    sets.add(set)
                }
                engine.charge(steps)
                return sets.sets
            },
            step: { $0.reassignWorkers($1, lookup) })
    }

    /// One run of `runTakeoverDescent` on 1/`runTakeoverShare` of the worker schedules phase's share, granted even
    /// when the share is spent; charged to that phase.
    @discardableResult
    mutating func runTakeoversOnSlot(_ lookup: SlotCandidates) -> Bool {
        guard budget.runs(.schedules), nD > 1, p.continuity > 0 else { return false }
        var rose = false
        onSchedulesSlot(share: Engine.runTakeoverShare) {
            rose = $0.runTakeoverDescent(lookup)
            if rose { $0.report(.workerSchedules, $0.currentScore()) }
        }
        return rose
    }
}
