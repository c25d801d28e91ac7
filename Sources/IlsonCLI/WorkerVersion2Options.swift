import ArgumentParser
import Operations
import Records

/// `worker add/edit` flags of version 2: pool, jobs and minutes a day, stay end, visa, car, pickup point.
struct WorkerVersion2Options: ParsableArguments {
    @Option(help: "일용|봉사|공공형 계절근로 (day|volunteer|seasonal); default 일용.") var pool: String?
    @Option(name: .customLong("max-jobs"), help: "Most jobs a day, 1-4 (default 1).") var maxJobs: Int?
    @Option(name: .customLong("max-minutes"), help: "Most minutes of work a day, e.g. 240 (0: no cap).")
    var maxMinutes: Int?
    @Option(name: .customLong("stay-until"), help: "Last date the worker may work (visa stay, contract), or none.")
    var stayUntil: String?
    @Option(help: "Visa type, e.g. E-8, or none.") var visa: String?
    @Flag(inversion: .prefixedNo, help: "Whether the worker travels by own car (default yes).") var car: Bool?
    @Option(name: .customLong("pickup-point"), help: "The pickup point the worker can reach (its name), or none.")
    var pickupPoint: String?

    var input: WorkerVersion2Input {
        WorkerVersion2Input(
            pool: pool, maxJobsPerDay: maxJobs, maxMinutesPerDay: maxMinutes, stayUntil: stayUntil, visaType: visa,
            car: car.map { $0 ? "y" : "n" }, pickupPoint: pickupPoint)
    }

    /// `  인력 일용, 하루 1건, 차량 있음` and the rest when set.
    static func describe(_ v: WorkerValues) -> String {
        var parts = ["인력 \(v.pool.korean)", "하루 최대 \(v.maxJobsPerDay)건"]
        if let m = v.maxMinutesPerDay { parts.append("하루 최대 \(m)분") }
        if let s = v.stayUntil { parts.append("체류 종료 \(s)") }
        if let visa = v.visaType { parts.append("비자 \(visa)") }
        parts.append(v.car ? "차량 있음" : "차량 없음")
        if let p = v.pickupPoint { parts.append("승차 지점 \(p)") }
        return "  " + parts.joined(separator: ", ")
    }
}
