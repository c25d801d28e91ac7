import KoreanText
import Vocabulary

/// A window of hours within each date of an availability range (`--from 06:00 --to 12:00`, sheet columns
/// 가능시작시각/가능종료시각).
public enum AvailabilityWindow {
    /// The window of two texts, nil when both are missing.
    ///
    /// - Throws: `OperationError.badInput` when one is missing, either is not `HH:MM` (the end may be `24:00`), or
    ///   the start is not before the end.
    static func parse(from: String?, to: String?, fromField: String, toField: String) throws(OperationError)
        -> (from: TimeOfDay, to: TimeOfDay)?
    {
        let f = from?.trimmingCharacters(in: .whitespaces).nonEmpty
        let t = to?.trimmingCharacters(in: .whitespaces).nonEmpty
        guard f != nil || t != nil else { return nil }
        guard let f, let t else { throw .badInput("\(fromField)와(과) \(toField)는 함께 주어야 합니다 (예: 06:00, 12:00)") }
        guard let start = TimeOfDay(f) else {
            throw .badInput("\(fromField) \(Excerpt.quoted(f))은(는) 시각(HH:MM)이 아닙니다")
        }
        guard let end = TimeOfDay(rangeEnd: t) else {
            throw .badInput("\(toField) \(Excerpt.quoted(t))은(는) 시각(HH:MM, 24:00까지)이 아닙니다")
        }
        guard start < end else { throw .badInput("\(fromField) \(f)이(가) \(toField) \(t)보다 앞서야 합니다") }
        return (start, end)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
