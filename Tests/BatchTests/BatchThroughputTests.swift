import Foundation
import Postgres
import SMSFakeProvider
import Storage
import Testing

/// The time to send a day's messages to the local provider through the whole batch (outbox writes included).
/// `ILSON_MEASURE=1` sends 10,000 (run it on a release build: `ILSON_BIN=.build/release/ilson`); else 1,000.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct BatchThroughputTests {
    @Test func wholeBatchToTheLocalProvider() throws {
        let measure = ProcessInfo.processInfo.environment["ILSON_MEASURE"] == "1"
        // 10,000 messages: 400 farms × 24 workers (9,600 assignments) + 400 farmer lists.
        let (farms, perFarm) = measure ? (400, 24) : (40, 24)
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: farms, perFarm: perFarm)
            let started = Date()
            let out = try IlsonProcess.run(
                ["batch", "send", "--date", Fixtures.day.description, "--chunk-size", "500", "--concurrency", "8"],
                environment: IlsonProcess.environment(url: url, provider: provider))
            let seconds = Date().timeIntervalSince(started)
            #expect(out.status == 0, "\(out)")
            #expect(provider.sentCount == roster.expectedMessages)
            print(
                "throughput: \(roster.expectedMessages) messages through batch send (outbox writes included) in "
                    + String(format: "%.2f s (%.0f/s)", seconds, Double(roster.expectedMessages) / seconds)
                    + " with \(IlsonProcess.binary)")
        }
    }
}
