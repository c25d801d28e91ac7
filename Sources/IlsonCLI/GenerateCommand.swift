import ArgumentParser
import Foundation
import Generator
import KoreanText
import Operations
import Places
import Records
import Scheduling
import Texts
import Vocabulary

/// `ilson generate`: writes a realistic generated problem instance (spec/problem-format.md).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: T(.aboutGenerate),
        discussion: T(.helpGenerate0))

    @Option(name: .long, help: ArgumentHelp(T(.helpNumberWorkers)))
    var workers: Int

    @Option(name: .long, help: ArgumentHelp(T(.helpRequestsPerDay)))
    var requests: Int

    @Option(name: .long, help: ArgumentHelp(T(.helpNumberConsecutivePlanDays)))
    var days: Int = 1

    @Option(name: .long, help: ArgumentHelp(T(.helpRandomSeed)))
    var seed: String = "1"

    @Option(name: .long, help: ArgumentHelp(T(.helpBalancedScarceSurplusSkills)))
    var flavor: String = Flavor.balanced.rawValue

    @Option(name: .long, help: ArgumentHelp(T(.helpFirstPlanDay, ["date": InstanceGenerator.defaultStart])))
    var start: String?

    @Option(name: .long, help: ArgumentHelp(T(.helpWriteHereInsteadStandard)))
    var out: String?

    @Option(
        name: .long,
        help: ArgumentHelp(T(.helpAlsoWriteFarmsCsv)))
    var csvDir: String?

    @Option(name: .long, help: ArgumentHelp(T(.helpCountyNameDigitCode)))
    var county: String?

    @Flag(name: .long, help: ArgumentHelp(T(.helpPrintSizesCandidatePairs)))
    var stats = false

    @Flag(name: .long, help: ArgumentHelp(T(.helpVersionMix)))
    var v2 = false

    @Option(
        name: .customLong("v2-half-days"), help: ArgumentHelp(T(.helpVShareHalfDay)),
        transform: DecimalArgument.parse)
    var v2HalfDays: Double?

    @Option(
        name: .customLong("v2-two-jobs"),
        help: ArgumentHelp(T(.helpVShareDaySeasonal)),
        transform: DecimalArgument.parse)
    var v2TwoJobs: Double?

    /// Checks the arguments and builds the generator.
    func makeGenerator() throws -> InstanceGenerator {
        guard workers >= 1, workers <= 2_000_000 else {
            throw CommandFailure(
                T(.genRange, ["option": "--workers", "min": 1, "max": 2_000_000, "value": workers]), exitCode: .badInput
            )
        }
        guard requests >= 0, requests <= 1_000_000 else {
            throw CommandFailure(T(.genRequestsRange, ["value": requests]), exitCode: .badInput)
        }
        guard (1...366).contains(days) else {
            throw CommandFailure(
                T(.genRange, ["option": "--days", "min": 1, "max": 366, "value": days]), exitCode: .badInput)
        }
        guard let seedValue = UInt64(seed) else {
            throw CommandFailure(T(.genSeed, ["value": seed]), exitCode: .badInput)
        }
        guard let flavorValue = Flavor(rawValue: flavor) else {
            let names = Flavor.allCases.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure(T(.genFlavor, ["value": flavor, "names": names]), exitCode: .badInput)
        }
        var startDay = InstanceGenerator.defaultStart
        if let start {
            guard let day = Day(start) else {
                throw CommandFailure(T(.genStart, ["value": start]), exitCode: .badInput)
            }
            startDay = day
        }
        var generator = InstanceGenerator(
            workers: workers, requestsPerDay: requests, days: days, seed: seedValue, flavor: flavorValue,
            start: startDay)
        if let county { generator.county = try Centers.county(named: county) }
        generator.version2 = try version2Mix()
        return generator
    }

    /// The version 2 mix the options ask for, or nil without `--v2`.
    func version2Mix() throws -> Version2Mix? {
        guard v2 else {
            if v2HalfDays != nil || v2TwoJobs != nil {
                throw CommandFailure(T(.genNeedsV2), exitCode: .badInput)
            }
            return nil
        }
        var mix = Version2Mix.standard
        for (name, value) in [("--v2-half-days", v2HalfDays), ("--v2-two-jobs", v2TwoJobs)] {
            if let value, !(0...1).contains(value) {
                throw CommandFailure(
                    T(.genRange, ["option": name, "min": 0, "max": 1, "value": value]), exitCode: .badInput)
            }
        }
        if let v2HalfDays { mix.halfDayShare = v2HalfDays }
        if let v2TwoJobs { mix.twoJobShare = v2TwoJobs }
        return mix
    }

    func run() throws {
        let generator = try makeGenerator()
        let clock = ContinuousClock()
        let t0 = clock.now
        let instance = generator.generate()
        let t1 = clock.now
        let bytes = InstanceJSONWriter.encode(instance)
        let t2 = clock.now
        if let csvDir {
            try writeCSV(instance, seed: UInt64(seed) ?? 0, county: generator.county, into: csvDir)
        }
        if let out {
            try OutputFile.write(bytes, to: out)
        } else if csvDir == nil {
            FileHandle.standardOutput.write(Data(bytes))
        }
        if stats {
            let t3 = clock.now
            let pairs = CandidatePairs.count(instance)
            let t4 = clock.now
            func ms(_ d: Duration) -> Int {
                Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
            }
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

    /// Writes the three import files of the instance into `directory` (created when missing),
    /// each through `OutputFile` (a temporary file and a rename; none left behind when a write fails),
    /// and says what it wrote.
    ///
    /// - Throws: `CommandFailure` (bad input) when the directory or a file cannot be written, or a
    ///   farm file has text CP949 cannot carry.
    func writeCSV(_ instance: Instance, seed: UInt64, county: County, into directory: String) throws {
        let export = CSVExport.make(instance, seed: seed, county: county)
        guard let farms = CP949.encode(export.farms) else {
            throw CommandFailure(T(.genCP949), exitCode: .badInput)
        }
        let files: [(name: String, bytes: [UInt8], note: String)] = [
            ("farms.csv", farms, T(.genFarmsNote, ["count": export.farmRows])),
            ("workers.csv", Array(export.workers.utf8), T(.genWorkersNote, ["count": export.workerRows])),
            (
                "requests.csv", [0xEF, 0xBB, 0xBF] + Array(export.requests.utf8),
                T(.genRequestsNote, ["count": export.requestRows])
            ),
        ]
        let dir = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(
                T(.genCannotCreateDirectory, ["directory": directory, "why": error.localizedDescription]),
                exitCode: .badInput)
        }
        for file in files {
            let target = dir.appendingPathComponent(file.name)
            try OutputFile.write(file.bytes, to: target.path)
            print(T(.genWrote, ["path": target.path, "note": file.note]))
        }
        if export.requestsLeftOut > 0 {
            print(T(.genLeftOut, ["count": export.requestsLeftOut]))
        }
    }
}
