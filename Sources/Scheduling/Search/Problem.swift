import Foundation
import Vocabulary

/// An instance compiled to compact integer-indexed arrays, with its candidate pairs (rules 1-4).
///
/// Every iteration order here is an array order: no `Dictionary`/`Set` order reaches a result.
struct Problem: Sendable {
    let instance: Instance
    let index: InstanceIndex
    let nW: Int
    let nR: Int
    /// Distinct request dates, ascending.
    let days: [Day]
    /// Whether plan day d is the calendar day after plan day d − 1, so that continuity links the two (false for the
    /// first): the one place that says which plan days are consecutive.
    let follows: [Bool]
    /// Distinct ISO weeks of `days`, ascending.
    let weeks: [ISOWeek]
    let dayWeek: [Int32]
    let reqDay: [Int32]
    let reqJob: [Int32]
    let reqPriority: [Int64]
    /// Headcount minus pinned workers.
    let reqCap: [Int32]
    /// The minimum headcount the solver must respect (1 when pinned: rule 7 does not apply).
    let reqMin: [Int32]
    let reqPinned: [[Int32]]
    /// `pinnedOn[w * nDays + d]`: the request the worker is pinned to on day d, or -1.
    let pinnedOn: [Int32]
    /// `capLeft[w * nWeeks + k]`: days the worker may still be assigned in week k (cap − workedDates − pins).
    let capLeft: [Int32]
    /// Candidate pairs grouped by request: `candStart[r] ..< candStart[r + 1]`.
    let candStart: [Int32]
    let candWorker: [Int32]
    /// `round(10 × km) + fairness × recentDaysWorked`.
    let candCost: [Int64]
    /// 1 when the worker worked the request's job the day before in `history`.
    let candHistory: [UInt8]
    let candKm: [Double]
    /// 1 when the worker rides the request's van (version 2, rule 10).
    let candRide: [UInt8]
    /// The value of one filled slot of priority 1: larger than any possible total soft difference.
    let bigM: Int64
    let continuity: Int64
    let grid: WorkerGrid
    /// Rule 2 as bits (`SkillTable`), built once for the candidate builder and kept for the explanations of unfilled
    /// requests (which built it again: 4.7M of the county day's 6.3M instructions of explanations).
    let skills: SkillTable

    var candidateCount: Int { candWorker.count }

    init(_ instance: Instance) {
        self.instance = instance
        let index = InstanceIndex(instance)
        self.index = index
        let nW = instance.workers.count
        let nR = instance.requests.count
        self.nW = nW
        self.nR = nR
        let days = Array(Set(instance.requests.map(\.date))).sorted()
        self.days = days
        follows = days.indices.map { d in d > 0 && days[d - 1].ordinal + 1 == days[d].ordinal }
        var dayIndex: [Int: Int32] = [:]
        for (i, d) in days.enumerated() { dayIndex[d.ordinal] = Int32(i) }
        let weeks = Array(Set(days.map(\.isoWeek))).sorted()
        self.weeks = weeks
        var weekIndex: [ISOWeek: Int32] = [:]
        for (i, w) in weeks.enumerated() { weekIndex[w] = Int32(i) }
        dayWeek = days.map { weekIndex[$0.isoWeek]! }
        reqDay = instance.requests.map { dayIndex[$0.date.ordinal]! }
        var jobIndex: [String: Int32] = [:]
        reqJob = instance.requests.map { r in
            if let j = jobIndex[r.job] { return j }
            let j = Int32(jobIndex.count)
            jobIndex[r.job] = j
            return j
        }
        reqPriority = instance.requests.map { Int64($0.priority) }
        let nD = days.count
        let nK = weeks.count

        var pinnedOn = [Int32](repeating: -1, count: nW * nD)
        var reqPinned = [[Int32]](repeating: [], count: nR)
        var pinsInWeek = [Int32](repeating: 0, count: nW * nK)
        for p in instance.pinned {
            let r = index.request[p.request]!
            let w = index.worker[p.worker]!
            reqPinned[r].append(Int32(w))
            let d = Int(reqDay[r])
            pinnedOn[w * nD + d] = Int32(r)
            pinsInWeek[w * nK + Int(dayWeek[d])] += 1
        }
        self.pinnedOn = pinnedOn
        self.reqPinned = reqPinned
        // A headcount above the number of workers is no cap; an unpinned request whose minimum exceeds what it can
        // get stays empty (cap 0). Both fit in 32 bits whatever the instance says.
        let reach = (0..<nR).map { min(instance.requests[$0].headcount, nW) }
        reqCap = (0..<nR).map { r in
            let R = instance.requests[r]
            if reqPinned[r].isEmpty && R.minHeadcount > reach[r] { return 0 }
            return Int32(max(0, reach[r] - reqPinned[r].count))
        }
        reqMin = (0..<nR).map { r in
            reqPinned[r].isEmpty ? Int32(min(instance.requests[r].minHeadcount, max(1, reach[r]))) : 1
        }
        var capLeft = [Int32](repeating: 0, count: nW * nK)
        // One count per plan week, reset for each worker (an array per worker and a copy of each `Worker` cost the
        // county day ≈ 3M instructions).
        var worked = [Int32](repeating: 0, count: nK)
        for w in 0..<nW {
            for k in 0..<nK { worked[k] = 0 }
            for d in instance.workers[w].workedDates { if let k = weekIndex[d.isoWeek] { worked[Int(k)] += 1 } }
            let maxDays = instance.workers[w].maxDaysPerWeek
            for k in 0..<nK {
                // A cap above two weeks' worth binds nothing (at most 7 dates worked plus 7 planned in one week).
                let cap = Int32(min(maxDays, 2 * InstanceLimits.daysPerWeek))
                capLeft[w * nK + k] = max(0, cap - worked[k] - pinsInWeek[w * nK + k])
            }
        }
        self.capLeft = capLeft
        continuity = Int64(instance.weights.continuity)

        // Candidate pairs: per farm, the workers within reach from a grid over lat/lon; then rules 1-4 per request.
        let grid = WorkerGrid(instance.workers)
        self.grid = grid
        let skills = SkillTable(instance)
        self.skills = skills
        let cand = Problem.candidates(
            instance, index: index, grid: grid, skills: skills, days: days, reqDay: reqDay, pinnedOn: pinnedOn,
            nD: nD)
        candStart = cand.start
        candWorker = cand.worker
        candCost = cand.cost
        candHistory = cand.history
        candKm = cand.km
        candRide = cand.ride

        // M: larger than any total soft difference (slots × (largest pair cost + two continuity bonuses)).
        var maxCost: Int64 = 0
        for c in cand.cost where c > maxCost { maxCost = c }
        let slots = Int64(min(cand.worker.count, max(1, reqCap.reduce(0) { $0 + Int($1) } + instance.pinned.count)))
        let perSlot = maxCost + 4 * Int64(instance.weights.continuity) + 1
        let (m, overflow) = slots.multipliedReportingOverflow(by: perSlot)
        bigM = overflow ? Int64.max / 1_000_000 : max(m + 1, 1)
    }

    struct Candidates {
        var start: [Int32]
        var worker: [Int32]
        var cost: [Int64]
        var history: [UInt8]
        var km: [Double]
        var ride: [UInt8]
    }

    /// The pairs that pass rules 1-4, found through a sorted grid over lat/lon (exact haversine only for grid
    /// neighbours). Every rule is the function of `Constraints/`: rule 1 (`isAvailable`) is evaluated once per worker
    /// and plan day, rule 2 (`holdsSkills`) once per distinct pair of skill sets (`SkillTable`), rule 3
    /// (`travelCap`) per pair, rule 4 (`isAllowed`) per worker and farm where it can forbid anything.
    static func candidates(
        _ instance: Instance, index: InstanceIndex, grid: WorkerGrid, skills: SkillTable, days: [Day], reqDay: [Int32],
        pinnedOn: [Int32], nD: Int
    ) -> Candidates {
        let nW = instance.workers.count
        let nR = instance.requests.count
        // Rule 1 per worker and plan day, as bits: `workerDays[w * dw + d / 64]`.
        let dw = max(1, (nD + 63) / 64)
        var workerDays = [UInt64](repeating: 0, count: nW * dw)
        var maxCap = 0.0
        let workerCap = instance.workers.map(\.maxTravelKm)
        let recent = instance.workers.map(\.recentDaysWorked)
        // By index: `enumerated()` would hand out a copy of each worker (a dozen references retained and released).
        for w in instance.workers.indices {
            for (k, day) in days.enumerated() where isAvailable(instance.workers[w].available, on: day) {
                workerDays[w * dw + k / 64] |= 1 << UInt64(k % 64)
            }
            maxCap = max(maxCap, workerCap[w])
        }
        let history = HistoryIndex(instance, index)
        // Rule 4 can forbid a farm to these workers only (or to those the farm blocks); their lists as farm indices
        // (ids that name no farm of the instance can match none).
        let restricted = instance.workers.map(hasFarmRestrictions)
        let blockedFarms: [[Int32]] = instance.workers.map { W in
            W.blockedFarms.compactMap { index.farm[$0].map(Int32.init) }
        }
        let allowedFarms: [[Int32]?] = instance.workers.map { W in
            W.allowedFarms.map { $0.compactMap { index.farm[$0].map(Int32.init) } }
        }
        // Requests grouped by farm (farm order, then request order).
        var byFarm = [[Int]](repeating: [], count: instance.farms.count)
        // Pairs excluded by a coordinator (`Instance.excludedPairs`), as worker indices per request.
        var excludedByRequest = [Set<Int32>](repeating: [], count: nR)
        for pair in instance.excludedPairs {
            if let r = index.request[pair.request], let w = index.worker[pair.worker] {
                excludedByRequest[r].insert(Int32(w))
            }
        }
        for r in 0..<nR { byFarm[index.requestFarm[r]].append(r) }
        let weights = instance.weights
        let excludedSets = excludedByRequest
        // Version 2's limits of a pair beyond rules 1-4 of version 1 (`PairLimits`: windows, a stay end, a minutes
        // cap, a pool), checked per pair only for the workers that have one of the first three or where a request names
        // pools. They are read from flat copies, not through a copy of the `Worker` (eleven references retained and
        // released at each of millions of pairs: a fifth of a province's samples).
        let limits = PairLimits(instance.workers)
        let walkKm = instance.walkKm
        let carless = instance.workers.map { !$0.car }
        let pointLocation = TravelRules(instance).points
        // Workers without a car, by their pickup point (each list in worker order): riders are found per request
        // through the van's stops, not the grid (their home may be far from the farm). A scan of every rider per van
        // was quadratic on a province (10,085 riders × 3,571 vans).
        var ridersAt: [String: [Int32]] = [:]
        var riderPoint = [GeoPoint?](repeating: nil, count: nW)
        for w in instance.workers.indices where carless[w] {
            guard let pt = instance.workers[w].pickupPoint else { continue }
            ridersAt[pt, default: []].append(Int32(w))
            riderPoint[w] = pointLocation[pt]
        }
        let homes = instance.workers.map(\.home)
        // The pre-test's fields of each worker also in grid order (position i of `grid.order`): the scan over a farm's
        // cells reads them in sequence instead of at scattered worker indices (on the province that scan waited on
        // the cache misses of five arrays read at random).
        let gridDays = (0..<(nW * dw)).map { workerDays[Int(grid.order[$0 / dw]) * dw + $0 % dw] }
        let words = skills.words
        let gridSkills: [UInt64] =
            skills.bits.isEmpty
            ? [] : (0..<(nW * words)).map { skills.bits[Int(grid.order[$0 / words]) * words + $0 % words] }
        let gridCap = grid.order.map { workerCap[Int($0)] }
        let farmsWithRequests = byFarm.indices.filter { !byFarm[$0].isEmpty }
        let requestLists = byFarm
        // Farms are independent: `threads` workers take every `threads`-th farm, each with its own scratch, and the
        // results are put back by request, so the pairs and their order do not depend on the threads.
        // With one word of day bits and one of skill bits per worker, the scans test both words through buffers that
        // check no bounds (`PackedWords`): on the county, where every farm scans every worker, that pre-test was about
        // half of the candidates' instructions.
        let packed = PackedWords(
            dw == 1 && words == 1 && !skills.bits.isEmpty,
            days: workerDays, skills: skills.bits, gridDays: gridDays, gridSkills: gridSkills)
        defer { packed?.deallocate() }
        let singleWords = packed
        let threads = max(1, min(4, ProcessInfo.processInfo.activeProcessorCount, farmsWithRequests.count / 8))
        let parts = ThreadResults<ThreadCandidates>(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) {
            [maxCap, workerDays, ridersAt, riderPoint] t in
            let out = ThreadCandidates()
            var farmBlocks = [Bool](repeating: false, count: nW)
            // The workers within reach of the current farm, with their distances: each worker at most once a farm, so
            // `nW` entries always suffice (an array's append cost ≈ 55 instructions through its uniqueness and
            // capacity checks, a store here a few).
            let near = UnsafeMutablePointer<(Int32, Double)>.allocate(capacity: max(1, nW))
            defer { near.deallocate() }
            var nearCount = 0
            for f in stride(from: t, to: farmsWithRequests.count, by: threads).map({ farmsWithRequests[$0] }) {
                let reqs = requestLists[f]
                let F = instance.farms[f]
                let blockedHere = F.blockedWorkers.compactMap { index.worker[$0] }
                for w in blockedHere { farmBlocks[w] = true }
                defer { for w in blockedHere { farmBlocks[w] = false } }
                let f32 = Int32(f)
                var radius = 0.0
                for r in reqs {
                    radius = max(radius, travelCap(workerCap: maxCap, requestCap: instance.requests[r].maxTravelKm))
                }
                nearCount = 0
                // Cheap tests first (before any trigonometry): a worker must be free on one of the farm's request days,
                // hold the skills of one of its requests, live within reach by latitude alone (the great-circle
                // distance is at least 6371 km × |Δφ|; the margin absorbs rounding) and be allowed here. Anyone
                // rejected here fails rules 1-4 for every request of the farm anyway.
                var days = [UInt64](repeating: 0, count: dw)
                var needs = [UInt64](repeating: 0, count: skills.words)
                for r in reqs {
                    let day = Int(reqDay[r])
                    days[day / 64] |= 1 << UInt64(day % 64)
                    let need = Int(skills.needOf[r])
                    needs[need / 64] |= 1 << UInt64(need % 64)
                }
                let farmDays = days
                let farmNeeds = needs
                let farmLat = F.location.lat
                let blocks = farmBlocks
                let cosP = cos(Distance.rad(farmLat))
                // Whether worker w may work at this farm at all: its allowed farms (visa holders) and blocks both ways.
                @inline(__always) func mayWorkHere(_ w: Int) -> Bool {
                    guard restricted[w] || blocks[w] else { return true }
                    return isAllowed(
                        farm: f32, blockedFarms: blockedFarms[w], allowedFarms: allowedFarms[w],
                        farmBlocksWorker: blocks[w])
                }
                // The north-south distance alone (a lower bound of the distance) already beyond `reach`.
                @inline(__always) func beyondByLatitude(_ lat: Double, _ reach: Double) -> Bool {
                    6371.0 * Distance.rad(abs(farmLat - lat)) * 0.999_999 > reach + 1e-9
                }
                // `grid.near(F.location, radius: radius, keep:)` with the pre-test in line (see `WorkerGrid.near`):
                // the worker's distance when it passes and lies within the radius, else nil. It captures no variable.
                @inline(__always) func reached(_ w: Int) -> Double? {
                    var free = false
                    for j in 0..<dw where workerDays[w * dw + j] & farmDays[j] != 0 { free = true }
                    guard free, skills.holdsAny(w, of: farmNeeds) else { return nil }
                    return reachedFree(w)
                }
                // The tests of `reached` after the day and skill tests, for a worker that passed them.
                @inline(__always) func reachedFree(_ w: Int) -> Double? {
                    let reach = min(workerCap[w], radius)
                    if beyondByLatitude(grid.lat[w], reach) { return nil }
                    guard mayWorkHere(w) else { return nil }
                    let d = grid.km(w, F.location, cosP: cosP)
                    return d <= radius ? d : nil
                }
                // `reached` for the worker at position i of the grid's order, from the fields in grid order: the same
                // tests on the same values, so the same answer.
                @inline(__always) func reached(at i: Int, _ w: Int) -> Double? {
                    var free = false
                    for j in 0..<dw where gridDays[i * dw + j] & farmDays[j] != 0 { free = true }
                    guard free else { return nil }
                    if gridSkills.isEmpty {
                        guard skills.holdsAny(w, of: farmNeeds) else { return nil }
                    } else {
                        var holds = false
                        for j in 0..<words where gridSkills[i * words + j] & farmNeeds[j] != 0 { holds = true }
                        guard holds else { return nil }
                    }
                    return reachedFree(at: i, w)
                }
                // The tests of `reached(at:_:)` after the day and skill tests, for a worker that passed them.
                @inline(__always) func reachedFree(at i: Int, _ w: Int) -> Double? {
                    let reach = min(gridCap[i], radius)
                    if beyondByLatitude(grid.gridLat[i], reach) { return nil }
                    guard mayWorkHere(w) else { return nil }
                    let d = grid.km(at: i, F.location, cosP: cosP)
                    return d <= radius ? d : nil
                }
                if let spans = grid.spans(F.location, radius: radius) {
                    if let single = singleWords {
                        // One word of day bits and one of skill bits (at most 64 plan days and 64 request skill
                        // sets): the day and skill tests of `reached(at:_:)` as two ANDs on the packed words, in grid
                        // order; the rest as there.
                        let fd = farmDays[0]
                        let fn = farmNeeds[0]
                        for (i0, i1) in spans {
                            for i in i0..<i1 where single.gridDays[i] & fd != 0 && single.gridSkills[i] & fn != 0 {
                                let w = Int(grid.order[i])
                                if let d = reachedFree(at: i, w) {
                                    near[nearCount] = (Int32(w), d)
                                    nearCount += 1
                                }
                            }
                        }
                    } else {
                        for (i0, i1) in spans {
                            for i in i0..<i1 {
                                let w = Int(grid.order[i])
                                if let d = reached(at: i, w) {
                                    near[nearCount] = (Int32(w), d)
                                    nearCount += 1
                                }
                            }
                        }
                    }
                    var found = UnsafeMutableBufferPointer(start: near, count: nearCount)
                    found.sort { $0.0 < $1.0 }
                } else if let single = singleWords {
                    // The same tests as `reached` (see above), every worker in worker order.
                    let fd = farmDays[0]
                    let fn = farmNeeds[0]
                    for w in 0..<nW where single.days[w] & fd != 0 && single.skills[w] & fn != 0 {
                        if let d = reachedFree(w) {
                            near[nearCount] = (Int32(w), d)
                            nearCount += 1
                        }
                    }
                } else {
                    for w in 0..<nW {
                        if let d = reached(w) {
                            near[nearCount] = (Int32(w), d)
                            nearCount += 1
                        }
                    }
                }
                let nearby = UnsafeBufferPointer(start: near, count: nearCount)
                for r in reqs {
                    let R = instance.requests[r]
                    let day = Int(reqDay[r])
                    let need = skills.needOf[r]
                    let excluded = excludedSets[r]
                    let dayWord = day / 64
                    let dayBit = UInt64(1) << UInt64(day % 64)
                    let needBit = UInt64(1) << UInt64(Int(need) % 64)
                    // Rules 1 and 2 for this request: through the packed words when they apply (one word each, so
                    // `dayWord` is 0 and `need` below 64), else the general arrays.
                    @inline(__always) func freeAndSkilled(_ w: Int) -> Bool {
                        if let single = singleWords {
                            return single.days[w] & dayBit != 0 && single.skills[w] & needBit != 0
                        }
                        return workerDays[w * dw + dayWord] & dayBit != 0 && skills.holds(w, need: need)
                    }
                    let requestCap = R.maxTravelKm
                    let namesPools = R.pools != nil
                    // The workers that worked this request's job the day before (ascending; most requests have none).
                    let continuing = history.workers(continuing: R)
                    // The riders of the van's stops, in worker order (a worker has one pickup point, so the lists are
                    // disjoint).
                    var stopRiders: [Int32] = []
                    if let pickup = R.pickup, !pickup.points.isEmpty {
                        for pt in pickup.points { stopRiders.append(contentsOf: ridersAt[pt] ?? []) }
                        if pickup.points.count > 1 { stopRiders.sort() }
                    }
                    // Room for the whole run in one chunk (see `ThreadCandidates`).
                    out.reserve(nearCount + stopRiders.count)
                    let begin = out.count
                    // Rule 4 (the farm's and the worker's lists) was checked by `reached` for every worker in `near`.
                    for (w32, d) in nearby {
                        let w = Int(w32)
                        guard freeAndSkilled(w) else { continue }
                        guard d <= travelCap(workerCap: workerCap[w], requestCap: requestCap) else { continue }
                        // Without a car only walking reaches a farm found by the grid (riders come below).
                        guard !carless[w] || d <= walkKm else { continue }
                        guard excluded.isEmpty || !excluded.contains(w32) else { continue }
                        if limits.limited[w] || namesPools {
                            guard limits.allows(w, R) else { continue }
                        }
                        out.append(
                            w32, cost: Int64(assignmentCost(distanceKm: d, recentDaysWorked: recent[w], weights)),
                            history: HistoryIndex.holds(continuing, w32) ? 1 : 0, km: d, ride: 0)
                    }
                    for w32 in stopRiders {
                        let w = Int(w32)
                        guard let at = riderPoint[w] else { continue }
                        guard workerDays[w * dw + dayWord] & dayBit != 0, skills.holds(w, need: need) else {
                            continue
                        }
                        guard excluded.isEmpty || !excluded.contains(w32) else { continue }
                        let blocked = blocks[w]
                        guard
                            (!restricted[w] && !blocked)
                                || isAllowed(
                                    farm: f32, blockedFarms: blockedFarms[w], allowedFarms: allowedFarms[w],
                                    farmBlocksWorker: blocked)
                        else { continue }
                        let d = Distance.km(homes[w], F.location)
                        guard d > walkKm else { continue }  // walking wins, found through the grid
                        let km = Distance.km(homes[w], at)
                        guard km <= travelCap(workerCap: workerCap[w], requestCap: requestCap) else { continue }
                        guard limits.allows(w, R) else { continue }
                        out.append(
                            w32, cost: Int64(assignmentCost(distanceKm: km, recentDaysWorked: recent[w], weights)),
                            history: HistoryIndex.holds(continuing, w32) ? 1 : 0, km: km, ride: 1)
                    }
                    out.spans.append((Int32(r), Int32(out.chunks.count - 1), Int32(begin), Int32(out.count)))
                }
            }
            parts.set(t, out)
        }
        // Each request's run, by thread and position, put back in request order.
        var part = [Int32](repeating: -1, count: nR)
        var chunk = [Int32](repeating: 0, count: nR)
        var span = [(Int32, Int32)](repeating: (0, 0), count: nR)
        var threadParts: [ThreadCandidates] = []
        for t in 0..<threads {
            let p = parts.get(t)
            for (r, k, b, e) in p.spans {
                part[Int(r)] = Int32(t)
                chunk[Int(r)] = k
                span[Int(r)] = (b, e)
            }
            threadParts.append(p)
        }
        var start = [Int32](repeating: 0, count: nR + 1)
        for r in 0..<nR { start[r + 1] = start[r] + (span[r].1 - span[r].0) }
        var c = Candidates(start: start, worker: [], cost: [], history: [], km: [], ride: [])
        let total = Int(start[nR])
        c.worker.reserveCapacity(total)
        c.cost.reserveCapacity(total)
        c.history.reserveCapacity(total)
        c.km.reserveCapacity(total)
        c.ride.reserveCapacity(total)
        // An empty run may name no chunk (a thread's first runs, before any room was reserved).
        for r in 0..<nR where part[r] >= 0 && span[r].1 > span[r].0 {
            let p = threadParts[Int(part[r])].chunks[Int(chunk[r])]
            let run = Int(span[r].0)..<Int(span[r].1)
            c.worker.append(contentsOf: p[p.worker, run])
            c.cost.append(contentsOf: p[p.cost, run])
            c.history.append(contentsOf: p[p.history, run])
            c.km.append(contentsOf: p[p.km, run])
            c.ride.append(contentsOf: p[p.ride, run])
        }
        return c
    }
}

/// Rule 2 (`holdsSkills`) evaluated once per distinct skill set of a worker and distinct skill set of a request (an
/// instance has a few hundred of the first and a few dozen of the second), kept as bits per worker over the request
/// sets, so that a pair costs one bit test and "holds the skills of one of a farm's requests" one AND per 64 sets.
/// Above `maxWords` words of bits the rule is evaluated per pair instead.
struct SkillTable: Sendable {
    /// The distinct skill set of each request, as an index into `needs`.
    let needOf: [Int32]
    let needs: [Set<String>]
    /// Words of bits per worker: one bit per distinct request skill set.
    let words: Int
    /// Bit n of `bits[w * words + n / 64]`: worker w holds every skill of `needs[n]`; empty when too large.
    let bits: [UInt64]
    /// The workers' skills, for the per-pair rule when `bits` is empty.
    let held: [Set<String>]
    static let maxWords = 1 << 22

    init(_ instance: Instance, maxWords: Int = SkillTable.maxWords) {
        if let names = SkillNames(instance.requests) {
            // The sets numbered by their words of names (`SkillNames`, at most 64 names): a set of names is one word,
            // rule 2 (`needed ⊆ held`) one AND; a worker's names outside the requests' never matter to it. Two request
            // sets are equal exactly when their words are (every name of theirs has its bit), so the numbering is
            // `numbered`'s, in the same order of first appearance. Hashing and comparing the sets of strings cost the
            // county day 14.1M instructions.
            var needs: [Set<String>] = []
            var needWords: [UInt64] = []
            var needIndex: [Int: Int32] = [:]
            let needOf = instance.requests.map { R in
                let m = names.word(R.skills)
                if let i = needIndex[Int(bitPattern: UInt(m))] { return i }
                let i = Int32(needs.count)
                needIndex[Int(bitPattern: UInt(m))] = i
                needs.append(R.skills)
                needWords.append(m)
                return i
            }
            self.init(instance, needOf: needOf, needs: needs, maxWords: maxWords) { words in
                SkillTable.rows(instance, words: words, needWords: needWords, names: names)
            }
        } else {
            var needs: [Set<String>] = []
            let needOf = SkillTable.numbered(instance.requests.map(\.skills), into: &needs)
            self.init(instance, needOf: needOf, needs: needs, maxWords: maxWords) { words in
                SkillTable.rows(comparingSets: instance, words: words, needs: needs)
            }
        }
    }

    /// The table of the numbered request sets, its bits from `rows(words)` unless they would take more than
    /// `maxWords` words (then the per-pair rule on the workers' own sets).
    private init(
        _ instance: Instance, needOf: [Int32], needs: [Set<String>], maxWords: Int, rows: (Int) -> [UInt64]
    ) {
        self.needOf = needOf
        self.needs = needs
        let words = max(1, (needs.count + 63) / 64)
        self.words = words
        guard instance.workers.count * words <= maxWords else {
            bits = []
            held = instance.workers.map(\.skills)
            return
        }
        held = []
        bits = rows(words)
    }

    /// Each worker's bits from the sets themselves (when the requests name more than 64 skills): `holdsSkills` once
    /// per distinct pair of a worker's set and a request's set, then each worker's row copied from its set's.
    private static func rows(comparingSets instance: Instance, words: Int, needs: [Set<String>]) -> [UInt64] {
        var helds: [Set<String>] = []
        let heldOf = SkillTable.numbered(instance.workers.map(\.skills), into: &helds)
        var rows = [UInt64](repeating: 0, count: helds.count * words)
        for (h, set) in helds.enumerated() {
            for (n, needed) in needs.enumerated() where holdsSkills(set, needed: needed) {
                rows[h * words + n / 64] |= 1 << UInt64(n % 64)
            }
        }
        var bits = [UInt64](repeating: 0, count: instance.workers.count * words)
        for (w, h) in heldOf.enumerated() {
            for j in 0..<words { bits[w * words + j] = rows[Int(h) * words + j] }
        }
        return bits
    }

    /// Each worker's bits from the words of names: the rule once per distinct word of held names (one AND per request
    /// set), then each worker's row copied from its word's.
    private static func rows(_ instance: Instance, words: Int, needWords: [UInt64], names: SkillNames) -> [UInt64] {
        var heldIndex: [Int: Int32] = [:]
        var rows: [UInt64] = []
        var bits = [UInt64](repeating: 0, count: instance.workers.count * words)
        for w in instance.workers.indices {
            let m = names.word(instance.workers[w].skills)
            let h: Int
            if let i = heldIndex[Int(bitPattern: UInt(m))] {
                h = Int(i)
            } else {
                h = rows.count / words
                heldIndex[Int(bitPattern: UInt(m))] = Int32(h)
                rows.append(contentsOf: repeatElement(0, count: words))
                for (n, needed) in needWords.enumerated() where needed & ~m == 0 {
                    rows[h * words + n / 64] |= 1 << UInt64(n % 64)
                }
            }
            for j in 0..<words { bits[w * words + j] = rows[h * words + j] }
        }
        return bits
    }

    /// The index of each set among the distinct ones, numbered in order of first appearance.
    static func numbered(_ sets: [Set<String>], into distinct: inout [Set<String>]) -> [Int32] {
        var index: [Set<String>: Int32] = [:]
        return sets.map { set in
            if let i = index[set] { return i }
            index[set] = Int32(distinct.count)
            distinct.append(set)
            return Int32(distinct.count - 1)
        }
    }

    /// Rule 2 for worker w and the requests whose skill set is `needs[need]`.
    @inline(__always) func holds(_ w: Int, need: Int32) -> Bool {
        let n = Int(need)
        if bits.isEmpty { return holdsSkills(held[w], needed: needs[n]) }
        return bits[w * words + n / 64] & (1 << UInt64(n % 64)) != 0
    }

    /// Rule 2 for worker w and one of the request skill sets in `mask` (bits over `needs`, `words` long).
    @inline(__always) func holdsAny(_ w: Int, of mask: [UInt64]) -> Bool {
        if bits.isEmpty {
            for n in 0..<needs.count where mask[n / 64] & (1 << UInt64(n % 64)) != 0 && holds(w, need: Int32(n)) {
                return true
            }
            return false
        }
        for j in 0..<words where bits[w * words + j] & mask[j] != 0 { return true }
        return false
    }
}

/// The distinct skill names of the requests, each a bit of one word; nil when there are more than 64 (then
/// `SkillTable` compares the sets themselves). Which name has which bit follows the sets' iteration order, which may
/// differ between runs: only the equality and inclusion of words are used, never a bit's position.
struct SkillNames {
    let bit: [String: Int]

    init?(_ requests: [LaborRequest]) {
        var bit: [String: Int] = [:]
        for R in requests {
            for name in R.skills where bit[name] == nil {
                guard bit.count < 64 else { return nil }
                bit[name] = bit.count
            }
        }
        self.bit = bit
    }

    /// The bits of the names of `set` that are request names (the others set none).
    func word(_ set: Set<String>) -> UInt64 {
        var m: UInt64 = 0
        for name in set { if let b = bit[name] { m |= 1 << UInt64(b) } }
        return m
    }
}

/// Each worker's day bits and skill bits as single words, by worker and in grid order (`WorkerGrid.order`), for the
/// candidate scans when one word holds each (at most 64 plan days and 64 distinct request skill sets): copies of
/// `workerDays`, `SkillTable.bits` and their grid-order copies in buffers read without bounds checks (every index the
/// scans use is below the worker count). Read-only once made; `deallocate` after the scans.
struct PackedWords: @unchecked Sendable {
    let days: UnsafeMutableBufferPointer<UInt64>
    let skills: UnsafeMutableBufferPointer<UInt64>
    let gridDays: UnsafeMutableBufferPointer<UInt64>
    let gridSkills: UnsafeMutableBufferPointer<UInt64>

    /// The copies, or nil unless `applies` (then the scans take their general tests).
    init?(_ applies: Bool, days: [UInt64], skills: [UInt64], gridDays: [UInt64], gridSkills: [UInt64]) {
        guard applies else { return nil }
        func copy(_ a: [UInt64]) -> UnsafeMutableBufferPointer<UInt64> {
            let b = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: a.count)
            _ = b.initialize(from: a)
            return b
        }
        self.days = copy(days)
        self.skills = copy(skills)
        self.gridDays = copy(gridDays)
        self.gridSkills = copy(gridSkills)
    }

    /// Frees the four buffers.
    func deallocate() {
        days.deallocate()
        skills.deallocate()
        gridDays.deallocate()
        gridSkills.deallocate()
    }
}

/// The candidate pairs one thread of `Problem.candidates` collects: its requests' runs one after another in chunks of
/// buffers it owns, and each run's request, chunk and bounds (`spans`). `reserve` before a run's appends makes room for
/// all of them in the current chunk, so an append is five stores (five arrays' appends, each with its uniqueness and
/// capacity checks, cost the county day ≈ 100 instructions a pair) and a run never spans two chunks. A full chunk is
/// kept as it is and a larger one started: nothing is copied (growing one set of buffers copied each pair about once
/// more, 5.9M instructions on the county day). Used by one thread at a time: written by its thread, read after
/// `concurrentPerform` returns.
final class ThreadCandidates: @unchecked Sendable {
    /// One chunk's five buffers, of equal capacity.
    struct Chunk {
        let worker: UnsafeMutablePointer<Int32>
        let cost: UnsafeMutablePointer<Int64>
        let history: UnsafeMutablePointer<UInt8>
        let km: UnsafeMutablePointer<Double>
        let ride: UnsafeMutablePointer<UInt8>

        /// Five buffers of `capacity` pairs.
        init(capacity: Int) {
            worker = .allocate(capacity: capacity)
            cost = .allocate(capacity: capacity)
            history = .allocate(capacity: capacity)
            km = .allocate(capacity: capacity)
            ride = .allocate(capacity: capacity)
        }

        /// Frees the five buffers.
        func deallocate() {
            worker.deallocate()
            cost.deallocate()
            history.deallocate()
            km.deallocate()
            ride.deallocate()
        }

        /// A run of one buffer as a buffer pointer.
        subscript<T>(_ base: UnsafeMutablePointer<T>, _ run: Range<Int>) -> UnsafeBufferPointer<T> {
            UnsafeBufferPointer(start: base + run.lowerBound, count: run.count)
        }
    }

    /// Pairs in the current (last) chunk.
    private(set) var count = 0
    private var capacity = 0
    /// Every chunk, the current one last (none before the first `reserve`).
    private(set) var chunks: [Chunk] = []
    /// The current chunk's buffers, for the appends.
    private var current = Chunk(capacity: 0)
    /// (request, chunk, begin, end) of each run, in the order the thread found them.
    var spans: [(Int32, Int32, Int32, Int32)] = []

    deinit {
        for c in chunks { c.deallocate() }
        if chunks.isEmpty { current.deallocate() }
    }

    /// Room for `extra` more pairs in the current chunk: when it lacks room, a new chunk of at least twice its capacity
    /// becomes the current one (the full one is kept, its pairs stay where they are).
    func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let size = max(extra, 2 * capacity, 1024)
        if chunks.isEmpty { current.deallocate() }
        current = Chunk(capacity: size)
        chunks.append(current)
        count = 0
        capacity = size
    }

    /// Appends one pair to the current chunk; `reserve` must have made room for it.
    @inline(__always) func append(_ w: Int32, cost c: Int64, history h: UInt8, km d: Double, ride: UInt8) {
        current.worker[count] = w
        current.cost[count] = c
        current.history[count] = h
        current.km[count] = d
        current.ride[count] = ride
        count += 1
    }
}

/// The jobs of `history`, to tell whether an assignment continues one from the day before (the continuity bonus).
struct HistoryIndex: Sendable {
    struct Key: Hashable {
        var w: Int
        var job: String
        var day: Int
    }

    /// A job on a date (ordinal), the key of `byJobDay`.
    struct JobDay: Hashable {
        var job: String
        var day: Int
    }

    let keys: Set<Key>
    /// Workers with any history (most have none: a quick no).
    let hasHistory: [Bool]
    /// The workers (indices, ascending, each once) that worked each job on each date, by `history`.
    let byJobDay: [JobDay: [Int32]]

    init(_ instance: Instance, _ index: InstanceIndex) {
        var keys = Set<Key>()
        var hasHistory = [Bool](repeating: false, count: instance.workers.count)
        var byJobDay: [JobDay: [Int32]] = [:]
        for h in instance.history {
            if let w = index.worker[h.worker] {
                keys.insert(Key(w: w, job: h.job, day: h.date.ordinal))
                hasHistory[w] = true
                byJobDay[JobDay(job: h.job, day: h.date.ordinal), default: []].append(Int32(w))
            }
        }
        for k in byJobDay.keys { byJobDay[k] = Array(Set(byJobDay[k] ?? [])).sorted() }
        self.keys = keys
        self.hasHistory = hasHistory
        self.byJobDay = byJobDay
    }

    /// Worker w worked request R's job the day before R's date, by `history`.
    @inline(__always) func continues(_ w: Int, _ R: LaborRequest) -> Bool {
        hasHistory[w] && keys.contains(Key(w: w, job: R.job, day: R.date.ordinal - 1))
    }

    /// The workers w for which `continues(w, R)` holds, ascending: one lookup per request instead of one per pair.
    func workers(continuing R: LaborRequest) -> [Int32] {
        byJobDay[JobDay(job: R.job, day: R.date.ordinal - 1)] ?? []
    }

    /// Whether the ascending list `workers` holds w (a binary search; the lists are short, most of them empty).
    @inline(__always) static func holds(_ workers: [Int32], _ w: Int32) -> Bool {
        var lo = 0
        var hi = workers.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if workers[mid] < w { lo = mid + 1 } else { hi = mid }
        }
        return lo < workers.count && workers[lo] == w
    }
}

/// Workers sorted by a lat/lon grid cell, for "who lives within R km of this farm" without comparing every pair.
struct WorkerGrid: Sendable {
    let cell: Double
    let lonCells: Int
    let keys: [Int]
    let order: [Int32]
    let lat: [Double]
    let lon: [Double]
    /// `cos(rad(lat))` of every worker: the same value `Distance.km` computes, once per worker instead of per pair.
    let cosLat: [Double]
    /// `lat`, `lon` and `cosLat` by position in `order` (`gridLat[i] == lat[order[i]]`), for scans in grid order.
    let gridLat: [Double]
    let gridLon: [Double]
    let gridCos: [Double]
    let maxCap: Double

    init(_ workers: [Worker]) {
        let lat = workers.map(\.home.lat)
        let lon = workers.map(\.home.lon)
        let cosLat = workers.map { cos(Distance.rad($0.home.lat)) }
        self.lat = lat
        self.lon = lon
        self.cosLat = cosLat
        let maxCap = workers.reduce(0.0) { max($0, $1.maxTravelKm) }
        self.maxCap = maxCap
        // Cells of half the largest reach (in degrees of latitude): a farm's block of cells then covers about half the
        // area a block of full-reach cells does (on the province day 115.6M workers scanned instead of 198.2M).
        let cell = min(10.0, max(0.01, maxCap / 222.0))
        self.cell = cell
        let lonCells = Int((360.0 / cell).rounded(.up)) + 2
        self.lonCells = lonCells
        var keyed: [(Int, Int32)] = (0..<workers.count).map { w in
            let a = Int(((workers[w].home.lat + 90.0) / cell).rounded(.down))
            let b = Int(((workers[w].home.lon + 180.0) / cell).rounded(.down))
            return (a * lonCells + b, Int32(w))
        }
        keyed.sort { $0 < $1 }
        keys = keyed.map(\.0)
        let order = keyed.map(\.1)
        self.order = order
        gridLat = order.map { lat[Int($0)] }
        gridLon = order.map { lon[Int($0)] }
        gridCos = order.map { cosLat[Int($0)] }
    }

    func row(_ la: Double) -> Int { Int(((la + 90.0) / cell).rounded(.down)) }
    func col(_ lo: Double) -> Int { Int(((lo + 180.0) / cell).rounded(.down)) }

    func lowerBound(_ k: Int) -> Int {
        var lo = 0
        var hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < k { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// `Distance.km(lat1: lat[i], lon1: lon[i], lat2: p.lat, lon2: p.lon)` term by term, the cosines precomputed
    /// (`cosP` is `cos(rad(p.lat))`): bit for bit the same value.
    @inline(__always) func km(_ i: Int, _ p: GeoPoint, cosP: Double) -> Double {
        Distance.km(dLat: p.lat - lat[i], dLon: p.lon - lon[i], cosProduct: cosLat[i] * cosP)
    }

    /// `km(order[i], p, cosP:)` from the fields in grid order: the same values, the same operations, the same bits.
    @inline(__always) func km(at i: Int, _ p: GeoPoint, cosP: Double) -> Double {
        Distance.km(dLat: p.lat - gridLat[i], dLon: p.lon - gridLon[i], cosProduct: gridCos[i] * cosP)
    }

    /// The spans of `order` whose cells hold every worker within `radius` km of `p`, or nil when they hold half the
    /// workers or more (or the radius is too large for the grid): then a scan of every worker in worker order is
    /// cheaper (no sort) and finds the same workers.
    func spans(_ p: GeoPoint, radius: Double) -> [(Int, Int)]? {
        let ang = radius / 6371.0
        let dLat = ang * 180.0 / Double.pi * 1.001 + 1e-7
        let maxAbsLat = max(abs(p.lat - dLat), abs(p.lat + dLat))
        if ang > 1.0 || maxAbsLat >= 89.0 { return nil }
        let s = sin(ang / 2.0) / cos(maxAbsLat * Double.pi / 180.0)
        if s >= 1.0 { return nil }
        let dLon = 2.0 * asin(s) * 180.0 / Double.pi * 1.001 + 1e-7
        if dLon >= 170.0 { return nil }
        let a = p.lon - dLon
        let b = p.lon + dLon
        let ranges: [(Double, Double)] =
            a < -180.0 ? [(-180.0, b), (a + 360.0, 180.0)] : b > 180.0 ? [(a, 180.0), (-180.0, b - 360.0)] : [(a, b)]
        var spans: [(Int, Int)] = []
        var total = 0
        for r in row(max(-90.0, p.lat - dLat))...row(min(90.0, p.lat + dLat)) {
            for (l0, l1) in ranges {
                let i0 = lowerBound(r * lonCells + col(l0))
                let i1 = max(i0, lowerBound(r * lonCells + col(l1) + 1))
                if i1 > i0 { spans.append((i0, i1)) }
                total += i1 - i0
            }
        }
        return 2 * total >= lat.count ? nil : spans
    }

    /// Calls `body(worker, km)` for every worker within `radius` km (exact haversine), in worker order.
    ///
    /// - Parameter keep: a cheap pre-test run before the haversine; a worker it rejects is skipped (never reported).
    ///   It only saves trigonometry: the distances reported are bit-identical with or without it. Not optional: an
    ///   optional closure is retained and released at every call (retain and release: 6 % of a county day's
    ///   CPU before, 2.5 % after).
    ///
    /// `Problem.candidates` does not call it: it runs the same scan (`spans`, `km`) with its pre-test written in
    /// line, as a closure called per worker cost the county day ≈ 100 instructions a worker.
    func near(_ p: GeoPoint, radius: Double, keep: (Int) -> Bool = { _ in true }, _ body: (Int32, Double) -> Void) {
        let cosP = cos(Distance.rad(p.lat))
        guard let spans = spans(p, radius: radius) else {
            for w in 0..<lat.count where keep(w) {
                let d = km(w, p, cosP: cosP)
                if d <= radius { body(Int32(w), d) }
            }
            return
        }
        var found: [(Int32, Double)] = []
        for (i0, i1) in spans {
            for i in i0..<i1 {
                let w = Int(order[i])
                if !keep(w) { continue }
                let d = km(w, p, cosP: cosP)
                if d <= radius { found.append((Int32(w), d)) }
            }
        }
        found.sort { $0.0 < $1.0 }
        for (w, d) in found { body(w, d) }
    }
}

extension Problem {
    /// Whether plan day d + 1 exists and is the calendar day after plan day d (`follows`).
    @inline(__always) func followed(_ d: Int) -> Bool { d + 1 < follows.count && follows[d + 1] }
}
