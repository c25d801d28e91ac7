import Foundation
import Scheduling
import Vocabulary

/// One assignment of a day whose attendance can be recorded, with what is recorded so far.
public struct AttendanceLine: Sendable, Hashable, Decodable {
    public var assignmentID: Int64
    public var requestID: Int64
    /// `approved`, `confirmed`, `completed`, `noShow` (or `proposed` on an approved roster).
    public var status: AssignmentStatus
    public var workerID: Int64
    public var workerName: String
    /// Digits; mask before printing.
    public var workerPhone: String
    public var farmCode: String
    public var farmName: String
    /// `HH:MM`.
    public var start: String
    public var end: String
    /// The recorded outcome, nil when none is recorded.
    public var outcome: AttendanceOutcome?
    public var hours: Double?
    public var note: String?
}

/// One day of a worker's record (`ilson worker show`).
public struct WorkerDayRow: Sendable, Hashable, Decodable {
    public var date: Day
    public var requestID: Int64
    public var farmCode: String
    public var farmName: String
    public var task: String
    /// The assignment's status: `approved`, `completed`, `noShow`, `declined`, `cancelled`, …
    public var status: AssignmentStatus
    /// The reason of a decline or cancellation, when one was given.
    public var reason: String?
    public var outcome: AttendanceOutcome?
    public var hours: Double?
    public var note: String?
}
