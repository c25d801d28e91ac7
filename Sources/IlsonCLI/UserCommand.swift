import ArgumentParser
import Foundation
import KoreanText
import Operations
import Records
import Texts
import Vocabulary

/// `ilson user`: the logins of people (sql/008_roles.sql, docs/roles.md).
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: T(.aboutUser),
        subcommands: [Add.self, List.self, Whoami.self, Workers.self])

    struct Add: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: T(.aboutUserAdd),
            discussion: T(.helpUser0, ["min": Users.minimumPasswordLength]))
        @OptionGroup var options: DatabaseOptions
        @Option(help: ArgumentHelp(T(.helpFarmerCoordinatorBatchAdmin))) var role: String
        @Option(help: ArgumentHelp(T(.helpLoginNameKimJc))) var login: String
        @Flag(
            name: .customLong("password-stdin"),
            help: ArgumentHelp(T(.helpPasswordStdin, ["min": Users.minimumPasswordLength]))
        )
        var passwordStdin = false
        @Option(name: .customLong("password-file"), help: ArgumentHelp(T(.helpReadPasswordFile)))
        var passwordFile: String?
        @Option(help: ArgumentHelp(T(.helpFarmerLoginFarmerS))) var farmer: String?
        @Option(
            help: ArgumentHelp(T(.helpUserCenter))
        )
        var center: String?

        func run(_ context: CommandContext) throws {
            guard let kind = UserKind(rawValue: role.lowercased()) else {
                throw CommandFailure(T(.errUserRole, ["role": Excerpt.quoted(role)]), exitCode: .badInput)
            }
            let password = try readPassword()
            try Users.add(login: login, password: password, kind: kind, center: center, farmer: farmer, on: context.db)
            let scope = [
                center.map { T(.userScopeCenter, ["center": $0.uppercased()]) },
                farmer.map { T(.userScopeFarmer, ["farmer": PersonRefText.masked($0)]) },
            ]
            .compactMap { $0 }.joined(separator: ", ")
            print(
                T(
                    .userAdded,
                    [
                        "login": login, "kind": UserCommand.kindName(kind),
                        "scope": scope.isEmpty ? "" : T(.userScope, ["scope": scope]), "group": kind.groupRole,
                    ]))
        }

        /// The password from stdin or the file: its first line, without the line break.
        func readPassword() throws -> String {
            let data: Data
            switch (passwordStdin, passwordFile) {
            case (true, nil):
                data = FileHandle.standardInput.readDataToEndOfFile()
            case (false, let path?):
                guard let contents = FileManager.default.contents(atPath: path) else {
                    throw CommandFailure(T(.errPasswordFile, ["path": path]), exitCode: .badInput)
                }
                data = contents
            case (true, _?):
                throw CommandFailure(T(.errPasswordBoth), exitCode: .badInput)
            case (false, nil):
                throw CommandFailure(T(.errPasswordMissing), exitCode: .badInput)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure(T(.errPasswordNotText), exitCode: .badInput)
            }
            let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return String(line.hasSuffix("\r") ? line.dropLast() : line)
        }
    }

    struct List: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: T(.aboutUserList))
        @OptionGroup var options: DatabaseOptions

        func run(_ context: CommandContext) throws {
            var table = TextTable(headers: [
                T(.colLogin), T(.colKind), T(.colCenter), T(.colFarmer), T(.colCreatedBy),
            ])
            for user in try Users.list(on: context.db) {
                table.append([
                    user.login, UserCommand.kindName(user.kind), user.centerCode ?? "",
                    user.farmerID.map(String.init) ?? "",
                    user.createdBy,
                ])
            }
            print(table.render(), terminator: "")
        }
    }

    struct Whoami: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "whoami", abstract: T(.aboutUserWhoami))
        @OptionGroup var options: DatabaseOptions

        func run(_ context: CommandContext) throws {
            let me = try Users.whoami(on: context.db)
            if let user = me.user {
                var text = T(.whoamiUser, ["login": me.login, "kind": UserCommand.kindName(user.kind)])
                if let code = user.centerCode { text += T(.whoamiCenter, ["center": code]) }
                if let farmer = user.farmerID { text += T(.whoamiFarmer, ["farmer": farmer]) }
                print(text)
            } else if me.isSuperuser {
                print(T(.whoamiSuperuser, ["login": me.login]))
            } else {
                print(T(.whoamiNobody, ["login": me.login]))
            }
        }
    }

    struct Workers: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "workers",
            abstract: T(.aboutUserWorkers))
        @OptionGroup var options: DatabaseOptions
        @Option(help: ArgumentHelp(T(.helpOnlyDay))) var date: DateArgument?

        func run(_ context: CommandContext) throws {
            let day = try date.map { try context.day($0, field: "--date").description }
            var table = TextTable(
                headers: [
                    T(.colDate), T(.colFarm), T(.colWorkHours), T(.colTask), T(.colRequest), T(.colWorker),
                    T(.colPhone),
                    T(.colAnswer), T(.colRide),
                ])
            for row in try Users.farmerWorkers(from: day, to: day, on: context.db) {
                table.append([
                    row.workDate.description, "\(row.farmCode) \(row.farmName)", "\(row.startTime)~\(row.endTime)",
                    row.task,
                    String(row.requestID),
                    row.workerName, Phone.format(row.workerPhone), row.status == .confirmed ? "참석확인" : "",
                    row.ridePoint.map { "\($0) 승차" } ?? "",
                ])
            }
            print(table.render(), terminator: "")
        }
    }
}

extension UserCommand {
    /// A kind of user as a person reads it (`coordinator` → 담당자).
    static func kindName(_ kind: UserKind) -> String {
        switch kind {
        case .farmer: T(.userKindFarmer)
        case .coordinator: T(.userKindCoordinator)
        case .batch: T(.userKindBatch)
        case .admin: T(.userKindAdmin)
        }
    }
}

/// A farmer reference for output: a phone number masked, an id as is.
enum PersonRefText {
    static func masked(_ text: String) -> String {
        Phone.normalize(text).map(Phone.mask) ?? text
    }
}
