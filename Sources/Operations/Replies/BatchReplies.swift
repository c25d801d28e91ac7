import Foundation
import Messaging
import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// What `batch replies` did.
public struct BatchRepliesReport: Sendable {
    /// Replies fetched from the provider (repeats included), and of them the new ones stored.
    public var fetched = 0
    public var stored = 0
    /// Polling was skipped: another run holds the fetch lock (its replies are handled all the same).
    public var fetchSkipped = false
    /// Why polling stopped early (the provider away: try again from the same cursor next run).
    public var fetchProblem: String?
    /// Replies handled by this run, per outcome.
    public var handled: [InboundState: Int] = [:]
    /// Reminders queued to workers still silent after the deadline (centers with `--reminder on`).
    public var reminded = 0
    /// The days whose rosters changed, and what delivering their new messages did.
    public var changed: [DayKey] = []
    public var sends: [BatchSendReport] = []

    /// Replies that need a person (unclear, late, unknown, conflict), handled by this run.
    public var forAPerson: Int { InboundState.forAPerson.reduce(0) { $0 + (handled[$1] ?? 0) } }

    /// Whether a person must look (exit 1): a reply for a person, polling that failed, a send needing attention.
    public var needsAttention: Bool {
        forAPerson > 0 || fetchProblem != nil || sends.contains { $0.needsAttention }
    }
}

/// `batch replies`: fetch new replies from the provider's cursor (stored in the database, moved in the transaction
/// that stores the page), then act on every stored reply not handled yet (polled or pushed), one transaction each,
/// then deliver the messages those answers queued (a decliner's cancellation, a replacement's notice, a farmer's
/// updated list).
///
/// Safe to run twice at once (one run polls, the other skips polling; each reply is taken by one run with
/// `FOR UPDATE SKIP LOCKED`, and at most one answer per assignment is acted on) and after a crash at any point (a
/// reply is marked handled in the transaction that acts on it).
public struct BatchReplies {
    /// Where to poll; nil when replies arrive only by push (`replies serve`).
    public var inbound: HTTPInbound?
    /// Delivers what the answers queued; nil to leave it to the next `batch send`.
    public var gateway: (any Gateway)?
    public var defaultSender: String?
    public var options: DeliveryOptions
    public var clock: IlsonClock
    public var pageSize: Int
    public var crash: CrashPoints
    public var log: @Sendable (String) -> Void

    /// Configures a run.
    public init(
        inbound: HTTPInbound?, gateway: (any Gateway)?, defaultSender: String? = nil,
        options: DeliveryOptions = .init(), clock: IlsonClock, pageSize: Int = 500,
        crash: CrashPoints = CrashPoints(limit: nil), log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.inbound = inbound
        self.gateway = gateway
        self.defaultSender = defaultSender
        self.options = options
        self.clock = clock
        self.pageSize = pageSize
        self.crash = crash
        self.log = log
    }

    /// The fetch lock's day and center: one lock for the whole provider.
    static let lockDay = Day(ordinal: 0)

    /// Runs the batch.
    ///
    /// - Throws: `PostgresError` (a lost database is exit 3), `OperationError`.
    public func run(on db: Connection, openConnection: () throws -> Connection) throws -> BatchRepliesReport {
        var report = BatchRepliesReport()
        let run = try BatchRunStore.start(job: .replies, date: clock.today, center: nil, on: db)
        if let inbound {
            let polled = try BatchRunStore.withAdvisoryLock(job: .replies, date: Self.lockDay, center: 0, on: db) {
                try poll(inbound, into: &report, on: db)
                return true
            }
            if polled == nil {
                report.fetchSkipped = true
                log(T(.repliesOtherRun))
            }
        }
        // Act on every stored reply not handled yet, one transaction each.
        while true {
            let outcome = try db.transaction { tx -> HandledReply? in
                guard let reply = try ReplyStore.claimNext(on: tx) else { return nil }
                crash.step()  // reply taken, nothing done
                var failure: (any Error)?
                func attempt() throws -> HandledReply? {
                    do {
                        return try tx.transaction { sp in try ReplyHandler.handle(reply, clock: clock, on: sp) }
                    } catch let error as PostgresError where error.isConnectionFailure {
                        throw error
                    } catch {
                        failure = error
                        return nil
                    }
                }
                // A second look when the first fails: another run may have acted on the same answer at the same
                // moment under another id (a carrier's repeat); our change waited for its commit, then collided
                // with it. That work is committed now, so the second look calls this reply a duplicate.
                let handled: HandledReply
                if let done = try attempt() ?? attempt() {
                    handled = done
                } else {
                    // What cannot be done is left to a person, never retried forever.
                    let reason = failure.map { OperationError(lowerLayer: $0)?.description ?? String(describing: $0) }
                    let note = StoredText.encode([
                        reason.map { StoredText(.replyNoteCouldNotAct, ["reason": $0]) }
                            ?? StoredText(.replyNoteCouldNotAct, texts: ["reason": StoredText(.replyNoteUnknownError)])
                    ])
                    try ReplyStore.mark(
                        reply.id, state: .conflict, answer: ReplyAnswer.read(reply.body)?.rawValue, center: nil,
                        worker: nil, notice: nil, assignment: nil, date: nil, note: note, on: tx)
                    handled = HandledReply(state: .conflict, note: note)
                }
                crash.step()  // acted on, not committed
                return handled
            }
            guard let outcome else { break }
            crash.step()  // committed
            report.handled[outcome.state, default: 0] += 1
            if let day = outcome.changed, !report.changed.contains(day) { report.changed.append(day) }
        }
        // One reminder to each worker still silent after the deadline (centers that ask for it).
        let reminders = try ReplyReminders.queue(clock: clock, crash: crash, on: db)
        report.reminded = reminders.queued
        for day in reminders.days where !report.changed.contains(day) { report.changed.append(day) }
        if let gateway {
            for day in report.changed {
                report.sends.append(
                    try BatchSend(
                        date: day.date, centerCode: day.centerCode, gateway: gateway, defaultSender: defaultSender,
                        options: options, crash: crash, log: log
                    ).run(on: db, openConnection: openConnection))
            }
        }
        var counts = Dictionary(uniqueKeysWithValues: report.handled.map { ($0.key.rawValue, $0.value) })
        counts["fetched"] = report.fetched
        counts["stored"] = report.stored
        counts["reminded"] = report.reminded
        try BatchRunStore.finish(
            run: run, outcome: report.needsAttention ? .partial : .done, countsJSON: countsJSON(counts),
            message: report.fetchProblem, on: db)
        return report
    }

    /// Fetches pages from the stored cursor until the provider has nothing more, storing each page and moving the
    /// cursor in one transaction.
    private func poll(_ inbound: HTTPInbound, into report: inout BatchRepliesReport, on db: Connection) throws {
        var cursor = try ReplyStore.cursor(source: inbound.source, on: db)
        for _ in 0..<10_000 {
            let page: InboundPage
            do {
                page = try inbound.fetch(after: cursor, limit: pageSize)
            } catch {
                report.fetchProblem = T(.repliesFetchFailed, ["error": error.description])
                log(T(.repliesLog, ["line": report.fetchProblem!]))
                return
            }
            crash.step()  // page fetched, not stored
            report.fetched += page.messages.count
            let next = page.next ?? cursor
            report.stored += try ReplyIntake.store(
                page.messages, via: .poll, cursor: next.map { (inbound.source, $0) }, on: db)
            crash.step()  // page stored, cursor moved
            if page.messages.count < pageSize || next == cursor { return }
            cursor = next
        }
    }
}
