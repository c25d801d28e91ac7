import ArgumentParser
import KoreanText
import Operations
import Records
import Texts

/// `ilson pickup`: a center's pickup points (승차 지점) and farms' vans (version 2).
struct PickupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pickup",
        abstract: T(.aboutPickup),
        discussion: T(.helpPickup0),
        subcommands: [Add.self, List.self, Farm.self, Import.self])

    struct Add: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: T(.aboutPickupAdd))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpNameUniqueCenter))) var name: String
        @Option(help: ArgumentHelp(T(.helpVillageCounty))) var village: String?
        @Option(help: ArgumentHelp(T(.helpLatitude)), transform: DecimalArgument.parse) var lat: Double?
        @Option(help: ArgumentHelp(T(.helpLongitude)), transform: DecimalArgument.parse) var lon: Double?

        func run(_ context: CommandContext) throws {
            let p = try Pickups.add(
                name: name, location: LocationInput(lat: lat, lon: lon, village: village), center: options.center,
                on: context.db)
            print(
                T(
                    .pickupAdded,
                    [
                        "name": p.name, "village": p.village ?? "", "lat": formatNumber(p.lat),
                        "lon": formatNumber(p.lon),
                    ]))
        }
    }

    struct List: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: T(.aboutPickupList))
        @OptionGroup var options: CenterOptions

        func run(_ context: CommandContext) throws {
            let points = try Pickups.list(center: options.center, on: context.db)
            if points.isEmpty {
                print(T(.pickupNone))
                return
            }
            var table = TextTable(
                headers: [T(.colName), T(.colVillage), T(.colLatitude), T(.colLongitude)],
                alignments: [.left, .left, .right, .right])
            for p in points { table.append([p.name, p.village ?? "", formatNumber(p.lat), formatNumber(p.lon)]) }
            print(table.render(), terminator: "")
        }
    }

    struct Farm: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "farm",
            abstract: T(.aboutPickupFarm))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpFarmCode))) var farm: String
        @Option(help: ArgumentHelp(T(.helpSeatsRiders))) var seats: Int?
        @Option(help: ArgumentHelp(T(.helpPickupPointNamesComma))) var points: String?
        @Flag(help: ArgumentHelp(T(.helpFarmHasNoVan))) var none = false

        func validate() throws {
            if none && (seats != nil || points != nil) { throw ValidationError(T(.errPickupNoneWith)) }
        }

        func run(_ context: CommandContext) throws {
            let van: PickupRecord
            if none || seats != nil || points != nil {
                van = try Pickups.setFarm(
                    code: farm, seats: none ? nil : seats, points: splitList(points) ?? [], center: options.center,
                    on: context.db)
            } else {
                van = try Pickups.farm(code: farm, center: options.center, on: context.db)
            }
            let text = van.seats.map {
                van.points.isEmpty
                    ? T(.pickupSeats, ["seats": $0])
                    : T(.pickupSeatsPoints, ["seats": $0, "points": van.points.joined(separator: ", ")])
            }
            print(T(.pickupFarmVan, ["farm": farm, "van": text ?? T(.pickupNoVan)]))
        }
    }

    struct Import: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: T(.aboutPickupImport),
            discussion: T(.helpPickup1))
        @OptionGroup var options: CenterOptions
        @OptionGroup var input: InputFileArgument

        func run(_ context: CommandContext) throws {
            print(try PickupImport.run(bytes: input.bytes(), file: input.file, center: options.center, on: context.db))
        }
    }
}
