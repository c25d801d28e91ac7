import Foundation

/// Runs a short Python 3 program (`python3 -c`) on a text given on its standard input, for the checks Swift has no
/// parser for (HTML, SVG as XML).
enum PythonScript {
    /// The program's exit status and standard output.
    static func run(_ script: String, stdin text: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
