import ArgumentParser
import Foundation
import KoreanText
import Operations
import Records
import Scheduling
import Texts
import Vocabulary

/// `ilson request`: labor requests (인력 요청), one per farm and day, grouped in jobs.
struct RequestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: T(.aboutRequest),
        subcommands: [Submit.self, Edit.self, List.self, Show.self, Cancel.self, Import.self])

    struct Submit: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit",
            abstract: T(.aboutRequestSubmit))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpFarmCode))) var farm: String
        @Option(help: ArgumentHelp(T(.helpFirstDayYyyyMm))) var date: DateArgument
        @Option(help: ArgumentHelp(T(.helpConsecutiveDays))) var days: Int?
        @Option(help: ArgumentHelp(T(.helpStartHhMm))) var start: String
        @Option(help: ArgumentHelp(T(.helpEndHhMm))) var end: String
        @Option(help: ArgumentHelp(T(.helpTaskKoreanNameCode))) var task: String
        @Option(help: ArgumentHelp(T(.helpRequiredSkillsCommaSeparated))) var skills: String?
        @Option(help: ArgumentHelp(T(.helpPeopleWanted))) var headcount: Int
        @Option(help: ArgumentHelp(T(.helpFewestPeopleWorthGoing))) var min: Int?
        @Option(help: ArgumentHelp(T(.helpDayWageKrw))) var wage: Int?
        @Option(
            name: .customLong("max-travel-km"), help: ArgumentHelp(T(.helpFarthestWorkerMayCome)),
            transform: DecimalArgument.parse) var maxTravelKm: Double?
        @Option(help: ArgumentHelp(T(.helpInsteadCenterSPolicy))) var priority: Int?
        @OptionGroup var version2: RequestVersion2Options

        func run(_ context: CommandContext) throws {
            let job = try Requests.submit(
                version2.apply(
                    to: RequestInput(
                        farm: farm, date: date.text, days: days, start: start, end: end, task: task,
                        skills: splitList(skills),
                        headcount: headcount, minHeadcount: min, priority: priority, wage: wage,
                        maxTravelKm: maxTravelKm)),
                center: options.center, clock: context.clock, on: context.db)
            print(
                T(
                    .reqJobCreated,
                    ["job": job.jobID, "farm": job.farm.code, "name": job.farm.name, "count": job.requestIDs.count]))
            for (id, day) in zip(job.requestIDs, job.dates) { print(T(.reqJobLine, ["id": id, "day": day])) }
        }
    }

    struct Edit: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: T(.aboutRequestEdit),
            discussion: T(.helpRequest0),
            aliases: ["update"])
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpRequest)), transform: RequestNumber.parse) var id: Int64
        @Option(help: ArgumentHelp(T(.helpHigherFilledFirstOverrides)))
        var priority: Int?
        @Option(help: ArgumentHelp(T(.helpWhyPriorityDiffersPolicy)))
        var reason: String?
        @Flag(name: .customLong("policy-priority"), help: ArgumentHelp(T(.helpTakePriorityCenterS)))
        var policyPriority = false
        @Option(help: ArgumentHelp(T(.helpPeopleWanted))) var headcount: Int?
        @Option(help: ArgumentHelp(T(.helpFewestPeopleWorthGoing2))) var min: Int?
        @Option(help: ArgumentHelp(T(.helpStartHhMm))) var start: String?
        @Option(help: ArgumentHelp(T(.helpEndHhMm))) var end: String?
        @Option(help: ArgumentHelp(T(.helpRequiredSkillsCommaSeparated))) var skills: String?
        @Option(help: ArgumentHelp(T(.helpDayWageKrw))) var wage: Int?
        @Option(
            name: .customLong("max-travel-km"), help: ArgumentHelp(T(.helpFarthestWorkerMayCome)),
            transform: DecimalArgument.parse) var maxTravelKm: Double?
        @OptionGroup var version2: RequestVersion2Options

        func run(_ context: CommandContext) throws {
            let (request, changed) = try Requests.edit(
                id,
                version2.apply(
                    to: RequestInput(
                        start: start, end: end, skills: splitList(skills), headcount: headcount, minHeadcount: min,
                        priority: priority, wage: wage, maxTravelKm: maxTravelKm, priorityReason: reason,
                        policyPriority: policyPriority)),
                center: options.center, clock: context.clock, on: context.db)
            print(T(changed ? .reqChanged : .reqUnchanged, ["id": id]))
            print(RequestCommand.table([request]), terminator: "")
        }
    }

    struct List: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T(.aboutRequestList))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpDay))) var date: DateArgument?
        @Option(help: ArgumentHelp(T(.helpFirstDay))) var from: DateArgument?
        @Option(help: ArgumentHelp(T(.helpLastDay))) var to: DateArgument?
        @Option(help: ArgumentHelp(T(.helpOnlyFarm))) var farm: String?
        @Option(help: ArgumentHelp(T(.optFormatAll))) var format: OutputFormat = .table
        @OptionGroup var csv: CSVEncodingOption

        func run(_ context: CommandContext) throws {
            var first: Day? = try from.map { try context.day($0, field: "--from") }
            var last: Day? = try to.map { try context.day($0, field: "--to") }
            if let date {
                guard from == nil && to == nil else {
                    throw CommandFailure(T(.reqBothDates), exitCode: .badInput)
                }
                first = try context.day(date, field: "--date")
                last = first
            }
            if first == nil && last == nil { first = try context.clock.today }
            let (center, stored) = try Requests.list(
                from: first, to: last, farm: farm, center: options.center, on: context.db)
            // Tasks and skills as people read them (the catalogue's Korean names).
            let (tasks, skills) = try (
                Catalogues.load(.task, center: center, on: context.db),
                Catalogues.load(.skill, center: center, on: context.db)
            )
            let requests = stored.map { r in
                var shown = r
                shown.values.task = tasks.name(of: r.values.task)
                shown.values.skills = r.values.skills.map(skills.name(of:))
                return shown
            }
            try context.format.write(
                table: { RequestCommand.table(requests) + "\(requests.count) request(s)\n" },
                headers: RequestCommand.headers, rows: requests.map(RequestCommand.cells),
                json: requests.map(RequestJSON.init), encoding: csv.encoding)
        }
    }

    struct Show: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: T(.aboutRequestShow))
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpRequest)), transform: RequestNumber.parse) var id: Int64

        func run(_ context: CommandContext) throws {
            let (r, job) = try Requests.show(id, center: options.center, on: context.db)
            let v = r.values
            // Tasks and skills by their names in the center's catalogue (수확), as the coordinator typed them.
            let center = try context.center
            let tasks = try Catalogues.load(.task, center: center, on: context.db)
            let skills = try Catalogues.load(.skill, center: center, on: context.db)
            print(
                T(
                    .reqShowHead,
                    [
                        "id": r.id, "job": r.jobID, "status": RequestText.status(r.status),
                        "reason": r.cancelReason.map { " (\($0))" } ?? "",
                    ]))
            print(
                T(
                    .reqShowFarm,
                    [
                        "farm": r.farmCode, "name": r.farmName, "date": v.date, "start": v.start, "end": v.end,
                        "task": tasks.name(of: v.task),
                    ]))
            print(
                T(
                    .reqShowHeadcount,
                    [
                        "headcount": v.headcount, "min": v.minHeadcount, "priority": v.priority,
                        "skills": v.skills.isEmpty ? "-" : v.skills.map(skills.name(of:)).joined(separator: ", "),
                    ]))
            print(
                T(
                    .reqShowWage,
                    [
                        "wage": v.wage.map { T(.reqWon, ["amount": formatWon($0)]) } ?? "-",
                        "km": v.maxTravelKm.map { formatNumber($0) + " km" } ?? "-",
                    ]))
            print(RequestVersion2Options.describe(v))
            print(
                T(
                    .reqShowRoster,
                    ["date": v.date, "state": r.rosterState.map(RequestText.state) ?? T(.reqNotPlanned)]))
            let terms = try Requests.policyTerms(of: r, on: context.db)
            switch r.priorityOrigin.prioritySource {
            case .policy:
                print(T(.reqPriorityPolicy, ["priority": v.priority, "terms": PolicyText.terms(terms)]))
            case .override:
                print(
                    T(
                        .reqPriorityOverride,
                        [
                            "priority": v.priority, "reason": r.priorityOrigin.priorityReason ?? "-",
                            "by": r.priorityOrigin.priorityBy ?? "-", "terms": PolicyText.terms(terms),
                        ]))
            }
            if job.count > 1 {
                print(T(.reqJobDays, ["job": r.jobID, "count": job.count]))
                print(RequestCommand.table(job), terminator: "")
            }
        }
    }

    struct Cancel: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: T(.aboutRequestCancel))
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpRequest)), transform: RequestNumber.parse) var id: Int64
        @Flag(name: .customLong("whole-job"), help: ArgumentHelp(T(.helpCancelEveryRemainingDay))) var wholeJob = false
        @Option(help: ArgumentHelp(T(.helpWhy))) var reason: String?

        func run(_ context: CommandContext) throws {
            let (cancelled, notices) = try Requests.cancelTelling(
                id, wholeJob: wholeJob, reason: reason, center: options.center, clock: context.clock, on: context.db)
            let list = cancelled.map { T(.reqCancelledItem, ["id": $0.id, "date": $0.values.date]) }
            print(T(.reqCancelled, ["count": cancelled.count, "list": list.joined(separator: ", ")]))
            for report in notices { DayOfOutput.print(report) }
        }
    }

    struct Import: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: T(.aboutRequestImport),
            discussion: T(.helpRequestImport) + "\n" + T(.helpColumns) + "\n" + ImportFormats.requests.helpText)
        @OptionGroup var options: CenterOptions
        @OptionGroup var input: InputFileArgument

        func run(_ context: CommandContext) throws {
            if try input.writeTemplate(ImportFormats.requests) { return }
            let summary = try RequestImport.run(
                bytes: input.bytes(), file: input.file, center: options.center, clock: context.clock, on: context.db)
            // Written unbuffered, so the summary comes before the exit-1 line on stderr.
            FileHandle.standardOutput.write(Data((summary.description + "\n").utf8))
            if !summary.reported.isEmpty {
                throw CommandFailure(T(.reqImportReported, ["count": summary.reported.count]), exitCode: .partial)
            }
        }
    }

    static let headers = [
        "id", "job", "date", "farm", "name", "time", "task", "skills", "head", "min", "prio", "wage", "status",
    ]

    static func cells(_ r: RequestRecord) -> [String] {
        let v = r.values
        return [
            String(r.id), String(r.jobID), v.date.description, r.farmCode, r.farmName, "\(v.start)-\(v.end)", v.task,
            v.skills.joined(separator: ";"), String(v.headcount), String(v.minHeadcount), String(v.priority),
            formatWon(v.wage), r.status.rawValue,
        ]
    }

    static func table(_ requests: [RequestRecord]) -> String {
        var table = TextTable(
            headers: headers,
            alignments: [.right, .right, .left, .left, .left, .left, .left, .left, .right, .right, .right, .right])
        for request in requests { table.append(cells(request)) }
        return table.render()
    }
}

/// A request in `request list --format json`.
struct RequestJSON: Encodable {
    var id: Int64, job: Int64, date: String, farm: String, start: String, end: String, task: String
    var skills: [String], headcount: Int, minHeadcount: Int, priority: Int, wage: Int?, maxTravelKm: Double?
    var status: String

}

extension RequestJSON {
    init(_ r: RequestRecord) {
        let v = r.values
        self.init(
            id: r.id, job: r.jobID, date: v.date.description, farm: r.farmCode, start: v.start.description,
            end: v.end.description, task: v.task, skills: v.skills, headcount: v.headcount,
            minHeadcount: v.minHeadcount,
            priority: v.priority, wage: v.wage, maxTravelKm: v.maxTravelKm, status: r.status.rawValue)
    }
}
