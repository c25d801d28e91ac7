import KoreanText
import Messaging
import Scheduling
import Storage
import Vocabulary

/// A worker on a roster who gets no SMS (no consent): the coordinator calls them.
public struct CallNeeded: Sendable, Hashable {
    public var workerId: Int64
    public var name: String
    /// Digits, full: show masked (`Phone.mask`) except in `roster calls`.
    public var phone: String
    public var farmName: String
    public var start: String
    public var meetingPoint: String?
    public var meetingTime: String?
    /// Why a call is needed: `no SMS consent`, or the failed message's reason.
    public var reason: String
}

/// Turns a roster's assignments into outbox messages: one to each worker with SMS consent, one list (or its
/// numbered parts) to each request's farmer.
public struct RosterMessages: Sendable {
    public var messages: [NewOutboxMessage]
    /// Workers not messaged (no consent).
    public var calls: [CallNeeded]

    /// Composes the messages.
    ///
    /// - Throws: `OperationError.badInput` when a message cannot be composed (the template makes a line too long).
    public init(
        assignments: [AssignmentForMessage], centerName: String, date: Day, composer: MessageComposer
    ) throws {
        var outbox = OutboxNotices(composer: composer)
        var byRequest: [(Int64, [AssignmentForMessage])] = []
        for a in assignments {
            if let last = byRequest.last, last.0 == a.requestId {
                byRequest[byRequest.count - 1].1.append(a)
            } else {
                byRequest.append((a.requestId, [a]))
            }
        }
        for (request, group) in byRequest {
            for a in group where a.smsConsent {
                try outbox.queue(
                    .assignment(AssignmentNotice(a, centerName: centerName, date: date)), role: .worker,
                    recipientId: a.workerId, assignment: a.assignmentId, request: request)
            }
            let first = group[0]
            let list = FarmerListNotice(request: first, workers: group, centerName: centerName, date: date)
            try outbox.queue(
                .farmerList(list), role: .farmer, recipientId: first.farmerId, assignment: nil, request: request)
        }
        self.messages = outbox.messages
        self.calls = RosterMessages.calls(for: assignments)
    }

    /// The workers of these assignments who get no SMS (no consent), to be phoned.
    public static func calls(for assignments: [AssignmentForMessage]) -> [CallNeeded] {
        assignments.filter { !$0.smsConsent }.map { CallNeeded($0, reason: "no SMS consent") }
    }
}
