import Vocabulary

/// One broken hard constraint of a plan.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// 1 to 10, nil for a malformed row (unknown id, repeated pair).
    public var rule: Int?
    /// The scorer's kind, e.g. `too-far`, `weekly-cap`, `pinned-missing`.
    public var kind: String
    public var request: String?
    public var worker: String?
    public var detail: String

    public var description: String {
        var ids: [String] = []
        if let request { ids.append("request \"\(request)\"") }
        if let worker { ids.append("worker \"\(worker)\"") }
        let head = rule.map { "rule \($0)" } ?? "plan"
        return "\(head) (\(kind))\(ids.isEmpty ? "" : " " + ids.joined(separator: ", ")): \(detail)"
    }
}

/// A plan's score recomputed from the instance, with every broken hard constraint and every pinned-pair warning.
public struct ScoreReport: Sendable, Hashable {
    public var score: Score
    public var violations: [Violation]
    public var warnings: [PinWarning]
    /// Sum of `round(10 × km)` over assignments.
    public var distanceCost: Int
    /// Sum of `fairness × recentDaysWorked` over assignments.
    public var fairnessCost: Int
    /// `continuity ×` the number of assignments continuing the same job from the day before.
    public var continuityBonus: Int
    /// Assignments counted (clean rows).
    public var assignments: Int
    /// `weights.share ×` the fair-share units of every request with workers (version 2).
    public var shareBonus: Int = 0
    /// The riders the rules derive (version 2), in plan order: the plan's `rides`.
    public var rides: [Ride] = []
}

/// A worker who rides a request's van from a pickup point (version 2).
public struct Ride: Sendable, Hashable {
    public var request: String
    public var worker: String
    public var point: String
    public init(request: String, worker: String, point: String) {
        self.request = request
        self.worker = worker
        self.point = point
    }
}

/// Name → index maps of an instance (lookups only: no dictionary order ever leaks into a result).
struct InstanceIndex {
    var worker: [String: Int] = [:]
    var request: [String: Int] = [:]
    var farm: [String: Int] = [:]
    var requestFarm: [Int] = []

    init(_ instance: Instance) {
        worker.reserveCapacity(instance.workers.count)
        // By index: `enumerated()` would hand out a copy of each worker.
        for i in instance.workers.indices { worker[instance.workers[i].id] = i }
        for (i, r) in instance.requests.enumerated() { request[r.id] = i }
        for (i, f) in instance.farms.enumerated() { farm[f.id] = i }
        requestFarm = instance.requests.map { farm[$0.farm] ?? 0 }
    }
}

/// Recomputes the score of a plan exactly as `shared/tools/score_plan.py` does.
///
/// - Parameters:
///   - instance: the validated instance.
///   - assignments: the plan's rows in plan order; rows naming unknown ids or repeating a pair count 1 each in `hard`.
///   - malformedRows: rows that were not `{"request": str, "worker": str}` at all (each counts 1 in `hard`).
/// - Returns: score, broken hard constraints and pinned-pair warnings.
public func score(_ instance: Instance, assignments: [Pair], malformedRows: Int = 0) -> ScoreReport {
    let index = InstanceIndex(instance)
    var violations: [Violation] = []
    for _ in 0..<malformedRows {
        violations.append(
            Violation(
                rule: nil, kind: "malformed-assignment", detail: "a row is not {\"request\": str, \"worker\": str}"))
    }
    // Rows and pairs by index (the ids are unique in a validated instance, so a pair of indices stands for a pair of
    // ids): the checks below hash integers, not strings.
    let nW = instance.workers.count
    var seen = Set<Int>(minimumCapacity: assignments.count)
    var clean: [(r: Int, w: Int)] = []
    clean.reserveCapacity(assignments.count)
    for (i, a) in assignments.enumerated() {
        guard let r = index.request[a.request] else {
            violations.append(
                Violation(
                    rule: nil, kind: "unknown-request", request: a.request, worker: a.worker,
                    detail: "assignments[\(i)] names no request\(index.worker[a.worker] == nil ? " and no worker" : "")"
                ))
            continue
        }
        guard let w = index.worker[a.worker] else {
            violations.append(
                Violation(
                    rule: nil, kind: "unknown-worker", request: a.request, worker: a.worker,
                    detail: "assignments[\(i)] names no worker"))
            continue
        }
        if !seen.insert(r * nW + w).inserted {
            violations.append(
                Violation(
                    rule: nil, kind: "duplicate-assignment", request: a.request, worker: a.worker,
                    detail: "assignments[\(i)] repeats a pair"))
            continue
        }
        clean.append((r, w))
    }
    let pinnedSet = Set(instance.pinned)
    let pinnedRequests = Set(instance.pinned.map(\.request))
    var warnings: [PinWarning] = []
    var distanceCost = 0
    var fairnessCost = 0
    var medium = 0
    var perRequest = [Int](repeating: 0, count: instance.requests.count)
    var riders = [Int](repeating: 0, count: instance.requests.count)
    var rides: [Ride] = []
    let travelRules = TravelRules(instance)
    let reqDay = instance.requests.map(\.date.ordinal)
    for (r, w) in clean {
        let R = instance.requests[r]
        let W = instance.workers[w]
        let F = instance.farms[index.requestFarm[r]]
        let travel = travelRules.travel(W, R, homeFarmKm: Distance.km(W.home, F.location))
        for v in brokenPairRules(W, R, F, travel: travel, walkKm: instance.walkKm) {
            if pinnedSet.contains(Pair(request: R.id, worker: W.id)) {
                warnings.append(
                    PinWarning(
                        request: R.id, worker: W.id, rule: v.rule, message: v.detail + " (pinned: kept, not counted)"))
            } else {
                violations.append(Violation(rule: v.rule, kind: v.kind, request: R.id, worker: W.id, detail: v.detail))
            }
        }
        if case .ride(let point) = travel.mode {
            riders[r] += 1
            rides.append(Ride(request: R.id, worker: W.id, point: point))
        }
        perRequest[r] += 1
        medium += R.priority
        distanceCost += Distance.cost(travel.km)
        fairnessCost += instance.weights.fairness * W.recentDaysWorked
    }
    // The clean rows by (worker, date), plan order within one: each run is one worker's requests of one date (rule 5),
    // the runs in (worker, date) order, so a worker's ISO weeks come in order too (rule 8).
    let byWDate = clean.indices.sorted {
        let x = clean[$0]
        let y = clean[$1]
        return (x.w, reqDay[x.r], $0) < (y.w, reqDay[y.r], $1)
    }
    var runs: [Range<Int>] = []
    var i = 0
    while i < byWDate.count {
        let first = clean[byWDate[i]]
        var j = i + 1
        while j < byWDate.count && clean[byWDate[j]].w == first.w && reqDay[clean[byWDate[j]].r] == reqDay[first.r] {
            j += 1
        }
        runs.append(i..<j)
        i = j
    }
    for run in runs {
        let w = clean[byWDate[run.lowerBound]].w
        let W = instance.workers[w]
        let jobs = run.map { k -> (request: LaborRequest, farm: GeoPoint) in
            let r = clean[byWDate[k]].r
            return (request: instance.requests[r], farm: instance.farms[index.requestFarm[r]].location)
        }
        let problems = dayProblems(W, jobs, speedKmh: instance.speedKmh)
        if let first = problems.first {
            violations.append(
                Violation(
                    rule: 5, kind: first.kind, worker: W.id, detail: problems.map(\.detail).joined(separator: "; ")))
        }
    }
    var shareUnitsTotal = 0
    for (r, R) in instance.requests.enumerated() {
        let n = perRequest[r]
        if breaksHeadcount(R, assigned: n) {
            violations.append(
                Violation(
                    rule: 6, kind: "over-headcount", request: R.id,
                    detail: "\(n) workers assigned, headcount \(R.headcount)"))
        }
        if breaksMinHeadcount(R, assigned: n, pinned: !pinnedRequests.isEmpty && pinnedRequests.contains(R.id)) {
            violations.append(
                Violation(
                    rule: 7, kind: "under-min-headcount", request: R.id,
                    detail:
                        "\(n) workers assigned, minHeadcount \(R.minHeadcount) (must be 0 or >= \(R.minHeadcount))"))
        }
        if n > 0 { shareUnitsTotal += shareUnits(workers: n, headcount: R.headcount) }
    }
    // Rule 8: the dates of each (worker, ISO week), from the runs (one date each, in order).
    var k = 0
    while k < runs.count {
        let w = clean[byWDate[runs[k].lowerBound]].w
        let week = instance.requests[clean[byWDate[runs[k].lowerBound]].r].date.isoWeek
        var n = 1
        k += 1
        while k < runs.count {
            let first = clean[byWDate[runs[k].lowerBound]]
            guard first.w == w, instance.requests[first.r].date.isoWeek == week else { break }
            n += 1
            k += 1
        }
        let W = instance.workers[w]
        let worked = W.workedDates.reduce(0) { $0 + ($1.isoWeek == week ? 1 : 0) }
        if breaksWeeklyCap(W, datesInWeek: n, workedInWeek: worked) {
            violations.append(
                Violation(
                    rule: 8, kind: "weekly-cap", worker: W.id,
                    detail:
                        "ISO week \(week): \(n) day(s) with assignments + \(worked) workedDates > maxDaysPerWeek \(W.maxDaysPerWeek)"
                ))
        }
    }
    for p in instance.pinned {
        if let r = index.request[p.request], let w = index.worker[p.worker], seen.contains(r * nW + w) { continue }
        violations.append(
            Violation(
                rule: 9, kind: "pinned-missing", request: p.request, worker: p.worker,
                detail: "pinned pair is not in the plan"))
    }
    for (r, R) in instance.requests.enumerated() where breaksSeats(R, riders: riders[r]) {
        let who = rides.filter { $0.request == R.id }.map(\.worker).joined(separator: ", ")
        violations.append(
            Violation(
                rule: 10, kind: "pickup-seats", request: R.id,
                detail: "\(riders[r]) workers ride (\(who)), the pickup has \(R.pickup!.seats) seat(s)"))
    }
    // Continuity: a row continues the same job from the calendar day before, in the plan (the worker's run of that
    // date, which is the run just before in (worker, date) order) or in `history` (by worker index: a history row of
    // an unknown worker matches no row).
    var history: [Int: [(day: Int, job: String)]] = [:]
    for h in instance.history {
        if let w = index.worker[h.worker] { history[w, default: []].append((h.date.ordinal, h.job)) }
    }
    var continuityCount = 0
    for (x, run) in runs.enumerated() {
        let w = clean[byWDate[run.lowerBound]].w
        let day = reqDay[clean[byWDate[run.lowerBound]].r]
        var before: Range<Int>?
        if x > 0 {
            let prev = clean[byWDate[runs[x - 1].lowerBound]]
            if prev.w == w && reqDay[prev.r] == day - 1 { before = runs[x - 1] }
        }
        let past = history.isEmpty ? nil : history[w]
        for k in run {
            let job = instance.requests[clean[byWDate[k]].r].job
            var continues = false
            if let before {
                for b in before where instance.requests[clean[byWDate[b]].r].job == job {
                    continues = true
                    break
                }
            }
            if !continues, let past {
                for h in past where h.day == day - 1 && h.job == job {
                    continues = true
                    break
                }
            }
            if continues { continuityCount += 1 }
        }
    }
    let continuityBonus = instance.weights.continuity * continuityCount
    let shareBonus = instance.weights.share * shareUnitsTotal
    let soft = -(distanceCost + fairnessCost) + continuityBonus + shareBonus
    return ScoreReport(
        score: Score(hard: -violations.count, medium: medium, soft: soft), violations: violations, warnings: warnings,
        distanceCost: distanceCost, fairnessCost: fairnessCost, continuityBonus: continuityBonus,
        assignments: clean.count, shareBonus: shareBonus, rides: rides)
}
