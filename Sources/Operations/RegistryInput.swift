import Foundation
import KoreanText
import Places
import Postgres
import Records
import Scheduling
import Storage
import Texts
import Vocabulary

/// Where a value came from, so a message can name it as the person typed it:
/// `--min` on the command line, `min_headcount` in a CSV file.
public enum InputSource: Sendable, Hashable {
    case commandLine
    case file

    func name(_ option: String, _ column: String) -> String {
        self == .commandLine ? "--" + option : FieldNames.shown(column)
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
    /// How far from the center's county typed coordinates may lie (a typo in a coordinate lands farther).
    static let maxKmFromCounty = 50.0

    /// Coordinates from lat/lon or a village: a village of the center's county (`동부리`, `괴산읍 동부리`) or, for
    /// someone living across a border, a full address (`충청북도 음성군 금왕읍 무극리`); with no county, nationally.
    ///
    /// Given both, the coordinates are kept and the village stored as their label (its legal name when it resolves,
    /// else as typed). Coordinates outside South Korea, or more than ``maxKmFromCounty`` from the county (unless
    /// the village is a full address), are refused with the distance named.
    static func location(_ input: LocationInput, what: String, source: InputSource, county: County?)
        throws(OperationError) -> ResolvedLocation
    {
        let latName = source.name("lat", "lat")
        let lonName = source.name("lon", "lon")
        let villageName = source.name("village", "village")
        let korea = Gazetteer.korea
        var village: VillageRef?
        var label: String?
        var byAddress = false
        let haveCoordinates = input.lat != nil && input.lon != nil
        if let given = input.village {
            let text = try self.text(given, TextLimits.village, option: villageName) ?? given
            let (lookup, address) = korea.village(text, within: county)
            switch lookup {
            case .found(let ref):
                village = ref
                byAddress = address && ref.countyName != county?.name
                label = byAddress ? ref.fullName : ref.qualifiedName
            case .ambiguous(let refs) where !haveCoordinates:
                let names = refs.prefix(8).map {
                    county != nil && $0.countyName == county!.name ? $0.qualifiedName : $0.fullName
                }
                throw .badInput(
                    T(
                        .errVillageAmbiguous,
                        [
                            "field": villageName, "value": Excerpt.quoted(text),
                            "names": names.joined(separator: ", ")
                                + (refs.count > 8 ? T(.errVillageMore, ["count": refs.count - 8]) : ""),
                            "example": names[0],
                        ]))
            case .notFound(let close) where !haveCoordinates:
                let near = close.map { county != nil && $0.countyName == county!.name ? $0.qualifiedName : $0.fullName }
                let field = ["field": villageName, "value": Excerpt.quoted(text)]
                throw .badInput(
                    (county.map { T(.errVillageNotInCounty, field.merging(["county": $0.name]) { a, _ in a }) }
                        ?? T(.errVillageUnknown, field))
                        + (near.isEmpty ? "" : T(.errVillageClose, ["names": near.joined(separator: ", ")]))
                        + T(
                            .errVillageHint,
                            [
                                "example": county?.villages.first?.qualifiedName ?? "이월면 중산리",
                                "lat": latName, "lon": lonName,
                            ]))
            default:
                label = text
            }
        }
        switch (input.lat, input.lon) {
        case (let lat?, let lon?):
            guard (-90...90).contains(lat), (-180...180).contains(lon) else {
                throw .badInput(
                    T(.errNotAPlace, ["lat": latName, "latValue": lat, "lon": lonName, "lonValue": lon]))
            }
            let point = PlacePoint(lat: lat, lon: lon)
            guard korea.isInKorea(point) else {
                throw .badInput(
                    T(
                        .errOutsideKorea,
                        ["what": what, "lat": latName, "latValue": lat, "lon": lonName, "lonValue": lon]))
            }
            if let county, !byAddress, let nearest = county.nearestVillage(to: point), nearest.km > maxKmFromCounty {
                throw .badInput(
                    T(
                        .errFarFromCounty,
                        [
                            "what": what, "lat": latName, "latValue": lat, "lon": lonName, "lonValue": lon,
                            "county": county.name, "km": Int(nearest.km.rounded()), "maxKm": Int(maxKmFromCounty),
                            "village": villageName,
                        ]))
            }
            return ResolvedLocation(lat: lat, lon: lon, village: label)
        case (nil, nil):
            guard let village else {
                throw .badInput(
                    T(
                        .errNoLocation,
                        [
                            "what": what, "village": villageName, "lat": latName, "lon": lonName,
                            "example": county?.villages.first?.qualifiedName ?? "이월면 중산리",
                        ]))
            }
            return ResolvedLocation(lat: village.village.centre.lat, lon: village.village.centre.lon, village: label)
        default:
            throw .badInput(T(.errLatLonTogether, ["lat": latName, "lon": lonName, "village": villageName]))
        }
    }

    /// A Korean mobile number as digits.
    static func phone(_ text: String, field: String) throws(OperationError) -> String {
        guard let digits = Phone.normalize(text) else {
            // Shown as typed, so the coordinator who typed it finds the typo (logs and messages to others mask).
            throw .badInput(T(.errNotAMobile, ["field": FieldNames.shown(field), "value": Excerpt.quoted(text)]))
        }
        return digits
    }

    /// A phone cell of a spreadsheet: as `phone`, and a number whose leading zero Excel dropped (a cell typed as a
    /// number: `1012345678`, `1012345678.0`) is read with it again.
    ///
    /// - Returns: the digits, and whether the leading zero was restored (for the import summary).
    static func sheetPhone(_ text: String, field: String) throws(OperationError) -> (digits: String, restored: Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if Phone.normalize(trimmed) == nil {
            var bare = trimmed
            if bare.hasSuffix(".0") { bare.removeLast(2) }
            if bare.first == "1", bare.allSatisfy({ $0.isASCII && $0.isNumber }),
                let digits = Phone.normalize("0" + bare)
            {
                return (digits, true)
            }
        }
        return (try phone(text, field: field), false)
    }

    /// The summary's note for phones read with their leading zero restored.
    static func restoredPhonesNote(lines: [Int]) -> String? {
        guard !lines.isEmpty else { return nil }
        return T(
            .importPhonesRestored, ["count": lines.count, "lines": lines.map(String.init).joined(separator: ", ")])
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
            throw .badInput(
                T(.errFieldMissing, ["label": FieldNames.label(field), "option": FieldNames.shown(option)]))
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
                T(
                    .errFieldTooLong,
                    [
                        "label": FieldNames.label(field), "option": FieldNames.shown(option), "length": length,
                        "max": field.maxLength, "value": Excerpt.quoted(trimmed),
                    ]))
        case .controlCharacter(let scalar):
            throw .badInput(
                T(
                    .errFieldControl,
                    [
                        "label": FieldNames.label(field), "option": FieldNames.shown(option),
                        "kind": field.singleLine ? T(.fieldOneLine) : T(.fieldPlainText),
                        "control": controlName(scalar),
                        "value": Excerpt.quoted(trimmed),
                    ]))
        }
    }

    /// A control character in words: `a line break`, `a tab`, `a NUL byte`, `the control character U+001B`.
    static func controlName(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": T(.controlLineBreak)
        case "\t": T(.controlTab)
        case "\0": T(.controlNul)
        default: T(.controlOther, ["hex": String(scalar.value, radix: 16, uppercase: true)])
        }
    }

    static let categories: [String: String] = [
        "senior": "senior", "youth": "youth", "women": "women", "disabled": "disabled", "foreign": "foreign",
        "general": "general", "고령": "senior", "청년": "youth", "여성": "women", "장애인": "disabled",
        "외국인": "foreign", "일반": "general", "midlife": "midlife", "신중년": "midlife",
    ]

    /// The Korean label of a stored category.
    static let categoryLabels: [String: String] = [
        "senior": "고령", "youth": "청년", "women": "여성", "disabled": "장애인", "foreign": "외국인", "general": "일반",
        "midlife": "신중년",
    ]

    static func category(_ text: String, field: String) throws(OperationError) -> WorkerCategory {
        guard let code = categories[text.trimmingCharacters(in: .whitespaces).lowercased()],
            let value = WorkerCategory(rawValue: code)
        else {
            throw .badInput(T(.errNotACategory, ["field": FieldNames.shown(field), "value": Excerpt.quoted(text)]))
        }
        return value
    }

    static func yesNo(_ text: String, field: String) throws(OperationError) -> Bool {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "y", "yes", "true", "1", "예", "네", "동의", "o": return true
        case "n", "no", "false", "0", "아니오", "아니요", "미동의", "x": return false
        default: throw .badInput(T(.errNotYesNo, ["field": FieldNames.shown(field), "value": Excerpt.quoted(text)]))
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
                    T(.errNotASkillCode, ["field": FieldNames.shown(field), "value": Excerpt.quoted(raw)]))
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
            throw .badInput(T(.errNotATime, ["field": FieldNames.shown(field), "value": Excerpt.quoted(text)]))
        }
        return time
    }

    static func farmCode(_ text: String, field: String) throws(OperationError) -> String {
        let code = text.trimmingCharacters(in: .whitespaces)
        guard !code.isEmpty, code.count <= 32,
            code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else {
            throw .badInput(T(.errNotAFarmCode, ["field": FieldNames.shown(field), "value": Excerpt.quoted(text)]))
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
