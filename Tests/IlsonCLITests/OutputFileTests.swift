import Foundation
import TestSupport
import Testing

@testable import IlsonCLI

#if canImport(Glibc)
    import Glibc
#endif

/// `OutputFile`, the one way the CLI writes a file the user named: a regular file is replaced whole, a link or a
/// pipe is written through, and a failed write leaves no temporary file (issue 13, item 9).
@Suite struct OutputFileTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ilson-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func leftovers(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
    }

    @Test func aSymbolicLinkIsWrittenThroughAndStaysALink() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("real.json").path
        let link = dir.appendingPathComponent("plan.json").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(
            IlsonCommand.runMain(["solve", "--instance", try SolveCommandTestsInstance.write(), "--out", link]) == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: link)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink, "the link is still a link")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.contains("\"assignments\""), "the plan went to the link's target")
        #expect(try Self.leftovers(dir).isEmpty)
    }

    @Test func aNamedPipeIsWrittenThroughNotReplaced() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The read end is opened first, without blocking (a thread that blocks in open raced the writer: a hang, or
        // SIGPIPE when the reader left early); the writer then finds a reader at once, and the text fits the pipe.
        let readEnd = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(readEnd >= 0)
        defer { close(readEnd) }
        try OutputFile.write("through the pipe\n", to: fifo)
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(readEnd, &buffer, buffer.count)
        #expect(n > 0 && String(decoding: buffer[0..<max(0, n)], as: UTF8.self) == "through the pipe\n")
        var status = stat()
        #expect(lstat(fifo, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFIFO, "still a pipe, not a regular file")
    }

    @Test func aRegularFileIsReplacedWholeAndKeepsItsMode() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("plan.json").path
        try Data(String(repeating: "x", count: 10_000).utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o640) == 0)
        try OutputFile.write("short", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "short")
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o640)
        #expect(try Self.leftovers(dir).isEmpty)
    }

    /// A disk that fills up mid-write, played by a file size limit (`ulimit -f`, with SIGXFSZ ignored so the write
    /// fails with EFBIG as it would with ENOSPC): exit 2 naming the file, and no `.tmp` file left in the directory.
    @Test func aFailedWriteLeavesNoTemporaryFile() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("csv").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c", "trap '' XFSZ; ulimit -f 4; exec \"$0\" generate --workers 300 --requests 60 --csv-dir \"$1\"",
            IlsonBinary.path, csv,
        ]
        process.environment = [
            "PATH": "/usr/bin:/bin", "ILSON_CONFIG": "/dev/null", "LANG": "C.UTF-8", "ILSON_LANG": "en",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(message)")
        #expect(message.contains("cannot write") && message.contains(".csv"), "\(message)")
        let names = try FileManager.default.contentsOfDirectory(atPath: csv)
        #expect(names.allSatisfy { !$0.hasSuffix(".tmp") }, "left behind: \(names)")
    }
}

/// A small valid instance for the commands above.
enum SolveCommandTestsInstance {
    static func write() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ilson-out-instance-\(UUID().uuidString).json"
        ).path
        try Data(SolveCommandTests.good.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
