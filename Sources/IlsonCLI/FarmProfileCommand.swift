import ArgumentParser
import KoreanText
import Operations
import Records
import Texts
import Vocabulary

/// The flags of a farm's profile (sql/020), shared by `farm add` and `farm update`.
struct FarmProfileOptions: ParsableArguments {
    @Option(name: .customLong("area-ha"), help: ArgumentHelp(T(.helpCultivatedAreaHectares))) var areaHa: String?
    @Option(
        name: .customLong("disaster-until"),
        help: ArgumentHelp(T(.helpHitDisasterIllnessUntil))) var disasterUntil: String?
    @Option(name: .customLong("farmer-birth-year"), help: ArgumentHelp(T(.helpFarmerSYearBirth)))
    var farmerBirthYear: String?
    @Option(name: .customLong("woman-farmer"), help: ArgumentHelp(T(.helpWomanFarmer))) var womanFarmer: String?
    @Option(name: .customLong("disabled-farmer"), help: ArgumentHelp(T(.helpSeverelyDisabledFarmer)))
    var disabledFarmer: String?
    @Option(name: .customLong("no-family-labor"), help: ArgumentHelp(T(.helpNoFamilyLaborFarm)))
    var noFamilyLabor: String?

    var input: FarmProfileInput {
        FarmProfileInput(
            areaHa: areaHa, disasterUntil: disasterUntil, farmerBirthYear: farmerBirthYear, womanFarmer: womanFarmer,
            disabledFarmer: disabledFarmer, noFamilyLabor: noFamilyLabor)
    }
}

extension FarmCommand {
    /// `ilson farm update CODE --area-ha 0.8 …`.
    struct Update: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: T(.aboutFarmProfileSet),
            discussion: T(.helpFarmProfile0))
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpFarmCode))) var code: String
        @OptionGroup var profile: FarmProfileOptions

        func run(_ context: CommandContext) throws {
            let (farm, changed) = try Farms.update(
                code: code, profile: profile.input, center: options.center, clock: context.clock, on: context.db)
            print(T(.farmProfileChanged, ["code": farm.code, "name": farm.name]))
            for line in PolicyText.profile(farm.profile) { print("  \(line)") }
            if changed > 0 { print(T(.policyRequestsChanged, ["count": changed])) }
        }
    }

    /// `ilson farm show CODE`.
    struct Show: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: T(.aboutFarmProfileShow))
        @OptionGroup var options: CenterOptions
        @Argument(help: ArgumentHelp(T(.helpFarmCode))) var code: String

        func run(_ context: CommandContext) throws {
            let (farm, _, terms) = try Farms.show(
                code: code, center: options.center, day: context.clock.today, on: context.db)
            print(
                T(
                    .farmShowHead,
                    ["code": farm.code, "name": farm.name, "inactive": farm.active ? "" : T(.farmInactive)]))
            print(T(.farmShowFarmer, ["farmer": farm.farmerName, "phone": Phone.mask(farm.farmerPhone)]))
            print(
                T(.farmShowPlace, ["village": farm.village ?? "-", "address": farm.address.map { ", \($0)" } ?? ""]))
            print(
                T(
                    .farmShowMeeting,
                    ["point": farm.meetingPoint ?? "-", "time": farm.meetingTime?.description ?? ""]))
            for line in PolicyText.profile(farm.profile) { print("  \(line)") }
            let today = try context.clock.today
            print(T(.farmShowPolicy, ["today": today, "terms": PolicyText.terms(terms)]))
        }
    }
}
