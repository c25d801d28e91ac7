import Foundation

/// A text kept in the database as its key and values, not as words: whoever reads it later reads it in their own
/// language (a reply's note is written by the 19:00 batch run and read by the coordinator the next morning).
///
///     let note = StoredText(.replyNoNotice)
///     try store(note: StoredText.encode([note]))        // `[{"k":"replyNoNotice"}]`
///     StoredText.render(storedNote)                      // "이 번호로 보낸 알림이 없습니다: 누구인지 확인하세요"
///
/// Several parts are joined by "; ". A stored value that is not such a text (written before, or cut short) is shown
/// as it is.
public struct StoredText: Codable, Sendable, Hashable {
    /// The key's raw value.
    public var k: String
    /// Plain values of the placeholders (dates, numbers, names, a server's own text).
    public var v: [String: String]?
    /// Placeholders that are themselves texts, rendered in the reader's language.
    public var t: [String: StoredText]?

    public init(
        _ key: TextKey, _ values: [String: any CustomStringConvertible] = [:], texts: [String: StoredText] = [:]
    ) {
        k = key.rawValue
        v = values.isEmpty ? nil : values.mapValues(\.description)
        t = texts.isEmpty ? nil : texts
    }

    /// The text in the current language (`Language.current`).
    public var text: String {
        guard let key = TextKey(rawValue: k) else { return k }
        var values: [String: any CustomStringConvertible] = v ?? [:]
        for (name, nested) in t ?? [:] { values[name] = nested.text }
        return T(key, values)
    }

    /// The parts as one stored value (compact JSON, keys sorted so the same note is the same text).
    public static func encode(_ parts: [StoredText]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(parts), let text = String(data: data, encoding: .utf8) else { return "" }
        return text
    }

    /// A stored value in the current language: the parts of `encode` joined by "; ", anything else as it is.
    public static func render(_ stored: String) -> String {
        guard stored.hasPrefix("[{"), let parts = try? JSONDecoder().decode([StoredText].self, from: Data(stored.utf8))
        else { return stored }
        return parts.map(\.text).joined(separator: "; ")
    }
}
