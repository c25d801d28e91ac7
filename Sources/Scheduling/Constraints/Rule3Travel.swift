/// Rule 3: the travel cap of a pair: the worker's own, tightened by the request's when set.
public func travelCap(_ worker: Worker, _ request: LaborRequest) -> Double {
    if let r = request.maxTravelKm { return min(worker.maxTravelKm, r) }
    return worker.maxTravelKm
}

/// Rule 3: the worker lives within both travel caps of the farm (`d <= cap`).
public func isWithinTravel(_ worker: Worker, _ request: LaborRequest, distanceKm d: Double) -> Bool {
    d <= worker.maxTravelKm && (request.maxTravelKm.map { d <= $0 } ?? true)
}
