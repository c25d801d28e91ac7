import ArgumentParser
import KoreanText
import Operations
import Texts

extension DBCommand {
    /// `ilson db check`: lists every stored row a current rule rejects (read-only).
    struct Check: ContextCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: T(.aboutDBCheck),
            discussion: T(.helpDBCheck0))

        @OptionGroup var options: CenterOptions

        func run(_ context: CommandContext) throws {
            let center = options.center == nil ? nil : try context.center
            let lines = try DatabaseCheck.run(center: center, on: context.db)
            guard !lines.isEmpty else {
                print(T(.dbCheckClean))
                return
            }
            var table = TextTable(
                headers: [T(.colCenter), T(.colDate), T(.colRequest), T(.colFarm), T(.colWorker), T(.colProblem)],
                alignments: [.left, .left, .right, .left, .left, .left])
            for l in lines {
                table.append([l.center, "\(l.date)", "\(l.request)", l.farm, l.worker, l.problem])
            }
            print(table.render(), terminator: "")
            throw CommandFailure(T(.dbCheckBroken, ["count": lines.count]), exitCode: .partial)
        }
    }
}
