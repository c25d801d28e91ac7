import Vocabulary

/// The input errors of an instance: every violation of the format's rules, each naming the field and the id.
public struct InstanceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One message per violation, e.g. `requests[3] (id "r4"): field "minHeadcount" (5) exceeds "headcount" (4)`.
    public var errors: [String]
    public init(_ errors: [String]) { self.errors = errors }
    public var description: String { errors.joined(separator: "\n") }
}

/// Reads and validates instances in the format of `spec/problem-format.md`.
///
/// The rules and messages mirror `shared/tools/score_plan.py`: every error is collected, not just the first.
public enum InstanceDecoder {
    /// Decodes and validates an instance from UTF-8 JSON bytes.
    /// - Parameter bytes: the file's contents.
    /// - Returns: the validated instance, defaults applied, pins deduplicated.
    /// - Throws: `InstanceError` listing every input error.
    public static func decode(_ bytes: [UInt8]) throws(InstanceError) -> Instance {
        // The direct route reads a valid instance without the tree; anything else is read (and named) by the tree's.
        if let instance = decodeDirect(bytes) { return instance }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw InstanceError(["instance: cannot read as JSON: \(error)"])
        }
        return try decode(value)
    }

    /// Validates an already parsed instance.
    public static func decode(_ value: JSONValue) throws(InstanceError) -> Instance {
        guard let root = value.object else { throw InstanceError(["instance: top level must be a JSON object"]) }
        return try decode(root, direct: nil)
    }

    /// Validates a parsed root object; `direct` holds its workers and requests when the direct route read them (each
    /// valid on its own, ids distinct): then only the ids they name are checked here, and any error (which the
    /// direct route's caller drops, to read the document again through the tree) is a bare mark.
    static func decode(_ root: JSONObject, direct: DirectLists?) throws(InstanceError) -> Instance {
        var ctx = Context()
        var version: Int?
        if let v = root.present("version") {
            if case .int(let n) = v, n == 1 || n == 2 {
                version = n
            } else {
                ctx.err("instance", "field \"version\" must be 1 or 2, got \(v.rendered)")
            }
        }
        var name: String?
        if let v = root.present("name") {
            if let s = v.string { name = s } else { ctx.err("instance", "field \"name\" must be a string") }
        }
        var wobj = JSONObject()
        if let v = root.present("weights") {
            if let o = v.object { wobj = o } else { ctx.err("instance", "field \"weights\" must be an object") }
        }
        let fairness = ctx.int("weights", wobj, "fairness", 5, lo: 0)
        let continuity = ctx.int("weights", wobj, "continuity", 30, lo: 0)
        let share = ctx.int("weights", wobj, "share", 0, lo: 0)
        if share > InstanceLimits.softTerm / 100 {
            ctx.err(
                "weights",
                "field \"share\" must be at most \(InstanceLimits.softTerm / 100) (100 × share is the largest soft term of one assignment ilson represents), got \(share)"
            )
        }
        var speedKmh = 30.0
        if let v = root.present("speedKmh") {
            if let n = v.number, n.isFinite, n > 0 {
                speedKmh = n
            } else {
                ctx.err("instance", "field \"speedKmh\" must be a number > 0, got \(v.rendered)")
            }
        }
        let walkKm = ctx.number("instance", root, "walkKm") ?? 2.0
        var pickupPoints: [PickupPoint] = []
        var pointIds: Set<String> = []
        for (i, pt) in ctx.objects(root, "pickupPoints", required: false) {
            let at = place("pickupPoints", i, pt, "id")
            guard let pid = ctx.id(at, pt, "id", kind: "pickup point", taken: pointIds.contains) else { continue }
            if pt.present("name") != nil && pt.present("name")?.string == nil {
                ctx.err(at, "field \"name\" must be a string")
            }
            let location = ctx.point(at, pt, "location")
            pointIds.insert(pid)
            pickupPoints.append(PickupPoint(id: pid, name: pt.present("name")?.string, location: location))
        }

        var workers: [Worker] = []
        var workerPlaces: [Place] = []
        var workerIds: Set<String> = []
        if let direct {
            workers = direct.workers
            workerPlaces.reserveCapacity(workers.count)
            // By index, not `enumerated()`: its iterator hands out a copy of each worker (a dozen references retained
            // and released).
            for i in workers.indices {
                workerPlaces.append(.object(kind: "workers", index: i, id: workers[i].id))
                if let point = workers[i].pickupPoint, !pointIds.contains(point) { ctx.err("workers", "direct") }
            }
        }
        for (i, object) in direct == nil ? ctx.objects(root, "workers", required: true) : [] {
            let w = FieldSlots<WorkerField>(object)
            let at = place("workers", i, w, .id)
            guard let wid = ctx.id(at, w, .id, kind: "worker", taken: workerIds.contains) else { continue }
            for k in [WorkerField.name, .phone] where w.present(k) != nil && w.present(k)?.string == nil {
                ctx.err(at, "field \"\(k.name)\" must be a string")
            }
            var category = WorkerCategory.general
            if let c = w.present(.category) {
                if let s = c.string, let cat = WorkerCategory(rawValue: s) {
                    category = cat
                } else {
                    ctx.err(
                        at,
                        "field \"category\" must be one of senior/youth/women/disabled/foreign/general/midlife, got \(c.rendered)"
                    )
                }
            }
            let allowed = ctx.strings(at, w, .allowedFarms, nullable: true)
            let home = ctx.point(at, w, .home)
            let skills = ctx.strings(at, w, .skills) ?? []
            let maxTravel = ctx.number(at, w, .maxTravelKm) ?? WorkerDefaults.maxTravelKm
            let (available, windows) = ctx.availability(at, w, .available)
            var pool = WorkerPool.day
            if let v = w.present(.pool) {
                if let s = v.string, let p = WorkerPool(rawValue: s) {
                    pool = p
                } else {
                    ctx.err(at, "field \"pool\" must be one of day/volunteer/seasonal, got \(v.rendered)")
                }
            }
            var car = true
            if let v = w.present(.car) {
                if case .bool(let b) = v {
                    car = b
                } else {
                    ctx.err(at, "field \"car\" must be true or false, got \(v.rendered)")
                }
            }
            var pickupPoint: String?
            if let v = w.present(.pickupPoint) {
                if let s = v.string, pointIds.contains(s) {
                    pickupPoint = s
                } else {
                    ctx.err(at, "field \"pickupPoint\": no pickup point with id \(v.rendered)")
                }
            }
            let stayUntil = ctx.date(at, w, .stayUntil)
            let maxJobs = ctx.int(at, w, .maxJobsPerDay, WorkerDefaults.maxJobsPerDay, lo: 1)
            let maxMinutes: Int? =
                w.present(.maxMinutesPerDay) == nil ? nil : ctx.int(at, w, .maxMinutesPerDay, 1, lo: 1)
            let maxDays = ctx.int(at, w, .maxDaysPerWeek, WorkerDefaults.maxDaysPerWeek, lo: 0)
            let recent = ctx.int(at, w, .recentDaysWorked, 0, lo: 0)
            let worked = ctx.dates(at, w, .workedDates, required: false)
            let blocked = ctx.strings(at, w, .blockedFarms) ?? []
            workerIds.insert(wid)
            workerPlaces.append(at)
            workers.append(
                Worker(
                    id: wid, name: w.present(.name)?.string, phone: w.present(.phone)?.string, home: home,
                    skills: Set(skills), category: category, maxTravelKm: maxTravel, available: available,
                    maxDaysPerWeek: maxDays, recentDaysWorked: recent, workedDates: worked,
                    blockedFarms: Set(blocked), allowedFarms: allowed.map { Set($0) }, windows: windows, pool: pool,
                    stayUntil: stayUntil, maxJobsPerDay: maxJobs, maxMinutesPerDay: maxMinutes, car: car,
                    pickupPoint: pickupPoint))
        }

        checkSoftTerms(&ctx, fairness: fairness, continuity: continuity, workers, workerPlaces)

        var farms: [Farm] = []
        var farmIds: Set<String> = []
        for (i, object) in ctx.objects(root, "farms", required: true) {
            let f = FieldSlots<FarmField>(object)
            let at = place("farms", i, f, .id)
            guard let fid = ctx.id(at, f, .id, kind: "farm", taken: farmIds.contains) else { continue }
            if f.present(.name) != nil && f.present(.name)?.string == nil {
                ctx.err(at, "field \"name\" must be a string")
            }
            let location = ctx.point(at, f, .location)
            let blocked = ctx.strings(at, f, .blockedWorkers) ?? []
            farmIds.insert(fid)
            farms.append(
                Farm(id: fid, name: f.present(.name)?.string, location: location, blockedWorkers: Set(blocked)))
        }

        var requests: [LaborRequest] = []
        var requestIndex: [String: Int] = [:]
        if let direct {
            requests = direct.requests
            requestIndex.reserveCapacity(requests.count)
            for (k, request) in requests.enumerated() {
                requestIndex[request.id] = k
                if !farmIds.contains(request.farm) { ctx.err("requests", "direct") }
                for point in request.pickup?.points ?? [] where !pointIds.contains(point) {
                    ctx.err("requests", "direct")
                }
            }
        }
        for (i, object) in direct == nil ? ctx.objects(root, "requests", required: true) : [] {
            let r = FieldSlots<RequestField>(object)
            let at = place("requests", i, r, .id)
            guard let rid = ctx.id(at, r, .id, kind: "request", taken: { requestIndex[$0] != nil }) else { continue }
            var farm = ""
            if let fv = r.present(.farm) {
                if let s = fv.string, farmIds.contains(s) {
                    farm = s
                } else {
                    ctx.err(at, "field \"farm\": no farm with id \(fv.rendered)")
                }
            } else {
                ctx.err(at, "missing required field \"farm\"")
            }
            var job = rid
            if let jv = r.present(.job) {
                if let s = jv.string, !s.isEmpty {
                    job = s
                } else {
                    ctx.err(at, "field \"job\" must be a non-empty string")
                }
            }
            var date = Day(ordinal: 0)
            if let dv = r.present(.date) {
                if let s = dv.string, let d = Day(s) {
                    date = d
                } else {
                    ctx.err(at, "field \"date\": bad date \(dv.rendered)")
                }
            } else {
                ctx.err(at, "missing required field \"date\"")
            }
            var times: [TimeOfDay?] = []
            for k in [RequestField.start, .end] {
                if let tv = r.present(k) {
                    if let s = tv.string, let t = TimeOfDay(rangeEnd: s) {
                        times.append(t)
                    } else {
                        ctx.err(at, "field \"\(k.name)\": bad time \(tv.rendered) (want HH:MM)")
                        times.append(nil)
                    }
                } else {
                    times.append(nil)
                }
            }
            // The spec's rule for every version: the (possibly defaulted) start is before the end.
            if r.present(.start) == nil || times[0] != nil, r.present(.end) == nil || times[1] != nil {
                let start = times[0] ?? TimeOfDay(hour: 7, minute: 0)!
                let end = times[1] ?? TimeOfDay(hour: 16, minute: 0)!
                if !(start < end) {
                    ctx.err(
                        at,
                        "fields \"start\" and \"end\": start \(start) is not before end \(end) (defaults 07:00 and 16:00)"
                    )
                }
            }
            if r.present(.task) != nil && r.present(.task)?.string == nil {
                ctx.err(at, "field \"task\" must be a string")
            }
            var wage: Double?
            if let wv = r.present(.wage) {
                if let n = wv.number, n.isFinite, n >= 0 {
                    wage = n
                } else {
                    ctx.err(at, "field \"wage\" must be a non-negative number")
                }
            }
            let headcount = ctx.int(at, r, .headcount, 1, lo: 1, required: true)
            let minHeadcount = ctx.int(at, r, .minHeadcount, 1, lo: 1)
            if minHeadcount > headcount {
                ctx.err(at, "field \"minHeadcount\" (\(minHeadcount)) exceeds \"headcount\" (\(headcount))")
            }
            let skills = ctx.strings(at, r, .skills) ?? []
            let priority = ctx.int(at, r, .priority, 1, lo: 1, hi: 10)
            let cap = ctx.number(at, r, .maxTravelKm)
            var pools: Set<WorkerPool>?
            if let v = r.present(.pools) {
                if let list = ctx.strings(at, r, .pools, nullable: true) {
                    if let bad = list.first(where: { WorkerPool(rawValue: $0) == nil }) {
                        ctx.err(
                            at,
                            "field \"pools\": \(JSONValue.string(bad).rendered) is not a pool (day/volunteer/seasonal)")
                    } else {
                        pools = Set(list.compactMap { WorkerPool(rawValue: $0) })
                    }
                } else {
                    _ = v
                }
            }
            var pickup: Pickup?
            if let v = r.present(.pickup) {
                if let o = v.object {
                    var points: [String] = []
                    if let pv = o.present("points") {
                        if let a = pv.array, a.allSatisfy({ $0.string != nil }) {
                            points = a.compactMap(\.string)
                            for x in points where !pointIds.contains(x) {
                                ctx.err(
                                    at,
                                    "field \"pickup.points\": no pickup point with id \(JSONValue.string(x).rendered)")
                            }
                        } else {
                            ctx.err(at, "field \"pickup.points\" must be a list of pickup point ids")
                        }
                    } else {
                        ctx.err(at, "missing required field \"pickup.points\"")
                    }
                    var seats = 0
                    if let sv = o.present("seats") {
                        if case .int(let n) = sv, n >= 0 {
                            seats = n
                        } else {
                            ctx.err(at, "field \"pickup.seats\" must be an integer >= 0, got \(sv.rendered)")
                        }
                    } else {
                        ctx.err(at, "missing required field \"pickup.seats\"")
                    }
                    pickup = Pickup(points: Set(points), seats: seats)
                } else {
                    ctx.err(at, "field \"pickup\" must be an object {\"points\", \"seats\"}")
                }
            }
            requestIndex[rid] = requests.count
            requests.append(
                LaborRequest(
                    id: rid, farm: farm, job: job, date: date, start: times[0], end: times[1],
                    task: r.present(.task)?.string, skills: Set(skills), headcount: headcount,
                    minHeadcount: minHeadcount, priority: priority, maxTravelKm: cap, wage: wage, pools: pools,
                    pickup: pickup))
        }

        var workerIndex: [String: Int] = [:]
        workerIndex.reserveCapacity(workers.count)
        for k in workers.indices { workerIndex[workers[k].id] = k }
        var pinned: [Pair] = []
        var firstListing: [Pair: Int] = [:]
        for (i, p) in ctx.objects(root, "pinned", required: false) {
            let at = "pinned[\(i)]"
            var bad = false
            let rv = p["request"] ?? .null
            let wv = p["worker"] ?? .null
            if rv.string.flatMap({ requestIndex[$0] }) == nil {
                ctx.err(at, "field \"request\": no request with id \(rv.rendered)")
                bad = true
            }
            if wv.string.flatMap({ workerIndex[$0] }) == nil {
                ctx.err(at, "field \"worker\": no worker with id \(wv.rendered)")
                bad = true
            }
            if !bad, let rid = rv.string, let wid = wv.string {
                let pair = Pair(request: rid, worker: wid)
                if firstListing[pair] == nil {
                    firstListing[pair] = i
                    pinned.append(pair)
                }
            }
        }
        let partial = Instance(
            weights: Weights(fairness: fairness, continuity: continuity, share: share), workers: workers, farms: farms,
            requests: requests, speedKmh: speedKmh, walkKm: walkKm, pickupPoints: pickupPoints)
        checkPins(&ctx, pinned, firstListing, partial, workerIndex, requestIndex)

        var history: [HistoryEntry] = []
        for (i, h) in ctx.objects(root, "history", required: false) {
            let at = "history[\(i)]"
            var ok = true
            let wid = h.present("worker")?.string
            let job = h.present("job")?.string
            if wid == nil {
                ctx.err(at, "field \"worker\" must be a string (worker id)")
                ok = false
            }
            if job == nil {
                ctx.err(at, "field \"job\" must be a string (job id)")
                ok = false
            }
            if h.present("farm") != nil && h.present("farm")?.string == nil {
                ctx.err(at, "field \"farm\" must be a string (farm id)")
            }
            let dv = h["date"] ?? .null
            let date = dv.string.flatMap { Day($0) }
            if date == nil {
                ctx.err(at, "field \"date\": bad or missing date \(dv.rendered)")
                ok = false
            }
            if ok, let wid, let job, let date {
                history.append(HistoryEntry(worker: wid, farm: h.present("farm")?.string, job: job, date: date))
            }
        }

        // ilson's extension: pairs the solver must not propose (unknown ids are tolerated, like history's).
        var excluded = Set<Pair>()
        for (i, e) in ctx.objects(root, "excluded", required: false) {
            guard let rid = e.present("request")?.string, let wid = e.present("worker")?.string else {
                ctx.err("excluded[\(i)]", "fields \"request\" and \"worker\" must be strings (ids)")
                continue
            }
            excluded.insert(Pair(request: rid, worker: wid))
        }

        if !ctx.errors.isEmpty { throw InstanceError(ctx.errors) }
        return Instance(
            name: name, weights: Weights(fairness: fairness, continuity: continuity, share: share), workers: workers,
            farms: farms, requests: requests, pinned: pinned, history: history, excludedPairs: excluded,
            version: version, speedKmh: speedKmh, walkKm: walkKm, pickupPoints: pickupPoints)
    }

    /// Where an object is, for messages: its list and index, and its id when that is a string.
    static func place<O: FieldLookup>(_ kind: String, _ i: Int, _ o: O, _ idKey: O.Key) -> Place {
        .object(kind: kind, index: i, id: o.present(idKey)?.string)
    }

    /// The soft terms of one assignment stay within `InstanceLimits.softTerm` (what the score can represent): the
    /// continuity weight, and the fairness weight times each worker's `recentDaysWorked`. A fairness weight above the
    /// limit is named once (with the first worker it meets), not once per worker.
    static func checkSoftTerms(
        _ ctx: inout Context, fairness: Int, continuity: Int, _ workers: [Worker], _ places: [Place]
    ) {
        let limit = InstanceLimits.softTerm
        if continuity > limit {
            ctx.err(
                "weights",
                "field \"continuity\" must be at most \(limit) (the largest soft term of one assignment ilson represents), got \(continuity)"
            )
        }
        guard fairness > 0 else { return }
        for w in workers.indices {
            let (product, overflow) = fairness.multipliedReportingOverflow(by: workers[w].recentDaysWorked)
            guard overflow || product > limit else { continue }
            let worker = workers[w]
            let term = overflow ? "more than 2^63" : String(product)
            if fairness > limit {
                ctx.err(
                    "weights",
                    "field \"fairness\" (\(fairness)) × recentDaysWorked (\(worker.recentDaysWorked), worker \"\(worker.id)\") = \(term), above \(limit), the largest soft term of one assignment ilson represents"
                )
                return
            }
            ctx.err(
                places[w],
                "field \"recentDaysWorked\" (\(worker.recentDaysWorked)) × weights.fairness (\(fairness)) = \(term), above \(limit), the largest soft term of one assignment ilson represents"
            )
        }
    }

    /// Pins that break a legal limit (`stayUntil`, `allowedFarms`, `pools`: a pin cannot override them), and pins
    /// that among themselves break rule 5, 6, 8 or 10 (the plan holding only the pins would break it).
    static func checkPins(
        _ ctx: inout Context, _ pinnedAll: [Pair], _ index: [Pair: Int], _ instance: Instance,
        _ workerIndex: [String: Int], _ requestIndex: [String: Int]
    ) {
        let workers = instance.workers
        let requests = instance.requests
        var farmIndex: [String: Int] = [:]
        for (i, f) in instance.farms.enumerated() { farmIndex[f.id] = i }
        func name(_ pins: [Pair]) -> String {
            pins.sorted { index[$0]! < index[$1]! }
                .map { "pinned[\(index[$0]!)] (request \"\($0.request)\", worker \"\($0.worker)\")" }
                .joined(separator: ", ")
        }
        // A pin whose request is itself broken (bad date or farm) was reported already.
        let pinned = pinnedAll.filter {
            let r = requests[requestIndex[$0.request]!]
            return farmIndex[r.farm] != nil && r.date.ordinal != 0
        }
        for p in pinned {
            let R = requests[requestIndex[p.request]!]
            let W = workers[workerIndex[p.worker]!]
            if let until = W.stayUntil, R.date > until {
                ctx.err(
                    name([p]),
                    "request date \(R.date) is after worker \"\(W.id)\"'s stayUntil \(until) (rule 1: a legal limit, a pin cannot override it)"
                )
            }
            if let allowed = W.allowedFarms, !allowed.contains(R.farm) {
                ctx.err(
                    name([p]),
                    "farm \"\(R.farm)\" is not in worker \"\(W.id)\"'s allowedFarms (rule 4: a legal limit, a pin cannot override it)"
                )
            }
            if let pools = R.pools, !pools.contains(W.pool) {
                ctx.err(
                    name([p]),
                    "worker \"\(W.id)\" is in pool \"\(W.pool.rawValue)\", not in request \"\(R.id)\"'s pools [\(pools.sorted().map(\.rawValue).joined(separator: ", "))] (rule 4: a legal limit, a pin cannot override it)"
                )
            }
        }
        struct WD: Hashable, Comparable {
            var worker: String
            var ordinal: Int
            static func < (a: WD, b: WD) -> Bool { (a.worker, a.ordinal) < (b.worker, b.ordinal) }
        }
        struct WW: Hashable, Comparable {
            var worker: String
            var week: ISOWeek
            static func < (a: WW, b: WW) -> Bool { (a.worker, a.week) < (b.worker, b.week) }
        }
        var byWDate: [WD: [Pair]] = [:]
        var byReq: [String: [Pair]] = [:]
        var byWWeek: [WW: Set<Int>] = [:]
        for p in pinned {
            let r = requests[requestIndex[p.request]!]
            byReq[p.request, default: []].append(p)
            byWDate[WD(worker: p.worker, ordinal: r.date.ordinal), default: []].append(p)
            byWWeek[WW(worker: p.worker, week: r.date.isoWeek), default: []].insert(r.date.ordinal)
        }
        for key in byWDate.keys.sorted() {
            let pins = byWDate[key]!
            let W = workers[workerIndex[key.worker]!]
            let jobs = pins.map { p -> (request: LaborRequest, farm: GeoPoint) in
                let R = requests[requestIndex[p.request]!]
                return (R, instance.farms[farmIndex[R.farm]!].location)
            }
            let problems = dayProblems(W, jobs, speedKmh: instance.speedKmh)
            if !problems.isEmpty {
                ctx.err(
                    name(pins),
                    "worker \"\(key.worker)\" is pinned on \(Day(ordinal: key.ordinal)) so that \(problems.map(\.detail).joined(separator: "; ")) (rule 5)"
                )
            }
        }
        let reqOrder = byReq.keys.sorted { a, b in
            let ia = byReq[a]!.map { index[$0]! }.min()!
            let ib = byReq[b]!.map { index[$0]! }.min()!
            return (ia, a) < (ib, b)
        }
        for rid in reqOrder {
            let pins = byReq[rid]!
            let hc = requests[requestIndex[rid]!].headcount
            if pins.count > hc {
                ctx.err(
                    name(pins),
                    "\(pins.count) distinct workers are pinned to request \"\(rid)\" whose headcount is \(hc) (rule 6)")
            }
        }
        for key in byWWeek.keys.sorted() {
            let dates = byWWeek[key]!
            let w = workers[workerIndex[key.worker]!]
            let worked = w.workedDates.filter { $0.isoWeek == key.week }.count
            if dates.count + worked > w.maxDaysPerWeek {
                let pins = pinned.filter {
                    $0.worker == key.worker && requests[requestIndex[$0.request]!].date.isoWeek == key.week
                }
                ctx.err(
                    name(pins),
                    "worker \"\(key.worker)\" has \(dates.count) pinned day(s) + \(worked) workedDates in ISO week \(key.week), above maxDaysPerWeek \(w.maxDaysPerWeek) (rule 8)"
                )
            }
        }
        let rules = TravelRules(instance)
        for rid in reqOrder {
            let R = requests[requestIndex[rid]!]
            guard let pickup = R.pickup else { continue }
            let F = instance.farms[farmIndex[R.farm]!]
            let riders = byReq[rid]!.filter { p in
                let W = workers[workerIndex[p.worker]!]
                return rules.travel(W, R, homeFarmKm: Distance.km(W.home, F.location)).mode.rides
            }
            if riders.count > pickup.seats {
                ctx.err(
                    name(riders),
                    "\(riders.count) pinned workers ride to request \"\(rid)\" whose pickup has \(pickup.seats) seat(s) (rule 10)"
                )
            }
        }
    }

    struct Context {
        var errors: [String] = []

        mutating func err(_ at: String, _ message: String) { errors.append("\(at): \(message)") }

        /// The error at an object's place (its text made here, only when an error needs it).
        mutating func err(_ at: Place, _ message: String) { errors.append("\(at.description): \(message)") }

        /// The object's `id`: a non-empty string that no earlier object of its kind has; nil (with the error) otherwise.
        mutating func id<O: FieldLookup>(
            _ at: Place, _ o: O, _ key: O.Key, kind: String, taken: (String) -> Bool
        ) -> String? {
            guard let id = o.present(key)?.string, !id.isEmpty else {
                err(at, "field \"id\" must be a non-empty string")
                return nil
            }
            if taken(id) {
                err(at, "duplicate \(kind) id \"\(id)\"")
                return nil
            }
            return id
        }

        mutating func objects(_ root: JSONObject, _ key: String, required: Bool) -> [(Int, JSONObject)] {
            guard let v = root.present(key) else {
                if required { err("instance", "missing required field \"\(key)\"") }
                return []
            }
            guard let a = v.array else {
                err("instance", "field \"\(key)\" must be a list")
                return []
            }
            var out: [(Int, JSONObject)] = []
            out.reserveCapacity(a.count)
            for (i, x) in a.enumerated() {
                if let o = x.object { out.append((i, o)) } else { err("\(key)[\(i)]", "must be an object") }
            }
            return out
        }

        mutating func int<O: FieldLookup>(
            _ at: Place, _ o: O, _ key: O.Key, _ fallback: Int, lo: Int? = nil, hi: Int? = nil,
            required: Bool = false
        ) -> Int {
            guard let v = o.present(key) else {
                if required { err(at, "missing required field \"\(o.fieldName(key))\"") }
                return fallback
            }
            if case .int(let n) = v, lo.map({ n >= $0 }) ?? true, hi.map({ n <= $0 }) ?? true { return n }
            var range = ""
            if let lo, let hi { range = " in [\(lo), \(hi)]" } else if let lo { range = " >= \(lo)" }
            if case .double(let d) = v, d.isFinite, d == d.rounded(), abs(d) >= 0x1p63 {
                // An integer literal beyond 64 bits: valid JSON, but no count or weight ilson can represent.
                err(
                    at,
                    "field \"\(o.fieldName(key))\" must be an integer\(range) and at most \(Int.max), got \(v.rendered)"
                )
                return fallback
            }
            err(at, "field \"\(o.fieldName(key))\" must be an integer\(range), got \(v.rendered)")
            return fallback
        }

        /// A non-negative finite number, nil when missing or invalid.
        mutating func number<O: FieldLookup>(_ at: Place, _ o: O, _ key: O.Key) -> Double? {
            guard let v = o.present(key) else { return nil }
            guard let n = v.number, n.isFinite, n >= 0 else {
                err(at, "field \"\(o.fieldName(key))\" must be a non-negative number, got \(v.rendered)")
                return nil
            }
            return n
        }

        mutating func strings<O: FieldLookup>(
            _ at: Place, _ o: O, _ key: O.Key, nullable: Bool = false
        ) -> [String]? {
            guard let v = o.present(key) else { return nullable ? nil : [] }
            guard let a = v.array else {
                err(at, "field \"\(o.fieldName(key))\" must be a list of strings")
                return nullable ? nil : []
            }
            var out: [String] = []
            out.reserveCapacity(a.count)
            for x in a {
                guard let s = x.string else {
                    err(at, "field \"\(o.fieldName(key))\" must be a list of strings")
                    return nullable ? nil : []
                }
                out.append(s)
            }
            return out
        }

        mutating func dates<O: FieldLookup>(_ at: Place, _ o: O, _ key: O.Key, required: Bool) -> Set<Day> {
            guard let v = o.present(key) else {
                if required { err(at, "missing required field \"\(o.fieldName(key))\"") }
                return []
            }
            guard let a = v.array else {
                err(at, "field \"\(o.fieldName(key))\" must be a list of YYYY-MM-DD dates")
                return []
            }
            var out = Set<Day>(minimumCapacity: a.count)
            for (i, x) in a.enumerated() {
                if let s = x.string, let d = Day(s) {
                    out.insert(d)
                } else {
                    err(at, "field \"\(o.fieldName(key))\"[\(i)]: bad date \(x.rendered)")
                }
            }
            return out
        }

        /// A date field (nil when missing; the error when bad).
        mutating func date<O: FieldLookup>(_ at: Place, _ o: O, _ key: O.Key) -> Day? {
            guard let v = o.present(key) else { return nil }
            if let s = v.string, let d = Day(s) { return d }
            err(at, "field \"\(o.fieldName(key))\": bad date \(v.rendered)")
            return nil
        }

        /// The worker's `available`: dates (the whole day) or `{"date", "from", "to"}` windows. Returns the dates and
        /// the windows of every date that has no whole-day entry.
        mutating func availability<O: FieldLookup>(
            _ at: Place, _ o: O, _ key: O.Key
        ) -> (Set<Day>, [Day: [ClockWindow]]) {
            guard let v = o.present(key) else {
                err(at, "missing required field \"available\"")
                return ([], [:])
            }
            guard let a = v.array else {
                err(
                    at, "field \"available\" must be a list of YYYY-MM-DD dates or {\"date\", \"from\", \"to\"} windows"
                )
                return ([], [:])
            }
            var dates = Set<Day>(minimumCapacity: a.count)
            var windows: [Day: [ClockWindow]] = [:]
            var whole = Set<Day>()
            for (i, x) in a.enumerated() {
                if let e = x.object {
                    let dv = e["date"] ?? .null
                    let d = dv.string.flatMap { Day($0) }
                    if d == nil { err(at, "field \"available\"[\(i)]: bad or missing date \(dv.rendered)") }
                    var times: [Int?] = []
                    for k in ["from", "to"] {
                        let tv = e[k] ?? .null
                        let t = tv.string.flatMap { TimeOfDay(rangeEnd: $0) }?.minutes
                        if t == nil {
                            err(at, "field \"available\"[\(i)].\(k): bad or missing time \(tv.rendered) (want HH:MM)")
                        }
                        times.append(t)
                    }
                    if let f = times[0], let t = times[1], f >= t {
                        err(
                            at,
                            "field \"available\"[\(i)]: window from \(clockText(f)) is not before to \(clockText(t))")
                        continue
                    }
                    if let d, let f = times[0], let t = times[1] {
                        dates.insert(d)
                        windows[d, default: []].append(ClockWindow(from: f, to: t))
                    }
                } else if let s = x.string, let d = Day(s) {
                    dates.insert(d)
                    whole.insert(d)
                } else {
                    err(at, "field \"available\"[\(i)]: bad date \(x.rendered)")
                }
            }
            for d in whole { windows[d] = nil }
            return (dates, windows)
        }

        mutating func point<O: FieldLookup>(_ at: Place, _ o: O, _ key: O.Key) -> GeoPoint {
            guard let v = o.present(key) else {
                err(at, "missing required field \"\(o.fieldName(key))\"")
                return GeoPoint(lat: 0, lon: 0)
            }
            guard let p = v.object else {
                err(at, "field \"\(o.fieldName(key))\" must be an object {\"lat\", \"lon\"}")
                return GeoPoint(lat: 0, lon: 0)
            }
            var ok = true
            let lat = p["lat"] ?? .null
            let lon = p["lon"] ?? .null
            if !(lat.number.map { $0.isFinite && $0 >= -90 && $0 <= 90 } ?? false) {
                err(at, "field \"\(o.fieldName(key)).lat\" must be a number in [-90, 90], got \(lat.rendered)")
                ok = false
            }
            if !(lon.number.map { $0.isFinite && $0 >= -180 && $0 <= 180 } ?? false) {
                err(at, "field \"\(o.fieldName(key)).lon\" must be a number in [-180, 180], got \(lon.rendered)")
                ok = false
            }
            return ok ? GeoPoint(lat: lat.number!, lon: lon.number!) : GeoPoint(lat: 0, lon: 0)
        }
    }
}
