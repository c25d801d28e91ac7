import Postgres
import Records
import Storage

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
                "no center with code \(code)"
                    + (known.isEmpty
                        ? " (no centers yet: `ilson center add`)" : " (known: \(known.joined(separator: ", ")))"))
        }
        let centers = try CenterStore.all(limit: 20, on: db)
        switch centers.count {
        case 0: throw OperationError.notFound("no centers yet: add one with `ilson center add --code CODE --name NAME`")
        case 1: return centers[0]
        default:
            throw OperationError.badInput(
                "the database holds several centers (\(centers.map(\.code).joined(separator: ", "))): "
                    + "say which with --center CODE")
        }
    }
}
