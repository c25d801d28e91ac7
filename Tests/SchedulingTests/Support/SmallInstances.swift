import Vocabulary

@testable import Scheduling

/// The small instances several scheduler suites build (tiny version 2 days and weeks of timed jobs, random days of
/// half-day jobs, two workers on crossed two-day jobs), so that each suite reads what it changes and no more.
enum SmallInstances {
    /// Mornings (06-10) and afternoons (13-17): every morning fits beside every afternoon.
    static let halfDayTimes = [("06:00", "10:00"), ("13:00", "17:00")]

    /// Full days (06-17), mornings (06-10) and afternoons (13-17).
    static let twoJobTimes = [("06:00", "17:00"), ("06:00", "10:00"), ("13:00", "17:00")]

    /// Six times of day: full days, mornings, afternoons, with breaks of 30 minutes to 2 hours between them.
    static let breakTimes = [
        ("06:00", "12:00"), ("12:30", "16:30"), ("13:00", "17:00"), ("07:00", "11:00"), ("06:00", "15:00"),
        ("14:00", "18:00"),
    ]

    /// A tiny version 2 instance from `Fixtures.random` with a share weight: request `i` takes the times
    /// `times[(i × stride + seed) % times.count]`, a headcount of at most 2 and a minimum of at most its headcount.
    static func timed(
        seed: UInt64, workers: Int, requests: Int, days: Int = 1, minHeadcounts: Bool, times: [(String, String)],
        stride: Int = 1
    ) -> Instance {
        var instance = Fixtures.random(
            seed: seed, workers: workers, requests: requests, days: days, minHeadcounts: minHeadcounts)
        instance.version = 2
        instance.weights = Weights(fairness: 5, continuity: 30, share: 5)
        for i in instance.requests.indices {
            let (s, e) = times[(i * stride + Int(seed)) % times.count]
            instance.requests[i].start = TimeOfDay(s)
            instance.requests[i].end = TimeOfDay(e)
            instance.requests[i].headcount = min(instance.requests[i].headcount, 2)
            instance.requests[i].minHeadcount = min(instance.requests[i].minHeadcount, instance.requests[i].headcount)
        }
        return instance
    }

    /// `timed` with minimum headcounts on even seeds, every worker available on every date of the requests, and
    /// every second worker (the first, the third, …) allowed two jobs a day.
    static func twoJobDays(
        seed: UInt64, workers: Int, requests: Int, days: Int = 1, times: [(String, String)], stride: Int = 1
    ) -> Instance {
        var instance = timed(
            seed: seed, workers: workers, requests: requests, days: days, minHeadcounts: seed % 2 == 0, times: times,
            stride: stride)
        let dates = Set(instance.requests.map(\.date))
        for i in instance.workers.indices {
            instance.workers[i].available = dates
            if i % 2 == 0 { instance.workers[i].maxJobsPerDay = 2 }
        }
        return instance
    }

    /// `twoJobDays` at the six `breakTimes`, at a speed of 20, 35 or 50 km/h by seed (so that some breaks are too
    /// short for the transfer).
    static func breakDays(seed: UInt64, workers: Int, requests: Int, days: Int = 1, stride: Int = 1) -> Instance {
        var instance = twoJobDays(
            seed: seed, workers: workers, requests: requests, days: days, times: breakTimes, stride: stride)
        instance.speedKmh = 20 + Double(seed % 3) * 15
        return instance
    }

    /// Two workers (`a` 1 km from the farm, `b` at `bKm`) on two two-day jobs J and K at one farm, and the crossed
    /// plan in which each works one job on the first day and the other on the second, losing both continuity
    /// bonuses.
    static func crossedJobs(name: String, bKm: Double) -> (instance: Instance, crossed: [Pair]) {
        let ws = [
            Fixtures.worker("a", km: 1, days: [Fixtures.day1, Fixtures.day2]),
            Fixtures.worker("b", km: bKm, days: [Fixtures.day1, Fixtures.day2]),
        ]
        let rs = [
            Fixtures.request("j1", job: "J", date: Fixtures.day1),
            Fixtures.request("j2", job: "J", date: Fixtures.day2),
            Fixtures.request("k1", job: "K", date: Fixtures.day1),
            Fixtures.request("k2", job: "K", date: Fixtures.day2),
        ]
        let instance = Instance(
            name: name, weights: Weights(fairness: 5, continuity: 30), workers: ws, farms: [Fixtures.farm()],
            requests: rs, pinned: [], history: [])
        let crossed = [
            Pair(request: "j1", worker: "a"), Pair(request: "k2", worker: "a"),
            Pair(request: "k1", worker: "b"), Pair(request: "j2", worker: "b"),
        ]
        return (instance, crossed)
    }

    /// What a random instance of half-day jobs draws, and with what odds (`halfDayJobs`).
    struct HalfDayOdds {
        /// The jobs' times, one drawn per request.
        var spans: [(String, String)]
        /// Farms stand 0 to `farmKm - 1` km east of the origin.
        var farmKm: Int
        /// One request in this many wants its whole headcount (its minimum is its headcount; otherwise 1).
        var fullMinimumOneIn: Int
        /// Days a worker worked recently: 0 to `recentBelow - 1`.
        var recentBelow: Int
        /// One worker in this many takes one job a day (the others two).
        var oneJobOneIn: Int
        /// One worker in this many has a minutes cap of 480 (nil: no draw, nobody).
        var minutesCapOneIn: Int? = nil
        /// Whether a request draws a job (`j` and its index on its date, one in two) for continuity across dates.
        var jobs = false
        /// Whether a worker draws a weekly cap (one date, one in three; otherwise 6).
        var weeklyCaps = false
    }

    /// A deterministic random version 2 instance of half-day jobs (mornings and afternoons at nearby farms) and a few
    /// full days: `requestsPerDate` requests on each date, each at a farm of its own, `workers` workers available on
    /// every date, a share weight. A linear congruential generator draws in a fixed order, so the instances never
    /// change.
    static func halfDayJobs(
        seed: Int, dates: [Day], workers nW: Int, requestsPerDate nR: Int, _ odds: HalfDayOdds
    ) -> Instance {
        var state = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var farms: [Farm] = []
        var requests: [LaborRequest] = []
        for (di, day) in dates.enumerated() {
            for i in 0..<nR {
                let id = di * nR + i
                farms.append(Farm(id: "f\(id)", location: Fixtures.east(Double(next(odds.farmKm)))))
                let span = odds.spans[next(odds.spans.count)]
                let headcount = 1 + next(3)
                let job = odds.jobs && next(2) == 0 ? "j\(i)" : nil
                requests.append(
                    LaborRequest(
                        id: "r\(id)", farm: "f\(id)", job: job, date: day, start: TimeOfDay(span.0),
                        end: TimeOfDay(span.1), headcount: headcount,
                        minHeadcount: next(odds.fullMinimumOneIn) == 0 ? headcount : 1, priority: 1 + next(3)))
            }
        }
        var workers: [Worker] = []
        for i in 0..<nW {
            let km = Double(next(10))
            let maxDays = odds.weeklyCaps && next(3) == 0 ? 1 : 6
            var w = Fixtures.worker(
                "w\(i)", km: km, days: Set(dates), maxDays: maxDays, recent: next(odds.recentBelow))
            w.maxJobsPerDay = next(odds.oneJobOneIn) == 0 ? 1 : 2
            if let oneIn = odds.minutesCapOneIn, next(oneIn) == 0 { w.maxMinutesPerDay = 480 }
            workers.append(w)
        }
        return Instance(
            weights: Weights(share: 1 + next(5)), workers: workers, farms: farms, requests: requests, version: 2)
    }
}
