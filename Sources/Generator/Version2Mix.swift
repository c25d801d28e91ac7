import Places
import Scheduling
import Vocabulary

/// The version 2 mix of a generated instance (`spec/problem-format.md`, "Version 2: the real shape of a day").
///
/// A version 2 instance is the version 1 day of the same parameters and seed, reshaped: some jobs become half days
/// (06:00-10:00, 13:00-17:00 …, every day of a job alike), some workers may take two jobs a day (a few with a cap on
/// their minutes), volunteers (일손봉사) join with 240-minute days and the short jobs open to them, most foreign workers
/// become seasonal (E-8) with a stay that may end within the plan, some workers have no car and a pickup point (the
/// nearest 마을회관 or the town's terminal), some farms send a van with a few seats to the points near them, some
/// seniors are free only in the morning, some workers are 신중년 (`midlife`), and `weights.share` is set. The reshaping
/// draws from its own random streams, so the version 1 parts stay as a version 1 run makes them, and a version 1 run
/// (no mix) is byte for byte what it was before version 2 existed.
public struct Version2Mix: Sendable, Hashable {
    /// Share of jobs that are half days (about 4 hours).
    public var halfDayShare: Double
    /// Share of day and seasonal workers allowed two jobs a day.
    public var twoJobShare: Double
    /// Share of the workers who are not foreign that are volunteers: 240 minutes a day, one or two short jobs.
    public var volunteerShare: Double
    /// Share of foreign workers in the seasonal pool, with a `stayUntil`.
    public var seasonalShare: Double
    /// Share of workers without a car (more among seniors and foreign workers, fewer among the young).
    public var carlessShare: Double
    /// Share of seniors free only part of some days (mostly the morning).
    public var windowShare: Double
    /// Share of jobs whose farm (or the center for it) sends a van to pickup points.
    public var pickupShare: Double
    /// `weights.share` of the instance.
    public var shareWeight: Int

    /// Creates a mix; the defaults are ``standard``'s.
    public init(
        halfDayShare: Double = 0.3, twoJobShare: Double = 0.25, volunteerShare: Double = 0.07,
        seasonalShare: Double = 0.65, carlessShare: Double = 0.2, windowShare: Double = 0.3, pickupShare: Double = 0.3,
        shareWeight: Int = 5
    ) {
        self.halfDayShare = halfDayShare
        self.twoJobShare = twoJobShare
        self.volunteerShare = volunteerShare
        self.seasonalShare = seasonalShare
        self.carlessShare = carlessShare
        self.windowShare = windowShare
        self.pickupShare = pickupShare
        self.shareWeight = shareWeight
    }

    /// The mix `ilson generate --v2` uses: about the proportions of `shared/instances/gen-v2-*`.
    public static let standard = Version2Mix()
}

/// The half-day slots of a job, in minutes after midnight, with weights: mornings, middays and afternoons.
private let halfDaySlots = Weighted<(Int, Int)>([
    ((6 * 60, 10 * 60), 14), ((7 * 60, 11 * 60), 14), ((8 * 60, 12 * 60), 10), ((6 * 60 + 30, 10 * 60 + 30), 6),
    ((10 * 60, 14 * 60), 5), ((10 * 60 + 30, 14 * 60 + 30), 5),
    ((13 * 60, 17 * 60), 16), ((14 * 60, 18 * 60), 12), ((13 * 60 + 30, 17 * 60 + 30), 8),
    ((12 * 60 + 30, 16 * 60 + 30), 6),
])

/// Windows of a senior free only part of a date: mostly mornings, a few afternoons, a few both with a break.
private let morningWindows: [(Int, Int)] = [(5 * 60, 12 * 60), (6 * 60, 12 * 60), (6 * 60, 13 * 60), (6 * 60, 11 * 60)]
private let afternoonWindows: [(Int, Int)] = [(13 * 60, 19 * 60), (12 * 60, 18 * 60)]

/// The pools a request may name, with weights: a short job is often open to volunteers, a full day rarely to anyone
/// but day and seasonal workers.
private let shortJobPools = Weighted<Set<WorkerPool>?>([
    ([.day, .volunteer], 35), (nil, 20), ([.day, .seasonal], 35), ([.day], 10),
])
private let fullDayPools = Weighted<Set<WorkerPool>?>([([.day, .seasonal], 55), (nil, 30), ([.day], 15)])

extension Build {
    /// Reshapes the version 1 day built so far into a version 2 one (pickup points, workers, requests). Runs before
    /// the pins are drawn, so that they are drawn valid under version 2's rules (``version2AllowsPin(worker:request:farm:)``).
    mutating func applyVersion2(_ mix: Version2Mix) {
        var pointsByCounty: [[Int]] = []
        for c in 0..<countyCount { pointsByCounty.append(makePickupPoints(county: c)) }
        for c in 0..<countyCount { reshapeWorkers(county: c, mix, points: pointsByCounty[c]) }
        reshapeRequests(mix, pointsByCounty: pointsByCounty)
    }

    /// The instance-level fields of version 2.
    func finishVersion2(_ mix: Version2Mix, _ instance: inout Instance) {
        instance.version = 2
        instance.weights.share = mix.shareWeight
        instance.pickupPoints = pickupPoints
    }

    /// Pickup points of county `c`: each town's terminal (읍) or 행정복지센터 (면), and the 마을회관 of about a third of
    /// its villages. Returns their indices in ``pickupPoints``.
    mutating func makePickupPoints(county c: Int) -> [Int] {
        var r = rng(20, c)
        var made: [Int] = []
        for town in county.towns {
            let hall = town.kind == .eup ? "버스터미널" : "행정복지센터"
            made.append(pickupPoints.count)
            pickupPoints.append(
                PickupPoint(
                    id: "p\(pickupPoints.count + 1)", name: "\(countyLabel(c))\(town.name) \(hall)",
                    location: place(town.centre, county: c, jitterKm: 0.1, rng: &r)))
            for village in town.villages where r.chance(0.34) {
                made.append(pickupPoints.count)
                pickupPoints.append(
                    PickupPoint(
                        id: "p\(pickupPoints.count + 1)", name: "\(countyLabel(c))\(town.name) \(village.name) 마을회관",
                        location: place(village.centre, county: c, jitterKm: 0.3, rng: &r)))
            }
        }
        return made
    }

    /// Pools, stays, two-job days, minutes caps, cars, windows and the `midlife` category of county `c`'s workers.
    mutating func reshapeWorkers(county c: Int, _ mix: Version2Mix, points: [Int]) {
        var r = rng(21, c)
        guard let first = dates.first, let last = dates.last else { return }
        for i in block(c, of: g.workers) {
            var w = workers[i]
            if (w.category == .general && r.chance(0.5)) || (w.category == .women && r.chance(0.15)) {
                w.category = .midlife
            }
            if w.category == .foreign {
                if r.chance(mix.seasonalShare) {
                    w.pool = .seasonal
                    // A third of the stays end within the plan days, the rest weeks or months after.
                    w.stayUntil =
                        r.chance(0.3) ? first.adding(days: r.below(dates.count)) : last.adding(days: r.int(in: 7...120))
                }
            } else if r.chance(mix.volunteerShare) {
                w.pool = .volunteer
                w.maxMinutesPerDay = 240
                w.maxJobsPerDay = r.chance(0.5) ? 2 : 1
            }
            if w.pool != .volunteer, r.chance(mix.twoJobShare) {
                w.maxJobsPerDay = 2
                if r.chance(0.4) { w.maxMinutesPerDay = r.pick([480, 540, 600]) }
            }
            let carless: Double
            switch w.category {
            case .senior: carless = 1.6
            case .foreign: carless = 2
            case .disabled: carless = 1.5
            case .youth: carless = 0.25
            default: carless = 0.5
            }
            if r.chance(mix.carlessShare * carless) {
                w.car = false
                if r.chance(0.9), let near = nearestPoint(to: w.home, among: points) {
                    w.pickupPoint = pickupPoints[near].id
                }
            }
            if w.category == .senior, r.chance(mix.windowShare) {
                for d in dates where w.available.contains(d) && r.chance(0.7) {
                    let kind = r.unit()
                    let spans: [(Int, Int)]
                    if kind < 0.8 {
                        spans = [r.pick(morningWindows)]
                    } else if kind < 0.92 {
                        spans = [r.pick(afternoonWindows)]
                    } else {
                        spans = [(6 * 60, 9 * 60), (12 * 60, 18 * 60)]
                    }
                    w.windows[d] = spans.map { ClockWindow(from: $0.0, to: $0.1) }
                }
            }
            workers[i] = w
        }
    }

    /// The nearest of the pickup points `among` to `p`.
    func nearestPoint(to p: GeoPoint, among: [Int]) -> Int? {
        var best: Int?
        var bestKm = Double.infinity
        for k in among {
            let d = haversineKm(p, pickupPoints[k].location)
            if d < bestKm {
                bestKm = d
                best = k
            }
        }
        return best
    }

    /// Half days, pools and pickups, decided once per job (every day of a job alike).
    mutating func reshapeRequests(_ mix: Version2Mix, pointsByCounty: [[Int]]) {
        struct Shape {
            var times: (Int, Int)?
            var pools: Set<WorkerPool>?
            var pickup: Pickup?
        }
        var r = rng(22)
        var farmIndex: [String: Int] = [:]
        for (i, f) in farms.enumerated() { farmIndex[f.id] = i }
        var shapes: [String: Shape] = [:]
        for k in requests.indices {
            var req = requests[k]
            let shape: Shape
            if let known = shapes[req.job] {
                shape = known
            } else {
                var s = Shape()
                if r.chance(mix.halfDayShare) { s.times = halfDaySlots.draw(&r) }
                let length = s.times.map { $0.1 - $0.0 } ?? req.lengthMinutes
                s.pools = (length <= 240 ? shortJobPools : fullDayPools).draw(&r)
                if r.chance(mix.pickupShare), let f = farmIndex[req.farm] {
                    let at = farms[f].location
                    let near = pointsByCounty[farmInfo[f].county].map {
                        (k: $0, km: haversineKm(at, pickupPoints[$0].location))
                    }
                    .sorted { $0.km < $1.km || ($0.km == $1.km && $0.k < $1.k) }
                    let stops = near.prefix(r.int(in: 2...5)).enumerated().filter {
                        $0.offset == 0 || $0.element.km <= 15
                    }
                    if !stops.isEmpty {
                        s.pickup = Pickup(
                            points: Set(stops.map { pickupPoints[$0.element.k].id }), seats: r.int(in: 2...8))
                    }
                }
                shapes[req.job] = s
                shape = s
            }
            if let times = shape.times {
                req.start = TimeOfDay(hour: times.0 / 60, minute: times.0 % 60)
                req.end = TimeOfDay(hour: times.1 / 60, minute: times.1 % 60)
                if let wage = req.wage { req.wage = max(50_000, (wage * 0.55 / 5_000).rounded() * 5_000) }
            }
            req.pools = shape.pools
            req.pickup = shape.pickup
            requests[k] = req
        }
    }

    /// Whether pinning worker `i` to request `ri` keeps a version 2 instance free of input errors and of broken
    /// rules: rules 1-4 under version 2's travel (walking, riding), and the day's minutes cap. (At most one pin per
    /// worker and date and per request, as ``makePins()`` draws them, keeps rules 5, 8 and 10 among the pins, the
    /// seats being at least 2.) Always true for a version 1 instance.
    func version2AllowsPin(worker i: Int, request ri: Int, farm f: Int) -> Bool {
        guard g.version2 != nil else { return true }
        let w = workers[i]
        let req = requests[ri]
        let farm = farms[f]
        var points: [String: GeoPoint] = [:]
        if let id = w.pickupPoint, let p = pickupPoints.first(where: { $0.id == id }) { points[id] = p.location }
        let rules = TravelRules(walkKm: 2.0, points: points)
        let travel = rules.travel(w, req, homeFarmKm: haversineKm(w.home, farm.location))
        guard brokenPairRules(w, req, farm, travel: travel, walkKm: rules.walkKm).isEmpty else { return false }
        if let cap = w.maxMinutesPerDay, req.lengthMinutes > cap { return false }
        if travel.mode.rides, (req.pickup?.seats ?? 0) < 1 { return false }
        return true
    }
}
