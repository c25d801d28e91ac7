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
        static let configuration = CommandConfiguration(abstract: T(.aboutPolicyShow))
        @OptionGroup var options: CenterOptions

        func run(_ context: CommandContext) throws {
            let (center, policy, stored) = try PriorityPolicies.show(center: options.center, on: context.db)
            print("\(center.code) \(center.name) 우선순위 정책\(stored ? "" : " (기본값)")")
            for line in PolicyText.policy(policy) { print(line) }
            print("요청의 우선순위 = 기본 + 해당하는 항목의 점수 (1~10). 직접 정한 우선순위(사유 포함)가 있으면 그것을 씁니다.")
        }
    }

    struct Set: ContextCommand {
        static let configuration = CommandConfiguration(
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
            print("우선순위 정책을 바꿨습니다")
            for line in PolicyText.policy(policy) { print(line) }
            print("정책을 따르는 요청 \(changed)건의 우선순위가 바뀌었습니다")
        }
    }
}
