import Foundation

/// The language of the words ilson prints: Korean by default, English with `--lang en` or `ILSON_LANG=en`.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case ko
    case en

    /// The language a setting names: `en`, `en_US`, `english` are English; `ko`, `kr`, `korean`, `한국어` Korean;
    /// nil for anything else.
    public init?(setting: String) {
        let s = setting.trimmingCharacters(in: .whitespaces).lowercased()
        if s == "en" || s.hasPrefix("en_") || s.hasPrefix("en-") || s == "english" || s == "영어" {
            self = .en
        } else if s == "ko" || s == "kr" || s.hasPrefix("ko_") || s.hasPrefix("ko-") || s == "korean" || s == "한국어" {
            self = .ko
        } else {
            return nil
        }
    }

    /// The language of `ILSON_LANG` in an environment, Korean when unset or unknown.
    public static func from(environment: [String: String]) -> Language {
        environment["ILSON_LANG"].flatMap(Language.init(setting:)) ?? .ko
    }

    /// The language of the current task: set by `IlsonCommand.runMain` for one command; otherwise the
    /// process's `ILSON_LANG` (Korean when unset).
    @TaskLocal public static var current: Language = from(environment: ProcessInfo.processInfo.environment)
}
