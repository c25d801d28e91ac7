import Foundation
import Postgres
import SMSFakeProvider
import Storage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The database restarted in the middle of a send, on a throwaway cluster of the test's own
/// (`scripts/dev-db` with `ILSON_PGDATA`), so other suites are not disturbed.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct RestartTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `scripts/dev-db command` for the cluster in `pgdata`; returns its standard output.
    @discardableResult
    static func devDB(_ command: String, pgdata: String) throws -> String {
        // posix_spawn and waitpid, not Foundation's Process: its wait does not return while the server that
        // `start` leaves running holds inherited descriptors.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dev-db-\(UUID().uuidString)").path
        let err = out + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let script = root.appendingPathComponent("scripts/dev-db").path
        let arguments = [
            "/bin/bash", "-c", "exec \"$0\" \"$1\" >\"$2\" 2>\"$3\" </dev/null", script, command, out, err,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["ILSON_PGDATA"] = pgdata
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for argument in argv { free(argument) }
            for variable in envp { free(variable) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/bash", nil, nil, argv, envp) == 0 else {
            throw DevDBFailure(command: command, status: -1)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            // What dev-db said (a failed start prints the server log's tail), so a failure names its cause.
            let said = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            throw DevDBFailure(command: command, status: status, stderr: said)
        }
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }

    struct DevDBFailure: Error, CustomStringConvertible {
        var command: String
        var status: Int32
        /// dev-db's standard error.
        var stderr: String = ""
        var description: String { "dev-db \(command) exited with status \(status): \(stderr)" }
    }

    /// A private cluster for one test (in a scratch folder named `prefix-…`): started, its data folder and URL given to
    /// `body`, destroyed afterwards.
    static func withPrivateCluster(_ prefix: String, _ body: (_ pgdata: String, _ base: String) throws -> Void) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path)
        let pgdata = scratch.appendingPathComponent("pg").path
        defer {
            _ = try? devDB("destroy", pgdata: pgdata)
            try? FileManager.default.removeItem(at: scratch)
        }
        try devDB("start", pgdata: pgdata)
        let envText = try devDB("env", pgdata: pgdata)
        let base = try #require(
            envText.split(separator: "\n").first { $0.hasPrefix("export ILSON_DATABASE_URL=") }
                .map { String($0.dropFirst("export ILSON_DATABASE_URL='".count).dropLast()) })
        try body(pgdata, base)
    }

    /// Starts the cluster again and runs `arguments` once more with the provider healthy: exit 0, every outbox row of
    /// the roster sent, each message delivered once. Returns a new connection and the outbox, for more checks.
    static func runAgainAfterARestart(
        pgdata: String, url: String, _ arguments: [String], environment: [String: String],
        provider: FakeSMSProvider, roster: Fixtures.Roster, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (Connection, [String: (state: String, kind: String, attempts: Int)]) {
        try devDB("start", pgdata: pgdata)
        provider.clearFaults()
        let db = try Connection(url)
        let done = try IlsonProcess.run(arguments, environment: environment)
        #expect(done.status == 0, "\(done)", sourceLocation: sourceLocation)
        let rows = try Fixtures.outbox(roster.rosterId, on: db)
        #expect(rows.values.allSatisfy { $0.state == "sent" }, sourceLocation: sourceLocation)
        #expect(provider.sentCount == roster.expectedMessages, sourceLocation: sourceLocation)
        #expect(
            Set(provider.sentMessages.map(\.idempotencyKey)) == Set(rows.keys), sourceLocation: sourceLocation)
        return (db, rows)
    }

    @Test func restartMidSendExitsThreeThenCompletes() throws {
        try RestartTests.withPrivateCluster("ilson-restart") { pgdata, base in
            try TestDatabase.withMigratedDatabase(base: base) { db, url in
                let provider = try FakeSMSProvider()
                defer { provider.stop() }
                let roster = try Fixtures.approvedRoster(on: db, farms: 10, perFarm: 10)
                provider.delayResponses(by: 0.02)
                let env = IlsonProcess.environment(url: url, provider: provider)
                let arguments = [
                    "batch", "send", "--date", Fixtures.day.description, "--chunk-size", "10",
                    "--concurrency", "2",
                ]
                let send = try IlsonProcess(arguments, environment: env)
                let deadline = Date().addingTimeInterval(20)
                while provider.sentCount < 20 && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
                try RestartTests.devDB("stop", pgdata: pgdata)
                let failed = send.wait()
                #expect(failed.status == 3, "\(failed)")
                #expect(
                    failed.stderr.contains("cannot reach the database") || failed.stderr.contains("database"),
                    "\(failed)")
                let (db2, _) = try RestartTests.runAgainAfterARestart(
                    pgdata: pgdata, url: url, arguments, environment: env, provider: provider, roster: roster)
                #expect(Set(provider.sentMessages.map { "\($0.to)/\($0.kind)" }).count == roster.expectedMessages)
                #expect(try Fixtures.rosterState(roster.rosterId, on: db2) == "sent")
                print(
                    "restart test: first run exit \(failed.status): \(failed.stderr.split(separator: "\n").first ?? "")"
                )
            }
        }
    }
}
