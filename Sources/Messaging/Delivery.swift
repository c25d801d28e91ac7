import Foundation
import Synchronization

/// Sending many messages through one gateway with a small, fixed number of threads.
public enum Delivery {
    /// Sends every message, at most `concurrency` at a time, on threads of its own (gateways block, so this never
    /// uses the Swift concurrency pool). Blocks until all are done.
    ///
    /// - Parameters:
    ///   - messages: the messages, each with its own idempotency key.
    ///   - gateway: the gateway.
    ///   - concurrency: how many sends may be in flight at once (at least 1).
    ///   - onResult: called once per message, from a sending thread, as soon as its outcome is known (for example to
    ///     hand it to the thread that owns the database connection); may be called concurrently.
    /// - Returns: each message's outcome, in the order of `messages`.
    @discardableResult
    public static func sendAll(
        _ messages: [OutgoingMessage], through gateway: any Gateway, concurrency: Int = 1,
        onResult: (@Sendable (Int, Result<DeliveryReceipt, GatewayError>) -> Void)? = nil
    ) -> [Result<DeliveryReceipt, GatewayError>] {
        let results = Mutex<[Result<DeliveryReceipt, GatewayError>?]>(Array(repeating: nil, count: messages.count))
        let next = Atomic<Int>(0)
        let workers = max(1, min(concurrency, messages.count))
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < messages.count else { break }
                    let result: Result<DeliveryReceipt, GatewayError>
                    do throws(GatewayError) {
                        result = .success(try gateway.send(messages[i]))
                    } catch {
                        result = .failure(error)
                    }
                    results.withLock { $0[i] = result }
                    onResult?(i, result)
                }
                finished.signal()
            }
            thread.start()
        }
        for _ in 0..<workers { finished.wait() }
        return results.withLock { $0.map { $0! } }
    }
}
