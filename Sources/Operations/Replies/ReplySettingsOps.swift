import Foundation
import KoreanText
import Messaging
import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// A center's reply settings: whether notices ask for an answer, until when, and automatic backfill.
public enum Replies {
    /// The center's settings.
    public static func settings(center: CenterRecord, on db: Connection) throws -> ReplySettings {
        try ReplyStore.settings(center: center.id, on: db)
    }

    /// Changes some of a center's settings (nil: unchanged).
    ///
    /// - Parameter deadline: `HH:MM`, answers expected by then on the day before the work day.
    /// - Throws: `OperationError.badInput` for a deadline that is not a time.
    public static func change(
        center: CenterRecord, prompt: Bool?, deadline: String?, autoBackfill: Bool?, reminder: Bool? = nil,
        on db: Connection
    ) throws -> ReplySettings {
        var s = try ReplyStore.settings(center: center.id, on: db)
        if let prompt { s.replyPrompt = prompt }
        if let reminder { s.replyReminder = reminder }
        if let autoBackfill { s.autoBackfill = autoBackfill }
        if let deadline {
            guard deadline.count <= 5, let t = TimeOfDay(deadline) else {
                throw OperationError.badInput(T(.errDeadline, ["value": Excerpt.quoted(deadline)]))
            }
            s.replyDeadline = t
        }
        try db.transaction { tx in
            let before = try AuditLog.snapshot(on: tx, table: "centers", id: center.id)
            try ReplyStore.save(s, center: center.id, on: tx)
            try AuditLog.record(
                on: tx, center: center.id, via: "replies settings", entity: "center", id: String(center.id),
                action: .update, before: before, after: try AuditLog.snapshot(on: tx, table: "centers", id: center.id))
        }
        return s
    }

    /// A center's stored replies of a day (for a person only, or all).
    public static func list(center: CenterRecord, date: Day, all: Bool, on db: Connection) throws -> [StoredReply] {
        try ReplyStore.replies(center: center.id, date: date, states: all ? [] : InboundState.forAPerson, on: db)
    }

    /// Whether the answer deadline of a work day has passed: `deadline` on the day before, in Asia/Seoul, by the
    /// clock's day (`ILSON_TODAY`) and the real time of day.
    public static func deadlinePassed(date: Day, deadline: TimeOfDay, clock: IlsonClock, now: Date = Date()) -> Bool {
        let eve = date.previous
        if clock.today > eve { return true }
        if clock.today < eve { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Seoul")!
        let parts = calendar.dateComponents([.hour, .minute], from: now)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0) >= deadline.minutes
    }
}

/// The answer prompt of a center's assignment notices.
enum ReplyPrompts {
    /// `AnswerPrompt.text` with the center's deadline, or nil when the center asks for no answer.
    static func prompt(center: Int64, on db: Connection) throws -> String? {
        let s = try ReplyStore.settings(center: center, on: db)
        return s.replyPrompt ? AnswerPrompt.text(deadline: s.replyDeadline) : nil
    }
}
