import Foundation
import Postgres
import SMSFakeProvider
import Storage
import Testing

/// `batch send` killed with SIGKILL again and again, then run to the end: every message delivered exactly once.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct CrashTests {
    @Test func killedAtManyPointsThenCompletedDeliversEachMessageOnce() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            // 60 farms × 6 workers: 360 assignments + 60 farmer lists = 420 messages. Each kill leaves at most the
            // sends in flight unrecorded, so the runs progress: enough messages that the planned points still kill.
            let roster = try Fixtures.approvedRoster(on: db, farms: 60, perFarm: 6)
            #expect(roster.expectedMessages >= 400)
            let date = Fixtures.day.description
            let env = IlsonProcess.environment(url: url, provider: provider)
            let arguments = ["batch", "send", "--date", date, "--chunk-size", "16", "--concurrency", "4"]

            // Steps (per process): 1 locked · 2 outbox written, uncommitted · 3 outbox committed · then per
            // chunk: claim committed · one step per provider answer (taken, not yet recorded) · outcomes recorded.
            // The first points hit the outbox write (before, during, after); later ones land in deliveries as
            // the outbox progresses from run to run.
            let points = [
                1, 2, 2, 1, 3, 2, 4, 5, 6, 7, 9, 11, 13, 17, 18, 19, 20, 21, 2, 3, 5, 8, 12, 16, 19, 22, 25,
                30, 37, 41, 3, 18,
            ]
            var killed = 0
            var finishedEarly = 0
            var crashOutcomes: [String: Int] = [:]
            for n in points {
                var e = env
                e["ILSON_TEST_CRASH_AFTER"] = String(n)
                let out = try IlsonProcess.run(arguments, environment: e)
                if out.killed && out.status == SIGKILL {
                    killed += 1
                } else {
                    finishedEarly += 1
                    #expect(out.status == 0, "\(out)")
                }
                let states = try Fixtures.outbox(roster.rosterId, on: db).values.map(\.state)
                let key = "n=\(n) sent=\(states.filter { $0 == "sent" }.count)"
                crashOutcomes[key, default: 0] += 1
            }
            // Kills at random moments.
            var generator = SystemRandomNumberGenerator()
            provider.delayResponses(by: 0.005)
            for _ in 0..<10 {
                let p = try IlsonProcess(arguments, environment: env)
                Thread.sleep(forTimeInterval: Double.random(in: 0.02...0.25, using: &generator))
                p.kill()
                if p.wait().killed { killed += 1 } else { finishedEarly += 1 }
            }
            provider.clearFaults()
            var final = try IlsonProcess.run(arguments, environment: env)
            var runs = 1
            while final.status != 0 && runs < 5 {
                final = try IlsonProcess.run(arguments, environment: env)
                runs += 1
            }
            #expect(final.status == 0, "\(final)")

            let rows = try Fixtures.outbox(roster.rosterId, on: db)
            let sent = provider.sentMessages
            let byKey = Dictionary(grouping: sent, by: \.idempotencyKey).mapValues(\.count)
            let byRecipientKind = Dictionary(grouping: sent, by: { "\($0.to)/\($0.kind)" }).mapValues(\.count)
            #expect(rows.count == roster.expectedMessages, "one outbox row per message, written once")
            #expect(rows.values.allSatisfy { $0.state == "sent" })
            #expect(Set(byKey.keys) == Set(rows.keys), "none lost, none unknown")
            #expect(byKey.values.allSatisfy { $0 == 1 })
            #expect(byRecipientKind.count == roster.expectedMessages && byRecipientKind.values.allSatisfy { $0 == 1 })
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
            let requests = provider.requestCount
            let attempts = rows.values.map(\.attempts).reduce(0, +)
            print(
                """
                crash test: \(points.count + 10) runs killed or ended at \(crashOutcomes.count) distinct \
                (crash step, progress) points plus 10 random moments (\(killed) killed by SIGKILL, \
                \(finishedEarly) finished before their crash point), then \(runs) final run(s); \
                outbox \(rows.count) rows; provider: \(requests) requests, \(sent.count) distinct messages \
                (by idempotency key), \(byRecipientKind.count) distinct (recipient, kind), max per key \
                \(byKey.values.max() ?? 0); \(requests - sent.count) repeated requests de-duplicated by key; \
                attempts recorded \(attempts)
                """)
            // Each result is recorded as it returns: a kill leaves at most the 4 sends in flight to be sent again.
            #expect(requests - sent.count <= killed * 4, "\(requests - sent.count) re-sends after \(killed) kills")
            #expect(killed >= 30)
            #expect(crashOutcomes.count >= 25)
        }
    }
}
