import Foundation
import Operations
import Postgres
import Storage
import Testing

@testable import IlsonCLI

/// Names the database takes from the login, reserved login names in any case, and the password rule written where
/// an IT person looks (issue 13, item 9).
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct LoginNameTests {
    @Test func approvedByAndRecordedByAreTheLogin() throws {
        try AccessWorld.with { w in
            let coordinator = try w.connect(as: .coordinatorA)
            try coordinator.query("UPDATE rosters SET approved_by = 'someone_else' WHERE id = \(w["roA"])")
            try coordinator.query(
                """
                INSERT INTO rosters (center_id, work_date, state, approved_at, approved_by)
                VALUES (\(w["cA"]), \(w.day2)::date, 'approved', now(), 'the_boss')
                """)
            let approvers = try w.db.query(
                "SELECT approved_by FROM rosters WHERE center_id = \(w["cA"]) ORDER BY work_date"
            ).map { try $0.decode("approved_by", as: String.self) }
            #expect(approvers == [w.login(.coordinatorA), w.login(.coordinatorA)])
            // The batch login likewise; a change of another column keeps who approved.
            let batch = try w.connect(as: .batch)
            try batch.query("UPDATE rosters SET approved_by = 'coordinator_x' WHERE id = \(w["roB"])")
            try coordinator.query("UPDATE rosters SET version = version + 1 WHERE id = \(w["roA"])")
            #expect(
                try w.db.query("SELECT approved_by FROM rosters WHERE id = \(w["roB"])")[0].decode(
                    "approved_by", as: String.self) == w.login(.batch))
            #expect(
                try w.db.query("SELECT approved_by FROM rosters WHERE id = \(w["roA"])")[0].decode(
                    "approved_by", as: String.self) == w.login(.coordinatorA))
            // Attendance: whoever records or corrects it.
            try coordinator.query(
                """
                INSERT INTO attendance (assignment_id, center_id, work_date, outcome, recorded_by)
                VALUES (\(w["aA"]), \(w["cA"]), \(w.day)::date, 'present', 'mallory')
                """)
            #expect(
                try w.db.query("SELECT recorded_by FROM attendance WHERE assignment_id = \(w["aA"])")[0].decode(
                    "recorded_by", as: String.self) == w.login(.coordinatorA))
            try coordinator.query("UPDATE attendance SET recorded_by = 'mallory' WHERE assignment_id = \(w["aA"])")
            #expect(
                try w.db.query("SELECT recorded_by FROM attendance WHERE assignment_id = \(w["aA"])")[0].decode(
                    "recorded_by", as: String.self) == w.login(.coordinatorA))
        }
    }

    @Test func reservedLoginNamesAreRefusedInAnyCase() throws {
        try AccessWorld.with { w in
            let names = [
                "PUBLIC", "Public", "NONE", "None", "CURRENT_USER", "Current_User", "SESSION_USER", "Session_User",
                "CURRENT_ROLE", "current_Role", "PG_" + w.prefix, "Pg_" + w.prefix, "ILSON_" + w.prefix,
                "Ilson_" + w.prefix,
            ]
            let verifier = try w.db.encryptPassword("long enough password", user: "")
            let admin = try w.connect(as: .admin)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-pw-\(UUID().uuidString)")
            try Data("long enough password\n".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            for name in names {
                w.remember(role: name)
                #expect(throws: PostgresError.self, "\(name)") {
                    try UserStore.create(
                        login: name, verifier: verifier, kind: "coordinator", center: w["cA"], farmer: nil, on: admin)
                }
                let made = try w.db.query("SELECT count(*) AS n FROM pg_roles WHERE rolname = \(name)")[0]
                    .decode("n", as: Int.self)
                #expect(made == 0, "\(name)")
                let exit = IlsonCommand.runMain(
                    [
                        "user", "add", "--role", "coordinator", "--center", "JA", "--login", name, "--password-file",
                        file.path, "--database-url", try w.url(as: .admin),
                    ])
                #expect(exit == 2, "\(name)")
            }
            #expect(
                try w.db.query("SELECT count(*) AS n FROM ilson_users WHERE lower(login) IN ('public', 'none')")[0]
                    .decode("n", as: Int.self) == 0)
        }
    }

    /// `ilson db roles` (the backup's roles): every login of this database with its verifier, for a superuser only.
    @Test func theRoleScriptHoldsEveryLoginAndIsForASuperuserOnly() throws {
        try AccessWorld.with { w in
            let lines = try UserStore.roleScript(on: w.db)
            for person in Person.allCases {
                let login = w.login(person)
                #expect(
                    lines.contains { $0.hasPrefix("ALTER ROLE \(login) WITH LOGIN") && $0.contains("SCRAM-SHA-256$") })
            }
            #expect(lines.contains("GRANT ilson_coordinator TO \(w.login(.coordinatorA));"))
            #expect(lines.contains { $0.hasPrefix("ALTER ROLE ilson_owner WITH NOLOGIN") })
            #expect(throws: PostgresError.self) { try UserStore.roleScript(on: w.connect(as: .admin)) }
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-roles-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: out) }
            #expect(
                IlsonCommand.runMain(["db", "roles", "--out", out.path, "--database-url", try w.url(as: .admin)]) == 5)
            #expect(!FileManager.default.fileExists(atPath: out.path))
            #expect(IlsonCommand.runMain(["db", "roles", "--out", out.path, "--database-url", w.url]) == 0)
            let mode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test func thePasswordMinimumIsWrittenDown() throws {
        let help = try IlsonRun.run(["user", "add", "--help"])
        #expect(help.stdout.contains("at least \(Users.minimumPasswordLength) characters"), "\(help)")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for document in ["README.md", "docs/roles.md"] {
            let text = try String(contentsOf: root.appendingPathComponent(document), encoding: .utf8)
            #expect(text.contains("at least \(Users.minimumPasswordLength) characters"), "\(document)")
        }
    }
}
