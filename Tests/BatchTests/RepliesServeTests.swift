import Foundation
import Operations
import Postgres
import SMSFakeProvider
import Storage
import Testing

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `ilson replies serve` as a real process: a provider pushes a reply over loopback HTTP, the receiver stores it
/// once, and `batch replies` acts on it exactly as on a polled one.
@Suite(.enabled(if: TestDatabase.enabled, "needs ILSON_TEST_DATABASE_URL (scripts/test)"))
struct RepliesServeTests {
    /// POSTs one reply; the HTTP status.
    static func push(port: Int, secret: String, json: String) throws -> Int {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/v1/inbound")!)
        request.httpMethod = "POST"
        request.httpBody = Data(json.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(secret)", forHTTPHeaderField: "Authorization")
        let done = DispatchSemaphore(value: 0)
        let box = StatusBox()
        URLSession.shared.dataTask(with: request) { _, response, _ in
            box.status = (response as? HTTPURLResponse)?.statusCode ?? -1
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 10)
        return box.status
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

/// The status a URLSession callback saw.
final class StatusBox: @unchecked Sendable {
    var status = -1
}
