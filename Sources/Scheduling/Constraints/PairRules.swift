/// One broken rule of 1-4 for one pair.
public struct PairViolation: Sendable, Hashable {
    /// 1 to 4.
    public var rule: Int
    /// The scorer's kind of the first reason: `not-available`, `outside-window`, `after-stay-until`, `missing-skill`,
    /// `unreachable`, `too-far`, `blocked-or-not-allowed` or `pool-not-allowed`.
    public var kind: String
    public var detail: String
    /// Whether a pin may override it: false for version 2's legal limits (`stayUntil`, `allowedFarms`, `pools`).
    public var pinnable: Bool = true
}

/// Every rule of 1-4 the pair breaks, in rule order, with version 1's travel (the worker drives the distance `d`).
public func brokenPairRules(_ worker: Worker, _ request: LaborRequest, _ farm: Farm, distanceKm d: Double)
    -> [PairViolation]
{
    brokenPairRules(worker, request, farm, travel: .drive(d), walkKm: 2.0)
}

/// Every rule of 1-4 the pair breaks, in rule order (one entry per rule; its detail names every reason), as
/// `shared/tools/score_plan.py` words them.
///
/// - Parameters:
///   - travel: the pair's travel under the instance's `TravelRules`.
///   - walkKm: the instance's walking distance, for the unreachable message.
public func brokenPairRules(
    _ worker: Worker, _ request: LaborRequest, _ farm: Farm, travel: PairTravel, walkKm: Double
) -> [PairViolation] {
    var out: [PairViolation] = []
    var why: [(kind: String, detail: String)] = []
    if !isAvailable(worker, on: request.date) {
        why.append(("not-available", "worker is not available on \(request.date)"))
    } else if !fitsWindow(worker, request) {
        let wins = worker.windows(on: request.date).sorted().map(\.text).joined(separator: ", ")
        why.append(
            (
                "outside-window",
                "job \(clockText(request.startMinute))-\(clockText(request.endMinute)) on \(request.date) is outside the worker's window (\(wins))"
            ))
    }
    let stayOK = withinStay(worker, on: request.date)
    if !stayOK, let until = worker.stayUntil {
        why.append(("after-stay-until", "\(request.date) is after the worker's stay ends (stayUntil \(until))"))
    }
    if let first = why.first {
        out.append(
            PairViolation(
                rule: 1, kind: first.kind, detail: why.map(\.detail).joined(separator: "; "), pinnable: stayOK))
    }
    if !holdsSkills(worker, for: request) {
        let missing = missingSkills(worker, for: request)
        out.append(
            PairViolation(
                rule: 2, kind: "missing-skill", detail: "worker lacks skill(s) \(missing.joined(separator: ", "))"))
    }
    switch travel.mode {
    case .unreachable:
        let how: String
        if worker.pickupPoint == nil {
            how = "the worker has no pickup point"
        } else if request.pickup == nil {
            how = "the request has no pickup"
        } else {
            how = "the request's van does not stop at the worker's pickup point \"\(worker.pickupPoint!)\""
        }
        out.append(
            PairViolation(
                rule: 3, kind: "unreachable",
                detail:
                    "worker has no car, the farm is \(formatKm(travel.km)) km away (walkKm \(formatKm(walkKm))), and \(how)"
            ))
    default:
        if !isWithinTravel(worker, request, distanceKm: travel.km) {
            let cap = travelCap(worker, request)
            let what: String
            switch travel.mode {
            case .walk: what = "walking distance \(formatKm(travel.km)) km"
            case .ride(let p): what = "distance \(formatKm(travel.km)) km to pickup point \"\(p)\""
            default: what = "distance \(formatKm(travel.km)) km"
            }
            out.append(PairViolation(rule: 3, kind: "too-far", detail: "\(what) exceeds cap \(formatKm(cap)) km"))
        }
    }
    var blocked = blockReasons(worker, farm: farm)
    let v1Blocked = !blocked.isEmpty
    let allowedOK = worker.allowedFarms.map { $0.contains(farm.id) } ?? true
    let poolOK = poolAllowed(worker, request)
    if !poolOK {
        let pools = (request.pools ?? []).sorted().map(\.rawValue).joined(separator: ", ")
        blocked.append(
            "worker's pool \"\(worker.pool.rawValue)\" is not among the request's pools (\(pools.isEmpty ? "none" : pools))"
        )
    }
    if !blocked.isEmpty {
        out.append(
            PairViolation(
                rule: 4, kind: v1Blocked ? "blocked-or-not-allowed" : "pool-not-allowed",
                detail: blocked.joined(separator: "; "), pinnable: allowedOK && poolOK))
    }
    return out
}

/// A distance with at most one decimal, for messages.
func formatKm(_ d: Double) -> String {
    let t = (d * 10).rounded() / 10
    if t == t.rounded(), abs(t) < 1e15 { return String(Int(t)) }
    return String(t)
}
