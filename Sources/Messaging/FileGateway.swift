import Foundation
import KoreanText
import Synchronization
import Vocabulary

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `file` gateway: a send list per center and day, for upload to a bulk-SMS service by hand.
///
/// Each message is one JSON line appended to `DIR/YYYY-MM-DD-CENTER.jsonl` (the record: the contract's fields
/// plus `bytes` and `messageId`) and a readable block appended to `DIR/YYYY-MM-DD-CENTER.txt`.
/// `exportCSV(center:date:)` writes `DIR/YYYY-MM-DD-CENTER.csv` (recipient, kind, type, bytes, body, message id)
/// atomically from the record, for services that take CSV.
///
/// Idempotent by key, also across processes: under an exclusive `flock` on the `.jsonl`, the keys already in it
/// are read (only what was appended since the last look) before a line is added; the same key returns the same
/// id (`file-KEY`) and writes nothing. Each line is one `write` with `O_APPEND`, then `fsync`, before `send`
/// returns. The files hold full numbers: they are the send list. Keep the directory private to the center.
public final class FileGateway: Gateway {
    public let name = "file"
    /// The directory of the send lists.
    public let directory: String
    let defaultSender: String?
    let state = Mutex<[String: ListState]>([:])

    /// What this process knows of one `.jsonl`: the keys in it and how far it has been read.
    struct ListState: Sendable {
        var ids: [String: String] = [:]
        var readOffset: Int = 0
        var sequence: Int = 0
    }

    /// A line of the `.jsonl`.
    struct Record: Codable {
        var messageId: String
        var to: String
        var from: String
        var type: String
        var kind: String
        var bytes: Int
        var body: String
        var idempotencyKey: String
        var center: String
        var date: String
    }

    /// Creates the gateway; the directory is created on first send.
    ///
    /// - Parameters:
    ///   - directory: where the send lists go (`ILSON_SMS_DIR`, default `./sms-out`).
    ///   - defaultSender: the sender number recorded when a message carries none.
    public init(directory: String, defaultSender: String? = nil) {
        self.directory = directory
        self.defaultSender = defaultSender
    }

    /// The path of a send list without extension: `DIR/2026-12-01-JC`.
    public func basePath(center: String, date: Day) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + "\(date)-\(center)"
    }

    public func send(_ message: OutgoingMessage) throws(GatewayError) -> DeliveryReceipt {
        if let problem = message.problem { throw .rejected(reason: problem, httpStatus: nil) }
        let from = message.from.isEmpty ? (defaultSender ?? "") : message.from
        let key = message.idempotencyKey.lowercased()
        let id = "file-" + key
        let base = basePath(center: message.center, date: message.date)
        return try state.withLock { (lists: inout [String: ListState]) throws(GatewayError) -> DeliveryReceipt in
            var list = lists[base] ?? ListState()
            defer { lists[base] = list }
            try createDirectory()
            let fd = open(base + ".jsonl", O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
            guard fd >= 0 else { throw Self.ioError("cannot open \(base).jsonl", errno) }
            defer { close(fd) }
            guard flock(fd, LOCK_EX) == 0 else { throw Self.ioError("cannot lock \(base).jsonl", errno) }
            defer { flock(fd, LOCK_UN) }
            var needsNewline = false
            try Self.readNewLines(fd: fd, into: &list, needsNewline: &needsNewline)
            if let existing = list.ids[key] { return DeliveryReceipt(messageId: existing, gateway: name) }

            let bytes = CP949.byteCount(message.body) ?? 0
            let record = Record(
                messageId: id, to: message.to, from: from, type: message.type.rawValue, kind: message.kind.rawValue,
                bytes: bytes, body: message.body, idempotencyKey: key, center: message.center,
                date: message.date.description)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard var line = try? encoder.encode(record) else {
                throw .rejected(reason: "cannot encode the message as JSON", httpStatus: nil)
            }
            if needsNewline { line.insert(0x0A, at: 0) }  // a torn last line from a crash stays on its own
            line.append(0x0A)
            try Self.writeAll(fd: fd, line, path: base + ".jsonl")
            guard fsync(fd) == 0 else { throw Self.ioError("cannot sync \(base).jsonl", errno) }
            list.readOffset += line.count
            list.ids[key] = id
            list.sequence += 1

            // The readable copy; the .jsonl is the record, so a failure here does not fail the send.
            var text = "#\(list.ids.count) \(message.date) \(message.center) \(message.kind) \(message.type) "
            text += "\(bytes)B → \(Phone.format(message.to)) from \(from.isEmpty ? "(none)" : from) id \(id)\n"
            text += message.body + "\n" + String(repeating: "-", count: 40) + "\n"
            let tfd = open(base + ".txt", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
            if tfd >= 0 {
                try? Self.writeAll(fd: tfd, Data(text.utf8), path: base + ".txt")
                close(tfd)
            }
            return DeliveryReceipt(messageId: id, gateway: name)
        }
    }

    /// The records of one send list, in the order they were written (lines that do not parse are skipped).
    public func records(center: String, date: Day) -> [OutgoingMessage] {
        guard let data = FileManager.default.contents(atPath: basePath(center: center, date: date) + ".jsonl") else {
            return []
        }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { line in
            guard let r = try? decoder.decode(Record.self, from: Data(line)),
                let type = MessageType(rawValue: r.type), let kind = MessageKind(rawValue: r.kind),
                let date = Day(r.date)
            else { return nil }
            return OutgoingMessage(
                to: r.to, from: r.from, type: type, body: r.body, kind: kind, idempotencyKey: r.idempotencyKey,
                center: r.center, date: date)
        }
    }

    /// Writes `DIR/YYYY-MM-DD-CENTER.csv` from the send list, atomically (a temporary file, then rename):
    /// UTF-8 with a byte-order mark (spreadsheets read it as Korean), columns
    /// `recipient,kind,type,bytes,body,message_id`.
    ///
    /// - Returns: the CSV's path.
    /// - Throws: `GatewayError.misconfigured` when the file cannot be written.
    @discardableResult
    public func exportCSV(center: String, date: Day) throws(GatewayError) -> String {
        let base = basePath(center: center, date: date)
        let rows = records(center: center, date: date).map { m in
            [
                Phone.format(m.to), m.kind.rawValue, m.type.rawValue, String(CP949.byteCount(m.body) ?? 0), m.body,
                "file-" + m.idempotencyKey,
            ]
        }
        let csv = CSVWriter.document(
            header: ["recipient", "kind", "type", "bytes", "body", "message_id"], rows: rows, lineEnd: .crlf,
            byteOrderMark: true)
        let temporary = base + ".csv.tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(csv.utf8)) else {
            throw Self.ioError("cannot write \(temporary)", errno)
        }
        guard rename(temporary, base + ".csv") == 0 else {
            let e = errno
            unlink(temporary)
            throw Self.ioError("cannot rename \(temporary) to \(base).csv", e)
        }
        return base + ".csv"
    }

    func createDirectory() throws(GatewayError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .misconfigured(
                reason: "cannot create \(directory) (\(GatewayConfiguration.Variable.directory)): check the path "
                    + "and its permissions")
        }
    }

    /// Reads what was appended since `list.readOffset` and records its keys.
    static func readNewLines(fd: Int32, into list: inout ListState, needsNewline: inout Bool) throws(GatewayError) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ioError("cannot stat the send list", errno) }
        let size = Int(st.st_size)
        if size < list.readOffset { list = ListState() }  // replaced by hand: read it again
        guard size > list.readOffset else { return }
        var data = Data(count: size - list.readOffset)
        let n = data.withUnsafeMutableBytes { raw in pread(fd, raw.baseAddress, raw.count, off_t(list.readOffset)) }
        guard n == data.count else { throw ioError("cannot read the send list", errno) }
        needsNewline = data.last != 0x0A
        let decoder = JSONDecoder()
        for line in data.split(separator: 0x0A) {
            if let r = try? decoder.decode(Record.self, from: Data(line)) { list.ids[r.idempotencyKey] = r.messageId }
        }
        list.readOffset = size
    }

    static func writeAll(fd: Int32, _ data: Data, path: String) throws(GatewayError) {
        var written = 0
        while written < data.count {
            let n = data.withUnsafeBytes { raw in write(fd, raw.baseAddress! + written, raw.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ioError("cannot write \(path)", errno)
            }
            written += n
        }
    }

    /// A disk problem: retryable (a full disk gets space again), named so a person can act.
    static func ioError(_ what: String, _ code: Int32) -> GatewayError {
        .retryable(reason: "\(what): \(String(cString: strerror(code)))", httpStatus: nil, retryAfterSeconds: nil)
    }
}
