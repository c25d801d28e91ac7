import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// `ilson worker import FILE.csv`: the workers.csv format of `spec/csv-formats.md`.
public enum WorkerImport {
    static let columns: [ImportColumn] = [
        ImportColumn(key: "name", korean: "이름", required: true),
        ImportColumn(key: "phone", korean: "전화번호", required: true),
        ImportColumn(key: "lat", korean: "위도"), ImportColumn(key: "lon", korean: "경도"),
        ImportColumn(key: "village", korean: "마을"), ImportColumn(key: "skills", korean: "기술"),
        ImportColumn(key: "category", korean: "구분"), ImportColumn(key: "max_travel_km", korean: "최대이동거리"),
        ImportColumn(key: "max_days_per_week", korean: "주최대일수"),
        ImportColumn(key: "available_from", korean: "가능시작일"), ImportColumn(key: "available_to", korean: "가능종료일"),
        ImportColumn(key: "sms_consent", korean: "문자수신동의"), ImportColumn(key: "allowed_farms", korean: "허용농가"),
        // Version 2 (docs/csv-formats.md, "Version 2 columns").
        ImportColumn(key: "pool", korean: "인력구분"), ImportColumn(key: "max_jobs_per_day", korean: "하루최대일수"),
        ImportColumn(key: "max_minutes_per_day", korean: "하루최대분"), ImportColumn(key: "stay_until", korean: "체류종료일"),
        ImportColumn(key: "visa_type", korean: "비자"), ImportColumn(key: "car", korean: "차량"),
        ImportColumn(key: "pickup_point", korean: "승차지점"),
        ImportColumn(key: "available_start", korean: "가능시작시각"), ImportColumn(key: "available_end", korean: "가능종료시각"),
    ]

    /// Imports workers: every row is checked first; one bad row and nothing is written. A worker is matched by
    /// phone within the center; an update changes only the filled cells. Bulk writes go through a staging table.
    ///
    /// - Parameters:
    ///   - bytes: the file, UTF-8 (with or without BOM) or CP949.
    ///   - file: its name, for messages.
    /// - Throws: `OperationError.badInput` listing every bad row with its line number.
    public static func run(
        bytes: [UInt8], file: String, center: String?, clock: IlsonClock, on db: Connection
    ) throws -> ImportSummary {
        let table = try ImportTable(bytes: bytes, columns: columns, file: file)
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let farms = Set(try FarmStore.all(center: center.id, on: db).map(\.code))
            let county = try Centers.county(of: center, on: db)
            var existing: [String: WorkerRecord] = [:]
            for worker in try WorkerStore.all(center: center.id, includeInactive: true, on: db) {
                existing[worker.values.phone] = worker
            }
            let catalogues = try Catalogues.Loaded(center: center.id, on: db)
            var errors = RowErrors(file: file)
            var restoredPhones: [Int] = []
            let pickupPoints = Set(try PickupStore.all(center: center.id, on: db).map(\.name))
            var seen: [String: Int] = [:]
            var rows: [WorkerImportRow] = []
            var summary = ImportSummary("workers", of: table)
            for row in table.rows {
                let planned = try errors.check(line: row.line) { () throws -> WorkerImportRow in
                    var input = try catalogues.canonical(try input(row), source: .file)
                    let (phone, restored) = try RegistryInput.sheetPhone(row["phone"] ?? "", field: "phone")
                    if restored { restoredPhones.append(row.line) }
                    input.phone = phone
                    if let first = seen[phone] {
                        throw OperationError.badInput(
                            T(.errWorkerTwice, ["phone": Phone.mask(phone), "line": first]))
                    }
                    seen[phone] = row.line
                    let old = existing[phone]
                    let values = try Workers.merge(
                        input, into: old?.values, knownFarms: farms, center: center, county: county, source: .file,
                        knownPickupPoints: pickupPoints)
                    let (from, to) = try availability(row, clock: clock)
                    let window = try AvailabilityWindow.parse(
                        from: row["available_start"], to: row["available_end"], fromField: "available_start",
                        toField: "available_end")
                    if window != nil && from == nil {
                        throw OperationError.badInput(T(.errWindowNeedsFrom))
                    }
                    let change: WorkerImportRow.Change =
                        old == nil ? .create : (old!.values == values ? .none : .update)
                    var planned = WorkerImportRow(
                        workerID: old?.id, change: change, values: values, availableFrom: from, availableTo: to,
                        before: old.flatMap { RegistryInput.json($0.values) }, after: RegistryInput.json(values))
                    (planned.windowFrom, planned.windowTo) = (window?.from, window?.to)
                    return planned
                }
                if let planned { rows.append(planned) }
            }
            try errors.throwIfAny()
            if let note = RegistryInput.restoredPhonesNote(lines: restoredPhones) { summary.notes.append(note) }
            for row in rows {
                switch row.change {
                case .create: summary.created += 1
                case .update: summary.updated += 1
                case .none: summary.unchanged += 1
                }
            }
            let added = try WorkerStore.importRows(
                rows.filter { $0.change != .none || $0.availableFrom != nil }, center: center.id, via: "worker import",
                on: db)
            if added > 0 { summary.notes.append(T(.importAvailabilityAdded, ["count": added])) }
            return summary
        }
    }

    static func input(_ row: ImportRow) throws(OperationError) -> WorkerInput {
        WorkerInput(
            name: row["name"], phone: row["phone"],
            location: LocationInput(lat: try row.double("lat"), lon: try row.double("lon"), village: row["village"]),
            skills: row["skills"].map(RegistryInput.list), category: row["category"],
            maxTravelKm: try row.double("max_travel_km"), maxDaysPerWeek: try row.int("max_days_per_week"),
            smsConsent: row["sms_consent"], allowedFarms: row["allowed_farms"].map(RegistryInput.list),
            version2: WorkerVersion2Input(
                pool: row["pool"], maxJobsPerDay: try row.int("max_jobs_per_day"),
                maxMinutesPerDay: try row.int("max_minutes_per_day"), stayUntil: row["stay_until"],
                visaType: row["visa_type"], car: row["car"], pickupPoint: row["pickup_point"]))
    }

    static func availability(_ row: ImportRow, clock: IlsonClock) throws(OperationError) -> (Day?, Day?) {
        let from = try row["available_from"].map { t throws(OperationError) in
            try clock.parse(t, field: "available_from")
        }
        let to = try row["available_to"].map { t throws(OperationError) in try clock.parse(t, field: "available_to") }
        if to != nil && from == nil { throw .badInput(T(.errAvailableToAlone)) }
        if let from, let to, to < from { throw .badInput(T(.errAvailableBackwards, ["from": from, "to": to])) }
        return (from, to)
    }
}
