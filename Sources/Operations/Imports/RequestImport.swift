import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// `ilson request import FILE.csv`: the requests.csv format of `spec/csv-formats.md`.
public enum RequestImport {
    static let columns: [ImportColumn] = [
        ImportColumn(key: "farm", korean: "농가코드", required: true),
        ImportColumn(key: "date", korean: "날짜", required: true),
        ImportColumn(key: "days", korean: "일수"),
        ImportColumn(key: "start", korean: "시작", required: true),
        ImportColumn(key: "end", korean: "종료", required: true),
        ImportColumn(key: "task", korean: "작업", required: true),
        ImportColumn(key: "skills", korean: "기술"),
        ImportColumn(key: "headcount", korean: "인원", required: true),
        ImportColumn(key: "min_headcount", korean: "최소인원"),
        ImportColumn(key: "priority", korean: "우선순위"),
        ImportColumn(key: "wage", korean: "일당"),
        // Version 2 (docs/csv-formats.md, "Version 2 columns").
        ImportColumn(key: "pools", korean: "인력구분"),
        ImportColumn(key: "pickup_seats", korean: "차량좌석"),
        ImportColumn(key: "pickup_points", korean: "승차지점"),
    ]

    private struct Key: Hashable {
        var farm: Int64
        var date: Day
        var task: String
        var start: TimeOfDay
    }

    private enum DayPlan {
        case create(RequestValues)
        case update(RequestRecord, RequestValues)
        case unchanged
        case reported(String)
    }

    private struct RowPlan {
        var line: Int
        var farm: FarmRecord
        var task: String
        var days: [(Day, DayPlan)]
        /// The job of a request of this row that exists already: new days join it.
        var existingJob: Int64?
        /// The row gives 우선순위: an override with the reason `입력` (sql/020), else the center's policy.
        var explicitPriority = false
    }

    /// Imports requests: every row is checked first (nothing is written on a bad row); a request is matched by farm,
    /// date, task and start; an update changes only the filled cells; a request whose day's roster is approved or
    /// being sent is not changed but reported (`ImportSummary.reported`).
    ///
    /// - Throws: `OperationError.badInput` listing every bad row with its line number.
    public static func run(
        bytes: [UInt8], file: String, center: String?, clock: IlsonClock, on db: Connection
    ) throws -> ImportSummary {
        let table = try ImportTable(bytes: bytes, columns: columns, file: file)
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let pickupPoints = Set(try PickupStore.all(center: center.id, on: db).map(\.name))
            var farms: [String: FarmRecord] = [:]
            for farm in try FarmStore.all(center: center.id, on: db) { farms[farm.code] = farm }
            var live: [Key: RequestRecord] = [:]
            for r in try RequestStore.list(
                center: center.id, RequestFilter(from: clock.today.adding(days: -400), includeCancelled: false), on: db)
            {
                live[Key(farm: r.farmID, date: r.values.date, task: r.values.task, start: r.values.start)] = r
            }

            let catalogues = try Catalogues.Loaded(center: center.id, on: db)
            var errors = RowErrors(file: file)
            var seen: [Key: Int] = [:]
            var plans: [RowPlan] = []
            for row in table.rows {
                let plan = try errors.check(line: row.line) { () throws -> RowPlan in
                    let code = try RegistryInput.farmCode(row["farm"] ?? "", field: "farm")
                    guard let farm = farms[code] else {
                        let others = try FarmStore.otherCenters(code: code, notCenter: center.id, on: db)
                        throw OperationError.badInput(
                            others.isEmpty
                                ? T(.errFarmNotInCenter, ["code": code, "center": center.code])
                                : T(
                                    .errFarmOfOtherCenter,
                                    ["code": code, "center": center.code, "others": others.joined(separator: ", ")]))
                    }
                    let input = try catalogues.canonical(
                        RequestInput(
                            farm: code, date: row["date"], days: try row.int("days"), start: row["start"],
                            end: row["end"],
                            task: row["task"], skills: row["skills"].map(RegistryInput.list),
                            headcount: try row.int("headcount"),
                            minHeadcount: try row.int("min_headcount"), priority: try row.int("priority"),
                            wage: try row.int("wage"), pools: row["pools"], pickupSeats: row["pickup_seats"],
                            pickupPoints: row["pickup_points"].map(RegistryInput.list)), source: .file)
                    let dates = try Requests.days(input, clock: clock, source: .file, allowingPast: true)
                    let template = try Requests.newValues(input, date: dates[0], source: .file)
                    let unknownPoints = template.pickupPoints.filter { !pickupPoints.contains($0) }
                    if !unknownPoints.isEmpty {
                        throw OperationError.badInput(
                            T(
                                .errPointsUnknown,
                                [
                                    "field": "pickup_points", "center": center.code,
                                    "names": unknownPoints.joined(separator: ", "),
                                ]))
                    }
                    var plan = RowPlan(
                        line: row.line, farm: farm, task: template.task, days: [],
                        explicitPriority: input.priority != nil)
                    for date in dates {
                        let key = Key(farm: farm.id, date: date, task: template.task, start: template.start)
                        if let first = seen[key] {
                            throw OperationError.badInput(
                                T(
                                    .errRequestRowTwice,
                                    [
                                        "code": code, "date": date, "task": template.task, "start": template.start,
                                        "line": first,
                                    ]))
                        }
                        seen[key] = row.line
                        // A growing sheet keeps its old rows: a day already past is compared, never created or changed.
                        let past = date < clock.today
                        let label = T(
                            .importLineLabel,
                            [
                                "line": row.line, "code": code, "date": date, "task": template.task,
                                "start": template.start,
                            ])
                        guard let old = live[key] else {
                            if past {
                                plan.days.append(
                                    (date, .reported(T(.importPastNew, ["label": label, "today": clock.today]))))
                                continue
                            }
                            var values = template
                            values.date = date
                            plan.days.append((date, .create(values)))
                            continue
                        }
                        plan.existingJob = plan.existingJob ?? old.jobID
                        let merged = try Requests.merge(input, into: old.values, source: .file)
                        // Identical to what is stored: unchanged, quietly, also for a day sent or past.
                        if merged == old.values {
                            plan.days.append((date, .unchanged))
                            continue
                        }
                        if past {
                            plan.days.append(
                                (
                                    date,
                                    .reported(
                                        T(.importPastChanged, ["label": label, "request": RequestText.number(old.id)]))
                                ))
                            continue
                        }
                        if old.isLockedByRoster {
                            plan.days.append(
                                (
                                    date,
                                    .reported(
                                        T(
                                            .importLocked,
                                            [
                                                "line": row.line, "request": old.id, "code": code, "date": date,
                                                "task": old.values.task, "start": old.values.start,
                                                "state": Language.current == .ko
                                                    ? old.rosterState.map(RequestText.state) ?? ""
                                                    : "\(old.rosterState!)",
                                            ]))
                                ))
                            continue
                        }
                        plan.days.append((date, .update(old, merged)))
                    }
                    return plan
                }
                if let plan { plans.append(plan) }
            }
            try errors.throwIfAny()

            var summary = ImportSummary("requests", of: table)
            var jobs = 0
            for plan in plans {
                var job = plan.existingJob
                for (_, day) in plan.days {
                    switch day {
                    case .create(let values):
                        if job == nil {
                            job = try JobStore.insert(center: center.id, farm: plan.farm.id, task: plan.task, on: db)
                            jobs += 1
                        }
                        _ = try RequestStore.insert(
                            center: center.id, job: job!, farm: plan.farm.id, values,
                            priorityReason: plan.explicitPriority ? priorityInputReason : nil, via: "request import",
                            on: db)
                        summary.created += 1
                    case .update(let old, let values):
                        let priority: PriorityChange =
                            plan.explicitPriority && values.priority != old.values.priority
                            ? .override(reason: priorityInputReason) : .keep
                        try RequestStore.update(id: old.id, values, priority: priority, via: "request import", on: db)
                        summary.updated += 1
                    case .unchanged:
                        summary.unchanged += 1
                    case .reported(let message):
                        summary.reported.append(message)
                    }
                }
            }
            if jobs > 0 { summary.notes.append(T(.importJobsCreated, ["count": jobs])) }
            return summary
        }
    }
}
