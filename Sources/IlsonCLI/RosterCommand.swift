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
        ])
}

/// `--expect-version N`, for editing commands.
struct RosterVersionOptions: ParsableArguments {
    @Option(name: .long, help: "Refuse (exit 4) unless the roster is still at this version (the one you saw).")
    var expectVersion: Int?
}

struct RosterPlan: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: T(.aboutRosterPlan))

    @OptionGroup var options: RosterDayOptions
    @OptionGroup var version: RosterVersionOptions
    @Option(name: .long, help: "Seed for tie-breaking between equal plans.")
    var seed: UInt64 = 0

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let s = try RosterPlanner.plan(
            center: center, date: date, on: context.db, clock: context.clock, options: SolveOptions(seed: seed),
            expectedVersion: version.expectVersion)
        print(
            "roster \(s.center) \(s.date): \(s.state.rawValue), version \(s.version)\(s.created ? " (new)" : "")")
        if s.state != .draft {
            print(
                "messages are out: every announced assignment kept; \(s.proposedNew) new assignment(s) proposed, "
                    + "announced by `ilson roster approve --date \(s.date)`")
        }
        print(
            "filled \(s.filled)/\(s.wanted) workers; \(s.requestsFull)/\(s.requests) requests full, \(s.unfilled) short; "
                + "\(s.pinsKept) pin(s) kept")
        print("score \(s.score)" + (s.previousScore.map { " (was \($0))" } ?? ""))
        for line in s.droppedPins { print("warning: \(line)") }
        for line in s.warnings { print("warning: \(line)") }
        print(
            "\(s.workers) workers, \(s.candidatePairs) candidate pairs; load \(s.loadMillis) ms, solve \(s.solveMillis) ms, "
                + "save \(s.saveMillis) ms, total \(s.totalMillis) ms")
    }
}

struct RosterShow: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: T(.aboutRosterShow)
    )

    @OptionGroup var options: RosterDayOptions
    @Option(name: .long, help: ArgumentHelp(T(.optFormatAll)))
    var format: OutputFormat = .table

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
                                "note": r.note ?? "",
                            ]))
            }
            RosterGapsOutput.print(gaps, date: date)
        case .csv: print(RosterRender.csv(view), terminator: "")
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
    @Option(name: .long, help: "The worker: phone number or id.") var worker: String
    @Flag(name: .long, help: "Pin even when the pair breaks rule 1-4 (recorded as a warning).") var force = false

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let ref = try PersonRef(worker)
        let o = try RosterEditor.assign(
            center: center, date: date, request: request, worker: ref, force: force,
            expectedVersion: version.expectVersion, on: context.db, clock: context.clock)
        for line in o.lines { print(line) }
        for w in o.warnings { print("warning (forced): \(w)") }
        print("roster \(center.code) \(date): version \(o.version), score \(o.score)")
    }
}

struct RosterUnassign: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "unassign", abstract: T(.aboutRosterUnassign))

    @OptionGroup var options: RosterDayOptions
    @OptionGroup var version: RosterVersionOptions
    @Option(name: .long, help: ArgumentHelp(T(.helpRequest)), transform: RequestNumber.parse) var request: Int64
    @Option(name: .long, help: "The worker: phone number or id.") var worker: String

    func run(_ context: CommandContext) throws {
        let (date, center) = try (context.date, context.center)
        let ref = try PersonRef(worker)
        let o = try RosterEditor.unassign(
            center: center, date: date, request: request, worker: ref, expectedVersion: version.expectVersion,
            on: context.db, clock: context.clock)
        for line in o.lines { print(line) }
        print("roster \(center.code) \(date): version \(o.version), score \(o.score)")
    }
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
            "roster \(center.code) \(date): \(c.to.rawValue), version \(c.version); \(c.assignments) assignment(s) approved"
                + (c.notices > 0 ? "; \(c.notices) notice(s) queued for the next batch send" : ""))
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
            print("roster \(center.code) \(date) is already a draft (version \(c.version))")
        } else {
            print(
                "roster \(center.code) \(date): draft again, version \(c.version); \(c.assignments) assignment(s) back to proposed"
            )
        }
    }
}

struct RosterSuggestCommand: ContextCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: T(.aboutRosterSuggest))

    @OptionGroup var options: RosterDayOptions
    @Option(name: .long, help: ArgumentHelp(T(.helpRequest)), transform: RequestNumber.parse) var request: Int64
    @Option(name: .long, help: "How many to list.") var limit: Int = 10

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
