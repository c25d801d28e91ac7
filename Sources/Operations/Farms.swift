import Foundation
import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// What `ilson farm add` was given.
public struct FarmInput: Sendable, Hashable {
    public var code: String
    public var name: String
    /// The farmer's phone or id.
    public var farmer: String
    public var location: LocationInput
    public var address: String?
    public var meetingPoint: String?
    public var meetingTime: String?
    /// What the county's programs know of the farm (sql/020).
    public var profile: FarmProfileInput

    public init(
        code: String, name: String, farmer: String, location: LocationInput, address: String? = nil,
        meetingPoint: String? = nil, meetingTime: String? = nil, profile: FarmProfileInput = FarmProfileInput()
    ) {
        self.profile = profile
        self.code = code
        self.name = name
        self.farmer = farmer
        self.location = location
        self.address = address
        self.meetingPoint = meetingPoint
        self.meetingTime = meetingTime
    }
}

/// Farms (농가): where workers go.
public enum Farms {
    /// Adds a farm of a registered farmer, with an audit row, in one transaction.
    ///
    /// - Throws: `OperationError.badInput` for bad values or a code in use; `.notFound` for an unknown farmer.
    public static func add(_ input: FarmInput, center: String?, on db: Connection) throws -> FarmRecord {
        let code = try RegistryInput.farmCode(input.code, field: "--code")
        let name = try RegistryInput.name(input.name, TextLimits.farmName, option: "--name")
        let address = try RegistryInput.text(input.address, TextLimits.address, option: "--address")
        let meetingPoint = try RegistryInput.text(
            input.meetingPoint, TextLimits.meetingPoint, option: "--meeting-point")
        let meetingTime = try input.meetingTime.map { try RegistryInput.time($0, field: "--meeting-time") }
        let profile = try FarmProfiles.change(
            input.profile, fields: .commandLine, thisYear: IlsonClock.seoulDay(of: Date()).components.year
        ).applied(to: FarmProfile())
        return try db.transaction { db in
            let center = try Centers.resolve(center, on: db)
            let place = try RegistryInput.location(
                input.location, what: T(.whatFarm, ["code": code]), source: .commandLine,
                county: Centers.county(of: center, on: db))
            if try FarmStore.find(code: code, center: center.id, on: db) != nil {
                throw OperationError.badInput(T(.errFarmExists, ["code": code, "center": center.code]))
            }
            let farmer = try Farmers.find(input.farmer, center: center, on: db)
            let values = FarmValues(
                code: code, name: name, farmerID: farmer.id, lat: place.lat, lon: place.lon,
                address: address, village: place.village, meetingPoint: meetingPoint,
                meetingTime: meetingTime)
            let id = try FarmStore.insert(center: center.id, values, on: db)
            if profile != FarmProfile() { try FarmStore.setProfile(id: id, profile, on: db) }
            try AuditLog.record(
                on: db, center: center.id, via: "farm add", entity: "farm", id: String(id), action: .create,
                after: AuditLog.snapshot(on: db, table: "farms", id: id))
            return try FarmStore.find(code: code, center: center.id, on: db)!
        }
    }

    /// The farms of a center, by code.
    public static func list(center: String?, on db: Connection) throws -> (CenterRecord, [FarmRecord]) {
        let center = try Centers.resolve(center, on: db)
        return (center, try FarmStore.all(center: center.id, on: db))
    }

    /// The farm with this code in a center; a clear message when it is unknown or another center's.
    static func find(code: String, center: CenterRecord, on db: Connection) throws -> FarmRecord {
        if let farm = try FarmStore.find(code: code, center: center.id, on: db) { return farm }
        let others = try FarmStore.otherCenters(code: code, notCenter: center.id, on: db)
        if !others.isEmpty {
            throw OperationError.badInput(
                T(
                    .errFarmOtherCenter,
                    [
                        "code": code, "others": others.joined(separator: ", "), "center": center.code,
                        "first": others[0],
                    ]))
        }
        throw OperationError.notFound(T(.errFarmNotFound, ["code": code, "center": center.code]))
    }
}

func blankToNil(_ text: String?) -> String? {
    guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
    return t
}
