import Foundation
import PackagePlugin

/// Embeds the package's national gazetteer, `data/places.tsv`, into the target it is applied to
/// (Places) as a generated Swift source holding the text, so the ilson binary carries it wherever it
/// is copied. The table is parsed once, at first use.
@main
struct EmbedPlaces: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "data").appending(path: "places.tsv")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedPlaces.swift")
        return [
            .buildCommand(
                displayName: "Embedding data/places.tsv",
                executable: try context.tool(named: "EmbedPlacesTool").url,
                arguments: [input.path(), output.path()],
                inputFiles: [input],
                outputFiles: [output]
            )
        ]
    }
}
