import Foundation
import Operations
import Postgres
import Records
import Scheduling
import Storage
import Vocabulary

/// Test data for roster tests: an `Instance` written into the tables with parameterized INSERTs.
enum RosterFixtures {
    /// The database ids an imported instance got.
    struct Imported {
        var center: CenterRecord
        var workers: [String: Int64] = [:]
        var farms: [String: Int64] = [:]
        var requests: [String: Int64] = [:]
        /// Instance worker id → phone digits.
        var phones: [String: String] = [:]
    }

    /// Writes the instance's workers, farms and requests into a new center `code` (one farmer; a job per `job`).
    /// Availability: a worker not available on a request date gets an `off` row for it.
    static func importInstance(_ instance: Instance, code: String = "JC", on db: Connection) throws -> Imported {
        try db.transaction { db in
            let centerID: Int64 = try db.query(
                "INSERT INTO centers (code, name) VALUES (\(code), \(code + " 농촌인력중개센터")) RETURNING id"
            )[0].decode("id")
            let center = try Centers.resolve(code, on: db)
            var out = Imported(center: center)
            let farmer: Int64 = try db.query(
                """
                INSERT INTO farmers (center_id, name, phone) VALUES (\(centerID), '농부', \("0105" + String(format: "%07d", Int(centerID))))
                RETURNING id
                """)[0].decode("id")
            var skillIDs: [String: Int64] = [:]
            let skills = Set(instance.workers.flatMap(\.skills)).union(instance.requests.flatMap(\.skills)).sorted()
            for s in skills {
                skillIDs[s] = try db.query(
                    // The national catalogue (023) already holds the common codes.
                    """
                    INSERT INTO skills (center_id, code) VALUES (\(centerID), \(s))
                    ON CONFLICT (center_id, code) DO UPDATE SET code = EXCLUDED.code RETURNING id
                    """)[0].decode("id")
            }
            for (i, f) in instance.farms.enumerated() {
                out.farms[f.id] = try db.query(
                    """
                    INSERT INTO farms (center_id, code, name, farmer_id, lat, lon)
                    VALUES (\(centerID), \("F\(i + 1)"), \(f.name ?? f.id), \(farmer), \(f.location.lat), \(f.location.lon))
                    RETURNING id
                    """)[0].decode("id")
            }
            let dates = Set(instance.requests.map(\.date))
            for (i, w) in instance.workers.enumerated() {
                let phone = "010" + String(format: "%08d", Int(centerID) * 1_000_000 + i + 1)
                let id: Int64 = try db.query(
                    """
                    INSERT INTO workers (center_id, name, phone, home_lat, home_lon, category, max_travel_km,
                                         max_days_per_week, allowed_farms_only)
                    VALUES (\(centerID), \(w.name ?? w.id), \(phone), \(w.home.lat), \(w.home.lon), \(w.category.rawValue),
                            \(w.maxTravelKm), \(w.maxDaysPerWeek), \(w.allowedFarms != nil))
                    RETURNING id
                    """)[0].decode("id")
                out.workers[w.id] = id
                out.phones[w.id] = phone
                for s in w.skills.sorted() {
                    try db.query(
                        "INSERT INTO worker_skills (center_id, worker_id, skill_id) VALUES (\(centerID), \(id), \(skillIDs[s]!))"
                    )
                }
                for d in dates.subtracting(w.available).sorted() {
                    try db.query(
                        """
                        INSERT INTO worker_availability (center_id, worker_id, kind, available_from, available_to)
                        VALUES (\(centerID), \(id), 'off', \(d), \(d))
                        """)
                }
                for f in w.blockedFarms.sorted() {
                    if let farm = out.farms[f] {
                        try db.query(
                            "INSERT INTO blocks (center_id, farm_id, worker_id) VALUES (\(centerID), \(farm), \(id))")
                    }
                }
                for f in (w.allowedFarms ?? []).sorted() {
                    if let farm = out.farms[f] {
                        try db.query(
                            "INSERT INTO worker_allowed_farms (center_id, worker_id, farm_id) VALUES (\(centerID), \(id), \(farm))"
                        )
                    }
                }
            }
            var jobs: [String: Int64] = [:]
            var naturalKeys = Set<String>()
            for r in instance.requests {
                // The natural key (farm, date, task, start) is unique: number repeated tasks.
                var task = r.task ?? "작업"
                var n = 1
                while !naturalKeys.insert("\(r.farm) \(r.date) \(task) \(r.start?.description ?? "")").inserted {
                    n += 1
                    task = "\(r.task ?? "작업") \(n)"
                }
                let farm = out.farms[r.farm]!
                let job: Int64
                if let j = jobs[r.job] {
                    job = j
                } else {
                    job = try db.query(
                        "INSERT INTO labor_jobs (center_id, farm_id, task) VALUES (\(centerID), \(farm), \(r.task ?? "작업")) RETURNING id"
                    )[0].decode("id")
                    jobs[r.job] = job
                }
                out.requests[r.id] = try db.query(
                    """
                    INSERT INTO labor_requests (center_id, job_id, farm_id, work_date, start_time, end_time, task, skills,
                                                headcount, min_headcount, priority, max_travel_km)
                    VALUES (\(centerID), \(job), \(farm), \(r.date), \((r.start ?? TimeOfDay("07:00")!).description)::time,
                            \((r.end ?? TimeOfDay("16:00")!).description)::time, \(task), \(r.skills.sorted()),
                            \(r.headcount), \(r.minHeadcount), \(r.priority), \(r.maxTravelKm))
                    RETURNING id
                    """)[0].decode("id")
            }
            return out
        }
    }

    /// A small county around 진천: 8 workers, 3 farms, 3 requests on `date`.
    static func smallCounty(date: Day) -> Instance {
        func worker(
            _ n: Int, _ name: String, _ lat: Double, _ lon: Double, _ skills: Set<String>, cap: Double = 30,
            available: Bool = true, maxDays: Int = 6
        ) -> Worker {
            Worker(
                id: "w\(n)", name: name, home: GeoPoint(lat: lat, lon: lon), skills: skills, maxTravelKm: cap,
                available: available ? [date] : [], maxDaysPerWeek: maxDays)
        }
        return Instance(
            workers: [
                worker(1, "김영숙", 36.8551, 127.4433, ["harvest", "packing"], cap: 20),
                worker(2, "이정희", 36.8600, 127.4500, ["harvest"], cap: 25),
                worker(3, "박철수", 36.8800, 127.4900, ["harvest", "pruning"]),
                worker(4, "정미경", 36.9000, 127.4200, ["packing"], cap: 15),
                worker(5, "최동현", 36.8700, 127.3700, ["harvest", "pruning"]),
                worker(6, "응우옌 반 안", 36.8650, 127.5000, ["harvest"]),
                worker(7, "한순자", 36.8500, 127.4400, ["packing"], cap: 10, available: false),
                worker(8, "오세훈", 36.8950, 127.3650, ["harvest", "pruning"]),
            ],
            farms: [
                Farm(id: "f1", name: "이월 딸기농장", location: GeoPoint(lat: 36.9010, lon: 127.4300)),
                Farm(id: "f2", name: "덕산 수박하우스", location: GeoPoint(lat: 36.8700, lon: 127.5100)),
                Farm(id: "f3", name: "백곡 사과과수원", location: GeoPoint(lat: 36.8900, lon: 127.3600)),
            ],
            requests: [
                LaborRequest(
                    id: "r1", farm: "f1", date: date, start: TimeOfDay("07:00"), end: TimeOfDay("16:00"),
                    task: "딸기 수확", skills: ["harvest"], headcount: 3, minHeadcount: 2, priority: 3),
                LaborRequest(
                    id: "r2", farm: "f2", date: date, start: TimeOfDay("08:00"), end: TimeOfDay("17:00"),
                    task: "수박 선별포장", skills: ["packing"], headcount: 2, priority: 2),
                LaborRequest(
                    id: "r3", farm: "f3", date: date, start: TimeOfDay("07:30"), end: TimeOfDay("16:30"),
                    task: "사과나무 전정", skills: ["pruning"], headcount: 3, minHeadcount: 2, priority: 2),
            ])
    }

    /// The live (request, worker) pairs of the center's roster on `date`, as instance ids of the loaded day.
    static func livePairs(_ center: CenterRecord, _ date: Day, on db: Connection) throws -> [Pair] {
        guard let roster = try RosterStore.find(center: center.id, date: date, on: db) else { return [] }
        let ids = try DayLoader.load(center: center.id, date: date, on: db).ids
        return try AssignmentStore.live(roster: roster.id, on: db).map {
            try ids.pair(request: RequestID($0.requestID), worker: WorkerID($0.workerID))
        }
    }
}
