import Foundation
import Operations
import Postgres
import SMSFakeProvider
import Storage
import Testing

/// How a day-of change writes the worker it places (`DayOfAdmission.write`, for `roster replace` and for `roster
/// assign` on a sent roster): a pinned assignment, approved once the roster is no longer a draft, and an audit row by
/// the command that made it (with the assign's reason).
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct DayOfPinWriteTests {
    /// The live assignment of the worker with `phone`: its id, status and whether it is pinned.
    static func live(_ db: Connection, phone: String) throws -> (id: Int64, status: String, pinned: Bool) {
        let row = try #require(
            try db.query(
                """
                SELECT a.id, a.status, a.pinned FROM assignments a JOIN workers w ON w.id = a.worker_id
                WHERE w.phone = \(phone) AND a.status NOT IN ('declined', 'cancelled')
                """
            ).first)
        return (try row.decode("id"), try row.decode("status"), try row.decode("pinned"))
    }

    /// The audit rows that created an assignment: via and reason.
    static func created(_ db: Connection, assignment id: Int64) throws -> [String] {
        try db.query(
            """
            SELECT via, coalesce(reason, '-') AS reason FROM audit_log
            WHERE entity = 'assignment' AND entity_id = \(String(id)) AND action = 'create'
            """
        ).map { "\(try $0.decode("via", as: String.self)) / \(try $0.decode("reason", as: String.self))" }
    }

    /// `roster replace` of the roster's first worker by a new free worker with `phone`: the new assignment has
    /// `status`, is pinned, and has one audit row by `roster replace` (no reason).
    static func expectReplacement(
        _ db: Connection, _ roster: Fixtures.Roster, status: String, by phone: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let center = try Centers.resolve("JC", on: db)
        _ = try DayOfTests.freeWorker(db, center: roster.centerId, phone: phone, name: "대신")
        _ = try RosterDecline.replace(
            center: center, date: Fixtures.day, worker: .phone(roster.workerPhones[0]), with: .phone(phone), on: db,
            clock: DayOfTests.clock)
        let replaced = try Self.live(db, phone: phone)
        #expect(replaced.status == status && replaced.pinned, sourceLocation: sourceLocation)
        #expect(try Self.created(db, assignment: replaced.id) == ["roster replace / -"], sourceLocation: sourceLocation)
    }

    @Test func aReplacementAndAnAssignOnASentRosterAreWrittenPinnedApprovedAndAudited() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 2, perFarm: 2)
            let center = try Centers.resolve("JC", on: db)

            // On the approved roster: the replacement is approved at once, pinned, and audited by `roster replace`.
            try Self.expectReplacement(db, roster, status: "approved", by: "01099990001")

            // On the sent roster: a gap left by a decline, filled by `roster assign` with a reason.
            #expect(try DayOfTests.send(url, provider).status == 0)
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "sent")
            let request = try DayOfTests.requestOf(db, phone: roster.workerPhones[1])
            _ = try RosterDecline.decline(
                center: center, date: Fixtures.day, worker: .phone(roster.workerPhones[1]), reason: "아픔", on: db,
                clock: DayOfTests.clock)
            let second = "01099990002"
            _ = try DayOfTests.freeWorker(db, center: roster.centerId, phone: second, name: "이둘")
            _ = try RosterEditor.assign(
                center: center, date: Fixtures.day, request: request, worker: .phone(second), reason: "농가 요청", on: db,
                clock: DayOfTests.clock)
            let assigned = try Self.live(db, phone: second)
            #expect(assigned.status == "approved" && assigned.pinned)
            #expect(try Self.created(db, assignment: assigned.id) == ["roster assign / 농가 요청"])
            #expect(try DayOfTests.requestOf(db, phone: second) == request)
        }
    }

    /// On a draft (the approved roster reopened), the replacement stays proposed, pinned.
    @Test func onADraftTheReplacementIsProposed() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 2)
            let center = try Centers.resolve("JC", on: db)
            _ = try RosterApproval.reopen(center: center, date: Fixtures.day, on: db, clock: DayOfTests.clock)
            #expect(try Fixtures.rosterState(roster.rosterId, on: db) == "draft")
            try Self.expectReplacement(db, roster, status: "proposed", by: "01099990003")
        }
    }
}
