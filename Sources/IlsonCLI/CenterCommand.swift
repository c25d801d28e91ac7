import ArgumentParser
import KoreanText
import Operations
import Places
import Records
import Texts
import Vocabulary

/// `ilson center`: dispatch centers (농촌인력중개센터).
struct CenterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "center", abstract: T(.aboutCenter),
        subcommands: [Add.self, List.self, Edit.self, CenterPolicyCommand.self])

    struct Add: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T(.aboutCenterAdd))
        @OptionGroup var options: DatabaseOptions
        @Option(help: ArgumentHelp(T(.helpShortCodeLettersDigits))) var code: String
        @Option(help: ArgumentHelp(T(.helpName2))) var name: String
        @Option(name: .customLong("sms-sender"), help: ArgumentHelp(T(.helpRegisteredSmsSenderNumber)))
        var smsSender: String?
        @Option(help: ArgumentHelp(T(.helpCenterCounty)))
        var county: String?

        func run(_ context: CommandContext) throws {
            let center = try Centers.add(code: code, name: name, smsSender: smsSender, county: county, on: context.db)
            let place =
                try Centers.county(of: center, on: context.db).map {
                    T(.centerAddedPlace, ["county": $0.fullName, "countyCode": $0.code])
                } ?? ""
            print(T(.centerAdded, ["code": center.code, "name": center.name, "id": center.id, "place": place]))
        }
    }

    struct List: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T(.aboutCenterList))
        @OptionGroup var options: DatabaseOptions

        func run(_ context: CommandContext) throws {
            var table = TextTable(headers: [T(.colCode), T(.colName), T(.colSmsSender), T(.colCounty)])
            for center in try Centers.list(on: context.db) {
                let county = try Centers.county(of: center, on: context.db)
                table.append([center.code, center.name, center.smsSender ?? "", county.map(\.fullName) ?? ""])
            }
            print(table.render(), terminator: "")
        }
    }

    struct Edit: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: T(.aboutCenterEdit))
        @OptionGroup var options: DatabaseOptions
        @Argument(help: ArgumentHelp(T(.helpCenterSCode))) var code: String?
        @Option(help: ArgumentHelp(T(.helpNewName))) var name: String?
        @Option(name: .customLong("sms-sender"), help: ArgumentHelp(T(.helpNewRegisteredSmsSender))) var smsSender:
            String?
        @Option(help: ArgumentHelp(T(.helpCenterSCountyName))) var county: String?

        func run(_ context: CommandContext) throws {
            guard name != nil || smsSender != nil || county != nil else {
                throw CommandFailure(T(.centerNothingToChange), exitCode: .badInput)
            }
            let code = try self.code ?? context.center.code
            if let county {
                let bound = try Centers.setCounty(code: code, county: county, on: context.db)
                print(
                    T(.centerCounty, ["code": code.uppercased(), "county": bound.fullName, "countyCode": bound.code]))
            }
            guard name != nil || smsSender != nil else { return }
            let center = try Centers.edit(code: code, name: name, smsSender: smsSender, on: context.db)
            print(
                T(
                    .centerEdited,
                    ["code": center.code, "name": center.name, "sender": center.smsSender ?? T(.centerNoSender)]))
        }
    }
}
