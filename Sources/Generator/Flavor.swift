/// The kind of day a generated instance describes.
public enum Flavor: String, Sendable, Hashable, CaseIterable {
    /// Supply about equals demand.
    case balanced
    /// Demand well above supply: weekly caps and priorities decide.
    case scarce
    /// More workers than slots: distance and fairness decide.
    case surplus
    /// Many requests need skills, certified ones (spraying, tractor) among them.
    case skills
    /// Farms far out in the hills, short travel caps.
    case remote
}

/// The knobs a flavor turns.
struct FlavorProfile: Sendable {
    /// Slots asked per day, as a multiple of the worker-days expected to be available.
    var demandFactor: Double
    /// Share of (non-certified) requests that require their task's skill.
    var requireSkillRate: Double
    /// Share of requests that require a second skill.
    var secondSkillRate: Double
    /// Extra weight of certified tasks (spraying, tractor) among requests.
    var certifiedBoost: Double
    /// Worker travel caps (km) with weights.
    var workerCaps: Weighted<Double>
    /// Share of requests with their own (tighter) travel cap, and its choices.
    var requestCapRate: Double
    var requestCaps: [Double]
    /// Farms pushed to the outskirts.
    var remoteFarms: Bool
    /// Share of full-time workers (available most days) and the daily availability of each kind.
    var fullTimeShare: Double
    var fullTimeRate: Double
    var partTimeRate: Double

    static func of(_ flavor: Flavor) -> FlavorProfile {
        let normalCaps = Weighted<Double>([(10, 40), (15, 28), (20, 16), (25, 8), (30, 5), (40, 3)])
        var p = FlavorProfile(
            demandFactor: 1.0, requireSkillRate: 0.9, secondSkillRate: 0.06, certifiedBoost: 1,
            workerCaps: normalCaps, requestCapRate: 0.10, requestCaps: [10, 15, 20],
            remoteFarms: false, fullTimeShare: 0.75, fullTimeRate: 0.88, partTimeRate: 0.4)
        switch flavor {
        case .balanced:
            break
        case .scarce:
            p.demandFactor = 1.7
        case .surplus:
            p.demandFactor = 0.55
        case .skills:
            p.requireSkillRate = 0.9
            p.secondSkillRate = 0.3
            p.certifiedBoost = 3
        case .remote:
            p.workerCaps = Weighted<Double>([(10, 25), (12, 20), (15, 25), (20, 20), (25, 10)])
            p.requestCapRate = 0.35
            p.requestCaps = [8, 10, 12, 15]
            p.remoteFarms = true
        }
        return p
    }
}
