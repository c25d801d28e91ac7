import ArgumentParser
import Operations
import Records
import Texts

/// `worker add/edit` flags of version 2: pool, jobs and minutes a day, stay end, visa, car, pickup point.
struct WorkerVersion2Options: ParsableArguments {
    @Option(help: ArgumentHelp(T(.helpDefault))) var pool: String?
    @Option(name: .customLong("max-jobs"), help: ArgumentHelp(T(.helpMostJobsDay))) var maxJobs: Int?
    @Option(name: .customLong("max-minutes"), help: ArgumentHelp(T(.helpMostMinutesWorkDay)))
    var maxMinutes: Int?
    @Option(name: .customLong("stay-until"), help: ArgumentHelp(T(.helpLastDateWorkerMay)))
    var stayUntil: String?
    @Option(help: ArgumentHelp(T(.helpVisaTypeNone))) var visa: String?
    @Flag(inversion: .prefixedNo, help: ArgumentHelp(T(.helpWhetherWorkerTravelsOwn))) var car: Bool?
    @Option(name: .customLong("pickup-point"), help: ArgumentHelp(T(.helpPickupPointWorkerCan)))
    var pickupPoint: String?

    var input: WorkerVersion2Input {
        WorkerVersion2Input(
            pool: pool, maxJobsPerDay: maxJobs, maxMinutesPerDay: maxMinutes, stayUntil: stayUntil, visaType: visa,
            car: car.map { $0 ? "y" : "n" }, pickupPoint: pickupPoint)
    }

    /// `  인력 일용, 하루 1건, 차량 있음` and the rest when set.
    static func describe(_ v: WorkerValues) -> String {
        var parts = [T(.w2Pool, ["pool": v.pool.korean]), T(.w2MaxJobs, ["count": v.maxJobsPerDay])]
        if let m = v.maxMinutesPerDay { parts.append(T(.w2MaxMinutes, ["minutes": m])) }
        if let s = v.stayUntil { parts.append(T(.w2Stay, ["date": s])) }
        if let visa = v.visaType { parts.append(T(.w2Visa, ["visa": visa])) }
        parts.append(v.car ? T(.w2Car) : T(.w2NoCar))
        if let p = v.pickupPoint { parts.append(T(.w2Pickup, ["point": p])) }
        return "  " + parts.joined(separator: ", ")
    }
}
