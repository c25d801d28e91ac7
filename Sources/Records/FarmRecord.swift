import Foundation
import Scheduling
import Vocabulary

/// A farm row with its farmer.
public struct FarmRecord: Sendable, Hashable, Decodable {
    public var id: Int64
    public var centerID: Int64
    public var code: String
    public var name: String
    public var farmerID: Int64
    public var farmerName: String
    public var farmerPhone: String
    public var lat: Double
    public var lon: Double
    public var address: String?
    public var village: String?
    public var meetingPoint: String?
    public var meetingTime: TimeOfDay?
    public var active: Bool
    /// What the county's programs know of the farm (sql/020).
    public var profile: FarmProfile
}

/// What a farm row holds, for an insert or a full update.
public struct FarmValues: Sendable, Hashable {
    public var code: String
    public var name: String
    public var farmerID: Int64
    public var lat: Double
    public var lon: Double
    public var address: String?
    public var village: String?
    public var meetingPoint: String?
    public var meetingTime: TimeOfDay?

    public init(
        code: String, name: String, farmerID: Int64, lat: Double, lon: Double, address: String? = nil,
        village: String? = nil, meetingPoint: String? = nil, meetingTime: TimeOfDay? = nil
    ) {
        self.code = code
        self.name = name
        self.farmerID = farmerID
        self.lat = lat
        self.lon = lon
        self.address = address
        self.village = village
        self.meetingPoint = meetingPoint
        self.meetingTime = meetingTime
    }

    /// The values of an existing farm.
    public init(_ farm: FarmRecord) {
        self.init(
            code: farm.code, name: farm.name, farmerID: farm.farmerID, lat: farm.lat, lon: farm.lon,
            address: farm.address, village: farm.village, meetingPoint: farm.meetingPoint,
            meetingTime: farm.meetingTime)
    }
}
