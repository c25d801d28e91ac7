import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// One term of a policy applied to a farm: its Korean label and points.
public struct PriorityTermLine: Sendable, Hashable {
    public var term: PriorityTerm
    public var label: String
    public var points: Int
}

/// What `center policy set` was given: nil leaves a value as it is.
public struct PriorityPolicyInput: Sendable, Hashable {
    public var base: Int?
    public var smallFarmHa: Double?
    public var smallFarmPoints: Int?
    public var disasterPoints: Int?
    public var elderlyAge: Int?
    public var elderlyPoints: Int?
    public var womanPoints: Int?
    public var disabledPoints: Int?
    public var noFamilyPoints: Int?

    public init(
        base: Int? = nil, smallFarmHa: Double? = nil, smallFarmPoints: Int? = nil, disasterPoints: Int? = nil,
        elderlyAge: Int? = nil, elderlyPoints: Int? = nil, womanPoints: Int? = nil, disabledPoints: Int? = nil,
        noFamilyPoints: Int? = nil
    ) {
        self.base = base
        self.smallFarmHa = smallFarmHa
        self.smallFarmPoints = smallFarmPoints
        self.disasterPoints = disasterPoints
        self.elderlyAge = elderlyAge
        self.elderlyPoints = elderlyPoints
        self.womanPoints = womanPoints
        self.disabledPoints = disabledPoints
        self.noFamilyPoints = noFamilyPoints
    }
}

/// A center's priority policy (`ilson center policy show|set`).
public enum PriorityPolicies {
    /// The center's policy and whether it was set (false: the standard one).
    public static func show(center: String?, on db: Connection) throws -> (
        center: CenterRecord, policy: PriorityPolicy, stored: Bool
    ) {
        let center = try Centers.resolve(center, on: db)
        let (policy, stored) = try PriorityPolicyStore.find(center: center.id, on: db)
        return (center, policy, stored)
    }

    /// Changes the given values of the center's policy, with an audit row; the live requests on the policy from
    /// `clock.today` on take their new priority in the same transaction.
    ///
    /// - Returns: the policy as stored and how many requests changed priority.
    /// - Throws: `.badInput` for a value out of range (nothing written).
    public static func set(_ input: PriorityPolicyInput, center: String?, clock: IlsonClock, on db: Connection) throws
        -> (policy: PriorityPolicy, requestsChanged: Int)
    {
        func points(_ value: Int?, _ flag: String) throws(OperationError) {
            if let value, !(0...9).contains(value) {
                throw .badInput(T(.errPolicyPoints, ["flag": flag, "value": value]))
            }
        }
        if let base = input.base, !(1...10).contains(base) {
            throw OperationError.badInput(T(.errPolicyBase, ["value": base]))
        }
        if let ha = input.smallFarmHa, !FarmProfile.areaRange.contains(ha) {
            throw OperationError.badInput(T(.errPolicySmallFarm, ["value": ha]))
        }
        if let age = input.elderlyAge, !(50...100).contains(age) {
            throw OperationError.badInput(T(.errPolicyElderlyAge, ["value": age]))
        }
        try points(input.smallFarmPoints, "--small-farm-points")
        try points(input.disasterPoints, "--disaster-points")
        try points(input.elderlyPoints, "--elderly-points")
        try points(input.womanPoints, "--woman-points")
        try points(input.disabledPoints, "--disabled-points")
        try points(input.noFamilyPoints, "--no-family-points")
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let (old, _) = try PriorityPolicyStore.find(center: center.id, on: db)
            var p = old
            if let v = input.base { p.base = v }
            if let v = input.smallFarmHa { p.smallFarmHa = (v * 100).rounded() / 100 }
            if let v = input.smallFarmPoints { p.smallFarmPoints = v }
            if let v = input.disasterPoints { p.disasterPoints = v }
            if let v = input.elderlyAge { p.elderlyAge = v }
            if let v = input.elderlyPoints { p.elderlyPoints = v }
            if let v = input.womanPoints { p.womanPoints = v }
            if let v = input.disabledPoints { p.disabledPoints = v }
            if let v = input.noFamilyPoints { p.noFamilyPoints = v }
            let priorities = try RequestStore.policyPriorities(center: center.id, from: clock.today, on: db)
            let before = try PriorityPolicyStore.snapshot(center: center.id, on: db)
            try AuditLog.name(via: "center policy set", on: db)
            try PriorityPolicyStore.save(center: center.id, p, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "center policy set", entity: "priority_policy", id: String(center.id),
                action: before == nil ? .create : .update, before: before,
                after: PriorityPolicyStore.snapshot(center: center.id, on: db))
            _ = try RequestStore.refreshPolicyPriorities(
                center: center.id, from: clock.today, via: "center policy set", on: db)
            let after = try RequestStore.policyPriorities(center: center.id, from: clock.today, on: db)
            return (p, priorities.filter { after[$0.key] != $0.value }.count)
        }
    }

    /// The terms as the database listed them, with Korean labels.
    static func lines(_ terms: [(term: String, points: Int)], policy: PriorityPolicy) -> [PriorityTermLine] {
        terms.compactMap { t in
            PriorityTerm(rawValue: t.term).map {
                PriorityTermLine(term: $0, label: policy.label(of: $0), points: t.points)
            }
        }
    }

    /// The sum of terms kept to 1...10: the priority a request on the policy gets.
    public static func priority(of lines: [PriorityTermLine]) -> Int {
        max(1, min(10, lines.reduce(0) { $0 + $1.points }))
    }
}
