import Vocabulary

/// What became of a stored reply (`sms_inbound.state`).
public enum InboundState: String, StoredStatus {
    /// Not read yet.
    case new
    /// Acted on: the assignment confirmed, or declined.
    case confirmed, declined
    /// The same answer again for the same assignment (a carrier's repeat): nothing done.
    case duplicate
    /// Not an answer ilson understands: for a person.
    case unclear
    /// For a cancelled roster, a past day, an assignment already ended, or a cancellation notice: for a person.
    case late
    /// No notice went to that number: for a person.
    case unknown
    /// Contradicts what already happened (a confirmation after a decline): for a person.
    case conflict

    /// The states a coordinator must look at.
    public static let forAPerson: [InboundState] = [.unclear, .late, .unknown, .conflict]
}

/// A center's reply settings (`centers.reply_prompt`, `reply_deadline`, `auto_backfill`, `reply_reminder`).
public struct ReplySettings: Sendable, Hashable, Decodable {
    /// Whether assignment notices end with the answer prompt.
    public var replyPrompt: Bool
    /// Answers are expected by this time on the day before the work day.
    public var replyDeadline: TimeOfDay
    /// Whether a decline by SMS is backfilled with `roster replace --best`'s pick.
    public var autoBackfill: Bool
    /// Whether `batch replies` sends one reminder to each worker still silent after the deadline.
    public var replyReminder: Bool

    /// Creates settings.
    public init(
        replyPrompt: Bool = true, replyDeadline: TimeOfDay, autoBackfill: Bool = false, replyReminder: Bool = false
    ) {
        self.replyPrompt = replyPrompt
        self.replyDeadline = replyDeadline
        self.autoBackfill = autoBackfill
        self.replyReminder = replyReminder
    }
}

/// A stored reply as a coordinator sees it.
public struct StoredReply: Sendable, Hashable, Decodable {
    public var id: Int64
    public var providerId: String
    /// As the carrier gave it: mask before printing.
    public var sender: String
    public var body: String
    public var state: InboundState
    public var answer: String?
    public var workerId: Int64?
    public var workerName: String?
    public var workDate: Day?
    public var assignmentId: Int64?
    public var note: String?
    /// `YYYY-MM-DD HH:MM` in Asia/Seoul.
    public var storedAt: String
}

/// A worker told to come who has not answered.
public struct SilentWorker: Sendable, Hashable, Decodable {
    public var assignmentId: Int64
    public var workerId: Int64
    public var workerName: String
    /// Digits: mask unless the role may see them.
    public var workerPhone: String
    public var farmName: String
    /// `HH:MM`.
    public var start: String
    /// Whether they were told after the answer deadline (a replacement): they had no time to answer yet.
    public var toldAfterDeadline: Bool
}

/// A worker told to come before the answer deadline who has not answered at all and has had no reminder yet: one row
/// per center, work day and worker (their first job of the day).
public struct DueReminder: Sendable, Hashable, Decodable {
    public var centerId: Int64
    public var centerCode: String
    public var centerName: String
    public var rosterId: Int64
    public var workDate: Day
    public var replyDeadline: TimeOfDay
    public var assignmentId: Int64
    public var workerId: Int64
    /// Digits: mask unless the role may see them.
    public var workerPhone: String
    public var farmName: String
    public var start: TimeOfDay
}

/// A request of a roster that holds fewer live assignments than its minimum.
public struct ShortRequest: Sendable, Hashable, Decodable {
    public var requestId: Int64
    public var farmName: String
    public var assigned: Int
    public var minHeadcount: Int
    public var headcount: Int
}
