import Places
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// How `report placements` groups its rows: the groups a county reports on.
public enum ReportGrouping: String, Sendable, Hashable, CaseIterable {
    /// Target group of the worker: seniors, youth, women, people with disabilities, foreign workers, others.
    case category
    /// The worker's town (읍면): from the registered village, else the nearest village centre to home.
    case town
    /// The request's task.
    case task
    /// The farm worked.
    case farm
    /// The worker's pool (일용, 봉사, 공공형 계절근로; version 2).
    case pool
}

/// Placements over a period, for the county's job-creation figures (연인원, 실인원, 농가).
///
/// What counts: assignments on rosters a coordinator approved (`approved`, `sending`, `sent`),
/// not declined or cancelled. A day before `today` is a **worker-day** when attendance says
/// `completed` (attended), or when no attendance is recorded yet (`proposed`, `approved`,
/// `confirmed`: *unrecorded*, counted, and the report says how many); a `no_show` never counts.
/// Days from `today` on have not happened: they are *scheduled*, not counted. Unique people and
/// farms served count worker-days only.
///
/// Demand beside it: slots wanted (the headcount of every request not cancelled) and filled (live
/// assignments on approved rosters); unfilled is the sum over requests of wanted − filled. Demand
/// belongs to requests, so it is given per group for `task` and `farm`, and in the total only for
/// `category` and `town` (a request has no target group or home town).
public struct PlacementReport: Sendable, Hashable {
    /// One group's figures (or the total's).
    public struct Group: Sendable, Hashable {
        /// Stable key: a category code, a town name, a task, a farm code; `total` for the total.
        public var key: String
        /// What a person reads: `고령 (senior)`, `이월면`, `harvest`, `F001 이월 딸기농장`.
        public var label: String
        /// Attended plus unrecorded days (연인원).
        public var workerDays = 0
        /// Days with attendance recorded as `completed`.
        public var attended = 0
        /// Past days whose attendance is not recorded yet (counted in ``workerDays``).
        public var unrecorded = 0
        /// Past days recorded as `no_show` (not counted).
        public var noShows = 0
        /// Days from `today` on (not counted).
        public var scheduled = 0
        /// Unique people with at least one worker-day (실인원).
        public var people = 0
        /// Farms with at least one worker-day.
        public var farms = 0
        /// Slots wanted, filled, and wanted − filled per request; nil where demand has no such group.
        public var wanted: Int?
        public var filled: Int?
        public var unfilled: Int?
        /// Mean travel distance (km) of the worker-days and scheduled days that carry one.
        public var averageKm: Double?
        /// Hours of the worker-days (every job of the day, start to end).
        public var hours = 0.0

        public init(key: String, label: String) {
            self.key = key
            self.label = label
        }
    }

    public var center: String
    public var from: Day
    public var to: Day
    public var today: Day
    public var grouping: ReportGrouping
    /// Groups in the grouping's order (every category and every town is listed, even at zero).
    public var groups: [Group]
    public var total: Group
    /// Requests (not cancelled) in the period.
    public var requests: Int

    /// Korean and English names of the worker categories, in the order the county reports them.
    public static let categoryLabels: [(code: String, korean: String)] = [
        ("senior", "고령"), ("youth", "청년"), ("women", "여성"), ("disabled", "장애인"), ("foreign", "외국인"),
        ("general", "일반"),
    ]

    /// A category as the coordinator reads it, in the current language.
    static func categoryName(_ code: String) -> String {
        let keys: [String: TextKey] = [
            "senior": .catSenior, "youth": .catYouth, "women": .catWomen, "disabled": .catDisabled,
            "foreign": .catForeign, "general": .catGeneral,
        ]
        return keys[code].map { T($0) } ?? code
    }

    /// Loads and builds the report of a center's period.
    ///
    /// - Parameters:
    ///   - center: the center.
    ///   - from: first day, inclusive.
    ///   - to: last day, inclusive.
    ///   - grouping: how to group.
    ///   - today: the clock's today; days before it have happened.
    /// - Throws: `OperationError.badInput` when `to` is before `from`; `PostgresError`.
    public static func load(
        center: CenterRecord, from: Day, to: Day, by grouping: ReportGrouping, today: Day, on db: Connection
    ) throws -> PlacementReport {
        guard from <= to else { throw OperationError.badInput(T(.errPeriodBackwards, ["from": from, "to": to])) }
        guard to.ordinal - from.ordinal <= 3_660 else {
            throw OperationError.badInput(T(.errPeriodTooLong, ["from": from, "to": to]))
        }
        return try db.transaction { db in
            let placements = try ReportStore.placements(center: center.id, from: from, to: to, on: db)
            let demand = try ReportStore.demand(center: center.id, from: from, to: to, on: db)
            let county = grouping == .town ? try Centers.countyOrInferred(of: center, on: db) : nil
            return build(
                center: center.code, from: from, to: to, by: grouping, today: today, placements: placements,
                demand: demand, county: county)
        }
    }

    /// Builds the report from its rows (pure).
    ///
    /// - Parameters:
    ///   - placements: live assignments on approved, sending or sent rosters in the period.
    ///   - demand: requests not cancelled in the period, with their filled slots.
    /// - Returns: the report.
    public static func build(
        center: String, from: Day, to: Day, by grouping: ReportGrouping, today: Day, placements: [PlacementRow],
        demand: [DemandRow], county: County?
    ) -> PlacementReport {
        var order: [String] = []
        var labels: [String: String] = [:]
        func declare(_ key: String, _ label: String) {
            if labels[key] == nil {
                order.append(key)
                labels[key] = label
            }
        }
        switch grouping {
        case .category:
            for c in categoryLabels { declare(c.code, categoryName(c.code)) }
        case .town:
            for t in county?.towns ?? [] { declare(t.name, t.name) }
        case .pool:
            for p in PoolLabels.all { declare(p.code, "\(p.korean) (\(p.code))") }
        case .task, .farm:
            break
        }

        let towns = TownResolver(county: county)
        func groupKey(_ p: PlacementRow) -> (String, String) {
            switch grouping {
            case .category:
                let code = p.category.rawValue
                let label = categoryName(code)
                return (code, label)
            case .town:
                let town = towns.town(village: p.village, lat: p.homeLat, lon: p.homeLon)
                return (town, town)
            case .task: return (p.task, p.task)
            case .farm: return (p.farmCode, "\(p.farmCode) \(p.farmName)")
            case .pool: return (p.pool, "\(PoolLabels.korean(p.pool)) (\(p.pool))")
            }
        }

        var groups: [String: Group] = [:]
        var people: [String: Set<Int64>] = [:]
        var farms: [String: Set<String>] = [:]
        var kmSum: [String: Double] = [:]
        var kmCount: [String: Int] = [:]
        let totalKey = "\u{0}total"
        // A person counts once per day in a group however many jobs they had (연인원); hours add up.
        var once: Set<String> = []
        func first(_ k: String, _ what: String, _ p: PlacementRow) -> Bool {
            once.insert("\(k)|\(what)|\(p.workerID)|\(p.date.ordinal)").inserted
        }
        for p in placements {
            let (key, label) = groupKey(p)
            declare(key, label)
            for k in [key, totalKey] {
                var g = groups[k] ?? Group(key: k, label: k)
                var counted = false
                switch p.status {
                case .completed:
                    if first(k, "attended", p) { g.attended += 1 }
                    counted = true
                case .noShow:
                    if first(k, "noShow", p) { g.noShows += 1 }
                default:
                    if p.date < today {
                        if first(k, "unrecorded", p) { g.unrecorded += 1 }
                        counted = true
                    } else if first(k, "scheduled", p) {
                        g.scheduled += 1
                    }
                }
                if counted {
                    if first(k, "day", p) { g.workerDays += 1 }
                    g.hours += p.hours
                    people[k, default: []].insert(p.workerID)
                    farms[k, default: []].insert(p.farmCode)
                }
                if p.status != .noShow, let d = p.distanceKm {
                    kmSum[k, default: 0] += d
                    kmCount[k, default: 0] += 1
                }
                groups[k] = g
            }
        }

        var wanted: [String: Int] = [:]
        var filled: [String: Int] = [:]
        var unfilled: [String: Int] = [:]
        for d in demand {
            var keys = [totalKey]
            switch grouping {
            case .task:
                declare(d.task, d.task)
                keys.append(d.task)
            case .farm:
                declare(d.farmCode, "\(d.farmCode) \(d.farmName)")
                keys.append(d.farmCode)
            case .category, .town, .pool:
                break
            }
            for k in keys {
                wanted[k, default: 0] += d.headcount
                filled[k, default: 0] += min(d.filled, d.headcount)
                unfilled[k, default: 0] += max(0, d.headcount - d.filled)
            }
        }

        func finish(_ key: String, label: String, withDemand: Bool) -> Group {
            var g = groups[key] ?? Group(key: key, label: label)
            g.key = key == totalKey ? "total" : key
            g.label = label
            g.people = people[key]?.count ?? 0
            g.farms = farms[key]?.count ?? 0
            if withDemand {
                g.wanted = wanted[key] ?? 0
                g.filled = filled[key] ?? 0
                g.unfilled = unfilled[key] ?? 0
            }
            if let n = kmCount[key], n > 0 { g.averageKm = (kmSum[key] ?? 0) / Double(n) }
            return g
        }
        let perGroupDemand = grouping == .task || grouping == .farm
        var list = order.map { finish($0, label: labels[$0] ?? $0, withDemand: perGroupDemand) }
        switch grouping {
        case .task:
            func weight(_ g: Group) -> Int { g.workerDays + g.scheduled + (g.wanted ?? 0) }
            list.sort { weight($0) != weight($1) ? weight($0) > weight($1) : $0.key < $1.key }
        case .farm:
            list.sort { $0.key < $1.key }
        case .category, .town, .pool:
            break
        }
        return PlacementReport(
            center: center, from: from, to: to, today: today, grouping: grouping, groups: list,
            total: finish(totalKey, label: T(.reportTotal), withDemand: true), requests: demand.count)
    }
}

/// The town (읍면) of a worker: the legal 읍면 of the registered village when it lies in the center's county, else
/// that of the village nearest home within the county, never another county's. A center without a county uses
/// the registered village's own 읍면 (with its county) or the nearest village in the country.
struct TownResolver {
    let county: County?
    let villages: [VillageRef]

    init(county: County?) {
        self.county = county
        villages = county?.villages ?? []
    }

    /// The town's full name (`이월면`; without a county, `진천군 이월면`).
    func town(village: String?, lat: Double, lon: Double) -> String {
        let home = PlacePoint(lat: lat, lon: lon)
        guard let county else {
            if let village, let ref = Gazetteer.korea.village(village, within: nil).lookup.village {
                return "\(ref.countyName) \(ref.town.name)"
            }
            return "기타"
        }
        if let village, case .found(let ref) = county.lookup(village) { return ref.town.name }
        return county.nearestVillage(to: home)?.village.town.name ?? "기타"
    }
}
