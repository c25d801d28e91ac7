import Foundation
import Texts

/// `--lang ko|en` anywhere on the command line (taken out before the commands parse theirs), else `ILSON_LANG`
/// of the command's environment, else of the process, else Korean.
enum LanguageOption {
    /// The language and the arguments without `--lang X` / `--lang=X`. An unknown value is left in place, so
    /// the parser refuses it as an unknown option.
    static func take(from arguments: [String], environment: [String: String]?) -> (Language, [String]) {
        var rest: [String] = []
        var chosen: Language?
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" {
                rest += arguments[i...]
                break
            }
            if a == "--lang", i + 1 < arguments.count, let l = Language(setting: arguments[i + 1]) {
                chosen = l
                i += 2
                continue
            }
            if a.hasPrefix("--lang="), let l = Language(setting: String(a.dropFirst("--lang=".count))) {
                chosen = l
                i += 1
                continue
            }
            rest.append(a)
            i += 1
        }
        let fromEnvironment = (environment ?? [:])["ILSON_LANG"].flatMap(Language.init(setting:))
        return (chosen ?? fromEnvironment ?? Language.current, rest)
    }
}
