import Foundation
import PackagePlugin

/// Embeds the package's simplified 읍면동 boundaries, `data/boundaries.tsv`, into the target it is applied to
/// (Boundaries) as a generated Swift source holding the text, so the ilson binary carries it wherever it
/// is copied. The table is parsed once, at first use.
@main
struct EmbedBoundaries: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let input = context.package.directoryURL.appending(path: "data").appending(path: "boundaries.tsv")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedBoundaries.swift")
        return [
            .buildCommand(
                displayName: "Embedding data/boundaries.tsv",
                executable: try context.tool(named: "EmbedPlacesTool").url,
                arguments: [input.path(), output.path(), "embeddedBoundariesTSV"],
                inputFiles: [input],
                outputFiles: [output]
            )
        ]
    }
}
