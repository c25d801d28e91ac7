import Foundation
import Testing

@testable import Postgres

@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct TransactionTests {
    struct Boom: Error {}

    @Test func thrownErrorRollsEverythingBack() throws {
        try TestDatabase.withDatabase { db, _ in
            try db.query("CREATE TABLE t (v text)")
            #expect(throws: Boom.self) {
                try db.transaction { tx in
                    try tx.query("INSERT INTO t VALUES (\("one"))")
                    try tx.query("INSERT INTO t VALUES (\("two"))")
                    throw Boom()
                }
            }
            #expect(try db.query("SELECT count(*) AS n FROM t")[0].decode("n", as: Int.self) == 0)
            #expect(db.transactionDepth == 0)
        }
    }

    @Test func commitsOnReturnAndReturnsTheValue() throws {
        try TestDatabase.withDatabase { db, _ in
            try db.query("CREATE TABLE t (id serial, v text)")
            let id = try db.transaction(isolation: .serializable) { tx in
                try tx.query("INSERT INTO t (v) VALUES (\("kept")) RETURNING id")[0].decode("id", as: Int.self)
            }
            #expect(try db.query("SELECT v FROM t WHERE id = \(id)")[0].decode("v", as: String.self) == "kept")
        }
    }

    @Test func nestedSavepointRollbackKeepsOuterWork() throws {
        try TestDatabase.withDatabase { db, _ in
            try db.query("CREATE TABLE t (v text UNIQUE)")
            try db.transaction { tx in
                try tx.query("INSERT INTO t VALUES (\("outer"))")
                #expect(throws: Boom.self) {
                    try tx.transaction { inner in
                        try inner.query("INSERT INTO t VALUES (\("inner"))")
                        throw Boom()
                    }
                }
                // A server error inside a savepoint also leaves the outer transaction usable.
                #expect(throws: PostgresError.self) {
                    try tx.transaction { inner in try inner.query("INSERT INTO t VALUES (\("outer"))") }
                }
                try tx.transaction { inner in try inner.query("INSERT INTO t VALUES (\("nested kept"))") }
            }
            let values = try db.query("SELECT v FROM t ORDER BY v").map { try $0.decode("v", as: String.self) }
            #expect(values == ["nested kept", "outer"])
        }
    }

    @Test func swallowedServerErrorDoesNotPretendToCommit() throws {
        try TestDatabase.withDatabase { db, _ in
            try db.query("CREATE TABLE t (v int)")
            #expect(throws: PostgresError.self) {
                try db.transaction { tx in
                    try tx.query("INSERT INTO t VALUES (1)")
                    _ = try? tx.query("SELECT 1/0")
                }
            }
            #expect(try db.query("SELECT count(*) AS n FROM t")[0].decode("n", as: Int.self) == 0)
        }
    }

    @Test func uniqueViolationIsANamedCaseWithTheConstraint() throws {
        try TestDatabase.withDatabase { db, _ in
            try db.query("CREATE TABLE workers (phone text CONSTRAINT workers_phone_key UNIQUE)")
            try db.query("INSERT INTO workers VALUES (\("01012345678"))")
            do {
                try db.query("INSERT INTO workers VALUES (\("01012345678"))")
                Issue.record("expected a unique violation")
            } catch let error as PostgresError {
                #expect(error.kind == .uniqueViolation(constraint: "workers_phone_key"))
                #expect(error.sqlState == .uniqueViolation)
                #expect(error.constraint == "workers_phone_key")
                #expect(error.table == "workers")
                #expect(error.detail?.contains("01012345678") == true)
                // The description is safe for logs: no bind value.
                #expect(!error.description.contains("01012345678"))
                #expect(error.description.contains("23505"))
                #expect(error.description.contains("workers_phone_key"))
            }
        }
    }

    @Test func otherNamedKinds() throws {
        try TestDatabase.withDatabase { db, _ in
            try db.query("CREATE TABLE p (id int PRIMARY KEY)")
            try db.query(
                "CREATE TABLE c (p int CONSTRAINT c_p_fkey REFERENCES p, n int CONSTRAINT c_n_check CHECK (n > 0))")
            #expect(throws: PostgresError(kind: .foreignKeyViolation(constraint: "c_p_fkey"), message: "")) {
                try db.query("INSERT INTO c VALUES (1, 1)")
            }
            #expect(throws: PostgresError(kind: .checkViolation(constraint: "c_n_check"), message: "")) {
                try db.query("INSERT INTO c VALUES (NULL, 0)")
            }
            do {
                try db.query("SELEC 1")
                Issue.record("expected a syntax error")
            } catch let error as PostgresError {
                #expect(error.kind == .server(.syntaxError))
            }
        }
    }

    @Test func noticesAreCollectedNotPrinted() throws {
        try TestDatabase.withDatabase { _, url in
            var seen: [String] = []
            let db = try Connection(url, onNotice: { seen.append($0.message) })
            try db.query("DO $$ BEGIN RAISE NOTICE 'hello %', 'notice'; END $$")
            #expect(seen == ["hello notice"])
            #expect(db.notices.map(\.severity) == ["NOTICE"])
        }
    }

    @Test func sessionIsSetUp() throws {
        try TestDatabase.withDatabase { db, _ in
            let row = try db.query(
                """
                SELECT current_setting('TimeZone') AS tz, current_setting('DateStyle') AS ds,
                       current_setting('client_encoding') AS enc, current_setting('application_name') AS app,
                       '2026-05-14 06:30:00+09'::timestamptz AS ts
                """)[0]
            #expect(try row.decode("tz", as: String.self) == "Asia/Seoul")
            #expect(try row.decode("ds", as: String.self).hasPrefix("ISO"))
            #expect(try row.decode("enc", as: String.self) == "UTF8")
            #expect(try row.decode("app", as: String.self) == "ilson-tests")
            #expect(try row.decode("ts", as: Date.self) == Date(timeIntervalSince1970: 1_778_707_800))
        }
    }

    @Test func equalityHelper() {
        // PostgresError matching in #expect(throws:) compares kinds only.
        #expect(
            PostgresError(kind: .serializationFailure, message: "a")
                == PostgresError(kind: .serializationFailure, message: "b"))
    }
}

extension PostgresError: Equatable {
    /// Tests compare errors by kind.
    public static func == (lhs: PostgresError, rhs: PostgresError) -> Bool { lhs.kind == rhs.kind }
}
