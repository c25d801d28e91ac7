import Foundation
import KoreanText
import Postgres
import Storage
import Testing

@testable import IlsonCLI

/// audit_log keeps no personal data (sql/010), and each role reads only its own part of it.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct AuditPrivacyTests {
    /// Inputs for the two phone masks: every form of a mobile number Phone.normalize accepts, near misses, and
    /// random strings over digits, separators, spaces (Unicode ones too), `+82` and Hangul.
    static func phoneInputs() -> [String] {
        var inputs = [
            "", " ", "01012345678", "010-1234-5678", "010 1234 5678", "010.1234.5678", "(010) 1234-5678",
            "+82 10-1234-5678", "+821012345678", "0082-10-1234-5678", "011-123-4567", "0111234567", "016-1234-5678",
            "019 123 4567", "  010-1234-5678\t", "\u{3000}010-1234-5678\u{a0}", "010-1234-567", "010123456789",
            "012-1234-5678", "02-123-4567", "0435391234", "1588-1234", "abc", "전화 010-1234-5678", "010–1234–5678",
            "+82 2-123-4567", "12", "1234", "12345", "+8201012345678", "010-****-5678", "010_1234_5678",
        ]
        var state: UInt64 = 0x1234_5678_9abc_def0
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let alphabet = [
            "0", "1", "0", "1", "6", "7", "8", "9", "2", "5", "-", " ", ".", "(", ")", "+82", "+", "가", "x", "\t",
            "\u{3000}", "\u{a0}", "010", "010", "011",
        ]
        for _ in 0..<1500 {
            inputs.append((0..<(1 + next(16))).map { _ in alphabet[next(alphabet.count)] }.joined())
        }
        // Valid numbers in random layouts.
        for _ in 0..<500 {
            let prefix = ["010", "011", "016", "017", "018", "019"][next(6)]
            let middle = (0..<(prefix == "010" || next(2) == 0 ? 4 : 3)).map { _ in String(next(10)) }.joined()
            let last = (0..<4).map { _ in String(next(10)) }.joined()
            let separator = ["", "-", " ", "."][next(4)]
            let lead = ["", "+82 ", " ", "0082"][next(4)]
            let head = lead.hasPrefix("+82") || lead == "0082" ? String(prefix.dropFirst()) : prefix
            inputs.append(lead + head + separator + middle + separator + last)
        }
        return inputs
    }

    @Test func theSQLPhoneMaskAgreesWithPhoneMask() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            let inputs = Self.phoneInputs()
            var mismatches: [String] = []
            for chunk in stride(from: 0, to: inputs.count, by: 500).map({
                Array(inputs[$0..<min($0 + 500, inputs.count)])
            }) {
                let masked = try db.query(
                    "SELECT ilson_mask_phone(p) AS m FROM unnest(\(chunk)::text[]) WITH ORDINALITY AS t (p, n) ORDER BY n"
                ).map { try $0.decode("m", as: String.self) }
                for (input, sql) in zip(chunk, masked) where sql != Phone.mask(input) {
                    mismatches.append(
                        "\(input.debugDescription): SQL \(sql.debugDescription), Swift \(Phone.mask(input).debugDescription)"
                    )
                }
            }
            #expect(inputs.count > 2000)
            #expect(mismatches.isEmpty, Comment(rawValue: mismatches.prefix(20).joined(separator: "\n")))
        }
    }

    @Test func auditRowsOfPeopleHoldNoPhoneNameOrHome() throws {
        try AccessWorld.with { w in
            func run(_ arguments: [String]) throws -> Int32 {
                IlsonCommand.runMain(arguments + ["--database-url", try w.url(as: .coordinatorA)])
            }
            #expect(
                try run([
                    "worker", "add", "--name", "박순자", "--phone", "010-3456-7890", "--lat", "36.85", "--lon", "127.43",
                ]) == 0)
            #expect(try run(["worker", "edit", "010-3456-7890", "--phone", "010-3456-7891", "--name", "박순희"]) == 0)
            #expect(try run(["farmer", "add", "--name", "김영수", "--phone", "010-2345-6789"]) == 0)
            // Direct SQL, as the coordinator: the database masks it all the same.
            try w.connect(as: .coordinatorA).query(
                """
                INSERT INTO audit_log (center_id, via, entity, entity_id, action, after)
                VALUES (\(w["cA"]), 'psql', 'worker', '1', 'create',
                        '{"name": "이철수", "phone": "01055551234", "home_lat": 36.1, "homeLon": 127.2,
                          "nested": [{"worker_phone": "010-5555-1235", "workerName": "최민호"}]}')
                """)
            let after = try w.db.query(
                "SELECT after::text AS a FROM audit_log WHERE via = 'psql'")[0].decode("a", as: String.self)
            #expect(after.contains("010-****-1234") && after.contains("010-****-1235"))
            #expect(after.contains("이**") && after.contains("최**"))
            #expect(!after.contains("home") && !after.contains("Home"))
            let added = try w.db.query(
                """
                SELECT after->>'name' AS name, after->>'phone' AS phone, after ? 'homeLat' AS home
                FROM audit_log WHERE via = 'worker add'
                """)[0]
            #expect(try added.decode("name", as: String.self) == "박**")
            #expect(try added.decode("phone", as: String.self) == "010-****-7890")
            #expect(try added.decode("home", as: Bool.self) == false)
            // No row anywhere holds a full mobile number or one of these names.
            let leaks: Int = try w.db.query(
                """
                SELECT count(*) AS n FROM audit_log
                WHERE concat(before::text, after::text) ~ '01[016789][-. ]?[0-9]{3,4}[-. ]?[0-9]{4}'
                   OR concat(before::text, after::text) ~ '(박순자|박순희|김영수|이철수|최민호)'
                """)[0].decode("n")
            #expect(leaks == 0)
            #expect(
                try w.db.query("SELECT count(*) AS n FROM audit_log WHERE entity IN ('worker', 'farmer')")[0].decode(
                    "n", as: Int.self) >= 4)
        }
    }

    @Test func eachRoleReadsOnlyItsOwnAuditRows() throws {
        try AccessWorld.with { w in
            #expect(
                try IlsonCommand.runMain([
                    "farmer", "add", "--name", "김영수", "--phone", "010-2345-6789",
                    "--database-url", try w.url(as: .coordinatorB),
                ]) == 0)
            let all: Int = try w.db.query("SELECT count(*) AS n FROM audit_log")[0].decode("n")
            #expect(all > 0)
            // A coordinator: their center's rows only, all of them.
            for (person, center) in [(Person.coordinatorA, w["cA"]), (.coordinatorB, w["cB"])] {
                let db = try w.connect(as: person)
                let own: Int = try w.db.query("SELECT count(*) AS n FROM audit_log WHERE center_id = \(center)")[0]
                    .decode("n")
                #expect(own > 0)
                #expect(try db.query("SELECT count(*) AS n FROM audit_log")[0].decode("n", as: Int.self) == own)
            }
            // The admin: only the rows of its own work (centers and logins), never a center's operations or people.
            let admin = try w.connect(as: .admin)
            let seen: Int = try admin.query("SELECT count(*) AS n FROM audit_log")[0].decode("n")
            let users: Int = try w.db.query("SELECT count(*) AS n FROM audit_log WHERE entity IN ('center', 'user')")[0]
                .decode("n")
            #expect(seen == users && users > 0)
            #expect(
                try admin.query("SELECT count(*) AS n FROM audit_log WHERE entity NOT IN ('center', 'user')")[0].decode(
                    "n", as: Int.self) == 0)
            // Farmers and batch logins read none.
            for person in [Person.farmerA, .batch] {
                #expect(throws: PostgresError.self) {
                    try w.connect(as: person).query("SELECT count(*) AS n FROM audit_log")
                }
            }
            // Retention: the admin deletes old rows of every center through ilson_audit_prune, nobody else.
            try w.db.query("UPDATE audit_log SET at = now() - interval '400 days' WHERE id = \(w["lB"])")
            #expect(throws: PostgresError.self) {
                try w.connect(as: .coordinatorA).query("SELECT ilson_audit_prune(now() - interval '365 days')")
            }
            let pruned: Int64 = try admin.query("SELECT ilson_audit_prune(now() - interval '365 days') AS n")[0]
                .decode("n")
            #expect(pruned == 1)
            #expect(try w.db.query("SELECT count(*) AS n FROM audit_log")[0].decode("n", as: Int.self) == all - 1)
        }
    }
}
