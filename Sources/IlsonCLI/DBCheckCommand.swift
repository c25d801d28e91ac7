import ArgumentParser
import KoreanText
import Operations
import Texts

extension DBCommand {
    /// `ilson db check`: lists every stored row a current rule rejects (read-only).
    struct Check: ContextCommand {
        static let configuration = CommandConfiguration(
            abstract: T(.aboutDBCheck),
            discussion: T(.helpDBCheck0))

        @OptionGroup var options: CenterOptions

        func run(_ context: CommandContext) throws {
            let center = options.center == nil ? nil : try context.center
            let lines = try DatabaseCheck.run(center: center, on: context.db)
            guard !lines.isEmpty else {
                print("이상 없음: 현재 규칙에 어긋나는 배정이 없습니다")
                return
            }
            var table = TextTable(
                headers: ["센터", "날짜", "요청", "농가", "작업자", "문제"],
                alignments: [.left, .left, .right, .left, .left, .left])
            for l in lines {
                table.append([l.center, "\(l.date)", "\(l.request)", l.farm, l.worker, l.problem])
            }
            print(table.render(), terminator: "")
            throw CommandFailure(
                "배정 \(lines.count)건이 현재 규칙에 어긋납니다: roster unassign으로 빼십시오", exitCode: .partial)
        }
    }
}
