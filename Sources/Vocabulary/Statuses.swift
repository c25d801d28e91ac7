/// A status or kind stored as text in one column, with a fixed set of values (the column's CHECK lists them).
///
/// Storage decodes every such column through this protocol and throws on a value outside the set,
/// naming the table and the value: never a silent fallback.
public protocol StoredStatus: RawRepresentable, CaseIterable, Sendable, Hashable, Codable, CustomStringConvertible
where RawValue == String {}

extension StoredStatus {
    /// The value as stored (`no_show`, not `noShow`): statuses print so in messages and output.
    public var description: String { rawValue }
}

/// The state of a center's roster for a day (`rosters.state`).
public enum RosterState: String, StoredStatus {
    /// Planned, editable, not announced.
    case draft
    /// Approved by a coordinator; `batch send` announces it.
    case approved
    /// Its messages are in the outbox, not all final yet.
    case sending
    /// Every message is final (sent, failed or withdrawn).
    case sent
    /// Called off (rain, …); its messages withdrawn or cancellations queued.
    case cancelled
}

/// The status of one worker on one request (`assignments.status`).
public enum AssignmentStatus: String, StoredStatus {
    /// In a draft roster.
    case proposed
    /// In an approved roster (announced once sent).
    case approved
    /// The worker said yes.
    case confirmed
    /// The worker said no (or a coordinator recorded it).
    case declined
    /// Called off.
    case cancelled
    /// Did not come.
    case noShow = "no_show"
    /// Worked the day.
    case completed

    /// The statuses of an assignment that still holds its worker for the day.
    public static let live: Set<AssignmentStatus> = [.proposed, .approved, .confirmed]
}

/// The state of one outgoing message (`sms_outbox.state`).
public enum OutboxState: String, StoredStatus {
    /// Waiting to be delivered (first try or a retry).
    case pending
    /// Handed to the gateway, no answer recorded yet.
    case sending
    /// Accepted by the provider.
    case sent
    /// Refused for good (a 4xx, or a message that cannot be composed).
    case failed
    /// Taken back before it went out (its roster or assignment was cancelled).
    case withdrawn

    /// Whether nothing more will happen to the message.
    public var isFinal: Bool { self == .sent || self == .failed || self == .withdrawn }
}

/// What attendance recorded for one assignment (`attendance.outcome`).
public enum AttendanceOutcome: String, StoredStatus {
    case present
    case noShow = "no_show"
    case late
    case leftEarly = "left_early"
}

/// The status of a labor request (`labor_requests.status`).
public enum RequestStatus: String, StoredStatus {
    /// Open: the scheduler plans it.
    case submitted
    /// Called off by the farmer or the center.
    case cancelled
    /// Done with; no longer planned.
    case closed
}

/// What a message announces (`sms_outbox.kind`), sent as the gateway contract's `kind`.
public enum MessageKind: String, StoredStatus {
    /// To a worker: where and when to work.
    case assignment
    /// To a farmer: the workers coming, with their numbers.
    case farmerList = "farmer_list"
    /// To a worker or a farmer: the roster or the request was cancelled (rain, …).
    case cancellation
    /// To a worker or a farmer: an updated assignment or list (a replacement, a changed time).
    case change
    /// To a worker still silent after the answer deadline: one short request to answer (`replies settings
    /// --reminder on`).
    case reminder
}

/// Who a message goes to (`sms_outbox.recipient_role`).
public enum RecipientRole: String, StoredStatus {
    case worker, farmer
}

/// A row of a worker's availability (`worker_availability.kind`).
public enum AvailabilityKind: String, StoredStatus {
    /// Available from a date (to a date).
    case available
    /// A day or days off.
    case off
}

/// A cron job recorded in `batch_runs.job`.
public enum BatchJob: String, StoredStatus {
    case plan, send, replies
}

/// The kind of person a login is (`ilson_users.kind`), and so the PostgreSQL group it belongs to
/// (sql/008_roles.sql).
public enum UserKind: String, StoredStatus {
    case farmer, coordinator, batch, admin
}

/// Worker categories the county reports on (`workers.category`). Reporting only: the solver does not use them.
public enum WorkerCategory: String, StoredStatus {
    case senior, youth, women, disabled, foreign, general
    /// 신중년: 50-64, the midlife group of version 2 of the problem format.
    case midlife
}
