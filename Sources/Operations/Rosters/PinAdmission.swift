import Foundation
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// A worker admitted as a pin on a request, by `roster assign` and `roster replace`: the weekly cap (rule 8)
/// refuses the pin; rules 1-4 refuse it unless forced, and a forced pin carries the rules it breaks.
struct PinAdmission {
    /// What the pin is, in the refusals' words.
    enum Act {
        /// `roster assign`: "a pin would break rule 8", "add --force to pin anyway".
        case pin
        /// `roster replace`: "the replacement would break rule 8", "add --force to replace anyway".
        case replacement
    }

    /// From the worker's home to the farm.
    var distanceKm: Double
    /// The rules of 1-4 the pin breaks (none unless forced).
    var broken: [PairViolation]
    /// The broken rules as stored with the assignment (`StoredWarning`s, JSON text).
    var warningsJSON: String

    /// Whether the pin was forced past rules 1-4.
    var forced: Bool { !broken.isEmpty }
    /// The broken rules for the command's output: `rule 3: …`.
    var warnings: [String] { broken.map { "rule \($0.rule): \($0.detail)" } }

    /// Checks pinning `worker` (database id `workerID`) on `request` (database id `requestID`) of `date`.
    ///
    /// - Parameters:
    ///   - who: the worker in the rules 1-4 refusal (`김영숙 010-****-5678`).
    ///   - named: the worker in the rule 8 refusal.
    /// - Throws: `OperationError.badInput` for a legal limit (stay end, allowed farms, pools: even with `force`),
    ///   rule 8, and rules 1-4 without `force`.
    init(
        _ worker: Worker, on request: LaborRequest, at farm: Farm, requestID: Int64, workerID: Int64, date: Day,
        force: Bool, who: String, named: String, act: Act, travel rules: TravelRules = TravelRules()
    ) throws {
        // Legal limits first: no --force passes them.
        let legal = LegalLimits.broken(worker, request, farmName: farm.name)
        if !legal.isEmpty {
            throw OperationError.badInput(
                T(.errPinLegal, ["who": who, "request": requestID, "why": legal.joined(separator: "; ")]))
        }
        let workedInWeek = worker.workedDates.filter { $0.isoWeek == date.isoWeek }.count
        if workedInWeek + 1 > worker.maxDaysPerWeek {
            throw OperationError.badInput(
                T(
                    .errWeekCap,
                    [
                        "who": named, "worked": workedInWeek, "date": RequestText.day(date),
                        "cap": worker.maxDaysPerWeek, "act": act == .pin ? T(.actPin) : T(.actReplace),
                    ]))
        }
        let distance = Distance.km(worker.home, farm.location)
        let broken = brokenPairRules(
            worker, request, farm, travel: rules.travel(worker, request, homeFarmKm: distance), walkKm: rules.walkKm)
        if !broken.isEmpty && !force {
            let list = broken.map {
                T(
                    .pairRuleItem,
                    [
                        "number": $0.rule,
                        "rule": Language.current == .ko ? RequestText.ruleName($0.rule) : "(\($0.detail))",
                    ])
            }
            throw OperationError.badInput(
                T(
                    .errBreaksPairRules,
                    [
                        "who": who, "request": RequestText.number(requestID), "list": list.joined(separator: "; "),
                        "act": act == .pin ? T(.actPinVerb) : T(.actReplaceVerb),
                    ]))
        }
        self.distanceKm = distance
        self.broken = broken
        self.warningsJSON = String(
            decoding: try JSONEncoder().encode(
                broken.map { StoredWarning(request: requestID, worker: workerID, rule: $0.rule, message: $0.detail) }),
            as: UTF8.self)
    }
}
