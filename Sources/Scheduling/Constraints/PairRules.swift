/// One broken rule of 1-4 for one pair.
public struct PairViolation: Sendable, Hashable {
    /// 1 to 4.
    public var rule: Int
    /// `not-available`, `missing-skill`, `too-far` or `blocked-or-not-allowed` (the scorer's kinds).
    public var kind: String
    public var detail: String
}

/// Every rule of 1-4 the pair breaks, in rule order.
public func brokenPairRules(_ worker: Worker, _ request: LaborRequest, _ farm: Farm, distanceKm d: Double)
    -> [PairViolation]
{
    var out: [PairViolation] = []
    if !isAvailable(worker, on: request.date) {
        out.append(PairViolation(rule: 1, kind: "not-available", detail: "worker is not available on \(request.date)"))
    }
    if !holdsSkills(worker, for: request) {
        let missing = missingSkills(worker, for: request)
        out.append(
            PairViolation(
                rule: 2, kind: "missing-skill", detail: "worker lacks skill(s) \(missing.joined(separator: ", "))"))
    }
    if !isWithinTravel(worker, request, distanceKm: d) {
        let cap = travelCap(worker, request)
        out.append(
            PairViolation(
                rule: 3, kind: "too-far", detail: "distance \(formatKm(d)) km exceeds cap \(formatKm(cap)) km"))
    }
    let why = blockReasons(worker, farm: farm)
    if !why.isEmpty {
        out.append(PairViolation(rule: 4, kind: "blocked-or-not-allowed", detail: why.joined(separator: "; ")))
    }
    return out
}

/// A distance with at most one decimal, for messages.
func formatKm(_ d: Double) -> String {
    let t = (d * 10).rounded() / 10
    if t == t.rounded(), abs(t) < 1e15 { return String(Int(t)) }
    return String(t)
}
