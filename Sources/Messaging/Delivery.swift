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

    /// Sends messages, at most `concurrency` at a time, on threads of its own, and hands each outcome to
    /// `record` on the calling thread as soon as it is known (the thread that owns a database connection records
    /// it). A sending thread starts its next send only once its last outcome is recorded, so a process killed at
    /// any moment has at most `concurrency` sends answered or in flight and not recorded.
    ///
    /// - Parameters:
    ///   - messages: the messages, each with its own idempotency key.
    ///   - gateway: the gateway.
    ///   - concurrency: how many sends may be in flight at once (at least 1).
    ///   - deadline: no send starts after it (those in flight end within the gateway's timeout); nil: none.
    ///   - answered: called on the sending thread the moment the gateway answered, before `record` sees it.
    ///   - record: called on the calling thread once per message sent, with its index and outcome. When it
    ///     throws, no further send starts; the sends in flight end and the error is rethrown.
    /// - Returns: the indices of the messages not started (the deadline passed, or `record` said stop), ascending.
    public static func stream(
        _ messages: [OutgoingMessage], through gateway: any Gateway, concurrency: Int = 1, deadline: Date? = nil,
        answered: (@Sendable (Int, Result<DeliveryReceipt, GatewayError>) -> Void)? = nil,
        record: (Int, Result<DeliveryReceipt, GatewayError>) throws -> StreamControl
    ) throws -> [Int] {
        guard !messages.isEmpty else { return [] }
        typealias Outcome = (index: Int, result: Result<DeliveryReceipt, GatewayError>, recorded: DispatchSemaphore)
        let outcomes = Mutex<[Outcome]>([])
        let notStarted = Mutex<[Int]>([])
        let next = Atomic<Int>(0)
        let stopping = Atomic<Bool>(false)
        let ready = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let workers = max(1, min(concurrency, messages.count))
        for _ in 0..<workers {
            let thread = Thread {
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < messages.count else { break }
                    if stopping.load(ordering: .sequentiallyConsistent) || deadline.map({ Date() >= $0 }) == true {
                        notStarted.withLock { $0.append(i) }
                        ready.signal()
                        continue
                    }
                    let result: Result<DeliveryReceipt, GatewayError>
                    do throws(GatewayError) {
                        result = .success(try gateway.send(messages[i]))
                    } catch {
                        result = .failure(error)
                    }
                    answered?(i, result)
                    let recorded = DispatchSemaphore(value: 0)
                    outcomes.withLock { $0.append((i, result, recorded)) }
                    ready.signal()
                    recorded.wait()
                }
                finished.signal()
            }
            thread.start()
        }
        var failure: (any Error)?
        var handled = 0
        while true {
            let (batch, skipped) = outcomes.withLock { queued in
                defer { queued.removeAll() }
                return (queued, notStarted.withLock { $0.count })
            }
            for outcome in batch {
                if failure == nil {
                    do {
                        if try record(outcome.index, outcome.result) == .stop {
                            stopping.store(true, ordering: .sequentiallyConsistent)
                        }
                    } catch {
                        failure = error
                        stopping.store(true, ordering: .sequentiallyConsistent)
                    }
                }
                outcome.recorded.signal()
                handled += 1
            }
            if handled + skipped == messages.count { break }
            if batch.isEmpty { ready.wait() }
        }
        for _ in 0..<workers { finished.wait() }
        if let failure { throw failure }
        return notStarted.withLock { $0.sorted() }
    }

    /// What `stream` does after recording an outcome.
    public enum StreamControl: Sendable, Hashable {
        /// Go on sending.
        case proceed
        /// Start no further send (e.g. the configuration is wrong); the sends in flight end.
        case stop
    }
}
