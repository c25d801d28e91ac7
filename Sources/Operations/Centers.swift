import Postgres
import Records
import Storage
import Texts

/// Finding the center a command acts on.
public enum Centers {
    /// The center with this code, or the only center when `code` is nil.
    ///
    /// - Throws: `OperationError.notFound` for an unknown code or an empty database;
    ///   `.badInput` when `code` is nil and the database holds several centers (naming them).
    public static func resolve(_ code: String?, on db: Connection) throws -> CenterRecord {
        if let code {
            if let center = try CenterStore.find(code: code, on: db) { return center }
            let known = try CenterStore.all(limit: 20, on: db).map(\.code)
            throw OperationError.notFound(
                T(
                    .errNoCenterCode,
                    [
                        "code": code,
                        "known": known.isEmpty
                            ? T(.errNoCentersHint) : T(.errKnownCenters, ["codes": known.joined(separator: ", ")]),
                    ]))
        }
        let centers = try CenterStore.all(limit: 20, on: db)
        switch centers.count {
        case 0: throw OperationError.notFound(T(.errNoCenters))
        case 1: return centers[0]
        default:
            throw OperationError.badInput(
                T(.errSeveralCenters, ["codes": centers.map(\.code).joined(separator: ", ")]))
        }
    }
}
