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

/// Rule 3: the worker lives within both travel caps of the farm (`d <= cap`).
public func isWithinTravel(_ worker: Worker, _ request: LaborRequest, distanceKm d: Double) -> Bool {
    d <= travelCap(worker, request)
}
