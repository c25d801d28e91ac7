import Vocabulary

/// What the county's programs know of a farm and its farmer: the attributes a center's priority policy
/// (`PriorityPolicy`) turns into a request's priority. Every value is optional: one not given makes no term apply.
public struct FarmProfile: Sendable, Hashable, Decodable {
    /// Cultivated area, hectares (more than 0, at most 10,000).
    public var areaHa: Double?
    /// Hit by a disaster or an illness: the last day the farm counts as hit.
    public var disasterUntil: Day?
    /// The farmer's year of birth (1900 up to this year).
    public var farmerBirthYear: Int?
    /// A woman farmer (여성 농업인).
    public var womanFarmer: Bool
    /// A severely disabled farmer (중증 장애).
    public var disabledFarmer: Bool
    /// No family labor on the farm (가족 노동력 없음).
    public var noFamilyLabor: Bool

    public init(
        areaHa: Double? = nil, disasterUntil: Day? = nil, farmerBirthYear: Int? = nil, womanFarmer: Bool = false,
        disabledFarmer: Bool = false, noFamilyLabor: Bool = false
    ) {
        self.areaHa = areaHa
        self.disasterUntil = disasterUntil
        self.farmerBirthYear = farmerBirthYear
        self.womanFarmer = womanFarmer
        self.disabledFarmer = disabledFarmer
        self.noFamilyLabor = noFamilyLabor
    }

    /// Limits the CLI, the CSV import and the database (sql/020 CHECKs) agree on.
    public static let areaRange: ClosedRange<Double> = 0.01...10_000
    public static let earliestBirthYear = 1900
}

/// A change of some of a farm's profile: nil leaves a value as it is; `clear…` removes it.
public struct FarmProfileChange: Sendable, Hashable {
    public var areaHa: Double?
    public var disasterUntil: Day?
    public var clearDisaster = false
    public var farmerBirthYear: Int?
    public var womanFarmer: Bool?
    public var disabledFarmer: Bool?
    public var noFamilyLabor: Bool?

    public init(
        areaHa: Double? = nil, disasterUntil: Day? = nil, clearDisaster: Bool = false, farmerBirthYear: Int? = nil,
        womanFarmer: Bool? = nil, disabledFarmer: Bool? = nil, noFamilyLabor: Bool? = nil
    ) {
        self.areaHa = areaHa
        self.disasterUntil = disasterUntil
        self.clearDisaster = clearDisaster
        self.farmerBirthYear = farmerBirthYear
        self.womanFarmer = womanFarmer
        self.disabledFarmer = disabledFarmer
        self.noFamilyLabor = noFamilyLabor
    }

    /// Whether nothing is to change.
    public var isEmpty: Bool { self == FarmProfileChange() }

    /// `profile` with this change applied.
    public func applied(to profile: FarmProfile) -> FarmProfile {
        var p = profile
        if let areaHa { p.areaHa = areaHa }
        if clearDisaster { p.disasterUntil = nil }
        if let disasterUntil { p.disasterUntil = disasterUntil }
        if let farmerBirthYear { p.farmerBirthYear = farmerBirthYear }
        if let womanFarmer { p.womanFarmer = womanFarmer }
        if let disabledFarmer { p.disabledFarmer = disabledFarmer }
        if let noFamilyLabor { p.noFamilyLabor = noFamilyLabor }
        return p
    }
}
