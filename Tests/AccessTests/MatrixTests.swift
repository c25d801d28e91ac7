import Foundation
import Postgres
import Testing

/// Every role against every table: select, insert, update and delete, each on rows of its own scope and of
/// others', checked both allowed and denied, through direct SQL as real non-superuser logins.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct MatrixTests {
    enum Operation: String, CaseIterable {
        case select = "S"
        case insert = "I"
        case update = "U"
        case delete = "D"
    }

    /// One probe: an operation on one target row (`A`: center A, farmer A's where farmers matter; `Ab`: farmer B's
    /// in center A; `B`: center B).
    struct Probe {
        var table: String
        var operation: Operation
        var target: String
        var sql: PostgresQuery
    }

    /// What each person may do, per table: `"S:A,Ab I:A"` = select rows A and Ab, insert A; anything not listed is
    /// denied. Derived from issue 7 and sql/008_roles.sql.
    static let expected: [String: [Person: String]] = [
        "centers": [
            .farmerA: "S:A", .farmerB: "S:A", .coordinatorA: "S:A U:A", .coordinatorB: "S:B U:B",
            .batch: "S:A,B", .admin: "S:A,B I:A,B U:A,B D:A,B",
        ],
        "farmers": [
            .farmerA: "S:A", .farmerB: "S:Ab", .coordinatorA: "S:A,Ab I:A U:A,Ab D:A,Ab",
            .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,Ab,B", .admin: "S:A,Ab,B",
        ],
        "farms": [
            .farmerA: "S:A", .farmerB: "S:Ab", .coordinatorA: "S:A,Ab I:A,Ab U:A,Ab D:A,Ab",
            .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,Ab,B",
        ],
        "workers": [.coordinatorA: "S:A I:A U:A D:A", .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,B"],
        "skills": [
            .farmerA: "S:A", .farmerB: "S:A", .coordinatorA: "S:A I:A U:A D:A",
            .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,B",
        ],
        // The task catalogue (sql/023): as skills, but never deleted (requests name its codes).
        "tasks": [
            .farmerA: "S:A", .farmerB: "S:A", .coordinatorA: "S:A I:A U:A", .coordinatorB: "S:B I:B U:B",
            .batch: "S:A,B",
        ],
        "worker_skills": [.coordinatorA: "S:A I:A U:A D:A", .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,B"],
        "worker_allowed_farms": [.coordinatorA: "S:A I:A U:A D:A", .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,B"],
        "worker_availability": [.coordinatorA: "S:A I:A U:A D:A", .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,B"],
        "blocks": [.coordinatorA: "S:A I:A U:A D:A", .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,B"],
        "labor_jobs": [
            .farmerA: "S:A I:A", .farmerB: "S:Ab I:Ab", .coordinatorA: "S:A,Ab I:A,Ab U:A,Ab",
            .coordinatorB: "S:B I:B U:B", .batch: "S:A,Ab,B",
        ],
        // Rows A and Ab are on day D's approved roster: locked for farmers (sql/010).
        "labor_requests": [
            .farmerA: "S:A I:A", .farmerB: "S:Ab I:Ab", .coordinatorA: "S:A,Ab I:A,Ab U:A,Ab",
            .coordinatorB: "S:B I:B U:B", .batch: "S:A,Ab,B",
        ],
        "rosters": [
            .farmerA: "S:A", .farmerB: "S:A", .coordinatorA: "S:A I:A U:A", .coordinatorB: "S:B I:B U:B",
            .batch: "S:A,B I:A,B U:A,B",
        ],
        "assignments": [
            .coordinatorA: "S:A I:A U:A D:A", .coordinatorB: "S:B I:B U:B D:B",
            .batch: "S:A,B I:A,B U:A,B D:A,B",
        ],
        "roster_exclusions": [.coordinatorA: "S:A I:A U:A D:A", .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,B"],
        "batch_runs": [
            .coordinatorA: "S:A I:A U:A", .coordinatorB: "S:B I:B U:B", .batch: "S:A,B I:A,B U:A,B", .admin: "S:A,B",
        ],
        "sms_outbox": [.coordinatorA: "S:A I:A U:A", .coordinatorB: "S:B I:B U:B", .batch: "S:A,B I:A,B U:A,B"],
        "message_templates": [.coordinatorA: "S:A I:A U:A D:A", .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,B"],
        "audit_log": [
            .farmerA: "I:A", .farmerB: "I:A", .coordinatorA: "S:A I:A", .coordinatorB: "S:B I:B",
            // The admin reads (and so deletes) only rows of centers and logins (sql/010); these rows are neither.
            .batch: "I:A,B", .admin: "I:A,B",
        ],
        // sql/020, sql/021: coordinators set their own center's; batch reads; farmers read their center's policy
        // (nobody deletes a policy).
        "center_priority_policy": [
            .farmerA: "S:A", .farmerB: "S:A", .coordinatorA: "S:A I:A U:A", .coordinatorB: "S:B I:B U:B",
            .batch: "S:A,B",
        ],
        "yearly_targets": [.coordinatorA: "S:A I:A U:A D:A", .coordinatorB: "S:B I:B U:B D:B", .batch: "S:A,B"],
        // Rows A and B are coordinator A's and coordinator B's own mappings; nobody inserts or updates one.
        "ilson_users": [.coordinatorA: "S:A", .coordinatorB: "S:B", .admin: "S:A,B D:A,B"],
    ]

    static func allowed(_ person: Person, _ table: String, _ operation: Operation, _ target: String) -> Bool {
        let spec = expected[table]?[person] ?? ""
        for part in spec.split(separator: " ") {
            let pieces = part.split(separator: ":")
            if pieces[0] == operation.rawValue && pieces[1].split(separator: ",").contains(Substring(target)) {
                return true
            }
        }
        return false
    }

    /// The probes of every table, on the world's rows.
    static func probes(_ w: AccessWorld) -> [Probe] {
        var p: [Probe] = []
        func add(_ table: String, _ op: Operation, _ target: String, _ sql: PostgresQuery) {
            p.append(Probe(table: table, operation: op, target: target, sql: sql))
        }
        // One row of a table: select it, update it (a column set to itself), delete it.
        func byRow(_ table: String, _ target: String, where row: PostgresQuery, set column: String) {
            add(table, .select, target, "SELECT count(*) AS n FROM \(identifier: table) WHERE \(fragment: row)")
            add(
                table, .update, target,
                "UPDATE \(identifier: table) SET \(identifier: column) = \(identifier: column) WHERE \(fragment: row)")
            add(table, .delete, target, "DELETE FROM \(identifier: table) WHERE \(fragment: row)")
        }
        // A table whose rows have an `id`: by id.
        func byID(_ table: String, _ rows: [(String, String)], set column: String) {
            for (target, name) in rows { byRow(table, target, where: "id = \(w[name])", set: column) }
        }
        let (cA, cB) = (w["cA"], w["cB"])
        func center(_ t: String) -> Int64 { t == "B" ? cB : cA }

        byID("centers", [("A", "cA"), ("B", "cB")], set: "name")
        add("centers", .insert, "A", "INSERT INTO centers (code, name) VALUES ('ZA', 'z')")
        add("centers", .insert, "B", "INSERT INTO centers (code, name) VALUES ('ZB', 'z')")

        byID("farmers", [("A", "fa"), ("Ab", "fb"), ("B", "fc")], set: "name")
        for t in ["A", "B"] {
            add(
                "farmers", .insert, t,
                "INSERT INTO farmers (center_id, name, phone) VALUES (\(center(t)), 'n', '01055550001')")
        }
        byID("farms", [("A", "farmA"), ("Ab", "farmAb"), ("B", "farmB")], set: "name")
        for (t, farmer) in [("A", "fa"), ("Ab", "fb"), ("B", "fc")] {
            add(
                "farms", .insert, t,
                """
                INSERT INTO farms (center_id, code, name, farmer_id, lat, lon)
                VALUES (\(center(t)), 'NEW', 'n', \(w[farmer]), 36.9, 127.4)
                """)
        }
        byID("workers", [("A", "wA1"), ("B", "wB1")], set: "phone")
        for t in ["A", "B"] {
            add(
                "workers", .insert, t,
                "INSERT INTO workers (center_id, name, phone, home_lat, home_lon) VALUES (\(center(t)), 'n', '01055550002', 36.9, 127.4)"
            )
        }
        byID("skills", [("A", "sA"), ("B", "sB")], set: "name")
        for t in ["A", "B"] {
            add("skills", .insert, t, "INSERT INTO skills (center_id, code) VALUES (\(center(t)), 'grafting')")
        }
        // tasks: every center has the national list (its trigger), so `harvest` is a row of A and of B.
        for t in ["A", "B"] {
            byRow("tasks", t, where: "center_id = \(center(t)) AND code = 'harvest'", set: "name")
            add(
                "tasks", .insert, t, "INSERT INTO tasks (center_id, code, name) VALUES (\(center(t)), 'grafting', '접목')"
            )
        }
        // Tables keyed by worker (and skill or farm).
        for (t, worker, skill, farm, other) in [
            ("A", w["wA1"], w["sA"], w["farmA"], w["wA2"]), ("B", w["wB1"], w["sB"], w["farmB"], w["wB2"]),
        ] {
            byRow("worker_skills", t, where: "worker_id = \(worker)", set: "skill_id")
            add(
                "worker_skills", .insert, t,
                "INSERT INTO worker_skills (center_id, worker_id, skill_id) VALUES (\(center(t)), \(other), \(skill))")
            byRow("worker_allowed_farms", t, where: "worker_id = \(worker)", set: "farm_id")
            add(
                "worker_allowed_farms", .insert, t,
                "INSERT INTO worker_allowed_farms (center_id, worker_id, farm_id) VALUES (\(center(t)), \(other), \(farm))"
            )
            add("blocks", .select, t, "SELECT count(*) AS n FROM blocks WHERE farm_id = \(farm)")
            add("blocks", .update, t, "UPDATE blocks SET reason = 'x' WHERE farm_id = \(farm)")
            add("blocks", .delete, t, "DELETE FROM blocks WHERE farm_id = \(farm)")
            add(
                "blocks", .insert, t,
                "INSERT INTO blocks (center_id, farm_id, worker_id) VALUES (\(center(t)), \(farm), \(worker))")
            add(
                "worker_availability", .insert, t,
                """
                INSERT INTO worker_availability (center_id, worker_id, kind, available_from, available_to)
                VALUES (\(center(t)), \(worker), 'off', current_date, current_date)
                """)
        }
        byID("worker_availability", [("A", "avA"), ("B", "avB")], set: "note")
        byID("labor_jobs", [("A", "jA"), ("Ab", "jAb"), ("B", "jB")], set: "task")
        byID("labor_requests", [("A", "rA"), ("Ab", "rAb"), ("B", "rB")], set: "task")
        for (t, job, farm) in [("A", "jA", "farmA"), ("Ab", "jAb", "farmAb"), ("B", "jB", "farmB")] {
            let c = t == "B" ? cB : cA
            add(
                "labor_jobs", .insert, t,
                "INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (\(c), \(w[farm]), 'weeding')")
            add(
                "labor_requests", .insert, t,
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount)
                VALUES (\(c), \(w[job]), \(w[farm]), \(w.day1)::date, '07:00', '16:00', 'harvest', 1)
                """)
        }
        // A farmer may read only a roster's state: the probe reads only granted columns.
        for (t, name) in [("A", "roA"), ("B", "roB")] {
            add("rosters", .select, t, "SELECT count(state) AS n FROM rosters WHERE id = \(w[name])")
            add("rosters", .update, t, "UPDATE rosters SET version = version WHERE id = \(w[name])")
            add("rosters", .delete, t, "DELETE FROM rosters WHERE id = \(w[name])")
        }
        for t in ["A", "B"] {
            add(
                "rosters", .insert, t,
                "INSERT INTO rosters (center_id, work_date) VALUES (\(center(t)), \(w.day2)::date)")
        }
        byID("assignments", [("A", "aA"), ("B", "aB")], set: "pinned")
        add(
            "assignments", .insert, "A",
            """
            INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date)
            VALUES (\(cA), \(w["roA"]), \(w["rA"]), \(w["wA2"]), \(w.day)::date)
            """)
        add(
            "assignments", .insert, "B",
            """
            INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date)
            VALUES (\(cB), \(w["roB"]), \(w["rB"]), \(w["wB2"]), \(w.day)::date)
            """)
        for (t, roster, request, worker) in [("A", "roA", "rAb", "wA1"), ("B", "roB", "rB", "wB1")] {
            byRow("roster_exclusions", t, where: "roster_id = \(w[roster])", set: "created_at")
            add(
                "roster_exclusions", .insert, t,
                """
                INSERT INTO roster_exclusions (center_id, roster_id, request_id, worker_id)
                VALUES (\(center(t)), \(w[roster]), \(w[request]), \(w[worker]))
                """)
        }
        byID("batch_runs", [("A", "bA"), ("B", "bB")], set: "message")
        for t in ["A", "B"] {
            add(
                "batch_runs", .insert, t,
                "INSERT INTO batch_runs (center_id, job, work_date) VALUES (\(center(t)), 'send', current_date)")
        }
        byID("sms_outbox", [("A", "oA"), ("B", "oB")], set: "last_error")
        for (t, roster, worker) in [("A", "roA", "wA1"), ("B", "roB", "wB1")] {
            add(
                "sms_outbox", .insert, t,
                """
                INSERT INTO sms_outbox (center_id, roster_id, work_date, recipient, recipient_role, recipient_id, kind, type,
                                        body, byte_count)
                VALUES (\(center(t)), \(w[roster]), \(w.day)::date, '01080000001', 'worker', \(w[worker]), 'change', 'SMS', 'x', 1)
                """)
        }
        for t in ["A", "B"] {
            let c = center(t)
            byRow("message_templates", t, where: "center_id = \(c)", set: "body")
            add(
                "message_templates", .insert, t,
                "INSERT INTO message_templates (center_id, slot, body) VALUES (\(c), 'cancellation', 'x')")
            add(
                "audit_log", .insert, t,
                "INSERT INTO audit_log (center_id, via, entity, entity_id, action) VALUES (\(c), 'probe', 'x', '9', 'update')"
            )
        }
        byID("audit_log", [("A", "lA"), ("B", "lB")], set: "via")
        for t in ["A", "B"] {
            let c = center(t)
            byRow("center_priority_policy", t, where: "center_id = \(c)", set: "base")
            // The row exists: a permitted insert stops at the primary key (after row-level security).
            add("center_priority_policy", .insert, t, "INSERT INTO center_priority_policy (center_id) VALUES (\(c))")
            byRow("yearly_targets", t, where: "center_id = \(c)", set: "days")
            add(
                "yearly_targets", .insert, t,
                "INSERT INTO yearly_targets (center_id, year, category, days) VALUES (\(c), 2028, 'youth', 5)")
        }
        for (t, person) in [("A", Person.coordinatorA), ("B", Person.coordinatorB)] {
            let login = w.login(person)
            byRow("ilson_users", t, where: "login = \(login)", set: "kind")
            add(
                "ilson_users", .insert, t,
                "INSERT INTO ilson_users (login, kind, center_id) VALUES (\(login + "x"), 'coordinator', \(center(t)))")
        }
        return p
    }

    /// Whether a probe got through: a select that sees its row, a write that touched a row (or that only a
    /// constraint stopped after row-level security let it through). Denied: 42501 or no row. Rolled back.
    static func run(_ probe: Probe, on db: Connection) throws -> (allowed: Bool, detail: String) {
        try db.query("BEGIN")
        defer { _ = try? db.query("ROLLBACK") }
        do {
            let result = try db.query(probe.sql)
            if probe.operation == .select {
                let n: Int = try result[0].decode("n")
                return (n > 0, "\(n) row(s)")
            }
            return (result.rowsAffected > 0, "\(result.rowsAffected) row(s)")
        } catch let error as PostgresError {
            if error.sqlState == .insufficientPrivilege { return (false, "42501 \(error.message)") }
            // A rule of a trigger (the roster lock, sql/010) after row-level security let the row through.
            if error.sqlState?.rawValue == "55000" { return (false, "55000 \(error.message)") }
            if error.sqlState?.errorClass == "23" { return (true, "\(error.sqlState!) after row-level security") }
            throw error
        }
    }

    @Test func everyRoleEveryTableEveryOperation() throws {
        try AccessWorld.with { world in
            let probes = Self.probes(world)
            // Every table with data is covered, with all four operations.
            let tables = Set(probes.map(\.table))
            #expect(tables == Set(Self.expected.keys))
            for table in tables {
                #expect(Set(probes.filter { $0.table == table }.map(\.operation)).count == 4, "\(table)")
            }
            var failures: [String] = []
            var allowedCount = 0
            var deniedCount = 0
            for person in Person.allCases {
                let db = try world.connect(as: person)
                for probe in probes {
                    let (got, detail) = try Self.run(probe, on: db)
                    let want = Self.allowed(person, probe.table, probe.operation, probe.target)
                    if got == want {
                        if want { allowedCount += 1 } else { deniedCount += 1 }
                    } else {
                        failures.append(
                            "\(person) \(probe.operation) \(probe.table)[\(probe.target)]: expected "
                                + "\(want ? "allowed" : "denied"), got \(detail)")
                    }
                }
            }
            #expect(
                failures.isEmpty,
                Comment(rawValue: "\(failures.count) mismatch(es):\n" + failures.joined(separator: "\n")))
            #expect(allowedCount > 100 && deniedCount > 300)
            print(
                "access matrix: \(Person.allCases.count) roles × \(probes.count) probes over \(tables.count) tables: "
                    + "\(allowedCount) allowed and \(deniedCount) denied as expected, \(failures.count) mismatches")
        }
    }
}
