import Foundation
import Postgres
import SMSFakeProvider
import Storage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The bounds of a `batch send`: its time against a slow provider, a configuration error before any change, and
/// the messages a SIGKILL makes it send again.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct SendBoundsTests {
    static var date: String { Fixtures.day.description }

    /// A provider slower than the request timeout: every send times out. The run stops starting sends at
    /// `--max-wait` and ends within one request timeout after it; what is left stays pending, nothing `sending`.
    @Test func slowProviderRunEndsWithinMaxWaitPlusOneTimeout() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 5)
            provider.delayResponses(by: 3)
            let (maxWait, timeout) = (2.0, 2.0)
            let env = IlsonProcess.environment(
                url: url, provider: provider, extra: ["ILSON_SMS_TIMEOUT": String(Int(timeout))])
            let started = Date()
            let out = try IlsonProcess.run(
                [
                    "batch", "send", "--date", Self.date, "--max-wait", String(maxWait), "--retry-base", "0.2",
                    "--concurrency", "2",
                ], environment: env)
            let elapsed = Date().timeIntervalSince(started)
            #expect(out.status == 1, "\(out)")
            // Process start and the database work take well under a second and a half.
            #expect(
                elapsed < maxWait + timeout + 1.5, "ran \(elapsed) s with --max-wait \(maxWait), timeout \(timeout)")
            #expect(out.stdout.contains("--max-wait"), "\(out)")
            let rows = try Fixtures.outbox(roster.rosterId, on: db)
            #expect(rows.count == roster.expectedMessages)
            #expect(!rows.values.contains { $0.state == "sending" }, "no claim left behind")
            // Only the sends started before the deadline count as attempts (2 at a time, each 2 s).
            let attempts = rows.values.map(\.attempts).reduce(0, +)
            #expect(attempts >= 1 && attempts <= 4, "attempts \(attempts)")
            #expect(rows.values.filter { $0.attempts == 0 }.count >= roster.expectedMessages - 4)
            print("slow provider: --max-wait \(maxWait), timeout \(timeout): ran \(elapsed) s, \(attempts) attempt(s)")
        }
    }

    /// The `http` gateway with no sender number anywhere: exit 2 naming the setting, and nothing changed — the
    /// roster still approved, no outbox row, no run recorded, nothing sent.
    @Test func missingSenderStopsBeforeAnyChange() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 2)
            try db.query("UPDATE centers SET sms_sender = NULL WHERE id = \(roster.centerId)")
            let out = try IlsonProcess.run(
                ["batch", "send", "--date", Self.date],
                environment: IlsonProcess.environment(url: url, provider: provider))
            #expect(out.status == 2, "\(out)")
            #expect(out.stderr.contains("no sender number") && out.stderr.contains("ILSON_SMS_SENDER"), "\(out)")
            #expect(out.stderr.contains("stopped before changing anything"), "\(out)")
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "approved")
            #expect(try Fixtures.outbox(roster.rosterId, on: db).isEmpty)
            #expect(try BatchRunStore.runs(job: .send, date: Fixtures.day, on: db).isEmpty)
            #expect(provider.requestCount == 0)
            // With the sender set, the same run sends everything.
            let fixed = try IlsonProcess.run(
                ["batch", "send", "--date", Self.date],
                environment: IlsonProcess.environment(
                    url: url, provider: provider, extra: ["ILSON_SMS_SENDER": "0435391234"]))
            #expect(fixed.status == 0, "\(fixed)")
            #expect(provider.sentCount == roster.expectedMessages)
        }
    }

    /// Killed (SIGKILL) the moment the provider answered, before the answer is recorded, again and again: each
    /// result is recorded as it returns, so a kill leaves unrecorded only the sends in flight — at most
    /// `--concurrency` messages sent again per kill (one with `--concurrency 1`), however large the chunk.
    @Test(arguments: [1, 4])
    func killedMidChunkResendsAtMostTheSendsInFlight(concurrency: Int) throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            // 1 farm × 40 workers: 41 messages, all in one chunk of 100.
            let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 40)
            let env = IlsonProcess.environment(url: url, provider: provider)
            let arguments = ["batch", "send", "--date", Self.date, "--concurrency", String(concurrency)]
            // Steps: 1 locked, (first run: 2 outbox written, 3 committed), claim, then one per provider answer.
            var kills = 0
            for point in [12, 9, 10, 8] {
                var e = env
                e["ILSON_TEST_CRASH_AFTER"] = String(point)
                let out = try IlsonProcess.run(arguments, environment: e)
                #expect(out.killed && out.status == SIGKILL, "\(out)")
                if out.killed { kills += 1 }
            }
            let final = try IlsonProcess.run(arguments, environment: env)
            #expect(final.status == 0, "\(final)")
            let rows = try Fixtures.outbox(roster.rosterId, on: db)
            #expect(rows.count == roster.expectedMessages && rows.values.allSatisfy { $0.state == "sent" })
            #expect(provider.sentCount == roster.expectedMessages)
            let resent = provider.requestCount - provider.sentCount
            #expect(
                resent <= kills * concurrency, "\(resent) re-sends after \(kills) kills at concurrency \(concurrency)")
            print("kills mid-chunk: concurrency \(concurrency), \(kills) kills, \(resent) message(s) sent again")
        }
    }
}
