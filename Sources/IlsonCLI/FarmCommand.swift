import ArgumentParser
import KoreanText
import Operations
import Records
import Texts
import Vocabulary

/// `ilson farm`: farms (농가), where workers go.
struct FarmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "farm", abstract: T(.aboutFarm),
        subcommands: [Add.self, List.self, Show.self, Update.self, Import.self])

    struct Add: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: T(.aboutFarmAdd),
            discussion: T(.helpFarm0))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpFarmCodeWithinCenter))) var code: String
        @Option(help: ArgumentHelp(T(.helpFarmName))) var name: String
        @Option(help: ArgumentHelp(T(.helpFarmerSPhoneId))) var farmer: String
        @Option(help: ArgumentHelp(T(.helpLatitude)), transform: DecimalArgument.parse) var lat: Double?
        @Option(help: ArgumentHelp(T(.helpLongitude)), transform: DecimalArgument.parse) var lon: Double?
        @Option(help: ArgumentHelp(T(.helpVillageCenterSCounty2))) var village: String?
        @Option(help: ArgumentHelp(T(.helpStreetAddress))) var address: String?
        @Option(name: .customLong("meeting-point"), help: ArgumentHelp(T(.helpWhereWorkersGather)))
        var meetingPoint: String?
        @Option(name: .customLong("meeting-time"), help: ArgumentHelp(T(.helpTheyGatherHhMm))) var meetingTime: String?
        @OptionGroup var profile: FarmProfileOptions

        func run(_ context: CommandContext) throws {
            let farm = try Farms.add(
                FarmInput(
                    code: code, name: name, farmer: farmer,
                    location: LocationInput(lat: lat, lon: lon, village: village),
                    address: address, meetingPoint: meetingPoint, meetingTime: meetingTime, profile: profile.input),
                center: options.center, on: context.db)
            print(
                T(
                    .farmAdded,
                    [
                        "code": farm.code, "name": farm.name, "id": farm.id, "farmer": farm.farmerName,
                        "phone": Phone.mask(farm.farmerPhone), "village": farm.village ?? "", "lat": farm.lat,
                        "lon": farm.lon,
                    ]))
        }
    }

    struct List: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T(.aboutFarmList))
        @OptionGroup var options: CenterOptions

        func run(_ context: CommandContext) throws {
            let (_, farms) = try Farms.list(center: options.center, on: context.db)
            var table = TextTable(headers: [
                T(.colCode), T(.colName), T(.colFarmer), T(.colPhone), T(.colVillage), T(.colMeetingPoint), T(.colTime),
            ])
            for f in farms {
                table.append([
                    f.code, f.name, f.farmerName, Phone.mask(f.farmerPhone), f.village ?? String(format2(f.lat, f.lon)),
                    f.meetingPoint ?? "", f.meetingTime?.description ?? "",
                ])
            }
            print(table.render(), terminator: "")
        }

        func format2(_ lat: Double, _ lon: Double) -> String {
            "\((lat * 10000).rounded() / 10000), \((lon * 10000).rounded() / 10000)"
        }
    }

    struct Import: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: T(.aboutFarmImport),
            discussion: T(.helpFarmImport) + "\n" + T(.helpColumns) + "\n" + ImportFormats.farms.helpText)
        @OptionGroup var options: CenterOptions
        @OptionGroup var input: InputFileArgument

        func run(_ context: CommandContext) throws {
            if try input.writeTemplate(ImportFormats.farms) { return }
            print(try FarmImport.run(bytes: input.bytes(), file: input.file, center: options.center, on: context.db))
        }
    }
}
