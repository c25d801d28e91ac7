import Vocabulary

/// Rule 1, the date part: the request's date is among the worker's available dates.
public func isAvailable(_ worker: Worker, on date: Day) -> Bool {
    isAvailable(worker.available, on: date)
}

/// `isAvailable` on a worker's `available` alone (the unfilled reasons read the worker's fields in place).
@inline(__always)
func isAvailable(_ available: Set<Day>, on date: Day) -> Bool {
    available.contains(date)
}

/// Rule 1, the window part (version 2): the job `[start, end]` lies inside one window of the date (a bare date is the
/// whole day). True when the date is not available at all (that is the date part's fault).
public func fitsWindow(_ worker: Worker, _ request: LaborRequest) -> Bool {
    fitsWindow(worker.windows, request)
}

/// `fitsWindow` on a worker's `windows` alone (the candidate builder's `PairLimits`).
@inline(__always)
func fitsWindow(_ windows: [Day: [ClockWindow]], _ request: LaborRequest) -> Bool {
    guard let wins = windows[request.date] else { return true }
    let s = request.startMinute
    let e = request.endMinute
    return wins.contains { $0.contains(start: s, end: e) }
}

/// Rule 1, the stay part (version 2): the date is not after the worker's `stayUntil` (inclusive). A legal limit: a pin
/// cannot override it.
public func withinStay(_ worker: Worker, on date: Day) -> Bool {
    withinStay(until: worker.stayUntil, on: date)
}

/// `withinStay` on a worker's `stayUntil` alone.
@inline(__always)
func withinStay(until stayUntil: Day?, on date: Day) -> Bool {
    stayUntil.map { date <= $0 } ?? true
}

/// Rule 1 whole: the date is available, the job fits one of its windows, and the date is within the worker's stay.
public func isAvailable(_ worker: Worker, for request: LaborRequest) -> Bool {
    isAvailable(worker, on: request.date) && fitsWindow(worker, request) && withinStay(worker, on: request.date)
}
