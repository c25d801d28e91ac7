/// Rule 3: the travel cap of a pair: the worker's own, tightened by the request's when set.
public func travelCap(_ worker: Worker, _ request: LaborRequest) -> Double {
    travelCap(workerCap: worker.maxTravelKm, requestCap: request.maxTravelKm)
}

/// Rule 3's cap from the two caps themselves (the candidate builder holds them in arrays).
@inline(__always)
func travelCap(workerCap: Double, requestCap: Double?) -> Double {
    if let r = requestCap { return min(workerCap, r) }
    return workerCap
}

/// Rule 3: the worker's travel is within both travel caps (`km <= cap`).
public func isWithinTravel(_ worker: Worker, _ request: LaborRequest, distanceKm d: Double) -> Bool {
    d <= travelCap(worker, request)
}

/// What version 2's travel rules need beyond a pair: the walking distance and where the pickup points are.
public struct TravelRules: Sendable {
    /// A worker without a car walks up to this distance.
    public var walkKm: Double
    /// Pickup point locations by id.
    public var points: [String: GeoPoint]

    public init(walkKm: Double = 2.0, points: [String: GeoPoint] = [:]) {
        self.walkKm = walkKm
        self.points = points
    }

    /// The rules of an instance.
    public init(_ instance: Instance) {
        walkKm = instance.walkKm
        var points: [String: GeoPoint] = [:]
        for p in instance.pickupPoints { points[p.id] = p.location }
        self.points = points
    }

    /// How the worker reaches the request's farm, and the travel that counts (spec, "Travel, walking and riding"):
    /// drive (own car), walk (no car, within `walkKm` of the farm), ride (no car, the request's van stops at the
    /// worker's pickup point: home to the point), else unreachable (costed at the home-farm distance).
    ///
    /// - Parameter homeFarmKm: the great-circle distance from the worker's home to the farm.
    public func travel(_ worker: Worker, _ request: LaborRequest, homeFarmKm d: Double) -> PairTravel {
        if worker.car { return PairTravel(mode: .drive, km: d, homeFarmKm: d) }
        if d <= walkKm { return PairTravel(mode: .walk, km: d, homeFarmKm: d) }
        if let p = worker.pickupPoint, let pickup = request.pickup, pickup.points.contains(p), let at = points[p] {
            return PairTravel(mode: .ride(point: p), km: Distance.km(worker.home, at), homeFarmKm: d)
        }
        return PairTravel(mode: .unreachable, km: d, homeFarmKm: d)
    }
}

/// A pair's travel: the mode, the distance that counts (rule 3 and the soft score) and the home-farm distance.
public struct PairTravel: Sendable, Hashable {
    public var mode: TravelMode
    /// The travel that counts: home to farm, or home to the pickup point for a rider.
    public var km: Double
    public var homeFarmKm: Double

    public init(mode: TravelMode, km: Double, homeFarmKm: Double) {
        self.mode = mode
        self.km = km
        self.homeFarmKm = homeFarmKm
    }

    /// Version 1's travel: the worker drives the home-farm distance.
    public static func drive(_ d: Double) -> PairTravel { PairTravel(mode: .drive, km: d, homeFarmKm: d) }

    /// Rule 3 whole: reachable, and within both caps.
    public func allowed(_ worker: Worker, _ request: LaborRequest) -> Bool {
        mode != .unreachable && isWithinTravel(worker, request, distanceKm: km)
    }
}
