import Foundation
import KoreanText
import Messaging
import Postgres
import Records
import Scheduling
import Storage
import Texts
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
        /// This center's send stopped on an error (recorded in `batch_runs` as failed, with the reason); the other
        /// centers went on. What it committed before stays; the next run continues from there.
        case failed(String)
    }

    public var centerCode: String
    public var centerName: String
    public var status: Status
    /// The roster's state at the end.
    public var rosterState: RosterState
    /// Messages written to the outbox by this run (composed, and uncomposed ones recorded as failed).
    public var written = 0
    /// Of those, the messages that could not be composed: written as failed with the reason.
    public var uncomposed = 0
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

    /// Whether a person must look: a draft roster, a center whose send failed, a message failed for good (or not
    /// composed), or messages still open (exit 1).
    public var needsAttention: Bool {
        centers.contains {
            if case .failed = $0.status { return true }
            return $0.status == .draft || !$0.failed.isEmpty || $0.open > 0
        }
    }
}

/// `batch send`: for each center's roster of the day, write an approved roster's messages to the outbox (in
/// the transaction that moves it to `sending`), deliver what is due, and mark it `sent` when every message is
/// final. Centers another run holds are skipped. Safe to run again after any failure or crash.
///
/// One center's trouble stays its own: a message that cannot be composed is written as failed with its reason
/// (the rest go out), and an error in one center's send (other than a lost database) is recorded in its
/// `batch_runs` row and reported while the other centers go on. The gateway's configuration is checked for every
/// center before anything changes. `options.maxWaitSeconds` bounds the whole run's delivery.
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
    /// - Throws: `PostgresError` (a connection failure is exit 3), `OperationError`, `GatewayMisconfigured`
    ///   (`beforeAnyChange` when a center to send has no sender number the gateway accepts: nothing changed).
    public func run(on db: Connection, openConnection: () throws -> Connection) throws -> BatchSendReport {
        let deadline = Date().addingTimeInterval(options.maxWaitSeconds)
        var centerFilter: Int64?
        if let centerCode { centerFilter = try Centers.resolve(centerCode, on: db).id }
        let rosters = try BatchRosterStore.rosters(date: date, center: centerFilter, on: db)
        try checkConfiguration(rosters, on: db)
        var reports: [CenterSendReport] = []
        var guardConnection: Connection?
        for roster in rosters {
            if roster.state == .draft {
                log(T(.sendStillDraft, ["center": roster.centerCode, "date": date]))
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
                return try sendCenter(current, on: db, guardConnection: guardConnection!, deadline: deadline)
            }
            if let worked {
                reports.append(worked)
            } else {
                log(T(.sendOtherRun, ["center": roster.centerCode, "date": date]))
                reports.append(try skip(roster, as: .locked, because: "another run holds the lock", on: db))
            }
        }
        return BatchSendReport(date: date, centers: reports)
    }

    /// Whether a roster has work for the sender: approved (messages to write), sending, or messages still open.
    private func needsSending(_ roster: BatchRoster, on db: Connection) throws -> Bool {
        if roster.state == .draft { return false }
        if roster.state == .approved || roster.state == .sending { return true }
        return CenterSendReport.open(try OutboxStore.counts(center: roster.centerId, date: date, on: db)) > 0
    }

    /// The gateway's configuration for every center this run would send for, before anything changes: a center
    /// without a sender number the gateway needs stops the run with nothing written (exit 2).
    private func checkConfiguration(_ rosters: [BatchRoster], on db: Connection) throws {
        var problems: [String] = []
        for roster in rosters where try needsSending(roster, on: db) {
            let sender = roster.smsSender ?? defaultSender ?? ""
            if let problem = gateway.senderProblem(center: roster.centerCode, sender: sender) {
                problems.append(problem)
            }
        }
        guard problems.isEmpty else {
            throw GatewayMisconfigured(reason: problems.joined(separator: "; "), beforeAnyChange: true)
        }
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

    /// One center's day, holding its lock. An error other than a lost database or a misconfigured gateway ends
    /// this center's run as `failed` with the reason and is reported; the caller goes on with the next center.
    private func sendCenter(
        _ roster: BatchRoster, on db: Connection, guardConnection: Connection, deadline: Date
    ) throws -> CenterSendReport {
        crash.step()  // locked, nothing written
        try BatchRunStore.closeAbandoned(job: .send, date: date, center: roster.centerId, on: db)
        let run = try BatchRunStore.start(job: .send, date: date, center: roster.centerId, on: db)
        do {
            return try sendCenter(roster, run: run, on: db, guardConnection: guardConnection, deadline: deadline)
        } catch let error as GatewayMisconfigured {
            try? BatchRunStore.finish(run: run, outcome: .failed, countsJSON: "{}", message: error.description, on: db)
            throw error
        } catch let error as PostgresError where error.isConnectionFailure {
            throw error  // the database is gone: no other center can go on either (exit 3)
        } catch OperationError.unreachable(let message) {
            throw OperationError.unreachable(message)
        } catch {
            let reason = OperationError(lowerLayer: error)?.description ?? String(describing: error)
            log(T(.sendStoppedCenter, ["center": roster.centerCode, "reason": reason]))
            try BatchRunStore.finish(run: run, outcome: .failed, countsJSON: "{}", message: reason, on: db)
            var report = CenterSendReport(
                centerCode: roster.centerCode, centerName: roster.centerName, status: .failed(reason),
                rosterState: roster.state)
            if let now = try BatchRosterStore.rosters(date: date, center: roster.centerId, on: db).first {
                report.rosterState = now.state
            }
            report.counts = try OutboxStore.counts(center: roster.centerId, date: date, on: db)
            report.failed = try OutboxStore.messages(center: roster.centerId, date: date, states: [.failed], on: db)
            return report
        }
    }

    /// One center's day, holding its lock, its run recorded as started.
    private func sendCenter(
        _ roster: BatchRoster, run: Int64, on db: Connection, guardConnection: Connection, deadline: Date
    ) throws -> CenterSendReport {
        var report = CenterSendReport(
            centerCode: roster.centerCode, centerName: roster.centerName, status: .worked, rosterState: roster.state)

        if roster.state != .cancelled {
            report.calls = RosterMessages.calls(
                for: try BatchRosterStore.assignmentsForMessages(roster: roster.id, on: db))
        }
        let templates = try CenterTemplates.load(center: roster.centerId, on: db)

        if roster.state == .approved {
            (report.written, report.uncomposed) = try db.transaction { tx -> (Int, Int) in
                guard let locked = try BatchRosterStore.lock(roster: roster.id, on: tx), locked.state == .approved
                else { return (0, 0) }
                // Composed under the lock: the roster cannot change between reading and writing.
                let fresh = try RosterMessages(
                    assignments: try BatchRosterStore.assignmentsForMessages(roster: roster.id, on: tx),
                    centerName: roster.centerName, date: date, composer: MessageComposer(templates: templates),
                    answerPrompt: try ReplyPrompts.prompt(center: roster.centerId, on: tx))
                let written = try OutboxStore.insert(
                    fresh.messages, center: roster.centerId, roster: roster.id, date: date, on: tx)
                let uncomposed = fresh.uncomposed.count
                _ = try BatchRosterStore.markSending(roster: roster.id, on: tx)
                try AuditLog.record(
                    on: tx, center: roster.centerId, via: "batch send", entity: "roster", id: String(roster.id),
                    action: .state, before: #"{"state": "approved"}"#,
                    after: #"{"state": "sending", "messages": \#(written), "uncomposed": \#(uncomposed)}"#)
                crash.step()  // outbox written, not committed
                return (written, uncomposed)
            }
            crash.step()  // outbox committed, nothing sent
            log(T(.sendWritten, ["center": roster.centerCode, "count": report.written]))
            if report.uncomposed > 0 {
                log(T(.sendUncomposable, ["center": roster.centerCode, "count": report.uncomposed, "date": date]))
            }
        }
        report.recovered = try OutboxStore.recoverClaims(center: roster.centerId, date: date, on: db)
        if report.recovered > 0 {
            log(T(.sendRecovered, ["center": roster.centerCode, "count": report.recovered]))
        }
        let sender = roster.smsSender ?? defaultSender ?? ""
        let outboxSender = OutboxSender(
            db: db, guardConnection: guardConnection, gateway: gateway, centerId: roster.centerId,
            centerCode: roster.centerCode, sender: sender, date: date,
            rosterIds: [roster.id], options: options, deadline: deadline, crash: crash,
            claimer: "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)", log: log)
        report.tally = try outboxSender.run()
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
        counts["uncomposed"] = report.uncomposed
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
