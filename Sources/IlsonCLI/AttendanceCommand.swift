import ArgumentParser
import Foundation
import KoreanText
import Operations
import Records
import Scheduling
import Texts
import Vocabulary

#if canImport(Glibc)
    import Glibc
#endif

/// `ilson attendance`: the record of what really happened on a day (the county counts only that).
struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance", abstract: T(.aboutAttendance),
        subcommands: [Show.self, Record.self, Import.self])

    /// The assignments of a day with their outcomes so far.
    struct Show: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: T(.aboutAttendanceShow))
        @OptionGroup var options: RosterDayOptions

        func run(_ context: CommandContext) throws {
            let (date, center) = try (context.date, context.center)
            let lines = try Attendance.day(center: center, date: date, on: context.db, clock: context.clock)
            AttendanceCommand.render(lines, date: date)
        }
    }

    struct Record: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: T(.aboutAttendanceRecord),
            discussion: T(.helpAttendance0))
        @OptionGroup var options: RosterDayOptions
        @Option(help: ArgumentHelp(T(.helpWorkersWhoCame)), transform: Placed.text("--present"))
        var present: [Placed<String>] = []
        @Option(
            name: .customLong("no-show"), help: ArgumentHelp(T(.helpWorkersWhoDidNot)),
            transform: Placed.text("--no-show"))
        var noShow: [Placed<String>] = []
        @Option(help: ArgumentHelp(T(.helpWorkersWhoCameLate)), transform: Placed.text("--late"))
        var late: [Placed<String>] = []
        @Option(
            name: .customLong("left-early"), help: ArgumentHelp(T(.helpWorkersWhoLeftEarly)),
            transform: Placed.text("--left-early"))
        var leftEarly: [Placed<String>] = []
        @Option(
            help: ArgumentHelp(T(.helpHoursWorkedWorkersNamed)),
            transform: Placed.number("--hours"))
        var hours: [Placed<Double>] = []
        @Option(
            help: ArgumentHelp(T(.helpNoteKeptOutcomesWorkers)),
            transform: Placed.text("--note"))
        var note: [Placed<String>] = []
        @Option(help: ArgumentHelp(T(.helpRequestWorkersNamedHad))) var request: Int64?

        /// The outcomes of the command line, each worker with the hours and note written right after their group.
        func entries() throws -> [AttendanceEntry] {
            let groups =
                (present.map { (AttendanceOutcome.present, $0) } + noShow.map { (.noShow, $0) }
                + late.map { (.late, $0) } + leftEarly.map { (.leftEarly, $0) })
                .sorted { $0.1.position < $1.1.position }
            /// The group written last before `position`, by its index in `groups`.
            func owner(of option: String, at position: Int) throws -> Int {
                guard let index = groups.lastIndex(where: { $0.1.position < position }) else {
                    throw CommandFailure(T(.errAttendanceBeforeWorkers, ["option": option]), exitCode: .badInput)
                }
                return index
            }
            var hoursOf: [Int: Double] = [:]
            for h in hours {
                let index = try owner(of: h.spelling, at: h.position)
                guard hoursOf[index] == nil else {
                    throw CommandFailure(
                        T(.errAttendanceTwoHours, ["workers": groups[index].1.spelling]), exitCode: .badInput)
                }
                hoursOf[index] = h.value
            }
            var noteOf: [Int: String] = [:]
            for n in note {
                let index = try owner(of: "--note", at: n.position)
                guard noteOf[index] == nil else {
                    throw CommandFailure(
                        T(.errAttendanceTwoNotes, ["workers": groups[index].1.spelling]), exitCode: .badInput)
                }
                noteOf[index] = n.value
            }
            return groups.enumerated().flatMap { index, group in
                (splitList(group.1.value) ?? []).filter { !$0.isEmpty }.map {
                    var entry = AttendanceEntry(
                        worker: $0, outcome: group.0, hours: hoursOf[index], note: noteOf[index])
                    entry.request = request
                    return entry
                }
            }
        }

        func run(_ context: CommandContext) throws {
            let (date, center) = try (context.date, context.center)
            var entries = try entries()
            if entries.isEmpty {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw CommandFailure(T(.errAttendanceNoOutcome), exitCode: .badInput)
                }
                entries = try AttendanceCommand.ask(
                    try Attendance.day(center: center, date: date, on: context.db, clock: context.clock))
                if entries.isEmpty {
                    Swift.print(T(.attendanceNothingRecorded))
                    return
                }
            }
            let s = try Attendance.record(
                center: center, date: date, entries: entries, on: context.db, clock: context.clock)
            AttendanceCommand.print(s)
        }
    }

    struct Import: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: T(.aboutAttendanceImport),
            discussion: T(.helpAttendance1) + "\n" + T(.helpColumns) + "\n" + ImportFormats.attendance.helpText)
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpDayRowsWithoutDate))) var date: DateArgument?
        @OptionGroup var input: InputFileArgument

        func run(_ context: CommandContext) throws {
            if try input.writeTemplate(ImportFormats.attendance) { return }
            let clock = try context.clock
            let c = try context.center
            let day = try date.map { try context.day($0) }
            let (s, encoding) = try Attendance.importCSV(
                bytes: input.bytes(), file: input.file, center: c, date: day, on: context.db, clock: clock)
            Swift.print("\(input.file) (\(encoding)):")
            AttendanceCommand.print(s)
        }
    }

    static func print(_ s: AttendanceSummary) {
        for line in s.lines { Swift.print("  \(line)") }
        Swift.print(T(.attSummary, ["recorded": s.recorded, "corrected": s.corrected, "unchanged": s.unchanged]))
        if !s.stillUnrecorded.isEmpty {
            Swift.print(T(.attStillMissing))
            for l in s.stillUnrecorded {
                Swift.print("  \(l.workerName) \(Phone.mask(l.workerPhone)) \(l.farmCode) \(l.farmName)")
            }
        }
    }

    /// An attendance outcome as the coordinator reads it (`no_show` → `결근`).
    static func outcome(_ o: AttendanceOutcome) -> String { RequestText.outcome(o) }

    static func render(_ lines: [AttendanceLine], date: Day) {
        if lines.isEmpty {
            Swift.print(T(.attendanceNone, ["date": RequestText.day(date)]))
            return
        }
        var table = TextTable(
            headers: [T(.colFarm), T(.colName), T(.colPhone), T(.colTime), T(.colStatus), T(.colHours), T(.colNote)],
            alignments: [.left, .left, .left, .left, .left, .right, .left])
        for l in lines {
            table.append([
                "\(l.farmCode) \(l.farmName)", l.workerName, Phone.mask(l.workerPhone), "\(l.start)~\(l.end)",
                l.outcome.map(outcome) ?? T(.statusNone), l.hours.map { String(format: "%.1f", $0) } ?? "",
                l.note ?? "",
            ])
        }
        Swift.print(table.render(), terminator: "")
        let missing = lines.filter { $0.outcome == nil }.count
        Swift.print(T(.attendanceRecorded, ["recorded": lines.count - missing, "count": lines.count]))
    }

    /// A worker's day as their record shows it (English: the stored word, `no_show`).
    static func dayOutcome(_ o: AttendanceOutcome) -> String {
        switch o {
        case .present: T(.dayCompleted)
        case .noShow: T(.dayNoShow)
        case .late: T(.dayLate)
        case .leftEarly: T(.dayLeftEarly)
        }
    }

    /// Asks for each assignment at the terminal: Enter = present.
    static func ask(_ lines: [AttendanceLine]) throws -> [AttendanceEntry] {
        Swift.print(T(.attendancePrompt))
        var entries: [AttendanceEntry] = []
        for l in lines {
            let now = l.outcome.map { T(.attendanceNow, ["outcome": AttendanceCommand.outcome($0)]) } ?? ""
            Swift.print(
                "\(l.farmCode) \(l.farmName) \(l.start): \(l.workerName) \(Phone.mask(l.workerPhone))\(now) > ",
                terminator: "")
            fflush(nil)
            guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { break }
            let outcome: AttendanceOutcome
            switch answer {
            case "", "p": outcome = .present
            case "n": outcome = .noShow
            case "l": outcome = .late
            case "e": outcome = .leftEarly
            case "q": return entries
            default: continue
            }
            var hours: Double?
            if outcome == .late || outcome == .leftEarly {
                Swift.print(T(.attendanceHoursPrompt), terminator: "")
                fflush(nil)
                hours = readLine().flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            }
            var entry = AttendanceEntry(worker: String(l.workerID), outcome: outcome, hours: hours)
            entry.request = l.requestID
            entries.append(entry)
        }
        return entries
    }
}

extension AttendanceCommand {
    /// The part of `ilson worker show` that tells a worker's record: recent days, no-shows and declines.
    static func printWorkerDays(worker: Int64, context: CommandContext) throws {
        let r = try WorkerDays.load(worker: worker, limit: 10, on: context.db, clock: context.clock)
        Swift.print(T(.workerRecord, ["completed": r.completed, "noShows": r.noShows, "declined": r.declined]))
        guard !r.days.isEmpty else { return }
        Swift.print(T(.workerRecentDays))
        var table = TextTable(
            headers: [T(.colDate), T(.colFarm), T(.colTask), T(.colStatus), T(.colHours), T(.colNote)],
            alignments: [.left, .left, .left, .left, .right, .left])
        for d in r.days {
            let status = d.outcome.map(dayOutcome) ?? RequestText.assignment(d.status)
            table.append([
                d.date.description, "\(d.farmCode) \(d.farmName)", d.task, status,
                d.hours.map { String(format: "%.1f", $0) } ?? "", d.note ?? d.reason ?? "",
            ])
        }
        Swift.print(table.render(), terminator: "")
    }
}
