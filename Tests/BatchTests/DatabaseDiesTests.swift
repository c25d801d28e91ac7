import Foundation
import Operations
import Postgres
import SMSFakeProvider
import Storage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The database dies in the middle of a send (`pg_ctl stop -m immediate`: the postmaster gets SIGQUIT, every
/// backend quits at once without a word to its client), on a throwaway cluster of the test's own: `batch send`
/// says the database cannot be reached (exit 3, as the README's table says), never "bad input" (2); after a
/// restart the next run completes with every message delivered once.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct DatabaseDiesTests {
    /// The postmaster's pid, from the first line of `postmaster.pid`.
    static func postmasterPID(pgdata: String) throws -> pid_t {
        let text = try String(contentsOfFile: pgdata + "/postmaster.pid", encoding: .utf8)
        return try #require(text.split(separator: "\n").first.flatMap { pid_t(String($0)) })
    }

    /// `pg_ctl stop -m immediate`, as a signal: SIGQUIT to the postmaster, then wait until it is gone.
    static func stopImmediately(pgdata: String) throws {
        let pid = try postmasterPID(pgdata: pgdata)
        #expect(kill(pid, SIGQUIT) == 0)
        let deadline = Date().addingTimeInterval(30)
        while kill(pid, 0) == 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(kill(pid, 0) != 0, "the postmaster stopped")
    }

    /// An idle connection whose server died: libpq's send fails ("server closed the connection unexpectedly")
    /// while the connection still looks open; the error is a lost connection, exit 3, not a client error.
    @Test func idleConnectionToADeadServerIsALostConnection() throws {
        try RestartTests.withPrivateCluster("ilson-dies") { pgdata, base in
            let db = try Connection(base)
            try db.query("SELECT 1")
            try DatabaseDiesTests.stopImmediately(pgdata: pgdata)
            let error = try #require(throws: PostgresError.self) { try db.query("SELECT 1") }
            #expect(error.kind == .connectionFailure, "\(error)")
            let mapped = try #require(OperationError(lowerLayer: error))
            guard case .unreachable(let message) = mapped else {
                Issue.record("\(mapped) is not unreachable")
                return
            }
            #expect(message.contains("cannot reach the database") && message.contains("was lost"), "\(message)")
            try RestartTests.devDB("start", pgdata: pgdata)
        }
    }

    /// The server stopped while `batch send` waits for a retry (its connections idle): exit 3; after a restart
    /// the next run completes, each message delivered once.
    @Test func serverStoppedImmediatelyWhileSendWaitsExitsThreeThenCompletes() throws {
        try RestartTests.withPrivateCluster("ilson-dies") { pgdata, base in
            try TestDatabase.withMigratedDatabase(base: base) { db, url in
                let provider = try FakeSMSProvider()
                defer { provider.stop() }
                let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 3)
                provider.fail(forSeconds: 600, status: 503)
                let env = IlsonProcess.environment(url: url, provider: provider)
                let arguments = [
                    "batch", "send", "--date", Fixtures.day.description, "--retry-base", "4", "--max-wait", "30",
                ]
                let send = try IlsonProcess(arguments, environment: env)
                // Every message tried once and refused (503): the run now sleeps until the retry is due.
                let deadline = Date().addingTimeInterval(20)
                while provider.requestCount < roster.expectedMessages && Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.01)
                }
                Thread.sleep(forTimeInterval: 0.5)
                try DatabaseDiesTests.stopImmediately(pgdata: pgdata)
                let failed = send.wait()
                #expect(!failed.killed && failed.status == 3, "\(failed)")
                #expect(failed.stderr.contains("cannot reach the database"), "\(failed)")
                #expect(!failed.stderr.contains("client error"), "\(failed)")

                let (_, rows) = try RestartTests.runAgainAfterARestart(
                    pgdata: pgdata, url: url, arguments, environment: env, provider: provider, roster: roster)
                #expect(rows.count == roster.expectedMessages)
            }
        }
    }
}
