import Foundation

/// Run takeovers with the holders chosen per day (session gap25, issue 14): the run takeovers of
/// `ChainsRunTakeovers.swift` name one holder a day (the first that may take the taker's seat back), and SCIP's +35
/// move on `gen-scarce-w250-r62-d5-s16` (seed 0) takes job j27's run from another holder on day 2 than that one.
///
/// Here each run (worker w, job J, days d...e linked in the calendar, as there) whose takeover alone raises w's soft
/// value on a prefix of two or more days (by the first seat of J a day, as there) is explored over its holder choices:
/// on each day, each unpinned holder of a seat of J that w may take (at most `runTakeoverHolderOptions` a day) takes
/// w's seat of that day back, goes off (w off that day), or, when it may not take w's seat, takes the seat (not of J)
/// of a relay who takes w's seat (at most `runTakeoverRelays` per holder). A depth-first search over the days follows
/// the `runTakeoverHolderBranch` options of each day that leave the move's gain highest, at most
/// `runTakeoverHolderNodes` choices per run; each explicit move of two or more days over at most `runTakeoverMaxSet`
/// workers is valued exactly (`scheduleValue(_:with:)` of each worker; every seat stays filled, so the priorities
/// cancel; w's weekly cap held), and the sets of the moves that raise the objective are returned with their gain, each
/// to be re-decided by `reassignWorkers` (which reaches at least the explicit move). On the seed 0 plan above it names
/// the +35 set (w6, w38, w192, w13, w245) among 14. Deterministic (array orders, stable sorts); one step per candidate
/// scanned and per worker valued.
extension Engine {
    /// The holder options tried per run day.
    static let runTakeoverHolderOptions = 6

    /// The relays tried per holder who may not take the taker's seat back.
    static let runTakeoverRelays = 3

    /// The choices explored per run head (worker, first day, job).
    static let runTakeoverHolderNodes = 512

    /// The options followed per run day: the best by the move's gain so far.
    static let runTakeoverHolderBranch = 3

    /// One way to take a seat of the run's job on one day: w takes request `req` (candidate `cand`) from `holder`, who
    /// takes `holderReq` (candidate `holderCand`; -1 for off); with a relay, `relay` takes w's seat (`relayCand`).
    struct RunTakeoverOption {
        let req: Int32
        let cand: Int32
        let holder: Int
        let holderReq: Int32
        let holderCand: Int32
        let relay: Int
        let relayCand: Int32
    }

    /// The ways worker w may take a seat of job `job` on day e (see `RunTakeoverOption`), in slot order, at most
    /// `runTakeoverHolderOptions`; none when w already works `job` that day.
    func runTakeoverOptions(
        _ w: Int, _ job: Int32, _ e: Int, _ holders: [[Int]], _ lookup: SlotCandidates, steps: inout Int
    ) -> [RunTakeoverOption] {
        let own = assign[w * nD + e]
        if own >= 0 && p.reqJob[Int(own)] == job { return [] }
        var options: [RunTakeoverOption] = []
        let s = w * nD + e
        for at in Int(lookup.start[s])..<Int(lookup.start[s + 1]) {
            steps += 1
            let r = Int(lookup.req[at])
            guard p.reqJob[r] == job else { continue }
            for v in holders[r] where v != w {
                if options.count >= Engine.runTakeoverHolderOptions { return options }
                if own < 0 {
                    options.append(
                        .init(
                            req: Int32(r), cand: lookup.cand[at], holder: v, holderReq: -1, holderCand: -1,
                            relay: -1, relayCand: -1))
                    continue
                }
                let back = lookup.candidate(v, Int(own), day: e)
                if back >= 0 {
                    options.append(
                        .init(
                            req: Int32(r), cand: lookup.cand[at], holder: v, holderReq: own,
                            holderCand: back, relay: -1, relayCand: -1))
                    continue
                }
                var relays = 0
                let vs = v * nD + e
                for at2 in Int(lookup.start[vs])..<Int(lookup.start[vs + 1]) where relays < Engine.runTakeoverRelays {
                    steps += 1
                    let r2 = Int(lookup.req[at2])
                    guard p.reqJob[r2] != job, r2 != Int(own) else { continue }
                    for u in holders[r2] where u != w && u != v && relays < Engine.runTakeoverRelays {
                        let uc = lookup.candidate(u, Int(own), day: e)
                        guard uc >= 0 else { continue }
                        relays += 1
                        options.append(
                            .init(
                                req: Int32(r), cand: lookup.cand[at], holder: v, holderReq: Int32(r2),
                                holderCand: lookup.cand[at2], relay: u, relayCand: uc))
                    }
                }
            }
        }
        return options
    }

    /// The sets of the explicit run takeover moves of the current plan that raise the objective, each with its gain
    /// (see the extension comment); `steps` counts the work.
    func runTakeoverHolderSets(_ pinned: [Bool], _ lookup: SlotCandidates, steps: inout Int) -> [(
        set: [Int], value: Int64
    )] {
        var holders = [[Int]](repeating: [], count: p.nR)
        for w in 0..<p.nW where !pinned[w] {
            for d in 0..<nD where assign[w * nD + d] >= 0 { holders[Int(assign[w * nD + d])].append(w) }
        }
        let nK = p.weeks.count
        var found: [(set: [Int], value: Int64)] = []
        // Per slot (w, e): each job's first seat that w may take from an unpinned holder (request, candidate), one pass
        // over the candidates.
        var seats = [[(job: Int32, req: Int32, cand: Int32)]](repeating: [], count: p.nW * nD)
        for w in 0..<p.nW where !pinned[w] {
            for e in 0..<nD {
                let s = w * nD + e
                let own = assign[s]
                for at in Int(lookup.start[s])..<Int(lookup.start[s + 1]) {
                    steps += 1
                    let r = Int(lookup.req[at])
                    let job = p.reqJob[r]
                    if own >= 0 && p.reqJob[Int(own)] == job { continue }
                    if seats[s].contains(where: { $0.job == job }) || !holders[r].contains(where: { $0 != w }) {
                        continue
                    }
                    seats[s].append((job, lookup.req[at], lookup.cand[at]))
                }
            }
        }
        func firstSeat(_ w: Int, _ job: Int32, _ e: Int) -> (req: Int32, cand: Int32)? {
            steps += 1
            guard let seat = seats[w * nD + e].first(where: { $0.job == job }) else { return nil }
            return (seat.req, seat.cand)
        }
        for w in 0..<p.nW where !pinned[w] {
            let wOld = scheduleValue(w, with: [])
            for d in 0..<nD {
                for job in seats[w * nD + d].map(\.job) {
                    // Start runs only where the run cannot reach back a day.
                    if p.follows[d] && firstSeat(w, job, d - 1) != nil { continue }
                    // The run's days while w may take a seat of the job, and w's best soft gain over its prefixes of
                    // two or more days (by the first such seat a day): runs without one are left.
                    var length = 0
                    var wChanges: [(day: Int, req: Int32, cand: Int32)] = []
                    var priorities: Int64 = 0
                    var best: Int64 = 0
                    var e = d
                    while e < nD, let taken = firstSeat(w, job, e) {
                        let own = assign[w * nD + e]
                        wChanges.append((e, taken.req, taken.cand))
                        priorities += p.reqPriority[Int(taken.req)] - (own >= 0 ? p.reqPriority[Int(own)] : 0)
                        length += 1
                        if length >= 2 {
                            best = max(best, scheduleValue(w, with: wChanges) - wOld - priorities * p.bigM)
                        }
                        guard p.followed(e) else { break }
                        e += 1
                    }
                    guard best > 0 else { continue }
                    // The options of each day of the run.
                    var days: [[RunTakeoverOption]] = []
                    for e in d..<(d + length) {
                        let options = runTakeoverOptions(w, job, e, holders, lookup, steps: &steps)
                        if options.isEmpty { break }
                        days.append(options)
                    }
                    guard days.count >= 2 else { continue }
                    var members = [w]
                    var changes: [[(day: Int, req: Int32, cand: Int32)]] = [[]]
                    var values = [scheduleValue(w, with: [])]
                    var olds = values
                    var nodes = 0
                    // The gain of the move so far with `option` on day `day` added, and the members and changes after.
                    func adding(_ option: RunTakeoverOption, _ day: Int) -> (
                        gain: Int64, members: [Int], changes: [[(day: Int, req: Int32, cand: Int32)]], values: [Int64],
                        olds: [Int64]
                    ) {
                        var m = members
                        var c = changes
                        var vals = values
                        var o = olds
                        func at(_ x: Int) -> Int {
                            if let i = m.firstIndex(of: x) { return i }
                            let old = scheduleValue(x, with: [])
                            m.append(x)
                            c.append([])
                            vals.append(old)
                            o.append(old)
                            return m.count - 1
                        }
                        let own = assign[w * nD + day]
                        var touched = [0]
                        c[0].append((day, option.req, option.cand))
                        let v = at(option.holder)
                        c[v].append((day, option.holderReq, option.holderCand))
                        touched.append(v)
                        if option.relay >= 0 {
                            let u = at(option.relay)
                            c[u].append((day, own, option.relayCand))
                            touched.append(u)
                        }
                        for i in touched {
                            steps += 1
                            vals[i] = scheduleValue(m[i], with: c[i])
                        }
                        var gain: Int64 = 0
                        for i in m.indices { gain += vals[i] - o[i] }
                        return (gain, m, c, vals, o)
                    }
                    func explore(_ k: Int) {
                        guard k < days.count, nodes < Engine.runTakeoverHolderNodes else { return }
                        let day = d + k
                        if assign[w * nD + day] < 0 {
                            // w's cap in that week with the run's new days.
                            let week = p.dayWeek[day]
                            var used = 0
                            for f in 0..<nD where p.dayWeek[f] == week {
                                if assign[w * nD + f] >= 0 || (f >= d && f <= day) { used += 1 }
                            }
                            guard used <= p.capLeft[w * nK + Int(week)] else { return }
                        }
                        var next = days[k].map { adding($0, day) }.filter {
                            $0.members.count <= Engine.runTakeoverMaxSet
                        }
                        let order = next.indices.sorted { (-next[$0].gain, $0) < (-next[$1].gain, $1) }
                        next = order.prefix(Engine.runTakeoverHolderBranch).map { next[$0] }
                        for step in next {
                            guard nodes < Engine.runTakeoverHolderNodes else { return }
                            nodes += 1
                            let saved = (members, changes, values, olds)
                            (members, changes, values, olds) = (step.members, step.changes, step.values, step.olds)
                            if k >= 1 && step.gain > 0 { found.append((members, step.gain)) }
                            explore(k + 1)
                            (members, changes, values, olds) = saved
                        }
                    }
                    explore(0)
                }
            }
        }
        return found
    }
}
