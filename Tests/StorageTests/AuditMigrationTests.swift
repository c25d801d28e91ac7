import Foundation
import Postgres
import Storage
import Testing

/// sql/010 masks the audit rows written before it, and sql/011 applies to a database with data in it.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct AuditMigrationTests {
    @Test func rowsWrittenBefore010AreMaskedByIt() throws {
        try TestDatabase.withDatabase { db, _ in
            let all = try MigrationRunner(source: .embedded)
            try MigrationRunner(migrations: all.migrations.filter { $0.version < 10 }).migrate(on: db)
            let center: Int64 = try db.query("INSERT INTO centers (code, name) VALUES ('JC', '진천') RETURNING id")[0]
                .decode("id")
            try db.query(
                """
                INSERT INTO audit_log (center_id, via, entity, entity_id, action, before, after) VALUES
                (\(center), 'worker edit', 'worker', '1', 'update',
                 '{"name": "박순자", "phone": "01034567890", "homeLat": 36.85, "homeLon": 127.43, "village": "교성리"}',
                 '{"name": "박순희", "phone": "010-3456-7891", "homeLat": 36.86, "homeLon": 127.44, "village": "교성리"}'),
                (\(center), 'farmer add', 'farmer', '2', 'create', NULL, '{"name": "김영수", "phone": "01023456789"}'),
                (\(center), 'farm add', 'farm', '3', 'create', NULL, '{"name": "이월 딸기하우스", "lat": 36.9}')
                """)
            let report = try all.migrate(on: db)
            #expect(report.applied.map(\.version).contains(10))
            let rows = try db.query("SELECT before::text AS b, after::text AS a FROM audit_log ORDER BY id").map {
                (try $0.decode("b", as: String?.self) ?? "") + (try $0.decode("a", as: String.self))
            }
            #expect(rows.count == 3)
            #expect(rows[0].contains("\"박**\"") && rows[0].contains("\"010-****-7890\""))
            #expect(rows[0].contains("\"010-****-7891\"") && rows[0].contains("교성리"))
            #expect(!rows[0].contains("home") && !rows[0].contains("36.8"))
            #expect(rows[1].contains("\"김**\"") && rows[1].contains("\"010-****-6789\""))
            // A farm is not a person: its name and place stay.
            #expect(rows[2].contains("이월 딸기하우스") && rows[2].contains("36.9"))
        }
    }
}
