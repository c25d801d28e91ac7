import Foundation
import Texts

#if canImport(Glibc)
    import Glibc
#endif

/// The one way the CLI writes a file the user named (`solve --out`, `export-instance --out`, `generate --out`,
/// `generate --csv-dir`).
///
/// - A regular file, or a path that does not exist yet, is written to a temporary file beside it and renamed into
///   place: a reader never sees half a plan, and a failed write (a full disk) leaves the old file as it was and no
///   temporary file behind. A replaced file keeps its permissions.
/// - Anything else (a symbolic link, `/dev/stdout`, a named pipe, a device) is written through, as `>` in a shell
///   would: the link stays a link and its target gets the bytes; a device is never replaced by a file.
enum OutputFile {
    /// Writes `bytes` to `path`; on failure throws a bad-input `CommandFailure` naming the path and the reason.
    static func write(_ bytes: [UInt8], to path: String) throws {
        var status = stat()
        if lstat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            try writeThrough(bytes, to: path)
        } else {
            let mode = lstat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
            try replace(path, with: bytes, keepingMode: mode)
        }
    }

    /// Writes text as UTF-8.
    static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Opens the existing non-regular file (following a link) and writes into it.
    private static func writeThrough(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path) }
        defer { close(fd) }
        try writeAll(bytes, to: fd, path: path)
    }

    /// A temporary file beside `path`, written whole, then renamed over `path`; removed again on any failure.
    private static func replace(_ path: String, with bytes: [UInt8], keepingMode mode: mode_t?) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(path) }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            try writeAll(bytes, to: fd, path: path)
            if let mode, fchmod(fd, mode) != 0 { throw failure(path) }
            guard fsync(fd) == 0 else { throw failure(path) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw failure(path) }
        guard rename(temporary, path) == 0 else { throw failure(path) }
        renamed = true
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path)
            }
            offset += written
        }
    }

    /// The error of the last system call, as a message naming the file.
    private static func failure(_ path: String) -> CommandFailure {
        CommandFailure(
            T(.errCannotWriteWhy, ["path": path, "why": String(cString: strerror(errno))]), exitCode: .badInput)
    }
}
