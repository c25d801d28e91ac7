import Foundation

/// Why a request is short, as a kind plus its numbers (so it can be translated), with an English description.
public struct UnfilledReason: Sendable, Hashable, CustomStringConvertible {
    /// The reason kinds a coordinator can act on.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// How many workers hold the skills within the travel cap (always first).
        case summary
        /// Nobody within reach holds the skills (or nobody lives within reach at all).
        case noSkillHolderNearby
        /// Holders nearby are not available on the date.
        case holdersUnavailable
        /// Holders nearby are blocked from the farm (either way) or visa-restricted (`allowedFarms`).
        case holdersBlocked
        /// Holders nearby work other requests that day (named with their priority).
        case takenByOtherRequests
        /// Holders nearby have reached their weekly cap.
        case weeklyCapReached
        /// The request stays empty because its minimum headcount cannot be met together.
        case minimumUnreachable
        /// Eligible workers were left free (only when the search ran out of budget).
        case leftFree
        /// Version 2: holders free that date only outside the job's hours (a window).
        case outsideWindow
        /// Version 2: holders whose stay (visa, contract) ends before the date.
        case stayEnded
        /// Version 2: holders of a pool the request does not accept.
        case poolNotAccepted
        /// Version 2: holders without a car, too far to walk, whose pickup point the van does not serve.
        case noVanStop
        /// Version 2: riders who could come but the van's seats are taken.
        case seatsTaken
        /// Version 2: holders whose day cannot take this job too (a transfer too short, the day's minutes, their jobs
        /// a day).
        case dayFull
    }

    /// Another request that holds some of the workers this one could have had.
    public struct TakenBy: Sendable, Hashable {
        /// The other request's instance id.
        public var request: String
        public var priority: Int
        /// How many of this request's candidates it holds.
        public var workers: Int
    }

    public var kind: Kind
    /// The travel cap the counts are within, km.
    public var radiusKm: Double = 0
    /// The skills the request needs (sorted; empty when any worker will do).
    public var skills: [String] = []
    /// For `takenByOtherRequests`: the requests holding the candidates, highest priority first.
    public var takenBy: [TakenBy] = []
    /// For `outsideWindow`: the job's hours, minutes after midnight.
    public var window: ClosedRange<Int>? = nil
    /// For `seatsTaken`: the van's seats.
    public var seats: Int? = nil
    /// Named numbers of the reason, e.g. `["holders": 2, "radiusKm": 20]`, in a fixed order.
    public var numbers: [(String, Int)]
    public var description: String

    public static func == (a: UnfilledReason, b: UnfilledReason) -> Bool {
        a.kind == b.kind && a.description == b.description && a.numbers.map(\.0) == b.numbers.map(\.0)
            && a.numbers.map(\.1) == b.numbers.map(\.1)
    }

    public func hash(into h: inout Hasher) {
        h.combine(kind)
        h.combine(description)
    }
}

/// One entry per request with fewer than its headcount: `missing` exact, reasons with numbers.
///
/// - Parameter plain: classify every worker within the grid's radius (the distance first, then rule 2), as before
///   session explain23; the default tests rule 2 first and computes distances for skill holders only. Both give the
///   same entries (`UnfilledScanTests`).
func explainUnfilled(
    _ p: Problem, assign: [Int32], nD: Int, counts: [Int]? = nil, plain: Bool = false
) -> [UnfilledRequest] {
    let instance = p.instance
    var count = [Int](repeating: 0, count: p.nR)
    if let counts { count = counts } else { for x in assign where x >= 0 { count[Int(x)] += 1 } }
    let nK = p.weeks.count
    let short = instance.requests.indices.filter { count[$0] < instance.requests[$0].headcount }
    // Requests are explained independently: up to 4 threads take every `threads`-th one; the list keeps request order.
    let threads = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount, short.count / 16))
    let parts = ThreadResults<[(Int, UnfilledRequest)]>(count: threads)
    let counts = count
    // Rule 2 once per distinct pair of skill sets, as bits (the candidate builder's table, kept in `Problem`): a
    // nearby worker's test is one bit instead of a `Set<String>` subset test (on the county week 95M of the
    // explanations' 300M instructions).
    if short.isEmpty { return [] }
    let skills = p.skills
    DispatchQueue.concurrentPerform(iterations: threads) { t in
        var part: [(Int, UnfilledRequest)] = []
        for i in stride(from: t, to: short.count, by: threads) {
            let entry = explain(
                p, request: short[i], has: counts[short[i]], assign: assign, nD: nD, nK: nK, skills: skills,
                plain: plain)
            part.append((i, entry))
        }
        parts.set(t, part)
    }
    var out = [UnfilledRequest?](repeating: nil, count: short.count)
    for t in 0..<threads {
        for (i, entry) in parts.get(t) { out[i] = entry }
    }
    return out.compactMap { $0 }
}

/// The entry of request r, which has `has` workers: `missing` and the reasons with their numbers; rule 2 is read
/// from `skills` (the instance's table); `plain` as in `explainUnfilled`.
private func explain(
    _ p: Problem, request r: Int, has: Int, assign: [Int32], nD: Int, nK: Int, skills: SkillTable, plain: Bool
) -> UnfilledRequest {
    let instance = p.instance
    let R = instance.requests[r]
    let missing = R.headcount - has
    let d = Int(p.reqDay[r])
    let k = Int(p.dayWeek[d])
    let F = instance.farms[p.index.requestFarm[r]]
    let radius = travelCap(workerCap: p.grid.maxCap, requestCap: R.maxTravelKm)
    var nearby = 0
    var holders = 0
    var unavailable = 0
    var blocked = 0
    var capped = 0
    var free = 0
    var window = 0
    var stay = 0
    var pool = 0
    var noVan = 0
    var seatsFull = 0
    var dayFull = 0
    var taken: [Int: Int] = [:]  // request → how many of our holders it holds
    let need = skills.needOf[r]
    var riders = 0
    for x in instance.pinned where x.request == R.id {
        if let w = p.index.worker[x.worker] {
            let W = instance.workers[w]
            if !W.car && Distance.km(W.home, F.location) > instance.walkKm { riders += 1 }
        }
    }
    for w in 0..<p.nW where assign[w * nD + d] == Int32(r) {
        for c in Int(p.candStart[r])..<Int(p.candStart[r + 1]) where Int(p.candWorker[c]) == w && p.candRide[c] != 0 {
            riders += 1
        }
    }
    // Each nearby worker is looked at in place: its fields read through a pointer into the array and the rules' field
    // forms (as the candidate builder does). A copy of the `Worker` per look (`let W = instance.workers[w]`: its
    // strings, sets and arrays retained and released, ≈ 570 instructions; a `borrowing` parameter still copied it) was
    // a third of the explanations' cost on the county week.
    //
    // `classify` takes a worker who holds the skills (rule 2) at `km` from the farm: every count but `nearby`. The
    // counts do not depend on the order the workers come in (`taken` is sorted when written out).
    func classify(_ W: UnsafePointer<Worker>, _ w: Int, _ km: Double) {
        guard km <= travelCap(workerCap: W.pointee.maxTravelKm, requestCap: R.maxTravelKm) else { return }
        holders += 1
        let farmBlocks = F.blockedWorkers.contains(W.pointee.id)
        guard
            isAllowed(
                farm: F.id, blockedFarms: W.pointee.blockedFarms, allowedFarms: W.pointee.allowedFarms,
                farmBlocksWorker: farmBlocks)
        else {
            blocked += 1
            return
        }
        if !poolAllowed(W.pointee.pool, R) {
            pool += 1
            return
        }
        if !isAvailable(W.pointee.available, on: R.date) {
            unavailable += 1
            return
        }
        if !withinStay(until: W.pointee.stayUntil, on: R.date) {
            stay += 1
            return
        }
        if !fitsWindow(W.pointee.windows, R) {
            window += 1
            return
        }
        var rides = false
        if !W.pointee.car && km > instance.walkKm {
            guard let pt = W.pointee.pickupPoint, R.pickup?.points.contains(pt) == true else {
                noVan += 1
                return
            }
            rides = true
        }
        if let m = W.pointee.maxMinutesPerDay, R.lengthMinutes > m {
            dayFull += 1
            return
        }
        let other = assign[w * nD + d]
        if other >= 0 {
            if Int(other) != r {
                if W.pointee.maxJobsPerDay > 1 { dayFull += 1 } else { taken[Int(other), default: 0] += 1 }
            }
            return
        }
        if rides, let pickup = R.pickup, riders >= pickup.seats {
            seatsFull += 1
            return
        }
        var used = 0
        for e in 0..<nD where Int(p.dayWeek[e]) == k && assign[w * nD + e] >= 0 && p.pinnedOn[w * nD + e] < 0 {
            used += 1
        }
        if Int(p.capLeft[w * nK + k]) - used <= 0 {
            capped += 1
            return
        }
        free += 1
    }
    instance.workers.withUnsafeBufferPointer { workers in
        guard let at = workers.baseAddress else { return }
        if plain {
            p.grid.near(F.location, radius: radius) { w32, km in
                let W = at + Int(w32)
                guard km <= travelCap(workerCap: W.pointee.maxTravelKm, requestCap: R.maxTravelKm) else { return }
                nearby += 1
                guard skills.holds(Int(w32), need: need) else { return }
                classify(W, Int(w32), km)
            }
            return
        }
        // Rule 2 before the distance: only holders need theirs. The scan is `WorkerGrid.near`'s (the same cells, the
        // same bits of each distance) in grid order without its sort, which the counts do not need.
        let grid = p.grid
        let farm = F.location
        let cosP = cos(Distance.rad(farm.lat))
        if let spans = grid.spans(farm, radius: radius) {
            for (i0, i1) in spans {
                for i in i0..<i1 {
                    let w = Int(grid.order[i])
                    guard skills.holds(w, need: need) else { continue }
                    let d = grid.km(at: i, farm, cosP: cosP)
                    if d <= radius { classify(at + w, w, d) }
                }
            }
        } else {
            for w in 0..<p.nW where skills.holds(w, need: need) {
                let d = grid.km(w, farm, cosP: cosP)
                if d <= radius { classify(at + w, w, d) }
            }
        }
        // `nearby` is written out only when no worker within reach holds the skills: then it counts them all.
        guard holders == 0 else { return }
        grid.near(farm, radius: radius) { w32, km in
            if km <= travelCap(workerCap: at[Int(w32)].maxTravelKm, requestCap: R.maxTravelKm) { nearby += 1 }
        }
    }
    let skillText = R.skills.isEmpty ? "" : " with skill \(R.skills.sorted().joined(separator: ", "))"
    let km = formatKm(radius)
    var reasons: [UnfilledReason] = []
    reasons.append(
        UnfilledReason(
            kind: .summary, numbers: [("headcount", R.headcount), ("missing", missing), ("holders", holders)],
            description:
                "needs \(R.headcount)\(skillText), has \(has); \(holders) worker(s) within \(km) km\(R.skills.isEmpty ? "" : " hold it")"
        ))
    if holders == 0 {
        reasons.append(
            UnfilledReason(
                kind: .noSkillHolderNearby, numbers: [("nearby", nearby)],
                description: R.skills.isEmpty
                    ? "no worker lives within \(km) km of the farm"
                    : "no worker within \(km) km holds skill \(R.skills.sorted().joined(separator: ", ")) (\(nearby) other worker(s) live nearby)"
            ))
    }
    if unavailable > 0 {
        reasons.append(
            UnfilledReason(
                kind: .holdersUnavailable, numbers: [("count", unavailable)],
                description: "\(unavailable) of them \(unavailable == 1 ? "is" : "are") not available on \(R.date)"))
    }
    if blocked > 0 {
        reasons.append(
            UnfilledReason(
                kind: .holdersBlocked, numbers: [("count", blocked)],
                description:
                    "\(blocked) of them \(blocked == 1 ? "is" : "are") blocked from farm \(F.id) or visa-restricted to other farms"
            ))
    }
    if !taken.isEmpty {
        // Highest priority first, then request order; each key's priority read once from `reqPriority` (the
        // instance's, as Int64) instead of from the request at every comparison.
        let list = taken.keys.map { (-p.reqPriority[$0], $0) }.sorted { $0 < $1 }.map(\.1)
        let total = taken.values.reduce(0, +)
        let named = list.prefix(5).map { q in
            let Q = instance.requests[q]
            return "\(Q.id) (priority \(Q.priority)\(taken[q]! > 1 ? ", \(taken[q]!) workers" : ""))"
        }
        let takenBy = list.map { q in
            UnfilledReason.TakenBy(
                request: instance.requests[q].id, priority: instance.requests[q].priority, workers: taken[q]!)
        }
        var reason = UnfilledReason(
            kind: .takenByOtherRequests, numbers: [("count", total), ("requests", list.count)],
            description:
                "\(total) of them \(total == 1 ? "is" : "are") on other requests that day: \(named.joined(separator: ", "))\(list.count > 5 ? ", …" : "")"
        )
        reason.takenBy = takenBy
        reasons.append(reason)
    }
    if capped > 0 {
        reasons.append(
            UnfilledReason(
                kind: .weeklyCapReached, numbers: [("count", capped)],
                description:
                    "\(capped) of them \(capped == 1 ? "has" : "have") reached maxDaysPerWeek in ISO week \(p.weeks[k])"
            ))
    }
    let more: [(UnfilledReason.Kind, Int, String)] = [
        (.poolNotAccepted, pool, "\(pool) of them \(pool == 1 ? "is" : "are") in a pool this request does not accept"),
        (
            .stayEnded, stay,
            "\(stay) of them \(stay == 1 ? "has" : "have") a stay (visa or contract) that ends before \(R.date)"
        ),
        (
            .outsideWindow, window,
            "\(window) of them \(window == 1 ? "is" : "are") free on \(R.date) only outside \(clockText(R.startMinute))-\(clockText(R.endMinute))"
        ),
        (
            .noVanStop, noVan,
            "\(noVan) of them \(noVan == 1 ? "has" : "have") no car, live too far to walk, and no van stops near them"
        ),
        (
            .seatsTaken, seatsFull,
            "\(seatsFull) of them would ride, but the van's \(R.pickup?.seats ?? 0) seat(s) are taken"
        ),
        (
            .dayFull, dayFull,
            "\(dayFull) of them cannot fit this job into their day (another job too close to travel between, or too many hours)"
        ),
    ]
    for (kind, n, text) in more where n > 0 {
        reasons.append(UnfilledReason(kind: kind, numbers: [("count", n)], description: text))
    }
    // The instance's own minimum (the solver's is clamped to the workers there are).
    let minimum = p.reqPinned[r].isEmpty ? R.minHeadcount : 1
    if has == 0 && minimum > 1 {
        reasons.append(
            UnfilledReason(
                kind: .minimumUnreachable, numbers: [("minHeadcount", minimum), ("free", free)],
                description: free < minimum
                    ? "minHeadcount \(minimum) is unreachable: only \(free) eligible worker(s) are free, so the request stays empty"
                    : "minHeadcount \(minimum): opening it would take workers from requests worth more, so it stays empty"
            ))
    } else if free > 0 {
        reasons.append(
            UnfilledReason(
                kind: .leftFree, numbers: [("count", free)],
                description: "\(free) eligible worker(s) were left free (search budget ran out)"))
    }
    let skills = R.skills.sorted()
    for i in reasons.indices {
        reasons[i].radiusKm = radius
        reasons[i].skills = skills
        if reasons[i].kind == .outsideWindow { reasons[i].window = R.startMinute...max(R.startMinute, R.endMinute) }
        if reasons[i].kind == .seatsTaken { reasons[i].seats = R.pickup?.seats ?? 0 }
    }
    return UnfilledRequest(request: R.id, missing: missing, reasons: reasons.map(\.description), details: reasons)
}
