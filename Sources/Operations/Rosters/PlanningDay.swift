import Foundation
import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// A center's day ready for the solver: the loaded instance with the pins that can be kept,
/// and the pins that had to be dropped, each with the reason.
public struct PlanningDay: Sendable {
    /// The day as the database holds it.
    public var loaded: LoadedDay
    /// The instance to solve, pins included (named `CODE-YYYY-MM-DD`).
    public var instance: Instance
    /// The stored pins kept in `instance.pinned`.
    public var keptPins: [StoredPin]
    /// Stored pins that can no longer hold, with why (a cancelled request, a deactivated worker, …).
    public var droppedPins: [(pin: StoredPin, reason: String)]

    /// Loads the day and sorts its pins into kept and dropped: a pin whose request is no longer submitted,
    /// whose worker was deactivated, that exceeds its request's headcount (rule 6) or the worker's weekly
    /// cap (rule 8) is dropped with a warning, never a failure of the whole day.
    ///
    /// - Throws: `PostgresError`, `RowDecodingError`, `UnknownDayID`.
    public static func load(center: CenterRecord, date: Day, on db: Connection) throws -> PlanningDay {
        let loaded = try DayLoader.load(center: center.id, date: date, on: db)
        var instance = loaded.instance
        instance.name = "\(center.code)-\(date)"
        // A worker who declined that day said they cannot come: not planned or suggested again that day.
        let ids = loaded.ids
        let declined = Set(try DayOfStore.declinedWorkers(center: center.id, date: date, on: db).map(WorkerID.init))
            .subtracting(loaded.pins.map(\.workerID))
        try instance.workers.removeAll { declined.contains(try ids.workers.id($0.id)) }
        let workers = Dictionary(uniqueKeysWithValues: instance.workers.map { ($0.id, $0) })
        let requests = Dictionary(uniqueKeysWithValues: instance.requests.map { ($0.id, $0) })
        var kept: [StoredPin] = []
        var dropped: [(pin: StoredPin, reason: String)] = []
        var perRequest: [String: Int] = [:]
        let farmsByID = Dictionary(uniqueKeysWithValues: instance.farms.map { ($0.id, $0) })
        var pinnedJobs: [String: [(request: LaborRequest, farm: GeoPoint)]] = [:]
        for pin in loaded.pins {
            let rid = try ids.requests.key(pin.requestID)
            let wid = try ids.workers.key(pin.workerID)
            let who = workers[wid].map(RosterText.person) ?? T(.unknownWorker)
            let on = RequestText.number(pin.requestID.rawValue)
            if pin.requestStatus != "submitted" {
                dropped.append(
                    (
                        pin,
                        T(
                            .pinDroppedStatus,
                            [
                                "who": who, "request": on,
                                "status": RequestStatus(rawValue: pin.requestStatus).map(RequestText.status)
                                    ?? pin.requestStatus,
                            ])
                    ))
                continue
            }
            guard let worker = workers[wid] else {
                dropped.append((pin, T(.pinDroppedInactive, ["who": who, "request": on])))
                continue
            }
            guard let request = requests[rid] else {
                dropped.append((pin, T(.pinDroppedDate, ["who": who, "request": on, "date": RequestText.day(date)])))
                continue
            }
            // Legal limits (stay end, allowed farms, pools): an old forced pin past one is dropped, never planned.
            let legal = LegalLimits.broken(worker, request, farmName: farmsByID[request.farm]?.name)
            if !legal.isEmpty {
                dropped.append(
                    (
                        pin,
                        T(
                            .pinDroppedLegal,
                            ["who": who, "request": pin.requestID, "why": legal.joined(separator: "; ")])
                    ))
                continue
            }
            // Rule 5 among the worker's pins of the day (jobs, minutes, transfer): the later pin is dropped.
            if let farm = farmsByID[request.farm] {
                let jobs = (pinnedJobs[wid] ?? []) + [(request, farm.location)]
                if jobs.count > 1, !dayProblems(worker, jobs, speedKmh: instance.speedKmh).isEmpty {
                    dropped.append((pin, T(.pinDroppedSameDay, ["who": who, "request": pin.requestID])))
                    continue
                }
            }
            if perRequest[rid, default: 0] >= request.headcount {
                dropped.append(
                    (pin, T(.pinDroppedHeadcount, ["who": who, "request": on, "headcount": request.headcount])))
                continue
            }
            let week = date.isoWeek
            let workedInWeek = worker.workedDates.filter { $0.isoWeek == week }.count
            if workedInWeek + 1 > worker.maxDaysPerWeek {
                dropped.append(
                    (
                        pin,
                        T(
                            .pinDroppedWeek,
                            ["who": who, "request": on, "worked": workedInWeek, "cap": worker.maxDaysPerWeek])
                    ))
                continue
            }
            perRequest[rid, default: 0] += 1
            kept.append(pin)
            if let farm = farmsByID[request.farm] { pinnedJobs[wid, default: []].append((request, farm.location)) }
            instance.pinned.append(Pair(request: rid, worker: wid))
        }
        // A pin wins over a remembered unassign of the same pair.
        instance.excludedPairs.subtract(instance.pinned)
        return PlanningDay(loaded: loaded, instance: instance, keptPins: kept, droppedPins: dropped)
    }

    /// The map between the instance's ids and the database's.
    public var ids: DayIDs { loaded.ids }

    /// The worker of an instance id.
    public func worker(_ id: String) -> Worker? { instance.workers.first { $0.id == id } }
    /// The request of an instance id.
    public func request(_ id: String) -> LaborRequest? { instance.requests.first { $0.id == id } }
    /// The farm of an instance id.
    public func farm(_ id: String) -> Farm? { instance.farms.first { $0.id == id } }

    /// The worker of a database id, when the day plans them (active, not declined that day).
    public func worker(_ id: WorkerID) -> Worker? { (try? ids.workers.key(id)).flatMap(worker) }
    /// The request of a database id, when it is one the day plans (submitted, of the date).
    public func request(_ id: RequestID) -> LaborRequest? { (try? ids.requests.key(id)).flatMap(request) }

    /// The live assignments as the solver's pairs.
    ///
    /// - Throws: `UnknownDayID` (the loader maps every live assignment's ids).
    func pairs(_ live: [AssignmentRecord]) throws(UnknownDayID) -> [Pair] {
        try live.map { a throws(UnknownDayID) in
            try ids.pair(request: RequestID(a.requestID), worker: WorkerID(a.workerID))
        }
    }
}

/// How rosters name people and things in messages.
enum RosterText {
    /// `김영숙 010-****-5678`.
    static func person(_ worker: Worker) -> String {
        "\(worker.name ?? worker.id) \(Phone.mask(worker.phone ?? ""))"
    }

    static func person(name: String, phone: String) -> String { "\(name) \(Phone.mask(phone))" }

    /// `12.3` (one decimal).
    static func km(_ d: Double) -> String {
        let t = (d * 10).rounded() / 10
        return String(format: "%.1f", t)
    }
}
