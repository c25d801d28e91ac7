import Foundation
import KoreanText
import Messaging
import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// What handling one reply did.
public struct HandledReply: Sendable, Hashable {
    public var state: InboundState
    /// The center and day whose roster changed (messages queued), when one did.
    public var changed: DayKey?
    /// The note stored with the reply, as `StoredText.encode` keeps it (`StoredText.render` reads it).
    public var note: String?
}

/// A center's day.
public struct DayKey: Sendable, Hashable {
    public var centerCode: String
    public var date: Day
}

/// Acting on one stored reply, inside the transaction that holds its row: match it to the worker's latest notice,
/// read the answer, and confirm, decline (and backfill), or leave it for a person. Never guesses, never answers
/// the worker by SMS (a decline's cancellation notice aside, which `roster decline` sends too).
///
/// An answer covers the notice it answers: a notice lists every job of the worker's day, so one answer confirms or
/// declines each of them (the match goes through the notice, `sms_inbound.notice_id`, and its first job).
enum ReplyHandler {
    /// The reason written in a declined assignment and its cancellation notice.
    static let declineReason = "본인 회신: 불참"

    static func handle(_ reply: ClaimedInbound, clock: IlsonClock, on tx: Connection) throws -> HandledReply {
        guard let digits = reply.senderDigits, let notice = try ReplyStore.latestNotice(to: digits, on: tx) else {
            let center = try ReplyStore.center(ofNumber: reply.recipient, on: tx)
            let note = StoredText.encode([StoredText(.replyNoteNoNotice)])
            try ReplyStore.mark(
                reply.id, state: .unknown, answer: ReplyAnswer.read(reply.body)?.rawValue, center: center, worker: nil,
                notice: nil, assignment: nil, date: nil, note: note, on: tx)
            return HandledReply(state: .unknown, note: note)
        }
        let answer = ReplyAnswer.read(reply.body)
        func mark(_ state: InboundState, _ parts: [StoredText]) throws -> HandledReply {
            let note = StoredText.encode(parts)
            try ReplyStore.mark(
                reply.id, state: state, answer: answer?.rawValue, center: notice.centerId, worker: notice.workerId,
                notice: notice.noticeId, assignment: notice.assignmentId, date: notice.workDate, note: note, on: tx)
            return HandledReply(state: state, note: note)
        }
        func mark(
            _ state: InboundState, _ key: TextKey, _ values: [String: any CustomStringConvertible] = [:],
            texts: [String: StoredText] = [:]
        ) throws -> HandledReply {
            try mark(state, [StoredText(key, values, texts: texts)])
        }
        if notice.rosterState == .cancelled {
            return try mark(.late, .replyNoteRosterCancelled, ["date": notice.workDate])
        }
        if notice.workDate < clock.today { return try mark(.late, .replyNotePassed, ["date": notice.workDate]) }
        guard let answer else {
            return try mark(.unclear, .replyNoteUnreadable)
        }
        guard let assignment = notice.assignmentId, let status = notice.assignmentStatus else {
            return try mark(.unclear, .replyNoteNoAssignment)
        }
        if notice.kind == .cancellation {
            // Told it is off (declined, replaced, the request cancelled): a decline says it again, anything else
            // is for a person.
            if answer == .decline { return try mark(.duplicate, .replyNoteAlreadyOff) }
            return try mark(.conflict, .replyNoteAnsweredAfterOff, texts: ["answer": answerText(answer)])
        }
        if try ReplyStore.acted(assignment: assignment, answer: answer.rawValue, on: tx) {
            return try mark(.duplicate, .replyNoteSameAgain)
        }
        switch (answer, status) {
        case (.confirm, .approved):
            // The notice lists every job of the worker's day: the answer confirms each of them.
            let others = try jobs(of: notice, on: tx).filter { $0.status == .approved }.map(\.id)
            for id in [assignment] + others.filter({ $0 != assignment }) {
                let before = try AuditLog.snapshot(on: tx, table: "assignments", id: id)
                try DayOfStore.setStatus(assignment: id, to: .confirmed, reason: "본인 회신: 참석", on: tx)
                try AuditLog.record(
                    on: tx, center: notice.centerId, via: "batch replies", entity: "assignment", id: String(id),
                    action: .state, before: before,
                    after: try AuditLog.snapshot(on: tx, table: "assignments", id: id))
            }
            return try mark(.confirmed, .replyNoteConfirmed)
        case (.confirm, .confirmed), (.decline, .declined), (.decline, .cancelled):
            return try mark(.duplicate, .replyNoteAlready, texts: ["status": statusText(status)])
        case (.confirm, .declined), (.confirm, .cancelled):
            return try mark(.conflict, .replyNoteConfirmedAfter, texts: ["status": statusText(status)])
        case (.decline, .approved), (.decline, .confirmed):
            let note = try decline(notice, on: tx, clock: clock)
            var handled = try mark(.declined, note)
            handled.changed = DayKey(centerCode: notice.centerCode, date: notice.workDate)
            return handled
        default:
            return try mark(.late, .replyNoteAssignmentIs, texts: ["status": statusText(status)])
        }
    }

    /// An assignment's state as a stored text.
    static func statusText(_ status: AssignmentStatus) -> StoredText { StoredText(RequestText.assignmentKey(status)) }

    /// A worker's answer as a stored text.
    static func answerText(_ answer: ReplyAnswer) -> StoredText {
        switch answer {
        case .confirm: StoredText(.replyAnswerConfirm)
        case .decline: StoredText(.replyAnswerDecline)
        }
    }

    /// The worker's live jobs on the notice's day, on the notice's roster (one notice lists them all).
    static func jobs(of notice: AnsweredNotice, on tx: Connection) throws -> [AssignmentRecord] {
        let all = try AssignmentStore.liveAll(worker: notice.workerId, date: notice.workDate, on: tx)
        guard let first = all.first(where: { $0.id == notice.assignmentId }) else { return all }
        return all.filter { $0.rosterID == first.rosterID }
    }

    /// Declines every job of the worker's day that the notice listed, as `roster decline --request` does for each;
    /// with automatic backfill on, replaces them on each by `roster replace --best`'s pick in the same change (one
    /// cancellation, one notice per replacement, one updated list per farm).
    ///
    /// - Returns: the note for the coordinator, one part per job.
    static func decline(_ notice: AnsweredNotice, on tx: Connection, clock: IlsonClock) throws -> [StoredText] {
        let requests = try jobs(of: notice, on: tx).map(\.requestID)
        guard requests.count > 1 else { return [try decline(notice, request: nil, on: tx, clock: clock)] }
        return try requests.map { try decline(notice, request: $0, on: tx, clock: clock) }
    }

    /// One job's decline (`request` nil: the worker's only job that day).
    static func decline(_ notice: AnsweredNotice, request: Int64?, on tx: Connection, clock: IlsonClock) throws
        -> StoredText
    {
        let center = try Centers.resolve(notice.centerCode, on: tx)
        let settings = try ReplyStore.settings(center: center.id, on: tx)
        if settings.autoBackfill {
            do {
                let r = try RosterDecline.replace(
                    center: center, date: notice.workDate, worker: .id(notice.workerId), request: request, with: nil,
                    best: true,
                    reason: declineReason, via: "batch replies (automatic backfill)", on: tx, clock: clock)
                return StoredText(.replyBackfilled, texts: ["pinned": r.pinnedText ?? StoredText(.replyBackfillPinned)])
            } catch let why as OperationError {
                let d = try RosterDecline.decline(
                    center: center, date: notice.workDate, worker: .id(notice.workerId), request: request,
                    reason: declineReason, suggestions: 3, suggestFreeOnly: true, via: "batch replies", on: tx,
                    clock: clock)
                return StoredText(
                    .replyNoBackfill,
                    [
                        "why": why, "request": RequestText.number(d.requestID), "assigned": d.assigned,
                        "headcount": d.headcount,
                    ])
            }
        }
        let d = try RosterDecline.decline(
            center: center, date: notice.workDate, worker: .id(notice.workerId), request: request,
            reason: declineReason, suggestions: 3, suggestFreeOnly: true, via: "batch replies", on: tx, clock: clock)
        let names = d.suggestions.map(\.name).joined(separator: ", ")
        return StoredText(
            .replyWaiting,
            ["request": RequestText.number(d.requestID), "assigned": d.assigned, "headcount": d.headcount],
            texts: [
                "more": names.isEmpty ? StoredText(.replyNobodyElse) : StoredText(.replySuggested, ["names": names])
            ])
    }
}
