import ArgumentParser
import Foundation
import Generator
import Scheduling

/// `ilson generate`: writes a realistic generated problem instance (spec/problem-format.md).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a realistic generated problem instance.",
        discussion: """
            Workers, farms and requests of 진천군 (and, for many workers, offset copies of it side \
            by side, about 2,000 workers each). The same arguments and seed give the same file, \
            byte for byte. Flavors: balanced, scarce (demand above supply), surplus, skills \
            (many skill-restricted requests), remote (far-out farms, short travel caps).
            """)

    @Option(name: .long, help: "Number of workers (at least 1).")
    var workers: Int

    @Option(name: .long, help: "Requests per day (0 or more).")
    var requests: Int

    @Option(name: .long, help: "Number of consecutive plan days (1 to 366).")
    var days: Int = 1

    @Option(name: .long, help: "Random seed (0 to 2^64-1).")
    var seed: String = "1"

    @Option(name: .long, help: "balanced, scarce, surplus, skills or remote.")
    var flavor: String = Flavor.balanced.rawValue

    @Option(name: .long, help: "First plan day, YYYY-MM-DD (default \(InstanceGenerator.defaultStart)).")
    var start: String?

    @Option(name: .long, help: "Write here instead of standard output.")
    var out: String?

    @Flag(name: .long, help: "Print sizes, candidate pairs and timings on standard error.")
    var stats = false

    /// Checks the arguments and builds the generator.
    func makeGenerator() throws -> InstanceGenerator {
        guard workers >= 1, workers <= 2_000_000 else {
            throw CommandFailure("--workers must be between 1 and 2000000 (got \(workers))", exitCode: .badInput)
        }
        guard requests >= 0, requests <= 1_000_000 else {
            throw CommandFailure("--requests must be between 0 and 1000000 per day (got \(requests))", exitCode: .badInput)
        }
        guard (1...366).contains(days) else {
            throw CommandFailure("--days must be between 1 and 366 (got \(days))", exitCode: .badInput)
        }
        guard let seedValue = UInt64(seed) else {
            throw CommandFailure("--seed must be a whole number from 0 to 18446744073709551615 (got '\(seed)')", exitCode: .badInput)
        }
        guard let flavorValue = Flavor(rawValue: flavor) else {
            let names = Flavor.allCases.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure("unknown --flavor '\(flavor)': use one of \(names)", exitCode: .badInput)
        }
        var startDay = InstanceGenerator.defaultStart
        if let start {
            guard let day = Day(start) else {
                throw CommandFailure("--start must be a real date written YYYY-MM-DD (got '\(start)')", exitCode: .badInput)
            }
            startDay = day
        }
        return InstanceGenerator(
            workers: workers, requestsPerDay: requests, days: days, seed: seedValue, flavor: flavorValue, start: startDay)
    }

    func run() throws {
        let generator = try makeGenerator()
        let clock = ContinuousClock()
        let t0 = clock.now
        let instance = generator.generate()
        let t1 = clock.now
        let bytes = InstanceJSONWriter.encode(instance)
        let t2 = clock.now
        if let out {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: out))
            } catch {
                throw CommandFailure("cannot write \(out): \(error.localizedDescription)", exitCode: .badInput)
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
        if stats {
            let t3 = clock.now
            let pairs = CandidatePairs.count(instance)
            let t4 = clock.now
            func ms(_ d: Duration) -> Int { Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000) }
            let slots = instance.requests.reduce(0) { $0 + $1.headcount }
            printError(
                """
                \(instance.name ?? "instance"): counties \(generator.countyCount), workers \(instance.workers.count), \
                farms \(instance.farms.count), requests \(instance.requests.count), slots \(slots), \
                pinned \(instance.pinned.count), history \(instance.history.count), candidatePairs \(pairs), \
                bytes \(bytes.count); generate \(ms(t1 - t0)) ms, encode \(ms(t2 - t1)) ms, \
                write \(ms(t3 - t2)) ms, count \(ms(t4 - t3)) ms
                """)
        }
    }
}
