import Foundation
import KoreanText
import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// One change as a coordinator reads it: when, who, what it was about, what changed, why. No internal ids, no
/// field names, phones masked.
public struct AuditLine: Sendable, Hashable {
    /// When, Korean time, `2027-07-08 21:03`.
    public var at: String
    /// The login that made it.
    public var actor: String
    /// What was done, e.g. `강제 배정`, `우선순위 변경`.
    public var action: String
    /// What it concerns, e.g. `김영숙 010-****-5678 · F001 이월 딸기농장 · 2027-07-08 수확`.
    public var subject: String
    /// What changed, e.g. `우선순위 3 → 7`.
    public var change: String
    /// Why (the person's `--reason`), empty when none was given.
    public var reason: String
}

/// `ilson audit show`: who changed what, when and why, for a coordinator's own center (row-level security keeps
/// them to it, sql/008 and sql/010).
public enum AuditTrail {
    /// The changes of a day (made that day, or concerning that work day), of a worker, or of a farm.
    ///
    /// - Parameters:
    ///   - worker: a phone number or worker id; `farm` a farm code.
    /// - Throws: `.badInput` when nothing is asked for; `.notFound` for an unknown worker or farm.
    public static func show(
        date: Day?, worker: String?, farm: String?, center: String?, limit: Int = 500, on db: Connection
    ) throws -> (center: CenterRecord, lines: [AuditLine]) {
        guard date != nil || worker != nil || farm != nil else {
            throw OperationError.badInput(T(.auditErrWhat))
        }
        guard (1...5000).contains(limit) else { throw OperationError.badInput(T(.auditErrLimit, ["limit": limit])) }
        let center = try Centers.resolve(center, on: db)
        let workerID = try worker.map { try Workers.find($0, center: center, on: db).id }
        let farmID = try farm.map { try Farms.find(code: $0, center: center, on: db).id }
        let entries = try AuditTrailStore.entries(
            center: center.id, AuditFilter(date: date, worker: workerID, farm: farmID, limit: limit), on: db)
        return (center, entries.map(line))
    }

    /// The line of one audit row (pure).
    static func line(_ e: AuditEntry) -> AuditLine {
        let before = json(e.before)
        let after = json(e.after)
        var subject: [String] = []
        if let name = e.workerName { subject.append("\(name) \(e.workerPhone.map(Phone.mask) ?? "")") }
        if let code = e.farmCode { subject.append("\(code) \(e.farmName ?? "")") }
        if let day = e.workDate { subject.append([day.description, e.task].compactMap { $0 }.joined(separator: " ")) }
        if subject.isEmpty { subject.append(T(entityLabels[e.entity] ?? .auditEntityOther)) }
        return AuditLine(
            at: timeFormatter.string(from: e.at), actor: e.actor, action: action(e, before: before, after: after),
            subject: subject.joined(separator: " · "), change: change(e, before: before, after: after),
            reason: e.reason ?? "")
    }

    static func json(_ text: String?) -> [String: Any] {
        guard let data = text?.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    static let entityLabels: [String: TextKey] = [
        "worker": .auditEntityWorker,
        "farm": .auditEntityFarm,
        "farmer": .auditEntityFarmer,
        "labor_request": .auditEntityLaborRequest,
        "assignment": .auditEntityAssignment,
        "attendance": .auditEntityAttendance,
        "roster": .auditEntityRoster,
        "center": .auditEntityCenter,
        "message_template": .auditEntityMessageTemplate,
        "worker_availability": .auditEntityWorkerAvailability,
        "priority_policy": .auditEntityPriorityPolicy,
        "user": .auditEntityUser,
    ]

    static let viaLabels: [String: TextKey] = [
        "roster assign": .auditViaRosterAssign,
        "roster unassign": .auditViaRosterUnassign,
        "roster plan": .auditViaRosterPlan,
        "roster approve": .auditViaRosterApprove,
        "roster reopen": .auditViaRosterReopen,
        "roster cancel": .auditViaRosterCancel,
        "roster decline": .auditViaRosterDecline,
        "roster replace": .auditViaRosterReplace,
        "request submit": .auditViaRequestSubmit,
        "request edit": .auditViaRequestEdit,
        "request cancel": .auditViaRequestCancel,
        "request import": .auditViaRequestImport,
        "farm add": .auditViaFarmAdd,
        "farm update": .auditViaFarmUpdate,
        "farm import": .auditViaFarmImport,
        "worker add": .auditViaWorkerAdd,
        "worker edit": .auditViaWorkerEdit,
        "worker import": .auditViaWorkerImport,
        "center policy set": .auditViaCenterPolicySet,
        "attendance record": .auditViaAttendanceRecord,
        "batch send": .auditViaBatchSend,
        "batch plan": .auditViaBatchPlan,
        "sql": .auditViaSql,
    ]

    static func action(_ e: AuditEntry, before: [String: Any], after: [String: Any]) -> String {
        if e.entity == "assignment", e.via == "roster assign", after["forced"] as? Bool == true {
            return T(.auditForcedPin)
        }
        if e.entity == "labor_request", e.action == "update",
            "\(before["priority"] ?? "")" != "\(after["priority"] ?? "")"
                || "\(before["priority_source"] ?? "")" != "\(after["priority_source"] ?? "")"
        {
            return T(after["priority_source"] as? String == "override" ? .auditPriorityChanged : .auditPolicyApplied)
        }
        if let label = viaLabels[e.via] { return T(label) }
        let what = T(entityLabels[e.entity] ?? .auditEntityOther)
        switch e.action {
        case "create": return T(.auditAdded, ["what": what])
        case "delete": return T(.auditDeleted, ["what": what])
        case "state": return T(.auditStateChanged, ["what": what])
        default: return T(.auditChanged, ["what": what])
        }
    }

    /// Korean names of the values a coordinator may read change; anything else is counted, not named.
    static let fieldLabels: [(key: String, label: TextKey)] = [
        ("priority", .auditFieldPriority),
        ("priority_source", .auditFieldPrioritySource),
        ("status", .auditFieldStatus),
        ("state", .auditFieldState),
        ("headcount", .auditFieldHeadcount),
        ("min_headcount", .auditFieldMinHeadcount),
        ("start_time", .auditFieldStartTime),
        ("end_time", .auditFieldEndTime),
        ("wage", .auditFieldWage),
        ("skills", .auditFieldSkills),
        ("cancel_reason", .auditFieldCancelReason),
        ("name", .auditFieldName),
        ("phone", .auditFieldPhone),
        ("area_ha", .auditFieldAreaHa),
        ("disaster_until", .auditFieldDisasterUntil),
        ("farmer_birth_year", .auditFieldFarmerBirthYear),
        ("woman_farmer", .auditFieldWomanFarmer),
        ("disabled_farmer", .auditFieldDisabledFarmer),
        ("no_family_labor", .auditFieldNoFamilyLabor),
        ("meeting_point", .auditFieldMeetingPoint),
        ("meeting_time", .auditFieldMeetingTime),
        ("address", .auditFieldAddress),
        ("village", .auditFieldVillage),
        ("category", .auditFieldCategory),
        ("active", .auditFieldActive),
        ("max_travel_km", .auditFieldMaxTravelKm),
        ("pinned", .auditFieldPinned),
        ("forced", .auditFieldForced),
        ("excluded", .auditFieldExcluded),
        ("base", .auditFieldBase),
        ("small_farm_ha", .auditFieldSmallFarmHa),
        ("small_farm_points", .auditFieldSmallFarmPoints),
        ("disaster_points", .auditFieldDisasterPoints),
        ("elderly_age", .auditFieldElderlyAge),
        ("elderly_points", .auditFieldElderlyPoints),
        ("woman_points", .auditFieldWomanPoints),
        ("disabled_points", .auditFieldDisabledPoints),
        ("no_family_points", .auditFieldNoFamilyPoints),
        ("outcome", .auditFieldOutcome),
        ("note", .auditFieldNote),
    ]

    static let valueLabels: [String: TextKey] = [
        "true": .auditValueTrue,
        "false": .auditValueFalse,
        "policy": .auditValuePolicy,
        "override": .auditValueOverride,
        "submitted": .auditValueSubmitted,
        "cancelled": .auditValueCancelled,
        "closed": .auditValueClosed,
        "completed": .auditValueCompleted,
        "no_show": .auditValueNoShow,
        "approved": .auditValueApproved,
        "draft": .auditValueDraft,
        "sent": .auditValueSent,
        "declined": .auditValueDeclined,
        "proposed": .auditValueProposed,
        "confirmed": .auditValueConfirmed,
    ]

    static func show(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "-" }
        // JSON's numbers and booleans both arrive as NSNumber, and 1 casts to Bool: only a boolean is 예/아니오
        // (a priority of 1 stays 1).
        if let n = value as? NSNumber {
            if String(cString: n.objCType) == "c" { return T(n.boolValue ? .auditValueTrue : .auditValueFalse) }
            return n.stringValue
        }
        if let b = value as? Bool { return T(b ? .auditValueTrue : .auditValueFalse) }
        if let list = value as? [Any] { return list.map { show($0) }.joined(separator: ",") }
        let text = "\(value)"
        return valueLabels[text].map { T($0) } ?? (text.count > 30 ? String(text.prefix(30)) + "…" : text)
    }

    static func change(_ e: AuditEntry, before: [String: Any], after: [String: Any]) -> String {
        var parts: [String] = []
        var others = 0
        let known = Set(fieldLabels.map(\.key))
        let ignored: Set<String> = [
            "id", "center_id", "version", "updated_at", "updated_by", "submitted_at", "cancelled_at", "roster",
            "request", "worker", "removed", "priority_by", "priority_reason", "created_at", "roster_id", "request_id",
            "worker_id", "job_id", "farm_id", "farmer_id", "lat", "lon", "distance_km", "score", "warnings",
        ]
        if e.action == "update" || e.action == "state" {
            for (key, label) in fieldLabels {
                let (b, a) = (before[key], after[key])
                guard b != nil || a != nil else { continue }
                // A value the row did not hold before and that is off now says nothing.
                if b == nil, let off = a as? Bool, !off { continue }
                let (bs, as_) = (show(b), show(a))
                if bs != as_ { parts.append("\(T(label)) \(bs) → \(as_)") }
            }
            for key in Set(before.keys).union(after.keys) where !known.contains(key) && !ignored.contains(key) {
                if "\(before[key] ?? "")" != "\(after[key] ?? "")" { others += 1 }
            }
        } else if e.action == "create", e.entity == "labor_request" {
            parts.append(
                T(.auditNewPriority, ["priority": show(after["priority"]), "source": show(after["priority_source"])]))
        }
        if others > 0 { parts.append(T(.auditOthers, ["count": others])) }
        return parts.joined(separator: ", ")
    }

    static let timeFormatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Asia/Seoul")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f
    }()
}
