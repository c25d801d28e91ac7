import Messaging
import Operations
import Testing
import Vocabulary

@testable import Storage

/// Version 2 notices, without a database: one notice a day lists every job of a worker; a rider's notice says where
/// and when the van collects them; the farmer's list says who rides from where.
@Suite struct Version2MessagesTests {
    static func job(
        _ id: Int64, request: Int64, worker: Int64, start: String, end: String, ride: String? = nil
    ) -> AssignmentForMessage {
        var a = RosterMessagesTests.assignment(id, request: request, task: "딸기 수확")
        a.workerId = worker
        a.workerPhone = String(format: "010200001%02d", worker)
        a.start = start
        a.end = end
        a.meetingTime = nil
        a.ridePoint = ride
        return a
    }

    @Test func oneNoticeADayListsEveryJobAndTheRide() throws {
        let assignments = [
            Self.job(1, request: 1, worker: 7, start: "07:00", end: "11:00", ride: "이월 마을회관"),
            Self.job(2, request: 1, worker: 8, start: "07:00", end: "11:00"),
            Self.job(3, request: 2, worker: 7, start: "13:00", end: "17:00"),
        ]
        let m = try RosterMessages(
            assignments: assignments, centerName: "진천군 농촌인력중개센터", date: Day(ordinal: 20_000),
            composer: MessageComposer())
        let toWorker7 = m.messages.filter { $0.recipientRole == .worker && $0.recipientId == 7 }
        #expect(toWorker7.count == 1)
        let body = try #require(toWorker7.first?.body)
        #expect(body.contains("승차: 06:30 이월 마을회관"))
        #expect(body.contains("같은 날: 13:00~17:00 햇살딸기농장2"))
        #expect(toWorker7.first?.assignmentId == 1)
        // Worker 8 has one job: no "같은 날" line, no ride.
        let toWorker8 = try #require(m.messages.first { $0.recipientRole == .worker && $0.recipientId == 8 })
        #expect(!toWorker8.body.contains("같은 날") && !toWorker8.body.contains("승차"))
        // The farmer of request 1 reads who rides from where.
        let list = try #require(m.messages.first { $0.recipientRole == .farmer && $0.requestId == 1 })
        #expect(list.body.contains("김똠1 010-2000-0107 (이월 마을회관 승차)"))
        #expect(!list.body.contains("김똠2 010-2000-0108 ("))
    }
}
