import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// Pickup points (승차 지점) of a center, and the vans (pickups) of farms and requests (version 2).
public enum Pickups {
    static let noneWords: Set<String> = ["none", "없음", "-", "no"]
    static let allWords: Set<String> = ["all", "any", "전체", "모두"]

    /// Applies a request input's pools and pickup to `v`.
    ///
    /// - Throws: `OperationError.badInput` naming the field.
    static func apply(_ input: RequestInput, to v: inout RequestValues, source: InputSource) throws(OperationError) {
        if let text = input.pools {
            let field = source.name("pools", "pools")
            let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
            if allWords.contains(trimmed) || trimmed.isEmpty {
                v.pools = nil
            } else if noneWords.contains(trimmed) {
                v.pools = []
            } else {
                var pools = Set<WorkerPool>()
                for name in RegistryInput.list(text) {
                    guard let p = WorkerPool(name: name) else {
                        throw .badInput(T(.errNotAPoolOrAll, ["field": field, "value": Excerpt.quoted(name)]))
                    }
                    pools.insert(p)
                }
                v.pools = pools.sorted()
            }
        }
        if let text = input.pickupSeats {
            let field = source.name("pickup-seats", "pickup_seats")
            let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
            if noneWords.contains(trimmed) {
                v.pickupSeats = nil
                v.pickupPoints = []
            } else {
                guard let n = Int(trimmed), (0...60).contains(n) else {
                    throw .badInput(T(.errSeatsRange, ["field": field, "value": Excerpt.quoted(text)]))
                }
                v.pickupSeats = n
            }
        }
        if let names = input.pickupPoints {
            v.pickupPoints = try pointNames(names, field: source.name("pickup-points", "pickup_points"))
        }
        if !v.pickupPoints.isEmpty && v.pickupSeats == nil {
            throw .badInput(
                T(
                    .errPointsNeedSeats,
                    [
                        "points": source.name("pickup-points", "pickup_points"),
                        "seats": source.name("pickup-seats", "pickup_seats"),
                    ]))
        }
    }

    /// Names as typed: trimmed, without duplicates, sorted; each within the text limit.
    static func pointNames(_ names: [String], field: String) throws(OperationError) -> [String] {
        var out = Set<String>()
        for raw in names {
            guard let name = try RegistryInput.text(raw, TextLimits.pickupPointName, option: field) else { continue }
            out.insert(name)
        }
        return out.sorted()
    }

    /// Refuses names that are not pickup points of the center.
    ///
    /// - Throws: `OperationError.badInput` naming the unknown ones.
    static func checkKnown(_ names: [String], center: CenterRecord, field: String, on db: Connection) throws {
        guard !names.isEmpty else { return }
        let known = Set(try PickupStore.all(center: center.id, on: db).map(\.name))
        let unknown = names.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw OperationError.badInput(
                T(
                    .errPointsUnknown,
                    [
                        "field": field, "center": center.code,
                        "names": unknown.map { Excerpt.quoted($0) }.joined(separator: ", "),
                    ]))
        }
    }

    /// Registers a pickup point (`ilson pickup add`), at a village or coordinates, with an audit row.
    ///
    /// - Throws: `OperationError.badInput` for a bad name or place, or a name already used in the center.
    public static func add(
        name: String, location: LocationInput, center: String?, on db: Connection
    ) throws -> PickupPointRecord {
        let name = try RegistryInput.name(name, TextLimits.pickupPointName, option: "--name")
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            if try PickupStore.all(center: center.id, on: db).contains(where: { $0.name == name }) {
                throw OperationError.badInput(
                    T(.errPointExists, ["name": Excerpt.quoted(name), "center": center.code]))
            }
            let place = try RegistryInput.location(
                location, what: T(.whatPickupPoint, ["name": name]), source: .commandLine,
                county: Centers.county(of: center, on: db)
            )
            let id = try PickupStore.insert(
                center: center.id, name: name, village: place.village, lat: place.lat, lon: place.lon, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "pickup add", entity: "pickup_point", id: String(id), action: .create,
                after: AuditLog.snapshot(on: db, table: "pickup_points", id: id))
            return try PickupStore.all(center: center.id, on: db).first { $0.id == id }!
        }
    }

    /// A center's pickup points.
    public static func list(center: String?, on db: Connection) throws -> [PickupPointRecord] {
        try db.transaction { db in try PickupStore.all(center: try Centers.resolve(center, on: db).id, on: db) }
    }

    /// Sets a farm's default van (`ilson pickup farm`): seats and stops, copied onto the farm's new requests.
    /// `seats` nil removes the van.
    ///
    /// - Throws: `.notFound` for an unknown farm, `.badInput` for unknown points or bad seats.
    public static func setFarm(
        code: String, seats: Int?, points: [String], center: String?, on db: Connection
    ) throws -> PickupRecord {
        if let seats, !(0...60).contains(seats) {
            throw OperationError.badInput(T(.errSeatsOption, ["value": seats]))
        }
        let names = try pointNames(points, field: "--points")
        if seats == nil && !names.isEmpty {
            throw OperationError.badInput(T(.errPointsOptionNeedSeats))
        }
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let farm = try Farms.find(code: code, center: center, on: db)
            try checkKnown(names, center: center, field: "--points", on: db)
            let before = try PickupStore.farmDefault(farm: farm.id, on: db)
            let after = PickupRecord(seats: seats, points: seats == nil ? [] : names)
            try PickupStore.setFarmDefault(farm: farm.id, center: center.id, after, on: db)
            try AuditLog.record(
                on: db, center: center.id, via: "pickup farm", entity: "farm_pickup", id: String(farm.id),
                action: .update, before: AuditJSON.object(["seats": before.seats, "points": before.points]),
                after: AuditJSON.object(["seats": after.seats, "points": after.points]))
            return try PickupStore.farmDefault(farm: farm.id, on: db)
        }
    }

    /// A farm's default van.
    public static func farm(code: String, center: String?, on db: Connection) throws -> PickupRecord {
        try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            return try PickupStore.farmDefault(farm: try Farms.find(code: code, center: center, on: db).id, on: db)
        }
    }
}
