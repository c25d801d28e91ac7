import Foundation
import Postgres
import Storage
import Testing

/// The CHECK constraints of the registry tables that `StorageTests/SchemaTests` does not cover yet
/// (it has headcount 0, min > headcount, start ≥ end, priority 11, lat 91, lon 181, bad phones, category).
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct RegistrySchemaTests {
    static let badRows: [(constraint: String, sql: String)] = [
        ("centers_code_format", "INSERT INTO centers (code, name) VALUES ('jc', 'x')"),
        ("centers_name_present", "INSERT INTO centers (code, name) VALUES ('XX', '  ')"),
        ("centers_sms_sender_format", "INSERT INTO centers (code, name, sms_sender) VALUES ('XX', 'x', '112')"),
        ("farmers_name_present", "INSERT INTO farmers (center_id, name, phone) VALUES (1, '', '01012340000')"),
        (
            "farms_code_format",
            "INSERT INTO farms (center_id, code, name, farmer_id, lat, lon) VALUES (1, 'F 1', 'x', 1, 36, 127)"
        ),
        (
            "farms_name_present",
            "INSERT INTO farms (center_id, code, name, farmer_id, lat, lon) VALUES (1, 'F9', ' ', 1, 36, 127)"
        ),
        (
            "farms_lon_range",
            "INSERT INTO farms (center_id, code, name, farmer_id, lat, lon) VALUES (1, 'F9', 'x', 1, 36, 200)"
        ),
        (
            "farms_village_present",
            "INSERT INTO farms (center_id, code, name, farmer_id, lat, lon, village) VALUES (1, 'F9', 'x', 1, 36, 127, '')"
        ),
        (
            "workers_home_lat_range",
            "INSERT INTO workers (center_id, name, phone, home_lat, home_lon) VALUES (1, 'x', '01012340001', 91, 127)"
        ),
        (
            "workers_max_travel_km_range",
            "INSERT INTO workers (center_id, name, phone, home_lat, home_lon, max_travel_km) VALUES (1, 'x', '01012340001', 36, 127, 0)"
        ),
        (
            "workers_max_days_per_week_range",
            "INSERT INTO workers (center_id, name, phone, home_lat, home_lon, max_days_per_week) VALUES (1, 'x', '01012340001', 36, 127, 8)"
        ),
        (
            "workers_name_present",
            "INSERT INTO workers (center_id, name, phone, home_lat, home_lon) VALUES (1, '', '01012340001', 36, 127)"
        ),
        ("skills_code_format", "INSERT INTO skills (center_id, code) VALUES (1, '수확')"),
        (
            "worker_availability_kind_known",
            "INSERT INTO worker_availability (center_id, worker_id, kind, available_from) VALUES (1, 1, 'maybe', '2026-12-01')"
        ),
        (
            "worker_availability_range_order",
            "INSERT INTO worker_availability (center_id, worker_id, available_from, available_to) VALUES (1, 1, '2026-12-05', '2026-12-01')"
        ),
        (
            "worker_availability_off_closed",
            "INSERT INTO worker_availability (center_id, worker_id, kind, available_from) VALUES (1, 1, 'off', '2026-12-01')"
        ),
        ("labor_jobs_task_present", "INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (1, 1, ' ')"),
        ("labor_requests_min_headcount_range", request(headcount: "4", min: "0")),
        ("labor_requests_headcount_range", request(headcount: "501", min: "1")),
        ("labor_requests_priority_range", request(priority: "0")),
        ("labor_requests_wage_nonnegative", request(wage: "-1")),
        ("labor_requests_wage_range", request(wage: "13000000")),
        ("labor_requests_max_travel_km_positive", request(maxTravel: "0")),
        ("labor_requests_max_travel_km_range", request(maxTravel: "900")),
        ("labor_requests_time_order", request(start: "16:00", end: "16:00")),
        ("labor_requests_status_known", request(status: "'done'")),
        ("labor_requests_cancelled_at_set", request(status: "'cancelled'")),
        ("labor_requests_cancel_reason_only_cancelled", request(reason: "'rain'")),
        ("labor_requests_task_present", request(task: "''")),
    ]

    static func request(
        headcount: String = "4", min: String = "1", priority: String = "1", wage: String = "NULL",
        maxTravel: String = "NULL", start: String = "07:00", end: String = "16:00", status: String = "'submitted'",
        reason: String = "NULL", task: String = "'harvest'"
    ) -> String {
        """
        INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount,
                                    min_headcount, priority, wage, max_travel_km, status, cancel_reason)
        VALUES (1, 1, 1, '2026-12-01', '\(start)', '\(end)', \(task), \(headcount), \(min), \(priority), \(wage),
                \(maxTravel), \(status), \(reason))
        """
    }

    @Test func everyRegistryCheckRejectsADirectBadInsert() throws {
        try TestDatabase.withMigratedDatabase { db, _ in
            try db.executeScript(
                """
                INSERT INTO centers (code, name) VALUES ('JC', '진천');
                INSERT INTO farmers (center_id, name, phone) VALUES (1, '이월순', '01098765432');
                INSERT INTO farms (center_id, code, name, farmer_id, lat, lon) VALUES (1, 'F001', '딸기', 1, 36.9, 127.4);
                INSERT INTO workers (center_id, name, phone, home_lat, home_lon) VALUES (1, '김', '01012345678', 36.8, 127.4);
                INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (1, 1, 'harvest');
                """)
            // The good request is accepted, so each bad one fails for its own reason.
            try db.query(PostgresQuery(unescaped: RegistrySchemaTests.request()))
            try db.query("DELETE FROM labor_requests")
            for (constraint, sql) in RegistrySchemaTests.badRows {
                var violated: String?
                do {
                    try db.query(PostgresQuery(unescaped: sql))
                } catch {
                    if let error = error as? PostgresError, case .checkViolation(let c) = error.kind { violated = c }
                }
                #expect(violated == constraint, "\(constraint)")
            }
            #expect(try Fixtures.count(db, "labor_requests") == 0)
        }
    }
}
