import ArgumentParser
import Foundation
import KoreanText
import Messaging
import Operations
import Records
import Scheduling
import Texts
import Vocabulary

/// `ilson batch`: the cron jobs of the day (plan at 15:00, send at 18:00 and 05:00) and the message templates.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: T(.aboutBatch),
        subcommands: [Plan.self, Send.self, RepliesJob.self, Templates.self])

    /// `ilson batch plan`.
    struct Plan: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: T(.aboutBatchPlan),
            discussion: T(.helpBatch0))

        @OptionGroup var options: DatabaseOptions
        @Option(help: ArgumentHelp(T(.helpDayYyyyMmDd)))
        var date: DateArgument = .tomorrow

        func run(_ context: CommandContext) throws {
            let day = try context.day(date)
            let reports = try BatchPlan(
                date: day, planner: RosterWorkflowPlanner(clock: context.clock), log: BatchSettings.log
            )
            .run(on: context.db)
            if reports.isEmpty { BatchSettings.log(T(.batchPlanNothing, ["date": day])) }
            if reports.contains(where: { if case .failed = $0.status { true } else { false } }) {
                throw ExitCode(IlsonExitCode.partial.rawValue)
            }
        }
    }

    /// `ilson batch send`.
    struct Send: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract: T(.aboutBatchSend),
            discussion: T(.helpBatch1))

        @OptionGroup var options: DatabaseOptions
        @Option(help: ArgumentHelp(T(.helpDayYyyyMmDd)))
        var date: DateArgument = .tomorrow
        @Option(help: ArgumentHelp(T(.helpOnlyCenter)))
        var center: String?
        @Option(help: ArgumentHelp(T(.helpMaxWait)))
        var maxWait: Double = 120
        @Option(help: ArgumentHelp(T(.helpMessagesFlightOnce)))
        var concurrency: Int = 8
        @Option(help: .hidden) var chunkSize: Int = 100
        @Option(help: .hidden) var retryBase: Double = 5

        func run(_ context: CommandContext) throws {
            let day = try context.day(date)
            let (gateway, sender) = try BatchSettings.gateway(context.configuration)
            let options = DeliveryOptions(
                chunkSize: chunkSize, concurrency: concurrency, maxWaitSeconds: maxWait,
                backoffBaseSeconds: retryBase)
            let report = try BatchSettings.send(
                BatchSend(
                    date: day, centerCode: center, gateway: gateway, defaultSender: sender, options: options,
                    crash: CrashPoints.fromEnvironment(), log: BatchSettings.log),
                context: context)
            BatchSettings.print(report)
            if report.needsAttention { throw ExitCode(IlsonExitCode.partial.rawValue) }
        }
    }

    /// `ilson batch templates`.
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "templates",
            abstract: T(.aboutBatchTemplates),
            subcommands: [Show.self, Set.self, Reset.self])

        struct Show: ContextCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: T(.aboutBatchShow))
            @OptionGroup var options: CenterOptions

            func run(_ context: CommandContext) throws {
                for t in try CenterTemplates.inUse(center: context.center.id, on: context.db) {
                    Swift.print(
                        T(
                            .templateHeader,
                            [
                                "slot": t.slot.rawValue,
                                "whose": t.isCentersOwn ? T(.templateCentersOwn) : T(.templateDefaultOne),
                            ]))
                    Swift.print(t.source)
                    Swift.print("")
                }
            }
        }

        struct Set: ContextCommand {
            static let configuration = CommandConfiguration(
                commandName: "set",
                abstract: T(.aboutBatchSet),
                discussion: T(
                    .helpTemplateSlots, ["slots": TemplateSlot.allCases.map(\.rawValue).joined(separator: ", ")]))
            @OptionGroup var options: CenterOptions
            @Option(help: ArgumentHelp(T(.helpAssignmentFarmerListCancellation)))
            var slot: String
            @Option(help: ArgumentHelp(T(.helpUtfFileHoldingTemplate))) var file: String?
            @Option(help: ArgumentHelp(T(.helpTemplateTextItself))) var text: String?

            func run(_ context: CommandContext) throws {
                let body: String
                if let file {
                    guard let data = FileManager.default.contents(atPath: file),
                        let string = String(data: data, encoding: .utf8)
                    else { throw CommandFailure(T(.errCannotReadText, ["file": file]), exitCode: .badInput) }
                    body = string
                } else if let text {
                    body = text
                } else {
                    throw CommandFailure(T(.errTemplateMissing), exitCode: .badInput)
                }
                let c = try context.center
                try CenterTemplates.save(center: c.id, slot: slot, text: body, on: context.db)
                Swift.print(T(.templateSaved, ["center": c.code, "slot": slot]))
            }
        }

        struct Reset: ContextCommand {
            static let configuration = CommandConfiguration(commandName: "reset", abstract: T(.aboutBatchReset))
            @OptionGroup var options: CenterOptions
            @Option var slot: String

            func run(_ context: CommandContext) throws {
                let c = try context.center
                let had = try CenterTemplates.reset(center: c.id, slot: slot, on: context.db)
                Swift.print(T(had ? .templateReset : .templateDefault, ["center": c.code, "slot": slot]))
            }
        }
    }
}

/// Settings and printing shared by `batch send`, `roster cancel --send` and `roster calls`.
enum BatchSettings {
    /// The SMS settings a configuration may hold (flag → environment → configuration file).
    static let smsKeys = [
        GatewayConfiguration.Variable.gateway, GatewayConfiguration.Variable.url, GatewayConfiguration.Variable.apiKey,
        GatewayConfiguration.Variable.sender, GatewayConfiguration.Variable.directory,
        GatewayConfiguration.Variable.timeout,
    ]

    /// The configured gateway and the fallback sender number.
    ///
    /// - Throws: `CommandFailure` (exit 2) naming the setting to fix.
    static func gateway(_ configuration: Configuration) throws -> (any Gateway, String?) {
        var settings: [String: String] = [:]
        for key in smsKeys { if let v = configuration.value(key) { settings[key] = v.value } }
        do {
            let gatewayConfiguration = try GatewayConfiguration(settings: settings)
            return (gatewayConfiguration.makeGateway(), gatewayConfiguration.sender)
        } catch {
            throw CommandFailure(error.description, exitCode: .badInput)
        }
    }

    /// Runs a send on the command's connection (reconnecting through the context); a misconfigured gateway is
    /// exit 2.
    static func send(_ batch: BatchSend, context: CommandContext) throws -> BatchSendReport {
        do {
            return try batch.run(on: context.db, openConnection: context.connect)
        } catch let error as GatewayMisconfigured {
            throw CommandFailure(
                T(error.beforeAnyChange ? .errGatewayBeforeChange : .errGatewayStopped, ["error": error.description]),
                exitCode: .badInput)
        }
    }

    /// An outbox state as a person reads it.
    static func outboxState(_ state: OutboxState) -> String {
        switch state {
        case .pending: T(.outboxPending)
        case .sending: T(.outboxSending)
        case .sent: T(.outboxSent)
        case .failed: T(.outboxFailed)
        case .withdrawn: T(.outboxWithdrawn)
        }
    }

    /// A progress line on standard output, at once (cron logs keep the order).
    @Sendable static func log(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The summary of a send: per center, counts, failures and the workers to call (phones masked).
    static func print(_ report: BatchSendReport) {
        if report.centers.isEmpty { log(T(.sendNoRoster, ["date": report.date])) }
        for c in report.centers {
            let head = "\(c.centerCode) \(c.centerName) \(report.date):"
            switch c.status {
            case .draft:
                log(T(.sendDraft, ["head": head, "date": report.date]))
                continue
            case .locked:
                log(T(.sendLocked, ["head": head]))
                continue
            case .failed(let reason):
                log(T(.sendFailed, ["head": head, "reason": reason]))
            case .nothingToDo, .worked:
                break
            }
            let states = [OutboxState.sent, .failed, .withdrawn, .pending, .sending].compactMap { s in
                c.counts[s].map { T(.sendStateCount, ["count": $0, "state": outboxState(s)]) }
            }
            let total = c.counts.values.reduce(0, +)
            let run =
                c.status == .worked
                ? T(
                    .sendRun,
                    [
                        "written": c.written,
                        "uncomposed": c.uncomposed > 0 ? T(.sendUncomposed, ["count": c.uncomposed]) : "",
                        "attempts": c.tally.attempts, "sent": c.tally.sent, "failed": c.tally.failed,
                        "retried": c.tally.retried, "recovered": c.recovered,
                    ]) : ""
            log(
                T(
                    .sendSummary,
                    [
                        "head": head, "state": RequestText.state(c.rosterState), "total": total,
                        "states": states.joined(separator: ", "), "run": run,
                    ]))
            for f in c.failed {
                log(
                    T(
                        .sendFailedMessage,
                        [
                            "kind": "\(f.kind)", "role": "\(f.recipientRole)", "id": "\(f.recipientId)",
                            "phone": Phone.mask(f.recipient), "error": f.lastError ?? "?",
                        ]))
            }
            if c.open > 0 { log(T(.sendStillWaiting, ["count": c.open])) }
            for call in c.calls {
                log(
                    T(
                        .sendCall,
                        [
                            "id": call.workerId, "name": call.name, "phone": Phone.mask(call.phone),
                            "farm": call.farmName, "start": call.start, "date": report.date,
                        ]))
            }
        }
    }
}
