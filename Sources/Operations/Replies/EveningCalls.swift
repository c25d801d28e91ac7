import Foundation
import KoreanText
import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// The evening's calls besides failed messages: the silent after the answer deadline, replies ilson could not act
/// on, and requests a decline left below their minimum.
extension RosterCalls {
    /// Everything `roster calls` lists: `list(center:date:on:)`, then the workers who did not answer by the
    /// deadline (only once it has passed; nobody is dropped), then the replies for a person.
    public static func list(center: CenterRecord, date: Day, clock: IlsonClock, now: Date = Date(), on db: Connection)
        throws -> [CallNeeded]
    {
        var calls = try list(center: center, date: date, on: db)
        calls += try silent(center: center, date: date, clock: clock, now: now, on: db)
        calls += try replies(center: center, date: date, on: db)
        return calls
    }

    /// Workers told to come who have not confirmed, once the answer deadline has passed (none before).
    public static func silent(
        center: CenterRecord, date: Day, clock: IlsonClock, now: Date = Date(), on db: Connection
    ) throws -> [CallNeeded] {
        let settings = try ReplyStore.settings(center: center.id, on: db)
        guard Replies.deadlinePassed(date: date, deadline: settings.replyDeadline, clock: clock, now: now),
            let roster = try BatchRosterStore.rosters(date: date, center: center.id, on: db).first,
            roster.state != .cancelled
        else { return [] }
        return try ReplyStore.silent(roster: roster.id, deadline: settings.replyDeadline, on: db).map {
            CallNeeded(
                workerId: $0.workerId, name: $0.workerName, phone: $0.workerPhone, farmName: $0.farmName,
                start: $0.start, meetingPoint: nil, meetingTime: nil,
                reason: T(
                    $0.toldAfterDeadline ? .callToldAfterDeadline : .callNoAnswerByDeadline,
                    ["deadline": settings.replyDeadline]))
        }
    }

    /// Replies of the day that ilson stored but did not act on (unclear, late, unknown number, conflict).
    public static func replies(center: CenterRecord, date: Day, on db: Connection) throws -> [CallNeeded] {
        try ReplyStore.replies(center: center.id, date: date, states: InboundState.forAPerson, on: db).map {
            CallNeeded(
                workerId: $0.workerId ?? 0, name: $0.workerName ?? T(.callUnknownNumber), phone: $0.sender,
                farmName: "", start: "", meetingPoint: nil, meetingTime: nil,
                reason: T(
                    .callReply,
                    [
                        "body": Excerpt.quoted($0.body), "state": RequestText.reply($0.state),
                        "note": $0.note.map(StoredText.render) ?? "",
                    ]))
        }
    }

    /// Requests a decline left below their minimum headcount: flagged until filled or cancelled with notices.
    public static func gaps(center: CenterRecord, date: Day, on db: Connection) throws -> [ShortRequest] {
        guard let roster = try BatchRosterStore.rosters(date: date, center: center.id, on: db).first else { return [] }
        return try ReplyStore.shortAfterDecline(roster: roster.id, on: db)
    }
}
