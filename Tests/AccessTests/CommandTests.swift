import Foundation
import Operations
import Postgres
import Storage
import Testing

@testable import IlsonCLI

/// The CLI as each role: in-process through `IlsonCommand.runMain` with the login in `--database-url`, and the real
/// binary where standard input or the environment matter.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct CommandTests {
    /// Runs one command line as a person.
    static func run(_ world: AccessWorld, _ person: Person, _ arguments: [String]) throws -> Int32 {
        IlsonCommand.runMain(arguments + ["--database-url", try world.url(as: person)])
    }

    @Test func coordinatorOfACannotApproveOrSeeCenterBsRoster() throws {
        try AccessWorld.with { w in
            try w.db.query("INSERT INTO rosters (center_id, work_date) VALUES (\(w["cB"]), \(w.day2)::date)")
            let approveB = ["roster", "approve", "--center", "JB", "--date", w.day2]
            let code = try Self.run(w, .coordinatorA, approveB)
            #expect(code == 5 || code == 2, "exit 5 (permission denied) or 2 (no such center for this login)")
            #expect(try Self.run(w, .coordinatorA, ["roster", "show", "--center", "JB", "--date", w.day2]) != 0)
            #expect(try Self.run(w, .coordinatorB, ["roster", "show", "--center", "JB", "--date", w.day2]) == 0)
            // Coordinator A's own commands find their center without --center: they see only it.
            #expect(try Self.run(w, .coordinatorA, ["center", "list"]) == 0)
            #expect(try Self.run(w, .coordinatorA, ["worker", "list"]) == 0)
            let state: String = try w.db.query(
                "SELECT state FROM rosters WHERE center_id = \(w["cB"]) AND work_date = \(w.day2)::date")[0].decode(
                    "state")
            #expect(state == "draft")
            // Direct SQL: the same.
            let ca = try w.connect(as: .coordinatorA)
            let touched = try ca.query(
                "UPDATE rosters SET state = 'approved', approved_at = now() WHERE center_id = \(w["cB"])"
            ).rowsAffected
            #expect(touched == 0)
        }
    }

    @Test func farmerReadingAnotherFarmersRequestGetsNothing() throws {
        try AccessWorld.with { w in
            let fa = try w.connect(as: .farmerA)
            #expect(try fa.query("SELECT * FROM labor_requests WHERE id = \(w["rAb"])").count == 0)
            #expect(try fa.query("SELECT * FROM labor_requests WHERE id = \(w["rB"])").count == 0)
            #expect(
                try fa.query("SELECT id FROM labor_requests").map { try $0.decode("id", as: Int64.self) } == [w["rA"]])
            // A setting the client can change does not make the farmer someone else.
            try fa.query("SELECT set_config('ilson.farmer_id', \(String(w["fb"])), false)")
            #expect(try fa.query("SELECT * FROM labor_requests WHERE id = \(w["rAb"])").count == 0)
            // Nor can the farmer become a group they are not in.
            #expect(throws: PostgresError.self) { try fa.query("SET ROLE ilson_coordinator") }
            #expect(try Self.run(w, .farmerA, ["request", "show", String(w["rAb"])]) == 2)
            #expect(try Self.run(w, .farmerA, ["request", "show", String(w["rA"])]) == 0)
            #expect(try Self.run(w, .farmerA, ["request", "list"]) == 0)
            #expect(try Self.run(w, .farmerA, ["request", "cancel", String(w["rAb"])]) == 2)
            #expect(
                try w.db.query("SELECT status FROM labor_requests WHERE id = \(w["rAb"])")[0]
                    .decode("status", as: String.self) == "submitted")
            // A farmer submits for their own farm only.
            let tomorrow = try IlsonClock.current().today.next.description
            let submit = [
                "request", "submit", "--date", tomorrow, "--start", "07:00", "--end", "16:00",
                "--task", "weeding", "--headcount", "2",
            ]
            #expect(try Self.run(w, .farmerA, submit + ["--farm", "FA1"]) == 0)
            #expect(try Self.run(w, .farmerA, submit + ["--farm", "FB1"]) == 2)
            #expect(
                try w.db.query("SELECT count(*) AS n FROM labor_requests WHERE task = 'weeding'")[0]
                    .decode("n", as: Int.self) == 1)
            // Nothing else of the center: workers, outbox, roster contents.
            for sql: PostgresQuery in [
                "SELECT * FROM workers", "SELECT * FROM sms_outbox", "SELECT unfilled FROM rosters",
                "SELECT * FROM assignments", "SELECT * FROM audit_log",
            ] {
                #expect(throws: PostgresError.self) { try fa.query(sql) }
            }
            #expect(try Self.run(w, .farmerA, ["worker", "list"]) == 5)
        }
    }

    @Test func farmerSeesOnlyTheWorkersComingToTheirFarms() throws {
        try AccessWorld.with { w in
            let a = try Users.farmerWorkers(from: nil, to: nil, on: w.connect(as: .farmerA))
            #expect(a.map(\.workerName) == ["wA1"] && a.map(\.farmCode) == ["FA1"] && a[0].workerPhone == "01080000001")
            let b = try Users.farmerWorkers(from: nil, to: nil, on: w.connect(as: .farmerB))
            #expect(b.map(\.workerName) == ["wA2"])
            // A draft roster shows nothing yet.
            try w.db.query("UPDATE rosters SET state = 'draft', approved_at = NULL WHERE id = \(w["roA"])")
            #expect(try Users.farmerWorkers(from: nil, to: nil, on: w.connect(as: .farmerA)).isEmpty)
            #expect(throws: OperationError.self) {
                try Users.farmerWorkers(from: nil, to: nil, on: w.connect(as: .coordinatorA))
            }
            #expect(try Self.run(w, .farmerA, ["user", "workers"]) == 0)
            #expect(try Self.run(w, .coordinatorA, ["user", "workers"]) == 5)
            #expect(try Self.run(w, .batch, ["user", "workers"]) == 5)
        }
    }

    @Test func batchCannotChangeAWorkersPhoneOrARequest() throws {
        try AccessWorld.with { w in
            let bt = try w.connect(as: .batch)
            #expect {
                try bt.query("UPDATE workers SET phone = '01077777777' WHERE id = \(w["wA1"])")
            } throws: { ($0 as? PostgresError)?.sqlState == .insufficientPrivilege }
            #expect {
                try bt.query("UPDATE labor_requests SET headcount = 9 WHERE id = \(w["rA"])")
            } throws: { ($0 as? PostgresError)?.sqlState == .insufficientPrivilege }
            #expect(
                try Self.run(
                    w, .batch, ["worker", "edit", String(w["wA1"]), "--center", "JA", "--phone", "010-7777-7777"]) == 5)
            #expect(try Self.run(w, .batch, ["worker", "deactivate", String(w["wA1"]), "--center", "JA"]) == 5)
            #expect(
                try w.db.query("SELECT phone FROM workers WHERE id = \(w["wA1"])")[0]
                    .decode("phone", as: String.self) == "01080000001")
            // Admin manages centers and users, not the registry.
            #expect(try Self.run(w, .admin, ["center", "add", "--code", "JN", "--name", "새 센터"]) == 0)
            #expect(try Self.run(w, .admin, ["worker", "list", "--center", "JA"]) != 0)
            #expect(try Self.run(w, .coordinatorA, ["center", "add", "--code", "JX", "--name", "x"]) == 5)
            // audit_log: the actor is the login; nobody but admin deletes, nobody updates.
            let actor: String = try w.db.query("SELECT actor FROM audit_log WHERE via = 'center add'")[0].decode(
                "actor")
            #expect(actor == w.login(.admin))
            let ca = try w.connect(as: .coordinatorA)
            #expect(throws: PostgresError.self) {
                try ca.query(
                    "INSERT INTO audit_log (center_id, actor, via, entity, entity_id, action) VALUES (\(w["cA"]), 'someone', 'x', 'x', '1', 'create')"
                )
            }
            #expect(throws: PostgresError.self) { try ca.query("DELETE FROM audit_log") }
            #expect(throws: PostgresError.self) { try ca.query("UPDATE audit_log SET via = 'x'") }
        }
    }

    /// Text arguments that look like SQL are stored as data or refused (exit 2), never run.
    @Test func injectionLookingTextIsData() throws {
        try AccessWorld.with { w in
            let hostile = [
                "'); DROP TABLE workers; --", "x' OR '1'='1", "Robert\"); DELETE FROM farms; --", "$1",
                "\\'; SELECT 1; --",
            ]
            let tables = ["workers", "farms", "farmers", "labor_requests", "audit_log", "centers"]
            func counts() throws -> [Int] {
                try tables.map {
                    try w.db.query("SELECT count(*) AS n FROM \(identifier: $0)")[0].decode("n", as: Int.self)
                }
            }
            let tomorrow = try IlsonClock.current().today.next.description
            for (i, text) in hostile.enumerated() {
                let phone = "010-6666-000\(i)"
                let before = try counts()
                let code = try Self.run(
                    w, .coordinatorA, ["worker", "add", "--name", text, "--phone", phone, "--village", "진천읍 읍내리"])
                #expect(code == 0)
                let stored: String = try w.db.query(
                    "SELECT name FROM workers WHERE phone = \(phone.filter(\.isNumber))")[0]
                    .decode("name")
                #expect(stored == text)
                #expect(
                    try Self.run(w, .coordinatorA, ["farmer", "add", "--name", text, "--phone", "010-5555-000\(i)"])
                        == 0)
                #expect(
                    try Self.run(
                        w, .coordinatorA,
                        [
                            "farm", "add", "--code", "H\(i)", "--name", text, "--farmer",
                            "010-5555-000\(i)", "--village", "진천읍 읍내리",
                            "--meeting-point", text,
                        ]) == 0)
                let farm = try w.db.query("SELECT name, meeting_point FROM farms WHERE code = \("H\(i)")")[0]
                #expect(
                    try farm.decode("name", as: String.self) == text
                        && farm.decode("meeting_point", as: String.self) == text)
                // A task is in the center's catalogue first (sql/023); the farmer names it by its name.
                #expect(try Self.run(w, .coordinatorA, ["task", "add", text]) == 0)
                #expect(
                    try Self.run(
                        w, .farmerA,
                        [
                            "request", "submit", "--farm", "FA1", "--date", tomorrow, "--start",
                            "0\(i):30", "--end", "16:00", "--task", text, "--headcount", "1",
                        ]) == 0)
                #expect(
                    try w.db.query(
                        """
                        SELECT count(*) AS n FROM labor_requests r
                        JOIN tasks t ON t.center_id = r.center_id AND t.code = r.task WHERE t.name = \(text)
                        """
                    )[0].decode("n", as: Int.self) == 1)
                // Refused, not run: a code, a village, a farm and a center that are not one.
                #expect(try Self.run(w, .coordinatorA, ["worker", "list", "--center", text]) == 2)
                #expect(
                    try Self.run(
                        w, .coordinatorA,
                        [
                            "worker", "add", "--name", "n", "--phone", "010-4444-000\(i)",
                            "--village", text,
                        ]) == 2)
                #expect(try Self.run(w, .farmerA, ["request", "list", "--farm", text]) != 0)
                #expect(try Self.run(w, .coordinatorA, ["center", "edit", "JA", "--name", text]) == 0)
                #expect(
                    try w.db.query("SELECT name FROM centers WHERE code = 'JA'")[0].decode("name", as: String.self)
                        == text)
                let after = try counts()
                #expect(after[0] == before[0] + 1 && after[1] == before[1] + 1 && after[5] == before[5])
            }
        }
    }

    @Test func userAddQuotesAHostileLoginAndTakesNoPasswordOnTheCommandLine() throws {
        try AccessWorld.with { w in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(UUID().uuidString)")
            try Data("correct horse battery\n".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let hostile = w.prefix + "evil\"; DROP TABLE workers; --"
            w.remember(role: hostile)
            let add = ["user", "add", "--role", "coordinator", "--center", "JA", "--password-file", file.path]
            #expect(try Self.run(w, .admin, add + ["--login", hostile]) == 0)
            let row = try w.db.query(
                """
                SELECT r.rolname, r.rolsuper, r.rolcreaterole, pg_has_role(r.oid, 'ilson_coordinator', 'MEMBER') AS member,
                       a.rolpassword LIKE 'SCRAM-SHA-256$%' AS hashed
                FROM pg_roles r JOIN pg_authid a ON a.oid = r.oid WHERE r.rolname = \(hostile)
                """)
            #expect(row.count == 1)
            #expect(try row[0].decode("member", as: Bool.self) && row[0].decode("hashed", as: Bool.self))
            #expect(try !row[0].decode("rolsuper", as: Bool.self) && !row[0].decode("rolcreaterole", as: Bool.self))
            #expect(
                try w.db.query("SELECT to_regclass('workers') IS NOT NULL AS present")[0].decode(
                    "present", as: Bool.self))
            #expect(
                try w.db.query("SELECT kind FROM ilson_users WHERE login = \(hostile)")[0]
                    .decode("kind", as: String.self) == "coordinator")
            // The new login works, with its password, as a coordinator of JA.
            var options = try ConnectionString.parse(w.url)
            options["user"] = hostile
            options["password"] = "correct horse battery"
            let evil = try Connection(ConnectionString.keyValue(options))
            #expect(try UserStore.current(on: evil).user?.centerCode == "JA")
            // Refusals: reserved names, a taken name, no admin, no password source, a farmer without a farmer.
            #expect(try Self.run(w, .admin, add + ["--login", "pg_monitor2"]) == 2)
            #expect(try Self.run(w, .admin, add + ["--login", "ilson_owner"]) == 2)
            #expect(try Self.run(w, .admin, add + ["--login", hostile]) == 2)
            #expect(try Self.run(w, .coordinatorA, add + ["--login", w.prefix + "x1"]) == 5)
            #expect(try Self.run(w, .farmerA, add + ["--login", w.prefix + "x2"]) == 5)
            #expect(
                try Self.run(
                    w, .admin,
                    [
                        "user", "add", "--role", "farmer", "--login", w.prefix + "x3", "--password-file",
                        file.path,
                    ]) == 2)
            #expect(
                try Self.run(
                    w, .admin,
                    [
                        "user", "add", "--role", "coordinator", "--center", "JA", "--login",
                        w.prefix + "x4",
                    ]) == 2)
            #expect(
                try Self.run(
                    w, .admin,
                    [
                        "user", "add", "--role", "root", "--login", w.prefix + "x5", "--password-file",
                        file.path,
                    ]) == 2)
            #expect(
                try w.db.query("SELECT count(*) AS n FROM pg_roles WHERE rolname LIKE \(w.prefix + "x%")")[0]
                    .decode("n", as: Int.self) == 0)
            // The function itself refuses a password in clear, and anyone but an admin.
            let ad = try w.connect(as: .admin)
            #expect(throws: PostgresError.self) {
                try ad.query("SELECT ilson_create_login(\(w.prefix + "x6"), 'plain-password', 'batch', NULL, NULL)")
            }
            let ca = try w.connect(as: .coordinatorA)
            #expect(throws: PostgresError.self) {
                try ca.query(
                    "SELECT ilson_create_login(\(w.prefix + "x7"), 'SCRAM-SHA-256$4096:a$b:c', 'admin', NULL, NULL)")
            }
            #expect(try Self.run(w, .admin, ["user", "list"]) == 0)
            #expect(try Self.run(w, .farmerA, ["user", "whoami"]) == 0)
        }
    }

    /// The real binary, the password on standard input: it appears in no output, success or failure.
    @Test func aPasswordNeverAppearsInAnyOutput() throws {
        try AccessWorld.with { w in
            let password = "s3cret-" + UUID().uuidString
            let env = ["ILSON_DATABASE_URL": try w.url(as: .admin)]
            var outcomes: [IlsonRun.Outcome] = []
            let login = w.prefix + "kim"
            w.remember(role: login)
            let add = ["user", "add", "--role", "farmer", "--farmer", String(w["fa"]), "--password-stdin"]
            outcomes.append(try IlsonRun.run(add + ["--login", login], stdin: password + "\n", environment: env))
            #expect(outcomes[0].status == 0, "\(outcomes[0])")
            outcomes.append(try IlsonRun.run(add + ["--login", login], stdin: password + "\n", environment: env))
            #expect(outcomes[1].status == 2)
            outcomes.append(try IlsonRun.run(add + ["--login", w.prefix + "k2"], stdin: "short\n", environment: env))
            #expect(outcomes[2].status == 2)
            outcomes.append(
                try IlsonRun.run(
                    add + ["--login", w.prefix + "k3"], stdin: password,
                    environment: ["ILSON_DATABASE_URL": try w.url(as: .coordinatorA)]))
            #expect(outcomes[3].status == 5)
            // The new login connects with the password (over TCP it is checked; on a trusted socket it is not).
            var options = try ConnectionString.parse(w.url)
            options["user"] = login
            options["password"] = password
            let kim = try Connection(ConnectionString.keyValue(options))
            #expect(try UserStore.current(on: kim).user?.farmerID == w["fa"])
            outcomes.append(
                try IlsonRun.run(
                    ["user", "whoami"], environment: ["ILSON_DATABASE_URL": ConnectionString.keyValue(options)]))
            #expect(outcomes[4].status == 0 && outcomes[4].stdout.contains("farmer"))
            for outcome in outcomes {
                #expect(!outcome.stdout.contains(password) && !outcome.stderr.contains(password), "\(outcome.status)")
                #expect(!outcome.stderr.contains("short"))
            }
            let stored: String = try w.db.query("SELECT rolpassword FROM pg_authid WHERE rolname = \(login)")[0].decode(
                "rolpassword")
            #expect(stored.hasPrefix("SCRAM-SHA-256$") && !stored.contains(password))
            let activity = try w.db.query(
                "SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE \("%" + password + "%")")
            #expect(try activity[0].decode("n", as: Int.self) == 0)
        }
    }
}
