import ArgumentParser
import Foundation
import KoreanText
import Operations
import Records
import Texts
import Vocabulary

/// `ilson roster replace`: one worker for another, in one transaction. Wired under `roster`.
struct RosterReplaceCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "replace",
        abstract: T(.aboutRosterReplace),
        discussion: T(.helpRosterReplace0))

    @OptionGroup var options: RosterDayOptions
    @OptionGroup var version: RosterVersionOptions
    @Option(help: ArgumentHelp(T(.helpWorkerWhoCannotCome))) var worker: String
    @Option(help: ArgumentHelp(T(.helpRequestWorkerHasSeveral))) var request: Int64?
    @Option(name: .customLong("with"), help: ArgumentHelp(T(.helpReplacementPhoneId))) var replacement: String?
    @Flag(help: ArgumentHelp(T(.helpTakeTopSuggestionAmong))) var best = false
    @Flag(help: ArgumentHelp(T(.helpPinReplacementEvenThough)))
    var force = false
    @Option(help: ArgumentHelp(T(.helpWhyWordTwo))) var reason: String?
    @Flag(help: ArgumentHelp(T(.helpDeliverNoticesNow))) var send = false

    func validate() throws {
        guard (replacement != nil) != best else {
            throw ValidationError(T(.errReplaceWithOrBest))
        }
    }

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let gateway = send ? try BatchSettings.gateway(context.configuration) : nil
        let ref = try PersonRef(worker, role: "worker")
        let with = try replacement.map { try PersonRef($0, role: "worker") }
        let r = try RosterDecline.replace(
            center: center, date: date, worker: ref, request: request, with: with, best: best, force: force,
            reason: reason,
            expectedVersion: version.expectVersion, on: context.db, clock: context.clock)
        DayOfOutput.print(r)
        try DayOfOutput.sendIfAsked(gateway, report: r, context: context)
    }
}
