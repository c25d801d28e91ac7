import Vocabulary

/// A point on the earth in degrees (WGS 84).
public struct GeoPoint: Sendable, Hashable {
    public var lat: Double
    public var lon: Double
    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }
}

/// Weights of the soft score terms.
public struct Weights: Sendable, Hashable {
    /// Soft cost per assignment per `recentDaysWorked` of the worker.
    public var fairness: Int
    /// Soft bonus when a worker works the same job on the previous calendar day.
    public var continuity: Int
    /// Weight of the fair-share bonus between requests (version 2; 0 = none).
    public var share: Int
    public init(fairness: Int = 5, continuity: Int = 30, share: Int = 0) {
        self.fairness = fairness
        self.continuity = continuity
        self.share = share
    }
}

/// The problem format's defaults of a worker's optional limits, for the model's initializer and both decoders.
public enum WorkerDefaults {
    /// `maxTravelKm` when absent.
    public static let maxTravelKm = 30.0
    /// `maxDaysPerWeek` when absent.
    public static let maxDaysPerWeek = 6
    /// `maxJobsPerDay` when absent (version 2).
    public static let maxJobsPerDay = 1
}

/// A day worker, as the problem format describes one (defaults already applied).
public struct Worker: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var phone: String?
    public var home: GeoPoint
    public var skills: Set<String>
    public var category: WorkerCategory
    /// The farthest the worker will travel from home, in km (default 30).
    public var maxTravelKm: Double
    /// The only dates the worker can work.
    public var available: Set<Day>
    /// Cap on days worked in one ISO week, counting `workedDates` (default 6).
    public var maxDaysPerWeek: Int
    /// Days worked in the last 30 days, for fairness.
    public var recentDaysWorked: Int
    /// Dates already worked before the plan; they count toward the weekly cap.
    public var workedDates: Set<Day>
    public var blockedFarms: Set<String>
    /// When not nil, the only farms this worker may be sent to (visa rules).
    public var allowedFarms: Set<String>?
    /// Version 2: the windows of dates on which the worker is free only part of the day (a date absent here is free
    /// the whole day when it is in `available`). Several windows of a date form a union; a job fits inside one.
    public var windows: [Day: [ClockWindow]]
    /// Version 2: the worker's pool (default `day`).
    public var pool: WorkerPool
    /// Version 2: the last date the worker may work (visa stay, contract end), inclusive.
    public var stayUntil: Day?
    /// Version 2: jobs a day (default 1).
    public var maxJobsPerDay: Int
    /// Version 2: the summed length of the day's jobs may not exceed this many minutes.
    public var maxMinutesPerDay: Int?
    /// Version 2: whether the worker travels by own means (default true).
    public var car: Bool
    /// Version 2: the pickup point the worker can get to (used when `car` is false).
    public var pickupPoint: String?

    public init(
        id: String, name: String? = nil, phone: String? = nil, home: GeoPoint, skills: Set<String> = [],
        category: WorkerCategory = .general, maxTravelKm: Double = WorkerDefaults.maxTravelKm,
        available: Set<Day>, maxDaysPerWeek: Int = WorkerDefaults.maxDaysPerWeek, recentDaysWorked: Int = 0,
        workedDates: Set<Day> = [], blockedFarms: Set<String> = [], allowedFarms: Set<String>? = nil,
        windows: [Day: [ClockWindow]] = [:], pool: WorkerPool = .day, stayUntil: Day? = nil,
        maxJobsPerDay: Int = WorkerDefaults.maxJobsPerDay, maxMinutesPerDay: Int? = nil, car: Bool = true,
        pickupPoint: String? = nil
    ) {
        self.windows = windows
        self.pool = pool
        self.stayUntil = stayUntil
        self.maxJobsPerDay = maxJobsPerDay
        self.maxMinutesPerDay = maxMinutesPerDay
        self.car = car
        self.pickupPoint = pickupPoint
        self.id = id
        self.name = name
        self.phone = phone
        self.home = home
        self.skills = skills
        self.category = category
        self.maxTravelKm = maxTravelKm
        self.available = available
        self.maxDaysPerWeek = maxDaysPerWeek
        self.recentDaysWorked = recentDaysWorked
        self.workedDates = workedDates
        self.blockedFarms = blockedFarms
        self.allowedFarms = allowedFarms
    }
}

/// A farm: where requests are worked.
public struct Farm: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var location: GeoPoint
    /// Workers this farm must not receive.
    public var blockedWorkers: Set<String>
    public init(id: String, name: String? = nil, location: GeoPoint, blockedWorkers: Set<String> = []) {
        self.id = id
        self.name = name
        self.location = location
        self.blockedWorkers = blockedWorkers
    }
}

/// One day of labor wanted at one farm.
public struct LaborRequest: Sendable, Hashable {
    public var id: String
    public var farm: String
    /// Groups the dates of one multi-day job; defaults to the request id.
    public var job: String
    public var date: Day
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var task: String?
    /// Every one of these must be among the worker's skills.
    public var skills: Set<String>
    public var headcount: Int
    /// The request gets 0 or at least this many workers, unless someone is pinned to it.
    public var minHeadcount: Int
    /// 1 to 10: the value of one filled slot.
    public var priority: Int
    /// A tighter travel cap than the worker's own, when set.
    public var maxTravelKm: Double?
    /// Day wage in KRW.
    public var wage: Double?
    /// Version 2: the pools that may fill the request (nil = every pool; empty = none).
    public var pools: Set<WorkerPool>?
    /// Version 2: the van that collects riders at pickup points, with its seats.
    public var pickup: Pickup?

    public init(
        id: String, farm: String, job: String? = nil, date: Day, start: TimeOfDay? = nil, end: TimeOfDay? = nil,
        task: String? = nil, skills: Set<String> = [], headcount: Int, minHeadcount: Int = 1, priority: Int = 1,
        maxTravelKm: Double? = nil, wage: Double? = nil, pools: Set<WorkerPool>? = nil, pickup: Pickup? = nil
    ) {
        self.pools = pools
        self.pickup = pickup
        self.id = id
        self.farm = farm
        self.job = job ?? id
        self.date = date
        self.start = start
        self.end = end
        self.task = task
        self.skills = skills
        self.headcount = headcount
        self.minHeadcount = minHeadcount
        self.priority = priority
        self.maxTravelKm = maxTravelKm
        self.wage = wage
    }
}

/// A request-worker pair: an assignment, or a pin a coordinator fixed.
public struct Pair: Sendable, Hashable {
    public var request: String
    public var worker: String
    public init(request: String, worker: String) {
        self.request = request
        self.worker = worker
    }
}

/// An assignment worked before the plan, for continuity.
public struct HistoryEntry: Sendable, Hashable {
    public var worker: String
    public var farm: String?
    public var job: String
    public var date: Day
    public init(worker: String, farm: String? = nil, job: String, date: Day) {
        self.worker = worker
        self.farm = farm
        self.job = job
        self.date = date
    }
}

/// A dispatch problem: the instance of `spec/problem-format.md`, validated, with defaults applied.
public struct Instance: Sendable, Hashable {
    public var name: String?
    public var weights: Weights
    public var workers: [Worker]
    public var farms: [Farm]
    public var requests: [LaborRequest]
    /// Assignments a coordinator fixed; deduplicated.
    public var pinned: [Pair]
    public var history: [HistoryEntry]
    /// Pairs the solver must not propose, e.g. a worker a coordinator took off a request
    /// (`roster unassign`). An ilson extension of the format (`"excluded"`); a pin wins over it.
    public var excludedPairs: Set<Pair>
    /// The `version` field as read (1, 2 or nil); informational.
    public var version: Int?
    /// Version 2: travel speed between two jobs of one day, km/h (default 30).
    public var speedKmh: Double
    /// Version 2: a worker without a car walks to a farm up to this distance (default 2.0 km).
    public var walkKm: Double
    /// Version 2: the gathering places vans stop at.
    public var pickupPoints: [PickupPoint]

    public init(
        name: String? = nil, weights: Weights = Weights(), workers: [Worker], farms: [Farm],
        requests: [LaborRequest], pinned: [Pair] = [], history: [HistoryEntry] = [], excludedPairs: Set<Pair> = [],
        version: Int? = nil, speedKmh: Double = 30, walkKm: Double = 2.0, pickupPoints: [PickupPoint] = []
    ) {
        self.version = version
        self.speedKmh = speedKmh
        self.walkKm = walkKm
        self.pickupPoints = pickupPoints
        self.excludedPairs = excludedPairs
        self.name = name
        self.weights = weights
        self.workers = workers
        self.farms = farms
        self.requests = requests
        self.pinned = pinned
        self.history = history
    }
}
