import Foundation
import Postgres
import Records
import Scheduling
import Storage
import Texts

/// `request cancel` of a request whose day's roster is approved, being sent or sent (a farmer's rain in their
/// valley only): the rest of the roster stays as it was announced.
enum RequestCancelDayOf {
    /// Cancels one request on an approved / sending / sent roster, inside the caller's transaction: its
    /// workers' undelivered notices are withdrawn, those already told get one cancellation notice (those without
    /// SMS consent are listed for a call), its assignments become `cancelled` (the workers are free for a
    /// re-plan of the day), the request is cancelled, and the farmer gets one confirmation (their undelivered
    /// lists withdrawn). No other request's people are told anything.
    ///
    /// - Returns: what was done to the roster and its outbox.
    static func cancel(_ request: RequestRecord, center: CenterRecord, reason: String?, on tx: Connection) throws
        -> DayOfReport
    {
        let date = request.values.date
        var change = try DayOfChange(center: center, date: date, expectedVersion: nil, on: tx)
        change.via = "request cancel"
        let workers = change.before.filter { $0.requestId == request.id }
        for a in workers {
            try change.release(a, status: .cancelled, reason: reason)
            change.report.lines.append(
                T(
                    .dayFreeAgain,
                    ["who": RosterText.person(name: a.workerName, phone: a.workerPhone), "date": RequestText.day(date)])
            )
        }
        try RequestStore.cancel(id: request.id, reason: reason, via: "request cancel", on: tx)
        if let f = try DayOfStore.farmer(ofRequest: request.id, on: tx) {
            try change.confirmCancellation(
                request: request.id, details: workers.first,
                farmer: FarmerContact(id: f.id, name: f.name, phone: f.phone, farmName: f.farmName, start: f.start),
                reason: reason)
        }
        change.report.lines.insert(
            T(
                .dayRequestCancelled,
                [
                    "request": RequestText.number(request.id), "farm": "\(request.farmCode) \(request.farmName)",
                    "date": RequestText.day(date), "count": workers.count,
                ]), at: 0)
        return try change.finish()
    }
}
