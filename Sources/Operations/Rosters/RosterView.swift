import Foundation
import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// A roster as a coordinator reads it: grouped by farm, then request.
public struct RosterView: Sendable {
    /// One worker on a request.
    public struct Line: Sendable, Hashable {
        public var workerID: Int64
        public var name: String
        /// Masked: `010-****-5678`.
        public var maskedPhone: String
        public var distanceKm: Double?
        public var pinned: Bool
        public var forced: Bool
        public var status: AssignmentStatus
        /// Version 2: the pickup point the worker rides from (no car, the request's van stops there), nil when not.
        public var ridesFrom: String? = nil
    }
    /// One request with its workers.
    public struct RequestGroup: Sendable, Hashable {
        public var requestID: Int64
        public var farmCode: String
        public var farmName: String
        /// The pickup: the farm's meeting point and time when set, else the request's start.
        public var pickup: String
        public var start: String
        public var end: String
        public var task: String
        public var headcount: Int
        public var minHeadcount: Int
        public var priority: Int
        public var workers: [Line]
        /// Version 2: the request's van (`차량 2석: 이월 마을회관`), nil when none.
        public var van: String? = nil
        /// Version 2: the pools that may fill it (`봉사`), nil when every pool.
        public var pools: String? = nil
    }
    /// An unfilled request with its reasons.
    public struct Unfilled: Sendable, Hashable {
        public var requestID: Int64
        public var farmName: String
        /// `이월 딸기하우스(F012) 7/8 수확`.
        public var label: String
        public var missing: Int
        public var headcount: Int
        /// In the current language (`Texts`).
        public var reasons: [String]
    }

    public var center: String
    public var date: Day
    public var roster: RosterRecord?
    public var requests: [RequestGroup]
    public var unfilled: [Unfilled]
    /// Warnings stored with the roster (forced pins, dropped pins).
    public var warnings: [String]

    /// Workers assigned in all.
    public var assigned: Int { requests.reduce(0) { $0 + $1.workers.count } }
    /// Workers wanted in all.
    public var wanted: Int { requests.reduce(0) { $0 + $1.headcount } }

    /// Reads the roster of a center's day.
    ///
    /// - Throws: `PostgresError`, `UnknownDayID`.
    public static func load(center: CenterRecord, date: Day, on db: Connection) throws -> RosterView {
        let roster = try RosterStore.find(center: center.id, date: date, on: db)
        let day = try DayLoader.load(center: center.id, date: date, on: db)
        let tasks = try CatalogueStore.load(.task, center: center.id, on: db)
        let skills = try CatalogueStore.load(.skill, center: center.id, on: db)
        let live = try roster.map { try AssignmentStore.live(roster: $0.id, on: db) } ?? []
        var byRequest: [Int64: [Line]] = [:]
        for a in live {
            byRequest[a.requestID, default: []].append(
                Line(
                    workerID: a.workerID, name: a.workerName, maskedPhone: Phone.mask(a.workerPhone),
                    distanceKm: a.distanceKm, pinned: a.pinned, forced: a.forced, status: a.status))
        }
        // Version 2: who rides, and each request's van and pools.
        let travel = TravelRules(day.instance)
        let pointNames = Dictionary(uniqueKeysWithValues: day.instance.pickupPoints.map { ($0.id, $0.name ?? $0.id) })
        let workersByKey = Dictionary(uniqueKeysWithValues: day.instance.workers.map { ($0.id, $0) })
        let farmsByKey = Dictionary(uniqueKeysWithValues: day.instance.farms.map { ($0.id, $0) })
        for r in day.instance.requests {
            guard let id = try? day.ids.requests.id(r.id).rawValue, let farm = farmsByKey[r.farm] else { continue }
            for (i, line) in (byRequest[id] ?? []).enumerated() {
                guard let key = try? day.ids.workers.key(WorkerID(line.workerID)), let w = workersByKey[key] else {
                    continue
                }
                if case .ride(let p) = travel.travel(w, r, homeFarmKm: Distance.km(w.home, farm.location)).mode {
                    byRequest[id]![i].ridesFrom = pointNames[p] ?? p
                }
            }
        }
        var groups: [RequestGroup] = []
        for r in day.instance.requests {
            let id = try day.ids.requests.id(r.id).rawValue
            let farm = try day.farm(r.farm)
            let start = r.start?.description ?? ""
            var pickup = start
            if let point = farm.meetingPoint { pickup = "\(farm.meetingTime ?? start) \(point)" }
            groups.append(
                RequestGroup(
                    requestID: id, farmCode: farm.code, farmName: farm.name, pickup: pickup, start: start,
                    end: r.end?.description ?? "", task: tasks.name(of: r.task ?? ""), headcount: r.headcount,
                    minHeadcount: r.minHeadcount, priority: r.priority,
                    workers: (byRequest[id] ?? []).sorted {
                        ($0.distanceKm ?? 0, $0.workerID) < ($1.distanceKm ?? 0, $1.workerID)
                    },
                    van: r.pickup.map { van in
                        van.points.isEmpty
                            ? T(.rosterVan, ["seats": van.seats])
                            : T(
                                .rosterVanPoints,
                                [
                                    "seats": van.seats,
                                    "points": van.points.map { pointNames[$0] ?? $0 }.sorted().joined(separator: ", "),
                                ])
                    },
                    pools: r.pools.map {
                        $0.isEmpty ? T(.r2PoolsNone) : $0.sorted().map(\.korean).joined(separator: ", ")
                    }))
        }
        groups.sort { ($0.farmCode, $0.start, $0.requestID) < ($1.farmCode, $1.start, $1.requestID) }
        let groupByID = Dictionary(uniqueKeysWithValues: groups.map { ($0.requestID, $0) })
        let other = { (id: Int64) -> String? in
            groupByID[id].map { RequestText.other(id: id, farmName: $0.farmName, task: $0.task) }
        }
        let unfilled = (roster?.unfilled ?? []).compactMap { u -> Unfilled? in
            guard let g = groupByID[u.request] else { return nil }
            return Unfilled(
                requestID: u.request, farmName: g.farmName,
                label: RequestText.label(farmName: g.farmName, farmCode: g.farmCode, date: date, task: g.task),
                missing: u.missing, headcount: g.headcount,
                reasons: RequestText.reasons(u, date: date, other: other, skill: skills.name(of:)))
        }
        let names = Dictionary(live.map { ($0.workerID, $0.workerName) }, uniquingKeysWith: { a, _ in a })
        return RosterView(
            center: center.code, date: date, roster: roster, requests: groups, unfilled: unfilled,
            warnings: (roster?.warnings ?? []).map { w in
                let head = [w.request.map(RequestText.number), w.worker.map { names[$0] ?? T(.unknownWorker) }]
                    .compactMap { $0 }
                let text =
                    w.rule.map { T(.warningPinBreaks, ["number": $0, "rule": RequestText.ruleName($0)]) } ?? w.message
                return (head.isEmpty ? "" : head.joined(separator: " ") + ": ") + text
            })
    }
}

/// `roster explain`: why requests are unfilled, with live candidate counts.
public struct RosterExplanation: Sendable, Hashable {
    /// One request's explanation.
    public struct Entry: Sendable, Hashable {
        public var requestID: Int64
        public var farmName: String
        /// `이월 딸기하우스(F012) 7/8 수확`.
        public var label: String
        public var assigned: Int
        public var headcount: Int
        public var minHeadcount: Int
        /// The reasons stored by the last plan (or by the last change by hand), in the current language.
        public var reasons: [String]
        /// Workers who pass rules 1-4 for it now, how many of them are free that day, and how many a coordinator
        /// took off it (remembered unassigns).
        public var eligible: Int
        public var eligibleFree: Int
        public var excluded: Int
        /// Why the others do not qualify: rule number → workers failing it.
        public var failing: [Int: Int]
    }
    public var date: Day
    public var entries: [Entry]

    /// Explains the unfilled requests of the day (or one request, filled or not).
    ///
    /// - Throws: `OperationError.notFound` for an unknown request or a day with no roster; `PostgresError`.
    public static func load(
        center: CenterRecord, date: Day, request: Int64? = nil, on db: Connection
    ) throws -> RosterExplanation {
        guard let roster = try RosterStore.find(center: center.id, date: date, on: db) else {
            throw OperationError.notFound(T(.errNoRoster, ["date": RequestText.day(date), "iso": date]))
        }
        let day = try PlanningDay.load(center: center, date: date, on: db)
        let live = try AssignmentStore.live(roster: roster.id, on: db)
        var count: [Int64: Int] = [:]
        var busy = Set<WorkerID>()
        for a in live {
            count[a.requestID, default: 0] += 1
            busy.insert(WorkerID(a.workerID))
        }
        let stored = Dictionary(roster.unfilled.map { ($0.request, $0) }, uniquingKeysWith: { a, _ in a })
        let tasks = try CatalogueStore.load(.task, center: center.id, on: db)
        let skills = try CatalogueStore.load(.skill, center: center.id, on: db)
        var others: [Int64: String] = [:]
        for r in day.instance.requests {
            guard let id = try? day.ids.requests.id(r.id).rawValue, let farm = try? day.loaded.farm(r.farm) else {
                continue
            }
            others[id] = RequestText.other(id: id, farmName: farm.name, task: tasks.name(of: r.task ?? ""))
        }
        var ids: [Int64]
        if let request {
            guard day.request(RequestID(request)) != nil else {
                throw OperationError.notFound(
                    T(
                        .errNoSubmittedRequest,
                        ["request": RequestText.number(request), "date": RequestText.day(date), "center": center.code]))
            }
            ids = [request]
        } else {
            ids = roster.unfilled.map(\.request)
        }
        var entries: [Entry] = []
        let travelRules = TravelRules(day.instance)
        for id in ids {
            // A request unfilled when the roster was stored may have been cancelled since: nothing to explain.
            guard let r = day.request(RequestID(id)), let farm = day.farm(r.farm) else { continue }
            let named = try? day.loaded.farm(r.farm)
            var eligible = 0
            var free = 0
            var excluded = 0
            var failing: [Int: Int] = [:]
            for w in day.instance.workers {
                let broken = brokenPairRules(
                    w, r, farm, travel: travelRules.travel(w, r, homeFarmKm: Distance.km(w.home, farm.location)),
                    walkKm: travelRules.walkKm)
                if let first = broken.first {
                    failing[first.rule, default: 0] += 1
                    continue
                }
                if day.instance.excludedPairs.contains(Pair(request: r.id, worker: w.id)) {
                    excluded += 1
                    continue
                }
                eligible += 1
                if !busy.contains(try day.ids.workers.id(w.id)) { free += 1 }
            }
            entries.append(
                Entry(
                    requestID: id, farmName: named?.name ?? farm.name ?? "",
                    label: RequestText.label(
                        farmName: named?.name ?? farm.name ?? "", farmCode: named?.code ?? "", date: date,
                        task: tasks.name(of: r.task ?? "")),
                    assigned: count[id] ?? 0, headcount: r.headcount, minHeadcount: r.minHeadcount,
                    reasons: stored[id].map {
                        RequestText.reasons($0, date: date, other: { others[$0] }, skill: skills.name(of:))
                    } ?? [],
                    eligible: eligible, eligibleFree: free,
                    excluded: excluded, failing: failing))
        }
        return RosterExplanation(date: date, entries: entries)
    }
}
