import Foundation
import Postgres
import SMSFakeProvider
import Storage
import Testing

/// `scripts/ilson-cron` under cron's bare environment (`env -i`) runs a real batch.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct CronScriptTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/ilson-cron").path

    @Test func runsABatchUnderEnvI() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider(apiKey: "cron-secret-key")
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 3, noConsentEvery: 4)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-cron-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let config = dir.appendingPathComponent("ilson.conf").path
            try """
            # ilson configuration for the cron test
            ILSON_DATABASE_URL='\(url)'
            ILSON_SMS_GATEWAY=http
            ILSON_SMS_URL=\(provider.baseURL)
            ILSON_SMS_API_KEY=\(provider.apiKey)
            """.write(toFile: config, atomically: true, encoding: .utf8)
            let log = dir.appendingPathComponent("cron.log").path
            let out = try runEnvI([
                "ILSON_CONFIG=\(config)", "ILSON_BIN=\(IlsonProcess.binary)", "ILSON_CRON_LOG=\(log)",
                "/bin/bash", CronScriptTests.script, "batch", "send", "--date", Fixtures.day.description,
            ])
            #expect(out == 0)
            let text = try String(contentsOfFile: log, encoding: .utf8)
            #expect(provider.sentCount == roster.expectedMessages, "\(text)")
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
            let lines = text.split(separator: "\n")
            #expect(
                lines.allSatisfy {
                    $0.range(of: #"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d KST "#, options: .regularExpression) != nil
                },
                "\(text)")
            // Cron's bare environment has no ILSON_LANG: the log a coordinator is mailed is Korean, ilson's default.
            #expect(text.contains("exit 0") && text.contains("전화 (문자 동의 없음)"), "\(text)")
            #expect(!text.contains("CALL (no SMS consent)"), "\(text)")
            #expect(!text.contains("cron-secret-key"))
            #expect(text.range(of: #"01[016789]-?\d{4}-?\d{4}"#, options: .regularExpression) == nil, "phones masked")
            // Exit codes pass through: a database that cannot be reached is 3.
            try "ILSON_DATABASE_URL='postgresql://nobody@127.0.0.1:1/none?connect_timeout=2'\n"
                .write(toFile: config, atomically: true, encoding: .utf8)
            let down = try runEnvI([
                "ILSON_CONFIG=\(config)", "ILSON_BIN=\(IlsonProcess.binary)", "ILSON_CRON_LOG=\(log)",
                "/bin/bash", CronScriptTests.script, "batch", "send", "--date", Fixtures.day.description,
            ])
            #expect(down == 3)
        }
    }

    /// `env -i ARGS…`: returns the exit status.
    func runEnvI(_ arguments: [String]) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["-i"] + arguments
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }
}
