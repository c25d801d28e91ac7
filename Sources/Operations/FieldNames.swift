import Records
import Texts

/// A field as a message names it, in the current language: a sheet's column by its Korean header (`phone` →
/// `전화번호`), a field of `TextLimits` in words (`worker name` → `인력 이름`). Options (`--phone`) stay as typed.
enum FieldNames {
    /// Column key → Korean header, over every import format.
    static let koreanColumns: [String: String] = {
        var names: [String: String] = [:]
        for column in WorkerImport.columns + FarmImport.columns + RequestImport.columns + PickupImport.columns {
            names[column.key] = names[column.key] ?? column.korean
        }
        return names
    }()

    /// `TextField.label` → its Korean words.
    static let koreanLabels: [String: String] = [
        "attendance note": "출근 비고", "availability note": "가능 기간 메모", "block reason": "차단 사유",
        "center name": "센터 이름", "farm address": "농가 주소", "farm name": "농가명", "farmer name": "농업인 이름",
        "meeting point": "집결지", "message template": "문자 양식", "pickup point name": "승차 지점 이름",
        "reason": "사유", "skill or task name": "기술·작업 이름", "task": "작업", "village": "마을",
        "worker name": "인력 이름",
    ]

    /// A column key or an option as the message shows it: in Korean, a known column's Korean header.
    static func shown(_ field: String) -> String {
        guard Language.current == .ko, !field.hasPrefix("--") else { return field }
        return koreanColumns[field] ?? field
    }

    /// A text field's label in the current language.
    static func label(_ field: TextField) -> String {
        Language.current == .ko ? koreanLabels[field.label] ?? field.label : field.label
    }
}
