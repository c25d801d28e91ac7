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
    @Option(help: "The worker who cannot come: phone or id.") var worker: String
    @Option(help: "The request, when the worker has several jobs that day (요청 번호).") var request: Int64?
    @Option(name: .customLong("with"), help: "The replacement: phone or id.") var replacement: String?
    @Flag(help: "Take the top suggestion among the workers free that day.") var best = false
    @Flag(help: "Pin the replacement even though it breaks one of rules 1-4 (recorded as a warning).")
    var force = false
    @Option(help: "Why, in a word or two (sent in the cancellation notice), e.g. 병가.") var reason: String?
    @Flag(help: "Deliver the notices now.") var send = false

    func validate() throws {
        guard (replacement != nil) != best else {
            throw ValidationError("give either --with WORKER or --best")
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
