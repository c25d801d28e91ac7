import Foundation
import KoreanText
import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// `ilson farm import FILE.csv`: the farms.csv format of `spec/csv-formats.md`.
public enum FarmImport {
    static let columns: [ImportColumn] = [
        ImportColumn(key: "code", korean: "농가코드", required: true),
        ImportColumn(key: "name", korean: "농가명", required: true),
        ImportColumn(key: "farmer_name", korean: "농업인", required: true),
        ImportColumn(key: "farmer_phone", korean: "농업인전화", required: true),
        ImportColumn(key: "lat", korean: "위도"), ImportColumn(key: "lon", korean: "경도"),
        ImportColumn(key: "address", korean: "주소"), ImportColumn(key: "village", korean: "마을"),
        ImportColumn(key: "meeting_point", korean: "집결지"), ImportColumn(key: "meeting_time", korean: "집결시간"),
        // The farm's profile (sql/020, docs/csv-formats.md, "Priority columns").
        ImportColumn(key: "area_ha", korean: "경작면적"), ImportColumn(key: "disaster_until", korean: "재해질병기한"),
        ImportColumn(key: "farmer_birth_year", korean: "농업인출생연도"),
        ImportColumn(key: "woman_farmer", korean: "여성농업인"), ImportColumn(key: "disabled_farmer", korean: "중증장애"),
        ImportColumn(key: "no_family_labor", korean: "가족노동력없음"),
        // Version 2 (docs/csv-formats.md, "Version 2 columns"): the farm's van, copied onto its new requests.
        ImportColumn(key: "pickup_seats", korean: "차량좌석"), ImportColumn(key: "pickup_points", korean: "승차지점"),
    ]

    private struct Planned {
        var line: Int
        var existing: FarmRecord?
        var values: FarmValues
        var farmerPhone: String
        var farmerName: String
        var profile: FarmProfileChange
        /// Version 2: the farm's van when the row gives one (nil: unchanged).
        var pickup: PickupRecord?
    }

    /// Imports farms (and their farmers, matched by phone): every row checked first, nothing written on a bad row;
    /// a farm is matched by code within the center and an update changes only the filled cells.
    ///
    /// - Throws: `OperationError.badInput` listing every bad row with its line number.
    public static func run(bytes: [UInt8], file: String, center: String?, on db: Connection) throws -> ImportSummary {
        let table = try ImportTable(bytes: bytes, columns: columns, file: file)
        let today = IlsonClock.seoulDay(of: Date())
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let county = try Centers.county(of: center, on: db)
            var farms: [String: FarmRecord] = [:]
            for farm in try FarmStore.all(center: center.id, on: db) { farms[farm.code] = farm }
            var farmers: [String: FarmerRecord] = [:]
            for farmer in try FarmerStore.all(center: center.id, on: db) { farmers[farmer.phone] = farmer }

            var errors = RowErrors(file: file)
            var restoredPhones: [Int] = []
            let pickupPoints = Set(try PickupStore.all(center: center.id, on: db).map(\.name))
            var seen: [String: Int] = [:]
            var planned: [Planned] = []
            for row in table.rows {
                let plan = try errors.check(line: row.line) { () throws -> Planned in
                    let code = try RegistryInput.farmCode(row["code"] ?? "", field: "code")
                    if let first = seen[code] {
                        throw OperationError.badInput(T(.errFarmTwice, ["code": code, "line": first]))
                    }
                    seen[code] = row.line
                    let name = try RegistryInput.name(row["name"], TextLimits.farmName, option: "name")
                    let farmerName = try RegistryInput.name(
                        row["farmer_name"], TextLimits.farmerName, option: "farmer_name")
                    let (phone, restored) = try RegistryInput.sheetPhone(
                        row["farmer_phone"] ?? "", field: "farmer_phone")
                    if restored { restoredPhones.append(row.line) }
                    let location = LocationInput(
                        lat: try row.double("lat"), lon: try row.double("lon"), village: row["village"])
                    let meetingTime = try row["meeting_time"].map { t throws(OperationError) in
                        try RegistryInput.time(t, field: "meeting_time")
                    }
                    let old = farms[code]
                    var values: FarmValues
                    if let old {
                        values = FarmValues(old)
                        values.name = name
                        if !location.isEmpty {
                            let place = try RegistryInput.location(
                                location, what: T(.whatFarm, ["code": code]), source: .file, county: county)
                            (values.lat, values.lon, values.village) = (
                                place.lat, place.lon, place.village ?? values.village
                            )
                        }
                    } else {
                        let place = try RegistryInput.location(
                            location, what: T(.whatFarm, ["code": code]), source: .file, county: county)
                        values = FarmValues(
                            code: code, name: name, farmerID: 0, lat: place.lat, lon: place.lon, village: place.village)
                    }
                    if let address = try RegistryInput.text(row["address"], TextLimits.address, option: "address") {
                        values.address = address
                    }
                    if let point = try RegistryInput.text(
                        row["meeting_point"], TextLimits.meetingPoint, option: "meeting_point")
                    {
                        values.meetingPoint = point
                    }
                    if let meetingTime { values.meetingTime = meetingTime }
                    let profile = try FarmProfiles.change(
                        FarmProfileInput(
                            areaHa: row["area_ha"], disasterUntil: row["disaster_until"],
                            farmerBirthYear: row["farmer_birth_year"], womanFarmer: row["woman_farmer"],
                            disabledFarmer: row["disabled_farmer"], noFamilyLabor: row["no_family_labor"]),
                        fields: .file, thisYear: today.components.year)
                    var plan = Planned(
                        line: row.line, existing: old, values: values, farmerPhone: phone, farmerName: farmerName,
                        profile: profile)
                    plan.pickup = try pickup(row, known: pickupPoints, center: center)
                    return plan
                }
                if let plan { planned.append(plan) }
            }
            try errors.throwIfAny()

            var summary = ImportSummary("farms", of: table)
            var farmersAdded = 0
            for var plan in planned {
                // The farmer, by phone: added when new, renamed when the file says so.
                if let farmer = farmers[plan.farmerPhone] {
                    plan.values.farmerID = farmer.id
                    if farmer.name != plan.farmerName {
                        let before = try AuditLog.snapshot(on: db, table: "farmers", id: farmer.id)
                        try FarmerStore.rename(id: farmer.id, name: plan.farmerName, on: db)
                        farmers[plan.farmerPhone]?.name = plan.farmerName
                        try AuditLog.record(
                            on: db, center: center.id, via: "farm import", entity: "farmer", id: String(farmer.id),
                            action: .update, before: before,
                            after: AuditLog.snapshot(on: db, table: "farmers", id: farmer.id))
                    }
                } else {
                    let id = try FarmerStore.insert(
                        center: center.id, name: plan.farmerName, phone: plan.farmerPhone, on: db)
                    try AuditLog.record(
                        on: db, center: center.id, via: "farm import", entity: "farmer", id: String(id),
                        action: .create,
                        after: AuditLog.snapshot(on: db, table: "farmers", id: id))
                    farmers[plan.farmerPhone] = try FarmerStore.find(.id(id), center: center.id, on: db)
                    plan.values.farmerID = id
                    farmersAdded += 1
                }
                if let old = plan.existing, let pickup = plan.pickup,
                    try PickupStore.farmDefault(farm: old.id, on: db) != pickup
                {
                    try PickupStore.setFarmDefault(farm: old.id, center: center.id, pickup, on: db)
                    try AuditLog.record(
                        on: db, center: center.id, via: "farm import", entity: "farm_pickup", id: String(old.id),
                        action: .update, after: AuditJSON.object(["seats": pickup.seats, "points": pickup.points]))
                }
                if let old = plan.existing {
                    let profileChanged = plan.profile.applied(to: old.profile) != old.profile
                    if profileChanged {
                        _ = try FarmProfiles.apply(
                            plan.profile, to: old, center: center, via: "farm import", today: today, on: db)
                    }
                    guard plan.values != FarmValues(old) else {
                        if profileChanged { summary.updated += 1 } else { summary.unchanged += 1 }
                        continue
                    }
                    let before = try AuditLog.snapshot(on: db, table: "farms", id: old.id)
                    try FarmStore.update(id: old.id, plan.values, on: db)
                    try AuditLog.record(
                        on: db, center: center.id, via: "farm import", entity: "farm", id: String(old.id),
                        action: .update,
                        before: before, after: AuditLog.snapshot(on: db, table: "farms", id: old.id))
                    summary.updated += 1
                } else {
                    let id = try FarmStore.insert(center: center.id, plan.values, on: db)
                    let profile = plan.profile.applied(to: FarmProfile())
                    if profile != FarmProfile() { try FarmStore.setProfile(id: id, profile, on: db) }
                    if let pickup = plan.pickup {
                        try PickupStore.setFarmDefault(farm: id, center: center.id, pickup, on: db)
                    }
                    try AuditLog.record(
                        on: db, center: center.id, via: "farm import", entity: "farm", id: String(id), action: .create,
                        after: AuditLog.snapshot(on: db, table: "farms", id: id))
                    summary.created += 1
                }
            }
            if farmersAdded > 0 { summary.notes.append(T(.importFarmersAdded, ["count": farmersAdded])) }
            if let note = RegistryInput.restoredPhonesNote(lines: restoredPhones) { summary.notes.append(note) }
            return summary
        }
    }

    /// The van of a row (`pickup_seats`, `pickup_points`), nil when neither is given.
    ///
    /// - Throws: `OperationError.badInput` for bad seats, points without seats, or unknown points.
    static func pickup(_ row: ImportRow, known: Set<String>, center: CenterRecord) throws -> PickupRecord? {
        var values = RequestValues(
            date: Day(ordinal: 0), start: TimeOfDay(hour: 0, minute: 0)!, end: .endOfDay, task: "-", headcount: 1)
        let input = RequestInput(
            pickupSeats: row["pickup_seats"], pickupPoints: row["pickup_points"].map(RegistryInput.list))
        guard input.pickupSeats != nil || input.pickupPoints != nil else { return nil }
        try Pickups.apply(input, to: &values, source: .file)
        let unknown = values.pickupPoints.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw OperationError.badInput(
                "pickup_points: 센터 \(center.code)에 없는 승차 지점 \(unknown.joined(separator: ", ")) (ilson pickup add로 등록)")
        }
        return PickupRecord(seats: values.pickupSeats, points: values.pickupSeats == nil ? [] : values.pickupPoints)
    }
}
