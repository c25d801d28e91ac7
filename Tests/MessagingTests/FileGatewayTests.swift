import Foundation
import KoreanText
import Synchronization
import Testing

@testable import Messaging

@Suite struct FileGatewayTests {
    static func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "ilson-sms-\(UUID().uuidString)"
    }

    @Test func writesTheSendListOncePerKey() throws {
        let dir = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gateway = FileGateway(directory: dir + "/out")
        let parts = try MessageComposer().compose(.assignment(Fixtures.assignment()))
        let m = OutgoingMessage(
            parts[0], idempotencyKey: Fixtures.key(), center: "JC", from: "0435391234", date: Fixtures.date)
        let first = try gateway.send(m)
        let second = try gateway.send(m)
        #expect(first == second)
        let other = try gateway.send(Fixtures.outgoing())
        #expect(other != first)
        let records = gateway.records(center: "JC", date: Fixtures.date)
        #expect(records.count == 2)
        #expect(records[0].body == m.body)
        let jsonl = try String(contentsOfFile: dir + "/out/2026-12-01-JC.jsonl", encoding: .utf8)
        #expect(jsonl.split(separator: "\n").count == 2)
        let txt = try String(contentsOfFile: dir + "/out/2026-12-01-JC.txt", encoding: .utf8)
        #expect(txt.contains("010-1234-5678") && txt.contains("햇살사과농원"))
        // A second gateway (another process, say) sees the keys already written.
        let again = try FileGateway(directory: dir + "/out").send(m)
        #expect(again == first)
        #expect(gateway.records(center: "JC", date: Fixtures.date).count == 2)
        let csv = try gateway.exportCSV(center: "JC", date: Fixtures.date)
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.components(separatedBy: "\r\n").count == 4, "header, two rows, end")
        #expect(text.contains("recipient,kind,type,bytes,body,message_id"))
        #expect(text.contains(first.messageId))
    }

    @Test func concurrentSendsOfTheSameKeysWriteEachOnce() throws {
        let dir = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let gateway = FileGateway(directory: dir)
        let messages = (0..<50).map { _ in Fixtures.outgoing() }
        Delivery.sendAll(messages + messages, through: gateway, concurrency: 4)
        #expect(gateway.records(center: "JC", date: Fixtures.date).count == 50)
    }

    @Test func badCenterCodeCannotEscapeTheDirectory() {
        var m = Fixtures.outgoing()
        m.center = "../etc"
        #expect(throws: GatewayError.self) { try FileGateway(directory: "unused").send(m) }
    }
}

@Suite struct StdoutGatewayTests {
    @Test func printsTheWholeMessageOnce() throws {
        let lines = Mutex<[String]>([])
        let gateway = StdoutGateway(write: { text in lines.withLock { $0.append(text) } })
        let m = Fixtures.outgoing()
        let a = try gateway.send(m)
        let b = try gateway.send(m)
        #expect(a == b)
        let out = lines.withLock { $0 }
        #expect(out.count == 1)
        #expect(out[0].contains("010-1234-5678") && out[0].contains("    [진천센터]"))
    }
}

@Suite struct ConfigurationTests {
    @Test func httpWithoutURLNamesTheVariable() {
        #expect(throws: GatewayConfigurationError.missing(variable: "ILSON_SMS_URL", gateway: .http)) {
            try GatewayConfiguration(settings: ["ILSON_SMS_GATEWAY": "http", "ILSON_SMS_API_KEY": "k"])
        }
        let error = GatewayConfigurationError.missing(variable: "ILSON_SMS_URL", gateway: .http)
        #expect(error.description.contains("ILSON_SMS_URL"))
        #expect(throws: GatewayConfigurationError.missing(variable: "ILSON_SMS_API_KEY", gateway: .http)) {
            try GatewayConfiguration(settings: ["ILSON_SMS_GATEWAY": "http", "ILSON_SMS_URL": "http://127.0.0.1:8025"])
        }
    }

    @Test func unknownGatewayListsTheValidOnes() {
        do {
            _ = try GatewayConfiguration(settings: ["ILSON_SMS_GATEWAY": "kakao"])
            Issue.record("accepted kakao")
        } catch {
            #expect(error == .unknownGateway("kakao"))
            #expect(error.description.contains("file, http, stdout"))
        }
    }

    @Test func defaultsAndChoices() throws {
        let none = try GatewayConfiguration(settings: [:])
        #expect(none.kind == .stdout)
        #expect(none.makeGateway().name == "stdout")
        let file = try GatewayConfiguration(settings: ["ILSON_SMS_GATEWAY": "file"])
        #expect(file.directory == "./sms-out")
        #expect(file.makeGateway().name == "file")
        let http = try GatewayConfiguration(settings: [
            "ILSON_SMS_GATEWAY": "http", "ILSON_SMS_URL": "http://127.0.0.1:8025/", "ILSON_SMS_API_KEY": "topsecret",
            "ILSON_SMS_SENDER": "043-539-1234", "ILSON_SMS_TIMEOUT": "3",
        ])
        #expect(http.sender == "0435391234")
        #expect(http.timeoutSeconds == 3)
        #expect((http.makeGateway() as? HTTPGateway)?.endpoint.absoluteString == "http://127.0.0.1:8025/v1/messages")
        #expect(!"\(http)".contains("topsecret"))
        var dumped = ""
        dump(http, to: &dumped)
        #expect(!dumped.contains("topsecret"))
    }

    @Test(arguments: ["127.0.0.1:8025", "ftp://127.0.0.1", "http://", "http://user:pw@127.0.0.1"])
    func badURLsAreRefused(_ url: String) {
        #expect(throws: GatewayConfigurationError.self) {
            try GatewayConfiguration(settings: [
                "ILSON_SMS_GATEWAY": "http", "ILSON_SMS_URL": url, "ILSON_SMS_API_KEY": "k",
            ])
        }
    }
}
