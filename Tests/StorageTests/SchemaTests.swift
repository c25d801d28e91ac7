import Foundation
import Postgres
import Testing

@testable import Storage

/// The constraints of `sql/001_core.sql` reject impossible rows.
@Suite(.enabled(if: TestDatabase.enabled, TestDatabase.skipComment))
struct SchemaTests {
    /// A migrated database with one center, farmer, farm, worker and job; their ids.
    struct Seed {
        var center: Int64, farmer: Int64, farm: Int64, worker: Int64, job: Int64
    }

    static func seed(_ db: Connection, code: String = "JC") throws -> Seed {
        let center = try db.query(
            "INSERT INTO centers (code, name, sms_sender) VALUES (\(code), \("진천군 농촌인력중개센터"), \("0435391234")) RETURNING id"
        )[0].decode("id", as: Int64.self)
        let farmer = try db.query(
            "INSERT INTO farmers (center_id, name, phone) VALUES (\(center), \("이월순"), \("01098765432")) RETURNING id"
        )[0].decode("id", as: Int64.self)
        let farm = try db.query(
            """
            INSERT INTO farms (center_id, code, name, farmer_id, lat, lon, village)
            VALUES (\(center), \("F001"), \("이월 딸기농장"), \(farmer), \(36.90), \(127.43), \("이월면 중산리")) RETURNING id
            """)[0].decode("id", as: Int64.self)
        let worker = try db.query(
            """
            INSERT INTO workers (center_id, name, phone, home_lat, home_lon, category)
            VALUES (\(center), \("김영숙"), \("01012345678"), \(36.8551), \(127.4433), \("senior")) RETURNING id
            """)[0].decode("id", as: Int64.self)
        let job = try db.query(
            "INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (\(center), \(farm), \("harvest")) RETURNING id"
        )[0].decode("id", as: Int64.self)
        return Seed(center: center, farmer: farmer, farm: farm, worker: worker, job: job)
    }

    static func withSchema(_ body: (Connection, Seed) throws -> Void) throws {
        try TestDatabase.withDatabase { db, _ in
            try MigrationRunner(source: .embedded).migrate(on: db)
            try body(db, try seed(db))
        }
    }

    /// Inserts a request with the given overrides; returns the error's kind, or nil when it was accepted.
    static func insertRequest(
        _ db: Connection, _ seed: Seed, date: String = "2026-12-01", start: String = "07:00", end: String = "16:00",
        headcount: Int = 4, minHeadcount: Int = 2, priority: Int = 2, skills: [String] = ["harvest"]
    ) -> PostgresError.Kind? {
        do {
            try db.query(
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, skills,
                                            headcount, min_headcount, priority, wage)
                VALUES (\(seed.center), \(seed.job), \(seed.farm), \(date)::date, \(start)::time, \(end)::time,
                        \("harvest"), \(skills), \(headcount), \(minHeadcount), \(priority), \(130_000))
                """)
            return nil
        } catch {
            return error.kind
        }
    }

    @Test func goodRequestIsAccepted() throws {
        try SchemaTests.withSchema { db, seed in
            #expect(SchemaTests.insertRequest(db, seed) == nil)
            // One request per day of a job.
            #expect(
                SchemaTests.insertRequest(db, seed, start: "08:00")
                    == .uniqueViolation(constraint: "labor_requests_job_date_key"))
        }
    }

    @Test func impossibleRequestsAreRejected() throws {
        try SchemaTests.withSchema { db, seed in
            #expect(
                SchemaTests.insertRequest(db, seed, headcount: 0, minHeadcount: 0)
                    == .checkViolation(constraint: "labor_requests_headcount_positive"))
            #expect(
                SchemaTests.insertRequest(db, seed, headcount: 2, minHeadcount: 3)
                    == .checkViolation(constraint: "labor_requests_min_headcount_range"))
            #expect(
                SchemaTests.insertRequest(db, seed, minHeadcount: 0)
                    == .checkViolation(constraint: "labor_requests_min_headcount_range"))
            #expect(
                SchemaTests.insertRequest(db, seed, start: "16:00", end: "07:00")
                    == .checkViolation(constraint: "labor_requests_time_order"))
            #expect(
                SchemaTests.insertRequest(db, seed, priority: 11)
                    == .checkViolation(constraint: "labor_requests_priority_range"))
            let count = try db.query("SELECT count(*) AS n FROM labor_requests")[0].decode("n", as: Int.self)
            #expect(count == 0)
        }
    }

    @Test(arguments: ["010-1234-5678", "010123456", "0101234567", "02123456789", "01512345678", "010123456789", ""])
    func badPhoneIsRejected(_ phone: String) throws {
        try SchemaTests.withSchema { db, seed in
            #expect(throws: PostgresError(kind: .checkViolation(constraint: "workers_phone_format"), message: "")) {
                try db.query(
                    """
                    INSERT INTO workers (center_id, name, phone, home_lat, home_lon)
                    VALUES (\(seed.center), \("박민수"), \(phone), \(36.0), \(127.0))
                    """)
            }
            #expect(throws: PostgresError(kind: .checkViolation(constraint: "farmers_phone_format"), message: "")) {
                try db.query("INSERT INTO farmers (center_id, name, phone) VALUES (\(seed.center), \("박"), \(phone))")
            }
        }
    }

    @Test func coordinatesCategoryAndPhoneUniqueness() throws {
        try SchemaTests.withSchema { db, seed in
            #expect(throws: PostgresError(kind: .checkViolation(constraint: "farms_lat_range"), message: "")) {
                try db.query(
                    """
                    INSERT INTO farms (center_id, code, name, farmer_id, lat, lon)
                    VALUES (\(seed.center), \("F002"), \("x"), \(seed.farmer), \(91.0), \(127.0))
                    """)
            }
            #expect(throws: PostgresError(kind: .checkViolation(constraint: "workers_home_lon_range"), message: "")) {
                try db.query(
                    """
                    INSERT INTO workers (center_id, name, phone, home_lat, home_lon)
                    VALUES (\(seed.center), \("x"), \("01011112222"), \(36.0), \(181.0))
                    """)
            }
            #expect(throws: PostgresError(kind: .checkViolation(constraint: "workers_category_known"), message: "")) {
                try db.query(
                    """
                    INSERT INTO workers (center_id, name, phone, home_lat, home_lon, category)
                    VALUES (\(seed.center), \("x"), \("01011112222"), \(36.0), \(127.0), \("robot"))
                    """)
            }
            #expect(throws: PostgresError(kind: .uniqueViolation(constraint: "workers_center_phone_key"), message: ""))
            {
                try db.query(
                    """
                    INSERT INTO workers (center_id, name, phone, home_lat, home_lon)
                    VALUES (\(seed.center), \("동명이인"), \("01012345678"), \(36.0), \(127.0))
                    """)
            }
        }
    }

    @Test func rowsCannotPointIntoAnotherCenter() throws {
        try SchemaTests.withSchema { db, seed in
            let other = try SchemaTests.seed(db, code: "GS")
            // Same phone in another center is fine.
            #expect(other.worker != seed.worker)
            // A farm of center JC owned by a farmer of center GS is refused.
            #expect(throws: PostgresError(kind: .foreignKeyViolation(constraint: "farms_farmer_fkey"), message: "")) {
                try db.query(
                    """
                    INSERT INTO farms (center_id, code, name, farmer_id, lat, lon)
                    VALUES (\(seed.center), \("F009"), \("x"), \(other.farmer), \(36.0), \(127.0))
                    """)
            }
            // A request whose job belongs to another farm is refused.
            var mixed = seed
            mixed.job = other.job
            #expect(SchemaTests.insertRequest(db, mixed) == .foreignKeyViolation(constraint: "labor_requests_job_fkey"))
            #expect(throws: PostgresError(kind: .foreignKeyViolation(constraint: "blocks_worker_fkey"), message: "")) {
                try db.query(
                    "INSERT INTO blocks (center_id, farm_id, worker_id) VALUES (\(seed.center), \(seed.farm), \(other.worker))"
                )
            }
        }
    }
}

extension PostgresError: Equatable {
    /// Tests compare errors by kind.
    public static func == (lhs: PostgresError, rhs: PostgresError) -> Bool { lhs.kind == rhs.kind }
}
