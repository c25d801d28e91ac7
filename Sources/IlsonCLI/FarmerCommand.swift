import ArgumentParser
import KoreanText
import Operations
import Records
import Texts
import Vocabulary

/// `ilson farmer`: farmers (농업인) who own farms.
struct FarmerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "farmer", abstract: T(.aboutFarmer), subcommands: [Add.self, List.self])

    struct Add: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: T(.aboutFarmerAdd))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpName))) var name: String
        @Option(help: ArgumentHelp(T(.helpMobileNumber))) var phone: String

        func run(_ context: CommandContext) throws {
            let farmer = try Farmers.add(name: name, phone: phone, center: options.center, on: context.db)
            print(T(.farmerAdded, ["name": farmer.name, "phone": Phone.mask(farmer.phone), "id": farmer.id]))
        }
    }

    struct List: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T(.aboutFarmerList))
        @OptionGroup var options: CenterOptions

        func run(_ context: CommandContext) throws {
            let (_, farmers) = try Farmers.list(center: options.center, on: context.db)
            var table = TextTable(
                headers: [T(.colNumber), T(.colName), T(.colPhone), T(.colFarms)],
                alignments: [.right, .left, .left, .right])
            for f in farmers { table.append([String(f.id), f.name, Phone.mask(f.phone), String(f.farmCount)]) }
            print(table.render(), terminator: "")
        }
    }
}
