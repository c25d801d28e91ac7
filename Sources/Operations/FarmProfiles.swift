import Foundation
import KoreanText
import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// A farm's profile as typed (`farm add/update` flags, farms.csv cells): nil leaves a value as it is.
public struct FarmProfileInput: Sendable, Hashable {
    public var areaHa: String?
    /// A day, or `없음`/`none` to clear it.
    public var disasterUntil: String?
    public var farmerBirthYear: String?
    public var womanFarmer: String?
    public var disabledFarmer: String?
    public var noFamilyLabor: String?

    public init(
        areaHa: String? = nil, disasterUntil: String? = nil, farmerBirthYear: String? = nil,
        womanFarmer: String? = nil, disabledFarmer: String? = nil, noFamilyLabor: String? = nil
    ) {
        self.areaHa = areaHa
        self.disasterUntil = disasterUntil
        self.farmerBirthYear = farmerBirthYear
        self.womanFarmer = womanFarmer
        self.disabledFarmer = disabledFarmer
        self.noFamilyLabor = noFamilyLabor
    }
}

/// The names of the profile's fields, on the command line and in a CSV file (Korean headers).
struct FarmProfileFields {
    var area, disaster, birthYear, woman, disabled, noFamily: String
    static let commandLine = FarmProfileFields(
        area: "--area-ha", disaster: "--disaster-until", birthYear: "--farmer-birth-year", woman: "--woman-farmer",
        disabled: "--disabled-farmer", noFamily: "--no-family-labor")
    static let file = FarmProfileFields(
        area: "경작면적", disaster: "재해질병기한", birthYear: "농업인출생연도", woman: "여성농업인",
        disabled: "중증장애", noFamily: "가족노동력없음")
}

/// Farm profiles (sql/020): checked input, and the requests whose policy priority they change.
public enum FarmProfiles {
    /// Checks typed profile values. Messages name the field as the person typed it and say what is allowed.
    ///
    /// - Parameter thisYear: the clock's year (a birth year may not be later).
    static func change(_ input: FarmProfileInput, fields: FarmProfileFields, thisYear: Int) throws(OperationError)
        -> FarmProfileChange
    {
        var change = FarmProfileChange()
        if let text = blankToNil(input.areaHa) {
            guard let area = PlainNumber.decimal(text), area.isFinite else {
                throw .badInput(T(.errAreaNumber, ["field": fields.area, "value": Excerpt.quoted(text)]))
            }
            guard FarmProfile.areaRange.contains(area) else {
                throw .badInput(T(.errAreaRange, ["field": fields.area, "value": text]))
            }
            change.areaHa = (area * 100).rounded() / 100
        }
        if let text = blankToNil(input.disasterUntil) {
            if ["없음", "none", "-"].contains(text.lowercased()) {
                change.clearDisaster = true
            } else {
                guard let day = IlsonClock.calendarDay(text), (2000...2100).contains(day.components.year) else {
                    throw .badInput(T(.errDisasterDate, ["field": fields.disaster, "value": Excerpt.quoted(text)]))
                }
                change.disasterUntil = day
            }
        }
        if let text = blankToNil(input.farmerBirthYear) {
            guard let year = PlainNumber.integer(text) else {
                throw .badInput(T(.errBirthYearNumber, ["field": fields.birthYear, "value": Excerpt.quoted(text)]))
            }
            guard (FarmProfile.earliestBirthYear...thisYear).contains(year) else {
                throw .badInput(
                    T(
                        .errBirthYearRange,
                        [
                            "field": fields.birthYear, "value": year, "first": FarmProfile.earliestBirthYear,
                            "last": thisYear,
                        ]))
            }
            change.farmerBirthYear = year
        }
        change.womanFarmer = try yesNo(input.womanFarmer, field: fields.woman)
        change.disabledFarmer = try yesNo(input.disabledFarmer, field: fields.disabled)
        change.noFamilyLabor = try yesNo(input.noFamilyLabor, field: fields.noFamily)
        return change
    }

    /// `예`/`아니오` (and y/n, yes/no, true/false, 1/0, O/X), or nil when blank.
    static func yesNo(_ text: String?, field: String) throws(OperationError) -> Bool? {
        guard let t = blankToNil(text)?.lowercased() else { return nil }
        if ["예", "네", "y", "yes", "true", "1", "o", "ㅇ"].contains(t) { return true }
        if ["아니오", "아니요", "n", "no", "false", "0", "x"].contains(t) { return false }
        throw .badInput(T(.errYesNoProfile, ["field": field, "value": Excerpt.quoted(t)]))
    }

    /// Applies a change to a stored farm (with an audit row) and recomputes the policy priority of its live
    /// requests from `today` on; returns the farm as stored and how many requests changed priority.
    static func apply(
        _ change: FarmProfileChange, to farm: FarmRecord, center: CenterRecord, via: String, today: Day,
        on db: Connection
    ) throws -> (farm: FarmRecord, requestsChanged: Int) {
        let profile = change.applied(to: farm.profile)
        guard profile != farm.profile else { return (farm, 0) }
        let priorities = try RequestStore.policyPriorities(center: center.id, farm: farm.id, from: today, on: db)
        let before = try AuditLog.snapshot(on: db, table: "farms", id: farm.id)
        try AuditLog.name(via: via, on: db)
        try FarmStore.setProfile(id: farm.id, profile, on: db)
        try AuditLog.record(
            on: db, center: center.id, via: via, entity: "farm", id: String(farm.id), action: .update, before: before,
            after: AuditLog.snapshot(on: db, table: "farms", id: farm.id))
        _ = try RequestStore.refreshPolicyPriorities(center: center.id, farm: farm.id, from: today, via: via, on: db)
        let after = try RequestStore.policyPriorities(center: center.id, farm: farm.id, from: today, on: db)
        let changed = priorities.filter { after[$0.key] != $0.value }.count
        return (try FarmStore.find(code: farm.code, center: center.id, on: db)!, changed)
    }
}

extension Farms {
    /// Changes a farm's profile (and, given, its meeting point and time); requests on the policy from today on
    /// take their new priority in the same transaction.
    ///
    /// - Throws: `.notFound` for an unknown farm, `.badInput` for a bad value (nothing written).
    public static func update(
        code: String, profile input: FarmProfileInput, center: String?, clock: IlsonClock, on db: Connection
    ) throws -> (farm: FarmRecord, requestsChanged: Int) {
        let change = try FarmProfiles.change(
            input, fields: .commandLine, thisYear: clock.today.components.year)
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let farm = try find(code: code, center: center, on: db)
            return try FarmProfiles.apply(
                change, to: farm, center: center, via: "farm update", today: clock.today, on: db)
        }
    }

    /// One farm, with its center's policy and the policy terms that apply to it on `day`.
    public static func show(code: String, center: String?, day: Day, on db: Connection) throws -> (
        farm: FarmRecord, policy: PriorityPolicy, terms: [PriorityTermLine]
    ) {
        let center = try Centers.resolve(center, on: db)
        let farm = try find(code: code, center: center, on: db)
        let policy = try PriorityPolicyStore.find(center: center.id, on: db).policy
        let terms = try RequestStore.priorityTerms(center: center.id, farm: farm.id, date: day, on: db)
        return (farm, policy, PriorityPolicies.lines(terms, policy: policy))
    }
}
