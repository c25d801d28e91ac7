import Foundation
import Messaging
import Postgres
import Records
import Storage
import Vocabulary

/// One reminder to each worker still silent at the answer deadline, for centers that turned it on
/// (`replies settings --reminder on`). Nobody is dropped: the silent stay on `roster calls` all the same.
///
/// Runs inside `batch replies`, after the replies are acted on (a worker who just answered gets none). At most one
/// reminder per worker and work day, whatever runs at the same time or crashes (a unique index; the insert skips a
/// reminder another run queued).
enum ReplyReminders {
    /// Queues the reminders due now: for today's and tomorrow's rosters whose answer deadline (on the evening
    /// before) has passed.
    ///
    /// - Returns: how many reminders this call queued, and the days (center and date) that got any.
    static func queue(clock: IlsonClock, now: Date = Date(), crash: CrashPoints, on db: Connection) throws -> (
        queued: Int, days: [DayKey]
    ) {
        let dates = [clock.today, clock.today.next]
        let due = try ReplyStore.dueReminders(dates: dates, on: db).filter {
            Replies.deadlinePassed(date: $0.workDate, deadline: $0.replyDeadline, clock: clock, now: now)
        }
        var queued = 0
        var days: [DayKey] = []
        for reminder in due {
            let notice = ReminderNotice(
                centerName: reminder.centerName, workerPhone: reminder.workerPhone, date: reminder.workDate,
                farmName: reminder.farmName, start: reminder.start)
            // A number that cannot take an SMS never got a notice, so it cannot be due; skip it if it is.
            guard let message = try? Reminders.compose(notice) else { continue }
            let added = try db.transaction { tx in
                try ReplyStore.queueReminder(
                    reminder, recipient: message.to, type: message.type.rawValue, body: message.body,
                    byteCount: message.byteCount, on: tx)
            }
            crash.step()  // a reminder queued and committed
            guard added else { continue }
            queued += 1
            let day = DayKey(centerCode: reminder.centerCode, date: reminder.workDate)
            if !days.contains(day) { days.append(day) }
        }
        return (queued, days)
    }
}
