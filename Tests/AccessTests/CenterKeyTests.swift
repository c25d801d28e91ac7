import Foundation
import Postgres
import Testing

/// Unique keys tell a coordinator nothing about another center (sql/011): a row naming another center's ids fails
/// with the same error whether that center has a matching row or not.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct CenterKeyTests {
    /// The SQLSTATE and constraint of a statement's failure, as `person` (nil when it succeeded; rolled back).
    static func failure(_ db: Connection, _ sql: PostgresQuery) throws -> String? {
        try db.query("BEGIN")
        defer { _ = try? db.query("ROLLBACK") }
        do {
            try db.query(sql)
            return nil
        } catch {
            return "\(error.sqlState?.rawValue ?? "?") \(error.constraint ?? "")"
        }
    }

    @Test func aCoordinatorCannotLearnByAKeyWhetherAnotherCentersWorkerWorks() throws {
        try AccessWorld.with { w in
            // wB1 works day D in center B (assignment aB); wB2 does not.
            for (person, center, roster, request, busy, idle) in [
                (Person.coordinatorA, w["cA"], w["roA"], w["rA"], w["wB1"], w["wB2"]),
                (Person.coordinatorB, w["cB"], w["roB"], w["rB"], w["wA1"], w["wA2"]),
            ] {
                let db = try w.connect(as: person)
                func probe(_ worker: Int64) throws -> String? {
                    try Self.failure(
                        db,
                        """
                        INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date)
                        VALUES (\(center), \(roster), \(request), \(worker), \(w.day)::date)
                        """)
                }
                let (onBusy, onIdle) = (try probe(busy), try probe(idle))
                #expect(onBusy != nil && onBusy == onIdle, "\(person): \(onBusy ?? "ok") vs \(onIdle ?? "ok")")
                #expect(onBusy?.hasPrefix("23505") == false)
            }
        }
    }

    @Test func aCoordinatorCannotLearnByAKeyWhetherAnotherCentersFarmAskedForWork() throws {
        try AccessWorld.with { w in
            // Center B's farm FC1 asks for harvest at 07:00 on day D (rB), not at 08:00.
            let db = try w.connect(as: .coordinatorA)
            func probe(_ start: String, job: Int64) throws -> String? {
                try Self.failure(
                    db,
                    """
                    INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount)
                    VALUES (\(w["cA"]), \(job), \(w["farmB"]), \(w.day)::date, \(start)::time, '16:00', 'harvest', 1)
                    """)
            }
            // A's own new job (no request yet, so its own day key is free), and B's job.
            let fresh: Int64 = try w.db.query(
                "INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (\(w["cA"]), \(w["farmA"]), 'harvest') RETURNING id"
            )[0].decode("id")
            for job in [fresh, w["jB"]] {
                let (asked, notAsked) = (try probe("07:00", job: job), try probe("08:00", job: job))
                #expect(asked != nil && asked == notAsked, "\(asked ?? "ok") vs \(notAsked ?? "ok")")
                #expect(asked?.hasPrefix("23505") == false)
            }
            // And attendance: an assignment of B with attendance and one without look the same to A.
            let aB2: Int64 = try w.db.query(
                """
                INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date, status)
                VALUES (\(w["cB"]), \(w["roB"]), \(w["rB"]), \(w["wB2"]), \(w.day)::date, 'approved') RETURNING id
                """)[0].decode("id")
            try w.db.query(
                "INSERT INTO attendance (assignment_id, center_id, work_date, outcome) VALUES (\(w["aB"]), \(w["cB"]), \(w.day)::date, 'present')"
            )
            func attendance(_ assignment: Int64) throws -> String? {
                try Self.failure(
                    db,
                    """
                    INSERT INTO attendance (assignment_id, center_id, work_date, outcome)
                    VALUES (\(assignment), \(w["cA"]), \(w.day)::date, 'present')
                    """)
            }
            let (recorded, unrecorded) = (try attendance(w["aB"]), try attendance(aB2))
            #expect(recorded != nil && recorded == unrecorded, "\(recorded ?? "ok") vs \(unrecorded ?? "ok")")
            // Within one center the keys still hold: the same live request twice, the same worker twice on one
            // request (several jobs a day are allowed since sql/017: rule 5 is checked as the solver checks it).
            #expect(
                try Self.failure(
                    db,
                    """
                    INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount)
                    VALUES (\(w["cA"]), \(w["jA"]), \(w["farmA"]), \(w.day)::date, '07:00', '16:00', 'harvest', 1)
                    """)?.hasPrefix("23505") == true)
            #expect(
                try Self.failure(
                    db,
                    """
                    INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date)
                    VALUES (\(w["cA"]), \(w["roA"]), \(w["rA"]), \(w["wA1"]), \(w.day)::date)
                    """)?.hasPrefix("23505") == true)
        }
    }
}
