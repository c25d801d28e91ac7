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
    isAllowed(
        farm: farm.id, blockedFarms: worker.blockedFarms, allowedFarms: worker.allowedFarms,
        farmBlocksWorker: farm.blockedWorkers.contains(worker.id))
}

/// Rule 4, the pool part (version 2): the worker's pool is among the request's pools when it names them. A legal
/// limit: a pin cannot override it.
@inline(__always)
public func poolAllowed(_ worker: Worker, _ request: LaborRequest) -> Bool {
    poolAllowed(worker.pool, request)
}

/// `poolAllowed` on a worker's `pool` alone.
@inline(__always)
func poolAllowed(_ pool: WorkerPool, _ request: LaborRequest) -> Bool {
    request.pools.map { $0.contains(pool) } ?? true
}

/// Rule 4 on any form of the worker's lists (ids, or the candidate builder's farm indices): the farm is not among the
/// worker's blocked farms, it does not block the worker, and it is among the worker's allowed farms when the worker
/// has that list.
@inline(__always)
func isAllowed<Farms: Collection>(
    farm: Farms.Element, blockedFarms: Farms, allowedFarms: Farms?, farmBlocksWorker: Bool
) -> Bool where Farms.Element: Equatable {
    !blockedFarms.contains(farm) && !farmBlocksWorker && (allowedFarms.map { $0.contains(farm) } ?? true)
}

/// Whether the worker's own lists can forbid a farm (`blockedFarms` or `allowedFarms`). When they cannot and the farm
/// does not list the worker in `blockedWorkers`, `isAllowed` is true without looking (the candidate builder's shortcut).
func hasFarmRestrictions(_ worker: Worker) -> Bool {
    !worker.blockedFarms.isEmpty || worker.allowedFarms != nil
}
