import Foundation
import Scheduling
import Vocabulary

/// A worker row with their skills and allowed farms.
public struct WorkerRecord: Sendable, Hashable, Decodable {
    public var id: Int64
    public var centerID: Int64
    /// Read from the same row's columns.
    public var values: WorkerValues
    public var active: Bool
}

/// What a worker row holds (with skills and allowed farms), for an insert or a full update.
public struct WorkerValues: Sendable, Hashable, Codable {
    public var name: String
    /// Digits only.
    public var phone: String
    public var homeLat: Double
    public var homeLon: Double
    public var village: String?
    public var category: WorkerCategory
    public var maxTravelKm: Double
    public var maxDaysPerWeek: Int
    public var smsConsent: Bool
    /// Skill codes, sorted.
    public var skills: [String]
    /// Farm codes the worker may go to, sorted; nil when any farm.
    public var allowedFarms: [String]?
    /// Version 2: 일용 day (default), 봉사 volunteer or 공공형 계절근로 seasonal.
    public var pool: WorkerPool = .day
    /// Version 2: jobs a day (1 to 4, default 1).
    public var maxJobsPerDay: Int = 1
    /// Version 2: the summed length of a day's jobs, in minutes; nil when no cap.
    public var maxMinutesPerDay: Int?
    /// Version 2: the last date the worker may work (visa stay, contract end), inclusive: a legal limit.
    public var stayUntil: Day?
    /// The visa type (E-8, E-9 …), for seasonal foreign workers.
    public var visaType: String?
    /// Version 2: whether the worker travels by own means (default true).
    public var car: Bool = true
    /// Version 2: the name of the center's pickup point the worker can reach.
    public var pickupPoint: String?

    public init(
        name: String, phone: String, homeLat: Double, homeLon: Double, village: String? = nil,
        category: WorkerCategory = .general, maxTravelKm: Double = 30, maxDaysPerWeek: Int = 6,
        smsConsent: Bool = false,
        skills: [String] = [], allowedFarms: [String]? = nil, pool: WorkerPool = .day, maxJobsPerDay: Int = 1,
        maxMinutesPerDay: Int? = nil, stayUntil: Day? = nil, visaType: String? = nil, car: Bool = true,
        pickupPoint: String? = nil
    ) {
        self.pool = pool
        self.maxJobsPerDay = maxJobsPerDay
        self.maxMinutesPerDay = maxMinutesPerDay
        self.stayUntil = stayUntil
        self.visaType = visaType
        self.car = car
        self.pickupPoint = pickupPoint
        self.name = name
        self.phone = phone
        self.homeLat = homeLat
        self.homeLon = homeLon
        self.village = village
        self.category = category
        self.maxTravelKm = maxTravelKm
        self.maxDaysPerWeek = maxDaysPerWeek
        self.smsConsent = smsConsent
        self.skills = skills
        self.allowedFarms = allowedFarms
    }
}
