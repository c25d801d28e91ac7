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
        // By bytes: `String.contains(Character)` and Foundation's `replacingOccurrences` walk the Hangul by grapheme
        // clusters (≈ 60,000 instructions a text; every command's start fills ~160 texts for ArgumentParser's
        // command tree). A placeholder is ASCII, so its bytes are found exactly where its characters are.
        guard Catalogue.hasBrace(text) else { return text }
        for (name, value) in values {
            text = replacingAll("{\(name)}", with: value.description, in: text)
        }
        return text
    }

    /// Whether `text` holds a `{`: over the string's contiguous UTF-8 bytes when it has them (a native string
    /// does); `UTF8View.contains` goes through the view's iterator byte by byte (0.55M instructions for the 136 texts
    /// of `ilson --help`).
    static func hasBrace(_ text: String) -> Bool {
        let brace = UInt8(ascii: "{")
        return text.utf8.withContiguousStorageIfAvailable { $0.contains(brace) } ?? text.utf8.contains(brace)
    }

    /// `text` with every occurrence of `pattern` (left to right, not overlapping) replaced by `replacement`, found by
    /// comparing UTF-8 bytes (the same places as a literal search when `pattern` begins with an ASCII character).
    static func replacingAll(_ pattern: String, with replacement: String, in text: String) -> String {
        let bytes = Array(text.utf8)
        let needle = Array(pattern.utf8)
        guard let first = needle.first, needle.count <= bytes.count else { return text }
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == first && bytes[i..<(i + needle.count)].elementsEqual(needle) {
                if out.isEmpty { out.reserveCapacity(bytes.count + replacement.utf8.count) }
                out.append(contentsOf: bytes[copied..<i])
                out.append(contentsOf: replacement.utf8)
                i += needle.count
                copied = i
            } else {
                i += 1
            }
        }
        if copied == 0 { return text }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
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
