import Foundation
import PackagePlugin

/// Embeds the package's `sql/*.sql` migration files into the target it is applied to
/// (Storage), as a generated Swift source. Every build lists `sql/` again, so adding,
/// changing or removing a file is picked up.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let sqlDirectory = context.package.directoryURL.appending(path: "sql")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sqlDirectory.path())) ?? []
        let files = names.filter { $0.hasSuffix(".sql") }.sorted().map { sqlDirectory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) SQL migration(s) from sql/",
                executable: try context.tool(named: "EmbedSQL").url,
                arguments: [output.path()] + files.map { $0.path() },
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
