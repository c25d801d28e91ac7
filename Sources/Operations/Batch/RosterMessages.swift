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
        var messages: [NewOutboxMessage] = []
        let day = date
        func time(_ text: String) -> TimeOfDay { TimeOfDay(text) ?? TimeOfDay(hour: 0, minute: 0)! }
        func add(_ notice: Notice, role: RecipientRole, recipientId: Int64, assignment: Int64?, request: Int64) throws {
            let composed: [ComposedMessage]
            do {
                composed = try composer.compose(notice)
            } catch {
                throw OperationError.badInput("cannot compose a message for request \(request): \(error)")
            }
            for m in composed {
                messages.append(
                    NewOutboxMessage(
                        assignmentId: assignment, requestId: request, recipient: m.to, recipientRole: role,
                        recipientId: recipientId, kind: m.kind, type: m.type.rawValue, body: m.body,
                        byteCount: m.byteCount, part: m.part?.index, parts: m.part?.count))
            }
        }
        var byRequest: [(Int64, [AssignmentForMessage])] = []
        for a in assignments {
            if let last = byRequest.last, last.0 == a.requestId {
                byRequest[byRequest.count - 1].1.append(a)
            } else {
                byRequest.append((a.requestId, [a]))
            }
        }
        for (request, group) in byRequest {
            for a in group {
                guard a.smsConsent else { continue }
                let notice = AssignmentNotice(
                    centerName: centerName, workerName: a.workerName, workerPhone: a.workerPhone, date: day,
                    start: time(a.start), end: time(a.end), farmName: a.farmName,
                    farmAddress: a.farmAddress ?? a.village ?? "", meetingPoint: a.meetingPoint,
                    meetingTime: a.meetingTime.flatMap { TimeOfDay($0) }, task: a.task, wage: a.wage ?? 0,
                    farmerName: a.farmerName, farmerPhone: a.farmerPhone)
                try add(.assignment(notice), role: .worker, recipientId: a.workerId, assignment: a.assignmentId,
                    request: request)
            }
            let first = group[0]
            let list = FarmerListNotice(
                centerName: centerName, farmerName: first.farmerName, farmerPhone: first.farmerPhone,
                farmName: first.farmName, date: day, start: time(first.start), end: time(first.end), task: first.task,
                headcountWanted: first.headcount,
                workers: group.map { ListedWorker(name: $0.workerName, phone: $0.workerPhone) })
            try add(.farmerList(list), role: .farmer, recipientId: first.farmerId, assignment: nil, request: request)
        }
        self.messages = messages
        self.calls = RosterMessages.calls(for: assignments)
    }

    /// The workers of these assignments who get no SMS (no consent), to be phoned.
    public static func calls(for assignments: [AssignmentForMessage]) -> [CallNeeded] {
        assignments.filter { !$0.smsConsent }.map { a in
            CallNeeded(
                workerId: a.workerId, name: a.workerName, phone: a.workerPhone, farmName: a.farmName, start: a.start,
                meetingPoint: a.meetingPoint, meetingTime: a.meetingTime, reason: "no SMS consent")
        }
    }
}
