import KoreanText
import Records
import Scheduling
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
                throw .badInput(
                    "\(source.name("pool", "pool")) \(Excerpt.quoted(text))은(는) 인력 구분이 아닙니다: 일용, 봉사, 공공형 계절근로 "
                        + "(day, volunteer, seasonal)")
            }
            values.pool = p
        }
        if let n = maxJobsPerDay {
            guard (1...4).contains(n) else {
                throw .badInput("\(source.name("max-jobs", "max_jobs_per_day")) \(n): 하루 일 수는 1에서 4까지입니다")
            }
            values.maxJobsPerDay = n
        }
        if let m = maxMinutesPerDay {
            guard (0...1440).contains(m) else {
                throw .badInput(
                    "\(source.name("max-minutes", "max_minutes_per_day")) \(m): 하루 최대 분은 1에서 1440까지입니다 (0은 제한 없음)")
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
                        "\(source.name("stay-until", "stay_until")) \(Excerpt.quoted(text))은(는) 날짜(YYYY-MM-DD)가 아닙니다")
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
                        "\(source.name("visa", "visa_type")) \(Excerpt.quoted(text))은(는) 비자 종류(예: E-8)가 아닙니다")
                }
                values.visaType = v
            }
        }
        if let text = car {
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "y", "yes", "true", "1", "예", "있음", "o": values.car = true
            case "n", "no", "false", "0", "아니오", "없음", "x": values.car = false
            default:
                throw .badInput("\(source.name("car", "car")) \(Excerpt.quoted(text))은(는) 있음/없음(y/n)이 아닙니다")
            }
        }
        if let text = pickupPoint?.trimmingCharacters(in: .whitespaces) {
            if Self.none.contains(text.lowercased()) || text.isEmpty {
                values.pickupPoint = nil
            } else {
                guard text.count <= 40 else {
                    throw .badInput("\(source.name("pickup-point", "pickup_point")): 승차 지점 이름은 40자까지입니다")
                }
                values.pickupPoint = text
            }
        }
    }
}
