import Foundation
import KoreanText
import SMSFakeProvider
import Testing
import Vocabulary

@testable import Messaging

/// Reading workers' answers, the answer prompt in the notice, polling the fake provider and the push receiver
/// over real loopback HTTP.
@Suite struct ReplyTests {
    @Test(arguments: [
        "1", "예", "네", "ㅇㅇ", "참석", "갑니다", " 1 ", "1.", "네!", "네.", "예~", "참석!!", "갑니다^^", "１", "참 석",
        "ㅇㅇ.", "(1)", "네\n", "1️⃣",
    ])
    func confirmations(_ body: String) {
        #expect(ReplyAnswer.read(body) == .confirm, "\(body)")
    }

    @Test(arguments: [
        "2", "아니오", "아니요", "못가요", "불참", "취소", "못 가요", "못 가요.", "2!", "불참합니다", "취소!", "２", " 아니오 ",
    ])
    func declines(_ body: String) {
        #expect(ReplyAnswer.read(body) == .decline, "\(body)")
    }

    /// Anything else is for a person, never guessed.
    @Test(arguments: [
        "", "   ", "12", "1 2", "3", "ㅇ", "네 근데 30분 늦어요", "내일 비 오면 못가요", "누구세요?", "참석 불참", "ok", "yes",
        "넹", "갈게요", String(repeating: "네", count: 300), "0", "👍",
    ])
    func notAnswers(_ body: String) {
        #expect(ReplyAnswer.read(body) == nil, "\(body)")
    }

    @Test func promptIsTheLastLineAfterEveryFact() throws {
        var notice = Fixtures.assignment()
        notice.answerPrompt = AnswerPrompt.text(deadline: TimeOfDay("21:00"))
        let with = try MessageComposer().compose(.assignment(notice))
        #expect(with.count == 1)
        let lines = with[0].body.split(separator: "\n").map(String.init)
        #expect(lines.last == "회신: 참석 1 / 불참 2 (21:00까지)")
        let without = try MessageComposer().compose(.assignment(Fixtures.assignment()))[0]
        // Every line of the notice without the prompt is still there, in order, before it.
        #expect(Array(lines.dropLast()) == without.body.split(separator: "\n").map(String.init))
        #expect(with[0].byteCount == without.byteCount + 1 + CP949.byteCount(lines.last!)!)
        #expect(with[0].type == (with[0].byteCount <= 90 ? .sms : .lms))
    }

    /// A short notice that fits an SMS alone goes LMS with the prompt rather than dropping a fact.
    @Test func promptPushesAFullSMSToLMSNeverDropsAFact() throws {
        let templates = try TemplateSet(overrides: [.assignment: "{날짜} {시작} {농가} {일당}"])
        var notice = Fixtures.assignment(farm: "햇살사과농원햇살사과농원햇살사과농원")
        let alone = try MessageComposer(templates: templates).compose(.assignment(notice))[0]
        #expect(alone.type == .sms, "\(alone.byteCount) bytes")
        notice.answerPrompt = AnswerPrompt.text(deadline: TimeOfDay("21:00"))
        let asked = try MessageComposer(templates: templates).compose(.assignment(notice))[0]
        #expect(asked.byteCount > 90 && asked.type == .lms)
        #expect(asked.body.hasPrefix(alone.body + "\n"))
        // A change notice or a farmer's list never carries it.
        let change = try MessageComposer(templates: templates).compose(.assignmentChange(notice))[0]
        #expect(!change.body.contains("회신"))
    }

    @Test func pollingPagesFromTheCursorAndReadsPlus82() throws {
        let provider = try FakeSMSProvider()
        defer { provider.stop() }
        let a = provider.injectReply(from: "+821012345678", body: "1")
        provider.injectReply(from: "01022223333", body: "못 가요")
        provider.injectReply(from: "010-4444-5555", body: "누구세요")
        let inbound = try HTTPInbound(baseURL: provider.baseURL, apiKey: provider.apiKey)
        let first = try inbound.fetch(after: nil, limit: 2)
        #expect(first.messages.map(\.id) == [a, "in-2"])
        #expect(first.messages[0].senderDigits == "01012345678")
        #expect(first.next == "in-2")
        let second = try inbound.fetch(after: first.next, limit: 2)
        #expect(second.messages.map(\.body) == ["누구세요"])
        let empty = try inbound.fetch(after: second.next, limit: 2)
        #expect(empty.messages.isEmpty && empty.next == second.next, "the same cursor when nothing is new")
        // The same cursor again gives the same ids (stable).
        #expect(try inbound.fetch(after: first.next, limit: 2).messages.map(\.id) == second.messages.map(\.id))
        let request = try #require(provider.requests.first)
        #expect(request.method == "GET" && request.headers["authorization"] == "Bearer \(provider.apiKey)")
        // A wrong key is final; a 503 is for later.
        let wrong = try HTTPInbound(baseURL: provider.baseURL, apiKey: "nope")
        #expect(throws: GatewayError.self) { try wrong.fetch(after: nil, limit: 10) }
        do {
            _ = try wrong.fetch(after: nil, limit: 10)
        } catch {
            #expect(!error.isRetryable)
        }
        provider.failNext(1, status: 503)
        do {
            _ = try inbound.fetch(after: nil, limit: 10)
            Issue.record("a 503 must throw")
        } catch {
            #expect(error.isRetryable)
        }
    }

    // MARK: The push receiver

    /// Runs a receiver on a free loopback port for the body of a test.
    static func withReceiver(
        timeout: Double = 2, _ body: (InboundReceiver, ReceiverLog) throws -> Void
    ) throws {
        let receiver = try InboundReceiver(
            host: "127.0.0.1", port: 0, secret: "s3cret-s3cret-s3cret", maxBodyBytes: 4_096,
            readTimeoutSeconds: timeout)
        let log = ReceiverLog()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            receiver.run(store: { log.store($0) })
            done.signal()
        }
        thread.start()
        defer {
            receiver.stop()
            done.wait()
        }
        try body(receiver, log)
    }

    /// Sends raw bytes and returns the status of the answer (nil when the connection closed without one).
    static func raw(_ port: UInt16, _ request: String, pauseAfterHead: Double = 0) -> (Int?, String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard ok == 0 else { return (nil, "") }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
        if pauseAfterHead > 0 { Thread.sleep(forTimeInterval: pauseAfterHead) }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { break }
            answer += chunk[0..<n]
        }
        let text = String(decoding: answer, as: UTF8.self)
        let status = text.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        return (status, text)
    }

    static func post(_ port: UInt16, _ json: String, secret: String = "s3cret-s3cret-s3cret") -> (Int?, String) {
        raw(
            port,
            "POST /v1/inbound HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(secret)\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(json.utf8.count)\r\n\r\n\(json)")
    }

    @Test func receiverStoresEachIdOnceAndRefusesWhatItMust() throws {
        try Self.withReceiver { receiver, log in
            let reply =
                #"{"id":"in-481","from":"+821012345678","to":"0435391234","body":"1","receivedAt":"2027-07-07T19:42:10+09:00"}"#
            #expect(Self.post(receiver.port, reply).0 == 200)
            #expect(Self.post(receiver.port, reply).0 == 200, "a provider's retry is answered 200, stored once")
            #expect(log.ids == ["in-481"])
            #expect(log.calls == 2)
            #expect(log.messages.first?.senderDigits == "01012345678")
            #expect(Self.post(receiver.port, reply, secret: "wrong-wrong-wrong-wrong").0 == 401)
            #expect(Self.post(receiver.port, "not json").0 == 400)
            #expect(Self.post(receiver.port, #"{"from":"01012345678","body":"1"}"#).0 == 400, "no id")
            #expect(Self.post(receiver.port, #"{"id":5,"from":"01012345678","body":"1"}"#).0 == 400)
            let long = String(repeating: "가", count: 2_001)
            let tooLongBody = #"{"id":"x","from":"01012345678","body":"\#(long)"}"#
            #expect(Self.post(receiver.port, tooLongBody).0 == 413, "over the receiver's body limit")
            #expect(
                Self.raw(
                    receiver.port, "GET /v1/inbound HTTP/1.1\r\nAuthorization: Bearer s3cret-s3cret-s3cret\r\n\r\n"
                )
                .0 == 405)
            #expect(Self.raw(receiver.port, "GET /other HTTP/1.1\r\n\r\n").0 == 404)
            #expect(log.calls == 2, "nothing refused reached the store")
        }
    }

    @Test func aSlowClientIsCutOffAndTheNextOneServed() throws {
        try Self.withReceiver(timeout: 0.5) { receiver, log in
            let started = Date()
            // A head that never ends.
            let slow = Self.raw(receiver.port, "POST /v1/inbound HTTP/1.1\r\nHost: x\r\n")
            #expect(slow.0 == 408)
            #expect(Date().timeIntervalSince(started) < 3)
            // A body shorter than announced.
            let short = Self.raw(
                receiver.port,
                "POST /v1/inbound HTTP/1.1\r\nAuthorization: Bearer s3cret-s3cret-s3cret\r\nContent-Length: 50\r\n\r\n{"
            )
            #expect(short.0 == 408)
            let ok = Self.post(receiver.port, #"{"id":"in-1","from":"01012345678","body":"2"}"#)
            #expect(ok.0 == 200)
            #expect(log.ids == ["in-1"])
        }
    }

    @Test func aStoreThatFailsIsA503TheProviderRetries() throws {
        let receiver = try InboundReceiver(host: "127.0.0.1", port: 0, secret: "s3cret-s3cret-s3cret")
        let done = DispatchSemaphore(value: 0)
        Thread {
            receiver.run(store: { _ in .unavailable("down") })
            done.signal()
        }.start()
        defer {
            receiver.stop()
            done.wait()
        }
        #expect(Self.post(receiver.port, #"{"id":"in-1","from":"01012345678","body":"2"}"#).0 == 503)
        #expect(throws: InboundFormatError.self) {
            try InboundReceiver(host: "localhost", port: 0, secret: "x")
        }
    }
}

/// What a test receiver stored.
final class ReceiverLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var messages: [InboundMessage] = []
    private(set) var calls = 0

    var ids: [String] { lock.withLock { messages.map(\.id) } }

    func store(_ m: InboundMessage) -> InboundReceiver.StoreOutcome {
        lock.withLock {
            calls += 1
            if messages.contains(where: { $0.id == m.id }) { return .stored(new: false) }
            messages.append(m)
            return .stored(new: true)
        }
    }
}
