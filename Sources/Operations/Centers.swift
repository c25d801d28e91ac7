import Postgres

/// A dispatch center as commands refer to it.
public struct CenterRef: Sendable, Hashable, CustomStringConvertible {
    public var id: Int64
    public var code: String
    public var name: String
    public var description: String { "\(code) \(name)" }
}

/// Finding the center a command acts on.
public enum Centers {
    /// The center with this code, or the only center when `code` is nil.
    ///
    /// - Throws: `OperationError.notFound` for an unknown code or an empty database;
    ///   `.badInput` when `code` is nil and the database holds several centers (naming them).
    public static func resolve(_ code: String?, on db: Connection) throws -> CenterRef {
        if let code {
            let rows = try db.query("SELECT id, code, name FROM centers WHERE code = \(code.uppercased())")
            guard let row = rows.first else {
                let known = try db.query("SELECT code FROM centers ORDER BY code").map { try $0.decode("code", as: String.self) }
                throw OperationError.notFound(
                    "no center with code \(code)" + (known.isEmpty ? " (no centers yet: `ilson center add`)" : " (known: \(known.joined(separator: ", ")))"))
            }
            return try CenterRef(id: row.decode("id"), code: row.decode("code"), name: row.decode("name"))
        }
        let rows = try db.query("SELECT id, code, name FROM centers ORDER BY code LIMIT 20")
        switch rows.count {
        case 0: throw OperationError.notFound("no centers yet: add one with `ilson center add --code CODE --name NAME`")
        case 1:
            let row = rows[0]
            return try CenterRef(id: row.decode("id"), code: row.decode("code"), name: row.decode("name"))
        default:
            let codes = try rows.map { try $0.decode("code", as: String.self) }
            throw OperationError.badInput(
                "the database holds several centers (\(codes.joined(separator: ", "))): say which with --center CODE")
        }
    }
}
