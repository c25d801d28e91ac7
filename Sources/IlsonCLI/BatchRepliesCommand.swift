import ArgumentParser
import Foundation
import KoreanText
import Messaging
import Operations
import Records
import Texts
import Vocabulary

extension BatchCommand {
    /// `ilson batch replies`.
    struct RepliesJob: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "replies",
            abstract: T(.aboutBatchRepliesRepliesJob),
            discussion: T(.helpBatchReplies0))

        @OptionGroup var options: DatabaseOptions
        @Flag(help: ArgumentHelp(T(.helpDoNotDeliverNotices)))
        var noSend = false
        @Option(help: ArgumentHelp(T(.helpSecondsDeliveryQueuedNotices))) var maxWait: Double = 60
        @Option(help: ArgumentHelp(T(.helpRepliesFetchedPerRequest))) var pageSize: Int = 500

        func run(_ context: CommandContext) throws {
            guard (1...1_000).contains(pageSize) else {
                throw CommandFailure(T(.errPageSize), exitCode: .badInput)
            }
            let (gateway, sender) = try BatchSettings.gateway(context.configuration)
            let inbound = try ReplySettingsCLI.inbound(try context.configuration)
            let started = Date()
            let report = try BatchReplies(
                inbound: inbound, gateway: noSend ? nil : gateway, defaultSender: sender,
                options: DeliveryOptions(maxWaitSeconds: maxWait), clock: context.clock, pageSize: pageSize,
                crash: CrashPoints.fromEnvironment(), log: BatchSettings.log
            ).run(on: context.db, openConnection: context.connect)
            let handled = report.handled.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                T(.batchRepliesHandled, ["count": $0.value, "state": RosterRender.reply($0.key)])
            }
            BatchSettings.log(
                T(
                    .batchRepliesSummary,
                    [
                        "fetched": report.fetched, "stored": report.stored,
                        "handled": handled.isEmpty ? T(.batchRepliesNone) : handled.joined(separator: ", "),
                        "reminded": report.reminded > 0 ? T(.batchRepliesReminded, ["count": report.reminded]) : "",
                        "seconds": String(format: "%.2f", Date().timeIntervalSince(started)),
                    ]))
            if report.forAPerson > 0 { BatchSettings.log(T(.batchRepliesForAPerson, ["count": report.forAPerson])) }
            for send in report.sends { BatchSettings.print(send) }
            if report.needsAttention { throw ExitCode(IlsonExitCode.partial.rawValue) }
        }
    }
}

/// The SMS reply settings of the configuration.
enum ReplySettingsCLI {
    /// The secret pushed replies must carry.
    static let secretKey = "ILSON_SMS_INBOUND_SECRET"

    /// The polling client when the gateway is http; nil otherwise (replies then come only by push).
    static func inbound(_ configuration: Configuration) throws -> HTTPInbound? {
        guard configuration.value(GatewayConfiguration.Variable.gateway)?.value.lowercased() == "http",
            let url = configuration.value(GatewayConfiguration.Variable.url)?.value
        else { return nil }
        let key = configuration.value(GatewayConfiguration.Variable.apiKey)?.value ?? ""
        let timeout = configuration.value(GatewayConfiguration.Variable.timeout).flatMap { Double($0.value) } ?? 10
        do {
            return try HTTPInbound(baseURL: url, apiKey: key, timeoutSeconds: timeout)
        } catch {
            throw CommandFailure(error.description, exitCode: .badInput)
        }
    }
}
