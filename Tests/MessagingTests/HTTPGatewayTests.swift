import Foundation
import KoreanText
import SMSFakeProvider
import Testing

@testable import Messaging

/// The http gateway against the fake provider over real loopback HTTP.
@Suite struct HTTPGatewayTests {
    static func gateway(_ provider: FakeSMSProvider, timeout: Double = 5) throws -> HTTPGateway {
        try HTTPGateway(baseURL: provider.baseURL, apiKey: provider.apiKey, timeoutSeconds: timeout)
    }

    @Test func acceptedWithIdAndEveryContractField() throws {
        let provider = try FakeSMSProvider()
        defer { provider.stop() }
        let gateway = try Self.gateway(provider)
        let composed = try MessageComposer().compose(.assignment(Fixtures.assignment()))[0]
        let message = OutgoingMessage(
            composed, idempotencyKey: Fixtures.key(), center: "JC", from: "0435391234", date: Fixtures.date)
        let receipt = try gateway.send(message)
        #expect(receipt.messageId.hasPrefix("fake-"))
        #expect(receipt.gateway == "http")
        let request = try #require(provider.requests.first)
        #expect(request.method == "POST" && request.path == "/v1/messages")
        #expect(request.headers["authorization"] == "Bearer \(provider.apiKey)")
        #expect(request.headers["idempotency-key"] == message.idempotencyKey)
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.jsonKeys == ["to", "from", "type", "body", "kind", "idempotencyKey", "center", "date"])
        #expect(request.json["to"] == "01012345678")
        #expect(request.json["from"] == "0435391234")
        #expect(request.json["type"] == "LMS")
        #expect(request.json["kind"] == "assignment")
        #expect(request.json["center"] == "JC")
        #expect(request.json["date"] == "2026-12-01")
        #expect(request.json["idempotencyKey"] == message.idempotencyKey)
        #expect(request.json["body"] == composed.body)
        #expect(provider.sent(key: message.idempotencyKey)?.bytes == composed.byteCount)
    }

    @Test func sameKeyTwiceIsOneMessageWithOneId() throws {
        let provider = try FakeSMSProvider()
        defer { provider.stop() }
        let gateway = try Self.gateway(provider)
        let message = Fixtures.outgoing()
        let first = try gateway.send(message)
        let second = try gateway.send(message)
        #expect(first == second)
        #expect(provider.sentCount == 1)
        #expect(provider.requestCount(forKey: message.idempotencyKey) == 2)
    }

    @Test func fourHundredIsRejectedWithTheProvidersReason() throws {
        let provider = try FakeSMSProvider()
        defer { provider.stop() }
        provider.reject(recipient: "010-5555-6666", reason: "blocked number 01055556666")
        let gateway = try Self.gateway(provider)
        do {
            _ = try gateway.send(Fixtures.outgoing(to: "01055556666"))
            Issue.record("accepted a rejected number")
        } catch {
            guard case .rejected(_, let status) = error else {
                Issue.record("expected rejected, got \(error)")
                return
            }
            #expect(status == 400)
            #expect(!error.isRetryable)
            #expect(error.reason == "blocked number 010-****-6666", "the reason is kept, the number masked")
        }
        #expect(provider.sentCount == 0)
        #expect(try gateway.send(Fixtures.outgoing()).messageId.hasPrefix("fake-"))
    }

    @Test func wrongKeyIsRejectedAndTheKeyIsNeverShown() throws {
        let provider = try FakeSMSProvider(apiKey: "right-key")
        defer { provider.stop() }
        let gateway = try HTTPGateway(baseURL: provider.baseURL, apiKey: "s3cret-wrong-key")
        #expect {
            try gateway.send(Fixtures.outgoing())
        } throws: { error in
            guard let e = error as? GatewayError, case .rejected(_, 401) = e else { return false }
            return !e.description.contains("s3cret") && !"\(gateway)".contains("s3cret")
        }
    }

    @Test func fiveHundredIsRetryableAndTheRetryIsSentOnce() throws {
        let provider = try FakeSMSProvider()
        defer { provider.stop() }
        provider.failNext(1, status: 500)
        let gateway = try Self.gateway(provider)
        let message = Fixtures.outgoing()
        #expect(
            throws: GatewayError.retryable(reason: "temporarily unavailable", httpStatus: 500, retryAfterSeconds: nil)
        ) {
            try gateway.send(message)
        }
        _ = try gateway.send(message)
        #expect(provider.sentCount == 1)
        provider.failNext(1, status: 429)
        #expect(throws: GatewayError.self) { try gateway.send(Fixtures.outgoing()) }
    }

    @Test func timeoutIsRetryableAndTheRetryDoesNotSendTwice() throws {
        let provider = try FakeSMSProvider()
        defer { provider.stop() }
        provider.delayResponses(by: 2, count: 1)
        let gateway = try Self.gateway(provider, timeout: 0.5)
        let message = Fixtures.outgoing()
        let start = ContinuousClock.now
        do {
            _ = try gateway.send(message)
            Issue.record("a late answer was taken")
        } catch {
            #expect(error.isRetryable)
            #expect(error.reason.contains("timeout"), "\(error)")
        }
        #expect(ContinuousClock.now - start < .seconds(2))
        // The slow provider did send it; the retry with the same key gets the same id, nothing new.
        // (The retry waits patiently: on a loaded machine the provider may still be finishing the slow answer.)
        let receipt = try Self.gateway(provider, timeout: 15).send(message)
        #expect(provider.sent(key: message.idempotencyKey)?.messageId == receipt.messageId)
        #expect(provider.sentCount == 1)
    }

    @Test func connectionRefusedIsRetryable() throws {
        // A port that was just ours and is now closed: nothing listens there.
        let provider = try FakeSMSProvider()
        let url = provider.baseURL
        provider.stop()
        let gateway = try HTTPGateway(baseURL: url, apiKey: "k", timeoutSeconds: 2)
        #expect {
            try gateway.send(Fixtures.outgoing())
        } throws: { error in
            guard let e = error as? GatewayError, case .retryable(let reason, nil, nil) = e else { return false }
            return reason == "connection refused"
        }
    }

    @Test func brokenConnectionIsRetryable() throws {
        let provider = try FakeSMSProvider()
        defer { provider.stop() }
        let gateway = try Self.gateway(provider)
        provider.dropNextConnections(1)
        let m1 = Fixtures.outgoing()
        #expect(throws: GatewayError.self) { try gateway.send(m1) }
        #expect(provider.sentCount == 0)
        // Sent, but the answer is lost: the retry gets the same message, not a second one.
        provider.acceptThenDrop(1)
        let m2 = Fixtures.outgoing()
        do {
            _ = try gateway.send(m2)
        } catch {
            #expect(error.isRetryable)
        }
        let receipt = try gateway.send(m2)
        #expect(receipt.messageId == provider.sent(key: m2.idempotencyKey)?.messageId)
        #expect(provider.sentCount == 1)
    }

    @Test func unsendableMessagesAreRejectedWithoutARequest() throws {
        let provider = try FakeSMSProvider()
        defer { provider.stop() }
        let gateway = try Self.gateway(provider)
        var tooLong = Fixtures.outgoing(body: String(repeating: "햏", count: 46))
        #expect(
            throws: GatewayError.rejected(reason: "the body is 92 bytes, over the SMS limit of 90", httpStatus: nil)
        ) {
            try gateway.send(tooLong)
        }
        tooLong.type = .lms
        _ = try gateway.send(tooLong)
        let emoji = Fixtures.outgoing(body: "사과🍎")
        #expect(throws: GatewayError.self) { try gateway.send(emoji) }
        var noSender = Fixtures.outgoing()
        noSender.from = ""
        #expect { try gateway.send(noSender) } throws: { error in
            guard let e = error as? GatewayError, case .misconfigured(let reason) = e else { return false }
            return reason.contains("ILSON_SMS_SENDER")
        }
        #expect(provider.requestCount == 1)
    }

    @Test func longLMSBodyGoesThrough() throws {
        let provider = try FakeSMSProvider()
        defer { provider.stop() }
        let gateway = try Self.gateway(provider)
        let parts = try MessageComposer().compose(.farmerList(Fixtures.farmerList(workers: 60)))
        for p in parts {
            _ = try gateway.send(
                OutgoingMessage(
                    p, idempotencyKey: Fixtures.key(), center: "JC", from: "0435391234", date: Fixtures.date))
        }
        #expect(provider.sentMessages.map(\.body) == parts.map(\.body))
    }
}

/// Throughput to the fake provider. `ILSON_MEASURE=1 swift test --filter Throughput` sends 10,000.
@Suite(.serialized) struct ThroughputTests {
    @Test func sendManyMessages() throws {
        let count = ProcessInfo.processInfo.environment["ILSON_MEASURE"] == "1" ? 10_000 : 1_000
        let provider = try FakeSMSProvider()
        defer { provider.stop() }
        let gateway = try HTTPGateway(baseURL: provider.baseURL, apiKey: provider.apiKey)
        let body = try MessageComposer().compose(.assignment(Fixtures.assignment()))[0]
        func batch() -> [OutgoingMessage] {
            (0..<count).map { _ in
                OutgoingMessage(
                    body, idempotencyKey: Fixtures.key(), center: "JC", from: "0435391234", date: Fixtures.date)
            }
        }
        let sequential = batch()
        let clock = ContinuousClock()
        let t1 = clock.measure {
            for m in sequential { _ = try? gateway.send(m) }
        }
        #expect(provider.sentCount == count)
        let concurrent = batch()
        var results: [Result<DeliveryReceipt, GatewayError>] = []
        let t2 = clock.measure {
            results = Delivery.sendAll(concurrent, through: gateway, concurrency: 4)
        }
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(provider.sentCount == 2 * count)
        print("http gateway → fake provider: \(count) messages sequential \(t1), concurrency 4 \(t2)")
    }
}
