import Foundation
import Operations
import Postgres
import SMSFakeProvider
import Storage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `ilson replies serve` as a real process: a provider pushes a reply over loopback HTTP, the receiver stores it
/// once, and `batch replies` acts on it exactly as on a polled one.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct RepliesServeTests {
    /// POSTs one reply over a plain socket (sends without SIGPIPE); the HTTP status, -1 without an answer.
    static func push(port: Int, secret: String, json: String) throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard ok == 0 else { return -1 }
        let request =
            "POST /v1/inbound HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(secret)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n\(json)"
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { break }
            answer += chunk[0..<n]
        }
        let text = String(decoding: answer, as: UTF8.self)
        return text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? -1
    }

    @Test func aPushedReplyIsStoredOnceAndActedOnByBatchReplies() throws {
        try TestDatabase.withMigratedDatabase { db, url in
            let provider = try FakeSMSProvider()
            defer { provider.stop() }
            let roster = try Fixtures.approvedRoster(on: db, farms: 1, perFarm: 2)
            #expect(try DayOfTests.send(url, provider).status == 0)
            let secret = "push-secret-0123456789"
            // Without a secret it refuses to start.
            let none = try IlsonProcess.run(
                ["replies", "serve", "--listen", "127.0.0.1:0"],
                environment: IlsonProcess.environment(url: url, provider: nil))
            #expect(none.status == 2 && none.stderr.contains("ILSON_SMS_INBOUND_SECRET"), "\(none)")
            let server = try IlsonProcess(
                ["replies", "serve", "--listen", "127.0.0.1:0"],
                environment: IlsonProcess.environment(
                    url: url, provider: nil, extra: ["ILSON_SMS_INBOUND_SECRET": secret]))
            var port: Int?
            for _ in 0..<100 where port == nil {
                Thread.sleep(forTimeInterval: 0.1)
                let out = (try? String(contentsOfFile: server.outPath, encoding: .utf8)) ?? ""
                if let range = out.range(of: "listening on 127.0.0.1:") {
                    port = Int(out[range.upperBound...].prefix { $0.isNumber })
                }
            }
            let p = try #require(port)
            let reply =
                #"{"id":"kakao-1","from":"+82\#(roster.workerPhones[0].dropFirst())","to":"0435391234","body":"참석","receivedAt":"2027-07-07T19:42:10+09:00"}"#
            #expect(try Self.push(port: p, secret: secret, json: reply) == 200)
            #expect(try Self.push(port: p, secret: secret, json: reply) == 200, "a retry: stored once")
            #expect(try Self.push(port: p, secret: "wrong-secret-0123456789", json: reply) == 401)
            #expect(try Self.push(port: p, secret: secret, json: "{}") == 400)
            kill(server.process.processIdentifier, SIGTERM)
            let stopped = server.wait()
            #expect(!stopped.killed && stopped.status == 0, "stops on SIGTERM\n\(stopped)")
            #expect(stopped.stdout.contains("reply kakao-1 stored") && stopped.stdout.contains("already stored"))
            #expect(!stopped.stdout.contains(String(roster.workerPhones[0].suffix(8))), "no phone number in the log")
            #expect(try db.query("SELECT count(*)::int AS n FROM sms_inbound").first!.decode("n", as: Int.self) == 1)
            // Acting is the same step as for polled replies (the provider lists none here).
            let out = try RepliesTests.replies(url, provider)
            #expect(out.status == 0 && out.stdout.contains("0 fetched, 0 new stored; handled 1 confirmed"), "\(out)")
            #expect(try DayOfTests.status(db, phone: roster.workerPhones[0]) == ["confirmed"])
        }
    }
}
