import Foundation
import Vocabulary

/// A center's rule turning a farm's profile into a request's priority (sql/020, `center_priority_policy`):
/// `base` plus the points of every term that applies to the farm on the request's day, kept to 1...10.
public struct PriorityPolicy: Sendable, Hashable, Decodable {
    public var base: Int
    /// A farm smaller than this (hectares) is a small farm.
    public var smallFarmHa: Double
    public var smallFarmPoints: Int
    /// Hit by a disaster or illness on the request's day.
    public var disasterPoints: Int
    /// A farmer this old or older (in the request's year) with no family labor.
    public var elderlyAge: Int
    public var elderlyPoints: Int
    public var womanPoints: Int
    public var disabledPoints: Int
    public var noFamilyPoints: Int

    public init(
        base: Int = 1, smallFarmHa: Double = 1, smallFarmPoints: Int = 2, disasterPoints: Int = 4,
        elderlyAge: Int = 75, elderlyPoints: Int = 3, womanPoints: Int = 1, disabledPoints: Int = 2,
        noFamilyPoints: Int = 1
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

    /// The default of a center that never set one.
    public static let standard = PriorityPolicy()

    /// The points of a term (`base` for the base).
    public func points(of term: PriorityTerm) -> Int {
        switch term {
        case .base: base
        case .smallFarm: smallFarmPoints
        case .disaster: disasterPoints
        case .elderlyAlone: elderlyPoints
        case .woman: womanPoints
        case .disabled: disabledPoints
        case .noFamily: noFamilyPoints
        }
    }

    /// What each term means under this policy, in Korean, e.g. `경작 면적 1 ha 미만`.
    public func label(of term: PriorityTerm) -> String {
        switch term {
        case .base: "기본"
        case .smallFarm: "경작 면적 \(PriorityPolicy.number(smallFarmHa)) ha 미만"
        case .disaster: "재해·질병 피해 (기간 중)"
        case .elderlyAlone: "고령 단독 영농 (\(elderlyAge)세 이상)"
        case .woman: "여성 농업인"
        case .disabled: "중증 장애 농업인"
        case .noFamily: "가족 노동력 없음"
        }
    }

    /// A number as a coordinator writes it: `1`, `0.5`.
    public static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value).replacingTrailingZeros()
    }
}

/// One term of a priority policy (the database's `ilson_priority_terms` names them).
public enum PriorityTerm: String, Sendable, Hashable, CaseIterable {
    case base
    case smallFarm = "small_farm"
    case disaster
    case elderlyAlone = "elderly_alone"
    case woman, disabled
    case noFamily = "no_family"
}

/// Where a request's priority came from.
public enum PrioritySource: String, StoredStatus {
    /// The center's policy, computed by the database from the farm's profile.
    case policy
    /// A person set it, with a reason (`입력` when it came with the request or its CSV row).
    case override
}

/// The reason of a priority given with a new request or in a CSV's 우선순위 column.
public let priorityInputReason = "입력"

extension String {
    fileprivate func replacingTrailingZeros() -> String {
        var s = self
        while s.contains(".") && (s.hasSuffix("0") || s.hasSuffix(".")) { s.removeLast() }
        return s
    }
}
