import Messaging
import Operations
import Testing
import Vocabulary

@testable import Storage

/// The composition of a roster's messages, without a database: one notice that cannot be composed is recorded as a
/// failure with its reason and does not stop the others.
@Suite struct RosterMessagesTests {
    static func assignment(_ id: Int64, request: Int64, task: String, consent: Bool = true) -> AssignmentForMessage {
        AssignmentForMessage(
            assignmentId: id, requestId: request, workerId: 100 + id, workerName: "김똠\(id)",
            workerPhone: String(format: "010200000%02d", id), smsConsent: consent, start: "07:00", end: "16:00",
            task: task, wage: 130_000, headcount: 2, farmCode: "F\(request)", farmName: "햇살딸기농장\(request)",
            farmAddress: "충북 진천군 이월면 중산리 12", village: nil, meetingPoint: "이월면사무소 앞", meetingTime: "06:30",
            farmerId: 500 + request, farmerName: "농가주\(request)", farmerPhone: String(format: "010300000%02d", request))
    }

    /// A center's template that repeats the task 40 times on one line: too long for an LMS with a 40-character task.
    static func composer() throws -> MessageComposer {
        MessageComposer(
            templates: try TemplateSet(overrides: [
                .assignment: "{센터} {이름}님\n" + String(repeating: "{작업}", count: 40)
            ]))
    }

    @Test func anUncomposableNoticeIsRecordedAndTheOthersComposed() throws {
        let longTask = String(repeating: "가", count: 40)
        let assignments = [
            Self.assignment(1, request: 1, task: longTask),
            Self.assignment(2, request: 2, task: "딸기 수확"),
            Self.assignment(3, request: 2, task: "딸기 수확"),
            Self.assignment(4, request: 2, task: "딸기 수확", consent: false),
        ]
        let messages = try RosterMessages(
            assignments: assignments, centerName: "진천군 농촌인력중개센터", date: Day(ordinal: 20_000),
            composer: try Self.composer())
        let failed = try #require(messages.uncomposed.first)
        #expect(messages.uncomposed.count == 1)
        #expect(failed.assignmentId == 1 && failed.recipient == "01020000001" && failed.kind == .assignment)
        #expect(failed.recipientRole == .worker && failed.recipientId == 101 && failed.requestId == 1)
        #expect(failed.body.isEmpty && failed.byteCount == 0)
        let reason = try #require(failed.failure)
        #expect(reason.contains("cannot compose the assignment message for request #1"), "\(reason)")
        #expect(reason.contains("3200 bytes"), "\(reason)")
        // The rest: workers 2 and 3 and both farmers' lists, composed and sendable.
        let composed = messages.messages.filter { $0.failure == nil }
        #expect(composed.filter { $0.kind == .assignment }.map(\.assignmentId) == [2, 3])
        #expect(composed.filter { $0.kind == .farmerList }.map(\.requestId) == [1, 2])
        #expect(composed.allSatisfy { !$0.body.isEmpty && $0.byteCount > 0 && $0.byteCount <= 2_000 })
        #expect(messages.calls.map(\.workerId) == [104], "no consent: a call")
    }

    @Test func withoutFailuresNothingIsRecorded() throws {
        let messages = try RosterMessages(
            assignments: [Self.assignment(1, request: 1, task: "딸기 수확")], centerName: "진천군 농촌인력중개센터",
            date: Day(ordinal: 20_000), composer: try Self.composer())
        #expect(messages.uncomposed.isEmpty && messages.messages.count == 2)
    }
}
