import Foundation
import Scheduling
import Vocabulary

/// A labor request (one day of a job) with its farm and the state of that day's roster.
public struct RequestRecord: Sendable, Hashable, Decodable {
    public var id: Int64
    public var centerID: Int64
    public var jobID: Int64
    public var farmID: Int64
    public var farmCode: String
    public var farmName: String
    /// Read from the same row's columns.
    public var values: RequestValues
    public var status: RequestStatus
    public var cancelReason: String?
    /// The state of the center's roster of this date, nil when there is none yet.
    public var rosterState: RosterState?
    /// Where `values.priority` came from (sql/020).
    public var priorityOrigin: PriorityOrigin

    /// Whether the day's roster is approved or being sent or sent: the request may not change.
    public var isLockedByRoster: Bool { [.approved, .sending, .sent].contains(rosterState) }
}

/// What one request row holds, for an insert or a full update.
public struct RequestValues: Sendable, Hashable, Decodable {
    public var date: Day
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var task: String
    public var skills: [String]
    public var headcount: Int
    public var minHeadcount: Int
    public var priority: Int
    public var maxTravelKm: Double?
    public var wage: Int?
    /// Version 2: the pools that may fill the request, sorted; nil when every pool (empty: none).
    public var pools: [WorkerPool]?
    /// Version 2: the seats of the request's van; nil when there is no van.
    public var pickupSeats: Int?
    /// Version 2: the names of the pickup points the van stops at, sorted.
    public var pickupPoints: [String] = []

    public init(
        date: Day, start: TimeOfDay, end: TimeOfDay, task: String, skills: [String] = [], headcount: Int,
        minHeadcount: Int = 1, priority: Int = 1, maxTravelKm: Double? = nil, wage: Int? = nil,
        pools: [WorkerPool]? = nil, pickupSeats: Int? = nil, pickupPoints: [String] = []
    ) {
        self.pools = pools
        self.pickupSeats = pickupSeats
        self.pickupPoints = pickupPoints
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

/// Where a request's priority came from: the center's policy, or a person's override with its reason and who.
public struct PriorityOrigin: Sendable, Hashable, Decodable {
    public var prioritySource: PrioritySource
    /// Why it was overridden (`입력` when it came with the request); nil on the policy.
    public var priorityReason: String?
    /// The login that overrode it; nil on the policy.
    public var priorityBy: String?

    public init(prioritySource: PrioritySource = .policy, priorityReason: String? = nil, priorityBy: String? = nil) {
        self.prioritySource = prioritySource
        self.priorityReason = priorityReason
        self.priorityBy = priorityBy
    }
}
