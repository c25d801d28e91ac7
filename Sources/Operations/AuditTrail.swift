import Foundation
import KoreanText
import Postgres
import Records
import Storage
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
            throw OperationError.badInput("무엇을 볼지 정해 주세요: --date 날짜, --worker 전화번호 또는 --farm 농가코드")
        }
        guard (1...5000).contains(limit) else { throw OperationError.badInput("--limit \(limit): 1부터 5000까지입니다") }
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
        if subject.isEmpty { subject.append(entityLabels[e.entity] ?? "기타") }
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

    static let entityLabels: [String: String] = [
        "worker": "작업자", "farm": "농가", "farmer": "농업인", "labor_request": "인력 요청", "assignment": "배정",
        "attendance": "출근 기록", "roster": "배정표", "center": "센터", "message_template": "문자 양식",
        "worker_availability": "작업 가능일", "priority_policy": "우선순위 정책", "user": "사용자",
    ]

    static let viaLabels: [String: String] = [
        "roster assign": "배정(고정)", "roster unassign": "배정 해제", "roster plan": "배정표 작성",
        "roster approve": "배정표 승인", "roster reopen": "배정표 다시 열기", "roster cancel": "배정표 취소",
        "roster decline": "작업자 불참", "roster replace": "작업자 교체", "request submit": "요청 등록",
        "request edit": "요청 변경", "request cancel": "요청 취소", "request import": "요청 가져오기",
        "farm add": "농가 등록", "farm update": "농가 정보 변경", "farm import": "농가 가져오기",
        "worker add": "작업자 등록", "worker edit": "작업자 변경", "worker import": "작업자 가져오기",
        "center policy set": "우선순위 정책 변경", "attendance record": "출근 기록", "batch send": "문자 발송",
        "batch plan": "배정표 작성(자동)", "sql": "데이터베이스 직접 변경",
    ]

    static func action(_ e: AuditEntry, before: [String: Any], after: [String: Any]) -> String {
        if e.entity == "assignment", e.via == "roster assign", after["forced"] as? Bool == true { return "강제 배정" }
        if e.entity == "labor_request", e.action == "update",
            "\(before["priority"] ?? "")" != "\(after["priority"] ?? "")"
                || "\(before["priority_source"] ?? "")" != "\(after["priority_source"] ?? "")"
        {
            return after["priority_source"] as? String == "override" ? "우선순위 변경" : "우선순위 정책 적용"
        }
        if let label = viaLabels[e.via] { return label }
        let what = entityLabels[e.entity] ?? "기타"
        switch e.action {
        case "create": return "\(what) 추가"
        case "delete": return "\(what) 삭제"
        case "state": return "\(what) 상태 변경"
        default: return "\(what) 변경"
        }
    }

    /// Korean names of the values a coordinator may read change; anything else is counted, not named.
    static let fieldLabels: [(key: String, label: String)] = [
        ("priority", "우선순위"), ("priority_source", "우선순위 근거"), ("status", "상태"), ("state", "상태"),
        ("headcount", "인원"), ("min_headcount", "최소인원"), ("start_time", "시작"), ("end_time", "종료"),
        ("wage", "일당"), ("skills", "기술"), ("cancel_reason", "취소 사유"), ("name", "이름"), ("phone", "전화"),
        ("area_ha", "경작 면적(ha)"), ("disaster_until", "재해·질병 기한"), ("farmer_birth_year", "농업인 출생연도"),
        ("woman_farmer", "여성 농업인"), ("disabled_farmer", "중증 장애"), ("no_family_labor", "가족 노동력 없음"),
        ("meeting_point", "집결지"), ("meeting_time", "집결시간"), ("address", "주소"), ("village", "마을"),
        ("category", "구분"), ("active", "활동"), ("max_travel_km", "최대 이동거리"), ("pinned", "고정"),
        ("forced", "강제"), ("excluded", "다시 배정 안 함"), ("base", "기본 점수"), ("small_farm_ha", "소규모 기준 면적"),
        ("small_farm_points", "소규모 점수"), ("disaster_points", "재해 점수"), ("elderly_age", "고령 기준 나이"),
        ("elderly_points", "고령 점수"), ("woman_points", "여성 점수"), ("disabled_points", "장애 점수"),
        ("no_family_points", "가족노동력 점수"), ("outcome", "출근"), ("note", "메모"),
    ]

    static let valueLabels: [String: String] = [
        "true": "예", "false": "아니오", "policy": "정책", "override": "직접 지정", "submitted": "접수",
        "cancelled": "취소", "closed": "마감", "completed": "출근", "no_show": "결근", "approved": "승인",
        "draft": "초안", "sent": "발송", "declined": "불참", "proposed": "제안", "confirmed": "확인",
    ]

    static func show(_ value: Any?) -> String {
        guard let value, !(value is NSNull) else { return "-" }
        if let b = value as? Bool { return b ? "예" : "아니오" }
        if let list = value as? [Any] { return list.map { show($0) }.joined(separator: ",") }
        let text = "\(value)"
        return valueLabels[text] ?? (text.count > 30 ? String(text.prefix(30)) + "…" : text)
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
                if bs != as_ { parts.append("\(label) \(bs) → \(as_)") }
            }
            for key in Set(before.keys).union(after.keys) where !known.contains(key) && !ignored.contains(key) {
                if "\(before[key] ?? "")" != "\(after[key] ?? "")" { others += 1 }
            }
        } else if e.action == "create", e.entity == "labor_request" {
            parts.append("우선순위 \(show(after["priority"])) (\(show(after["priority_source"])))")
        }
        if others > 0 { parts.append("그 밖의 \(others)개 항목") }
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
