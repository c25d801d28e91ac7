import Vocabulary

/// Version 2's limits of one worker-request pair beyond rules 1-4 of version 1 (rule 1's windows and stay, the minutes
/// cap, rule 4's pool), from flat copies of the workers' fields: the candidate builder checks millions of pairs, and
/// reading them through `instance.workers[w]` copied the whole `Worker` (its eleven references retained and released)
/// at each one.
struct PairLimits: Sendable {
    /// Per worker: its windows, when it has any.
    private let windows: [[Day: [ClockWindow]]?]
    private let stayUntil: [Day?]
    private let maxMinutes: [Int?]
    private let pool: [WorkerPool]
    /// Per worker: whether it has a window, a stay end or a minutes cap (else only a request's pools can refuse it).
    let limited: [Bool]

    init(_ workers: [Worker]) {
        windows = workers.map { $0.windows.isEmpty ? nil : $0.windows }
        stayUntil = workers.map(\.stayUntil)
        maxMinutes = workers.map(\.maxMinutesPerDay)
        pool = workers.map(\.pool)
        limited = workers.map { !$0.windows.isEmpty || $0.stayUntil != nil || $0.maxMinutesPerDay != nil }
    }

    /// Whether worker `w` may take `request` by these limits: the job fits a window of its date, the date is within
    /// the stay, the worker's pool is one the request takes, and the job is no longer than the minutes cap.
    @inline(__always)
    func allows(_ w: Int, _ request: LaborRequest) -> Bool {
        if let wins = windows[w], !fitsWindow(wins, request) { return false }
        guard withinStay(until: stayUntil[w], on: request.date), poolAllowed(pool[w], request) else { return false }
        if let m = maxMinutes[w], request.lengthMinutes > m { return false }
        return true
    }
}
