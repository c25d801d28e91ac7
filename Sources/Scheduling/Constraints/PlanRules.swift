/// Rule 5 of version 1: at most one assignment per worker and date (version 2: `dayProblems`).
func breaksOnePerDate(assignmentsOnDate n: Int) -> Bool { n > 1 }

/// Rule 6: a request gets at most its headcount.
func breaksHeadcount(_ request: LaborRequest, assigned n: Int) -> Bool { n > request.headcount }

/// Rule 7: a request gets 0 or at least its minimum, unless someone is pinned to it.
func breaksMinHeadcount(_ request: LaborRequest, assigned n: Int, pinned: Bool) -> Bool {
    !pinned && n > 0 && n < request.minHeadcount
}

/// Rule 8: dates with assignments in the week plus `workedDates` of that week stay within `maxDaysPerWeek`
/// (judged only in weeks where the plan assigns the worker; version 2 counts dates, not assignments).
func breaksWeeklyCap(_ worker: Worker, datesInWeek n: Int, workedInWeek worked: Int) -> Bool {
    n > 0 && n + worked > worker.maxDaysPerWeek
}

/// Rule 10: at most `pickup.seats` of the request's workers ride.
func breaksSeats(_ request: LaborRequest, riders n: Int) -> Bool {
    guard let pickup = request.pickup else { return false }
    return n > pickup.seats
}
