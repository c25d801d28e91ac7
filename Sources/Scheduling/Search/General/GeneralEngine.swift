import Foundation
import Vocabulary

/// The engine for version 2 instances that the assignment network cannot say: van seats that can bind, the
/// fair-share bonus, or workers who can take two jobs of one day. Plans are built by branch and bound over a general
/// min-cost flow relaxation (`ResidualFlow`):
///
/// - the network: source → worker-week (the dates left under the weekly cap, where it binds) → worker-day row
///   (capacity: the jobs the worker may still take that day) → request, or its van node (capacity: the seats left)
///   for a rider → request → sink, with the k-th worker of a request valued by the share bonus (concave, so the flow
///   takes them in order);
/// - what the flow relaxes is branched on: two jobs of one row that cannot both be worked (an overlap, a transfer too
///   short: forbid one or the other), a day over its minutes cap (forbid one of its jobs), more dates in a week than
///   the cap leaves (close one of them), a request below its minimum (close it, or force its minimum);
/// - every node's flow is also repaired into a valid plan (dropping what conflicts, then filling greedily): the best
///   one is the incumbent, and nodes whose bound does not beat it are pruned.
///
/// A single day whose branch and bound finishes is proven optimal. Several days are solved first together with an
/// optimistic continuity bonus (the bound), then day by day exactly with the other days fixed until no day improves.
struct GeneralEngine {
    let p: Problem
    let inst: Instance
    let options: SolveOptions
    let nD: Int
    let nK: Int
    let start: Date
    var budget: SolveBudget
    var stats = SolveStats()
    /// Jobs per day of each worker (`maxJobsPerDay`, at most 64).
    let jobsMax: [Int32]
    /// Jobs each row can really hold beside its pins: the largest set of its candidates that fit together (1 when
    /// no two do), at most `jobsMax` minus the pins.
    let rowCap: [Int32]
    /// Pinned requests per `w * nD + d`.
    let pinsOn: [[Int32]]
    /// Dates left per `w * nK + k`: maxDaysPerWeek − workedDates − pinned dates of that week (≥ 0).
    let datesLeft: [Int32]
    /// Seats left per request (`Int32.max` without a van): seats − pinned riders.
    let seatsLeft: [Int32]
    /// Workers pinned to each request.
    let pinnedCount: [Int32]
    /// Candidate pairs still possible beside the pins of their worker's day (compatible with every pin, within the
    /// minutes cap together with them, and not a pin itself).
    let candOK: [Bool]
    /// Request of each candidate.
    let candReq: [Int32]
    /// The farm location of each request.
    let reqLoc: [GeoPoint]
    /// Candidates per `w * nD + d`.
    let rowCands: [[Int32]]
    /// Whether any candidate of a job shares a date with another job of the same worker (several jobs a day matter).
    let bigM: Int64
    let forceBonus: Int64
    /// The plan: unpinned candidates per `w * nD + d`.
    var jobs: [[Int32]]
    var provenOptimal = false

    init(_ problem: Problem, _ options: SolveOptions) {
        p = problem
        let inst = problem.instance
        self.inst = inst
        self.options = options
        nD = problem.days.count
        nK = problem.weeks.count
        start = Date()
        // Several days (not the large path): half as much work budget again, for the medium-first phase and the
        // day re-solves after it (`mediumFirst`; on the generated 300 × 70 × 3 instance +20 medium at 1.4 CPU s;
        // twice the budget gained nothing more there and took the shared scarce instance past 2 s).
        let multiDay =
            problem.days.count > 1
            && problem.candidateCount <= (GeneralEngine.largePairsOverride ?? GeneralEngine.largePairs)
        let total =
            multiDay
            ? (options.workBudget > Int.max / 2 ? Int.max : options.workBudget + options.workBudget / 2)
            : options.workBudget
        budget = SolveBudget(total: total, phases: [.general], start: start, timeLimit: options.timeLimit)
        let nW = problem.nW
        let nR = problem.nR
        var dayOf: [Int: Int] = [:]
        for (i, d) in problem.days.enumerated() { dayOf[d.ordinal] = i }
        var weekOf: [ISOWeek: Int] = [:]
        for (i, k) in problem.weeks.enumerated() { weekOf[k] = i }
        reqLoc = inst.requests.indices.map { inst.farms[problem.index.requestFarm[$0]].location }
        var pins = [[Int32]](repeating: [], count: nW * max(1, nD))
        var pinned = [Int32](repeating: 0, count: nR)
        for pair in inst.pinned {
            let r = problem.index.request[pair.request]!
            let w = problem.index.worker[pair.worker]!
            pins[w * nD + Int(problem.reqDay[r])].append(Int32(r))
            pinned[r] += 1
        }
        pinsOn = pins
        pinnedCount = pinned
        var left = [Int32](repeating: 0, count: nW * max(1, nK))
        for (w, W) in inst.workers.enumerated() {
            var worked = [Int32](repeating: 0, count: nK)
            for d in W.workedDates { if let k = weekOf[d.isoWeek] { worked[k] += 1 } }
            var pinnedDates = [Int32](repeating: 0, count: nK)
            for d in 0..<nD where !pins[w * nD + d].isEmpty { pinnedDates[Int(problem.dayWeek[d])] += 1 }
            let cap = Int32(min(W.maxDaysPerWeek, 2 * InstanceLimits.daysPerWeek))
            for k in 0..<nK { left[w * nK + k] = max(0, cap - worked[k] - pinnedDates[k]) }
        }
        datesLeft = left
        let rules = TravelRules(inst)
        seatsLeft = inst.requests.indices.map { r in
            guard let pickup = inst.requests[r].pickup else { return Int32.max }
            var riders = 0
            let R = inst.requests[r]
            for pair in inst.pinned where pair.request == R.id {
                let W = inst.workers[problem.index.worker[pair.worker]!]
                if rules.travel(W, R, homeFarmKm: Distance.km(W.home, problem.reqLocation(r))).mode.rides {
                    riders += 1
                }
            }
            return Int32(clamping: max(0, pickup.seats - riders))
        }
        var creq = [Int32](repeating: 0, count: problem.candidateCount)
        for r in 0..<nR {
            for c in Int(problem.candStart[r])..<Int(problem.candStart[r + 1]) { creq[c] = Int32(r) }
        }
        candReq = creq
        var ok = [Bool](repeating: true, count: problem.candidateCount)
        var rows = [[Int32]](repeating: [], count: nW * max(1, nD))
        var jmax = [Int32](repeating: 1, count: nW)
        for (w, W) in inst.workers.enumerated() { jmax[w] = Int32(max(1, min(W.maxJobsPerDay, 64))) }
        for c in 0..<problem.candidateCount {
            let r = Int(creq[c])
            let w = Int(problem.candWorker[c])
            let d = Int(problem.reqDay[r])
            let dayPins = pins[w * nD + d]
            if !dayPins.isEmpty {
                if dayPins.contains(Int32(r)) || dayPins.count >= Int(jmax[w]) {
                    ok[c] = false
                } else {
                    let W = inst.workers[w]
                    var jobs = dayPins.map { (request: inst.requests[Int($0)], farm: reqLocStatic(problem, Int($0))) }
                    jobs.append((inst.requests[r], reqLocStatic(problem, r)))
                    if !dayProblems(W, jobs, speedKmh: inst.speedKmh).isEmpty { ok[c] = false }
                }
            }
            if ok[c] { rows[w * nD + d].append(Int32(c)) }
        }
        candOK = ok
        rowCands = rows
        jobsMax = jmax
        var caps = [Int32](repeating: 0, count: rows.count)
        for key in rows.indices where !rows[key].isEmpty {
            let w = key / max(1, nD)
            let J = Int(jmax[w]) - pins[key].count
            caps[key] = Int32(
                GeneralEngine.largestFit(
                    rows[key].map { Int(creq[Int($0)]) }, worker: inst.workers[w], pins: pins[key].map(Int.init),
                    limit: J, problem: problem))
        }
        rowCap = caps
        // M above every soft difference: slots × (largest pair cost + two continuity bonuses + the first share unit).
        var maxCost: Int64 = 0
        for c in problem.candCost where c > maxCost { maxCost = c }
        let slots = Int64(min(problem.candidateCount, problem.reqCap.reduce(0) { $0 + Int($1) }) + 1)
        let perSlot = maxCost + 2 * Int64(inst.weights.continuity) + 100 * Int64(inst.weights.share) + 1
        let (m, o1) = slots.multipliedReportingOverflow(by: perSlot)
        bigM = o1 ? Int64.max / 1_000_000 : m + 1
        let (t, o2) = slots.multipliedReportingOverflow(by: 11 * bigM)
        forceBonus = o2 ? Int64.max / 64 : t + 1
        jobs = [[Int32]](repeating: [], count: nW * max(1, nD))
        stats.candidatePairs = problem.candidateCount
    }

    /// The size of the largest set of `reqs` (at most `limit`) that fit together beside `pins`: jobs a day,
    /// transfers, minutes. Exact by depth-first search (rows hold a handful of candidates).
    static func largestFit(_ reqs: [Int], worker W: Worker, pins: [Int], limit: Int, problem p: Problem) -> Int {
        guard limit > 1, reqs.count > 1 else { return min(limit, reqs.count) }
        let inst = p.instance
        // The jobs' hours and farms by position in `reqs`, read once: `fits` is `compatible` on them (`fitInOrder`,
        // the earlier job by start then end; equal hours give the same answer either way, a transfer being symmetric).
        let start = reqs.map { inst.requests[$0].startMinute }
        let end = reqs.map { inst.requests[$0].endMinute }
        let farm = reqs.map { p.index.requestFarm[$0] }
        let location = reqs.map { p.reqLocation($0) }
        let pinMinutes = pins.reduce(0) { $0 + inst.requests[$1].lengthMinutes }
        func fits(_ i: Int, _ j: Int) -> Bool {
            let iFirst = (start[i], end[i]) <= (start[j], end[j])
            let (x, y) = iFirst ? (i, j) : (j, i)
            return fitInOrder(
                end: end[x], thenStart: start[y], sameFarm: farm[x] == farm[y], location[x], location[y],
                speedKmh: inst.speedKmh)
        }
        var best = 1
        var chosen: [Int] = []
        var chosenMinutes = 0
        var steps = 0
        func fitsAll(_ i: Int) -> Bool {
            for q in chosen where !fits(i, q) { return false }
            if let m = W.maxMinutesPerDay, end[i] - start[i] + chosenMinutes + pinMinutes > m { return false }
            return true
        }
        func dfs(_ i: Int) {
            steps += 1
            if chosen.count > best { best = chosen.count }
            guard best < limit, i < reqs.count, steps < 20_000 else { return }
            if chosen.count + (reqs.count - i) <= best { return }
            if fitsAll(i) {
                chosen.append(i)
                chosenMinutes += end[i] - start[i]
                dfs(i + 1)
                chosenMinutes -= end[i] - start[i]
                chosen.removeLast()
            }
            dfs(i + 1)
        }
        dfs(0)
        return steps >= 20_000 ? limit : best
    }

    /// Whether the general engine is needed: a van whose seats can bind, a share weight, or a worker who can take two
    /// compatible jobs of one day.
    static func needed(_ p: Problem) -> Bool {
        let inst = p.instance
        if inst.weights.share > 0 { return true }
        var riders = [Int](repeating: 0, count: p.nR)
        for r in 0..<p.nR {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where p.candRide[c] != 0 { riders[r] += 1 }
        }
        // Pinned workers may ride too: count every pin of a request with a van as a possible rider.
        for pair in inst.pinned { riders[p.index.request[pair.request]!] += 1 }
        for (r, R) in inst.requests.enumerated() {
            if let pickup = R.pickup, riders[r] > pickup.seats { return true }
        }
        // Pins on one date of one worker (several jobs), or two candidates of one worker-day that fit together.
        let nD = p.days.count
        var pinsOn: [Int: Int] = [:]
        for pair in inst.pinned {
            let key = p.index.worker[pair.worker]! * nD + Int(p.reqDay[p.index.request[pair.request]!])
            pinsOn[key, default: 0] += 1
            if pinsOn[key]! > 1 { return true }
        }
        var byRow: [Int: [Int]] = [:]
        // Each worker's field read once, not through a copy of its `Worker` per candidate pair (24M instructions on
        // the county week's 1.2M pairs, where no worker takes two jobs a day).
        let multi = inst.workers.map { $0.maxJobsPerDay > 1 }
        let anyMulti = multi.contains(true)
        for r in 0..<p.nR where anyMulti {
            for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) {
                let w = Int(p.candWorker[c])
                guard multi[w] else { continue }
                byRow[w * nD + Int(p.reqDay[r]), default: []].append(r)
            }
        }
        for key in byRow.keys.sorted() {
            let rs = byRow[key]!
            let W = inst.workers[key / max(1, nD)]
            for i in 0..<rs.count {
                for j in (i + 1)..<max(i + 1, rs.count) {
                    let a = inst.requests[rs[i]]
                    let b = inst.requests[rs[j]]
                    guard compatible(a, p.reqLocation(rs[i]), b, p.reqLocation(rs[j]), speedKmh: inst.speedKmh)
                    else { continue }
                    if let m = W.maxMinutesPerDay, a.lengthMinutes + b.lengthMinutes > m { continue }
                    return true
                }
            }
        }
        return false
    }
}

/// The farm location of request r.
@inline(__always)
func reqLocStatic(_ p: Problem, _ r: Int) -> GeoPoint { p.reqLocation(r) }

extension Problem {
    /// The location of request r's farm.
    @inline(__always)
    func reqLocation(_ r: Int) -> GeoPoint { instance.farms[index.requestFarm[r]].location }
}
