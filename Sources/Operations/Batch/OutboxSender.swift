import Foundation
import KoreanText
import Messaging
import Postgres
import Storage
import Texts
import Vocabulary

/// What one run's sender did for one center's day.
public struct DeliveryTally: Sendable, Hashable {
    /// Gateway calls made.
    public var attempts = 0
    public var sent = 0
    /// Refused for good (4xx) in this run.
    public var failed = 0
    /// Retryable failures (5xx, timeouts) in this run.
    public var retried = 0
}

/// The gateway's configuration is wrong (no sender number, an unwritable directory): the run stops; the messages
/// stay pending.
public struct GatewayMisconfigured: Error, Sendable, CustomStringConvertible {
    public var reason: String
    /// True when it was found before the run changed anything (no roster moved, no message written).
    public var beforeAnyChange: Bool

    public init(reason: String, beforeAnyChange: Bool = false) {
        self.reason = reason
        self.beforeAnyChange = beforeAnyChange
    }

    public var description: String { "SMS gateway configuration: \(reason)" }
}

/// Delivers the due messages of one center's day: claim a chunk (committed), send it through the gateway on
/// threads, record each outcome the moment it returns; wait for retries while the run's time lasts.
///
/// The run's time (`deadline`, from `--max-wait`) bounds the whole delivery: no send starts after it, so the
/// provider holds the run at most one request timeout longer; what is left stays pending for the next run.
///
/// While a chunk is in flight a second connection holds the rosters' rows in share mode, so `roster cancel`
/// (which locks the row for update) commits only after the chunk's outcomes are recorded: no message of a
/// roster is delivered after its cancellation commits.
struct OutboxSender {
    let db: Connection
    let guardConnection: Connection
    let gateway: any Gateway
    let centerId: Int64
    let centerCode: String
    let sender: String
    let date: Day
    let rosterIds: [Int64]
    let options: DeliveryOptions
    /// No send starts after it (the whole run's, shared by its centers).
    let deadline: Date
    let crash: CrashPoints
    let claimer: String
    let log: (String) -> Void

    func run() throws -> DeliveryTally {
        var tally = DeliveryTally()
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                if try OutboxStore.secondsUntilNextDue(center: centerId, date: date, on: db) != nil {
                    log(T(.outboxTimeUp, ["center": centerCode]))
                }
                return tally
            }
            let claimedAny = try guardConnection.transaction { guardTx -> Bool in
                _ = try BatchRosterStore.guardDelivery(rosters: rosterIds, on: guardTx)
                let claimed = try OutboxStore.claim(
                    center: centerId, date: date, limit: options.chunkSize, by: claimer, on: db)
                guard !claimed.isEmpty else { return false }
                crash.step()  // claimed and committed, nothing sent
                try deliver(claimed, tally: &tally)
                crash.step()  // outcomes recorded
                return true
            }
            if claimedAny { continue }
            guard let wait = try OutboxStore.secondsUntilNextDue(center: centerId, date: date, on: db) else {
                return tally
            }
            if wait >= deadline.timeIntervalSinceNow { return tally }
            if wait > 0 {
                log(T(.outboxWaiting, ["center": centerCode, "seconds": String(format: "%.1f", wait)]))
                Thread.sleep(forTimeInterval: wait + 0.01)
            }
        }
    }

    /// Sends a claimed chunk, recording each outcome as it returns (one short transaction each): a process killed
    /// mid-chunk leaves unrecorded only the messages in flight (at most `concurrency`), which the next run sends
    /// again with the same idempotency keys. Messages not started before the deadline go back to pending as they
    /// were (their claim's attempt undone).
    private func deliver(_ claimed: [ClaimedMessage], tally: inout DeliveryTally) throws {
        let outgoing = claimed.map { m in
            OutgoingMessage(
                to: m.recipient, from: sender, type: MessageType(rawValue: m.type) ?? .lms, body: m.body,
                kind: m.kind, idempotencyKey: m.idempotencyKey, center: centerCode,
                date: date)
        }
        let crash = self.crash
        // The provider answered; the outcome is not recorded yet.
        let answered: @Sendable (Int, Result<DeliveryReceipt, GatewayError>) -> Void = { _, _ in crash.step() }
        var misconfigured: String?
        var retried = 0
        var firstRetryReason: String?
        var counts = tally
        let notStarted = try Delivery.stream(
            outgoing, through: gateway, concurrency: options.concurrency, deadline: deadline, answered: answered
        ) { index, result -> Delivery.StreamControl in
            let message = claimed[index]
            counts.attempts += 1
            let outcome: OutboxOutcome
            switch result {
            case .success(let receipt):
                counts.sent += 1
                outcome = .sent(providerId: receipt.messageId, gateway: receipt.gateway)
            case .failure(.rejected(_, _)):
                counts.failed += 1
                let error = reason(result)
                outcome = .failed(reason: error)
                log(
                    T(
                        .outboxFailedForGood,
                        [
                            "center": centerCode, "kind": "\(message.kind)", "phone": Phone.mask(message.recipient),
                            "error": "\(error)",
                        ]))
            case .failure(.retryable(_, _, let after)):
                counts.retried += 1
                retried += 1
                if firstRetryReason == nil, case .failure(let e) = result { firstRetryReason = e.description }
                let delay = options.backoff(afterAttempt: message.attempts, retryAfter: after)
                outcome = .retry(reason: reason(result), retryAfterSeconds: delay)
            case .failure(.misconfigured(let why)):
                misconfigured = misconfigured ?? why
                outcome = .retry(reason: reason(result), retryAfterSeconds: 0)
            }
            try OutboxStore.record([(message.id, outcome)], on: db)
            return misconfigured == nil ? .proceed : .stop
        }
        tally = counts
        if !notStarted.isEmpty {
            try OutboxStore.unclaim(notStarted.map { claimed[$0].id }, on: db)
        }
        if retried > 0, misconfigured == nil {
            log(T(.outboxRetry, ["center": centerCode, "count": retried, "reason": firstRetryReason ?? "?"]))
        }
        if let misconfigured { throw GatewayMisconfigured(reason: misconfigured) }
    }

    private func reason(_ result: Result<DeliveryReceipt, GatewayError>) -> String {
        if case .failure(let error) = result { return error.reason }
        return ""
    }
}
