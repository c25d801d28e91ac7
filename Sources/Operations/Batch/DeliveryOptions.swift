/// How the sender works through the outbox.
public struct DeliveryOptions: Sendable, Hashable {
    /// Messages claimed (and committed as `sending`) per round before calling the gateway.
    public var chunkSize: Int
    /// Sends in flight at once (threads of the sender's own, never the Swift concurrency pool).
    public var concurrency: Int
    /// How long one run keeps waiting for messages whose next attempt is later (after 5xx or timeouts) before it
    /// leaves them pending for the next run.
    public var maxWaitSeconds: Double
    /// The first retry's delay; each further attempt doubles it, up to `backoffCapSeconds`.
    public var backoffBaseSeconds: Double
    public var backoffCapSeconds: Double

    /// Defaults: 100 per round, 8 at once, wait up to 2 minutes, retry after 5 s, 10 s, 20 s … up to 10 minutes.
    public init(
        chunkSize: Int = 100, concurrency: Int = 8, maxWaitSeconds: Double = 120, backoffBaseSeconds: Double = 5,
        backoffCapSeconds: Double = 600
    ) {
        self.chunkSize = max(1, chunkSize)
        self.concurrency = max(1, concurrency)
        self.maxWaitSeconds = max(0, maxWaitSeconds)
        self.backoffBaseSeconds = max(0, backoffBaseSeconds)
        self.backoffCapSeconds = max(self.backoffBaseSeconds, backoffCapSeconds)
    }

    /// The delay before attempt `attempts + 1`, at least the provider's `Retry-After`.
    func backoff(afterAttempt attempts: Int, retryAfter: Int?) -> Double {
        let exponent = Double(max(0, min(attempts - 1, 20)))
        let delay = min(backoffCapSeconds, backoffBaseSeconds * pow2(exponent))
        return max(delay, Double(retryAfter ?? 0))
    }

    private func pow2(_ e: Double) -> Double {
        var v = 1.0
        for _ in 0..<Int(e) { v *= 2 }
        return v
    }
}
