import KoreanText
import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// `ilson pickup import FILE.csv`: a center's pickup points (docs/csv-formats.md, "Version 2 columns"): 이름 (name), 마을 (village),
/// 위도/경도 (lat/lon). A point is matched by name; an existing one keeps its place unless the row gives one.
public enum PickupImport {
    static let columns: [ImportColumn] = [
        ImportColumn(key: "name", korean: "이름", required: true),
        ImportColumn(key: "village", korean: "마을"),
        ImportColumn(key: "lat", korean: "위도"), ImportColumn(key: "lon", korean: "경도"),
    ]

    /// Imports pickup points: every row checked first; one bad row and nothing is written.
    ///
    /// - Throws: `OperationError.badInput` listing every bad row with its line number.
    public static func run(bytes: [UInt8], file: String, center: String?, on db: Connection) throws -> ImportSummary {
        let table = try ImportTable(bytes: bytes, columns: columns, file: file)
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let county = try Centers.county(of: center, on: db)
            let existing = Set(try PickupStore.all(center: center.id, on: db).map(\.name))
            var errors = RowErrors(file: file)
            var seen: [String: Int] = [:]
            var planned: [(name: String, place: ResolvedLocation)] = []
            var summary = ImportSummary(
                what: "pickup points", encoding: table.encoding.rawValue, rows: table.rows.count)
            for row in table.rows {
                let plan = try errors.check(line: row.line) { () throws -> (String, ResolvedLocation)? in
                    let name = try RegistryInput.name(row["name"], TextLimits.pickupPointName, option: "name")
                    if let first = seen[name] {
                        throw OperationError.badInput(T(.errPickupTwice, ["name": name, "line": first]))
                    }
                    seen[name] = row.line
                    if existing.contains(name) { return nil }
                    let place = try RegistryInput.location(
                        LocationInput(lat: try row.double("lat"), lon: try row.double("lon"), village: row["village"]),
                        what: T(.pickupPointNamed, ["name": name]), source: .file, county: county)
                    return (name, place)
                }
                if let plan, let p = plan { planned.append((p.0, p.1)) } else if plan != nil { summary.unchanged += 1 }
            }
            try errors.throwIfAny()
            for p in planned {
                let id = try PickupStore.insert(
                    center: center.id, name: p.name, village: p.place.village, lat: p.place.lat, lon: p.place.lon,
                    on: db)
                try AuditLog.record(
                    on: db, center: center.id, via: "pickup import", entity: "pickup_point", id: String(id),
                    action: .create, after: AuditLog.snapshot(on: db, table: "pickup_points", id: id))
                summary.created += 1
            }
            return summary
        }
    }
}
