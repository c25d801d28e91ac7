import Foundation
import Postgres
import Testing

/// `--center` is optional wherever the database holds one center (issue 15), also for `center edit` and for the
/// README's `user add --role farmer --farmer PHONE` and a coordinator login.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct OneCenterTests {
    @Test func commandsFindTheOnlyCenterAndSaySoWhenThereAreSeveral() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            try IlsonChild.county(url: url)
            let edit = try IlsonChild.run(["center", "edit", "--name", "진천군 인력센터"], url: url)
            #expect(edit.status == 0 && edit.stdout.contains("진천군 인력센터"), "\(edit)")

            let file = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(UUID().uuidString)")
            try "correct-horse-battery-9\n".write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }
            let suffix = String(UUID().uuidString.prefix(8)).lowercased()
            let logins = ["t_farmer_\(suffix)", "t_coord_\(suffix)"]
            defer { for login in logins { _ = try? db.query("DROP ROLE IF EXISTS \(identifier: login)") } }
            let farmer = try IlsonChild.run(
                [
                    "user", "add", "--role", "farmer", "--login", logins[0], "--farmer", "010-9876-5432",
                    "--password-file", file.path,
                ], url: url)
            #expect(farmer.status == 0, "\(farmer)")
            let coordinator = try IlsonChild.run(
                ["user", "add", "--role", "coordinator", "--login", logins[1], "--password-file", file.path], url: url)
            #expect(coordinator.status == 0, "\(coordinator)")
            let centers = try db.query(
                """
                SELECT count(*) AS n FROM ilson_users u JOIN centers c ON c.id = u.center_id
                WHERE u.login = ANY(\(logins)) AND c.code = 'JC'
                """)[0].decode("n", as: Int.self)
            #expect(centers == 2)

            // Two centers: the same commands ask which.
            let second = try IlsonChild.run(
                ["center", "add", "--code", "GS", "--name", "괴산군 농촌인력중개센터", "--county", "괴산군"], url: url)
            #expect(second.status == 0, "\(second)")
            let ambiguous = try IlsonChild.run(["center", "edit", "--name", "다른 이름"], url: url)
            #expect(ambiguous.status == 2 && ambiguous.stderr.contains("--center"), "\(ambiguous)")
            let list = try IlsonChild.run(["task", "list"], url: url)
            #expect(list.status == 2 && list.stderr.contains("JC") && list.stderr.contains("GS"), "\(list)")
            let named = try IlsonChild.run(["task", "list", "--center", "GS"], url: url)
            #expect(named.status == 0 && named.stdout.contains("수확"), "the new center has the national list: \(named)")
        }
    }
}
