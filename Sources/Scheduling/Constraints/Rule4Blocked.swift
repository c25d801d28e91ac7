/// Rule 4: why the worker may not be sent to the farm (blocked either way, or outside `allowedFarms`); empty when allowed.
public func blockReasons(_ worker: Worker, farm: Farm) -> [String] {
    var why: [String] = []
    if worker.blockedFarms.contains(farm.id) { why.append("farm is in the worker's blockedFarms") }
    if farm.blockedWorkers.contains(worker.id) { why.append("worker is in the farm's blockedWorkers") }
    if let allowed = worker.allowedFarms, !allowed.contains(farm.id) {
        why.append("farm is not in the worker's allowedFarms")
    }
    return why
}

/// Rule 4 as a predicate (true exactly when `blockReasons` is empty).
@inline(__always)
public func isAllowed(_ worker: Worker, farm: Farm) -> Bool {
    !worker.blockedFarms.contains(farm.id) && !farm.blockedWorkers.contains(worker.id)
        && (worker.allowedFarms.map { $0.contains(farm.id) } ?? true)
}

/// Whether the worker's own lists can forbid a farm (`blockedFarms` or `allowedFarms`). When they cannot and the farm
/// does not list the worker in `blockedWorkers`, `isAllowed` is true without looking (the candidate builder's shortcut).
func hasFarmRestrictions(_ worker: Worker) -> Bool {
    !worker.blockedFarms.isEmpty || worker.allowedFarms != nil
}
