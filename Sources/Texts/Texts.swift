import Foundation

/// The one way ilson code gets a text a person reads: a key, looked up in the catalogue of the current language
/// (`Language.current`), with its `{placeholders}` filled in.
///
///     T(.rosterNone, ["date": date])   // "7/8 배치표가 아직 없습니다 …"
public func T(_ key: TextKey, _ values: [String: any CustomStringConvertible] = [:]) -> String {
    Catalogue.text(key, in: Language.current, values)
}

/// The catalogues: one per language, every key in both (a test checks it, and that each key has the same
/// placeholders in both).
public enum Catalogue {
    /// The template of a key in a language, unfilled (the key's name when missing, which a test forbids).
    public static func template(_ key: TextKey, in language: Language) -> String? {
        switch language {
        case .ko: korean[key]
        case .en: english[key]
        }
    }

    /// The key's text in a language with its placeholders filled in.
    public static func text(
        _ key: TextKey, in language: Language, _ values: [String: any CustomStringConvertible] = [:]
    ) -> String {
        var text = template(key, in: language) ?? template(key, in: .en) ?? key.rawValue
        guard text.contains("{") else { return text }
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: value.description)
        }
        return text
    }

    /// The placeholder names of a template (`{count}` → `count`).
    public static func placeholders(_ template: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber }) { names.insert(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return names
    }
}
