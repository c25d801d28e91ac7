import Foundation
import Postgres
import Records
import Testing
import Vocabulary

@testable import Storage

/// Rows decode through `StoredRecord`; property names map to snake-case columns.
@Suite struct StoredRecordColumnTests {
    @Test(arguments: [
        ("id", "id"), ("centerID", "center_id"), ("distanceKm", "distance_km"), ("maxDaysPerWeek", "max_days_per_week"),
        ("smsSender", "sms_sender"), ("countsJSON", "counts_json"), ("assignmentId", "assignment_id"),
    ])
    func columnNames(property: String, column: String) {
        #expect(RowDecoder.column(for: property) == column)
    }

    @Test func errorNamesTableColumnAndValue() {
        let error = StoredValueError(table: "rosters", column: "state", value: "frozen")
        #expect(error.description == #"rosters.state holds "frozen", which ilson does not know"#)
        #expect(
            StoredValueError(table: "farms", column: "meeting_time").description
                == "farms.meeting_time holds a value ilson cannot read")
    }
}

/// An unknown status in the database is an error naming the table, the column and the value: never a silent
/// fallback. Each test drops the column's CHECK in its throwaway database and writes the value directly.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct UnknownStatusTests {
    static let day = Day(year: 2026, month: 12, day: 1)!

    @Test func unknownRosterStateThrows() throws {
        try SchemaTests.withSchema { db, seed in
            try db.query("ALTER TABLE rosters DROP CONSTRAINT rosters_state_known")
            try db.query(
                "INSERT INTO rosters (center_id, work_date, state) VALUES (\(seed.center), \(Self.day), 'frozen')")
            #expect(throws: StoredValueError(table: "rosters", column: "state", value: "frozen")) {
                try RosterStore.find(center: seed.center, date: Self.day, on: db)
            }
            #expect(throws: StoredValueError(table: "rosters", column: "state", value: "frozen")) {
                try BatchRosterStore.rosters(date: Self.day, on: db)
            }
        }
    }

    @Test func unknownAssignmentStatusThrows() throws {
        try SchemaTests.withSchema { db, seed in
            let request: Int64 = try db.query(
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount)
                VALUES (\(seed.center), \(seed.job), \(seed.farm), \(Self.day), '07:00', '16:00', 'harvest', 2)
                RETURNING id
                """)[0].decode("id")
            let (roster, _) = try RosterStore.findOrCreate(center: seed.center, date: Self.day, on: db)
            try AssignmentStore.insert(
                [NewAssignment(requestID: request, workerID: seed.worker, distanceKm: 4.2)], roster: roster.id,
                center: seed.center, date: Self.day, on: db)
            #expect(try AssignmentStore.live(roster: roster.id, on: db).map(\.status) == [.proposed])

            try db.query("ALTER TABLE assignments DROP CONSTRAINT assignments_status_known")
            try db.query("UPDATE assignments SET status = 'on_leave' WHERE roster_id = \(roster.id)")
            let unknown = StoredValueError(table: "assignments", column: "status", value: "on_leave")
            #expect(throws: unknown) { try AssignmentStore.live(roster: roster.id, on: db) }
            #expect(throws: unknown) { try AssignmentStore.live(worker: seed.worker, date: Self.day, on: db) }
        }
    }

    @Test func unknownRequestStatusThrows() throws {
        try SchemaTests.withSchema { db, seed in
            try db.query("ALTER TABLE labor_requests DROP CONSTRAINT labor_requests_status_known")
            try db.query(
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount,
                                            status)
                VALUES (\(seed.center), \(seed.job), \(seed.farm), \(Self.day), '07:00', '16:00', 'harvest', 2, 'paused')
                """)
            #expect(throws: StoredValueError(table: "labor_requests", column: "status", value: "paused")) {
                try RequestStore.list(center: seed.center, RequestFilter(), on: db)
            }
        }
    }
}

/// `BatchRunStore.withAdvisoryLock`: one holder at a time, released however the body ends.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct AdvisoryLockTests {
    struct Boom: Error {}
    static let day = Day(year: 2026, month: 12, day: 1)!

    /// Whether another session can take the lock now (and gives it back).
    static func free(_ url: String, job: BatchJob = .send, center: Int64 = 7) throws -> Bool {
        let other = try Connection(url)
        return try BatchRunStore.withAdvisoryLock(job: job, date: day, center: center, on: other) { true } ?? false
    }

    @Test func heldWhileTheBodyRunsAndReleasedAfter() throws {
        try TestDatabase.withDatabase { db, url in
            let inside = try BatchRunStore.withAdvisoryLock(job: .send, date: Self.day, center: 7, on: db) {
                try Self.free(url)
            }
            #expect(inside == false, "another session is refused while the body runs")
            #expect(try Self.free(url), "released when the body returns")
            #expect(try Self.free(url, job: .plan), "another job's lock is another lock")
        }
    }

    @Test func releasedWhenTheBodyThrows() throws {
        try TestDatabase.withDatabase { db, url in
            var heldInside: Bool?
            #expect(throws: Boom.self) {
                try BatchRunStore.withAdvisoryLock(job: .send, date: Self.day, center: 7, on: db) { () throws -> Int in
                    heldInside = try !Self.free(url)
                    throw Boom()
                }
            }
            #expect(heldInside == true)
            let freeAfter = try Self.free(url)
            #expect(freeAfter, "released when the body throws")
        }
    }

    @Test func nilWhenAnotherSessionHoldsIt() throws {
        try TestDatabase.withDatabase { db, url in
            let other = try Connection(url)
            let ran = try BatchRunStore.withAdvisoryLock(job: .plan, date: Self.day, center: 3, on: other) {
                try BatchRunStore.withAdvisoryLock(job: .plan, date: Self.day, center: 3, on: db) { "ran" }
            }
            #expect(ran == .some(nil), "the body did not run: another session held the lock")
        }
    }
}

/// The vocabulary's values through the database, and records that read strictly.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct StoredValueTests {
    @Test func dayAndTimeOfDayRoundTrip() throws {
        try TestDatabase.withDatabase { db, _ in
            let day = Day(year: 2028, month: 2, day: 29)!
            let row = try db.query(
                """
                SELECT \(day) AS d, (\(day) + 1) AS next, '07:30'::time AS t, to_char('18:05'::time, 'HH24:MI') AS s,
                       '07:30:15'::time AS seconds, NULL::date AS none
                """)[0]
            #expect(try row.decode("d", as: Day.self) == day)
            #expect(try row.decode("next", as: Day.self) == day.next)
            #expect(try row.decode("t", as: TimeOfDay.self) == TimeOfDay("07:30"))
            #expect(try row.decode("s", as: TimeOfDay.self) == TimeOfDay("18:05"))
            #expect(throws: RowDecodingError.self) { try row.decode("seconds", as: TimeOfDay.self) }
            #expect(try row.decode("none", as: Day?.self) == nil)
        }
    }

    @Test func aMissingColumnIsAnErrorEvenForAnOptionalProperty() throws {
        try TestDatabase.withDatabase { db, _ in
            let row = try db.query("SELECT 1::bigint AS id, 'JC' AS code, '진천' AS name")[0]
            let error = #expect(throws: RowDecodingError.self) { try CenterRecord(row: row) }
            #expect(error?.column == "sms_sender" && error?.problem == .noSuchColumn)
            let full = try db.query("SELECT 1::bigint AS id, 'JC' AS code, '진천' AS name, NULL AS sms_sender")[0]
            #expect(try CenterRecord(row: full).smsSender == nil)
        }
    }

    @Test func fetchOneRefusesTwoRows() throws {
        try TestDatabase.withDatabase { db, _ in
            #expect(throws: PostgresError.self) {
                try CenterRecord.fetchOne(
                    db,
                    "SELECT 1::bigint AS id, 'A' AS code, 'a' AS name, NULL AS sms_sender UNION ALL SELECT 2, 'B', 'b', NULL"
                )
            }
        }
    }
}
