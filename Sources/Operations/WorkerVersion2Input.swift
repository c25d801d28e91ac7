import KoreanText
import Records
import Scheduling
import Texts
import Vocabulary

/// What a person gave for a worker's version 2 values (`worker add/edit` flags, worker sheet columns); nil stays.
public struct WorkerVersion2Input: Sendable, Hashable {
    /// 일용/봉사/공공형 계절근로 (or day/volunteer/seasonal).
    public var pool: String?
    public var maxJobsPerDay: Int?
    /// Minutes; 0 lifts the cap.
    public var maxMinutesPerDay: Int?
    /// `YYYY-MM-DD`, or `none` (없음) to lift it.
    public var stayUntil: String?
    /// E-8 …, or `none`.
    public var visaType: String?
    /// y/n (차량 있음/없음).
    public var car: String?
    /// A pickup point's name, or `none`.
    public var pickupPoint: String?

    public init(
        pool: String? = nil, maxJobsPerDay: Int? = nil, maxMinutesPerDay: Int? = nil, stayUntil: String? = nil,
        visaType: String? = nil, car: String? = nil, pickupPoint: String? = nil
    ) {
        self.pool = pool
        self.maxJobsPerDay = maxJobsPerDay
        self.maxMinutesPerDay = maxMinutesPerDay
        self.stayUntil = stayUntil
        self.visaType = visaType
        self.car = car
        self.pickupPoint = pickupPoint
    }

    static let none: Set<String> = ["none", "없음", "-"]

    /// Checks and applies the values (the pickup point's name is checked against the center by the caller).
    ///
    /// - Throws: `OperationError.badInput` naming the field and what is wrong.
    func apply(to values: inout WorkerValues, source: InputSource) throws(OperationError) {
        if let text = pool {
            guard let p = WorkerPool(name: text) else {
                throw .badInput(T(.errNotAPool, ["field": source.name("pool", "pool"), "value": Excerpt.quoted(text)]))
            }
            values.pool = p
        }
        if let n = maxJobsPerDay {
            guard (1...4).contains(n) else {
                throw .badInput(
                    T(.errMaxJobsRange, ["field": source.name("max-jobs", "max_jobs_per_day"), "value": n]))
            }
            values.maxJobsPerDay = n
        }
        if let m = maxMinutesPerDay {
            guard (0...1440).contains(m) else {
                throw .badInput(
                    T(.errMaxMinutesRange, ["field": source.name("max-minutes", "max_minutes_per_day"), "value": m]))
            }
            values.maxMinutesPerDay = m == 0 ? nil : m
        }
        if let text = stayUntil?.trimmingCharacters(in: .whitespaces) {
            if Self.none.contains(text.lowercased()) {
                values.stayUntil = nil
            } else {
                guard let day = IlsonClock.calendarDay(text), day >= Day(year: 2000, month: 1, day: 1)!,
                    day <= Day(year: 2100, month: 12, day: 31)!
                else {
                    throw .badInput(
                        T(
                            .errNotADate,
                            ["field": source.name("stay-until", "stay_until"), "value": Excerpt.quoted(text)]))
                }
                values.stayUntil = day
            }
        }
        if let text = visaType?.trimmingCharacters(in: .whitespaces) {
            if Self.none.contains(text.lowercased()) {
                values.visaType = nil
            } else {
                let v = text.uppercased()
                guard v.wholeMatch(of: /[A-Z][A-Z0-9-]{0,9}/) != nil else {
                    throw .badInput(
                        T(.errNotAVisa, ["field": source.name("visa", "visa_type"), "value": Excerpt.quoted(text)]))
                }
                values.visaType = v
            }
        }
        if let text = car {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "y", "yes", "true", "1", "예", "있음", "o": values.car = true
            case "n", "no", "false", "0", "아니오", "없음", "x": values.car = false
            default:
                throw .badInput(
                    T(.errNotYesNoCar, ["field": source.name("car", "car"), "value": Excerpt.quoted(text)]))
            }
        }
        if let text = pickupPoint?.trimmingCharacters(in: .whitespaces) {
            if Self.none.contains(text.lowercased()) || text.isEmpty {
                values.pickupPoint = nil
            } else {
                guard text.count <= 40 else {
                    throw .badInput(
                        T(.errPickupNameLong, ["field": source.name("pickup-point", "pickup_point"), "limit": 40]))
                }
                values.pickupPoint = text
            }
        }
    }
}
