import ArgumentParser
import Operations
import Records
import Texts

/// `ilson center policy show|set`: how a center turns a farm's profile into a request's priority.
struct CenterPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: T(.aboutPolicy),
        subcommands: [Show.self, Set.self])

    struct Show: ContextCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: T(.aboutPolicyShow))
        @OptionGroup var options: CenterOptions

        func run(_ context: CommandContext) throws {
            let (center, policy, stored) = try PriorityPolicies.show(center: options.center, on: context.db)
            print(
                T(
                    .policyTitle,
                    ["center": center.code, "name": center.name, "default": stored ? "" : T(.policyDefault)]))
            for line in PolicyText.policy(policy) { print(line) }
            print(T(.policyFormula))
        }
    }

    struct Set: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: T(.aboutPolicySet),
            discussion: T(.helpCenterPolicy0))
        @OptionGroup var options: CenterOptions
        @Option(help: ArgumentHelp(T(.helpBasePriority))) var base: Int?
        @Option(
            name: .customLong("small-farm-ha"), help: ArgumentHelp(T(.helpFarmUnderManyHa)),
            transform: DecimalArgument.parse) var smallFarmHa: Double?
        @Option(name: .customLong("small-farm-points"), help: ArgumentHelp(T(.helpPointsSmallFarm)))
        var smallFarmPoints: Int?
        @Option(name: .customLong("disaster-points"), help: ArgumentHelp(T(.helpPointsFarmHitDisaster)))
        var disasterPoints: Int?
        @Option(name: .customLong("elderly-age"), help: ArgumentHelp(T(.helpAgeWhichElderlyFarmer)))
        var elderlyAge: Int?
        @Option(name: .customLong("elderly-points"), help: ArgumentHelp(T(.helpPointsElderlyFarmerNo)))
        var elderlyPoints: Int?
        @Option(name: .customLong("woman-points"), help: ArgumentHelp(T(.helpPointsWomanFarmer))) var womanPoints: Int?
        @Option(name: .customLong("disabled-points"), help: ArgumentHelp(T(.helpPointsSeverelyDisabledFarmer)))
        var disabledPoints: Int?
        @Option(name: .customLong("no-family-points"), help: ArgumentHelp(T(.helpPointsFarmNoFamily)))
        var noFamilyPoints: Int?

        func run(_ context: CommandContext) throws {
            let (policy, changed) = try PriorityPolicies.set(
                PriorityPolicyInput(
                    base: base, smallFarmHa: smallFarmHa, smallFarmPoints: smallFarmPoints,
                    disasterPoints: disasterPoints, elderlyAge: elderlyAge, elderlyPoints: elderlyPoints,
                    womanPoints: womanPoints, disabledPoints: disabledPoints, noFamilyPoints: noFamilyPoints),
                center: options.center, clock: context.clock, on: context.db)
            print(T(.policyChanged))
            for line in PolicyText.policy(policy) { print(line) }
            print(T(.policyRequestsChanged, ["count": changed]))
        }
    }
}
