import KoreanText
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// Version 2's legal limits: a worker's stay end (visa, contract), allowed farms (visa) and a request's pools. No
/// pin and no `--force` passes them (spec/problem-format.md: "a visa limit is not the coordinator's to override").
enum LegalLimits {
    /// The legal limits the pair breaks, in the coordinator's words, one each; empty when none.
    static func broken(_ worker: Worker, _ request: LaborRequest, farmName: String? = nil) -> [String] {
        var out: [String] = []
        if !withinStay(worker, on: request.date), let until = worker.stayUntil {
            out.append(T(.legalStay, ["date": until]))
        }
        if let allowed = worker.allowedFarms, !allowed.contains(request.farm) {
            out.append(T(.legalFarm, ["farm": farmName.map { T(.legalFarmName, ["name": $0]) } ?? ""]))
        }
        if !poolAllowed(worker, request) {
            let pools = (request.pools ?? []).sorted().map(\.korean)
            out.append(
                T(
                    .legalPool,
                    [
                        "pool": worker.pool.korean,
                        "pools": pools.isEmpty ? T(.r2PoolsNone) : pools.joined(separator: ", "),
                    ]))
        }
        return out
    }
}

/// Rule 5 of version 2 for a change by hand: the worker's jobs of one day, checked as the solver checks them
/// (`dayProblems`: jobs a day, minutes a day, transfer time between farms).
enum SameDay {
    /// The worker's other live jobs of the day that are on the day's requests (a cancelled request's are not).
    static func jobs(
        _ others: [AssignmentRecord], in day: PlanningDay
    ) -> [(assignment: AssignmentRecord, request: LaborRequest)] {
        others.compactMap { a in day.request(RequestID(a.requestID)).map { (a, $0) } }
    }

    /// Why `worker` cannot take `request` beside `others` (their live jobs that day), in the coordinator's words;
    /// nil when they can.
    static func refusal(
        _ worker: Worker, adding request: LaborRequest, others: [AssignmentRecord], day: PlanningDay
    ) -> String? {
        let jobs = jobs(others, in: day)
        guard !jobs.isEmpty else { return nil }
        var all: [(request: LaborRequest, farm: GeoPoint)] = []
        for r in jobs.map(\.request) + [request] {
            guard let farm = day.farm(r.farm) else { continue }
            all.append((r, farm.location))
        }
        let problems = dayProblems(worker, all, speedKmh: day.instance.speedKmh)
        guard !problems.isEmpty else { return nil }
        let listed = jobs.map { describe($0.request, day: day) }.joined(separator: ", ")
        let why = problems.map { p -> String in
            switch p.kind {
            case "transfer-time": return T(.sameDayTransfer)
            case "minutes-per-day": return T(.sameDayMinutes, ["minutes": worker.maxMinutesPerDay ?? 0])
            default: return T(.sameDayJobs, ["jobs": worker.maxJobsPerDay])
            }
        }
        return T(
            .sameDayRefusal,
            [
                "date": request.date, "listed": listed, "request": describe(request, day: day),
                "why": why.joined(separator: ", "),
            ])
    }

    /// `이월 딸기농장 07:00-12:00 (요청 12)`.
    static func describe(_ request: LaborRequest, day: PlanningDay) -> String {
        let farm = day.farm(request.farm)?.name ?? request.farm
        let id = (try? day.ids.requests.id(request.id).rawValue).map { T(.sameDayRequestID, ["id": $0]) } ?? ""
        return "\(farm) \(clockText(request.startMinute))-\(clockText(request.endMinute))\(id)"
    }
}
