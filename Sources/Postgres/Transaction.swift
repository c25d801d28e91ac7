import CLibPQ

/// The isolation level of a transaction.
public enum IsolationLevel: String, Sendable {
    case readCommitted = "READ COMMITTED"
    case repeatableRead = "REPEATABLE READ"
    case serializable = "SERIALIZABLE"
}

extension Connection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// A call inside another `transaction` uses a SAVEPOINT: its error rolls back only its own work,
    /// and the outer transaction goes on if the error is caught.
    ///
    /// - Parameters:
    ///   - isolation: the isolation level of an outermost transaction (ignored for a nested one).
    ///   - body: the work; it receives this connection.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws (after the rollback), or `PostgresError` from BEGIN/COMMIT
    ///   (e.g. a serialization failure at commit).
    @discardableResult
    public func transaction<T>(
        isolation: IsolationLevel? = nil, _ body: (Connection) throws -> T
    ) throws -> T {
        let depth = transactionDepth
        let savepoint = "ilson_savepoint_\(depth)"
        if depth == 0 {
            try query("BEGIN\(unescaped: isolation.map { " ISOLATION LEVEL " + $0.rawValue } ?? "")")
        } else {
            try query("SAVEPOINT \(identifier: savepoint)")
        }
        transactionDepth += 1
        defer { transactionDepth = depth }

        let value: T
        do {
            value = try body(self)
        } catch {
            // The original error matters; a failed rollback (e.g. broken connection) adds nothing.
            if depth == 0 {
                _ = try? query("ROLLBACK")
            } else {
                _ = try? query("ROLLBACK TO SAVEPOINT \(identifier: savepoint)")
                _ = try? query("RELEASE SAVEPOINT \(identifier: savepoint)")
            }
            throw error
        }
        if depth == 0 {
            if isInFailedTransaction {
                // The body swallowed an error; COMMIT would silently roll back.
                _ = try? query("ROLLBACK")
                throw PostgresError(
                    kind: .client, message: "the transaction was aborted by an earlier error and has been rolled back")
            }
            try query("COMMIT")
        } else {
            try query("RELEASE SAVEPOINT \(identifier: savepoint)")
        }
        return value
    }

    /// Whether a statement failed in the open transaction, so that it only accepts ROLLBACK.
    var isInFailedTransaction: Bool {
        withHandle { PQtransactionStatus($0) == PQTRANS_INERROR }
    }
}
