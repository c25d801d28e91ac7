import Foundation
import Operations
import Records

/// Korean text of the priority, targets and audit commands (kept in one file for the Korean-interface catalogue).
enum PolicyText {
    static func yesNo(_ value: Bool) -> String { value ? "예" : "아니오" }

    /// The lines of a farm's profile, e.g. `경작 면적: 0.8 ha`.
    static func profile(_ p: FarmProfile) -> [String] {
        [
            "경작 면적: \(p.areaHa.map { PriorityPolicy.number($0) + " ha" } ?? "-")",
            "재해·질병 피해: \(p.disasterUntil.map { "\($0)까지" } ?? "없음")",
            "농업인 출생연도: \(p.farmerBirthYear.map(String.init) ?? "-")",
            "여성 농업인: \(yesNo(p.womanFarmer))   중증 장애: \(yesNo(p.disabledFarmer))   "
                + "가족 노동력 없음: \(yesNo(p.noFamilyLabor))",
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
        return lines.map(term).joined(separator: ", ") + " = \(kept)" + (kept != sum ? " (합계 \(sum), 1~10으로 맞춤)" : "")
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
