import Foundation
import KoreanText
import Places
import Postgres
import Records
import Scheduling
import Storage
import Vocabulary

/// Where a value came from, so a message can name it as the person typed it:
/// `--min` on the command line, `min_headcount` in a CSV file.
public enum InputSource: Sendable, Hashable {
    case commandLine
    case file

    func name(_ option: String, _ column: String) -> String {
        self == .commandLine ? "--" + option : column
    }
}

/// A place given by latitude/longitude, by a village ilson knows, or both (lat/lon win, the village is kept).
public struct LocationInput: Sendable, Hashable {
    public var lat: Double?
    public var lon: Double?
    public var village: String?

    public init(lat: Double? = nil, lon: Double? = nil, village: String? = nil) {
        self.lat = lat
        self.lon = lon
        self.village = village
    }

    /// Whether anything was given.
    public var isEmpty: Bool { lat == nil && lon == nil && village == nil }
}

/// A resolved place: coordinates and the village's full name when one was given.
public struct ResolvedLocation: Sendable, Hashable {
    public var lat: Double
    public var lon: Double
    public var village: String?
}

/// Parsing and checking what people type for the registry, with messages that say what to do.
enum RegistryInput {
    /// Coordinates from lat/lon or a village of Jincheon-gun (`Places.jincheon`).
    static func location(_ input: LocationInput, what: String, source: InputSource) throws(OperationError)
        -> ResolvedLocation
    {
        let latName = source.name("lat", "lat")
        let lonName = source.name("lon", "lon")
        let villageName = source.name("village", "village")
        var village: VillageRef?
        if let given = input.village {
            let text = try self.text(given, TextLimits.village, option: villageName) ?? given
            switch Places.jincheon.lookup(text) {
            case .found(let ref): village = ref
            case .ambiguous(let refs):
                throw .badInput(
                    "village \(Excerpt.quoted(text)) is ambiguous: \(refs.map(\.qualifiedName).joined(separator: ", ")); "
                        + "give the town too, e.g. \"\(refs[0].qualifiedName)\"")
            case .notFound:
                throw .badInput(
                    "village \(Excerpt.quoted(text)) is not a village of \(Places.jincheon.name) that ilson knows; "
                        + "check the spelling (e.g. \"이월면 중산리\") or give \(latName) and \(lonName)")
            }
        }
        switch (input.lat, input.lon) {
        case (let lat?, let lon?):
            guard (-90...90).contains(lat), (-180...180).contains(lon) else {
                throw .badInput(
                    "\(latName) \(lat) / \(lonName) \(lon) is not a place: latitude -90..90, longitude -180..180")
            }
            return ResolvedLocation(lat: lat, lon: lon, village: village?.qualifiedName)
        case (nil, nil):
            guard let village else {
                throw .badInput(
                    "\(what) has no location: give \(villageName) (e.g. \"이월면 중산리\") or \(latName) and \(lonName)")
            }
            return ResolvedLocation(
                lat: village.village.centre.lat, lon: village.village.centre.lon, village: village.qualifiedName)
        default:
            throw .badInput("\(latName) and \(lonName) go together: give both, or \(villageName) instead")
        }
    }

    /// A Korean mobile number as digits.
    static func phone(_ text: String, field: String) throws(OperationError) -> String {
        guard let digits = Phone.normalize(text) else {
            throw .badInput(
                "\(field) \(Excerpt.quoted(Phone.mask(text))) is not a Korean mobile number (010-1234-5678)")
        }
        return digits
    }

    /// A required text of a field of `TextLimits`, trimmed: not blank, within the field's limit, one line when the
    /// field is.
    ///
    /// - Parameters:
    ///   - field: the field and its limit.
    ///   - option: how the person gave it (`--name`, or the CSV column `name`).
    /// - Throws: `.badInput` naming the field, the option and the limit.
    static func name(_ text: String?, _ field: TextField, option: String) throws(OperationError) -> String {
        guard let value = try self.text(text, field, option: option) else {
            throw .badInput("the \(field.label) (\(option)) is missing")
        }
        return value
    }

    /// An optional text of a field of `TextLimits`, trimmed; nil when absent or blank.
    ///
    /// - Throws: `.badInput` when it is over the field's limit or, for a one-line field, holds a line break, a tab
    ///   or another control character; the message names the field in words, the option and the limit.
    static func text(_ text: String?, _ field: TextField, option: String) throws(OperationError) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        switch field.problem(with: trimmed) {
        case nil:
            return trimmed
        case .tooLong(let length):
            throw .badInput(
                "the \(field.label) (\(option)) is too long: \(length) characters where at most \(field.maxLength) "
                    + "fit; shorten it: \(Excerpt.quoted(trimmed))")
        case .controlCharacter(let scalar):
            throw .badInput(
                "the \(field.label) (\(option)) must be \(field.singleLine ? "one line" : "plain text"): "
                    + "it holds \(controlName(scalar)); remove it: \(Excerpt.quoted(trimmed))")
        }
    }

    /// A control character in words: `a line break`, `a tab`, `a NUL byte`, `the control character U+001B`.
    static func controlName(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": "a line break"
        case "\t": "a tab"
        case "\0": "a NUL byte"
        default: "the control character U+" + String(scalar.value, radix: 16, uppercase: true)
        }
    }

    static let categories: [String: String] = [
        "senior": "senior", "youth": "youth", "women": "women", "disabled": "disabled", "foreign": "foreign",
        "general": "general", "고령": "senior", "청년": "youth", "여성": "women", "장애인": "disabled",
        "외국인": "foreign", "일반": "general",
    ]

    /// The Korean label of a stored category.
    static let categoryLabels: [String: String] = [
        "senior": "고령", "youth": "청년", "women": "여성", "disabled": "장애인", "foreign": "외국인", "general": "일반",
    ]

    static func category(_ text: String, field: String) throws(OperationError) -> WorkerCategory {
        guard let code = categories[text.trimmingCharacters(in: .whitespaces).lowercased()],
            let value = WorkerCategory(rawValue: code)
        else {
            throw .badInput(
                "\(field) \(Excerpt.quoted(text)) is not a category: senior, youth, women, disabled, foreign, general "
                    + "(고령, 청년, 여성, 장애인, 외국인, 일반)")
        }
        return value
    }

    static func yesNo(_ text: String, field: String) throws(OperationError) -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "y", "yes", "true", "1", "예", "네", "동의", "o": return true
        case "n", "no", "false", "0", "아니오", "아니요", "미동의", "x": return false
        default: throw .badInput("\(field) \(Excerpt.quoted(text)) is neither y nor n (예/아니오)")
        }
    }

    /// Skill or task codes: lowercase ASCII letters, digits, `-`, `_`; sorted, without duplicates.
    static func skills(_ codes: [String], field: String) throws(OperationError) -> [String] {
        var result = Set<String>()
        for raw in codes {
            let code = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if code.isEmpty { continue }
            guard code.count <= 32,
                code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else {
                throw .badInput(
                    "\(field) \(Excerpt.quoted(raw)) is not a skill code: use letters, digits, - or _ (e.g. harvest)")
            }
            result.insert(code)
        }
        return result.sorted()
    }

    /// Splits a list cell or option: `a;b` or `a,b`.
    static func list(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func time(_ text: String, field: String) throws(OperationError) -> TimeOfDay {
        var padded = text.trimmingCharacters(in: .whitespaces)
        if padded.count == 4, padded.dropFirst().first == ":" { padded = "0" + padded }
        if padded.count == 8, padded.hasSuffix(":00") { padded = String(padded.prefix(5)) }
        guard let time = TimeOfDay(padded) else {
            throw .badInput("\(field) \(Excerpt.quoted(text)) is not a time: use HH:MM, e.g. 07:00")
        }
        return time
    }

    static func farmCode(_ text: String, field: String) throws(OperationError) -> String {
        let code = text.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.count <= 32,
            code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw .badInput("\(field) \(Excerpt.quoted(text)) is not a farm code: letters, digits, - or _ (e.g. F012)")
        }
        return code
    }

    /// Canonical JSON of a value, for the audit log.
    static func json(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension PostgresError {
    /// The constraint a unique or check violation names, if any.
    var violatedConstraint: String? {
        switch kind {
        case .uniqueViolation(let c), .checkViolation(let c), .foreignKeyViolation(let c): c
        default: nil
        }
    }
}
