import KoreanText
import Records
import Scheduling
import Storage
import Vocabulary

/// Version 2's legal limits: a worker's stay end (visa, contract), allowed farms (visa) and a request's pools. No
/// pin and no `--force` passes them (spec/problem-format.md: "a visa limit is not the coordinator's to override").
enum LegalLimits {
    /// The legal limits the pair breaks, in the coordinator's words, one each; empty when none.
    static func broken(_ worker: Worker, _ request: LaborRequest, farmName: String? = nil) -> [String] {
        var out: [String] = []
        if !withinStay(worker, on: request.date), let until = worker.stayUntil {
            out.append("체류 종료일 \(until) 이후의 일입니다 (체류 기간)")
        }
        if let allowed = worker.allowedFarms, !allowed.contains(request.farm) {
            out.append("\(farmName.map { "\($0)은(는) " } ?? "")허용된 농가가 아닙니다 (비자 허용 농가)")
        }
        if !poolAllowed(worker, request) {
            let pools = (request.pools ?? []).sorted().map(\.korean)
            out.append(
                "\(worker.pool.korean) 인력은 이 요청에 갈 수 없습니다 (받는 인력: \(pools.isEmpty ? "없음" : pools.joined(separator: ", ")))"
            )
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
            case "transfer-time": return "농가 사이 이동 시간이 모자랍니다"
            case "minutes-per-day": return "하루 최대 \(worker.maxMinutesPerDay ?? 0)분을 넘습니다"
            default: return "하루 최대 \(worker.maxJobsPerDay)건을 넘습니다"
            }
        }
        return "이미 \(request.date)에 \(listed) 일이 있어 \(describe(request, day: day))을(를) 더할 수 없습니다: "
            + why.joined(separator: ", ")
    }

    /// `이월 딸기농장 07:00-12:00 (요청 12)`.
    static func describe(_ request: LaborRequest, day: PlanningDay) -> String {
        let farm = day.farm(request.farm)?.name ?? request.farm
        let id = (try? day.ids.requests.id(request.id).rawValue).map { " (요청 \($0))" } ?? ""
        return "\(farm) \(clockText(request.startMinute))-\(clockText(request.endMinute))\(id)"
    }
}
