import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The push receiver of `spec/sms-gateway.md`: `POST /v1/inbound` with `Authorization: Bearer SECRET` and one
/// message object, answered `200` once the reply is stored, `401` for a wrong secret, `400` for a malformed body.
///
/// A minimal HTTP/1.1 server on POSIX sockets, with no dependency: one connection at a time (a reply is one small
/// request; storing it is one short transaction on the caller's one database connection), `Connection: close` after
/// every answer, the head bounded to 8 KiB and the body to `maxBodyBytes` (413 beyond), and each connection given
/// `readTimeoutSeconds` in all to send its request (408 after it), so a slow or hostile client cannot hold it long.
/// Meant to listen on loopback behind the host's TLS proxy or the provider's adapter.
public final class InboundReceiver: Sendable {
    /// What storing a pushed reply can answer.
    public enum StoreOutcome: Sendable {
        /// Stored now, or stored before (the same id): 200.
        case stored(new: Bool)
        /// Not stored (the database is away): 503, the provider retries.
        case unavailable(String)
    }

    let listenFD: Int32
    /// The port it listens on (the one the OS picked when asked for 0).
    public let port: UInt16
    let secret: String
    public let maxBodyBytes: Int
    public let readTimeoutSeconds: Double
    let stopping = Atomic<Bool>(false)

    /// Binds `host:port` (an IPv4 address) and listens.
    ///
    /// - Parameters:
    ///   - secret: the Bearer secret (`ILSON_SMS_INBOUND_SECRET`); requests without it get 401.
    /// - Throws: `InboundFormatError` naming the address when it cannot be bound.
    public init(
        host: String, port: UInt16, secret: String, maxBodyBytes: Int = 16_384, readTimeoutSeconds: Double = 10
    ) throws(InboundFormatError) {
        self.secret = secret
        self.maxBodyBytes = maxBodyBytes
        self.readTimeoutSeconds = readTimeoutSeconds
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else {
            throw InboundFormatError("\(host) is not an IPv4 address (e.g. 127.0.0.1)")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw InboundFormatError("socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw InboundFormatError("cannot listen on \(host):\(port): \(message)")
        }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        listenFD = fd
        self.port = UInt16(bigEndian: addr.sin_port)
    }

    deinit { close(listenFD) }

    /// Makes `run` return after the connection in hand (within 0.1 s when idle).
    public func stop() { stopping.store(true, ordering: .sequentiallyConsistent) }

    /// Serves until `stop()`: each valid reply is handed to `store`, on this thread.
    ///
    /// - Parameters:
    ///   - store: stores one reply (once per id).
    ///   - log: a line per request (no secret, no phone number, no body).
    public func run(store: (InboundMessage) -> StoreOutcome, log: (String) -> Void = { _ in }) {
        while !stopping.load(ordering: .sequentiallyConsistent) {
            var pfd = pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let client = accept(listenFD, nil, nil)
            guard client >= 0 else { continue }
            let (status, json, note) = serve(client, store: store)
            _ = writeAll(client, Self.response(status, json))
            close(client)
            log("\(status) \(note)")
        }
    }

    /// Reads one request within the time limit and answers it.
    func serve(_ fd: Int32, store: (InboundMessage) -> StoreOutcome) -> (Int, String, String) {
        let deadline = Date().addingTimeInterval(readTimeoutSeconds)
        var buffer: [UInt8] = []
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int? = nil
        while headEnd == nil {
            guard buffer.count <= 8_192 else { return (431, Self.error("request head too large"), "head too large") }
            guard let more = readSome(fd, until: deadline) else {
                return (408, Self.error("request not received in time"), "timeout or closed")
            }
            buffer += more
            headEnd = buffer.firstRange(of: separator)?.lowerBound
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { return (400, Self.error("malformed request line"), "bad request line") }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        let method = String(requestLine[0])
        let path = String(requestLine[1].split(separator: "?", maxSplits: 1).first ?? "")
        if path == "/healthz" && method == "GET" { return (200, #"{"ok":true}"#, "GET /healthz") }
        guard path == "/v1/inbound" else { return (404, Self.error("no such endpoint"), "\(method) unknown path") }
        guard method == "POST" else { return (405, Self.error("use POST"), "\(method) /v1/inbound") }
        guard Self.constantTimeEqual(headers["authorization"] ?? "", "Bearer \(secret)") else {
            return (401, Self.error("invalid secret"), "POST /v1/inbound: wrong secret")
        }
        if headers["transfer-encoding"] != nil {
            return (411, Self.error("send a Content-Length"), "POST /v1/inbound: chunked")
        }
        guard let length = Int(headers["content-length"] ?? ""), length >= 0 else {
            return (411, Self.error("send a Content-Length"), "POST /v1/inbound: no length")
        }
        guard length <= maxBodyBytes else {
            return (413, Self.error("body over \(maxBodyBytes) bytes"), "POST /v1/inbound: body too large")
        }
        if headers["expect"]?.lowercased() == "100-continue" {
            guard writeAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return (400, "", "closed") }
        }
        while buffer.count < length {
            guard let more = readSome(fd, until: deadline) else {
                return (408, Self.error("body not received in time"), "POST /v1/inbound: body timeout")
            }
            buffer += more
        }
        let message: InboundMessage
        do {
            message = try InboundMessage(jsonData: Data(buffer[0..<length]))
        } catch {
            return (400, Self.error(error.description), "POST /v1/inbound: malformed (\(error.description))")
        }
        switch store(message) {
        case .stored(let new):
            return (
                200, #"{"stored":true}"#, "POST /v1/inbound: reply \(message.id) \(new ? "stored" : "already stored")"
            )
        case .unavailable(let why):
            return (503, Self.error("not stored, try again"), "POST /v1/inbound: not stored: \(why)")
        }
    }

    /// Reads what is there, waiting at most until `deadline`; nil on EOF, error, stop or time out.
    func readSome(_ fd: Int32, until deadline: Date) -> [UInt8]? {
        while !stopping.load(ordering: .sequentiallyConsistent) {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(min(100, max(1, left * 1000))))
            if ready == 0 { continue }
            if ready < 0 { if errno == EINTR { continue } else { return nil } }
            var chunk = [UInt8](repeating: 0, count: 8_192)
            let n = recv(fd, &chunk, chunk.count, 0)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            return Array(chunk[0..<n])
        }
        return nil
    }

    func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                #if canImport(Glibc)
                    Glibc.send(fd, raw.baseAddress! + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                #else
                    Darwin.send(fd, raw.baseAddress! + sent, raw.count - sent, 0)
                #endif
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            sent += n
        }
        return true
    }

    static func response(_ status: Int, _ json: String) -> [UInt8] {
        let reason =
            [
                200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
                408: "Request Timeout", 411: "Length Required", 413: "Content Too Large",
                431: "Request Header Fields Too Large", 503: "Service Unavailable",
            ][status] ?? "Status"
        let body = Array(json.utf8)
        let head =
            "HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n"
            + "Connection: close\r\n\r\n"
        return Array(head.utf8) + body
    }

    static func error(_ message: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: ["error": message])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Compares without stopping at the first difference (the secret's length aside).
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
