import Foundation
import Operations
import Postgres
import Scheduling
import Storage
import Vocabulary

/// Small static factories: centers with farms, workers, one approved roster each.
enum Fixtures {
    /// The day the tests send for: tomorrow by the clock of `spec/cli.md`.
    static var day: Day { (try? IlsonClock.current())?.tomorrow ?? Day(ordinal: 20_000) }

    /// A center's approved roster: `farms` farms (each its own farmer and one request) with `perFarm` workers.
    struct Roster {
        var centerId: Int64
        var code: String
        var rosterId: Int64
        /// Workers with SMS consent, and without.
        var messaged: Int
        var unconsented: [Int64]
        /// Outbox rows the roster makes: one per consenting worker and one list per farm.
        var expectedMessages: Int { messaged + farms }
        var farms: Int
        var workerPhones: [String]
    }

    /// Creates a center `code` (index `n`, for distinct phone numbers) and its approved roster.
    ///
    /// - Parameters:
    ///   - noConsentEvery: every k-th worker has no SMS consent (0: all consent).
    @discardableResult
    ///   - task: the task of farm `f`'s request.
    static func approvedRoster(
        on db: Connection, code: String = "JC", n: Int = 1, farms: Int, perFarm: Int, noConsentEvery: Int = 0,
        state: String = "approved", task: (Int) -> String = { _ in "딸기 수확" }
    ) throws -> Roster {
        let date = day
        let center: Int64 = try db.query(
            "INSERT INTO centers (code, name, sms_sender) VALUES (\(code), \(code + " 농촌인력중개센터"), '0435391234') RETURNING id"
        ).first!.decode("id")
        let roster: Int64 = try db.query(
            """
            INSERT INTO rosters (center_id, work_date, state, approved_at)
            VALUES (\(center), \(date), \(state), CASE WHEN \(state) = 'draft' THEN NULL ELSE now() END) RETURNING id
            """
        ).first!.decode("id")
        var messaged = 0
        var unconsented: [Int64] = []
        var phones: [String] = []
        var w = 0
        for f in 0..<farms {
            let farmerPhone = String(format: "0101%01d%06d", n, f)
            let farmer: Int64 = try db.query(
                "INSERT INTO farmers (center_id, name, phone) VALUES (\(center), \("농가주\(f)"), \(farmerPhone)) RETURNING id"
            ).first!.decode("id")
            let farm: Int64 = try db.query(
                """
                INSERT INTO farms (center_id, code, name, farmer_id, lat, lon, address, meeting_point, meeting_time)
                VALUES (\(center), \("F\(f)"), \("햇살딸기농장\(f)"), \(farmer), 36.85, 127.43,
                        '충북 진천군 이월면 중산리 12', '이월면사무소 앞', '06:30') RETURNING id
                """
            ).first!.decode("id")
            let job: Int64 = try db.query(
                "INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (\(center), \(farm), '딸기 수확') RETURNING id"
            ).first!.decode("id")
            let request: Int64 = try db.query(
                """
                INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task,
                                            headcount, wage)
                VALUES (\(center), \(job), \(farm), \(date), '07:00', '16:00', \(task(f)), \(perFarm), 130000)
                RETURNING id
                """
            ).first!.decode("id")
            for _ in 0..<perFarm {
                w += 1
                let consent = noConsentEvery == 0 || w % noConsentEvery != 0
                let phone = String(format: "0102%01d%06d", n, w)
                phones.append(phone)
                let worker: Int64 = try db.query(
                    """
                    INSERT INTO workers (center_id, name, phone, home_lat, home_lon, sms_consent)
                    VALUES (\(center), \("김똠\(w)"), \(phone), 36.86, 127.44, \(consent)) RETURNING id
                    """
                ).first!.decode("id")
                try db.query(
                    """
                    INSERT INTO assignments (center_id, roster_id, request_id, worker_id, work_date, status)
                    VALUES (\(center), \(roster), \(request), \(worker), \(date), 'approved')
                    """)
                if consent { messaged += 1 } else { unconsented.append(worker) }
            }
        }
        return Roster(
            centerId: center, code: code, rosterId: roster, messaged: messaged, unconsented: unconsented,
            farms: farms, workerPhones: phones)
    }

    static func rosterState(_ roster: Int64, on db: Connection) throws -> String {
        try db.query("SELECT state FROM rosters WHERE id = \(roster)").first!.decode("state")
    }

    /// Outbox rows of a roster: key → (state, kind, attempts).
    static func outbox(_ roster: Int64, on db: Connection) throws -> [String: (
        state: String, kind: String, attempts: Int
    )] {
        var out: [String: (String, String, Int)] = [:]
        for row in try db.query(
            "SELECT idempotency_key::text AS k, state, kind, attempts FROM sms_outbox WHERE roster_id = \(roster)")
        {
            out[try row.decode("k")] = (try row.decode("state"), try row.decode("kind"), try row.decode("attempts"))
        }
        return out
    }
}
