import ArgumentParser
import Foundation
import KoreanText
import Messaging
import Operations
import Records
import Texts
import Vocabulary

/// `ilson roster decline`: a worker cannot come. Wired under `roster`.
struct RosterDeclineCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "decline",
        abstract: T(.aboutRosterDecline),
        discussion: T(.helpRosterDecline0))

    @OptionGroup var options: RosterDayOptions
    @OptionGroup var version: RosterVersionOptions
    @Option(help: ArgumentHelp(T(.helpWorkerPhoneId))) var worker: String
    @Option(help: ArgumentHelp(T(.helpRequestWorkerHasSeveral))) var request: Int64?
    @Option(help: ArgumentHelp(T(.helpWhyWordTwo2))) var reason: String?
    @Option(help: ArgumentHelp(T(.helpHowManyReplacementsList))) var limit: Int = 5
    @Flag(help: ArgumentHelp(T(.helpDeliverNoticesNow))) var send = false

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let gateway = send ? try BatchSettings.gateway(context.configuration) : nil
        let ref = try PersonRef(worker, role: "worker")
        let d = try RosterDecline.decline(
            center: center, date: date, worker: ref, request: request, reason: reason,
            expectedVersion: version.expectVersion,
            suggestions: limit, on: context.db, clock: context.clock)
        DayOfOutput.print(d.report)
        print(
            T(
                .lineDeclineNow,
                ["request": RequestText.number(d.requestID), "assigned": d.assigned, "headcount": d.headcount]))
        if d.suggestions.isEmpty { print("  " + T(.lineNobodyQualifies)) }
        var table = TextTable(
            headers: [T(.colRank), T(.colName), T(.colPhone), T(.colKm), T(.colEffect)],
            alignments: [.right, .left, .left, .right, .left])
        for (i, x) in d.suggestions.enumerated() {
            table.append(["\(i + 1)", x.name, x.maskedPhone, String(format: "%.1f", x.distanceKm), x.effect])
        }
        if !d.suggestions.isEmpty {
            print(table.render(), terminator: "")
            print(T(.declineFillIt, ["date": date]))
        }
        try DayOfOutput.sendIfAsked(gateway, report: d.report, context: context)
    }
}

/// How the day-of commands print what they did, and deliver at once with `--send`.
enum DayOfOutput {
    /// The lines, withdrawals, queued notices and calls of a day-of change (phones masked).
    static func print(_ r: DayOfReport) {
        Swift.print(
            T(
                .dayOfHeader,
                [
                    "center": r.centerCode, "date": RequestText.day(r.date), "state": RequestText.state(r.rosterState),
                    "version": r.version,
                ]))
        for line in r.lines { Swift.print("  \(line)") }
        for w in r.warnings { Swift.print("  " + T(.warningLine, ["text": w])) }
        if r.withdrawn > 0 { Swift.print("  " + T(.dayOfWithdrawn, ["count": r.withdrawn])) }
        for q in r.queued { Swift.print("  " + T(.dayOfQueued, ["notice": q])) }
        for call in r.calls {
            Swift.print(
                "  "
                    + T(
                        .dayOfCall,
                        ["id": call.workerId, "who": "\(call.name) \(Phone.mask(call.phone))", "reason": call.reason]))
        }
    }

    /// With `--send`: delivers the day's pending messages now (exit 1 when some need a person).
    static func sendIfAsked(
        _ gateway: (any Gateway, String?)?, report: DayOfReport, context: CommandContext
    ) throws {
        if let (gateway, sender) = gateway {
            let sent = try BatchSettings.send(
                BatchSend(
                    date: report.date, centerCode: report.centerCode, gateway: gateway, defaultSender: sender,
                    log: BatchSettings.log),
                context: context)
            BatchSettings.print(sent)
            if sent.needsAttention { throw ExitCode(IlsonExitCode.partial.rawValue) }
        } else if !report.queued.isEmpty {
            Swift.print("  " + T(.dayOfDeliverNow, ["date": report.date, "center": report.centerCode]))
        }
    }
}
