public import Places
public import Vocabulary

/// What the printable day sheets show (`ilson roster print`): the cover, one page per farm, one page per pickup
/// point and time. Plain values, filled by Operations from the database; rendered by ``DaySheetHTML``.
public struct DaySheet: Sendable, Hashable {
    /// One worker on a farm's page.
    public struct Worker: Sendable, Hashable {
        /// The worker's name as registered.
        public var name: String
        /// The phone number to call (the sheet is for the center, the farmer and the driver), or a masked one.
        public var phone: String
        /// Where the worker lives: the village nearest home (`진천읍 읍내리`), or empty.
        public var home: String
        /// Home, for the map; nil when unknown.
        public var homePoint: PlacePoint?
        /// How the worker comes: a pickup point and time when riding a van, else empty (own way).
        public var ride: String
        /// Home-to-farm distance in km, when known.
        public var distanceKm: Double?
        public init(
            name: String, phone: String, home: String = "", homePoint: PlacePoint? = nil, ride: String = "",
            distanceKm: Double? = nil
        ) {
            self.name = name
            self.phone = phone
            self.home = home
            self.homePoint = homePoint
            self.ride = ride
            self.distanceKm = distanceKm
        }
    }

    /// One request of a farm: the work, the time and the workers.
    public struct Job: Sendable, Hashable {
        /// Where workers gather (the farm's meeting point), or empty.
        public var meetingPoint: String
        /// When they gather (`07:30`), or the start of work.
        public var meetingTime: String
        /// Work hours, `HH:MM`.
        public var start: String
        public var end: String
        public var task: String
        /// KRW per day, when the request says.
        public var wage: Int?
        public var headcount: Int
        public var workers: [Worker]
        public init(
            meetingPoint: String, meetingTime: String, start: String, end: String, task: String, wage: Int?,
            headcount: Int, workers: [Worker]
        ) {
            self.meetingPoint = meetingPoint
            self.meetingTime = meetingTime
            self.start = start
            self.end = end
            self.task = task
            self.wage = wage
            self.headcount = headcount
            self.workers = workers
        }
    }

    /// One farm's page.
    public struct FarmPage: Sendable, Hashable {
        public var name: String
        /// The village of the farm (`이월면 중산리`), or empty.
        public var village: String
        /// The farm's location, for the map; nil when unknown.
        public var location: PlacePoint?
        /// The 8-digit code of the farm's 읍면동, when known (the map tests use it).
        public var townCode: String
        public var jobs: [Job]
        public init(name: String, village: String, location: PlacePoint?, townCode: String = "", jobs: [Job]) {
            self.name = name
            self.village = village
            self.location = location
            self.townCode = townCode
            self.jobs = jobs
        }
        /// Workers wanted on the farm.
        public var wanted: Int { jobs.reduce(0) { $0 + $1.headcount } }
        /// Workers placed on the farm.
        public var filled: Int { jobs.reduce(0) { $0 + $1.workers.count } }
    }

    /// One rider on a pickup page.
    public struct Rider: Sendable, Hashable {
        public var name: String
        public var phone: String
        /// The farm the rider goes to.
        public var farm: String
        public init(name: String, phone: String, farm: String) {
            self.name = name
            self.phone = phone
            self.farm = farm
        }
    }

    /// One pickup point and time: the van driver's page.
    public struct PickupPage: Sendable, Hashable {
        /// The point's name (`신척리 마을회관`).
        public var point: String
        /// When the van stops there (`06:50`).
        public var time: String
        /// The van (driver or farm), or empty.
        public var van: String
        public var riders: [Rider]
        public init(point: String, time: String, van: String = "", riders: [Rider]) {
            self.point = point
            self.time = time
            self.van = van
            self.riders = riders
        }
    }

    /// An unfilled request on the cover.
    public struct Shortage: Sendable, Hashable {
        public var farm: String
        public var missing: Int
        public var headcount: Int
        public var reasons: [String]
        /// The farm's location, drawn in red on the map.
        public var location: PlacePoint?
        public init(farm: String, missing: Int, headcount: Int, reasons: [String], location: PlacePoint?) {
            self.farm = farm
            self.missing = missing
            self.headcount = headcount
            self.reasons = reasons
            self.location = location
        }
    }

    /// The center's name and code.
    public var centerName: String
    public var centerCode: String
    public var date: Day
    /// The roster's state in Korean (`승인됨`), or a note that there is none yet.
    public var rosterState: String
    /// Requests of the day.
    public var requests: Int
    public var farms: [FarmPage]
    public var shortages: [Shortage]
    /// The pickup pages; nil when the database has no pickup data for the day (the sheet says so).
    public var pickups: [PickupPage]?
    /// The map of the day (drawn on the cover), when the center has a county.
    public var map: DayMap?

    public init(
        centerName: String, centerCode: String, date: Day, rosterState: String, requests: Int, farms: [FarmPage],
        shortages: [Shortage], pickups: [PickupPage]?, map: DayMap?
    ) {
        self.centerName = centerName
        self.centerCode = centerCode
        self.date = date
        self.rosterState = rosterState
        self.requests = requests
        self.farms = farms
        self.shortages = shortages
        self.pickups = pickups
        self.map = map
    }

    /// Workers wanted in all.
    public var wanted: Int { farms.reduce(0) { $0 + $1.wanted } }
    /// Workers placed in all.
    public var filled: Int { farms.reduce(0) { $0 + $1.filled } }
    /// Places still open.
    public var unfilled: Int { shortages.reduce(0) { $0 + $1.missing } }
}
