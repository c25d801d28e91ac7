import ArgumentParser
import Foundation
import KoreanText
import Operations
import Records
import Texts
import Vocabulary

/// `ilson roster cancel`: cancels a center's roster of a day (rain, …). Standalone; wired under `roster`.
struct RosterCancelCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: T(.aboutRosterCancel),
        discussion: T(.helpRosterCancel0))

    @OptionGroup var options: RosterDayOptions
    @Option(help: ArgumentHelp(T(.helpWhyWordTwo3))) var reason: String?
    @Flag(help: ArgumentHelp(T(.helpDeliverCancellationNoticesNow))) var send = false

    func run(_ context: CommandContext) throws {
        let day = try context.date
        let gateway = send ? try BatchSettings.gateway(context.configuration) : nil
        let c = try context.center
        let report = try RosterCancellation.cancel(center: c, date: day, reason: reason, on: context.db)
        BatchSettings.log(
            T(
                .cancelSummary,
                [
                    "center": c.code, "date": day, "previous": RequestText.state(report.previousState),
                    "withdrawn": report.withdrawn, "notices": report.noticesQueued,
                ]))
        for call in report.calls {
            BatchSettings.log(
                T(
                    .cancelCall,
                    [
                        "id": call.workerId, "name": call.name, "phone": Phone.mask(call.phone),
                        "farm": call.farmName, "start": call.start,
                    ]))
        }
        if let (gateway, sender) = gateway {
            let sent = try BatchSettings.send(
                BatchSend(
                    date: day, centerCode: c.code, gateway: gateway, defaultSender: sender,
                    log: BatchSettings.log),
                context: context)
            BatchSettings.print(sent)
            if sent.needsAttention { throw ExitCode(IlsonExitCode.partial.rawValue) }
        } else if report.noticesQueued > 0 {
            BatchSettings.log(T(.cancelDeliverNow, ["date": day, "center": c.code]))
        }
    }
}
