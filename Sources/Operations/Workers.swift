import KoreanText
import Places
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// What a person gave for a worker: for `worker add` the name, phone and location are required; for
/// `worker edit` and an import update, what is nil stays as it is.
public struct WorkerInput: Sendable, Hashable {
    public var name: String?
    public var phone: String?
    public var location: LocationInput
    public var skills: [String]?
    /// English or Korean category.
    public var category: String?
    public var maxTravelKm: Double?
    public var maxDaysPerWeek: Int?
    /// `y`/`n` (or 예/아니오).
    public var smsConsent: String?
    /// Farm codes; `["any"]` lifts the restriction.
    public var allowedFarms: [String]?
    /// Version 2 values (pool, jobs and minutes a day, stay end, visa, car, pickup point), as typed.
    public var version2 = WorkerVersion2Input()

    public init(
        name: String? = nil, phone: String? = nil, location: LocationInput = LocationInput(), skills: [String]? = nil,
        category: String? = nil, maxTravelKm: Double? = nil, maxDaysPerWeek: Int? = nil, smsConsent: String? = nil,
        allowedFarms: [String]? = nil, version2: WorkerVersion2Input = WorkerVersion2Input()
    ) {
        self.version2 = version2
        self.name = name
        self.phone = phone
        self.location = location
        self.skills = skills
        self.category = category
        self.maxTravelKm = maxTravelKm
        self.maxDaysPerWeek = maxDaysPerWeek
        self.smsConsent = smsConsent
        self.allowedFarms = allowedFarms
    }
}

/// A worker with the center they belong to.
public struct WorkerDetail: Sendable, Hashable {
    public var center: CenterRecord
    public var worker: WorkerRecord
    public var availability: [AvailabilityRecord]
}

/// Workers (작업자): registration, changes, availability.
public enum Workers {
    /// Applies what was given to `base` (nil for a new worker), checking every value.
    ///
    /// - Parameter knownFarms: the farm codes of the center (allowed farms must be among them).
    /// - Throws: `OperationError.badInput` naming the field and what to do.
    static func merge(
        _ input: WorkerInput, into base: WorkerValues?, knownFarms: Set<String>, center: CenterRecord,
        county: County?, source: InputSource, knownPickupPoints: Set<String>? = nil
    ) throws(OperationError) -> WorkerValues {
        let phoneField = source.name("phone", "phone")
        let name = try input.name.map { n throws(OperationError) in
            try RegistryInput.name(n, TextLimits.workerName, option: source.name("name", "name"))
        }
        let phone = try input.phone.map { p throws(OperationError) in try RegistryInput.phone(p, field: phoneField) }
        var values: WorkerValues
        if let base {
            values = base
            if let name { values.name = name }
            if let phone { values.phone = phone }
            if !input.location.isEmpty {
                let place = try RegistryInput.location(
                    input.location, what: T(.whatWorker, ["phone": Phone.mask(values.phone)]), source: source,
                    county: county)
                (values.homeLat, values.homeLon, values.village) = (place.lat, place.lon, place.village)
            }
        } else {
            guard let name else { throw .badInput(T(.errWorkerNeedsName, ["field": source.name("name", "name")])) }
            guard let phone else { throw .badInput(T(.errWorkerNeedsPhone, ["field": phoneField])) }
            let place = try RegistryInput.location(
                input.location, what: T(.whatWorker, ["phone": Phone.mask(phone)]), source: source, county: county)
            values = WorkerValues(
                name: name, phone: phone, homeLat: place.lat, homeLon: place.lon, village: place.village)
        }
        if let skills = input.skills {
            values.skills = try RegistryInput.skills(skills, field: source.name("skills", "skills"))
        }
        if let category = input.category {
            values.category = try RegistryInput.category(category, field: source.name("category", "category"))
        }
        if let km = input.maxTravelKm {
            guard km > 0, km <= 500 else {
                throw .badInput(T(.errWorkerKm, ["field": source.name("max-travel-km", "max_travel_km"), "value": km]))
            }
            values.maxTravelKm = km
        }
        if let days = input.maxDaysPerWeek {
            guard (1...7).contains(days) else {
                throw .badInput(
                    T(.errWorkerDays, ["field": source.name("max-days-per-week", "max_days_per_week"), "value": days]))
            }
            values.maxDaysPerWeek = days
        }
        if let consent = input.smsConsent {
            values.smsConsent = try RegistryInput.yesNo(consent, field: source.name("sms-consent", "sms_consent"))
        }
        if let farms = input.allowedFarms {
            let field = source.name("allowed-farms", "allowed_farms")
            if farms.count == 1, ["any", "all", "전체"].contains(farms[0].lowercased()) {
                values.allowedFarms = nil
            } else {
                var codes = Set<String>()
                for text in farms {
                    let code = try RegistryInput.farmCode(text, field: field)
                    guard knownFarms.contains(code) else {
                        throw .badInput(
                            T(.errWorkerFarmUnknown, ["field": field, "code": code, "center": center.code]))
                    }
                    codes.insert(code)
                }
                guard !codes.isEmpty else { throw .badInput(T(.errWorkerFarmsEmpty, ["field": field])) }
                values.allowedFarms = codes.sorted()
            }
        }
        try input.version2.apply(to: &values, source: source)
        if let point = values.pickupPoint, point != base?.pickupPoint, let known = knownPickupPoints,
            !known.contains(point)
        {
            throw .badInput(
                T(
                    .errWorkerPointUnknown,
                    [
                        "field": source.name("pickup-point", "pickup_point"), "value": Excerpt.quoted(point),
                        "center": center.code,
                    ]))
        }
        return values
    }

    /// Registers a worker (`ilson worker add`), with an audit row, in one transaction.
    ///
    /// - Throws: `OperationError.badInput` for bad or missing values, or a phone already registered.
    public static func add(_ input: WorkerInput, center: String?, on db: Connection) throws -> WorkerRecord {
        try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let farms = Set(try FarmStore.all(center: center.id, on: db).map(\.code))
            let input = try Catalogues.Loaded(center: center.id, on: db).canonical(input, source: .commandLine)
            let values = try merge(
                input, into: nil, knownFarms: farms, center: center,
                county: Centers.county(of: center, on: db), source: .commandLine,
                knownPickupPoints: Set(try PickupStore.all(center: center.id, on: db).map(\.name)))
            if let existing = try WorkerStore.find(.phone(values.phone), center: center.id, on: db) {
                throw OperationError.badInput(
                    T(.errWorkerExists, ["phone": Phone.mask(values.phone), "center": center.code, "id": existing.id]))
            }
            let id = try WorkerStore.insert(center: center.id, values, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "worker add", entity: "worker", id: String(id), action: .create,
                after: RegistryInput.json(values))
            return try WorkerStore.find(.id(id), center: center.id, on: db)!
        }
    }

    /// Changes only the given fields of a worker, with an audit row when anything changed.
    ///
    /// - Returns: the worker after the change, and whether anything changed.
    public static func edit(_ ref: String, _ input: WorkerInput, center: String?, on db: Connection) throws
        -> (worker: WorkerRecord, changed: Bool)
    {
        try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let worker = try find(ref, center: center, on: db)
            let farms = Set(try FarmStore.all(center: center.id, on: db).map(\.code))
            let input = try Catalogues.Loaded(center: center.id, on: db).canonical(input, source: .commandLine)
            let values = try merge(
                input, into: worker.values, knownFarms: farms, center: center,
                county: Centers.county(of: center, on: db), source: .commandLine,
                knownPickupPoints: Set(try PickupStore.all(center: center.id, on: db).map(\.name)))
            guard values != worker.values else { return (worker, false) }
            if values.phone != worker.values.phone,
                let other = try WorkerStore.find(.phone(values.phone), center: center.id, on: db)
            {
                throw OperationError.badInput(
                    "worker \(Phone.mask(values.phone)) already exists in center \(center.code) (id \(other.id))")
            }
            try WorkerStore.update(id: worker.id, center: center.id, values, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "worker edit", entity: "worker", id: String(worker.id),
                action: .update, before: RegistryInput.json(worker.values), after: RegistryInput.json(values))
            return (try WorkerStore.find(.id(worker.id), center: center.id, on: db)!, true)
        }
    }

    /// Deactivates a worker: no longer planned, kept for history. Doing it twice is refused.
    public static func deactivate(_ ref: String, center: String?, on db: Connection) throws -> WorkerRecord {
        try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let worker = try find(ref, center: center, on: db)
            guard worker.active else {
                throw OperationError.badInput(
                    T(.errWorkerAlreadyInactive, ["phone": Phone.mask(worker.values.phone), "id": worker.id]))
            }
            try WorkerStore.setActive(id: worker.id, false, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "worker deactivate", entity: "worker", id: String(worker.id),
                action: .state, before: #"{"active": true}"#, after: #"{"active": false}"#)
            var result = worker
            result.active = false
            return result
        }
    }

    /// Records that a worker is available (or, with `off`, not available) on a range of days.
    ///
    /// - Returns: whether a new range was recorded (the same range twice is recorded once).
    public static func setAvailability(
        _ ref: String, days: ClosedRange<Day>, off: Bool, note: String? = nil, fromTime: String? = nil,
        toTime: String? = nil, center: String?, clock: IlsonClock, on db: Connection
    ) throws -> (worker: WorkerRecord, added: Bool) {
        let window = try AvailabilityWindow.parse(from: fromTime, to: toTime, fromField: "--from", toField: "--to")
        if window != nil && off {
            throw OperationError.badInput(T(.errOffWithHours))
        }
        guard days.upperBound >= clock.today else {
            throw OperationError.badInput(
                T(.errDatesPast, ["from": days.lowerBound, "to": days.upperBound, "today": clock.today]))
        }
        let note = try RegistryInput.text(note, TextLimits.availabilityNote, option: "--note")
        guard days.count <= 366 else {
            throw OperationError.badInput(T(.errDatesYear))
        }
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let worker = try find(ref, center: center, on: db)
            let kind: AvailabilityKind = off ? .off : .available
            let id = try AvailabilityStore.add(
                worker: worker.id, center: center.id, kind: kind, from: days.lowerBound, to: days.upperBound,
                note: note, window: window, on: db)
            if let id {
                try AuditLog.record(
                    on: db, center: center.id, via: "worker availability", entity: "worker_availability",
                    id: String(id),
                    action: .create, after: AuditLog.snapshot(on: db, table: "worker_availability", id: id))
            }
            return (worker, id != nil)
        }
    }

    /// The workers of a center (active ones unless `includeInactive`).
    public static func list(center: String?, includeInactive: Bool, on db: Connection) throws -> (
        CenterRecord, [WorkerRecord]
    ) {
        let center = try Centers.resolve(center, on: db)
        return (center, try WorkerStore.all(center: center.id, includeInactive: includeInactive, on: db))
    }

    /// One worker with their availability.
    public static func show(_ ref: String, center: String?, on db: Connection) throws -> WorkerDetail {
        let center = try Centers.resolve(center, on: db)
        let worker = try find(ref, center: center, on: db)
        return WorkerDetail(
            center: center, worker: worker, availability: try AvailabilityStore.ranges(worker: worker.id, on: db))
    }

    static func find(_ text: String, center: CenterRecord, on db: Connection) throws -> WorkerRecord {
        let ref = try PersonRef(text, role: "worker")
        guard let worker = try WorkerStore.find(ref, center: center.id, on: db) else {
            throw OperationError.notFound(T(.errWorkerNotFound, ["worker": "\(ref)", "center": center.code]))
        }
        return worker
    }

    /// The Korean label of a category (`senior` → 고령).
    public static func categoryLabel(_ category: WorkerCategory) -> String {
        RegistryInput.categoryLabels[category.rawValue] ?? category.rawValue
    }
}
