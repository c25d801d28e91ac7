import Postgres
import Records

extension PersonRef {
    /// The SQL condition and binds for this reference on a table with `id` and `phone` columns.
    public func condition(alias: String = "") -> PostgresQuery {
        let prefix = alias.isEmpty ? "" : alias + "."
        switch self {
        case .id(let id): return "\(unescaped: prefix)id = \(id)"
        case .phone(let p): return "\(unescaped: prefix)phone = \(p)"
        }
    }
}
