import ArgumentParser
import Foundation
import KoreanText
import Operations
import Records
import Scheduling
import Texts
import Vocabulary

/// `ilson roster`: the day's plan per center: plan, show, explain, edit by hand, approve.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: T(.aboutRoster),
        subcommands: [
            RosterPlan.self, RosterShow.self, RosterExplain.self, RosterAssign.self, RosterUnassign.self,
            RosterApprove.self, RosterReopen.self, RosterSuggestCommand.self, RosterCancelCommand.self,
            RosterCallsCommand.self, RosterDeclineCommand.self, RosterReplaceCommand.self,
            RosterPrint.self, RosterMap.self,
        ])
}

/// `--expect-version N`, for editing commands.
struct RosterVersionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(T(.helpRefuseUnlessRosterStill)))
    var expectVersion: Int?
}

struct RosterPlan: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: T(.aboutRosterPlan))

    @OptionGroup var options: RosterDayOptions
    @OptionGroup var version: RosterVersionOptions
    @Option(name: .long, help: ArgumentHelp(T(.helpSeedTieBreakingBetween)))
    var seed: UInt64 = 0

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let s = try RosterPlanner.plan(
            center: center, date: date, on: context.db, clock: context.clock, options: SolveOptions(seed: seed),
            expectedVersion: version.expectVersion)
        print(
            T(
                .planHeader,
                [
                    "center": s.center, "date": RequestText.day(s.date), "state": RequestText.state(s.state),
                    "version": s.version, "new": s.created ? T(.planNew) : "",
                ]))
        if s.state != .draft { print(T(.planMessagesOut, ["count": s.proposedNew, "iso": s.date])) }
        print(
            T(
                .planFilled,
                [
                    "filled": s.filled, "wanted": s.wanted, "full": s.requestsFull, "requests": s.requests,
                    "short": s.unfilled, "pins": s.pinsKept,
                ]))
        let score = RequestText.score(s.score)
        print(
            s.previousScore.map { T(.planScoreWas, ["score": score, "was": RequestText.score($0)]) }
                ?? T(.planScore, ["score": score]))
        for line in s.droppedPins + s.warnings { print(T(.warningLine, ["text": line])) }
        print(
            T(
                .planStats,
                [
                    "workers": s.workers, "pairs": s.candidatePairs, "load": s.loadMillis, "solve": s.solveMillis,
                    "save": s.saveMillis, "total": s.totalMillis,
                ]))
    }
}

struct RosterShow: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: T(.aboutRosterShow)
    )

    @OptionGroup var options: RosterDayOptions
    @Option(name: .long, help: ArgumentHelp(T(.optFormatAll)))
    var format: OutputFormat = .table
    @OptionGroup var csv: CSVEncodingOption

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let view = try RosterView.load(center: center, date: date, on: context.db)
        let gaps = try RosterCalls.gaps(center: center, date: date, on: context.db)
        switch context.format {
        case .table:
            print(RosterRender.table(view), terminator: "")
            // What batch replies did (confirmations, declines, automatic replacements), one line each.
            let replies = try Replies.list(center: center, date: date, all: true, on: context.db)
            if !replies.isEmpty { print("\n" + T(.showReplies)) }
            for r in replies {
                print(
                    "  "
                        + T(
                            .showReply,
                            [
                                "time": r.storedAt, "who": r.workerName ?? Phone.mask(r.sender),
                                "body": Excerpt.quoted(r.body), "state": RosterRender.reply(r.state),
                                "note": r.note.map(StoredText.render) ?? "",
                            ]))
            }
            RosterGapsOutput.print(gaps, date: date)
        case .csv: try csv.encoding.write(RosterRender.csv(view))
        case .json: print(RosterRender.json(view))
        }
        if !gaps.isEmpty { throw ExitCode(IlsonExitCode.partial.rawValue) }
    }
}

struct RosterExplain: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: T(.aboutRosterExplain))

    @OptionGroup var options: RosterDayOptions
    @Option(name: .long, help: ArgumentHelp(T(.helpOneRequest)), transform: RequestNumber.parse)
    var request: Int64?

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let e = try RosterExplanation.load(center: center, date: date, request: request, on: context.db)
        if e.entries.isEmpty { print(T(.explainAllFull, ["date": RequestText.day(date)])) }
        for x in e.entries {
            print(
                T(
                    .explainEntry,
                    [
                        "request": RequestText.number(x.requestID), "label": x.label, "assigned": x.assigned,
                        "headcount": x.headcount, "minimum": x.minHeadcount,
                    ]))
            for reason in x.reasons { print("  - \(reason)") }
            let failing = x.failing.keys.sorted().map {
                T(.explainFailing, ["count": x.failing[$0]!, "number": $0, "rule": RequestText.ruleName($0)])
            }
            print(
                "  " + T(.explainNow, ["eligible": x.eligible, "free": x.eligibleFree])
                    + (x.excluded > 0 ? T(.explainExcluded, ["excluded": x.excluded]) : "")
                    + (failing.isEmpty ? "" : "; " + failing.joined(separator: ", ")))
        }
    }
}

struct RosterAssign: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign", abstract: T(.aboutRosterAssign))

    @OptionGroup var options: RosterDayOptions
    @OptionGroup var version: RosterVersionOptions
    @Option(name: .long, help: ArgumentHelp(T(.helpRequest)), transform: RequestNumber.parse) var request: Int64
    @Option(name: .long, help: ArgumentHelp(T(.helpWorkerPhoneNumberId))) var worker: String
    @Flag(name: .long, help: ArgumentHelp(T(.helpPinEvenPairBreaks)))
    var force = false
    @Option(name: .long, help: ArgumentHelp(T(.helpWhyKeptAuditLog))) var reason: String?

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let ref = try PersonRef(worker)
        let o = try RosterEditor.assign(
            center: center, date: date, request: request, worker: ref, force: force, reason: reason,
            expectedVersion: version.expectVersion, on: context.db, clock: context.clock)
        printEdit(o, center: center, date: date)
    }
}

struct RosterUnassign: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign", abstract: T(.aboutRosterUnassign))

    @OptionGroup var options: RosterDayOptions
    @OptionGroup var version: RosterVersionOptions
    @Option(name: .long, help: ArgumentHelp(T(.helpRequest)), transform: RequestNumber.parse) var request: Int64
    @Option(name: .long, help: ArgumentHelp(T(.helpWorkerPhoneNumberId))) var worker: String
    @Option(name: .long, help: ArgumentHelp(T(.helpWhyKeptAuditLog2))) var reason: String?

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let ref = try PersonRef(worker)
        let o = try RosterEditor.unassign(
            center: center, date: date, request: request, worker: ref, reason: reason,
            expectedVersion: version.expectVersion,
            on: context.db, clock: context.clock)
        printEdit(o, center: center, date: date)
    }
}

/// What `roster assign` and `roster unassign` print: what was done, the rules a forced pin breaks (an unassign has
/// none), and the roster's new version and score.
private func printEdit(_ o: RosterEditOutcome, center: CenterRecord, date: Day) {
    for line in o.lines { print(line) }
    for w in o.warnings { print(T(.warningForced, ["text": w])) }
    print(
        T(
            .rosterVersionScore,
            [
                "center": center.code, "date": RequestText.day(date), "version": o.version,
                "score": RequestText.score(o.score),
            ]))
}

struct RosterApprove: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: T(.aboutRosterApprove))

    @OptionGroup var options: RosterDayOptions
    @OptionGroup var version: RosterVersionOptions

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let c = try RosterApproval.approve(
            center: center, date: date, expectedVersion: version.expectVersion, on: context.db, clock: context.clock)
        print(
            T(
                .approveDone,
                [
                    "center": center.code, "date": RequestText.day(date), "state": RequestText.state(c.to),
                    "version": c.version, "count": c.assignments,
                    "notices": c.notices > 0 ? T(.approveNotices, ["count": c.notices]) : "",
                ]))
    }
}

struct RosterReopen: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: T(.aboutRosterReopen))

    @OptionGroup var options: RosterDayOptions
    @OptionGroup var version: RosterVersionOptions

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let c = try RosterApproval.reopen(
            center: center, date: date, expectedVersion: version.expectVersion, on: context.db, clock: context.clock)
        if c.from == c.to {
            print(T(.reopenAlready, ["center": center.code, "date": RequestText.day(date), "version": c.version]))
        } else {
            print(
                T(
                    .reopenDone,
                    [
                        "center": center.code, "date": RequestText.day(date), "version": c.version,
                        "count": c.assignments,
                    ]))
        }
    }
}

struct RosterSuggestCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: T(.aboutRosterSuggest))

    @OptionGroup var options: RosterDayOptions
    @Option(name: .long, help: ArgumentHelp(T(.helpRequest)), transform: RequestNumber.parse) var request: Int64
    @Option(name: .long, help: ArgumentHelp(T(.helpHowManyList))) var limit: Int = 10

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let s = try RosterSuggest.suggest(center: center, date: date, request: request, limit: limit, on: context.db)
        print(
            T(
                .suggestHeader,
                [
                    "request": RequestText.number(s.request), "label": s.label, "assigned": s.assigned,
                    "headcount": s.headcount, "score": RequestText.score(s.current),
                ]))
        if s.suggestions.isEmpty { print(T(.suggestNobody)) }
        var table = TextTable(
            headers: [T(.colRank), T(.colName), T(.colPhone), T(.colKm), T(.colEffect)],
            alignments: [.right, .left, .left, .right, .left])
        for (i, x) in s.suggestions.enumerated() {
            table.append(["\(i + 1)", x.name, x.maskedPhone, String(format: "%.1f", x.distanceKm), x.effect])
        }
        if !s.suggestions.isEmpty { print(table.render(), terminator: "") }
    }
}
