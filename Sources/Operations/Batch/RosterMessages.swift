import KoreanText
import Messaging
import Scheduling
import Storage
import Texts
import Vocabulary

/// A worker on a roster who gets no SMS (no consent): the coordinator calls them.
public struct CallNeeded: Sendable, Hashable {
    public var workerId: Int64
    public var name: String
    /// Digits, full: show masked (`Phone.mask`) except in `roster calls`.
    public var phone: String
    public var farmName: String
    public var start: String
    public var meetingPoint: String?
    public var meetingTime: String?
    /// Why a call is needed: `no SMS consent`, or the failed message's reason.
    public var reason: String
}

/// Turns a roster's assignments into outbox messages: one to each worker with SMS consent (one a day, listing every
/// job of the day), one list (or its numbered parts) to each farm's farmer for the day, naming every request of
/// the farm that day.
///
/// A notice that cannot be composed (a center's template makes a line longer than an LMS) does not stop the
/// others: it becomes a `failed` row with its reason (`NewOutboxMessage.failure`), which `roster calls` lists.
public struct RosterMessages: Sendable {
    /// The rows to write: composed messages, and the uncomposed ones as failures.
    public var messages: [NewOutboxMessage]
    /// Workers not messaged (no consent).
    public var calls: [CallNeeded]

    /// The notices that could not be composed (their rows among `messages`).
    public var uncomposed: [NewOutboxMessage] { messages.filter { $0.failure != nil } }

    /// Composes the messages.
    ///
    /// - Throws: `OperationError.badInput` only when a recipient's number is not one the outbox can hold (the
    ///   registries refuse such numbers); a message that cannot be composed is recorded, not thrown.
    ///   - answerPrompt: the answer prompt each worker's notice ends with (`AnswerPrompt.text`), nil for none.
    public init(
        assignments: [AssignmentForMessage], centerName: String, date: Day, composer: MessageComposer,
        answerPrompt: String? = nil
    ) throws {
        var outbox = OutboxNotices(composer: composer)
        var byRequest: [(Int64, [AssignmentForMessage])] = []
        for a in assignments {
            if let last = byRequest.last, last.0 == a.requestId {
                byRequest[byRequest.count - 1].1.append(a)
            } else {
                byRequest.append((a.requestId, [a]))
            }
        }
        // One notice per worker and day (version 2: several jobs a day), sent with the worker's first job by
        // start and listing the others.
        var jobsOf: [Int64: [AssignmentForMessage]] = [:]
        for a in assignments { jobsOf[a.workerId, default: []].append(a) }
        for (key, jobs) in jobsOf { jobsOf[key] = jobs.sorted { ($0.start, $0.requestId) < ($1.start, $1.requestId) } }
        for (request, group) in byRequest {
            for a in group where a.smsConsent {
                let jobs = jobsOf[a.workerId] ?? [a]
                guard jobs[0].assignmentId == a.assignmentId else { continue }
                try outbox.queue(
                    .assignment(AssignmentNotice(jobs, centerName: centerName, date: date, answerPrompt: answerPrompt)),
                    role: .worker,
                    recipientId: a.workerId, assignment: a.assignmentId, request: request, recordFailure: true)
            }
        }
        // One list per farm and day, kept with the farm's first request (`DayOfStore` finds it by farm and day).
        for farm in [ListedRequest].byFarm(byRequest.map { ListedRequest(details: $0.1[0], workers: $0.1) }) {
            let first = farm[0].details
            let list = FarmerListNotice(farmDay: farm, centerName: centerName, date: date)
            try outbox.queue(
                .farmerList(list), role: .farmer, recipientId: first.farmerId, assignment: nil,
                request: first.requestId, recordFailure: true)
        }
        self.messages = outbox.messages
        self.calls = RosterMessages.calls(for: assignments)
    }

    /// The workers of these assignments who get no SMS (no consent), to be phoned.
    public static func calls(for assignments: [AssignmentForMessage]) -> [CallNeeded] {
        assignments.filter { !$0.smsConsent }.map { CallNeeded($0, reason: T(.callNoConsent)) }
    }
}
