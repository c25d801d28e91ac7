import Dispatch
import Foundation
import KoreanText
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fake bulk-SMS provider speaking the `http` contract of `spec/sms-gateway.md` on 127.0.0.1, for tests.
///
/// An HTTP/1.1 server over POSIX sockets on a port the OS picks, one thread accepting and one per connection
/// (keep-alive). It checks the Bearer key and the request as a strict provider would (every field, the
/// `Idempotency-Key` header equal to the body's key, the body within its type's CP949 byte limit), de-duplicates by
/// idempotency key (the same key returns the same `messageId` and sends nothing new), records every request, and
/// can be told to fail: `failNext`, `fail(forSeconds:)`, `reject(recipient:)`, `delayResponses`,
/// `dropNextConnections`, `acceptThenDrop`.
///
/// Thread-safe: all state is behind one `Mutex`. Call `stop()` when done (the deinit stops it too).
public final class FakeSMSProvider: Sendable {
    let core: Core

    /// The port it listens on (127.0.0.1).
    public var port: UInt16 { core.port }
    /// `http://127.0.0.1:PORT`, the value for `ILSON_SMS_URL`.
    public var baseURL: String { "http://127.0.0.1:\(core.port)" }
    /// The key it expects after `Bearer `.
    public var apiKey: String { core.apiKey }

    /// Starts listening on 127.0.0.1, on a free port the OS picks.
    ///
    /// - Parameter apiKey: the key requests must carry as `Authorization: Bearer KEY`.
    /// - Throws: `FakeSMSProvider.StartError` when no socket could be bound.
    public init(apiKey: String = "test-api-key") throws(StartError) {
        core = try Core(apiKey: apiKey)
        core.start()
    }

    deinit { core.stop() }

    /// Stops accepting, closes every connection and waits for the server's threads to end.
    public func stop() { core.stop() }

    /// Why the server could not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    // MARK: Faults

    /// The next `count` requests get `status` (500 by default) with `{"error"}`; nothing is sent.
    public func failNext(_ count: Int, status: Int = 500) {
        core.state.withLock {
            $0.failNext = count
            $0.failStatus = status
        }
    }

    /// Every request for the next `seconds` gets `status` (503 by default); nothing is sent.
    public func fail(forSeconds seconds: Double, status: Int = 503) {
        core.state.withLock {
            $0.failUntil = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
            $0.failStatus = status
        }
    }

    /// Messages to this number get `status` (400 by default) with `{"error": reason}`.
    public func reject(recipient: String, status: Int = 400, reason: String = "blocked number") {
        let digits = Phone.normalize(recipient) ?? recipient
        core.state.withLock { $0.rejected[digits] = (status, reason) }
    }

    /// The answers to the next `count` requests (all, when nil) come `seconds` late; the message itself is
    /// processed (and sent) at once, as a slow provider would.
    public func delayResponses(by seconds: Double, count: Int? = nil) {
        core.state.withLock {
            $0.delay = seconds
            $0.delayCount = count
        }
    }

    /// The next `count` requests are read, then their connection is closed with no answer; nothing is sent.
    public func dropNextConnections(_ count: Int) {
        core.state.withLock { $0.dropNext = count }
    }

    /// The next `count` messages are sent (recorded as sent), then their connection is closed with no answer:
    /// the answer is lost, and only the idempotency key saves the client from sending twice.
    public func acceptThenDrop(_ count: Int) {
        core.state.withLock { $0.acceptThenDrop = count }
    }

    /// Clears every fault (not the records).
    public func clearFaults() {
        core.state.withLock {
            $0.failNext = 0
            $0.failUntil = 0
            $0.rejected = [:]
            $0.delay = 0
            $0.delayCount = nil
            $0.dropNext = 0
            $0.acceptThenDrop = 0
        }
    }

    // MARK: Replies (inbound)

    /// A worker's reply arriving at the provider: it is listed by `GET /v1/inbound` in arrival order.
    ///
    /// - Parameters:
    ///   - from: the number as the carrier gives it (`01012345678`, or `+821012345678`).
    ///   - id: the message id (default `in-N`, unique).
    /// - Returns: the reply's id.
    @discardableResult
    public func injectReply(
        from: String, body: String, to: String = "0435391234", id: String? = nil,
        receivedAt: String = "2027-07-07T19:42:10+09:00"
    ) -> String {
        core.state.withLock { s in
            let messageId = id ?? "in-\(s.nextInboundId)"
            s.nextInboundId += 1
            s.inbound.append(InboundReply(id: messageId, from: from, to: to, body: body, receivedAt: receivedAt))
            return messageId
        }
    }

    /// Like a carrier delivering a reply twice: the same reply again under a new id.
    @discardableResult
    public func injectDuplicate(of id: String) -> String? {
        guard let original = core.state.withLock({ s in s.inbound.first { $0.id == id } }) else { return nil }
        return injectReply(from: original.from, body: original.body, to: original.to)
    }

    /// Each inbound page starts `count` messages before the cursor: replies already fetched come again (with the
    /// same ids), as a provider may repeat them.
    public func repeatInbound(_ count: Int) {
        core.state.withLock { $0.inboundOverlap = count }
    }

    /// The replies injected, in arrival order.
    public var inboundReplies: [InboundReply] { core.state.withLock { $0.inbound } }

    /// Forgets every request and message (not the faults).
    public func reset() {
        core.state.withLock {
            $0.requests = []
            $0.sent = [:]
            $0.sentOrder = []
        }
    }

    // MARK: What it saw

    /// Every request received, in order, with the status answered (nil when the connection was dropped).
    public var requests: [RecordedRequest] { core.state.withLock { $0.requests } }
    /// How many requests arrived.
    public var requestCount: Int { core.state.withLock { $0.requests.count } }
    /// The messages sent, once per idempotency key, in the order they were first accepted.
    public var sentMessages: [SentMessage] { core.state.withLock { s in s.sentOrder.map { s.sent[$0]! } } }
    /// How many distinct messages were sent (distinct idempotency keys).
    public var sentCount: Int { core.state.withLock { $0.sentOrder.count } }
    /// The message sent with this idempotency key, if any.
    public func sent(key: String) -> SentMessage? { core.state.withLock { $0.sent[key] } }
    /// How many requests carried this idempotency key (header), whatever their answer.
    public func requestCount(forKey key: String) -> Int {
        core.state.withLock { $0.requests.filter { $0.idempotencyKey == key }.count }
    }
}

/// A reply waiting at the fake provider.
public struct InboundReply: Sendable, Hashable {
    public var id: String
    public var from: String
    public var to: String
    public var body: String
    public var receivedAt: String
}

/// A request as the fake provider received it.
public struct RecordedRequest: Sendable, Hashable {
    public var method: String
    public var path: String
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: String
    /// The `Idempotency-Key` header.
    public var idempotencyKey: String?
    /// The status answered; nil when the connection was dropped without an answer.
    public var status: Int?
    /// The body's JSON object, string fields only (every field of the contract is a string).
    public var json: [String: String]
    /// The body's JSON field names, whatever their values.
    public var jsonKeys: Set<String>
}

/// A message the fake provider accepted.
public struct SentMessage: Sendable, Hashable {
    public var messageId: String
    public var idempotencyKey: String
    public var to: String
    public var from: String
    public var type: String
    public var body: String
    public var kind: String
    public var center: String
    public var date: String
    /// The body's CP949 size, as the provider counted it.
    public var bytes: Int
}

extension FakeSMSProvider {
    struct State: Sendable {
        var requests: [RecordedRequest] = []
        var sent: [String: SentMessage] = [:]
        var sentOrder: [String] = []
        var nextId = 1
        var failNext = 0
        var failStatus = 500
        var failUntil: UInt64 = 0
        var rejected: [String: (Int, String)] = [:]
        var delay: Double = 0
        var delayCount: Int?
        var dropNext = 0
        var acceptThenDrop = 0
        var inbound: [InboundReply] = []
        var nextInboundId = 1
        var inboundOverlap = 0
    }

    /// What to do with a connection after a request.
    enum Answer {
        case respond(status: Int, json: String, delay: Double)
        case drop
    }

    /// The server: socket, threads and state. Separate from `FakeSMSProvider` so the threads keep only this alive,
    /// and the provider's deinit can stop them.
    final class Core: Sendable {
        let apiKey: String
        let listenFD: Int32
        let port: UInt16
        let state = Mutex<State>(State())
        let stopping = Atomic<Bool>(false)
        let stopped = Mutex<Bool>(false)
        let threads = DispatchGroup()

        init(apiKey: String) throws(StartError) {
            self.apiKey = apiKey
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { throw StartError(description: "socket: \(String(cString: strerror(errno)))") }
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = 0
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0, listen(fd, 128) == 0 else {
                let message = String(cString: strerror(errno))
                close(fd)
                throw StartError(description: "bind/listen on 127.0.0.1: \(message)")
            }
            var len = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
            }
            listenFD = fd
            port = UInt16(bigEndian: addr.sin_port)
        }

        func start() {
            threads.enter()
            let thread = Thread { [self] in
                acceptLoop()
                threads.leave()
            }
            thread.name = "FakeSMSProvider.accept"
            thread.start()
        }

        func stop() {
            let first = stopped.withLock { done -> Bool in
                if done { return false }
                done = true
                return true
            }
            guard first else { return }
            stopping.store(true, ordering: .sequentiallyConsistent)
            threads.wait()
            close(listenFD)
        }

        var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

        func acceptLoop() {
            while !isStopping {
                var pfd = pollfd(fd: listenFD, events: Int16(POLLIN), revents: 0)
                let ready = poll(&pfd, 1, 50)
                guard ready > 0 else { continue }
                let client = accept(listenFD, nil, nil)
                guard client >= 0 else { continue }
                var one: Int32 = 1
                setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                threads.enter()
                let thread = Thread { [self] in
                    serve(client)
                    close(client)
                    threads.leave()
                }
                thread.name = "FakeSMSProvider.connection"
                thread.start()
            }
        }

        /// Reads up to `max` bytes, polling so a stop ends the wait; nil on EOF, error, stop or 30 s idle.
        func readSome(_ fd: Int32) -> [UInt8]? {
            var waited = 0
            while !isStopping {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&pfd, 1, 50)
                if ready == 0 {
                    waited += 50
                    if waited > 30_000 { return nil }
                    continue
                }
                if ready < 0 { if errno == EINTR { continue } else { return nil } }
                var buffer = [UInt8](repeating: 0, count: 16_384)
                let n = recv(fd, &buffer, buffer.count, 0)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return nil }
                return Array(buffer[0..<n])
            }
            return nil
        }

        func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
            var sent = 0
            while sent < bytes.count {
                let n = bytes.withUnsafeBytes { raw in
                    sendNoSignal(fd, raw.baseAddress! + sent, raw.count - sent)
                }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                sent += n
            }
            return true
        }

        func serve(_ fd: Int32) {
            var buffer: [UInt8] = []
            let separator: [UInt8] = [13, 10, 13, 10]
            while !isStopping {
                // The head.
                var headEnd: Int? = buffer.firstRange(of: separator)?.lowerBound
                while headEnd == nil {
                    guard buffer.count < 65_536, let more = readSome(fd) else { return }
                    buffer += more
                    headEnd = buffer.firstRange(of: separator)?.lowerBound
                }
                let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
                buffer.removeFirst(headEnd! + 4)
                var lines = head.components(separatedBy: "\r\n")
                let requestLine = lines.removeFirst().split(separator: " ")
                guard requestLine.count == 3 else { return }
                var headers: [String: String] = [:]
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                        .trimmingCharacters(in: .whitespaces)
                }
                if headers["transfer-encoding"] != nil {
                    _ = writeAll(fd, response(411, #"{"error":"send a Content-Length"}"#, close: true))
                    return
                }
                let length = Int(headers["content-length"] ?? "0") ?? 0
                guard length <= 1_000_000 else { return }
                if headers["expect"]?.lowercased() == "100-continue" {
                    guard writeAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
                }
                while buffer.count < length {
                    guard let more = readSome(fd) else { return }
                    buffer += more
                }
                let body = Array(buffer[0..<length])
                buffer.removeFirst(length)
                let answer = handle(
                    method: String(requestLine[0]), path: String(requestLine[1]), headers: headers, body: body)
                let closeAfter = headers["connection"]?.lowercased() == "close"
                switch answer {
                case .drop:
                    return
                case .respond(let status, let json, let delay):
                    if delay > 0 {
                        let until = DispatchTime.now().uptimeNanoseconds + UInt64(delay * 1e9)
                        while DispatchTime.now().uptimeNanoseconds < until, !isStopping { usleep(10_000) }
                    }
                    guard writeAll(fd, response(status, json, close: closeAfter)), !closeAfter else { return }
                }
            }
        }

        func response(_ status: Int, _ json: String, close: Bool) -> [UInt8] {
            let reason =
                [
                    200: "OK", 201: "Created", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found",
                    405: "Method Not Allowed", 411: "Length Required", 429: "Too Many Requests",
                    500: "Internal Server Error", 503: "Service Unavailable",
                ][status] ?? "Status"
            let body = Array(json.utf8)
            let head =
                "HTTP/1.1 \(status) \(reason)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n"
                + "Connection: \(close ? "close" : "keep-alive")\r\n\r\n"
            return Array(head.utf8) + body
        }

        /// The contract, faults first.
        func handle(method: String, path: String, headers: [String: String], body: [UInt8]) -> Answer {
            let bodyText = String(decoding: body, as: UTF8.self)
            let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
            var fields: [String: String] = [:]
            for (k, v) in object ?? [:] { if let s = v as? String { fields[k] = s } }
            let key = headers["idempotency-key"]
            let now = DispatchTime.now().uptimeNanoseconds
            return state.withLock { s -> Answer in
                s.requests.append(
                    RecordedRequest(
                        method: method, path: path, headers: headers, body: bodyText, idempotencyKey: key,
                        status: nil, json: fields, jsonKeys: Set((object ?? [:]).keys)))
                let index = s.requests.count - 1
                var delay = 0.0
                if s.delay > 0 {
                    if let c = s.delayCount {
                        if c > 0 {
                            delay = s.delay
                            s.delayCount = c - 1
                        }
                    } else {
                        delay = s.delay
                    }
                }
                func answer(_ status: Int, _ json: String) -> Answer {
                    s.requests[index].status = status
                    return .respond(status: status, json: json, delay: delay)
                }
                func error(_ status: Int, _ message: String) -> Answer {
                    answer(status, "{\"error\":\(jsonString(message))}")
                }
                if s.dropNext > 0 {
                    s.dropNext -= 1
                    return .drop
                }
                if path == "/v1/inbound" || path.hasPrefix("/v1/inbound?") {
                    guard method == "GET" else { return error(405, "use GET") }
                    guard headers["authorization"] == "Bearer \(apiKey)" else { return error(401, "invalid API key") }
                    if s.failNext > 0 {
                        s.failNext -= 1
                        return error(s.failStatus, "temporarily unavailable")
                    }
                    if now < s.failUntil { return error(s.failStatus, "temporarily unavailable") }
                    let query = URLComponents(string: "http://x" + path)?.queryItems ?? []
                    let after = query.first { $0.name == "after" }?.value
                    let limit = min(1_000, max(1, Int(query.first { $0.name == "limit" }?.value ?? "") ?? 100))
                    var start = 0
                    if let after {
                        guard let i = s.inbound.firstIndex(where: { $0.id == after }) else {
                            return error(400, "unknown cursor")
                        }
                        start = max(0, i + 1 - s.inboundOverlap)
                    }
                    let page = Array(s.inbound[start...].prefix(limit))
                    let next = page.last?.id ?? after
                    let items = page.map { m in
                        "{\"id\":\(jsonString(m.id)),\"from\":\(jsonString(m.from)),\"to\":\(jsonString(m.to)),"
                            + "\"body\":\(jsonString(m.body)),\"receivedAt\":\(jsonString(m.receivedAt))}"
                    }
                    let nextJSON = next.map { jsonString($0) } ?? "null"
                    return answer(200, "{\"messages\":[\(items.joined(separator: ","))],\"next\":\(nextJSON)}")
                }
                guard path == "/v1/messages" else { return error(404, "no such endpoint \(path)") }
                guard method == "POST" else { return error(405, "use POST") }
                guard headers["authorization"] == "Bearer \(apiKey)" else { return error(401, "invalid API key") }
                if s.failNext > 0 {
                    s.failNext -= 1
                    return error(s.failStatus, "temporarily unavailable")
                }
                if now < s.failUntil { return error(s.failStatus, "temporarily unavailable") }
                guard headers["content-type"]?.lowercased().hasPrefix("application/json") == true else {
                    return error(400, "Content-Type must be application/json")
                }
                guard object != nil else { return error(400, "the body is not a JSON object") }
                for field in ["to", "from", "type", "body", "kind", "idempotencyKey", "center", "date"] {
                    guard let v = fields[field], !v.isEmpty else { return error(400, "missing field \(field)") }
                }
                guard let key, key == fields["idempotencyKey"] else {
                    return error(400, "Idempotency-Key header missing or not the body's idempotencyKey")
                }
                if let existing = s.sent[key] {
                    return answer(200, "{\"messageId\":\(jsonString(existing.messageId))}")
                }
                let to = fields["to"]!
                if let (status, reason) = s.rejected[Phone.normalize(to) ?? to] { return error(status, reason) }
                guard Phone.normalize(to) != nil else { return error(400, "invalid recipient number") }
                guard let bytes = CP949.byteCount(fields["body"]!) else {
                    return error(400, "the body has characters outside CP949")
                }
                let limit: Int
                switch fields["type"]! {
                case "SMS": limit = 90
                case "LMS": limit = 2_000
                default: return error(400, "type must be SMS or LMS")
                }
                guard bytes <= limit else {
                    return error(400, "body is \(bytes) bytes, over the \(fields["type"]!) limit of \(limit)")
                }
                let id = "fake-" + String(s.nextId)
                s.nextId += 1
                s.sent[key] = SentMessage(
                    messageId: id, idempotencyKey: key, to: to, from: fields["from"]!, type: fields["type"]!,
                    body: fields["body"]!, kind: fields["kind"]!, center: fields["center"]!, date: fields["date"]!,
                    bytes: bytes)
                s.sentOrder.append(key)
                if s.acceptThenDrop > 0 {
                    s.acceptThenDrop -= 1
                    return .drop
                }
                return answer(201, "{\"messageId\":\(jsonString(id))}")
            }
        }
    }
}

/// `send(2)` without SIGPIPE when the client has gone.
func sendNoSignal(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.send(fd, bytes, count, Int32(MSG_NOSIGNAL))
    #else
        Darwin.send(fd, bytes, count, 0)
    #endif
}

/// A JSON string literal (Foundation's encoder: Hangul as is, slashes unescaped).
func jsonString(_ s: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(s)) ?? Data("\"\"".utf8), as: UTF8.self)
}
