import Foundation
import KoreanText
import Messaging
import Postgres
import Storage
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

/// The gateway's configuration is wrong (no sender number, …): the run stops; the messages stay pending.
public struct GatewayMisconfigured: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "SMS gateway configuration: \(reason)" }
}

/// Delivers the due messages of one center's day: claim a chunk (committed), send it through the gateway on
/// threads, record the outcomes; wait for retries while the run's budget lasts.
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
    let crash: CrashPoints
    let claimer: String
    let log: (String) -> Void

    func run() throws -> DeliveryTally {
        var tally = DeliveryTally()
        let deadline = Date().addingTimeInterval(options.maxWaitSeconds)
        while true {
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
            let remaining = deadline.timeIntervalSinceNow
            if wait > remaining { return tally }
            if wait > 0 {
                log("\(centerCode): waiting \(String(format: "%.1f", wait)) s for messages to retry")
                Thread.sleep(forTimeInterval: wait + 0.01)
            }
        }
    }

    private func deliver(_ claimed: [ClaimedMessage], tally: inout DeliveryTally) throws {
        let outgoing = claimed.map { m in
            OutgoingMessage(
                to: m.recipient, from: sender, type: MessageType(rawValue: m.type) ?? .lms, body: m.body,
                kind: m.kind, idempotencyKey: m.idempotencyKey, center: centerCode,
                date: date)
        }
        let crash = self.crash
        let results = Delivery.sendAll(outgoing, through: gateway, concurrency: options.concurrency) { _, _ in
            crash.step()  // the provider answered; the outcome is not recorded yet
        }
        var outcomes: [(id: Int64, outcome: OutboxOutcome)] = []
        var misconfigured: String?
        for (message, result) in zip(claimed, results) {
            tally.attempts += 1
            switch result {
            case .success(let receipt):
                tally.sent += 1
                outcomes.append((message.id, .sent(providerId: receipt.messageId, gateway: receipt.gateway)))
            case .failure(.rejected(_, _)):
                tally.failed += 1
                let error = reason(result)
                outcomes.append((message.id, .failed(reason: error)))
                log("\(centerCode): \(message.kind) to \(Phone.mask(message.recipient)) failed for good: \(error)")
            case .failure(.retryable(_, _, let after)):
                tally.retried += 1
                let delay = options.backoff(afterAttempt: message.attempts, retryAfter: after)
                outcomes.append((message.id, .retry(reason: reason(result), retryAfterSeconds: delay)))
            case .failure(.misconfigured(let why)):
                misconfigured = misconfigured ?? why
                outcomes.append((message.id, .retry(reason: reason(result), retryAfterSeconds: 0)))
            }
        }
        try OutboxStore.record(outcomes, on: db)
        let retried = outcomes.filter { if case .retry = $0.outcome { true } else { false } }.count
        if retried > 0, misconfigured == nil {
            log("\(centerCode): \(retried) message(s) not sent this time (\(firstReason(results))); will retry")
        }
        if let misconfigured { throw GatewayMisconfigured(reason: misconfigured) }
    }

    private func reason(_ result: Result<DeliveryReceipt, GatewayError>) -> String {
        if case .failure(let error) = result { return error.reason }
        return ""
    }

    private func firstReason(_ results: [Result<DeliveryReceipt, GatewayError>]) -> String {
        for r in results { if case .failure(let e) = r, e.isRetryable { return e.description } }
        return "?"
    }
}
