import KoreanText
import Places
import Postgres
import Records
import Storage
import Texts

extension Centers {
    /// The county a center is bound to (`centers.county_code`), or nil when it has none.
    public static func county(of center: CenterRecord, on db: Connection) throws -> County? {
        let code = try db.query("SELECT county_code FROM centers WHERE id = \(center.id)").first.flatMap {
            try $0.decode(at: 0, as: String?.self)
        }
        return code.flatMap { Gazetteer.korea.county(code: $0) }
    }

    /// Resolves what a coordinator typed for `--county`: a name (`괴산군`, `충북 괴산군`, `대구 중구`, `청주시`) or
    /// a 5-digit code (`43760`).
    ///
    /// - Throws: `OperationError.badInput` for an ambiguous name (listing the counties, to add the 시도) or an unknown
    ///   one (listing close names).
    public static func county(named text: String) throws(OperationError) -> County {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 40 else {
            throw .badInput(T(.errCountyBad, ["value": Excerpt.quoted(text)]))
        }
        switch Gazetteer.korea.county(trimmed) {
        case .found(let county):
            return county
        case .ambiguous(let names):
            throw .badInput(
                T(
                    .errCountyAmbiguous,
                    ["value": Excerpt.quoted(trimmed), "names": names.joined(separator: ", "), "first": names[0]]))
        case .notFound(let close):
            let hint = close.isEmpty ? "" : T(.errCountyClose, ["names": close.joined(separator: ", ")])
            throw .badInput(T(.errCountyNotFound, ["value": Excerpt.quoted(trimmed), "close": hint]))
        }
    }

    /// Binds a center to a county, with an audit row.
    public static func setCounty(code: String, county text: String, on db: Connection) throws -> County {
        let county = try county(named: text)
        try db.transaction { db in
            let center = try resolve(code, on: db)
            let before = try AuditLog.snapshot(on: db, table: "centers", id: center.id)
            _ = try db.query("UPDATE centers SET county_code = \(county.code) WHERE id = \(center.id)")
            try AuditLog.record(
                on: db, center: center.id, via: "center edit", entity: "center", id: String(center.id),
                action: .update, before: before, after: AuditLog.snapshot(on: db, table: "centers", id: center.id))
        }
        return county
    }

    /// Gives every center without a county the county where most of its farms lie (the county of the 읍면동 whose
    /// point is nearest each farm); centers without farms stay without. Run by `ilson db migrate` after migration
    /// 016 (and harmless on every later run).
    ///
    /// - Returns: the centers given a county: code and the county's full name.
    @discardableResult
    public static func assignCountiesFromFarms(on db: Connection) throws -> [(center: String, county: String)] {
        let rows = try db.query(
            """
            SELECT c.id, c.code, f.lat, f.lon FROM centers c JOIN farms f ON f.center_id = c.id
            WHERE c.county_code IS NULL ORDER BY c.id, f.id
            """)
        var farms: [Int64: (code: String, points: [PlacePoint])] = [:]
        for row in rows {
            let id = try row.decode(at: 0, as: Int64.self)
            let point = PlacePoint(
                lat: try row.decode(at: 2, as: Double.self), lon: try row.decode(at: 3, as: Double.self))
            let code = try row.decode(at: 1, as: String.self)
            farms[id, default: (code, [])].points.append(point)
        }
        var assigned: [(center: String, county: String)] = []
        for (id, center) in farms.sorted(by: { $0.key < $1.key }) {
            guard let county = county(ofMost: center.points) else { continue }
            _ = try db.query("UPDATE centers SET county_code = \(county.code) WHERE id = \(id) AND county_code IS NULL")
            assigned.append((center.code, county.fullName))
        }
        return assigned
    }

    /// The county a center is bound to or, when it has none, the county where most of its farms lie (not stored).
    public static func countyOrInferred(of center: CenterRecord, on db: Connection) throws -> County? {
        if let county = try county(of: center, on: db) { return county }
        let points = try db.query("SELECT lat, lon FROM farms WHERE center_id = \(center.id) ORDER BY id").map {
            PlacePoint(lat: try $0.decode(at: 0, as: Double.self), lon: try $0.decode(at: 1, as: Double.self))
        }
        return county(ofMost: points)
    }

    /// The county of most of these points: each votes for the county of the 읍면동 whose point is nearest.
    static func county(ofMost points: [PlacePoint]) -> County? {
        let korea = Gazetteer.korea
        let towns = korea.areas.values.filter { $0.code.count == 8 }.sorted { $0.code < $1.code }
        var votes: [String: Int] = [:]
        for p in points.prefix(500) where korea.isInKorea(p) {
            if let town = towns.min(by: { $0.point.km(to: p) < $1.point.km(to: p) }) {
                votes[String(town.code.prefix(5)), default: 0] += 1
            }
        }
        guard let best = votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
        return korea.county(code: best)
    }
}
