import ArgumentParser
import KoreanText
import Operations
import Records
import Texts

/// `ilson task …` and `ilson skill …`: the two catalogues share their subcommands.
protocol CatalogueCommandKind {
    static var kind: CatalogueKind { get }
}

/// `list`, `add`, `rename` of one catalogue.
enum CatalogueSubcommands<Kind: CatalogueCommandKind> {
    struct List: ContextCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "list",
                abstract: "\(Kind.kind.korean) 목록: 한국어 이름, 코드, 쓰임 (List the \(Kind.kind.rawValue)s).")
        }
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpTableCsvJson))) var format: OutputFormat = .table
        @OptionGroup var csv: CSVEncodingOption

        func run(_ context: CommandContext) throws {
            let (_, lines) = try Catalogues.list(Kind.kind, center: options.center, on: context.db)
            let uses = Kind.kind == .task ? T(.catUsesRequests) : T(.catUsesWorkers)
            let headers = [T(.colName), T(.colCode), uses]
            let rows = lines.map { [$0.name ?? "", $0.code, String($0.uses)] }
            try context.format.write(
                table: {
                    var table = TextTable(headers: headers, alignments: [.left, .left, .right])
                    for row in rows { table.append(row) }
                    return table.render() + T(.catCount, ["kind": Kind.kind.shown, "count": lines.count]) + "\n"
                },
                headers: headers, rows: rows,
                json: lines.map { CatalogueJSON(code: $0.code, name: $0.name, uses: $0.uses) },
                encoding: csv.encoding)
        }
    }

    struct Add: ContextCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "add",
                abstract: "\(Kind.kind.korean) 추가 (Add a \(Kind.kind.rawValue) by its Korean name).",
                discussion: T(.helpCatalogue0, ["kind": Kind.kind.rawValue]))
        }
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpKoreanName))) var name: String
        @Option(help: ArgumentHelp(T(.helpStableCodeLowercaseLetters))) var code: String?

        func run(_ context: CommandContext) throws {
            let entry = try Catalogues.add(Kind.kind, name: name, code: code, center: options.center, on: context.db)
            print(T(.catAdded, ["kind": Kind.kind.shown, "name": entry.shown, "code": entry.code]))
        }
    }

    struct Rename: ContextCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                commandName: "rename",
                abstract: "\(Kind.kind.korean) 이름 바꾸기 (Rename a \(Kind.kind.rawValue)).",
                discussion: T(.helpCatalogue1, ["kind": Kind.kind.rawValue]))
        }
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpNameCodeHasNow))) var current: String
        @Argument(help: ArgumentHelp(T(.helpNewKoreanName))) var newName: String

        func run(_ context: CommandContext) throws {
            let (before, after) = try Catalogues.rename(
                Kind.kind, current, to: newName, center: options.center, on: context.db)
            print(
                T(
                    .catRenamed,
                    ["kind": Kind.kind.shown, "before": before.shown, "after": after.shown, "code": after.code]))
        }
    }
}

private struct CatalogueJSON: Encodable {
    var code: String
    var name: String?
    var uses: Int
}

/// `ilson task`: the tasks farms ask for (작업), by Korean name.
struct TaskCommand: ParsableCommand, CatalogueCommandKind {
    static let kind = CatalogueKind.task
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "작업 목록: list, add, rename (tasks, with Korean names).",
        subcommands: [
            CatalogueSubcommands<TaskCommand>.List.self, CatalogueSubcommands<TaskCommand>.Add.self,
            CatalogueSubcommands<TaskCommand>.Rename.self,
        ])
}

/// `ilson skill`: the skills workers hold (기술), by Korean name.
struct SkillCommand: ParsableCommand, CatalogueCommandKind {
    static let kind = CatalogueKind.skill
    static let configuration = CommandConfiguration(
        commandName: "skill", abstract: "기술 목록: list, add, rename (skills, with Korean names).",
        subcommands: [
            CatalogueSubcommands<SkillCommand>.List.self, CatalogueSubcommands<SkillCommand>.Add.self,
            CatalogueSubcommands<SkillCommand>.Rename.self,
        ])
}
