import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// What a person gave for a request. For `submit`, farm, date, start, end, task and headcount are required;
/// for `edit` and an import update, what is nil stays as it is.
public struct RequestInput: Sendable, Hashable {
    public var farm: String?
    public var date: String?
    public var days: Int?
    public var start: String?
    public var end: String?
    public var task: String?
    public var skills: [String]?
    public var headcount: Int?
    public var minHeadcount: Int?
    public var priority: Int?
    public var wage: Int?
    public var maxTravelKm: Double?
    /// Why `priority` overrides the center's policy (required by `edit`; a new request's is `입력`).
    public var priorityReason: String?
    /// Put the request back on the center's policy (`edit` only; not with `priority`).
    public var policyPriority: Bool
    /// Version 2: the pools that may fill it (names, comma-separated; `all`/`전체` for every pool).
    public var pools: String?
    /// Version 2: the van's seats (`0`… ; `none`/`없음` for no van) and stops (pickup point names).
    public var pickupSeats: String?
    public var pickupPoints: [String]?

    public init(
        farm: String? = nil, date: String? = nil, days: Int? = nil, start: String? = nil, end: String? = nil,
        task: String? = nil, skills: [String]? = nil, headcount: Int? = nil, minHeadcount: Int? = nil,
        priority: Int? = nil, wage: Int? = nil, maxTravelKm: Double? = nil, priorityReason: String? = nil,
        policyPriority: Bool = false, pools: String? = nil, pickupSeats: String? = nil, pickupPoints: [String]? = nil
    ) {
        self.priorityReason = priorityReason
        self.policyPriority = policyPriority
        self.pools = pools
        self.pickupSeats = pickupSeats
        self.pickupPoints = pickupPoints
        self.farm = farm
        self.date = date
        self.days = days
        self.start = start
        self.end = end
        self.task = task
        self.skills = skills
        self.headcount = headcount
        self.minHeadcount = minHeadcount
        self.priority = priority
        self.wage = wage
        self.maxTravelKm = maxTravelKm
    }
}

/// What `request submit` made: one job, one request per day.
public struct SubmittedJob: Sendable, Hashable {
    public var center: CenterRecord
    public var farm: FarmRecord
    public var jobID: Int64
    public var requests: [(id: Int64, date: Day)] { zip(requestIDs, dates).map { ($0, $1) } }
    public var requestIDs: [Int64]
    public var dates: [Day]
}

/// Labor requests (인력 요청): one per farm and day, grouped in jobs.
public enum Requests {
    /// Applies the value fields of `input` to `base` and checks the result (start < end, min ≤ headcount, …).
    static func merge(_ input: RequestInput, into base: RequestValues, source: InputSource) throws(OperationError)
        -> RequestValues
    {
        var v = base
        if let s = input.start { v.start = try RegistryInput.time(s, field: source.name("start", "start")) }
        if let e = input.end {
            v.end =
                e.trimmingCharacters(in: .whitespaces) == "24:00"
                ? .endOfDay : try RegistryInput.time(e, field: source.name("end", "end"))
        }
        if let skills = input.skills {
            v.skills = try RegistryInput.skills(skills, field: source.name("skills", "skills"))
        }
        if let h = input.headcount { v.headcount = h }
        if let m = input.minHeadcount { v.minHeadcount = m }
        if let p = input.priority { v.priority = p }
        if let w = input.wage { v.wage = w }
        if let km = input.maxTravelKm { v.maxTravelKm = km }
        try Pickups.apply(input, to: &v, source: source)
        guard v.start < v.end else {
            throw .badInput(
                T(
                    .errStartNotBeforeEnd,
                    [
                        "start": source.name("start", "start"), "startValue": v.start,
                        "end": source.name("end", "end"), "endValue": v.end,
                    ]))
        }
        let headcount = source.name("headcount", "headcount")
        guard (1...500).contains(v.headcount) else {
            throw .badInput(T(.errValueRange, ["field": headcount, "value": v.headcount, "min": 1, "max": 500]))
        }
        let minName = source.name("min", "min_headcount")
        guard v.minHeadcount >= 1 else {
            throw .badInput(T(.errMinAtLeastOne, ["field": minName, "value": v.minHeadcount]))
        }
        guard v.minHeadcount <= v.headcount else {
            throw .badInput(
                T(
                    .errMinOverHeadcount,
                    ["min": minName, "minValue": v.minHeadcount, "headcount": headcount, "headcountValue": v.headcount])
            )
        }
        guard (1...10).contains(v.priority) else {
            throw .badInput(
                T(
                    .errValueRange,
                    ["field": source.name("priority", "priority"), "value": v.priority, "min": 1, "max": 10]))
        }
        if let w = v.wage, !(0...2_000_000).contains(w) {
            throw .badInput(T(.errWageRange, ["field": source.name("wage", "wage"), "value": w]))
        }
        if let km = v.maxTravelKm, !(km > 0 && km <= 500) {
            throw .badInput(
                T(.errTravelRange, ["field": source.name("max-travel-km", "max_travel_km"), "value": km]))
        }
        return v
    }

    /// A new request's values from input (farm and dates aside).
    static func newValues(_ input: RequestInput, date: Day, source: InputSource) throws(OperationError) -> RequestValues
    {
        guard let start = input.start else {
            throw .badInput(T(.errMissingExample, ["field": source.name("start", "start"), "example": "07:00"]))
        }
        guard let end = input.end else {
            throw .badInput(T(.errMissingExample, ["field": source.name("end", "end"), "example": "16:00"]))
        }
        guard let task = try RegistryInput.text(input.task, TextLimits.task, option: source.name("task", "task")) else {
            throw .badInput(
                T(
                    .errMissingExample,
                    ["field": source.name("task", "task"), "example": Language.current == .ko ? "수확" : "harvest"]))
        }
        guard input.headcount != nil else {
            throw .badInput(T(.errMissing, ["field": source.name("headcount", "headcount")]))
        }
        let base = RequestValues(
            date: date, start: try RegistryInput.time(start, field: source.name("start", "start")),
            end: end.trimmingCharacters(in: .whitespaces) == "24:00"
                ? .endOfDay : try RegistryInput.time(end, field: source.name("end", "end")), task: task, headcount: 1)
        return try merge(input, into: base, source: source)
    }

    /// The first day and the days of a new request, none in the past.
    ///
    /// - Parameter allowingPast: a re-imported sheet's old rows are read too (the import compares them).
    static func days(_ input: RequestInput, clock: IlsonClock, source: InputSource, allowingPast: Bool = false)
        throws(OperationError) -> [Day]
    {
        guard let text = input.date else {
            throw .badInput(T(.errMissingExample, ["field": source.name("date", "date"), "example": "YYYY-MM-DD"]))
        }
        let first = try clock.parse(text, field: source.name("date", "date"))
        guard first >= clock.today || allowingPast else {
            throw .badInput(
                T(.errDatePast, ["field": source.name("date", "date"), "value": first, "today": clock.today]))
        }
        let count = input.days ?? 1
        guard (1...31).contains(count) else {
            throw .badInput(
                T(.errValueRange, ["field": source.name("days", "days"), "value": count, "min": 1, "max": 31]))
        }
        return (0..<count).map { first.adding(days: $0) }
    }

    /// Submits a request for one or more consecutive days: one job, one request per day, audit rows.
    ///
    /// - Throws: `OperationError.badInput` for bad values, a date in the past or a request that exists already
    ///   (same farm, date, task and start); `.notFound` for an unknown farm.
    public static func submit(_ input: RequestInput, center: String?, clock: IlsonClock, on db: Connection) throws
        -> SubmittedJob
    {
        guard let farmCode = input.farm else { throw OperationError.badInput(T(.errMissing, ["field": "--farm"])) }
        let dates = try days(input, clock: clock, source: .commandLine)
        // The values checked before connecting (skills and task become codes in the transaction).
        var early = input
        early.skills = nil
        _ = try newValues(early, date: dates[0], source: .commandLine)
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let catalogues = try Catalogues.Loaded(center: center.id, on: db)
            let input = try catalogues.canonical(input, source: .commandLine)
            let template = try newValues(input, date: dates[0], source: .commandLine)
            let farm = try Farms.find(code: farmCode, center: center, on: db)
            try Pickups.checkKnown(template.pickupPoints, center: center, field: "--pickup-points", on: db)
            let live = try RequestStore.live(center: center.id, from: dates.first!, to: dates.last!, on: db)
            for date in dates {
                if let same = live.first(where: {
                    $0.farmID == farm.id && $0.values.date == date && $0.values.task == template.task
                        && $0.values.start == template.start
                }) {
                    throw OperationError.badInput(
                        T(
                            .errRequestExists,
                            [
                                "request": same.id, "task": catalogues.tasks.name(of: template.task), "farm": farm.code,
                                "date": date,
                                "start": template.start,
                            ]))
                }
            }
            let job = try JobStore.insert(center: center.id, farm: farm.id, task: template.task, on: db)
            var ids: [Int64] = []
            for date in dates {
                var values = template
                values.date = date
                let id = try RequestStore.insert(
                    center: center.id, job: job, farm: farm.id, values,
                    priorityReason: input.priority == nil ? nil : priorityInputReason, via: "request submit", on: db)
                ids.append(id)
            }
            return SubmittedJob(center: center, farm: farm, jobID: job, requestIDs: ids, dates: dates)
        }
    }

    /// Changes the given values of one request (a coordinator sets `priority` here).
    ///
    /// - Throws: `.notFound` for an unknown id, `.badInput` for a cancelled or past request or bad values,
    ///   `.conflict` when the day's roster is approved or being sent (reopen it first).
    ///
    /// A `priority` overrides the center's policy and needs a `priorityReason` (`--reason`), which the request
    /// and its audit row keep; `policyPriority` puts the request back on the policy.
    public static func edit(_ id: Int64, _ input: RequestInput, center: String?, clock: IlsonClock, on db: Connection)
        throws -> (request: RequestRecord, changed: Bool)
    {
        let reason = try RegistryInput.text(input.priorityReason, TextLimits.changeReason, option: "--reason")
        let priorityChange: PriorityChange
        if input.policyPriority {
            guard input.priority == nil else {
                throw OperationError.badInput(T(.errPriorityBoth))
            }
            priorityChange = .policy
        } else if input.priority != nil {
            guard let reason else {
                throw OperationError.badInput(T(.errPriorityReason))
            }
            priorityChange = .override(reason: reason)
        } else {
            priorityChange = .keep
        }
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let request = try find(id, center: center, on: db)
            try checkChangeable(request, clock: clock, verb: "edit")
            let input = try Catalogues.Loaded(center: center.id, on: db).canonical(input, source: .commandLine)
            let values = try merge(input, into: request.values, source: .commandLine)
            let sourceChanges: Bool =
                switch priorityChange {
                case .keep: false
                case .policy: request.priorityOrigin.prioritySource != .policy
                case .override(let why):
                    request.priorityOrigin
                        != PriorityOrigin(
                            prioritySource: .override, priorityReason: why,
                            priorityBy: request.priorityOrigin.priorityBy)
                }
            guard values != request.values || sourceChanges else { return (request, false) }
            try Pickups.checkKnown(values.pickupPoints, center: center, field: "--pickup-points", on: db)
            try refusedByLock {
                try RequestStore.update(id: id, values, priority: priorityChange, via: "request edit", on: db)
            }
            return (try RequestStore.find(id: id, center: center.id, on: db)!, true)
        }
    }

    /// The terms of the center's policy that apply to a request's farm on its day (what its priority would be
    /// on the policy, or is).
    public static func policyTerms(of request: RequestRecord, on db: Connection) throws -> [PriorityTermLine] {
        let policy = try PriorityPolicyStore.find(center: request.centerID, on: db).policy
        let terms = try RequestStore.priorityTerms(
            center: request.centerID, farm: request.farmID, date: request.values.date, on: db)
        return PriorityPolicies.lines(terms, policy: policy)
    }

    /// Cancels one request, or with `wholeJob` every live request of its job from today on.
    ///
    /// - Returns: the cancelled requests.
    /// - Throws: `.badInput` when there is nothing to cancel.
    public static func cancel(
        _ id: Int64, wholeJob: Bool, reason: String?, center: String?, clock: IlsonClock, on db: Connection
    ) throws -> [RequestRecord] {
        try cancelTelling(id, wholeJob: wholeJob, reason: reason, center: center, clock: clock, on: db).requests
    }

    /// Cancels one request, or with `wholeJob` every live request of its job from today on. A request on an
    /// approved, sending or sent roster is cancelled through the outbox (`RequestCancelDayOf`): its workers and
    /// its farmer are told, and nobody else.
    ///
    /// - Returns: the cancelled requests, and what each roster change told whom.
    /// - Throws: `.badInput` when there is nothing to cancel.
    public static func cancelTelling(
        _ id: Int64, wholeJob: Bool, reason: String?, center: String?, clock: IlsonClock, on db: Connection
    ) throws -> (requests: [RequestRecord], notices: [DayOfReport]) {
        let reason = try RegistryInput.text(reason, TextLimits.reason, option: "--reason")
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let request = try find(id, center: center, on: db)
            var targets: [RequestRecord]
            if wholeJob {
                targets = try RequestStore.list(
                    center: center.id, RequestFilter(job: request.jobID, includeCancelled: false), on: db
                )
                .filter { $0.values.date >= clock.today }
                guard !targets.isEmpty else {
                    throw OperationError.badInput(T(.errJobNothingToCancel, ["job": request.jobID]))
                }
            } else {
                targets = [request]
            }
            for target in targets { try checkChangeable(target, clock: clock, verb: "cancel", rosterMayBeOut: true) }
            // An announced roster's request is cancelled through the outbox, which only the center writes.
            if let locked = targets.first(where: \.isLockedByRoster),
                try UserStore.current(on: db).user?.kind == .farmer
            {
                throw OperationError.conflict(
                    T(
                        .errRequestLockedFarmer,
                        [
                            "date": locked.values.date, "request": locked.id,
                            "state": Language.current == .ko
                                ? RequestText.state(locked.rosterState!) : "\(locked.rosterState!)",
                        ]))
            }
            var notices: [DayOfReport] = []
            for target in targets {
                if target.isLockedByRoster {
                    notices.append(
                        try RequestCancelDayOf.cancel(target, center: center, reason: reason, on: db))
                    continue
                }
                try refusedByLock {
                    try RequestStore.cancel(id: target.id, reason: reason, via: "request cancel", on: db)
                }
            }
            return (try targets.map { try RequestStore.find(id: $0.id, center: center.id, on: db)! }, notices)
        }
    }

    /// The requests of a center in a date range (and of one farm).
    public static func list(
        from: Day?, to: Day?, farm: String?, center: String?, on db: Connection
    ) throws -> (CenterRecord, [RequestRecord]) {
        let center = try Centers.resolve(center, on: db)
        let farmID = try farm.map { try Farms.find(code: $0, center: center, on: db).id }
        return (
            center, try RequestStore.list(center: center.id, RequestFilter(from: from, to: to, farm: farmID), on: db)
        )
    }

    /// One request, with the other days of its job.
    public static func show(_ id: Int64, center: String?, on db: Connection) throws -> (
        request: RequestRecord, job: [RequestRecord]
    ) {
        let center = try Centers.resolve(center, on: db)
        let request = try find(id, center: center, on: db)
        return (request, try RequestStore.list(center: center.id, RequestFilter(job: request.jobID), on: db))
    }

    static func find(_ id: Int64, center: CenterRecord, on db: Connection) throws -> RequestRecord {
        if let request = try RequestStore.find(id: id, center: center.id, on: db) { return request }
        if let other = try RequestStore.otherCenter(id: id, notCenter: center.id, on: db) {
            throw OperationError.badInput(
                T(.errRequestOfOtherCenter, ["request": id, "other": other, "center": center.code]))
        }
        throw OperationError.notFound(T(.errRequestNotFound, ["request": id, "center": center.code]))
    }

    /// Runs a change of a request, turning the database's own refusal of a farmer's change (sql/010: SQLSTATE
    /// 55000, e.g. the roster was approved since the request was read) into the conflict the CLI's check gives.
    static func refusedByLock(_ change: () throws -> Void) throws {
        do {
            try change()
        } catch let error as PostgresError where error.sqlState?.rawValue == "55000" {
            throw OperationError.conflict(error.message + (error.hint.map { "; \($0)" } ?? ""))
        }
    }

    /// Refuses a change to a cancelled or past request, or one whose roster is approved or being sent.
    static func checkChangeable(
        _ request: RequestRecord, clock: IlsonClock, verb: String, rosterMayBeOut: Bool = false
    ) throws(OperationError) {
        let date = request.values.date
        guard request.status != .cancelled else {
            throw .badInput(T(.errRequestAlreadyCancelled, ["request": request.id, "date": date]))
        }
        guard date >= clock.today else {
            throw .badInput(T(.errRequestPast, ["request": request.id, "date": date, "today": clock.today]))
        }
        if request.isLockedByRoster && !rosterMayBeOut {
            let koreanVerb = verb == "edit" ? "고치세요" : "취소하세요"
            throw .conflict(
                T(
                    .errRequestLocked,
                    [
                        "date": date, "request": request.id, "verb": Language.current == .ko ? koreanVerb : verb,
                        "state": Language.current == .ko
                            ? RequestText.state(request.rosterState!) : "\(request.rosterState!)",
                    ]))
        }
    }
}
