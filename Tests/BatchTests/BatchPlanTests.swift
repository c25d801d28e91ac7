import Foundation
import Postgres
import SMSFakeProvider
import Storage
import Testing

/// `batch plan` → `roster approve` → `batch send`, through the binary.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct BatchPlanTests {
    @Test func planApproveSend() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            // A day with requests but no roster: the fixture's roster is removed, its requests and workers stay.
            let fixture = try Fixtures.approvedRoster(on: db, farms: 3, perFarm: 2)
            try db.query("DELETE FROM rosters WHERE id = \(fixture.rosterId)")
            let date = Fixtures.day.description
            let env = IlsonProcess.environment(url: url, provider: provider)
            let plan = try IlsonProcess.run(["batch", "plan", "--date", date], environment: env)
            #expect(plan.status == 0, "\(plan)")
            #expect(plan.stdout.contains("JC: draft roster"), "\(plan)")
            let draftSend = try IlsonProcess.run(["batch", "send", "--date", date], environment: env)
            #expect(draftSend.status == 1 && draftSend.stdout.contains("DRAFT"), "\(draftSend)")
            #expect(provider.sentCount == 0)
            let approve = try IlsonProcess.run(["roster", "approve", "--date", date], environment: env)
            #expect(approve.status == 0, "\(approve)")
            // Planning again leaves an approved roster alone.
            let again = try IlsonProcess.run(["batch", "plan", "--date", date], environment: env)
            #expect(again.status == 0 && again.stdout.contains("no center needs a plan"), "\(again)")
            let send = try IlsonProcess.run(["batch", "send", "--date", date], environment: env)
            #expect(send.status == 0, "\(send)")
            let assigned: Int = try db.query(
                "SELECT count(*)::bigint AS n FROM assignments WHERE status NOT IN ('declined', 'cancelled')"
            ).first!.decode("n")
            #expect(assigned > 0)
            #expect(provider.sentMessages.filter { $0.kind == "assignment" }.count == assigned)
            let runs = try BatchRunStore.runs(job: .plan, date: Fixtures.day, on: db)
            #expect(runs.first?.outcome == .done)
        }
    }
}
