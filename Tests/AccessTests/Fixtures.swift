import Foundation
import Postgres
import Storage
import Vocabulary

/// The people of the access tests, each a real LOGIN role of their own (unique per run: roles are cluster-wide).
enum Person: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Farmer A and farmer B, both in center A; coordinators of centers A and B; a batch login for every
    /// center; an admin.
    case farmerA = "fa"
    case farmerB = "fb"
    case coordinatorA = "ca"
    case coordinatorB = "cb"
    case batch = "bt"
    case admin = "ad"
    var description: String { rawValue }
}

/// Two centers with farmers, farms, workers, requests, approved rosters, messages and logs, written as the
/// superuser (which bypasses row-level security), and one login per `Person` mapped through `ilson_create_login`.
///
/// ```
/// center A (JA): farmer fa → farm FA1, farmer fb → farm FB1; workers wA1, wA2; roster roA (approved, day D)
/// center B (JB): farmer fc → farm FC1;                        workers wB1, wB2; roster roB (approved, day D)
/// ```
final class AccessWorld {
    /// The superuser's connection (bypasses row-level security).
    let db: Connection
    /// The superuser's connection string to the test database.
    let url: String
    /// `t_<random>_`: every login of this run starts with it.
    let prefix: String
    /// The ids of the rows above, by name (`cA`, `fa`, `farmA`, `wA1`, `rA`, `roA`, `aA`, …).
    private(set) var ids: [String: Int64] = [:]
    /// Day D (an approved roster's day) and the days after it, as `YYYY-MM-DD`.
    let day: String, day1: String, day2: String
    /// Every login's password (the tests' connections over TCP need it; socket logins are trusted).
    let password = "pw-" + UUID().uuidString
    private var created: [String] = []

    init(db: Connection, url: String) throws {
        self.db = db
        self.url = url
        prefix = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(10) + "_"
        let row = try db.query(
            """
            SELECT (current_date + 30)::text AS d, (current_date + 31)::text AS d1, (current_date + 32)::text AS d2
            """)[0]
        day = try row.decode("d")
        day1 = try row.decode("d1")
        day2 = try row.decode("d2")
        try build()
    }

    subscript(_ name: String) -> Int64 { ids[name]! }

    /// The login of a person in this run.
    func login(_ person: Person) -> String { prefix + person.rawValue }

    /// A connection string to the test database as that person (password included for TCP).
    func url(as login: String) throws -> String {
        var options = try ConnectionString.parse(url)
        options["user"] = login
        options["password"] = password
        return ConnectionString.keyValue(options)
    }

    func url(as person: Person) throws -> String { try url(as: login(person)) }

    /// A new connection as that person.
    func connect(as person: Person) throws -> Connection {
        try Connection(url(as: person), applicationName: "ilson-access-tests")
    }

    @discardableResult
    private func insert(_ name: String, _ query: PostgresQuery) throws -> Int64 {
        let id: Int64 = try db.query(query)[0].decode("id")
        ids[name] = id
        return id
    }

    private func build() throws {
        let cA = try insert("cA", "INSERT INTO centers (code, name) VALUES ('JA', '센터 A') RETURNING id")
        let cB = try insert("cB", "INSERT INTO centers (code, name) VALUES ('JB', '센터 B') RETURNING id")
        let fa = try insert(
            "fa", "INSERT INTO farmers (center_id, name, phone) VALUES (\(cA), '농부 A', '01090000001') RETURNING id")
        let fb = try insert(
            "fb", "INSERT INTO farmers (center_id, name, phone) VALUES (\(cA), '농부 B', '01090000002') RETURNING id")
        let fc = try insert(
            "fc", "INSERT INTO farmers (center_id, name, phone) VALUES (\(cB), '농부 C', '01090000003') RETURNING id")
        func farm(_ name: String, _ center: Int64, _ code: String, _ farmer: Int64) throws -> Int64 {
            try insert(
                name,
                """
                INSERT INTO farms (center_id, code, name, farmer_id, lat, lon, meeting_point, meeting_time)
                VALUES (\(center), \(code), \(code + " 농장"), \(farmer), 36.9, 127.4, '회관', '06:30') RETURNING id
                """)
        }
        let farmA = try farm("farmA", cA, "FA1", fa)
        let farmAb = try farm("farmAb", cA, "FB1", fb)
        let farmB = try farm("farmB", cB, "FC1", fc)
        func worker(_ name: String, _ center: Int64, _ phone: String) throws -> Int64 {
            try insert(
                name,
                """
                INSERT INTO workers (center_id, name, phone, home_lat, home_lon, sms_consent)
                VALUES (\(center), \(name), \(phone), 36.85, 127.43, true) RETURNING id
                """)
        }
        let wA1 = try worker("wA1", cA, "01080000001")
        let wA2 = try worker("wA2", cA, "01080000002")
        let wB1 = try worker("wB1", cB, "01080000003")
        let wB2 = try worker("wB2", cB, "01080000004")
        let sA = try insert(
            "sA",
            "INSERT INTO skills (center_id, code) VALUES (\(cA), 'harvest') ON CONFLICT (center_id, code) DO UPDATE SET code = EXCLUDED.code RETURNING id"
        )
        let sB = try insert(
            "sB",
            "INSERT INTO skills (center_id, code) VALUES (\(cB), 'harvest') ON CONFLICT (center_id, code) DO UPDATE SET code = EXCLUDED.code RETURNING id"
        )
        try db.query("INSERT INTO worker_skills (center_id, worker_id, skill_id) VALUES (\(cA), \(wA1), \(sA))")
        try db.query("INSERT INTO worker_skills (center_id, worker_id, skill_id) VALUES (\(cB), \(wB1), \(sB))")
        try db.query(
            "INSERT INTO worker_allowed_farms (center_id, worker_id, farm_id) VALUES (\(cA), \(wA1), \(farmA))")
        try db.query(
            "INSERT INTO worker_allowed_farms (center_id, worker_id, farm_id) VALUES (\(cB), \(wB1), \(farmB))")
        try insert(
            "avA",
            "INSERT INTO worker_availability (center_id, worker_id, available_from) VALUES (\(cA), \(wA1), current_date) RETURNING id"
        )
        try insert(
            "avB",
            "INSERT INTO worker_availability (center_id, worker_id, available_from) VALUES (\(cB), \(wB1), current_date) RETURNING id"
        )
        try db.query("INSERT INTO blocks (center_id, farm_id, worker_id) VALUES (\(cA), \(farmA), \(wA2))")
        try db.query("INSERT INTO blocks (center_id, farm_id, worker_id) VALUES (\(cB), \(farmB), \(wB2))")
        func job(_ name: String, _ center: Int64, _ farm: Int64) throws -> Int64 {
            try insert(
                name,
                "INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (\(center), \(farm), 'harvest') RETURNING id")
        }
        let jA = try job("jA", cA, farmA)
        let jAb = try job("jAb", cA, farmAb)
        let jB = try job("jB", cB, farmB)
        func request(_ name: String, _ center: Int64, _ job: Int64, _ farm: Int64) throws -> Int64 {
            try insert(
                name,
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, headcount)
                VALUES (\(center), \(job), \(farm), \(day)::date, '07:00', '16:00', 'harvest', 2) RETURNING id
                """)
        }
        let rA = try request("rA", cA, jA, farmA)
        let rAb = try request("rAb", cA, jAb, farmAb)
        let rB = try request("rB", cB, jB, farmB)
        func roster(_ name: String, _ center: Int64) throws -> Int64 {
            try insert(
                name,
                """
                INSERT INTO rosters (center_id, work_date, state, approved_at) VALUES (\(center), \(day)::date, 'approved', now())
                RETURNING id
                """)
        }
        let roA = try roster("roA", cA)
        let roB = try roster("roB", cB)
        func assignment(_ name: String, _ center: Int64, _ roster: Int64, _ request: Int64, _ worker: Int64) throws {
            try insert(
                name,
                """
                INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date, status)
                VALUES (\(center), \(roster), \(request), \(worker), \(day)::date, 'approved') RETURNING id
                """)
        }
        try assignment("aA", cA, roA, rA, wA1)
        try assignment("aAb", cA, roA, rAb, wA2)
        try assignment("aB", cB, roB, rB, wB1)
        try db.query(
            "INSERT INTO roster_exclusions (center_id, roster_id, request_id, worker_id) VALUES (\(cA), \(roA), \(rA), \(wA2))"
        )
        try db.query(
            "INSERT INTO roster_exclusions (center_id, roster_id, request_id, worker_id) VALUES (\(cB), \(roB), \(rB), \(wB2))"
        )
        try insert(
            "bA", "INSERT INTO batch_runs (center_id, job, work_date) VALUES (\(cA), 'plan', \(day)::date) RETURNING id"
        )
        try insert(
            "bB", "INSERT INTO batch_runs (center_id, job, work_date) VALUES (\(cB), 'plan', \(day)::date) RETURNING id"
        )
        for (name, center, roster, worker) in [("oA", cA, roA, wA1), ("oB", cB, roB, wB1)] {
            try insert(
                name,
                """
                INSERT INTO sms_outbox (center_id, roster_id, work_date, recipient, recipient_role, recipient_id, kind, type,
                                        body, byte_count)
                VALUES (\(center), \(roster), \(day)::date, '01080000001', 'worker', \(worker), 'assignment', 'SMS', '내일 작업', 9)
                RETURNING id
                """)
        }
        try db.query("INSERT INTO message_templates (center_id, slot, body) VALUES (\(cA), 'assignment', 'A {name}')")
        try db.query("INSERT INTO message_templates (center_id, slot, body) VALUES (\(cB), 'assignment', 'B {name}')")
        // sql/020 and sql/021: a priority policy and a yearly target per center.
        for c in [cA, cB] {
            try db.query("INSERT INTO center_priority_policy (center_id, base) VALUES (\(c), 2)")
            try db.query(
                "INSERT INTO yearly_targets (center_id, year, category, days) VALUES (\(c), 2027, 'senior', 100)")
        }
        try insert(
            "lA",
            "INSERT INTO audit_log (center_id, via, entity, entity_id, action) VALUES (\(cA), 'test', 'x', '1', 'create') RETURNING id"
        )
        try insert(
            "lB",
            "INSERT INTO audit_log (center_id, via, entity, entity_id, action) VALUES (\(cB), 'test', 'x', '2', 'create') RETURNING id"
        )

        // The logins, made the way `ilson user add` makes them.
        let verifier = try db.encryptPassword(password, user: "")
        let logins: [(Person, String, Int64?, Int64?)] = [
            (.farmerA, "farmer", cA, fa), (.farmerB, "farmer", cA, fb), (.coordinatorA, "coordinator", cA, nil),
            (.coordinatorB, "coordinator", cB, nil), (.batch, "batch", nil, nil), (.admin, "admin", nil, nil),
        ]
        for (person, kind, center, farmer) in logins {
            created.append(login(person))
            try UserStore.create(
                login: login(person), verifier: verifier, kind: kind, center: center, farmer: farmer, on: db)
        }
    }

    /// Remembers a role made during a test, so `dropRoles` drops it.
    func remember(role: String) { created.append(role) }

    /// Drops every login of this run (roles are cluster-wide; the database goes with `TestDatabase`).
    static func dropRoles(_ roles: [String], base: String) {
        guard let admin = try? Connection(base, applicationName: "ilson-access-tests") else { return }
        for role in roles { _ = try? admin.query("DROP ROLE IF EXISTS \(identifier: role)") }
    }

    var roles: [String] { created }

    /// Runs `body` on a fresh world, then drops its database and every login it made.
    static func with(_ body: (AccessWorld) throws -> Void) throws {
        var roles: [String] = []
        defer { if let base = TestDatabase.baseURL { dropRoles(roles, base: base) } }
        try TestDatabase.withMigratedDatabase { db, url in
            let world = try AccessWorld(db: db, url: url)
            defer { roles = world.roles }
            try body(world)
        }
    }
}
