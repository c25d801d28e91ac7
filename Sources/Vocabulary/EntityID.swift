/// The database id of one kind of row (`bigint`), typed so a worker's id cannot be passed as a request's.
///
/// `Entity` is a tag only (`WorkerID = EntityID<WorkerTag>`); the value is the database's `Int64`.
public struct EntityID<Entity>: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The database id.
    public var rawValue: Int64

    /// The id of a row.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// The number, e.g. `12`.
    public var description: String { String(rawValue) }

    public static func < (a: EntityID, b: EntityID) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// Tags of the typed ids (never instantiated).
public enum CenterTag: Sendable {}
public enum FarmerTag: Sendable {}
public enum FarmTag: Sendable {}
public enum WorkerTag: Sendable {}
public enum JobTag: Sendable {}
public enum RequestTag: Sendable {}
public enum RosterTag: Sendable {}
public enum AssignmentTag: Sendable {}
public enum OutboxTag: Sendable {}
public enum UserTag: Sendable {}

/// A dispatch center (`centers.id`).
public typealias CenterID = EntityID<CenterTag>
/// A farmer (`farmers.id`).
public typealias FarmerID = EntityID<FarmerTag>
/// A farm (`farms.id`).
public typealias FarmID = EntityID<FarmTag>
/// A worker (`workers.id`).
public typealias WorkerID = EntityID<WorkerTag>
/// A job: the days of one labor request submission (`labor_jobs.id`).
public typealias JobID = EntityID<JobTag>
/// One day of a job (`labor_requests.id`).
public typealias RequestID = EntityID<RequestTag>
/// A center's roster of a day (`rosters.id`).
public typealias RosterID = EntityID<RosterTag>
/// One worker on one request (`assignments.id`).
public typealias AssignmentID = EntityID<AssignmentTag>
/// One outgoing message (`sms_outbox.id`).
public typealias OutboxID = EntityID<OutboxTag>
/// A login (`ilson_users.id`).
public typealias UserID = EntityID<UserTag>
