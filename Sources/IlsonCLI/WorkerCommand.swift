import ArgumentParser
import KoreanText
import Operations
import Records
import Texts
import Vocabulary

/// `ilson worker`: workers (작업자).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: T(.aboutWorker),
        subcommands: [Add.self, List.self, Show.self, Edit.self, Deactivate.self, Availability.self, Import.self])

    /// The fields `add` and `edit` share.
    struct Fields: ParsableArguments {
        @Option(help: ArgumentHelp(T(.helpHomePickupLatitude)), transform: DecimalArgument.parse) var lat: Double?
        @Option(help: ArgumentHelp(T(.helpHomePickupLongitude)), transform: DecimalArgument.parse) var lon: Double?
        @Option(help: ArgumentHelp(T(.helpVillageCenterSCounty))) var village: String?
        @Option(help: ArgumentHelp(T(.helpSkillsKoreanNameCode))) var skills: String?
        @Option(help: ArgumentHelp(T(.helpSeniorYouthWomenDisabled))) var category: String?
        @Option(
            name: .customLong("max-travel-km"), help: ArgumentHelp(T(.helpFarthestFarmHomeKm)),
            transform: DecimalArgument.parse) var maxTravelKm: Double?
        @Option(name: .customLong("max-days-per-week"), help: ArgumentHelp(T(.helpMostDaysWeek))) var maxDaysPerWeek:
            Int?
        @Option(name: .customLong("sms-consent"), help: ArgumentHelp(T(.helpYN))) var smsConsent: String?
        @Option(
            name: .customLong("allowed-farms"),
            help: ArgumentHelp(T(.helpFarmCodesWorkerMay)))
        var allowedFarms: String?
        @OptionGroup var version2: WorkerVersion2Options

        func input(name: String?, phone: String?) -> WorkerInput {
            var input = WorkerInput(
                name: name, phone: phone, location: LocationInput(lat: lat, lon: lon, village: village),
                skills: splitList(skills), category: category, maxTravelKm: maxTravelKm, maxDaysPerWeek: maxDaysPerWeek,
                smsConsent: smsConsent, allowedFarms: splitList(allowedFarms))
            input.version2 = version2.input
            return input
        }
    }

    struct Add: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T(.aboutWorkerAdd))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpName))) var name: String
        @Option(help: ArgumentHelp(T(.helpMobileNumberUniqueCenter))) var phone: String
        @OptionGroup var fields: Fields

        func run(_ context: CommandContext) throws {
            let worker = try Workers.add(fields.input(name: name, phone: phone), center: options.center, on: context.db)
            print(
                T(
                    .workerAdded,
                    ["name": worker.values.name, "phone": Phone.mask(worker.values.phone), "id": worker.id]))
            print(WorkerCommand.describe(worker, skills: try WorkerCommand.skills(context)), terminator: "")
        }
    }

    struct List: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T(.aboutWorkerList))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.optFormatAll))) var format: OutputFormat = .table
        @OptionGroup var csv: CSVEncodingOption
        @Flag(help: ArgumentHelp(T(.helpIncludeDeactivatedWorkers))) var all = false

        func run(_ context: CommandContext) throws {
            let (center, workers) = try Workers.list(center: options.center, includeInactive: all, on: context.db)
            let skills = try Catalogues.load(.skill, center: center, on: context.db)
            // The CSV and JSON keep their stable English column names; the table a person reads is in their language.
            let headers = [
                "id", "name", "phone", "category", "village", "skills", "max km", "days/wk", "sms", "allowed farms",
                "active",
            ]
            let titles = [
                T(.colNumber), T(.colName), T(.colPhone), T(.colCategory), T(.colVillage), T(.colSkills), T(.colMaxKm),
                T(.colDaysPerWeek), T(.colSms), T(.colAllowedFarms), T(.colActive),
            ]
            let rows = workers.map { w -> [String] in
                let v = w.values
                return [
                    String(w.id), v.name, Phone.mask(v.phone), Workers.categoryLabel(v.category), v.village ?? "",
                    v.skills.map(skills.name(of:)).joined(separator: ";"), formatNumber(v.maxTravelKm),
                    String(v.maxDaysPerWeek),
                    v.smsConsent ? "y" : "n", v.allowedFarms?.joined(separator: ";") ?? "", w.active ? "y" : "n",
                ]
            }
            try context.format.write(
                table: {
                    var table = TextTable(
                        headers: titles, alignments: [.right] + Array(repeating: .left, count: 5) + [.right, .right])
                    // The CSV keeps y/n; the table says it in the reader's language.
                    for row in rows {
                        var cells = row
                        for i in [8, 10] { cells[i] = T(cells[i] == "y" ? .flagYes : .flagNo) }
                        table.append(cells)
                    }
                    return table.render() + T(.workerCount, ["count": workers.count]) + "\n"
                },
                headers: headers, rows: rows, json: workers.map(WorkerJSON.init), encoding: csv.encoding)
        }
    }

    struct Show: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: T(.aboutWorkerShow))
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpPhoneId))) var worker: String

        func run(_ context: CommandContext) throws {
            let detail = try Workers.show(worker, center: options.center, on: context.db)
            let w = detail.worker
            print(
                T(
                    .workerShowHead,
                    [
                        "id": w.id, "name": w.values.name, "phone": Phone.format(w.values.phone),
                        "center": detail.center.code,
                    ]) + (w.active ? "" : T(.workerInactive)))
            print(WorkerCommand.describe(w, skills: try WorkerCommand.skills(context)), terminator: "")
            if detail.availability.isEmpty {
                print(T(.workerEveryDay))
            } else {
                for a in detail.availability {
                    print(
                        "\(a.kind == .off ? T(.workerOff) : T(.workerAvailable)): \(a.from)..\(a.to.map(String.init(describing:)) ?? "")"
                            + (a.fromTime.map { " \($0)-\(a.toTime ?? "")" } ?? "")
                    )
                }
            }
            try AttendanceCommand.printWorkerDays(worker: w.id, context: context)
        }
    }

    struct Edit: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: T(.aboutWorkerEdit))
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpPhoneId))) var worker: String
        @Option(help: ArgumentHelp(T(.helpNewName))) var name: String?
        @Option(help: ArgumentHelp(T(.helpNewMobileNumber))) var phone: String?
        @OptionGroup var fields: Fields

        func run(_ context: CommandContext) throws {
            let (w, changed) = try Workers.edit(
                worker, fields.input(name: name, phone: phone), center: options.center, on: context.db)
            print(
                changed
                    ? T(.workerChanged, ["id": w.id, "name": w.values.name, "phone": Phone.mask(w.values.phone)])
                    : T(.workerUnchanged, ["id": w.id]))
            print(WorkerCommand.describe(w, skills: try WorkerCommand.skills(context)), terminator: "")
        }
    }

    struct Deactivate: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "deactivate",
            abstract: T(.aboutWorkerDeactivate))
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpPhoneId))) var worker: String

        func run(_ context: CommandContext) throws {
            let w = try Workers.deactivate(worker, center: options.center, on: context.db)
            print(T(.workerDeactivated, ["id": w.id, "name": w.values.name, "phone": Phone.mask(w.values.phone)]))
        }
    }

    struct Availability: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "availability",
            abstract: T(.aboutWorkerAvailability))
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpPhoneId))) var worker: String
        @Option(help: ArgumentHelp(T(.helpDateRange))) var dates: DateRangeArgument
        @Flag(help: ArgumentHelp(T(.helpWorkerOffTheseDays))) var off = false
        @Option(help: ArgumentHelp(T(.helpNote))) var note: String?
        @Option(help: ArgumentHelp(T(.helpOnlyTimeDate))) var from: String?
        @Option(help: ArgumentHelp(T(.helpOnlyUntilTimeDate))) var to: String?

        func run(_ context: CommandContext) throws {
            let range = try context.days(dates, field: "--dates")
            let (w, added) = try Workers.setAvailability(
                worker, days: range, off: off, note: note, fromTime: from, toTime: to, center: options.center,
                clock: context.clock, on: context.db)
            let what = off ? T(.workerOff) : T(.workerAvailable)
            let values: [String: any CustomStringConvertible] = [
                "id": w.id, "name": w.values.name, "what": what, "from": range.lowerBound, "to": range.upperBound,
            ]
            print(T(added ? .workerAvailabilityRecorded : .workerAvailabilityAlready, values))
        }
    }

    struct Import: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: T(.aboutWorkerImport),
            discussion: T(.helpWorkerImport) + "\n" + T(.helpColumns) + "\n" + ImportFormats.workers.helpText)
        @OptionGroup var options: CenterOptions
        @OptionGroup var input: InputFileArgument

        func run(_ context: CommandContext) throws {
            if try input.writeTemplate(ImportFormats.workers) { return }
            print(
                try WorkerImport.run(
                    bytes: input.bytes(), file: input.file, center: options.center, clock: context.clock, on: context.db
                ))
        }
    }

    /// The center's skill catalogue, for naming a worker's skills as the coordinator typed them (수확).
    static func skills(_ context: CommandContext) throws -> Records.Catalogue {
        try Catalogues.load(.skill, center: try context.center, on: context.db)
    }

    /// A worker's terms under their name line: group, home, skills by name, limits, consent, farms, version 2 fields.
    static func describe(_ w: WorkerRecord, skills: Records.Catalogue) -> String {
        let v = w.values
        let home = T(
            .workerDescribeHome,
            [
                "label": Workers.categoryLabel(v.category), "category": v.category.rawValue, "village": v.village ?? "",
                "lat": v.homeLat, "lon": v.homeLon,
            ])
        let terms = T(
            .workerDescribeTerms,
            [
                "skills": v.skills.isEmpty ? "-" : v.skills.map(skills.name(of:)).joined(separator: ", "),
                "km": formatNumber(v.maxTravelKm),
                "days": v.maxDaysPerWeek, "sms": T(v.smsConsent ? .flagYes : .flagNo),
                "farms": v.allowedFarms?.joined(separator: ", ") ?? T(.workerAnyFarm),
            ])
        return home + "\n" + terms + "\n" + WorkerVersion2Options.describe(v) + "\n"
    }
}

/// A worker in `worker list --format json` (phone masked).
struct WorkerJSON: Encodable {
    var id: Int64, name: String, phone: String, category: String, village: String?, lat: Double, lon: Double
    var skills: [String], maxTravelKm: Double, maxDaysPerWeek: Int, smsConsent: Bool, allowedFarms: [String]?
    var active: Bool
}

extension WorkerJSON {
    init(_ w: WorkerRecord) {
        let v = w.values
        self.init(
            id: w.id, name: v.name, phone: Phone.mask(v.phone), category: v.category.rawValue, village: v.village,
            lat: v.homeLat,
            lon: v.homeLon, skills: v.skills, maxTravelKm: v.maxTravelKm, maxDaysPerWeek: v.maxDaysPerWeek,
            smsConsent: v.smsConsent, allowedFarms: v.allowedFarms, active: w.active)
    }
}
