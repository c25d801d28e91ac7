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
            SELECT work_date, farm_code, farm_name, request_id, to_char(start_time, 'HH24:MI') AS start_time,
                   ilson_task_name(ilson_center_id(), task) AS task, worker_name, worker_phone, roster_state, status,
                   to_char(end_time, 'HH24:MI') AS end_time, ride_point
            FROM ilson_farmer_workers(\(from)::date, \(to)::date)
            """)
    }

    /// The SQL that recreates, on another cluster, every role this database needs (roles are cluster-wide, so
    /// `pg_dump` leaves them out): the group roles, the non-superuser owners of the database and of its objects,
    /// and every login of `ilson_users`, each with its attributes, its password verifier (never a password) and its
    /// group memberships. For `psql` as a superuser, before `pg_restore`: a role that exists is kept (and its
    /// attributes and verifier set again), so running it twice is harmless.
    ///
    /// The script is made by the server with `format('%I')` and `%L`: names and verifiers are quoted there.
    ///
    /// - Throws: `PostgresError` `42501` unless the connection is a superuser (only it reads `pg_authid`).
    public static func roleScript(on db: Connection) throws -> [String] {
        try db.query(
            """
            WITH wanted AS (
                SELECT r.oid, 0 AS tier FROM pg_catalog.pg_authid r
                WHERE r.rolname IN ('ilson_owner', 'ilson_farmer', 'ilson_coordinator', 'ilson_batch', 'ilson_admin')
                UNION
                SELECT r.oid, 1 FROM pg_catalog.pg_authid r
                WHERE NOT r.rolsuper AND (
                    r.oid = (SELECT d.datdba FROM pg_catalog.pg_database d WHERE d.datname = current_database())
                    OR r.oid IN (SELECT c.relowner FROM pg_catalog.pg_class c
                                 WHERE c.relnamespace = 'public'::regnamespace)
                    OR r.oid IN (SELECT p.proowner FROM pg_catalog.pg_proc p
                                 WHERE p.pronamespace = 'public'::regnamespace))
                UNION
                SELECT r.oid, 2 FROM pg_catalog.pg_authid r JOIN public.ilson_users u ON u.login = r.rolname
            ), roles AS (
                SELECT DISTINCT ON (w.oid) w.oid, w.tier, a.rolname, a.rolcanlogin, a.rolinherit, a.rolcreatedb,
                       a.rolcreaterole, a.rolbypassrls, a.rolpassword
                FROM wanted w JOIN pg_catalog.pg_authid a ON a.oid = w.oid
                ORDER BY w.oid, w.tier
            ), lines AS (
                SELECT r.tier, r.rolname, 1 AS step, format(
                    'SELECT format(''CREATE ROLE %%I'', %L) '
                    || 'WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = %L)' || chr(10) || '\\gexec',
                    r.rolname, r.rolname) AS line
                FROM roles r
                UNION ALL
                SELECT r.tier, r.rolname, 2, format(
                    'ALTER ROLE %I WITH %s %s %s %s %s PASSWORD %s;', r.rolname,
                    CASE WHEN r.rolcanlogin THEN 'LOGIN' ELSE 'NOLOGIN' END,
                    CASE WHEN r.rolinherit THEN 'INHERIT' ELSE 'NOINHERIT' END,
                    CASE WHEN r.rolcreatedb THEN 'CREATEDB' ELSE 'NOCREATEDB' END,
                    CASE WHEN r.rolcreaterole THEN 'CREATEROLE' ELSE 'NOCREATEROLE' END,
                    CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' ELSE 'NOBYPASSRLS' END,
                    coalesce(quote_literal(r.rolpassword), 'NULL'))
                FROM roles r
                UNION ALL
                SELECT 3, m.rolname, 3, format('GRANT %I TO %I;', g.rolname, m.rolname)
                FROM pg_catalog.pg_auth_members am
                JOIN roles g ON g.oid = am.roleid JOIN roles m ON m.oid = am.member
            )
            SELECT line FROM lines ORDER BY tier, rolname, step, line
            """
        ).map { try $0.decode("line", as: String.self) }
    }
}
