import Foundation
import KoreanText
import Messaging
import Postgres
import Records
import Scheduling
import Storage
import Vocabulary

/// What `batch send` did for one center's day.
public struct CenterSendReport: Sendable {
    public enum Status: Sendable, Hashable {
        /// Worked on (messages written and/or delivered).
        case worked
        /// Another run holds the center's lock: skipped, nothing done.
        case locked
        /// The roster is still a draft: not sent; a coordinator must approve it.
        case draft
        /// Nothing to do (already sent, cancelled with nothing open).
        case nothingToDo
    }

    public var centerCode: String
    public var centerName: String
    public var status: Status
    /// The roster's state at the end.
    public var rosterState: RosterState
    /// Messages written to the outbox by this run.
    public var written = 0
    /// Claims of dead senders returned to pending.
    public var recovered = 0
    public var tally = DeliveryTally()
    /// Messages of the day per state, at the end.
    public var counts: [OutboxState: Int] = [:]
    /// Workers to phone (no consent).
    public var calls: [CallNeeded] = []
    /// Messages failed for good (phones to be masked by whoever prints them).
    public var failed: [OutboxProblem] = []

    /// Messages still pending or sending at the end (will be retried by the next run).
    public var open: Int { Self.open(counts) }

    /// Messages pending or sending among counts per state.
    static func open(_ counts: [OutboxState: Int]) -> Int { (counts[.pending] ?? 0) + (counts[.sending] ?? 0) }
}

/// What `batch send` did for a day.
public struct BatchSendReport: Sendable {
    public var date: Day
    public var centers: [CenterSendReport]

    /// Whether a person must look: a draft roster, a message failed for good, or messages still open (exit 1).
    public var needsAttention: Bool {
        centers.contains { $0.status == .draft || !$0.failed.isEmpty || $0.open > 0 }
    }
}

/// `batch send`: for each center's roster of the day, write an approved roster's messages to the outbox (in
/// the transaction that moves it to `sending`), deliver what is due, and mark it `sent` when every message is
/// final. Centers another run holds are skipped. Safe to run again after any failure or crash.
public struct BatchSend {
    public var date: Day
    /// Only this center (its code), or every center with a roster that day.
    public var centerCode: String?
    public var gateway: any Gateway
    /// The sender number when the center has none registered (`ILSON_SMS_SENDER`).
    public var defaultSender: String?
    public var options: DeliveryOptions
    public var crash: CrashPoints
    /// Where progress lines go (phones already masked).
    public var log: @Sendable (String) -> Void

    /// Configures a run.
    public init(
        date: Day, centerCode: String? = nil, gateway: any Gateway, defaultSender: String? = nil,
        options: DeliveryOptions = .init(), crash: CrashPoints = CrashPoints(limit: nil),
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.date = date
        self.centerCode = centerCode
        self.gateway = gateway
        self.defaultSender = defaultSender
        self.options = options
        self.crash = crash
        self.log = log
    }

    /// Runs the batch.
    ///
    /// - Parameters:
    ///   - db: the connection that holds the locks and writes.
    ///   - openConnection: opens a second connection (the delivery guard).
    /// - Throws: `PostgresError` (a connection failure is exit 3), `OperationError`, `GatewayMisconfigured`.
    public func run(on db: Connection, openConnection: () throws -> Connection) throws -> BatchSendReport {
        var centerFilter: Int64?
        if let centerCode { centerFilter = try Centers.resolve(centerCode, on: db).id }
        let rosters = try BatchRosterStore.rosters(date: date, center: centerFilter, on: db)
        var reports: [CenterSendReport] = []
        var guardConnection: Connection?
        for roster in rosters {
            if roster.state == .draft {
                log("\(roster.centerCode): the roster of \(date) is still a draft: not sent (approve it first)")
                reports.append(try skip(roster, as: .draft, because: "roster still in draft: not sent", on: db))
                continue
            }
            let counts = try OutboxStore.counts(center: roster.centerId, date: date, on: db)
            guard roster.state == .approved || roster.state == .sending || CenterSendReport.open(counts) > 0 else {
                var report = CenterSendReport(
                    centerCode: roster.centerCode, centerName: roster.centerName, status: .nothingToDo,
                    rosterState: roster.state)
                report.counts = counts
                report.failed = try OutboxStore.messages(
                    center: roster.centerId, date: date, states: [.failed], on: db)
                reports.append(report)
                continue
            }
            let worked = try BatchRunStore.withAdvisoryLock(job: .send, date: date, center: roster.centerId, on: db) {
                () throws -> CenterSendReport in
                // Another run may have finished this center between our first look and our lock: look again
                // under the lock, so a finished center is not counted as worked twice.
                let current = try BatchRosterStore.rosters(date: date, center: roster.centerId, on: db).first
                let openNow = try OutboxStore.counts(center: roster.centerId, date: date, on: db)
                guard let current,
                    current.state == .approved || current.state == .sending || CenterSendReport.open(openNow) > 0
                else {
                    var report = CenterSendReport(
                        centerCode: roster.centerCode, centerName: roster.centerName, status: .nothingToDo,
                        rosterState: current?.state ?? roster.state)
                    report.counts = openNow
                    return report
                }
                if guardConnection == nil { guardConnection = try openConnection() }
                return try sendCenter(current, on: db, guardConnection: guardConnection!)
            }
            if let worked {
                reports.append(worked)
            } else {
                log("\(roster.centerCode): another batch send is working on \(date); skipped")
                reports.append(try skip(roster, as: .locked, because: "another run holds the lock", on: db))
            }
        }
        return BatchSendReport(date: date, centers: reports)
    }

    /// Records a center's day that this run leaves alone (`batch_runs`: skipped) and reports it.
    private func skip(
        _ roster: BatchRoster, as status: CenterSendReport.Status, because message: String, on db: Connection
    ) throws -> CenterSendReport {
        _ = try BatchRunStore.start(
            job: .send, date: date, center: roster.centerId, outcome: .skipped, message: message, on: db)
        return CenterSendReport(
            centerCode: roster.centerCode, centerName: roster.centerName, status: status, rosterState: roster.state)
    }

    /// One center's day, holding its lock.
    private func sendCenter(_ roster: BatchRoster, on db: Connection, guardConnection: Connection) throws
        -> CenterSendReport
    {
        crash.step()  // locked, nothing written
        try BatchRunStore.closeAbandoned(job: .send, date: date, center: roster.centerId, on: db)
        let run = try BatchRunStore.start(job: .send, date: date, center: roster.centerId, on: db)
        var report = CenterSendReport(
            centerCode: roster.centerCode, centerName: roster.centerName, status: .worked, rosterState: roster.state)

        if roster.state != .cancelled {
            report.calls = RosterMessages.calls(
                for: try BatchRosterStore.assignmentsForMessages(roster: roster.id, on: db))
        }
        let templates = try CenterTemplates.load(center: roster.centerId, on: db)

        if roster.state == .approved {
            report.written = try db.transaction { tx -> Int in
                guard let locked = try BatchRosterStore.lock(roster: roster.id, on: tx), locked.state == .approved
                else { return 0 }
                // Composed under the lock: the roster cannot change between reading and writing.
                let fresh = try RosterMessages(
                    assignments: try BatchRosterStore.assignmentsForMessages(roster: roster.id, on: tx),
                    centerName: roster.centerName, date: date, composer: MessageComposer(templates: templates))
                let written = try OutboxStore.insert(
                    fresh.messages, center: roster.centerId, roster: roster.id, date: date, on: tx)
                _ = try BatchRosterStore.markSending(roster: roster.id, on: tx)
                try AuditLog.record(
                    on: tx, center: roster.centerId, via: "batch send", entity: "roster", id: String(roster.id),
                    action: .state, before: #"{"state": "approved"}"#,
                    after: #"{"state": "sending", "messages": \#(written)}"#)
                crash.step()  // outbox written, not committed
                return written
            }
            crash.step()  // outbox committed, nothing sent
            log("\(roster.centerCode): \(report.written) message(s) written to the outbox; roster is sending")
        }
        report.recovered = try OutboxStore.recoverClaims(center: roster.centerId, date: date, on: db)
        if report.recovered > 0 {
            log(
                "\(roster.centerCode): \(report.recovered) message(s) claimed by a run that ended early: retrying "
                    + "with the same idempotency keys")
        }
        let sender = roster.smsSender ?? defaultSender ?? ""
        let outboxSender = OutboxSender(
            db: db, guardConnection: guardConnection, gateway: gateway, centerId: roster.centerId,
            centerCode: roster.centerCode, sender: sender, date: date,
            rosterIds: [roster.id], options: options, crash: crash,
            claimer: "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)", log: log)
        do {
            report.tally = try outboxSender.run()
        } catch let error as GatewayMisconfigured {
            try? BatchRunStore.finish(
                run: run, outcome: .failed, countsJSON: "{}", message: error.description, on: db)
            throw error
        }
        let sent = try db.transaction { tx -> Bool in
            guard try BatchRosterStore.markSentIfComplete(roster: roster.id, on: tx) else { return false }
            try AuditLog.record(
                on: tx, center: roster.centerId, via: "batch send", entity: "roster", id: String(roster.id),
                action: .state, before: #"{"state": "sending"}"#, after: #"{"state": "sent"}"#)
            return true
        }
        if sent {
            report.rosterState = .sent
        } else if let now = try BatchRosterStore.rosters(date: date, center: roster.centerId, on: db).first {
            report.rosterState = now.state
        }
        report.counts = try OutboxStore.counts(center: roster.centerId, date: date, on: db)
        report.failed = try OutboxStore.messages(center: roster.centerId, date: date, states: [.failed], on: db)
        var counts = Dictionary(uniqueKeysWithValues: report.counts.map { ($0.key.rawValue, $0.value) })
        counts["written"] = report.written
        counts["recovered"] = report.recovered
        counts["attempts"] = report.tally.attempts
        counts["sent_now"] = report.tally.sent
        counts["failed_now"] = report.tally.failed
        counts["retried_now"] = report.tally.retried
        counts["calls"] = report.calls.count
        let outcome: BatchOutcome = report.failed.isEmpty && report.open == 0 ? .done : .partial
        try BatchRunStore.finish(
            run: run, outcome: outcome, countsJSON: countsJSON(counts),
            message: "roster \(report.rosterState)", on: db)
        return report
    }
}
