import Foundation
import Messaging
import Synchronization
import Testing

/// `Delivery.stream`: outcomes recorded on the calling thread as they come, never more than `concurrency` sends
/// unrecorded, no send started after the deadline, and a failing record stops further sends.
@Suite struct DeliveryStreamTests {
    /// Counts the sends it took; each takes a few milliseconds.
    final class CountingGateway: Gateway {
        let name = "counting"
        let taken = Atomic<Int>(0)
        func send(_ message: OutgoingMessage) throws(GatewayError) -> DeliveryReceipt {
            Thread.sleep(forTimeInterval: 0.002)
            _ = taken.add(1, ordering: .sequentiallyConsistent)
            return DeliveryReceipt(messageId: message.idempotencyKey, gateway: name)
        }
    }

    struct Stop: Error {}

    @Test(arguments: [1, 3])
    func atMostConcurrencyUnrecorded(concurrency: Int) throws {
        let gateway = CountingGateway()
        let messages = (0..<40).map { _ in Fixtures.outgoing() }
        var recorded = 0
        var worst = 0
        let notStarted = try Delivery.stream(messages, through: gateway, concurrency: concurrency) { _, result in
            #expect((try? result.get()) != nil)
            recorded += 1
            // Sends taken by the gateway but not yet recorded (this one included).
            worst = max(worst, gateway.taken.load(ordering: .sequentiallyConsistent) - recorded + 1)
            return .proceed
        }
        #expect(notStarted.isEmpty && recorded == 40 && gateway.taken.load(ordering: .sequentiallyConsistent) == 40)
        #expect(worst <= concurrency, "\(worst) unrecorded at once")
    }

    @Test func nothingStartsAfterTheDeadline() throws {
        let gateway = CountingGateway()
        let messages = (0..<5).map { _ in Fixtures.outgoing() }
        let notStarted = try Delivery.stream(
            messages, through: gateway, concurrency: 2, deadline: Date().addingTimeInterval(-1)
        ) { _, _ in .proceed }
        #expect(notStarted == [0, 1, 2, 3, 4])
        #expect(gateway.taken.load(ordering: .sequentiallyConsistent) == 0)
    }

    @Test func aFailingRecordStopsFurtherSends() {
        let gateway = CountingGateway()
        let messages = (0..<30).map { _ in Fixtures.outgoing() }
        var calls = 0
        #expect(throws: Stop.self) {
            try Delivery.stream(messages, through: gateway, concurrency: 2) { _, _ in
                calls += 1
                if calls == 3 { throw Stop() }
                return .proceed
            }
        }
        #expect(gateway.taken.load(ordering: .sequentiallyConsistent) <= 3 + 2, "only the sends in flight end")
        #expect(calls == 3, "nothing is recorded after the failure")
    }
}
