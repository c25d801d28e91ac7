import ArgumentParser
import Foundation
import KoreanText
import Messaging
import Operations
import Records
import Texts
import Vocabulary

/// `ilson replies`: workers' SMS answers: the push receiver, the list, the center's settings.
struct ReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replies", abstract: T(.aboutReply),
        subcommands: [Serve.self, List.self, Settings.self])

    /// `ilson replies serve`.
    struct Serve: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: T(.aboutReplyServe),
            discussion: T(.helpReply0))

        @OptionGroup var options: DatabaseOptions
        @Option(help: ArgumentHelp(T(.helpAddressPortListen))) var listen: String = "127.0.0.1:8026"

        func run(_ context: CommandContext) throws {
            guard let colon = listen.lastIndex(of: ":"), let port = UInt16(listen[listen.index(after: colon)...])
            else {
                throw CommandFailure(T(.errListen), exitCode: .badInput)
            }
            guard let secret = try context.configuration.value(ReplySettingsCLI.secretKey)?.value, secret.count >= 16
            else {
                throw CommandFailure(T(.errReplySecret, ["key": ReplySettingsCLI.secretKey]), exitCode: .badInput)
            }
            let receiver: InboundReceiver
            do {
                receiver = try InboundReceiver(host: String(listen[..<colon]), port: port, secret: secret)
            } catch {
                throw CommandFailure(error.description, exitCode: .badInput)
            }
            signal(SIGPIPE, SIG_IGN)  // a provider that hangs up early is its own problem, not the server's end
            signal(SIGTERM, SIG_IGN)
            signal(SIGINT, SIG_IGN)
            let stopper = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
            stopper.setEventHandler { receiver.stop() }
            stopper.resume()
            let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            interrupt.setEventHandler { receiver.stop() }
            interrupt.resume()
            BatchSettings.log(
                T(.serveListening, ["address": listen.prefix(colon.utf16Offset(in: listen)), "port": receiver.port]))
            var db = try context.db
            receiver.run(
                store: { message in
                    do {
                        let n = try ReplyIntake.store([message], via: .push, on: db)
                        return .stored(new: n > 0)
                    } catch {
                        // One reconnect: the provider retries anyway.
                        if let fresh = try? context.connect() {
                            db = fresh
                            if let n = try? ReplyIntake.store([message], via: .push, on: db) {
                                return .stored(new: n > 0)
                            }
                        }
                        return .unavailable(T(.serveUnavailable))
                    }
                }, log: { BatchSettings.log(T(.serveLog, ["line": $0])) })
            BatchSettings.log(T(.serveStopped))
        }
    }

    /// `ilson replies list`.
    struct List: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: T(.aboutReplyList))
        @OptionGroup var options: RosterDayOptions
        @Flag(help: ArgumentHelp(T(.helpEveryReplyDayAlso))) var all = false

        func run(_ context: CommandContext) throws {
            let (date, center) = try (context.date, context.center)
            let replies = try Replies.list(center: center, date: date, all: all, on: context.db)
            guard !replies.isEmpty else {
                print(T(all ? .repliesNone : .repliesNoneForAPerson, ["center": center.code, "date": date]))
                return
            }
            var table = TextTable(headers: [
                T(.colReceivedAt), T(.colName), T(.colPhone), T(.colReply), T(.colStatus), T(.colHandling),
            ])
            for r in replies {
                table.append([
                    r.storedAt, r.workerName ?? "-", Phone.mask(r.sender), Excerpt.quoted(r.body),
                    RosterRender.reply(r.state), r.note.map(StoredText.render) ?? "",
                ])
            }
            print(T(.repliesCount, ["center": center.code, "date": date, "count": replies.count]))
            print(table.render(), terminator: "")
        }
    }

    /// `ilson replies settings`.
    struct Settings: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings",
            abstract: T(.aboutReplySettings),
            discussion: T(.helpReply1))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpOff))) var prompt: Toggle?
        @Option(help: ArgumentHelp(T(.helpHhMmEveningBefore))) var deadline: String?
        @Option(help: ArgumentHelp(T(.helpOff))) var backfill: Toggle?
        @Option(help: ArgumentHelp(T(.helpOffReminderSmsWorkers))) var reminder: Toggle?

        func run(_ context: CommandContext) throws {
            let center = try context.center
            let s =
                prompt == nil && deadline == nil && backfill == nil && reminder == nil
                ? try Replies.settings(center: center, on: context.db)
                : try Replies.change(
                    center: center, prompt: prompt?.isOn, deadline: deadline, autoBackfill: backfill?.isOn,
                    reminder: reminder?.isOn, on: context.db)
            func onOff(_ on: Bool) -> String { on ? T(.settingOn) : T(.settingOff) }
            print(
                T(
                    .replySettingsLine,
                    [
                        "center": center.code, "prompt": onOff(s.replyPrompt), "deadline": s.replyDeadline,
                        "backfill": onOff(s.autoBackfill), "reminder": onOff(s.replyReminder),
                    ]))
        }
    }
}

/// `on` or `off`.
enum Toggle: String, ExpressibleByArgument {
    case on, off
    var isOn: Bool { self == .on }
}
