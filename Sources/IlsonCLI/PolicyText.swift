import Foundation
import Operations
import Records
import Texts

/// Korean text of the priority, targets and audit commands (kept in one file for the Korean-interface catalogue).
enum PolicyText {
    static func yesNo(_ value: Bool) -> String { value ? T(.auditValueTrue) : T(.auditValueFalse) }

    /// The lines of a farm's profile, e.g. `경작 면적: 0.8 ha`.
    static func profile(_ p: FarmProfile) -> [String] {
        [
            T(.profileArea, ["value": p.areaHa.map { PriorityPolicy.number($0) + " ha" } ?? "-"]),
            T(
                .profileDisaster,
                ["value": p.disasterUntil.map { T(.profileDisasterUntil, ["date": $0]) } ?? T(.profileNone)]),
            T(.profileBirthYear, ["value": p.farmerBirthYear.map(String.init) ?? "-"]),
            T(
                .profileFlags,
                [
                    "woman": yesNo(p.womanFarmer), "disabled": yesNo(p.disabledFarmer),
                    "noFamily": yesNo(p.noFamilyLabor),
                ]),
        ]
    }

    /// A term with its points: `경작 면적 1 ha 미만 +2`, `기본 1`.
    static func term(_ t: PriorityTermLine) -> String {
        t.term == .base ? "\(t.label) \(t.points)" : "\(t.label) +\(t.points)"
    }

    /// `기본 1 + 경작 면적 1 ha 미만 +2 = 3`.
    static func terms(_ lines: [PriorityTermLine]) -> String {
        let sum = lines.reduce(0) { $0 + $1.points }
        let kept = PriorityPolicies.priority(of: lines)
        return lines.map(term).joined(separator: ", ") + " = \(kept)"
            + (kept != sum ? T(.priorityClamped, ["sum": sum]) : "")
    }

    /// The policy, one term a line.
    static func policy(_ p: PriorityPolicy) -> [String] {
        PriorityTerm.allCases.map { t in
            let label = p.label(of: t)
            return t == .base ? "  \(label): \(p.base)" : "  \(label): +\(p.points(of: t))"
        }
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
