import Foundation
import Messaging
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// What `roster cancel` did.
public struct CancellationReport: Sendable, Hashable {
    public var centerCode: String
    public var date: Day
    /// The roster's state before.
    public var previousState: RosterState
    /// Messages that will now never be sent.
    public var withdrawn: Int
    /// Cancellation notices queued for the people already told to come.
    public var noticesQueued: Int
    /// Workers without SMS consent who were on the roster: call them.
    public var calls: [CallNeeded]
}

/// `roster cancel`: in one transaction, the roster's undelivered messages become `withdrawn`, a cancellation
/// notice is queued for everyone already told to come, its assignments are cancelled and the roster is
/// `cancelled`. The notices go out with the next `batch send` of that day.
public enum RosterCancellation {
    /// Cancels a center's roster of a day.
    ///
    /// - Throws: `OperationError.notFound` without a roster; `.conflict` when it is already cancelled.
    public static func cancel(center: CenterRecord, date: Day, reason: String?, on db: Connection) throws
        -> CancellationReport
    {
        let reason = try RegistryInput.text(reason, TextLimits.reason, option: "--reason")
        return try db.transaction { tx in
            guard let found = try BatchRosterStore.rosters(date: date, center: center.id, on: tx).first,
                let roster = try BatchRosterStore.lock(roster: found.id, on: tx)
            else {
                throw OperationError.notFound(
                    T(.errCenterNoRoster, ["center": center.code, "date": RequestText.day(date)]))
            }
            guard roster.state != .cancelled else {
                throw OperationError.conflict(
                    T(.errAlreadyCancelled, ["center": center.code, "date": RequestText.day(date)]))
            }
            let assignments = try BatchRosterStore.assignmentsForMessages(roster: roster.id, on: tx)
            var requests: [Int64: AssignmentForMessage] = [:]
            for a in assignments where requests[a.requestId] == nil { requests[a.requestId] = a }
            // Who was told (or may have been: a claim in doubt), before their pending messages are withdrawn.
            let told = try OutboxStore.toldRecipients(roster: roster.id, on: tx)
            let withdrawn = try OutboxStore.withdrawUndelivered(roster: roster.id, on: tx)
            let composer = MessageComposer(templates: try CenterTemplates.load(center: center.id, on: tx))
            var notices: [NewOutboxMessage] = []
            for person in told {
                let request = person.requestId.flatMap { requests[$0] }
                let notice = CancellationNotice(
                    centerName: center.name, recipientName: person.name, recipientPhone: person.recipient,
                    date: date, farmName: request?.farmName ?? "",
                    start: request.flatMap { TimeOfDay($0.start) }, reason: reason)
                let composed: [ComposedMessage]
                do {
                    composed = try composer.compose(.cancellation(notice))
                } catch {
                    throw OperationError.badInput(T(.errCancellationNotice, ["error": "\(error)"]))
                }
                for m in composed {
                    notices.append(
                        NewOutboxMessage(
                            assignmentId: person.assignmentId, requestId: person.requestId, recipient: m.to,
                            recipientRole: person.recipientRole, recipientId: person.recipientId,
                            kind: m.kind, type: m.type.rawValue, body: m.body, byteCount: m.byteCount,
                            part: m.part?.index, parts: m.part?.count))
                }
            }
            try OutboxStore.insert(notices, center: center.id, roster: roster.id, date: date, on: tx)
            try BatchRosterStore.markCancelled(roster: roster.id, reason: reason, on: tx)
            try AuditLog.record(
                on: tx, center: center.id, via: "roster cancel", entity: "roster", id: String(roster.id),
                action: .state, before: jsonObject(["state": roster.state.rawValue]),
                after: jsonObject(["state": "cancelled", "reason": reason ?? ""]))
            return CancellationReport(
                centerCode: center.code, date: date, previousState: roster.state, withdrawn: withdrawn,
                noticesQueued: notices.count,
                calls: roster.state == .draft ? [] : RosterMessages.calls(for: assignments))
        }
    }

    static func jsonObject(_ values: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// `roster calls`: who a coordinator must phone for a day (no SMS consent, or a message failed for good), with
/// full numbers.
public enum RosterCalls {
    /// The calls to make for a center's roster of a day.
    ///
    /// - Throws: `OperationError.notFound` without a roster.
    public static func list(center: CenterRecord, date: Day, on db: Connection) throws -> [CallNeeded] {
        guard let roster = try BatchRosterStore.rosters(date: date, center: center.id, on: db).first else {
            throw OperationError.notFound(
                T(.errCenterNoRoster, ["center": center.code, "date": RequestText.day(date)]))
        }
        let assignments = try BatchRosterStore.assignmentsForMessages(roster: roster.id, on: db)
        var calls = RosterMessages.calls(for: assignments)
        let byWorker = Dictionary(assignments.map { ($0.workerId, $0) }, uniquingKeysWith: { a, _ in a })
        let byFarmer = Dictionary(assignments.map { ($0.farmerId, $0) }, uniquingKeysWith: { a, _ in a })
        for failed in try OutboxStore.messages(center: center.id, date: date, states: [.failed], on: db) {
            let a = failed.recipientRole == .worker ? byWorker[failed.recipientId] : byFarmer[failed.recipientId]
            calls.append(
                CallNeeded(
                    workerId: failed.recipientId,
                    name: (failed.recipientRole == .worker ? a?.workerName : a.map { "\($0.farmerName) (농가)" }) ?? "?",
                    phone: failed.recipient, farmName: a?.farmName ?? "", start: a?.start ?? "",
                    meetingPoint: a?.meetingPoint, meetingTime: a?.meetingTime,
                    reason: "\(failed.kind) message failed: \(failed.lastError ?? "?")"))
        }
        return calls
    }
}
