import Foundation
import Records
import Scheduling
import Texts
import Vocabulary

/// How a person reads a request and why it is short, in the current language (`Texts`): the request as `#48`
/// with its farm's name and code, date and task, and the reasons rendered from their kinds and numbers, other
/// requests by number and farm. Never an internal id or a field name.
public enum RequestText {
    /// `#48`: a request as a person names it (`--request` accepts `48`, `#48` and `r48`).
    public static func number(_ id: Int64) -> String { "#\(id)" }

    /// A day as the coordinator reads it: `12월 1일(화)` in Korean, `2026-12-01` in English.
    public static func day(_ date: Day) -> String { Language.current == .ko ? date.korean : date.description }

    /// `이월 딸기하우스(F012) 7/8 수확`.
    public static func label(farmName: String, farmCode: String, date: Day, task: String?) -> String {
        let (_, m, d) = date.components
        var s =
            farmName == farmCode || farmName.isEmpty ? "\(farmCode) \(m)/\(d)" : "\(farmName)(\(farmCode)) \(m)/\(d)"
        if let task, !task.isEmpty { s += " \(task)" }
        return s
    }

    /// An attendance outcome as the coordinator reads it (`no_show` → `결근`).
    public static func outcome(_ o: AttendanceOutcome) -> String {
        switch o {
        case .present: T(.statusPresent)
        case .noShow: T(.statusNoShow)
        case .late: T(.statusLate)
        case .leftEarly: T(.statusLeftEarly)
        }
    }

    /// A reply's state as the coordinator reads it.
    public static func reply(_ state: InboundState) -> String {
        switch state {
        case .new: T(.replyNew)
        case .confirmed: T(.replyConfirmed)
        case .declined: T(.replyDeclined)
        case .duplicate: T(.replyDuplicate)
        case .unclear: T(.replyUnclear)
        case .late: T(.replyLate)
        case .unknown: T(.replyUnknown)
        case .conflict: T(.replyConflict)
        }
    }

    /// The key of an assignment's status (English: the stored word, `no_show`).
    public static func assignmentKey(_ status: AssignmentStatus) -> TextKey {
        switch status {
        case .proposed: .assignmentProposed
        case .approved: .assignmentApproved
        case .confirmed: .assignmentConfirmed
        case .declined: .assignmentDeclined
        case .cancelled: .assignmentCancelled
        case .noShow: .assignmentNoShow
        case .completed: .assignmentCompleted
        }
    }

    /// An assignment's status as the coordinator reads it.
    public static func assignment(_ status: AssignmentStatus) -> String { T(assignmentKey(status)) }

    /// A message's kind as the coordinator reads it (English: the kind's name, `farmerList`).
    public static func messageKind(_ kind: MessageKind) -> String {
        switch kind {
        case .assignment: T(.msgKindAssignment)
        case .farmerList: T(.msgKindFarmerList)
        case .cancellation: T(.msgKindCancellation)
        case .change: T(.msgKindChange)
        case .reminder: T(.msgKindReminder)
        }
    }

    /// Who a message goes to, as the coordinator reads it.
    public static func role(_ role: RecipientRole) -> String {
        switch role {
        case .worker: T(.roleWorker)
        case .farmer: T(.roleFarmer)
        }
    }

    /// A roster's state as the coordinator reads it.
    public static func state(_ state: RosterState) -> String {
        switch state {
        case .draft: T(.rosterDraft)
        case .approved: T(.rosterApproved)
        case .sending: T(.rosterSending)
        case .sent: T(.rosterSent)
        case .cancelled: T(.rosterCancelled)
        }
    }

    /// A request's status as the coordinator reads it.
    public static func status(_ status: RequestStatus) -> String {
        switch status {
        case .submitted: T(.requestSubmitted)
        case .cancelled: T(.requestCancelled)
        case .closed: T(.requestClosed)
        }
    }

    /// The name of a rule 1-4 as a coordinator reads it.
    public static func ruleName(_ rule: Int) -> String {
        switch rule {
        case 1: T(.rule1)
        case 2: T(.rule2)
        case 3: T(.rule3)
        case 4: T(.rule4)
        default: T(.ruleOther, ["rule": rule])
        }
    }

    /// `09:30` from minutes after midnight.
    static func clock(_ minutes: Int) -> String {
        let h = minutes / 60
        let m = minutes % 60
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// A roster's score: `필수 0 / 중요 21 / 일반 0`.
    public static func score(_ s: Score) -> String {
        T(.scoreText, ["hard": s.hard, "medium": s.medium, "soft": s.soft])
    }

    /// The reasons a short request is short: from `details` when the roster kept them, else the English sentences
    /// it stored. The count of holders is left out when a following reason says there are none.
    ///
    /// - Parameters:
    ///   - other: another request of the day by database id, as `#114 중산리 고추` (nil when unknown).
    ///   - skill: a skill's name as the center's catalogue shows it (`harvest` → `수확`).
    public static func reasons(
        _ u: StoredUnfilled, date: Day, other: (Int64) -> String?, skill: (String) -> String = { $0 }
    ) -> [String] {
        guard let details = u.details, !details.isEmpty else { return u.reasons }
        let none = details.contains { $0.kind == UnfilledReason.Kind.noSkillHolderNearby.rawValue }
        return details.filter { !(none && $0.kind == UnfilledReason.Kind.summary.rawValue) }.map {
            reason($0, date: date, other: other, skill: skill)
        }
    }

    /// One reason in words.
    static func reason(
        _ r: StoredReason, date: Day, other: (Int64) -> String?, skill: (String) -> String = { $0 }
    ) -> String {
        let km = RosterText.km(r.radiusKm)
        let skills = r.skills.map(skill).joined(separator: ", ")
        let n = r.numbers
        let count = n["count"] ?? 0
        let when = day(date)
        switch UnfilledReason.Kind(rawValue: r.kind) {
        case .summary:
            return r.skills.isEmpty
                ? T(.reasonSummaryAny, ["km": km, "holders": n["holders"] ?? 0])
                : T(.reasonSummarySkills, ["km": km, "skills": skills, "holders": n["holders"] ?? 0])
        case .noSkillHolderNearby:
            return r.skills.isEmpty
                ? T(.reasonNoHolderAny, ["km": km])
                : T(.reasonNoHolderSkills, ["km": km, "skills": skills, "nearby": n["nearby"] ?? 0])
        case .holdersUnavailable: return T(.reasonUnavailable, ["count": count, "date": when])
        case .holdersBlocked: return T(.reasonBlocked, ["count": count])
        case .takenByOtherRequests:
            var items = r.taken.prefix(5).map { t -> String in
                let name = other(t.request) ?? number(t.request)
                return t.workers > 1 ? T(.reasonTakenItemMany, ["item": name, "workers": t.workers]) : name
            }
            if r.taken.count > 5 { items.append(T(.listMore)) }
            return T(.reasonTaken, ["count": count, "list": items.joined(separator: ", ")])
        case .weeklyCapReached: return T(.reasonWeeklyCap, ["count": count])
        case .poolNotAccepted: return T(.reasonPool, ["count": count])
        case .stayEnded: return T(.reasonStay, ["count": count, "date": when])
        case .outsideWindow:
            return T(
                .reasonWindow,
                ["count": count, "date": when, "start": clock(r.windowStart ?? 0), "end": clock(r.windowEnd ?? 0)])
        case .noVanStop: return T(.reasonNoVan, ["count": count])
        case .seatsTaken: return T(.reasonSeats, ["count": count, "seats": r.seats ?? 0])
        case .dayFull: return T(.reasonDayFull, ["count": count])
        case .minimumUnreachable:
            let minimum = n["minHeadcount"] ?? 0
            let free = n["free"] ?? 0
            return free < minimum
                ? T(.reasonMinimumUnreachable, ["minimum": minimum, "free": free])
                : T(.reasonMinimumTrade, ["minimum": minimum])
        case .leftFree: return T(.reasonLeftFree, ["count": count])
        case nil:
            return r.kind == StoredReason.changedByHand ? T(.reasonChangedByHand) : T(.reasonUnknown)
        }
    }

    /// Another request as a reason names it: `#114 중산리 고추밭 고추`.
    static func other(id: Int64, farmName: String, task: String?) -> String {
        T(.reasonTakenItem, ["request": number(id), "farm": farmName, "task": task ?? ""])
            .trimmingCharacters(in: .whitespaces)
    }
}
