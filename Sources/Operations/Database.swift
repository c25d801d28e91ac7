import Postgres
import Texts

/// The database connection as the layers above Operations hold it: a handle that `DatabaseAccess.open` gives
/// and Operations' functions take (`on db: Database`). The command line imports neither Postgres nor Storage,
/// and is built with `MemberImportVisibility`, so it can pass the handle on but never query through it.
public typealias Database = Connection

/// Opening the database: the one place ilson connects.
public enum DatabaseAccess {
    /// Opens a connection to the database a setting names (a libpq connection string or `postgresql://` URI), or
    /// to libpq's defaults (`PG*` variables) when there is none.
    ///
    /// - Parameters:
    ///   - url: the connection string, nil for libpq's defaults.
    ///   - source: where the setting came from, for messages (`$ILSON_DATABASE_URL`, a file, the command line).
    ///   - applicationName: `application_name` of the session.
    /// - Throws: `OperationError.badInput` for a malformed connection string (its password never repeated);
    ///   `OperationError.unreachable` (exit 3) naming the host, port, database and user and libpq's reason.
    public static func open(url: String?, source: String?, applicationName: String = "ilson") throws(OperationError)
        -> Database
    {
        if let url {
            do {
                _ = try ConnectionString.parse(url)
            } catch {
                throw .badInput(
                    T(.errDatabaseURL, ["source": source ?? T(.errDatabaseURLSettings), "message": error.message]))
            }
        }
        do {
            return try Connection(url, applicationName: applicationName)
        } catch {
            throw OperationError(error, settingsSource: source)
        }
    }

    /// Where a connection goes (host or socket, port, database, user; never the password), for messages.
    public static func target(of db: Database) -> String { db.target.description }
}
