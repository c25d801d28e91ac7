import KoreanText
import Texts
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
        guard let f, let t else { throw .badInput(T(.errWindowTogether, ["from": fromField, "to": toField])) }
        guard let start = TimeOfDay(f) else {
            throw .badInput(T(.errWindowStart, ["field": fromField, "value": Excerpt.quoted(f)]))
        }
        guard let end = TimeOfDay(rangeEnd: t) else {
            throw .badInput(T(.errWindowEnd, ["field": toField, "value": Excerpt.quoted(t)]))
        }
        guard start < end else {
            throw .badInput(T(.errWindowOrder, ["from": fromField, "start": f, "to": toField, "end": t]))
        }
        return (start, end)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
