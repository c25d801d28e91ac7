import Foundation
import Postgres
import Records
import Vocabulary

extension UserRecord: StoredRecord {
    public static let table = "ilson_users"
}

extension FarmerWorkerRow: StoredRecord {
    public static let table = "ilson_farmer_workers"
}

/// SQL for logins and their mapping (`ilson_users`, `ilson_create_login`, `ilson_farmer_workers`).
public enum UserStore {
    static let columns = """
        u.login, u.kind, c.code AS center_code, u.farmer_id, u.created_at, u.created_by
        FROM ilson_users u LEFT JOIN centers c ON c.id = u.center_id
        """

    /// Creates a login role in the group of its kind and its mapping, through `ilson_create_login`
    /// (SECURITY DEFINER; admin logins and superusers only).
    ///
    /// - Parameters:
    ///   - verifier: the password hashed on the client (`Connection.encryptPassword`), never the password.
    /// - Throws: `PostgresError`: `42501` for a login that is not an admin, `42710` when the role exists,
    ///   `22023` for a bad name, kind or verifier, `23503` for an unknown center or farmer.
    public static func create(
        login: String, verifier: String, kind: String, center: Int64?, farmer: Int64?, on db: Connection
    ) throws {
        try db.query(
            "SELECT ilson_create_login(\(login), \(verifier), \(kind), \(center), \(farmer))")
    }

    /// A farmer's id by phone or id within a center (only `farmers`: an admin may not read farms).
    public static func farmerID(_ ref: PersonRef, center: Int64, on db: Connection) throws -> Int64? {
        try db.query("SELECT id FROM farmers WHERE center_id = \(center) AND \(fragment: ref.condition())")
            .first?.decode("id", as: Int64.self)
    }

    /// The mappings this login may see (an admin: all; anyone else: their own), by login.
    public static func all(on db: Connection) throws -> [UserRecord] {
        try UserRecord.fetchAll(db, "SELECT \(unescaped: columns) ORDER BY u.login")
    }

    /// The connection's own login and mapping.
    public static func current(on db: Connection) throws -> SessionIdentity {
        let row = try db.query(
            """
            SELECT session_user::text AS login,
                   coalesce((SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = session_user), false) AS su
            """)[0]
        let login: String = try row.decode("login")
        let user = try UserRecord.fetchOne(db, "SELECT \(unescaped: columns) WHERE u.login = \(login)")
        return SessionIdentity(login: login, isSuperuser: try row.decode("su"), user: user)
    }

    /// The workers on the session farmer's farms on approved, sending or sent rosters.
    public static func farmerWorkers(from: String?, to: String?, on db: Connection) throws -> [FarmerWorkerRow] {
        try FarmerWorkerRow.fetchAll(
            db,
            """
            SELECT work_date, farm_code, farm_name, request_id, to_char(start_time, 'HH24:MI') AS start_time, task,
                   worker_name, worker_phone, roster_state
            FROM ilson_farmer_workers(\(from)::date, \(to)::date)
            """)
    }
}
