import Foundation
import KoreanText
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// What happened to one assignment on its day.
extension AttendanceOutcome {
    /// The assignment status the county counts: `completed` (attended, even late or leaving early) or `no_show`.
    public var assignmentStatus: AssignmentStatus { self == .noShow ? .noShow : .completed }

    /// Korean words a spreadsheet may use: 출근, 결근 (or 불참), 지각, 조퇴.
    public static let korean: [String: AttendanceOutcome] = [
        "출근": .present, "참석": .present, "결근": .noShow, "불참": .noShow, "지각": .late, "조퇴": .leftEarly,
    ]

    /// Parses `present`, `no_show` (or `no-show`), `late`, `left_early` (or `left-early`), or the Korean words.
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let k = AttendanceOutcome.korean[t] {
            self = k
            return
        }
        self.init(rawValue: t.lowercased().replacingOccurrences(of: "-", with: "_"))
    }
}

/// One outcome to record: a worker (by phone or id), optionally the farm they should have been at (checked),
/// the outcome, hours worked and a note.
public struct AttendanceEntry: Sendable, Hashable {
    public var worker: String
    public var farmCode: String?
    public var outcome: AttendanceOutcome
    public var hours: Double?
    public var note: String?
    /// The day, when entries span several (an import with a date column); nil: the command's date.
    public var date: Day?
    /// The line of an import file, for error messages.
    public var line: Int?
    /// The request (요청 번호), when the worker had several jobs that day (version 2).
    public var request: Int64?

    /// Creates an entry.
    public init(
        worker: String, farmCode: String? = nil, outcome: AttendanceOutcome, hours: Double? = nil,
        note: String? = nil, date: Day? = nil, line: Int? = nil
    ) {
        self.worker = worker
        self.farmCode = farmCode
        self.outcome = outcome
        self.hours = hours
        self.note = note
        self.date = date
        self.line = line
    }
}

/// What an attendance command did.
public struct AttendanceSummary: Sendable, Hashable {
    /// Outcomes recorded for the first time, corrected (different from before), and given again unchanged.
    public var recorded = 0
    public var corrected = 0
    public var unchanged = 0
    /// One line per change, phones masked: `김똠1 010-****-0001 F0 present 9.0 h`.
    public var lines: [String] = []
    /// Assignments of the days touched still without an outcome.
    public var stillUnrecorded: [AttendanceLine] = []
}

/// `attendance record` and `attendance import`: the record of what really happened, which the county counts.
public enum Attendance {
    /// The assignments of a center's day (today or earlier) with their outcomes so far.
    ///
    /// - Throws: `.badInput` for a day after today.
    public static func day(center: CenterRecord, date: Day, on db: Connection, clock: IlsonClock) throws
        -> [AttendanceLine]
    {
        try checkHappened(date, clock: clock)
        return try AttendanceStore.day(center: center.id, date: date, on: db)
    }

    /// Records (or corrects) outcomes, in one transaction. Every entry is checked first (the worker has an
    /// assignment that day on an approved or sent roster, at the farm given, once, with hours 0 to 24); on any
    /// bad entry nothing is written and every bad entry is named. A correction writes its before and after to
    /// the audit log.
    ///
    /// - Parameters:
    ///   - date: the day of entries without their own date.
    ///   - file: names lines in error messages when the entries come from a file.
    /// - Throws: `.badInput` listing every bad entry.
    public static func record(
        center: CenterRecord, date: Day?, entries: [AttendanceEntry], via: String = "attendance record",
        file: String? = nil, on db: Connection, clock: IlsonClock
    ) throws -> AttendanceSummary {
        guard !entries.isEmpty else {
            throw OperationError.badInput(T(.errNoOutcome))
        }
        return try db.transaction { tx in
            var errors: [(order: Int, text: String)] = []
            var days: [Day: [AttendanceLine]] = [:]
            var planned: [(AttendanceEntry, AttendanceLine, Day)] = []
            var seen: Set<Int64> = []
            for (i, entry) in entries.enumerated() {
                let place =
                    entry.line.map { T(.attLine, ["line": $0]) } ?? T(.attWorker, ["who": Phone.mask(entry.worker)])
                func bad(_ text: String) { errors.append((entry.line ?? i, "\(place): \(text)")) }
                guard let day = entry.date ?? date else {
                    bad(T(.attNoDate))
                    continue
                }
                guard day <= clock.today else {
                    bad(T(.attNotYet, ["date": RequestText.day(day), "today": RequestText.day(clock.today)]))
                    continue
                }
                let ref: PersonRef
                do {
                    ref = try PersonRef(entry.worker, role: "worker")
                } catch {
                    bad(String(describing: error))
                    continue
                }
                guard let worker = try AssignmentStore.worker(ref, center: center.id, on: tx) else {
                    bad(T(.errNoWorker, ["who": ref, "center": center.code]))
                    continue
                }
                if days[day] == nil { days[day] = try AttendanceStore.day(center: center.id, date: day, on: tx) }
                let who = "\(worker.name) \(Phone.mask(worker.phone))"
                // Several jobs a day: the request (or the farm) names which one.
                let jobs = days[day]!.filter {
                    $0.workerID == worker.id && (entry.request == nil || $0.requestID == entry.request)
                }
                let matching =
                    jobs.count > 1 && entry.farmCode != nil
                    ? jobs.filter { $0.farmCode.caseInsensitiveCompare(entry.farmCode!) == .orderedSame } : jobs
                if matching.count > 1 {
                    let jobs = matching.map { "\($0.farmName) \($0.start)-\($0.end) (--request \($0.requestID))" }
                    bad(
                        T(
                            .errAttendanceWhichJob,
                            [
                                "who": who, "day": day, "count": matching.count,
                                "jobs": jobs.joined(separator: ", "),
                            ]))
                    continue
                }
                guard let line = matching.first else {
                    bad(
                        T(
                            .errNoAssignmentOn,
                            [
                                "who": who, "day": day,
                                "request": entry.request.map { T(.errNoAssignmentOnRequest, ["request": $0]) } ?? "",
                            ]))
                    continue
                }
                if let farm = entry.farmCode, farm.caseInsensitiveCompare(line.farmCode) != .orderedSame {
                    bad(
                        T(
                            .attOtherFarm,
                            [
                                "who": who, "placed": "\(line.farmCode) \(line.farmName)", "date": RequestText.day(day),
                                "farm": farm,
                            ]))
                    continue
                }
                if let h = entry.hours, !(h >= 0 && h <= 24) {
                    bad(T(.attHours, ["hours": h]))
                    continue
                }
                if entry.outcome == .noShow, let h = entry.hours, h > 0 {
                    bad(T(.attNoShowHours, ["hours": h]))
                    continue
                }
                do {
                    _ = try RegistryInput.text(
                        entry.note, TextLimits.attendanceNote, option: entry.line == nil ? "--note" : "note")
                } catch {
                    bad(String(describing: error))
                    continue
                }
                guard seen.insert(line.assignmentID).inserted else {
                    bad(T(.attTwice, ["who": who, "date": RequestText.day(day)]))
                    continue
                }
                planned.append((entry, line, day))
            }
            if !errors.isEmpty {
                let sorted = errors.sorted { $0.order < $1.order }.map(\.text)
                throw OperationError.badInput(
                    (file.map { "\($0): " } ?? "")
                        + (sorted.count == 1 ? T(.attBadEntry) : T(.attBadEntries, ["count": sorted.count])) + "\n"
                        + sorted.map { "  " + $0 }.joined(separator: "\n"))
            }

            var summary = AttendanceSummary()
            for (entry, line, day) in planned {
                let hours = entry.hours ?? defaultHours(entry.outcome, line)
                let note = RosterDecline.trimmed(entry.note) ?? defaultNote(entry.outcome)
                let who = "\(line.workerName) \(Phone.mask(line.workerPhone)) \(line.farmCode)"
                let values: [String: any CustomStringConvertible] = [
                    "day": RequestText.day(day), "who": who, "outcome": RequestText.outcome(entry.outcome),
                    "hours": hours.map { " \(format($0)) h" } ?? "",
                ]
                if line.outcome == entry.outcome && line.hours == hours && line.note == note
                    && line.status == entry.outcome.assignmentStatus
                {
                    summary.unchanged += 1
                    continue
                }
                let before = try AttendanceStore.snapshot(assignment: line.assignmentID, on: tx)
                try AttendanceStore.record(
                    assignment: line.assignmentID, center: center.id, date: day, outcome: entry.outcome,
                    hours: hours, note: note, status: entry.outcome.assignmentStatus, on: tx)
                let correction = line.outcome != nil
                try AuditLog.record(
                    on: tx, center: center.id, via: via, entity: "attendance", id: String(line.assignmentID),
                    action: correction ? .update : .create, before: before,
                    after: try AttendanceStore.snapshot(assignment: line.assignmentID, on: tx))
                if correction {
                    summary.corrected += 1
                    var corrected = values
                    corrected["was"] = RequestText.outcome(line.outcome!)
                    corrected["wasHours"] = line.hours.map { " \(format($0)) h" } ?? ""
                    summary.lines.append(T(.attCorrectedLine, corrected))
                } else {
                    summary.recorded += 1
                    summary.lines.append(T(.attRecordedLine, values))
                }
            }
            for day in days.keys.sorted() {
                summary.stillUnrecorded += try AttendanceStore.day(center: center.id, date: day, on: tx).filter {
                    $0.outcome == nil
                }
            }
            return summary
        }
    }

    /// The columns of an attendance file (`spec`: see the README's attendance.csv).
    static let columns = [
        ImportColumn(key: "phone", korean: "전화번호", required: true),
        ImportColumn(key: "farm", korean: "농가코드", required: true),
        ImportColumn(key: "status", korean: "출근상태", required: true),
        ImportColumn(key: "hours", korean: "근무시간"),
        ImportColumn(key: "date", korean: "날짜"),
        ImportColumn(key: "note", korean: "비고"),
    ]

    /// Imports an attendance CSV (UTF-8 with or without BOM, or CP949; English or Korean headers): every row is
    /// checked before anything is written; one bad row means nothing is recorded, and every bad row is named by
    /// its line.
    ///
    /// - Parameters:
    ///   - date: the day of rows without a date column (or cell).
    /// - Throws: `.badInput` naming each bad line.
    public static func importCSV(
        bytes: [UInt8], file: String, center: CenterRecord, date: Day?, on db: Connection, clock: IlsonClock
    ) throws -> (summary: AttendanceSummary, encoding: String) {
        let table = try ImportTable(bytes: bytes, columns: columns, file: file)
        var errors = RowErrors(file: file)
        var entries: [AttendanceEntry] = []
        for row in table.rows {
            let entry = try errors.check(line: row.line) { () throws(OperationError) -> AttendanceEntry in
                guard let phone = row["phone"] else { throw .badInput(T(.attPhoneEmpty)) }
                guard let statusText = row["status"] else { throw .badInput(T(.attStatusEmpty)) }
                guard let outcome = AttendanceOutcome(text: statusText) else {
                    throw .badInput(T(.attBadStatus, ["value": Excerpt.quoted(statusText)]))
                }
                var day: Day?
                if let text = row["date"] { day = try clock.parse(text, field: "date (날짜)") }
                return AttendanceEntry(
                    worker: phone, farmCode: row["farm"], outcome: outcome, hours: try row.double("hours"),
                    note: row["note"], date: day, line: row.line)
            }
            if let entry { entries.append(entry) }
        }
        try errors.throwIfAny()
        if entries.isEmpty { throw OperationError.badInput(T(.attNoRows, ["file": file])) }
        let summary = try record(
            center: center, date: date, entries: entries, via: "attendance import", file: file, on: db, clock: clock)
        return (summary, table.encoding.rawValue)
    }

    static func checkHappened(_ date: Day, clock: IlsonClock) throws {
        guard date <= clock.today else {
            throw OperationError.badInput(
                T(.attNotYet, ["date": RequestText.day(date), "today": RequestText.day(clock.today)]))
        }
    }

    /// Hours when none are given: the scheduled span for `present`, none for a no-show, unknown otherwise.
    static func defaultHours(_ outcome: AttendanceOutcome, _ line: AttendanceLine) -> Double? {
        switch outcome {
        case .present:
            guard let s = minutes(line.start), let e = minutes(line.end), e > s else { return nil }
            return Double(e - s) / 60
        case .noShow: return 0
        case .late, .leftEarly: return nil
        }
    }

    static func defaultNote(_ outcome: AttendanceOutcome) -> String? {
        switch outcome {
        case .late: "지각"
        case .leftEarly: "조퇴"
        case .present, .noShow: nil
        }
    }

    static func minutes(_ hm: String) -> Int? {
        let parts = hm.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return h * 60 + m
    }

    /// `9.0`, `7.5`.
    static func format(_ hours: Double) -> String { String(format: "%.1f", hours) }
}
