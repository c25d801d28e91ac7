import Places
import Scheduling
import Vocabulary

/// Generates realistic dispatch problems: the workers, farms and requests of one or more
/// Korean rural counties over a few days.
///
/// The first county is ``county`` (진천군, Jincheon-gun, unless told) with its real towns and villages; for more than
/// about ``workersPerCounty`` workers, offset copies of it are laid side by side (a province),
/// each with its own workers, farms and requests. Output depends on the parameters alone: every
/// draw comes from a seeded xoshiro256** stream and nothing iterates a `Set` or `Dictionary`
/// in a way that reaches the output.
///
/// What the instance holds: Hangul names (foreign E-8 seasonal workers in Hangul
/// transliteration, with `allowedFarms` limited to a few farms near them), unique `010-` phones,
/// categories, skills (certified spraying and tractor are rare), travel caps of 10 to 40 km,
/// availability, weekly caps with `workedDates` earlier in the first plan week, a few blocked
/// pairs, multi-day jobs (one request per day with the same `job`), heat-wave half days, a few
/// pinned pairs that are valid and conflict-free (rules 1-6 and 8), and `history` for jobs
/// that started the day before the plan.
public struct InstanceGenerator: Sendable {
    /// Number of workers (≥ 1).
    public var workers: Int
    /// Requests per plan day (≥ 0), over all counties.
    public var requestsPerDay: Int
    /// Plan days (≥ 1), consecutive from ``start``.
    public var days: Int
    /// The seed: the same parameters and seed give the same instance, byte for byte.
    public var seed: UInt64
    public var flavor: Flavor
    /// The first plan day.
    public var start: Day
    /// Workers per county: above 1.5 times this, the instance spans several counties.
    public var workersPerCounty: Int
    /// Distance between the centres of neighbouring counties of a province, in km.
    public var countySpacingKm: Double
    /// The county whose real villages the workers and farms are scattered over (default 진천군, the demo's).
    public var county: County
    /// The version 2 mix (half-day jobs, two-job workers, pools, stays, pickups, a share weight), or nil (the
    /// default) for a version 1 instance, byte for byte as before version 2 existed. See ``Version2Mix``.
    public var version2: Version2Mix?

    /// The default first plan day: Wednesday 2026-07-08, summer (heat waves, watermelon
    /// harvest), mid-week so that `workedDates` on Monday and Tuesday count toward the weekly cap.
    public static let defaultStart = Day(year: 2026, month: 7, day: 8)!

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - workers: number of workers (≥ 1).
    ///   - requestsPerDay: requests on each plan day (≥ 0).
    ///   - days: number of consecutive plan days (≥ 1).
    ///   - seed: the random seed.
    ///   - flavor: the kind of day (default `.balanced`).
    ///   - start: the first plan day (default ``defaultStart``).
    public init(
        workers: Int, requestsPerDay: Int, days: Int = 1, seed: UInt64 = 1, flavor: Flavor = .balanced,
        start: Day = InstanceGenerator.defaultStart, county: County = Places.jincheon
    ) {
        self.workers = workers
        self.requestsPerDay = requestsPerDay
        self.days = days
        self.seed = seed
        self.flavor = flavor
        self.start = start
        self.workersPerCounty = 2_000
        self.countySpacingKm = 28
        self.county = county
    }

    /// The instance name: `gen-balanced-w2000-r500-d1-s7` (`gen-v2-balanced-…` with the version 2 mix; for a county
    /// other than 진천군, `…-s7-c43760`).
    public var name: String {
        "gen-\(version2 == nil ? "" : "v2-")\(flavor.rawValue)-w\(workers)-r\(requestsPerDay)-d\(days)-s\(seed)"
            + (county.code == "43750" ? "" : "-c\(county.code)")
    }

    /// Number of counties the instance spans.
    public var countyCount: Int {
        max(1, Int((Double(workers) / Double(max(1, workersPerCounty))).rounded()))
    }

    /// Generates the instance.
    /// - Returns: the instance; it is valid per `spec/problem-format.md` (a plan with only the
    ///   pins breaks no hard rule).
    public func generate() -> Instance {
        var build = Build(generator: self)
        return build.run()
    }
}

/// The working state of one generation.
struct Build {
    let g: InstanceGenerator
    let profile: FlavorProfile
    let county: County
    let countyCount: Int
    let dates: [Day]

    var workers: [Worker] = []
    var farms: [Farm] = []
    var farmInfo: [FarmInfo] = []
    var requests: [LaborRequest] = []
    var pinned: [Pair] = []
    var history: [HistoryEntry] = []
    /// Version 2's pickup points (empty without the version 2 mix).
    var pickupPoints: [PickupPoint] = []

    /// Side data per farm the instance does not carry.
    struct FarmInfo {
        var county: Int
        var crop: Crop
        var priorityFarm: Bool
    }

    struct Job {
        var id: String
        var farm: Int
        var firstDay: Int
        var length: Int
        var task: String
        var skills: Set<String>
        var headcount: Int
        var minHeadcount: Int
        var priority: Int
        var maxTravelKm: Double?
        var wage: Double
        var startTime: TimeOfDay
        var endTime: TimeOfDay
        var startedBefore: Bool
    }

    init(generator: InstanceGenerator) {
        g = generator
        county = generator.county
        profile = FlavorProfile.of(generator.flavor)
        countyCount = generator.countyCount
        dates = (0..<max(0, generator.days)).map { generator.start.adding(days: $0) }
    }

    func rng(_ section: UInt64, _ county: Int = 0) -> Xoshiro256 {
        Xoshiro256(seed: g.seed, stream: section << 32 | UInt64(county))
    }

    /// Block `c` of `total` split in `countyCount` near-equal parts.
    func block(_ c: Int, of total: Int) -> Range<Int> {
        (c * total / countyCount)..<((c + 1) * total / countyCount)
    }

    /// The centre offset of county `c` in km (north, east): a grid, county 0 at the origin.
    func countyOffset(_ c: Int) -> (north: Double, east: Double) {
        let cols = Int(Double(countyCount).squareRoot().rounded(.up))
        let row = c / cols
        let col = c % cols
        return (-Double(row) * g.countySpacingKm, Double(col) * g.countySpacingKm)
    }

    func place(_ p: PlacePoint, county c: Int, jitterKm: Double, rng: inout Xoshiro256) -> GeoPoint {
        let o = countyOffset(c)
        let base = offset(GeoPoint(lat: p.lat, lon: p.lon), northKm: o.north, eastKm: o.east)
        let q = offset(base, northKm: rng.gaussian() * jitterKm, eastKm: rng.gaussian() * jitterKm)
        return GeoPoint(lat: round5(q.lat), lon: round5(q.lon))
    }

    func countyLabel(_ c: Int) -> String { c == 0 ? "" : "(\(c + 1)군) " }

    mutating func run() -> Instance {
        let villages = county.villages
        // Workers live where people live; farms are spread more evenly over the countryside.
        let homeWeights = Weighted(
            villages.map { ($0, Double($0.town.population).squareRoot() / Double($0.town.villages.count)) })
        let farmWeights = Weighted(villages.map { ($0, $0.town.kind == .eup ? 0.7 : 1.0) })

        let farmsPerCounty = (0..<countyCount).map { c in
            max(1, Int((Double(block(c, of: g.requestsPerDay).count) * 0.8).rounded()))
        }
        for c in 0..<countyCount {
            makeFarms(county: c, count: farmsPerCounty[c], weights: farmWeights, villages: villages)
        }
        for c in 0..<countyCount { makeWorkers(county: c, weights: homeWeights) }
        var farmRanges: [Range<Int>] = []
        var lo = 0
        for c in 0..<countyCount {
            farmRanges.append(lo..<(lo + farmsPerCounty[c]))
            lo += farmsPerCounty[c]
        }
        for c in 0..<countyCount { restrictForeignWorkers(county: c, farms: farmRanges[c]) }
        for c in 0..<countyCount { addBlocks(county: c, farms: farmRanges[c]) }

        var jobsByCounty: [[Job]] = []
        var jobCounter = 0
        for c in 0..<countyCount {
            jobsByCounty.append(makeJobs(county: c, farms: farmRanges[c], jobCounter: &jobCounter))
        }
        emitRequests(jobsByCounty)
        for c in 0..<countyCount { makeHistory(county: c, jobs: jobsByCounty[c]) }
        if let mix = g.version2 { applyVersion2(mix) }
        makePins()

        var instance = Instance(
            name: g.name, weights: Weights(fairness: 5, continuity: 30), workers: workers, farms: farms,
            requests: requests, pinned: pinned, history: history)
        if let mix = g.version2 { finishVersion2(mix, &instance) }
        return instance
    }

    // MARK: farms

    mutating func makeFarms(county c: Int, count: Int, weights: Weighted<VillageRef>, villages: [VillageRef]) {
        var r = rng(1, c)
        let centre = county.towns[0].centre
        // Outskirt villages: the farthest third from the county seat.
        let outskirts = villages.sorted {
            haversineKm(
                GeoPoint(lat: $0.village.centre.lat, lon: $0.village.centre.lon),
                GeoPoint(lat: centre.lat, lon: centre.lon))
                > haversineKm(
                    GeoPoint(lat: $1.village.centre.lat, lon: $1.village.centre.lon),
                    GeoPoint(lat: centre.lat, lon: centre.lon))
        }.prefix(max(1, villages.count / 3))
        let outskirtList = Array(outskirts)
        for _ in 0..<count {
            let id = "f\(farms.count + 1)"
            let crop = Crops.weighted.draw(&r)
            var location: GeoPoint
            let ref: VillageRef
            if profile.remoteFarms {
                ref = r.pick(outskirtList)
                // Up the valley: 2 to 7 km further out from the county seat.
                let dn = ref.village.centre.lat - centre.lat
                let de = ref.village.centre.lon - centre.lon
                let norm = max(1e-9, (dn * dn + de * de).squareRoot())
                let push = 2 + 5 * r.unit()
                let p = place(ref.village.centre, county: c, jitterKm: 1.0, rng: &r)
                let q = offset(p, northKm: dn / norm * push, eastKm: de / norm * push)
                location = GeoPoint(lat: round5(q.lat), lon: round5(q.lon))
            } else {
                ref = weights.draw(&r)
                location = place(ref.village.centre, county: c, jitterKm: 2.0, rng: &r)
            }
            let owner = Names.surnames.draw(&r)
            let name =
                r.chance(0.4)
                ? "\(countyLabel(c))\(ref.town.shortName) \(owner)씨네 \(crop.korean)\(crop.place)"
                : "\(countyLabel(c))\(ref.village.name) \(crop.korean)\(crop.place)"
            farms.append(Farm(id: id, name: name, location: location))
            farmInfo.append(FarmInfo(county: c, crop: crop, priorityFarm: r.chance(0.12)))
        }
    }

    // MARK: workers

    mutating func makeWorkers(county c: Int, weights: Weighted<VillageRef>) {
        var r = rng(2, c)
        let categories = Weighted<WorkerCategory>([
            (.senior, 42), (.women, 20), (.general, 16), (.youth, 9), (.foreign, 8), (.disabled, 5),
        ])
        let maxDays = Weighted<Int>([(6, 50), (5, 35), (4, 8), (3, 5), (2, 2)])
        let weekStart = g.start.adding(days: 1 - g.start.isoWeekday)
        // Phones: an affine bijection of the worker index onto 8-digit numbers, so no two clash.
        var pr = rng(9)
        let span: UInt64 = 80_000_000
        var mult = (pr.next() % span) | 1
        while mult % 5 == 0 { mult = (mult + 2) % span }
        let add = pr.next() % span

        for index in block(c, of: g.workers) {
            let id = "w\(index + 1)"
            let category = categories.draw(&r)
            let name = personName(category, &r)
            let n = (UInt64(index) &* mult &+ add) % span + 20_000_000
            let phone = "010-\(n / 10_000)-\(String(n % 10_000 + 10_000).dropFirst())"
            let village = weights.draw(&r)
            let home = place(village.village.centre, county: c, jitterKm: 1.6, rng: &r)

            var skills: Set<String> = []
            for skill in SkillCatalogue.skills {
                var rate = skill.holderRate
                switch category {
                case .foreign:
                    rate = skill.certified ? 0 : min(0.95, rate * 1.2)
                case .senior:
                    if skill.certified { rate *= skill.code == "tractor" ? 1.2 : 0.6 }
                case .youth:
                    if skill.certified { rate *= 2 }
                case .women:
                    if skill.code == "tractor" { rate *= 0.3 }
                default: break
                }
                if r.chance(rate) { skills.insert(skill.code) }
            }
            if skills.isEmpty { skills.insert(r.chance(0.5) ? "weeding" : "harvest") }

            let cap = category == .foreign ? 30 : profile.workerCaps.draw(&r)
            let fullTime = category == .foreign || r.chance(profile.fullTimeShare)
            let rate = fullTime ? profile.fullTimeRate : profile.partTimeRate
            var available: Set<Day> = []
            for d in dates where r.chance(rate) { available.insert(d) }

            let maxPerWeek = category == .foreign ? 6 : maxDays.draw(&r)
            let recent = category == .foreign ? r.int(in: 12...24) : Int(r.unit() * r.unit() * 26)
            var worked: Set<Day> = []
            if r.chance(0.35) {
                var d = weekStart
                while d < g.start && worked.count < maxPerWeek {
                    if r.chance(0.55) { worked.insert(d) }
                    d = d.next
                }
                // And a day or two of last week, as an exported day would carry them.
                if r.chance(0.5) { worked.insert(weekStart.adding(days: -r.int(in: 1...3))) }
            }
            workers.append(
                Worker(
                    id: id, name: name, phone: phone, home: home, skills: skills, category: category,
                    maxTravelKm: cap, available: available, maxDaysPerWeek: maxPerWeek,
                    recentDaysWorked: recent, workedDates: worked))
        }
    }

    func personName(_ category: WorkerCategory, _ r: inout Xoshiro256) -> String {
        if category == .foreign { return Names.foreign(&r) }
        let surname = Names.surnames.draw(&r)
        let given: String
        switch category {
        case .senior: given = r.chance(0.7) ? r.pick(Names.olderWomen) : r.pick(Names.olderMen)
        case .women: given = r.chance(0.7) ? r.pick(Names.olderWomen) : r.pick(Names.youngerWomen)
        case .youth: given = r.pick(Names.younger)
        default:
            given =
                r.chance(0.5)
                ? r.pick(Names.younger) : (r.chance(0.5) ? r.pick(Names.olderMen) : r.pick(Names.olderWomen))
        }
        return surname + given
    }

    /// E-8 seasonal workers may only work at the few farms their program places them with.
    mutating func restrictForeignWorkers(county c: Int, farms range: Range<Int>) {
        var r = rng(3, c)
        for i in block(c, of: g.workers) where workers[i].category == .foreign {
            let home = workers[i].home
            var near = range.filter { haversineKm(home, farms[$0].location) <= 12 }
            if near.count < 2 {
                near = range.sorted { haversineKm(home, farms[$0].location) < haversineKm(home, farms[$1].location) }
                near = Array(near.prefix(4))
            }
            r.shuffle(&near)
            let k = min(near.count, r.int(in: 2...4))
            workers[i].allowedFarms = Set(near.prefix(k).map { farms[$0].id })
        }
    }

    /// A few workers refuse a farm, a few farms refuse a worker (a past quarrel, a family tie).
    mutating func addBlocks(county c: Int, farms range: Range<Int>) {
        var r = rng(4, c)
        let people = block(c, of: g.workers)
        guard !range.isEmpty, !people.isEmpty else { return }
        for i in people where r.chance(0.015) {
            workers[i].blockedFarms.insert(farms[range.lowerBound + r.below(range.count)].id)
        }
        for f in range where r.chance(0.01) {
            for _ in 0..<r.int(in: 1...2) {
                farms[f].blockedWorkers.insert(workers[people.lowerBound + r.below(people.count)].id)
            }
        }
    }

    // MARK: requests

    mutating func makeJobs(county c: Int, farms range: Range<Int>, jobCounter: inout Int) -> [Job] {
        var r = rng(5, c)
        let perDay = block(c, of: g.requestsPerDay).count
        guard perDay > 0, !range.isEmpty else { return [] }
        let people = block(c, of: g.workers)
        // Expected worker-days on offer per day, turned into a mean headcount for this flavor.
        let availability =
            0.08 + 0.92
            * (profile.fullTimeShare * profile.fullTimeRate + (1 - profile.fullTimeShare) * profile.partTimeRate)
        let supply = Double(people.count) * availability
        let meanHeadcount = max(1.0, min(15.0, profile.demandFactor * supply / Double(perDay)))
        let baseHeadcount = Weighted<Int>([(2, 26), (3, 30), (4, 20), (5, 14), (6, 4), (8, 3), (10, 2), (15, 1)])
        let baseMean = 3.85
        let lengths = Weighted<Int>([(1, 55), (2, 15), (3, 15), (4, 8), (5, 7)])
        let lowPriority = Weighted<Int>([(1, 55), (2, 25), (3, 12), (4, 5), (5, 3)])
        let highPriority = Weighted<Int>([(5, 20), (6, 25), (7, 20), (8, 15), (9, 10), (10, 10)])

        var used = [Int](repeating: 0, count: dates.count)
        var jobs: [Job] = []
        for day in dates.indices {
            while used[day] < perDay {
                var length = lengths.draw(&r)
                var span = 0
                while span < length && day + span < dates.count && used[day + span] < perDay { span += 1 }
                length = span
                for k in 0..<length { used[day + k] += 1 }

                let farm = range.lowerBound + r.below(range.count)
                let info = farmInfo[farm]
                var task = info.crop.tasks.draw(&r)
                if profile.certifiedBoost > 1, r.chance(0.08 * (profile.certifiedBoost - 1)) {
                    task = r.chance(0.6) ? "spraying" : "tractor"
                }
                let certified = SkillCatalogue.skill(task)?.certified ?? false
                var skills: Set<String> = []
                if certified || r.chance(profile.requireSkillRate) { skills.insert(task) }
                if r.chance(profile.secondSkillRate) {
                    let second =
                        info.crop.place == "하우스" ? "greenhouse" : r.pick(["packing", "harvest", "weeding", "planting"])
                    if second != task { skills.insert(second) }
                }
                let scaled = Double(baseHeadcount.draw(&r)) * meanHeadcount / baseMean
                let headcount = max(1, Int(scaled) + (r.chance(scaled - scaled.rounded(.down)) ? 1 : 0))
                var minHeadcount = 1
                if headcount >= 2, r.chance(0.2) { minHeadcount = r.int(in: 2...min(headcount, 4)) }
                let priority = info.priorityFarm ? highPriority.draw(&r) : lowPriority.draw(&r)
                let cap: Double? = r.chance(profile.requestCapRate) ? r.pick(profile.requestCaps) : nil
                var wage = Crops.baseWage(task) + 5_000 * r.int(in: -2...3)
                if headcount >= 8 { wage -= 10_000 }
                wage = min(180_000, max(100_000, wage))
                jobCounter += 1
                jobs.append(
                    Job(
                        id: "j\(jobCounter)", farm: farm, firstDay: day, length: length, task: task, skills: skills,
                        headcount: headcount, minHeadcount: minHeadcount, priority: priority, maxTravelKm: cap,
                        wage: Double(wage),
                        startTime: TimeOfDay(hour: r.chance(0.45) ? 6 : 7, minute: 0)!,
                        endTime: TimeOfDay(hour: r.chance(0.5) ? 15 : 16, minute: 0)!,
                        startedBefore: day == 0 && r.chance(0.15)))
            }
        }
        return jobs
    }

    /// Requests in date order, then county, then job: one per job and day.
    mutating func emitRequests(_ jobsByCounty: [[Job]]) {
        var weather = rng(6)
        let heatWave = dates.map { d in (6...9).contains(d.components.month) && weather.chance(0.35) }
        var r = rng(7)
        for (day, date) in dates.enumerated() {
            for jobs in jobsByCounty {
                for job in jobs where job.firstDay <= day && day < job.firstDay + job.length {
                    var startTime = job.startTime
                    var endTime = job.endTime
                    var wage = job.wage
                    if heatWave[day], r.chance(0.5) {
                        startTime = TimeOfDay(hour: 6, minute: 0)!
                        endTime = TimeOfDay(hour: 12, minute: 0)!
                        wage = max(100_000, (wage * 0.75 / 5_000).rounded() * 5_000)
                    }
                    requests.append(
                        LaborRequest(
                            id: "r\(requests.count + 1)", farm: farms[job.farm].id, job: job.id, date: date,
                            start: startTime, end: endTime, task: job.task, skills: job.skills,
                            headcount: job.headcount, minHeadcount: job.minHeadcount, priority: job.priority,
                            maxTravelKm: job.maxTravelKm, wage: wage))
                }
            }
        }
    }

    /// Rules 2-4 (skills, distance, blocks) for a worker and a farm; availability is checked apart.
    func fits(_ w: Worker, farm f: Int, skills: Set<String>, cap: Double?) -> Bool {
        guard skills.isSubset(of: w.skills) else { return false }
        let farm = farms[f]
        if w.blockedFarms.contains(farm.id) || farm.blockedWorkers.contains(w.id) { return false }
        if let allowed = w.allowedFarms, !allowed.contains(farm.id) { return false }
        let d = haversineKm(w.home, farm.location)
        return d <= w.maxTravelKm && d <= (cap ?? .infinity)
    }

    /// Jobs that started the day before the plan: who worked them then.
    mutating func makeHistory(county c: Int, jobs: [Job]) {
        var r = rng(8, c)
        let people = block(c, of: g.workers)
        guard !people.isEmpty, let first = dates.first else { return }
        let yesterday = first.previous
        var busy: Set<Int> = []
        for job in jobs where job.startedBefore {
            let want = max(1, Int(Double(job.headcount) * 0.7))
            var found = 0
            let startAt = r.below(people.count)
            for k in 0..<people.count where found < want {
                let i = people.lowerBound + (startAt + k) % people.count
                guard !busy.contains(i), fits(workers[i], farm: job.farm, skills: job.skills, cap: job.maxTravelKm)
                else { continue }
                busy.insert(i)
                found += 1
                history.append(
                    HistoryEntry(worker: workers[i].id, farm: farms[job.farm].id, job: job.id, date: yesterday))
            }
        }
    }

    /// A few coordinator pins: each valid (rules 1-4) and, among themselves, at most one per
    /// worker and date, at most the headcount per request, and within every weekly cap.
    mutating func makePins() {
        var r = rng(10)
        guard !requests.isEmpty, !workers.isEmpty else { return }
        let target = max(1, requests.count / 60)
        var pinnedDays: [Int: Set<Day>] = [:]
        var farmIndex: [String: Int] = [:]
        for (i, f) in farms.enumerated() { farmIndex[f.id] = i }
        var historyWorkers: [String: [String]] = [:]
        for h in history { historyWorkers[h.job, default: []].append(h.worker) }
        var workerIndex: [String: Int] = [:]
        if !historyWorkers.isEmpty { for (i, w) in workers.enumerated() { workerIndex[w.id] = i } }

        var order = Array(requests.indices)
        r.shuffle(&order)
        var pinnedRequests: Set<Int> = []
        var pins: [(request: Int, pair: Pair)] = []
        for ri in order where pins.count < target {
            let req = requests[ri]
            guard req.minHeadcount == 1, !pinnedRequests.contains(ri), let f = farmIndex[req.farm] else { continue }
            let c = farmInfo[f].county
            let people = block(c, of: g.workers)
            guard !people.isEmpty else { continue }
            // Prefer someone who worked this job yesterday (a coordinator keeps the crew together).
            var candidates = (historyWorkers[req.job] ?? []).compactMap { workerIndex[$0] }
            for _ in 0..<60 { candidates.append(people.lowerBound + r.below(people.count)) }
            for i in candidates {
                let w = workers[i]
                guard w.available.contains(req.date), fits(w, farm: f, skills: req.skills, cap: req.maxTravelKm),
                    version2AllowsPin(worker: i, request: ri, farm: f)
                else { continue }
                let days = pinnedDays[i] ?? []
                if days.contains(req.date) { continue }
                let week = req.date.isoWeek
                let load = days.filter { $0.isoWeek == week }.count + w.workedDates.filter { $0.isoWeek == week }.count
                if load + 1 > w.maxDaysPerWeek { continue }
                pinnedDays[i, default: []].insert(req.date)
                pins.append((ri, Pair(request: req.id, worker: w.id)))
                pinnedRequests.insert(ri)
                break
            }
        }
        pinned = pins.sorted { $0.request < $1.request }.map(\.pair)
    }
}
