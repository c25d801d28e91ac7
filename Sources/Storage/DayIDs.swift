import Scheduling
import Vocabulary

/// An id the day's map does not know: a programming error (every id of a loaded day is in its map), reported
/// instead of skipped.
public struct UnknownDayID: Error, Sendable, Hashable, CustomStringConvertible {
    /// `worker`, `farm`, `request` or `job` (`assignment` for a solver pair).
    public var kind: String
    /// The solver's id (`"r12"`) or the database id (`"12"`) that was looked up.
    public var id: String

    public var description: String {
        "internal error: \(kind) \(id) is not part of the loaded day (please report this)"
    }

    /// The error for `kind`'s id `id`.
    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// One kind of row of a loaded day: the solver's string ids (`r12`) and the database ids behind them, both ways.
public struct DayIDTable<Entity>: Sendable {
    /// The solver id's first letter: `w`, `f`, `r` or `j`.
    public let prefix: String
    /// For errors: `worker`, `farm`, `request` or `job`.
    let kind: String
    private var keys: [EntityID<Entity>: String] = [:]
    private var ids: [String: EntityID<Entity>] = [:]

    init(prefix: String, kind: String) {
        self.prefix = prefix
        self.kind = kind
    }

    /// Adds a database id (again: no change) and returns its solver id.
    @discardableResult
    public mutating func add(_ id: EntityID<Entity>) -> String {
        if let key = keys[id] { return key }
        let key = "\(prefix)\(id.rawValue)"
        keys[id] = key
        ids[key] = id
        return key
    }

    /// The solver id of a database id of the day.
    ///
    /// - Throws: `UnknownDayID` for an id the day did not load.
    public func key(_ id: EntityID<Entity>) throws(UnknownDayID) -> String {
        guard let key = keys[id] else { throw UnknownDayID(kind: kind, id: String(id.rawValue)) }
        return key
    }

    /// The database id behind a solver id of the day.
    ///
    /// - Throws: `UnknownDayID` for an id the day did not load.
    public func id(_ key: String) throws(UnknownDayID) -> EntityID<Entity> {
        guard let id = ids[key] else { throw UnknownDayID(kind: kind, id: key) }
        return id
    }

    /// Whether the day loaded this database id (a row asked for by a coordinator may not be part of the day).
    public func contains(_ id: EntityID<Entity>) -> Bool { keys[id] != nil }

    /// Every database id of the day, in no order.
    public var allIDs: Dictionary<EntityID<Entity>, String>.Keys { keys.keys }
}

/// The one map between the solver's string ids of a loaded day (`w7`, `f3`, `r12`, `j5`) and the database's typed
/// ids, built by `DayLoader` as it writes the instance: every id in the instance, in its pins and in the roster's
/// live assignments is in it, so a lookup that fails is an error, never a row to skip.
public struct DayIDs: Sendable {
    public var workers = DayIDTable<WorkerTag>(prefix: "w", kind: "worker")
    public var farms = DayIDTable<FarmTag>(prefix: "f", kind: "farm")
    public var requests = DayIDTable<RequestTag>(prefix: "r", kind: "request")
    public var jobs = DayIDTable<JobTag>(prefix: "j", kind: "job")

    /// An empty map.
    public init() {}

    /// The solver's pair of a worker on a request of the day.
    ///
    /// - Throws: `UnknownDayID`.
    public func pair(request: RequestID, worker: WorkerID) throws(UnknownDayID) -> Pair {
        Pair(request: try requests.key(request), worker: try workers.key(worker))
    }

    /// The database ids of a solver pair of the day.
    ///
    /// - Throws: `UnknownDayID`.
    public func ids(of pair: Pair) throws(UnknownDayID) -> (request: RequestID, worker: WorkerID) {
        (try requests.id(pair.request), try workers.id(pair.worker))
    }
}
