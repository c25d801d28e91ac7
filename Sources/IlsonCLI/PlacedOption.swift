import ArgumentParser
import Foundation
import Texts

/// An option's value with its place on the command line, for options that belong to the option named right before
/// them (`attendance record --late c --hours 6.5`: the hours are c's, not every worker's of the command).
///
/// ArgumentParser reads the command line from left to right and calls an option's `transform` as it reads the
/// option, so a counter taken in the transform orders the options of one command line. Positions only compare
/// within one parse; their absolute values mean nothing.
struct Placed<Value: Sendable>: Sendable {
    /// Larger for an option further right on the command line.
    var position: Int
    var value: Value
    /// The option as the user wrote it, for messages (`--hours 6.5`).
    var spelling: String
}

extension Placed where Value == String {
    /// The transform of a text option: `@Option(transform: Placed.text("--note"))`.
    static func text(_ option: String) -> @Sendable (String) throws -> Placed<String> {
        { Placed(position: PlacedCounter.next(), value: $0, spelling: "\(option) \($0)") }
    }
}

extension Placed where Value == Double {
    /// The transform of a number option; a value that is not a plain decimal number is refused naming the option.
    static func number(_ option: String) -> @Sendable (String) throws -> Placed<Double> {
        { text in
            let position = PlacedCounter.next()
            let plain = text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && text.first != "."
            guard plain, let value = Double(text), value.isFinite else {
                throw ValidationError(T(.errNotHours, ["option": option, "value": text]))
            }
            return Placed(position: position, value: value, spelling: "\(option) \(text)")
        }
    }
}

/// The counter behind `Placed.position`; shared by every parse of the process, which only ever compares positions
/// within one parse.
enum PlacedCounter {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last = 0

    static func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        last += 1
        return last
    }
}
