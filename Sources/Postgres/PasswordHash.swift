import CLibPQ
import Foundation

extension Connection {
    /// Hashes a password on the client with libpq's `PQencryptPasswordConn`, for `CREATE ROLE … PASSWORD`
    /// or `ALTER ROLE … PASSWORD`: the server then stores the verifier as is, and the password itself never
    /// travels to the server, its logs or `pg_stat_activity`.
    ///
    /// - Parameters:
    ///   - password: the password in clear.
    ///   - user: the role's name (salted into an `md5` hash; SCRAM ignores it but libpq wants it).
    ///   - algorithm: `scram-sha-256` (the default) or `md5`.
    /// - Returns: the verifier, e.g. `SCRAM-SHA-256$4096:…$…:…`.
    /// - Throws: `PostgresError` of kind `.client` when libpq fails (out of memory, unknown algorithm).
    public func encryptPassword(
        _ password: String, user: String, algorithm: String = "scram-sha-256"
    ) throws(PostgresError) -> String {
        let result: String? = withHandle { handle in
            guard let hashed = PQencryptPasswordConn(handle, password, user, algorithm) else { return nil }
            defer { PQfreemem(hashed) }
            return String(cString: hashed)
        }
        guard let result else {
            // libpq's message names the problem, never the password.
            let reason = withHandle { Connection.copy(PQerrorMessage($0)) } ?? "libpq could not hash the password"
            throw PostgresError(kind: .client, message: reason.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result
    }
}
