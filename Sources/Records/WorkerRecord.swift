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

    public init(
        name: String, phone: String, homeLat: Double, homeLon: Double, village: String? = nil,
        category: WorkerCategory = .general, maxTravelKm: Double = 30, maxDaysPerWeek: Int = 6,
        smsConsent: Bool = false,
        skills: [String] = [], allowedFarms: [String]? = nil
    ) {
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
