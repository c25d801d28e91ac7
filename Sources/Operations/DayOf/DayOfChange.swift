import Foundation
import KoreanText
import Messaging
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// A message a day-of change queued, for the command's output (mask the phone when printing).
public struct QueuedNotice: Sendable, Hashable {
    public var kind: MessageKind
    public var role: RecipientRole
    public var name: String
    /// Digits.
    public var recipient: String
}

/// What a day-of change did to a roster and its outbox.
public struct DayOfReport: Sendable, Hashable {
    public var centerCode: String
    public var date: Day
    public var rosterID: Int64
    /// The roster's version and state after the change.
    public var version: Int
    public var rosterState: RosterState
    /// What was done, one line each (phones masked).
    public var lines: [String] = []
    /// The line of the replacement pinned, when one was (`roster replace`).
    public var pinned: String?
    /// The same line as a stored text, for a note read later in the reader's language.
    public var pinnedText: StoredText?
    /// Messages withdrawn: they will never be sent.
    public var withdrawn = 0
    /// Messages queued, one per recipient (a list in parts counts once).
    public var queued: [QueuedNotice] = []
    /// People a coordinator must phone (no SMS consent), full numbers: mask unless the role may see them.
    public var calls: [CallNeeded] = []
    /// Rules a forced pin breaks.
    public var warnings: [String] = []
}

/// One day-of change in the making, inside the transaction that holds the roster's row lock: the assignment
/// moves, the withdrawals and the notices, so every person affected is told once and nothing untrue is sent.
///
/// Whether anything is sent depends on the roster's state: a `draft` or `approved` roster has told nobody yet
/// (`batch send` composes its messages from the live assignments as they stand then), so a change only moves
/// assignments; a roster `sending` or `sent` has told people, so a change withdraws what is no longer true and
/// queues what is new; the roster goes back from `sent` to `sending` until those messages are final.
struct DayOfChange {
    let tx: Connection
    let center: CenterRecord
    /// The roster, locked, as it was before the change.
    let roster: RosterRecord
    /// The live assignments before the change (request, farm and farmer details even for a request left empty).
    let before: [AssignmentForMessage]
    var report: DayOfReport
    private var outbox: OutboxNotices
    private var requestsChanged: [Int64] = []
    /// Requests cancelled in this change: their farmer gets a cancellation, and they leave the farm's list.
    private var requestsCancelled: Set<Int64> = []
    /// The answer prompt of the center's assignment notices (nil when it asks for none).
    private let answerPrompt: String?

    /// The roster's day.
    var date: Day { roster.date }
    /// Whether the roster's messages were written (`sending` or `sent`): changes are then told.
    var announced: Bool { roster.state == .sending || roster.state == .sent }

    /// Locks the center's roster of the day (waiting for a sender's chunk in flight to be recorded) and checks
    /// that it can take a day-of change.
    ///
    /// - Throws: `.notFound` without a roster; `.conflict` for a cancelled roster or a stale version.
    init(center: CenterRecord, date: Day, expectedVersion: Int?, on tx: Connection) throws {
        guard let found = try RosterStore.find(center: center.id, date: date, on: tx),
            try BatchRosterStore.lock(roster: found.id, on: tx) != nil,
            let roster = try RosterStore.find(center: center.id, date: date, on: tx)
        else {
            throw OperationError.notFound(
                T(.errCenterNoRoster, ["center": center.code, "date": RequestText.day(date)]))
        }
        if roster.state == .cancelled {
            throw OperationError.conflict(T(.errCancelled, ["date": RequestText.day(date)]))
        }
        if let expectedVersion, expectedVersion != roster.version {
            throw OperationError.conflict(
                T(.errRosterChangedVersion, ["seen": expectedVersion, "now": roster.version]))
        }
        self.tx = tx
        self.center = center
        self.roster = roster
        self.outbox = OutboxNotices(
            composer: MessageComposer(templates: try CenterTemplates.load(center: center.id, on: tx)))
        self.before = try BatchRosterStore.assignmentsForMessages(roster: roster.id, on: tx)
        self.answerPrompt = try ReplyPrompts.prompt(center: center.id, on: tx)
        self.report = DayOfReport(
            centerCode: center.code, date: date, rosterID: roster.id, version: roster.version,
            rosterState: roster.state)
    }

    /// The live assignment (with its message details) of a worker on this roster.
    func live(worker: Int64) -> AssignmentForMessage? { before.first { $0.workerId == worker } }

    /// The live assignment of a worker on this roster, on `request` when given. A worker with several jobs that
    /// day needs `request`: without it, the error names the jobs.
    ///
    /// - Throws: `OperationError.badInput` when the worker has several jobs and `request` is nil.
    func live(worker: Int64, request: Int64?) throws -> AssignmentForMessage? {
        let mine = before.filter { $0.workerId == worker }
        if let request { return mine.first { $0.requestId == request } }
        guard mine.count > 1 else { return mine.first }
        let jobs = mine.map { "\($0.farmName) \($0.start)-\($0.end) (--request \($0.requestId))" }
        throw OperationError.badInput(
            "\(RosterText.person(name: mine[0].workerName, phone: mine[0].workerPhone))은(는) 이날 일이 \(mine.count)건입니다: "
                + jobs.joined(separator: ", ") + ". --request로 어느 일인지 정하십시오")
    }

    /// Takes a worker off their assignment (`declined` or `cancelled`): their undelivered notices are withdrawn;
    /// when they were told already, one cancellation notice is queued (or, without SMS consent, a call).
    mutating func release(_ a: AssignmentForMessage, status: AssignmentStatus, reason: String?) throws {
        if announced {
            let told = try DayOfStore.workerTold(assignment: a.assignmentId, on: tx)
            report.withdrawn += try DayOfStore.withdrawWorkerMessages(assignment: a.assignmentId, on: tx)
            if told {
                try queue(
                    .cancellation(
                        CancellationNotice(
                            centerName: center.name, recipientName: a.workerName, recipientPhone: a.workerPhone,
                            date: date, farmName: a.farmName, start: TimeOfDay(a.start),
                            reason: reason)),
                    role: .worker, name: a.workerName, recipientId: a.workerId, assignment: a.assignmentId,
                    request: a.requestId)
            } else if !a.smsConsent {
                report.calls.append(
                    CallNeeded(a, reason: T(.callNoConsentOff, ["farm": a.farmName, "start": a.start])))
            }
        }
        let snapshot = try AuditLog.snapshot(on: tx, table: "assignments", id: a.assignmentId)
        try DayOfStore.setStatus(assignment: a.assignmentId, to: status, reason: reason, on: tx)
        try AuditLog.record(
            on: tx, center: center.id, via: via, entity: "assignment", id: String(a.assignmentId), action: .state,
            before: snapshot, after: try AuditLog.snapshot(on: tx, table: "assignments", id: a.assignmentId))
        changed(request: a.requestId)
    }

    /// The command, for the audit log.
    var via = "roster decline"

    /// Remembers that a request's list changed: `finish` sends its farmer the list as it now stands.
    mutating func changed(request: Int64) {
        if !requestsChanged.contains(request) { requestsChanged.append(request) }
    }

    /// Queues the assignment notice of a new (or newly approved) assignment, when the roster's messages are out.
    mutating func announce(assignment id: Int64) throws {
        guard announced else { return }
        guard
            let a = try BatchRosterStore.assignmentsForMessages(roster: roster.id, on: tx).first(where: {
                $0.assignmentId == id
            })
        else { return }
        changed(request: a.requestId)
        guard a.smsConsent else {
            report.calls.append(CallNeeded(a, reason: T(.callNoConsentCome, ["farm": a.farmName, "start": a.start])))
            return
        }
        try queue(
            .assignment(AssignmentNotice(a, centerName: center.name, date: date, answerPrompt: answerPrompt)),
            role: .worker, name: a.workerName,
            recipientId: a.workerId, assignment: a.assignmentId,
            request: a.requestId)
    }

    /// Confirms a cancelled request to its farmer (their undelivered lists withdrawn first).
    mutating func confirmCancellation(
        request: Int64, details: AssignmentForMessage?, farmer: FarmerContact,
        reason: String?
    ) throws {
        // The farm's list of the day names its other requests too: one not yet delivered is sent again without
        // this request (one already delivered still holds for them).
        let withdrawn = try DayOfStore.withdrawFarmerLists(request: request, on: tx)
        report.withdrawn += withdrawn
        requestsChanged.removeAll { $0 == request }
        requestsCancelled.insert(request)
        if withdrawn > 0, let farm = details?.farmCode ?? before.first(where: { $0.requestId == request })?.farmCode,
            let other = before.first(where: { $0.farmCode == farm && $0.requestId != request })
        {
            changed(request: other.requestId)
        }
        try queue(
            .cancellation(
                CancellationNotice(
                    centerName: center.name, recipientName: farmer.name, recipientPhone: farmer.phone,
                    date: date, farmName: farmer.farmName,
                    start: details.flatMap { TimeOfDay($0.start) } ?? farmer.start.flatMap { TimeOfDay($0) },
                    reason: reason)),
            role: .farmer, name: farmer.name, recipientId: farmer.id, assignment: nil, request: request)
    }

    /// Sends the farmer of each changed request's farm the day's list as it now stands, every request of the farm
    /// that day on it (a `change` when they were told the old one; their undelivered lists withdrawn), writes the
    /// queued messages, and moves a `sent` roster back to `sending`. Bumps the roster's version and refreshes its
    /// stored outcome.
    mutating func finish() throws -> DayOfReport {
        if announced {
            let after = try BatchRosterStore.assignmentsForMessages(roster: roster.id, on: tx)
            var farms: [String] = []
            for request in requestsChanged {
                guard let farm = (after + before).first(where: { $0.requestId == request })?.farmCode,
                    !farms.contains(farm)
                else { continue }
                farms.append(farm)
            }
            for farm in farms {
                var ids: [Int64] = []
                for a in before + after
                where a.farmCode == farm && !requestsCancelled.contains(a.requestId) && !ids.contains(a.requestId) {
                    ids.append(a.requestId)
                }
                let listed = ids.compactMap { id -> ListedRequest? in
                    let group = after.filter { $0.requestId == id }
                    return (group.first ?? before.first { $0.requestId == id }).map {
                        ListedRequest(details: $0, workers: group)
                    }
                }
                guard let day = [ListedRequest].byFarm(listed).first else { continue }
                let first = day[0].details
                let told = try DayOfStore.farmerTold(request: first.requestId, on: tx)
                report.withdrawn += try DayOfStore.withdrawFarmerLists(request: first.requestId, on: tx)
                if !told && day.allSatisfy({ $0.workers.isEmpty }) { continue }
                let list = FarmerListNotice(farmDay: day, centerName: center.name, date: date)
                try queue(
                    told ? .farmerListChange(list) : .farmerList(list), role: .farmer, name: first.farmerName,
                    recipientId: first.farmerId, assignment: nil, request: first.requestId)
            }
        }
        try OutboxStore.insert(outbox.messages, center: center.id, roster: roster.id, date: date, on: tx)
        if !outbox.messages.isEmpty && roster.state == .sent {
            try DayOfStore.reopenSending(roster: roster.id, on: tx)
            report.rosterState = .sending
        }
        report.version = try DayOfStore.bumpVersion(roster: roster.id, on: tx)
        try RosterRules.refreshOutcome(roster: roster, center: center, on: tx)
        return report
    }

    /// Queues a notice in the outbox (written by `finish`) and reports it, once per recipient.
    private mutating func queue(
        _ notice: Notice, role: RecipientRole, name: String, recipientId: Int64, assignment: Int64?, request: Int64
    ) throws {
        let composed = try outbox.queue(
            notice, role: role, recipientId: recipientId, assignment: assignment, request: request)
        if let first = composed.first {
            report.queued.append(QueuedNotice(kind: first.kind, role: role, name: name, recipient: first.to))
        }
    }
}

/// A request's farmer, for a cancellation confirmation.
struct FarmerContact: Sendable, Hashable {
    var id: Int64
    var name: String
    /// Digits.
    var phone: String
    var farmName: String
    /// `HH:MM`.
    var start: String?
}

extension QueuedNotice: CustomStringConvertible {
    /// `cancellation → worker 김똠1 010-****-0001`.
    public var description: String {
        T(
            .queuedNotice,
            [
                "kind": RequestText.messageKind(kind), "role": RequestText.role(role), "name": name,
                "phone": Phone.mask(recipient),
            ])
    }
}
