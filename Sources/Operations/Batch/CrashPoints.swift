import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbered steps of the batch at which a test can make the process die (`ILSON_TEST_CRASH_AFTER=N`: SIGKILL
/// at the N-th step), so crash tests hit every phase: outbox written but not committed, committed, messages
/// claimed, a message taken by the provider but not yet recorded, outcomes recorded.
///
/// Without the variable it counts and does nothing. Safe to call from the sending threads.
public final class CrashPoints: Sendable {
    /// The hidden variable tests set.
    public static let variable = "ILSON_TEST_CRASH_AFTER"

    let limit: Int?
    let count = Atomic<Int>(0)

    /// Dies at step `limit` (1-based); never when nil.
    public init(limit: Int?) { self.limit = limit }

    /// From `ILSON_TEST_CRASH_AFTER` (a positive integer), else inert.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> CrashPoints
    {
        CrashPoints(limit: environment[variable].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil })
    }

    /// Counts a step; at the configured one the process is killed on the spot (no cleanup, no flush).
    public func step() {
        let n = count.add(1, ordering: .sequentiallyConsistent).newValue
        if let limit, n >= limit { raise(SIGKILL) }
    }

    /// How many steps have passed.
    public var steps: Int { count.load(ordering: .sequentiallyConsistent) }
}
