import Foundation
import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// One worker who could fill a request, and what pinning them there would do.
public struct RosterSuggestion: Sendable, Hashable {
    public var workerID: Int64
    public var name: String
    public var maskedPhone: String
    public var distanceKm: Double
    /// The roster's score after the move.
    public var score: Score
    /// The score after minus before, term by term.
    public var delta: Score
    /// In words: `+1 filled, +6.2 km, takes 김영숙 from r12 which drops to 2 of 3`.
    public var effect: String
}

/// `roster suggest`: who could fill a request, ranked by the roster's score after the move.
public enum RosterSuggest {
    /// The workers who could be pinned to `request` (rules 1-4 hold, not taken off it by hand, not pinned
    /// elsewhere that day), best first, each with the move's effect on the score as `Scheduling.score`
    /// computes it (the move is what `roster assign` would do).
    ///
    /// - Parameter freeOnly: only workers not placed that day (a replacement that robs no other farm); each of
    ///   them is ranked as without it, and the others are not scored at all (much faster on a full day).
    /// - Throws: `OperationError` for an unknown request, another center's, or a day with no roster.
    public static func suggest(
        center: CenterRecord, date: Day, request requestID: Int64, limit: Int = 10, freeOnly: Bool = false,
        on db: Connection
    ) throws -> (
        request: Int64, label: String, assigned: Int, headcount: Int, current: Score, suggestions: [RosterSuggestion]
    ) {
        _ = try RosterEditor.checkRequest(requestID, center: center, date: date, on: db)
        guard let roster = try RosterStore.find(center: center.id, date: date, on: db) else {
            throw OperationError.notFound(T(.errNoRoster, ["date": RequestText.day(date), "iso": date]))
        }
        let day = try PlanningDay.load(center: center, date: date, on: db)
        guard let request = day.request(RequestID(requestID)), let farm = day.farm(request.farm) else {
            throw OperationError.notFound(
                T(.errRequestNotOnDay, ["request": RequestText.number(requestID), "date": RequestText.day(date)]))
        }
        let named = try? day.loaded.farm(request.farm)
        let label = RequestText.label(
            farmName: named?.name ?? farm.name ?? "", farmCode: named?.code ?? "", date: date,
            task: try CatalogueStore.load(.task, center: center.id, on: db).name(of: request.task ?? ""))
        let rid = request.id
        let live = try AssignmentStore.live(roster: roster.id, on: db)
        let pairs = try day.pairs(live)
        let current = score(day.instance, assignments: pairs).score
        let pinnedPairs = Set(day.instance.pinned)
        var onWorker: [String: Pair] = [:]
        for p in pairs { onWorker[p.worker] = p }
        let onRequest = live.filter { $0.requestID == requestID }
        var count: [String: Int] = [:]
        for p in pairs { count[p.request, default: 0] += 1 }
        // When the request is full, the farthest unpinned worker would make room (as `roster assign` does).
        var bumped: Pair?
        if onRequest.count >= request.headcount {
            guard
                let far = onRequest.filter({ !$0.pinned }).max(by: { ($0.distanceKm ?? 0) < ($1.distanceKm ?? 0) })
            else { return (requestID, label, onRequest.count, request.headcount, current, []) }
            bumped = try day.ids.pair(request: RequestID(requestID), worker: WorkerID(far.workerID))
        }
        let names = Dictionary(uniqueKeysWithValues: day.instance.workers.map { ($0.id, $0) })
        let requests = Dictionary(uniqueKeysWithValues: day.instance.requests.map { ($0.id, $0) })

        var out: [RosterSuggestion] = []
        let travel = TravelRules(day.instance)
        for w in day.instance.workers {
            let pair = Pair(request: rid, worker: w.id)
            if onWorker[w.id]?.request == rid { continue }
            if freeOnly && onWorker[w.id] != nil { continue }
            if day.instance.excludedPairs.contains(pair) { continue }
            let d = Distance.km(w.home, farm.location)
            let how = travel.travel(w, request, homeFarmKm: d)
            guard brokenPairRules(w, request, farm, travel: how, walkKm: travel.walkKm).isEmpty else { continue }
            var moved = pairs
            var words: [String] = []
            if let from = onWorker[w.id] {
                if pinnedPairs.contains(from) { continue }
                moved.removeAll { $0 == from }
                let left = (count[from.request] ?? 1) - 1
                let hc = requests[from.request]?.headcount ?? 0
                words.append(
                    T(
                        .effectTakes,
                        [
                            "who": w.name ?? T(.unknownWorker),
                            "request": RequestText.number(try day.ids.requests.id(from.request).rawValue),
                            "left": left, "headcount": hc,
                        ]))
            }
            if let bumped {
                moved.removeAll { $0 == bumped }
                words.insert(T(.effectReplaces, ["who": names[bumped.worker]?.name ?? T(.unknownWorker)]), at: 0)
            } else {
                words.insert(T(.effectFilled), at: 0)
            }
            moved.append(pair)
            var trial = day.instance
            trial.pinned.append(pair)
            let after = score(trial, assignments: moved).score
            let delta = Score(
                hard: after.hard - current.hard, medium: after.medium - current.medium, soft: after.soft - current.soft)
            words.insert("\(RosterText.km(d)) km", at: 1)
            if delta.hard < 0 { words.append(T(.effectBreaks, ["count": -delta.hard])) }
            words.append(
                T(
                    .effectScore,
                    [
                        "medium": "\(delta.medium >= 0 ? "+" : "")\(delta.medium)",
                        "soft": "\(delta.soft >= 0 ? "+" : "")\(delta.soft)",
                    ]))
            out.append(
                RosterSuggestion(
                    workerID: try day.ids.workers.id(w.id).rawValue, name: w.name ?? T(.unknownWorker),
                    maskedPhone: Phone.mask(w.phone ?? ""), distanceKm: d,
                    score: after, delta: delta, effect: words.joined(separator: ", ")))
        }
        out.sort { ($0.score, -$0.workerID) > ($1.score, -$1.workerID) }
        return (requestID, label, onRequest.count, request.headcount, current, Array(out.prefix(limit)))
    }
}
