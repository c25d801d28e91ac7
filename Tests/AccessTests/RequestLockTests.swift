import Foundation
import Operations
import Postgres
import Storage
import Testing

@testable import IlsonCLI

/// The roster lock held by the database for farmers (sql/010), over real connections as the farmer's own login:
/// every forbidden change fails and writes nothing; every allowed change writes exactly one audit row, written by
/// the database whoever makes the change.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct RequestLockTests {
    static func run(_ w: AccessWorld, _ person: Person, _ arguments: [String]) throws -> Int32 {
        IlsonCommand.runMain(arguments + ["--database-url", try w.url(as: person)])
    }

    /// Everything a forbidden change could have touched: the request, its audit rows, its assignments, the outbox.
    static func footprint(_ w: AccessWorld, request: Int64) throws -> [String] {
        try [
            "SELECT to_jsonb(r)::text AS v FROM labor_requests r WHERE id = \(request)",
            "SELECT count(*)::text AS v FROM audit_log",
            "SELECT string_agg(status, ',' ORDER BY id) AS v FROM assignments WHERE request_id = \(request)",
            "SELECT count(*)::text AS v FROM sms_outbox",
        ].map { (sql: PostgresQuery) in try w.db.query(sql)[0].decode("v", as: String?.self) ?? "" }
    }

    /// The number of audit rows of one request.
    static func auditRows(_ w: AccessWorld, request: Int64) throws -> Int {
        try w.db.query(
            "SELECT count(*) AS n FROM audit_log WHERE entity = 'labor_request' AND entity_id = \(String(request))"
        )[0].decode("n")
    }

    @Test(arguments: ["approved", "sending", "sent"])
    func aFarmerCannotChangeARequestOfAnAnnouncedRosterThroughSQL(state: String) throws {
        try AccessWorld.with { w in
            try w.db.query("UPDATE rosters SET state = \(state) WHERE id = \(w["roA"])")
            let rA = w["rA"]
            let before = try Self.footprint(w, request: rA)
            let audits = try Self.auditRows(w, request: rA)
            let farmer = try w.connect(as: .farmerA)
            let attempts: [PostgresQuery] = [
                // The probe of issue 13: cancelled and moved to 04:00 on a sent roster.
                "UPDATE labor_requests SET status = 'cancelled', cancelled_at = now(), start_time = '04:00' WHERE id = \(rA)",
                "UPDATE labor_requests SET status = 'cancelled', cancelled_at = now() WHERE id = \(rA)",
                "UPDATE labor_requests SET start_time = '04:00' WHERE id = \(rA)",
                "UPDATE labor_requests SET headcount = 9, min_headcount = 1 WHERE id = \(rA)",
                "UPDATE labor_requests SET status = 'closed' WHERE id = \(rA)",
            ]
            for (n, sql) in attempts.enumerated() {
                #expect(throws: PostgresError.self, "attempt \(n)") { try farmer.query(sql) }
            }
            #expect(try Self.footprint(w, request: rA) == before)
            #expect(try Self.auditRows(w, request: rA) == audits)
            // Through the CLI: a conflict (exit 4), nothing written either.
            #expect(try Self.run(w, .farmerA, ["request", "cancel", String(rA), "--reason", "비"]) == 4)
            #expect(try Self.run(w, .farmerA, ["request", "edit", String(rA), "--headcount", "3"]) == 4)
            #expect(try Self.footprint(w, request: rA) == before)
        }
    }

    @Test func aFarmerCannotReviveCloseOrChangeAPastRequest() throws {
        try AccessWorld.with { w in
            let farmer = try w.connect(as: .farmerA)
            // A request of farm A on a day with no roster, cancelled, and one in the past.
            let open: Int64 = try w.db.query(
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount)
                VALUES (\(w["cA"]), \(w["jA"]), \(w["farmA"]), \(w.day2)::date, '07:00', '16:00', 'harvest', 2)
                RETURNING id
                """)[0].decode("id")
            let cancelled: Int64 = try w.db.query(
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount,
                                            status, cancelled_at)
                VALUES (\(w["cA"]), \(w["jA"]), \(w["farmA"]), \(w.day1)::date, '07:00', '16:00', 'harvest', 2,
                        'cancelled', now())
                RETURNING id
                """)[0].decode("id")
            let past: Int64 = try w.db.query(
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount)
                VALUES (\(w["cA"]), \(w["jA"]), \(w["farmA"]), current_date - 3, '07:00', '16:00', 'harvest', 2)
                RETURNING id
                """)[0].decode("id")
            let audits: Int = try w.db.query("SELECT count(*) AS n FROM audit_log")[0].decode("n")
            let refused: [PostgresQuery] = [
                "UPDATE labor_requests SET status = 'closed' WHERE id = \(open)",
                // Columns a farmer may not touch at all, and no deletes.
                "UPDATE labor_requests SET work_date = \(w.day1)::date WHERE id = \(open)",
                "UPDATE labor_requests SET farm_id = \(w["farmAb"]) WHERE id = \(open)",
                "UPDATE labor_requests SET center_id = \(w["cB"]) WHERE id = \(open)",
                "DELETE FROM labor_requests WHERE id = \(open)",
                "UPDATE labor_requests SET status = 'submitted', cancelled_at = NULL WHERE id = \(cancelled)",
                "UPDATE labor_requests SET headcount = 3 WHERE id = \(cancelled)",
                "UPDATE labor_requests SET headcount = 3 WHERE id = \(past)",
                "UPDATE labor_requests SET status = 'cancelled', cancelled_at = now() WHERE id = \(past)",
            ]
            for (n, sql) in refused.enumerated() {
                #expect(throws: PostgresError.self, "refusal \(n)") { try farmer.query(sql) }
            }
            // The CLI with a clock that calls the past request future: the database refuses, as a conflict (exit 4).
            let edit = try IlsonRun.run(
                ["request", "edit", String(past), "--headcount", "3"],
                environment: ["ILSON_DATABASE_URL": try w.url(as: .farmerA), "ILSON_TODAY": "2000-01-03"])
            #expect(edit.status == 4 && edit.stderr.contains("in the past"), "\(edit)")
            #expect(try w.db.query("SELECT count(*) AS n FROM audit_log")[0].decode("n", as: Int.self) == audits)
            let statuses = try w.db.query(
                "SELECT status FROM labor_requests WHERE id IN (\(open), \(cancelled), \(past)) ORDER BY id"
            ).map { try $0.decode("status", as: String.self) }
            #expect(statuses == ["submitted", "cancelled", "submitted"])
        }
    }

    /// A farmer's change racing a coordinator's approval: the change waits for the approval, then is refused.
    @Test func aFarmersChangeDuringAnApprovalWaitsAndIsRefused() throws {
        try AccessWorld.with { w in
            try w.db.query("UPDATE rosters SET state = 'draft', approved_at = NULL WHERE id = \(w["roA"])")
            let roster = w["roA"]
            let coordinatorURL = try w.url(as: .coordinatorA)
            let holding = DispatchSemaphore(value: 0)
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                defer { done.signal() }
                guard let c = try? Connection(coordinatorURL) else {
                    holding.signal()
                    return
                }
                _ = try? c.query("BEGIN")
                _ = try? c.query("UPDATE rosters SET state = 'approved', approved_at = now() WHERE id = \(roster)")
                holding.signal()
                Thread.sleep(forTimeInterval: 0.5)
                _ = try? c.query("COMMIT")
            }
            holding.wait()
            let farmer = try w.connect(as: .farmerA)
            let started = Date()
            #expect(throws: PostgresError.self) {
                try farmer.query("UPDATE labor_requests SET headcount = 5 WHERE id = \(w["rA"])")
            }
            #expect(Date().timeIntervalSince(started) > 0.2)
            done.wait()
            #expect(
                try w.db.query("SELECT headcount FROM labor_requests WHERE id = \(w["rA"])")[0].decode(
                    "headcount", as: Int.self) == 2)
        }
    }

    @Test func everyChangeAFarmerMayMakeWritesExactlyOneAuditRow() throws {
        try AccessWorld.with { w in
            let farmer = try w.connect(as: .farmerA)
            let login = w.login(.farmerA)
            // Direct SQL: insert, edit, cancel, each one row by the farmer's login, `via` sql.
            let id: Int64 = try farmer.query(
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount)
                VALUES (\(w["cA"]), \(w["jA"]), \(w["farmA"]), \(w.day1)::date, '07:00', '16:00', 'harvest', 2)
                RETURNING id
                """)[0].decode("id")
            #expect(try Self.auditRows(w, request: id) == 1)
            #expect(
                try farmer.query("UPDATE labor_requests SET start_time = '08:00' WHERE id = \(id)").rowsAffected == 1)
            #expect(try Self.auditRows(w, request: id) == 2)
            // A statement that changes nothing is no change.
            try farmer.query("UPDATE labor_requests SET task = task WHERE id = \(id)")
            #expect(try Self.auditRows(w, request: id) == 2)
            try farmer.query(
                "UPDATE labor_requests SET status = 'cancelled', cancelled_at = now(), cancel_reason = '비' WHERE id = \(id)"
            )
            let rows = try w.db.query(
                """
                SELECT action, actor, via, before->>'start_time' AS b, after->>'start_time' AS a FROM audit_log
                WHERE entity = 'labor_request' AND entity_id = \(String(id)) ORDER BY id
                """)
            try #require(rows.count == 3)
            #expect(try rows.map { try $0.decode("action", as: String.self) } == ["create", "update", "state"])
            #expect(try rows.allSatisfy { try $0.decode("actor", as: String.self) == login })
            #expect(try rows.allSatisfy { try $0.decode("via", as: String.self) == "sql" })
            #expect(try rows[1].decode("b", as: String.self) == "07:00:00")
            #expect(try rows[1].decode("a", as: String.self) == "08:00:00")

            // The CLI: submit (two days), edit, cancel: one row each, named by the command, none written by the CLI.
            let submit = [
                "request", "submit", "--farm", "FA1", "--date", w.day1, "--days", "2", "--start", "07:00", "--end",
                "16:00", "--task", "weeding", "--headcount", "2",
            ]
            #expect(try Self.run(w, .farmerA, submit) == 0)
            let ids = try w.db.query("SELECT id FROM labor_requests WHERE task = 'weeding' ORDER BY work_date").map {
                try $0.decode("id", as: Int64.self)
            }
            try #require(ids.count == 2)
            #expect(try ids.map { try Self.auditRows(w, request: $0) } == [1, 1])
            #expect(try Self.run(w, .farmerA, ["request", "edit", String(ids[0]), "--headcount", "3"]) == 0)
            #expect(try Self.auditRows(w, request: ids[0]) == 2)
            #expect(try Self.run(w, .farmerA, ["request", "cancel", String(ids[1]), "--reason", "우천"]) == 0)
            #expect(try Self.auditRows(w, request: ids[1]) == 2)
            let vias = try w.db.query(
                """
                SELECT via, actor FROM audit_log WHERE entity = 'labor_request' AND entity_id IN (\(String(ids[0])), \(String(ids[1])))
                ORDER BY id
                """)
            #expect(
                try vias.map { try $0.decode("via", as: String.self) } == [
                    "request submit", "request submit", "request edit", "request cancel",
                ])
            #expect(try vias.allSatisfy { try $0.decode("actor", as: String.self) == login })
        }
    }

    @Test func theCoordinatorCancelsALockedRequestThroughTheNoticesWithOneAuditRow() throws {
        try AccessWorld.with { w in
            let rA = w["rA"]
            let audits = try Self.auditRows(w, request: rA)
            #expect(try Self.run(w, .coordinatorA, ["request", "cancel", String(rA), "--reason", "우천"]) == 0)
            #expect(try Self.auditRows(w, request: rA) == audits + 1)
            let row = try #require(
                try w.db.query(
                    """
                    SELECT via, action, actor FROM audit_log WHERE entity = 'labor_request' AND entity_id = \(String(rA))
                    ORDER BY id DESC LIMIT 1
                    """
                ).first)
            #expect(try row.decode("via", as: String.self) == "request cancel")
            #expect(try row.decode("action", as: String.self) == "state")
            #expect(try row.decode("actor", as: String.self) == w.login(.coordinatorA))
            let status: String = try w.db.query("SELECT status FROM assignments WHERE id = \(w["aA"])")[0].decode(
                "status")
            #expect(status == "cancelled")
        }
    }
}
