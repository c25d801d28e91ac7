// Build tool behind the EmbedPlaces plugin: writes a Swift source that holds data/places.tsv as one
// raw string literal (a string literal compiles in a moment; an array literal of 20,000 rows would not).
//
// Usage: EmbedPlacesTool INPUT.tsv OUTPUT.swift [VARIABLE]   (VARIABLE defaults to embeddedPlacesTSV; the
// EmbedBoundaries plugin uses it for data/boundaries.tsv)
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 || arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: EmbedPlacesTool INPUT.tsv OUTPUT.swift [VARIABLE]\n".utf8))
    exit(2)
}
guard let data = FileManager.default.contents(atPath: arguments[0]), let text = String(data: data, encoding: .utf8)
else {
    FileHandle.standardError.write(Data("EmbedPlacesTool: cannot read \(arguments[0]) as UTF-8\n".utf8))
    exit(1)
}
guard !text.contains("\"#") else {
    FileHandle.standardError.write(Data("EmbedPlacesTool: \(arguments[0]) holds \"#, which ends the literal\n".utf8))
    exit(1)
}
let variable = arguments.count == 3 ? arguments[2] : "embeddedPlacesTSV"
let input = URL(fileURLWithPath: arguments[0]).lastPathComponent
var source = """
    // Generated at build time by the EmbedPlaces tool from data/\(input). Do not edit.

    /// data/\(input) as text: tab-separated lines, `#` comments.
    let \(variable) = #\"\"\"

    """
source += text
if !text.hasSuffix("\n") { source += "\n" }
source += "\"\"\"#\n"
if FileManager.default.contents(atPath: arguments[1]) != Data(source.utf8) {
    do {
        try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[1]), options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("EmbedPlacesTool: cannot write \(arguments[1]): \(error)\n".utf8))
        exit(1)
    }
}
