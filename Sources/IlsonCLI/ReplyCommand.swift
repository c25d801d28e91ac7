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
            abstract: T(.aboutReplyServe),
            discussion: T(.helpReply0))

        @OptionGroup var options: DatabaseOptions
        @Option(help: ArgumentHelp(T(.helpAddressPortListen))) var listen: String = "127.0.0.1:8026"

        func run(_ context: CommandContext) throws {
            guard let colon = listen.lastIndex(of: ":"), let port = UInt16(listen[listen.index(after: colon)...])
            else {
                throw CommandFailure("--listen must be ADDRESS:PORT, e.g. 127.0.0.1:8026", exitCode: .badInput)
            }
            guard let secret = try context.configuration.value(ReplySettingsCLI.secretKey)?.value, secret.count >= 16
            else {
                throw CommandFailure(
                    "set \(ReplySettingsCLI.secretKey) to a secret of at least 16 characters (the provider sends it "
                        + "as Authorization: Bearer SECRET)", exitCode: .badInput)
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
                "replies serve: listening on \(listen.prefix(colon.utf16Offset(in: listen))):\(receiver.port)")
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
                        return .unavailable("database unavailable")
                    }
                }, log: { BatchSettings.log("replies serve: \($0)") })
            BatchSettings.log("replies serve: stopped")
        }
    }

    /// `ilson replies list`.
    struct List: ContextCommand {
        static let configuration = CommandConfiguration(
            abstract: T(.aboutReplyList))
        @OptionGroup var options: RosterDayOptions
        @Flag(help: ArgumentHelp(T(.helpEveryReplyDayAlso))) var all = false

        func run(_ context: CommandContext) throws {
            let (date, center) = try (context.date, context.center)
            let replies = try Replies.list(center: center, date: date, all: all, on: context.db)
            guard !replies.isEmpty else {
                print("\(center.code) \(date): no replies\(all ? "" : " that need a person")")
                return
            }
            var table = TextTable(headers: ["받은 시각", "이름", "전화", "회신", "상태", "처리"])
            for r in replies {
                table.append([
                    r.storedAt, r.workerName ?? "-", Phone.mask(r.sender), Excerpt.quoted(r.body), r.state.rawValue,
                    r.note ?? "",
                ])
            }
            print("\(center.code) \(date): \(replies.count) reply(ies)")
            print(table.render(), terminator: "")
        }
    }

    /// `ilson replies settings`.
    struct Settings: ContextCommand {
        static let configuration = CommandConfiguration(
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
            print(
                "\(center.code): answer prompt \(s.replyPrompt ? "on" : "off"), deadline \(s.replyDeadline) the "
                    + "evening before, automatic backfill \(s.autoBackfill ? "on" : "off"), reminder "
                    + "\(s.replyReminder ? "on" : "off")")
        }
    }
}

/// `on` or `off`.
enum Toggle: String, ExpressibleByArgument {
    case on, off
    var isOn: Bool { self == .on }
}
