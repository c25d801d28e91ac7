import KoreanText
import Messaging
import Storage
import Texts
import Vocabulary

/// Notices composed into outbox rows, in the order they were queued: the one way a notice reaches the outbox
/// (`batch send`'s roster messages and every day-of change).
struct OutboxNotices {
    let composer: MessageComposer
    /// The rows to insert (`OutboxStore.insert`).
    private(set) var messages: [NewOutboxMessage] = []

    init(composer: MessageComposer) { self.composer = composer }

    /// Composes `notice` (one message, or the numbered parts of a long list) and queues it for the recipient.
    ///
    /// - Parameters:
    ///   - role: `worker` or `farmer`.
    ///   - recipientId: the worker's or farmer's id.
    ///   - assignment: the assignment it concerns, for a worker's notice.
    ///   - request: the request it concerns.
    ///   - recordFailure: when the notice cannot be composed, queue a `failed` row with the reason (`batch send`:
    ///     one message must not stop the others) instead of throwing (a coordinator's change: nothing written).
    /// - Returns: the composed messages (none when the failure was recorded).
    /// - Throws: `OperationError.badInput` when the template makes a message that cannot be sent (a line too long)
    ///   and `recordFailure` is false, or the recipient's number cannot be stored.
    @discardableResult
    mutating func queue(
        _ notice: Notice, role: RecipientRole, recipientId: Int64, assignment: Int64?, request: Int64,
        recordFailure: Bool = false
    ) throws -> [ComposedMessage] {
        let composed: [ComposedMessage]
        do {
            composed = try composer.compose(notice)
        } catch {
            let reason = T(
                .errComposeNotice,
                ["kind": notice.kind.rawValue, "request": RequestText.number(request), "error": "\(error)"])
            // The outbox keeps only mobile numbers (the registries do too); a number it cannot hold is thrown.
            guard recordFailure, let to = Phone.normalize(notice.recipientPhone) else {
                throw OperationError.badInput(reason)
            }
            messages.append(
                .uncomposed(
                    assignmentId: assignment, requestId: request, recipient: to, recipientRole: role,
                    recipientId: recipientId, kind: notice.kind, reason: reason))
            return []
        }
        for m in composed {
            messages.append(
                NewOutboxMessage(
                    assignmentId: assignment, requestId: request, recipient: m.to, recipientRole: role,
                    recipientId: recipientId, kind: m.kind, type: m.type.rawValue, body: m.body,
                    byteCount: m.byteCount, part: m.part?.index, parts: m.part?.count))
        }
        return composed
    }
}

extension AssignmentForMessage {
    /// When a rider's van collects them: the farm's meeting time, else half an hour before the job starts.
    var pickupTime: TimeOfDay {
        let start = TimeOfDay.stored(start).minutes
        return meetingTime.flatMap { TimeOfDay($0) }
            ?? TimeOfDay(hour: max(0, start - 30) / 60, minute: max(0, start - 30) % 60) ?? .stored(self.start)
    }
}

extension AssignmentNotice {
    /// The notice telling an assignment's worker where to come.
    init(_ a: AssignmentForMessage, centerName: String, date: Day, answerPrompt: String? = nil) {
        self.init(
            centerName: centerName, workerName: a.workerName, workerPhone: a.workerPhone, date: date,
            start: .stored(a.start), end: .stored(a.end), farmName: a.farmName,
            farmAddress: a.farmAddress ?? a.village ?? "", meetingPoint: a.meetingPoint,
            meetingTime: a.meetingTime.flatMap { TimeOfDay($0) }, task: a.task, wage: a.wage ?? 0,
            farmerName: a.farmerName, farmerPhone: a.farmerPhone, answerPrompt: answerPrompt)
        if let point = a.ridePoint { ride = "승차: \(a.pickupTime) \(point) (농가 차량)" }
    }

    /// The notice of a worker's first job of the day, listing the day's other jobs (one notice a day).
    init(_ jobs: [AssignmentForMessage], centerName: String, date: Day, answerPrompt: String? = nil) {
        self.init(jobs[0], centerName: centerName, date: date, answerPrompt: answerPrompt)
        otherJobs = jobs.dropFirst().map { b in
            "같은 날: \(b.start)~\(b.end) \(b.farmName) (\(b.farmAddress ?? b.village ?? "")) \(b.task)"
                + (b.ridePoint.map { ", \($0) 승차" } ?? "")
        }
    }
}

/// One request on a farmer's list: its details (from any of its assignments, live or not) and its live
/// assignments (possibly none).
struct ListedRequest {
    var details: AssignmentForMessage
    var workers: [AssignmentForMessage]
}

extension FarmerListNotice {
    /// The list of a request's workers for its farmer: the request's details from `request`, the workers from
    /// `workers` (its live assignments, possibly none).
    init(request first: AssignmentForMessage, workers: [AssignmentForMessage], centerName: String, date: Day) {
        self.init(
            centerName: centerName, farmerName: first.farmerName, farmerPhone: first.farmerPhone,
            farmName: first.farmName, date: date, start: .stored(first.start), end: .stored(first.end),
            task: first.task, headcountWanted: first.headcount, workers: workers.map(ListedWorker.init))
    }

    /// One farm's list of a day, for its farmer: the first request through the template, the farm's other
    /// requests of the day after it (`more`), in the order given.
    init(farmDay requests: [ListedRequest], centerName: String, date: Day) {
        self.init(request: requests[0].details, workers: requests[0].workers, centerName: centerName, date: date)
        more = requests.dropFirst().map { r in
            FarmerListSection(
                start: .stored(r.details.start), end: .stored(r.details.end), task: r.details.task,
                headcountWanted: r.details.headcount, workers: r.workers.map(ListedWorker.init))
        }
    }
}

extension ListedWorker {
    /// An assignment's worker as the farmer's list names them.
    init(_ a: AssignmentForMessage) {
        self.init(name: a.workerName, phone: a.workerPhone)
        ridesFrom = a.ridePoint
        confirmed = a.confirmed
    }
}

extension [ListedRequest] {
    /// Requests grouped by farm (one list per farm and day), each farm's by start then number; farms in the order
    /// of their first request.
    static func byFarm(_ requests: [ListedRequest]) -> [[ListedRequest]] {
        var farms: [String] = []
        var groups: [String: [ListedRequest]] = [:]
        for r in requests {
            if groups[r.details.farmCode] == nil { farms.append(r.details.farmCode) }
            groups[r.details.farmCode, default: []].append(r)
        }
        return farms.map { farm in
            groups[farm]!.sorted { ($0.details.start, $0.details.requestId) < ($1.details.start, $1.details.requestId) }
        }
    }
}

extension CallNeeded {
    /// A call to an assignment's worker, for `reason`.
    init(_ a: AssignmentForMessage, reason: String) {
        self.init(
            workerId: a.workerId, name: a.workerName, phone: a.workerPhone, farmName: a.farmName, start: a.start,
            meetingPoint: a.meetingPoint, meetingTime: a.meetingTime, reason: reason)
    }
}

extension TimeOfDay {
    /// A stored `HH:MM` (midnight if it is not one: the database's `time` columns always are).
    static func stored(_ text: String) -> TimeOfDay { TimeOfDay(rangeEnd: text) ?? TimeOfDay(hour: 0, minute: 0)! }
}
