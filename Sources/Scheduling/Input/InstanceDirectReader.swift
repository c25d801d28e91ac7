import Vocabulary

/// An instance's workers and requests (the lists that hold most of its objects) read straight from the document's
/// bytes, with no `JSONValue` tree between; the decoder checks the farm and pickup point ids they name.
struct DirectLists {
    /// The workers, in document order.
    var workers: [Worker] = []
    /// The requests, in document order.
    var requests: [LaborRequest] = []
}

/// The keys of one kind of object the direct route reads (workers, their homes, ...), each remembered by its position
/// among its object's keys: sibling objects mostly hold the same keys in the same order, so a key whose bytes equal
/// the remembered ones names the same field with no string made.
struct DirectKeys {
    /// A key the route has read: where its bytes lie, their count, and the field they name.
    struct Remembered {
        /// The offset of the key's first byte (after the opening quote).
        var start: Int
        /// The key's byte count, or −1 for no key remembered.
        var count: Int
        /// The field's number, or −1 for a key the kind does not know.
        var field: Int
    }

    /// The field a key names (its number, below 64), or −1 for a key the kind does not know.
    let field: (String) -> Int
    /// The key last read at each of an object's first positions.
    var memo = [Remembered](repeating: Remembered(start: 0, count: -1, field: -1), count: 32)

    /// The keys of a kind whose fields `field` names.
    init(_ field: @escaping (String) -> Int) { self.field = field }
}

/// Values the direct route has read from lists, each remembered with the list's bytes: a later list whose bytes
/// equal a remembered one's byte for byte (from its `[` to its `]`) reads to the same value, which is reused (a set
/// shared by copy on write) with nothing parsed, hashed or allocated again. Generated instances repeat few lists
/// (353 distinct skill lists among the county day's 2,000 workers).
struct SpanMemo<Value> {
    /// A list read: where its bytes lie (from `[` to `]` inclusive), their count, and its value.
    struct Entry {
        /// The offset of the list's `[`.
        var start: Int
        /// The list's byte count, through its `]`.
        var count: Int
        /// What the list read to.
        var value: Value
    }

    /// The last list remembered under each hash of its bytes (a later list with the same hash replaces it).
    var entries: [UInt64: Entry] = [:]
}

/// The direct route's memos of the workers' and requests' lists.
struct DirectMemos {
    /// Lists of strings read as a set (skills, blocked and allowed farms).
    var strings = SpanMemo<Set<String>>()
    /// Lists of dates (worked dates).
    var days = SpanMemo<Set<Day>>()
    /// Workers' `available` lists.
    var availability = SpanMemo<(Set<Day>, [Day: [ClockWindow]])>()
}

extension InstanceDecoder {
    /// The instance read by the direct route: the workers and requests decoded from the bytes, every other root field
    /// through the tree. Nil when the document holds anything the direct route does not accept as valid (then the
    /// tree route, `decode(JSONValue)`, reads it and names every error as before).
    /// - Parameter bytes: the file's contents.
    /// - Returns: the same instance `decode(JSONParser.parse(bytes))` returns, or nil.
    static func decodeDirect(_ bytes: [UInt8]) -> Instance? {
        let read = bytes.withUnsafeBufferPointer { (buf) -> (JSONObject, DirectLists)? in
            var p = JSONParser.Cursor(buf: buf)
            return try? p.directRoot()
        }
        guard let read else { return nil }
        return try? decode(read.0, direct: read.1)
    }
}

extension JSONParser.Cursor {
    /// The direct route's bail: the document holds something it leaves to the tree route (a syntax error, an input
    /// error, a repeated key), and the caller decodes the whole document the old way, which gives the message (this
    /// error's text is never shown).
    func bail() -> JSONSyntaxError { JSONSyntaxError(offset: i, reason: "left to the tree route") }

    /// The byte at the cursor after white space; a bail at the end of the input.
    mutating func next() throws(JSONSyntaxError) -> UInt8 {
        skipSpace()
        guard i < buf.count else { throw bail() }
        return buf[i]
    }

    /// Consumes `byte` (after white space), or bails.
    mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        guard try next() == byte else { throw bail() }
        i += 1
    }

    /// After an item of an object or array: true after a `,` (another item follows), false after `close`.
    mutating func more(_ close: UInt8) throws(JSONSyntaxError) -> Bool {
        let b = try next()
        i += 1
        if b == UInt8(ascii: ",") { return true }
        if b == close { return false }
        throw bail()
    }

    /// True (and the literal consumed) when the value at the cursor is `null`.
    mutating func null() throws(JSONSyntaxError) -> Bool {
        guard try next() == UInt8(ascii: "n") else { return false }
        if literal("null") { return true }
        throw bail()
    }

    /// A string value.
    mutating func directString() throws(JSONSyntaxError) -> String {
        guard try next() == UInt8(ascii: "\"") else { throw bail() }
        return try string()
    }

    /// An integer literal (a number with a fraction or an exponent, or beyond 64 bits, is an input error: a bail).
    mutating func directInt() throws(JSONSyntaxError) -> Int {
        let b = try next()
        guard b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39) else { throw bail() }
        guard case .int(let n) = try number() else { throw bail() }
        return n
    }

    /// A finite number (`NaN` and the infinities, never valid where a number is read, are bails).
    mutating func directNumber() throws(JSONSyntaxError) -> Double {
        let b = try next()
        guard b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39), let d = try number().number, d.isFinite else {
            throw bail()
        }
        return d
    }

    /// `true` or `false`.
    mutating func directBool() throws(JSONSyntaxError) -> Bool {
        let b = try next()
        if b == UInt8(ascii: "t"), literal("true") { return true }
        if b == UInt8(ascii: "f"), literal("false") { return false }
        throw bail()
    }

    /// The value of the decimal digits at `start..<start + count`, or nil when one is not a digit.
    func digits(_ start: Int, _ count: Int) -> Int? {
        var value = 0
        for k in start..<start + count {
            let b = buf[k]
            guard b >= 0x30, b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }

    /// A `YYYY-MM-DD` string value as `Day(_:)` reads it (nil when it is no date): from the bytes when they are ten
    /// plain characters of that form and a closing quote (exactly the string `string()` would make), else through
    /// `string()`.
    mutating func directDay() throws(JSONSyntaxError) -> Day? {
        guard try next() == UInt8(ascii: "\"") else { throw bail() }
        let s = i + 1
        if s + 10 < buf.count, buf[s + 10] == UInt8(ascii: "\""), buf[s + 4] == UInt8(ascii: "-"),
            buf[s + 7] == UInt8(ascii: "-"), let y = digits(s, 4), let m = digits(s + 5, 2), let d = digits(s + 8, 2)
        {
            i = s + 11
            return Day(year: y, month: m, day: d)
        }
        return Day(try string())
    }

    /// An `HH:MM` (or `24:00`) string value as `TimeOfDay(rangeEnd:)` reads it (nil when it is no time): from the
    /// bytes when they are five plain characters of that form and a closing quote, else through `string()`.
    mutating func directTime() throws(JSONSyntaxError) -> TimeOfDay? {
        guard try next() == UInt8(ascii: "\"") else { throw bail() }
        let s = i + 1
        if s + 5 < buf.count, buf[s + 5] == UInt8(ascii: "\""), buf[s + 2] == UInt8(ascii: ":"),
            let h = digits(s, 2), let m = digits(s + 3, 2)
        {
            i = s + 6
            return h == 24 && m == 0 ? TimeOfDay.endOfDay : TimeOfDay(hour: h, minute: m)
        }
        return TimeOfDay(rangeEnd: try string())
    }

    /// A list of strings, in order.
    mutating func directStrings() throws(JSONSyntaxError) -> [String] {
        try expect(UInt8(ascii: "["))
        var out: [String] = []
        if try next() == UInt8(ascii: "]") {
            i += 1
            return out
        }
        repeat { out.append(try directString()) } while try more(UInt8(ascii: "]"))
        return out
    }

    /// A list of `YYYY-MM-DD` dates, as `Context.dates` makes its set.
    mutating func directDates() throws(JSONSyntaxError) -> Set<Day> {
        try expect(UInt8(ascii: "["))
        var days: [Day] = []
        if try next() == UInt8(ascii: "]") {
            i += 1
        } else {
            repeat {
                guard let d = try directDay() else { throw bail() }
                days.append(d)
            } while try more(UInt8(ascii: "]"))
        }
        var out = Set<Day>(minimumCapacity: days.count)
        for d in days { out.insert(d) }
        return out
    }

    /// An object's key at `position` among its keys, and the colon after it: the number of the field it names in
    /// `keys`, or −1. A key equal byte for byte to the one remembered at its position (and closed by a quote right
    /// after) names that one's field: those bytes were read by `string()` with no escape and found valid, so they make
    /// the same string. Any other key is read by `string()` (its errors are bails) and remembered.
    mutating func directField(_ keys: inout DirectKeys, position: Int) throws(JSONSyntaxError) -> Int {
        guard try next() == UInt8(ascii: "\"") else { throw bail() }
        let start = i + 1
        var field: Int
        if position < keys.memo.count, case let remembered = keys.memo[position], remembered.count >= 0,
            start + remembered.count < buf.count, buf[start + remembered.count] == UInt8(ascii: "\""),
            matches(start, remembered.start, remembered.count)
        {
            i = start + remembered.count + 1
            field = remembered.field
        } else {
            let key = try string()
            field = keys.field(key)
            // Without escapes the string's bytes are the document's (any escape makes the text shorter).
            if position < keys.memo.count, key.utf8.count == i - 1 - start {
                keys.memo[position] = DirectKeys.Remembered(start: start, count: i - 1 - start, field: field)
            }
        }
        try expect(UInt8(ascii: ":"))
        return field
    }

    /// The FNV-1a hash of the bytes at `start..<end`.
    func spanHash(_ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<end { h = (h ^ UInt64(buf[k])) &* 0x100_0000_01b3 }
        return h
    }

    /// The list at the cursor (after white space) read by `read`, or the value `memo` remembers for a list of the
    /// same bytes: the candidate runs from the cursor to the first `]`, and only a remembered list (read whole by
    /// `read`, from its `[` to the `]` it consumed) of exactly those bytes is reused, so a `]` inside a string only
    /// costs a miss. A list `read` gives up on is remembered by nothing.
    mutating func memoized<Value>(
        _ memo: inout SpanMemo<Value>, _ read: (inout Self) throws(JSONSyntaxError) -> Value
    ) throws(JSONSyntaxError) -> Value {
        skipSpace()
        let start = i
        var end = start
        while end < buf.count, buf[end] != UInt8(ascii: "]") { end += 1 }
        let hash = end < buf.count ? spanHash(start, end + 1) : 0
        if end < buf.count, let entry = memo.entries[hash], entry.count == end + 1 - start,
            matches(start, entry.start, entry.count)
        {
            i = end + 1
            return entry.value
        }
        let value = try read(&self)
        let consumed = i == end + 1 ? hash : spanHash(start, i)
        memo.entries[consumed] = SpanMemo.Entry(start: start, count: i - start, value: value)
        return value
    }

    /// A list of strings as a set, through `memo`.
    mutating func directStringSet(_ memo: inout SpanMemo<Set<String>>) throws(JSONSyntaxError) -> Set<String> {
        try memoized(&memo) { (p) throws(JSONSyntaxError) in Set(try p.directStrings()) }
    }

    /// Whether the `count` bytes at `a` equal those at `b`.
    func matches(_ a: Int, _ b: Int, _ count: Int) -> Bool {
        var k = 0
        while k < count, buf[a + k] == buf[b + k] { k += 1 }
        return k == count
    }

    /// Walks an object at `depth` (its keys at `depth`, its values at `depth + 1`): `read` reads the value of each
    /// field `keys` knows (a field met twice is a bail: the tree route keeps the last); the other keys' values are
    /// parsed and dropped.
    mutating func directObject(
        depth: Int, _ keys: inout DirectKeys, _ read: (inout Self, Int) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try expect(UInt8(ascii: "{"))
        if try next() == UInt8(ascii: "}") {
            i += 1
            return
        }
        var seen: UInt64 = 0
        var position = 0
        repeat {
            let field = try directField(&keys, position: position)
            position += 1
            if field >= 0 {
                let bit = UInt64(1) << UInt64(field)
                guard seen & bit == 0 else { throw bail() }
                seen |= bit
                try read(&self, field)
            } else {
                _ = try value(depth: depth + 1)
            }
        } while try more(UInt8(ascii: "}"))
    }

    /// A `{"lat", "lon"}` point, both in range (as `Context.point` checks them).
    mutating func directPoint(depth: Int, _ keys: inout DirectKeys) throws(JSONSyntaxError) -> GeoPoint {
        var lat: Double?
        var lon: Double?
        try directObject(depth: depth, &keys) { (p, field) throws(JSONSyntaxError) in
            if field == 0 { lat = try p.directNumber() } else { lon = try p.directNumber() }
        }
        guard let lat, let lon, lat >= -90, lat <= 90, lon >= -180, lon <= 180 else { throw bail() }
        return GeoPoint(lat: lat, lon: lon)
    }

    /// A worker's `available` (at `depth`), as `Context.availability` makes its dates and windows.
    mutating func directAvailability(
        depth: Int, _ keys: inout DirectKeys
    ) throws(JSONSyntaxError) -> (Set<Day>, [Day: [ClockWindow]]) {
        try expect(UInt8(ascii: "["))
        // The entries: a whole day, or a window.
        var days: [Day] = []
        var spans: [ClockWindow?] = []
        if try next() == UInt8(ascii: "]") {
            i += 1
        } else {
            repeat {
                if try next() == UInt8(ascii: "\"") {
                    guard let d = try directDay() else { throw bail() }
                    days.append(d)
                    spans.append(nil)
                    continue
                }
                var date: Day?
                var from: Int?
                var to: Int?
                try directObject(depth: depth + 1, &keys) { (p, field) throws(JSONSyntaxError) in
                    switch field {
                    case 0: date = try p.directDay()
                    case 1: from = try p.directTime()?.minutes
                    default: to = try p.directTime()?.minutes
                    }
                }
                guard let date, let from, let to, from < to else { throw bail() }
                days.append(date)
                spans.append(ClockWindow(from: from, to: to))
            } while try more(UInt8(ascii: "]"))
        }
        var dates = Set<Day>(minimumCapacity: days.count)
        var windows: [Day: [ClockWindow]] = [:]
        // Whole days only (the usual worker): no window to make or to drop.
        if !spans.contains(where: { $0 != nil }) {
            for d in days { dates.insert(d) }
            return (dates, windows)
        }
        var whole = Set<Day>()
        for (d, span) in zip(days, spans) {
            dates.insert(d)
            if let span {
                windows[d, default: []].append(span)
            } else {
                whole.insert(d)
            }
        }
        for d in whole { windows[d] = nil }
        return (dates, windows)
    }

    /// The root object: `workers` and `requests` read directly, every other field into the tree (a placeholder
    /// `null` stands for the two lists, which the decoder takes from `DirectLists`).
    mutating func directRoot() throws(JSONSyntaxError) -> (JSONObject, DirectLists) {
        // A UTF-8 byte order mark is tolerated.
        if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { i = 3 }
        try expect(UInt8(ascii: "{"))
        var root = JSONObject()
        var lists = DirectLists()
        var read: (workers: Bool, requests: Bool) = (false, false)
        guard try next() != UInt8(ascii: "}") else { throw bail() }
        repeat {
            guard try next() == UInt8(ascii: "\"") else { throw bail() }
            let key = try string()
            try expect(UInt8(ascii: ":"))
            guard !root.keys.contains(key) else { throw bail() }
            root.keys.append(key)
            switch key {
            case "workers":
                lists.workers = try directWorkers()
                read.workers = true
                root.values.append(.null)
            case "requests":
                lists.requests = try directRequests()
                read.requests = true
                root.values.append(.null)
            default:
                root.values.append(try value(depth: 1))
            }
        } while try more(UInt8(ascii: "}"))
        skipSpace()
        guard i == buf.count, read.workers, read.requests else { throw bail() }
        return (root, lists)
    }

    /// The `workers` list (at depth 1): every worker valid, ids distinct (a pickup point is checked by the decoder).
    mutating func directWorkers() throws(JSONSyntaxError) -> [Worker] {
        var keys = DirectKeys { WorkerField(key: $0)?.slot ?? -1 }
        var home = DirectKeys { $0 == "lat" ? 0 : $0 == "lon" ? 1 : -1 }
        var window = DirectKeys { $0 == "date" ? 0 : $0 == "from" ? 1 : $0 == "to" ? 2 : -1 }
        var memos = DirectMemos()
        return try directList(id: \.id) { (cursor: inout Self) throws(JSONSyntaxError) in
            try cursor.directWorker(&keys, home: &home, window: &window, memos: &memos)
        }
    }

    /// A list of objects at depth 1 whose ids must be distinct: `[`, then `item` reads each object, until `]`.
    @inline(__always)
    mutating func directList<T>(
        id: (T) -> String, _ item: (inout Self) throws(JSONSyntaxError) -> T
    ) throws(JSONSyntaxError) -> [T] {
        try expect(UInt8(ascii: "["))
        var items: [T] = []
        var ids: Set<String> = []
        if try next() == UInt8(ascii: "]") {
            i += 1
            return items
        }
        repeat {
            let x = try item(&self)
            guard ids.insert(id(x)).inserted else { throw bail() }
            items.append(x)
        } while try more(UInt8(ascii: "]"))
        return items
    }

    /// One worker (at depth 2), with the defaults and checks of the tree route's worker loop; `keys`, `home` and
    /// `window` remember the keys of the workers, of their homes and of their availability windows, `memos` the lists
    /// already read.
    mutating func directWorker(
        _ keys: inout DirectKeys, home homeKeys: inout DirectKeys, window: inout DirectKeys, memos: inout DirectMemos
    ) throws(JSONSyntaxError) -> Worker {
        var id: String?
        var name: String?
        var phone: String?
        var category = WorkerCategory.general
        var allowed: Set<String>?
        var home: GeoPoint?
        var skills: Set<String> = []
        var maxTravel = WorkerDefaults.maxTravelKm
        var availability: (Set<Day>, [Day: [ClockWindow]])?
        var pool = WorkerPool.day
        var car = true
        var pickupPoint: String?
        var stayUntil: Day?
        var maxJobs = WorkerDefaults.maxJobsPerDay
        var maxMinutes: Int?
        var maxDays = WorkerDefaults.maxDaysPerWeek
        var recent = 0
        var worked: Set<Day> = []
        var blocked: Set<String> = []
        try directObject(depth: 2, &keys) { (p, slot) throws(JSONSyntaxError) in
            guard let field = WorkerField(rawValue: slot) else { throw p.bail() }
            if try p.null() { return }
            switch field {
            case .id: id = try p.directString()
            case .name: name = try p.directString()
            case .phone: phone = try p.directString()
            case .category:
                guard let c = WorkerCategory(rawValue: try p.directString()) else { throw p.bail() }
                category = c
            case .allowedFarms: allowed = try p.directStringSet(&memos.strings)
            case .home: home = try p.directPoint(depth: 3, &homeKeys)
            case .skills: skills = try p.directStringSet(&memos.strings)
            case .maxTravelKm:
                maxTravel = try p.directNumber()
                guard maxTravel >= 0 else { throw p.bail() }
            case .available:
                availability = try p.memoized(&memos.availability) { (p) throws(JSONSyntaxError) in
                    try p.directAvailability(depth: 3, &window)
                }
            case .pool:
                guard let v = WorkerPool(rawValue: try p.directString()) else { throw p.bail() }
                pool = v
            case .car: car = try p.directBool()
            case .pickupPoint: pickupPoint = try p.directString()
            case .stayUntil:
                guard let d = try p.directDay() else { throw p.bail() }
                stayUntil = d
            case .maxJobsPerDay:
                maxJobs = try p.directInt()
                guard maxJobs >= 1 else { throw p.bail() }
            case .maxMinutesPerDay:
                let n = try p.directInt()
                guard n >= 1 else { throw p.bail() }
                maxMinutes = n
            case .maxDaysPerWeek:
                maxDays = try p.directInt()
                guard maxDays >= 0 else { throw p.bail() }
            case .recentDaysWorked:
                recent = try p.directInt()
                guard recent >= 0 else { throw p.bail() }
            case .workedDates:
                worked = try p.memoized(&memos.days) { (p) throws(JSONSyntaxError) in try p.directDates() }
            case .blockedFarms: blocked = try p.directStringSet(&memos.strings)
            }
        }
        guard let id, !id.isEmpty, let home, let availability else { throw bail() }
        let (available, windows) = availability
        return Worker(
            id: id, name: name, phone: phone, home: home, skills: skills, category: category,
            maxTravelKm: maxTravel, available: available, maxDaysPerWeek: maxDays, recentDaysWorked: recent,
            workedDates: worked, blockedFarms: blocked, allowedFarms: allowed, windows: windows,
            pool: pool, stayUntil: stayUntil, maxJobsPerDay: maxJobs, maxMinutesPerDay: maxMinutes, car: car,
            pickupPoint: pickupPoint)
    }

    /// The `requests` list (at depth 1): every request valid, ids distinct (farms and pickup points are checked by
    /// the decoder).
    mutating func directRequests() throws(JSONSyntaxError) -> [LaborRequest] {
        var keys = DirectKeys { RequestField(key: $0)?.slot ?? -1 }
        var pickup = DirectKeys { $0 == "points" ? 0 : $0 == "seats" ? 1 : -1 }
        var skills = SpanMemo<Set<String>>()
        return try directList(id: \.id) { (cursor: inout Self) throws(JSONSyntaxError) in
            try cursor.directRequest(&keys, pickup: &pickup, skills: &skills)
        }
    }

    /// One request (at depth 2), with the defaults and checks of the tree route's request loop; `keys` and `pickup`
    /// remember the keys of the requests and of their pickups, `skillSets` the skill lists already read.
    mutating func directRequest(
        _ keys: inout DirectKeys, pickup pickupKeys: inout DirectKeys, skills skillSets: inout SpanMemo<Set<String>>
    ) throws(JSONSyntaxError) -> LaborRequest {
        var id: String?
        var farm: String?
        var job: String?
        var date: Day?
        var start: TimeOfDay?
        var end: TimeOfDay?
        var task: String?
        var wage: Double?
        var headcount: Int?
        var minHeadcount = 1
        var skills: Set<String> = []
        var priority = 1
        var cap: Double?
        var pools: Set<WorkerPool>?
        var pickup: Pickup?
        try directObject(depth: 2, &keys) { (p, slot) throws(JSONSyntaxError) in
            guard let field = RequestField(rawValue: slot) else { throw p.bail() }
            if try p.null() { return }
            switch field {
            case .id: id = try p.directString()
            case .farm: farm = try p.directString()
            case .job:
                let s = try p.directString()
                guard !s.isEmpty else { throw p.bail() }
                job = s
            case .date:
                guard let d = try p.directDay() else { throw p.bail() }
                date = d
            case .start:
                guard let t = try p.directTime() else { throw p.bail() }
                start = t
            case .end:
                guard let t = try p.directTime() else { throw p.bail() }
                end = t
            case .task: task = try p.directString()
            case .wage:
                let n = try p.directNumber()
                guard n >= 0 else { throw p.bail() }
                wage = n
            case .headcount:
                let n = try p.directInt()
                guard n >= 1 else { throw p.bail() }
                headcount = n
            case .minHeadcount:
                minHeadcount = try p.directInt()
                guard minHeadcount >= 1 else { throw p.bail() }
            case .skills: skills = try p.directStringSet(&skillSets)
            case .priority:
                priority = try p.directInt()
                guard priority >= 1, priority <= 10 else { throw p.bail() }
            case .maxTravelKm:
                let n = try p.directNumber()
                guard n >= 0 else { throw p.bail() }
                cap = n
            case .pools:
                var list: [WorkerPool] = []
                for s in try p.directStrings() {
                    guard let pool = WorkerPool(rawValue: s) else { throw p.bail() }
                    list.append(pool)
                }
                pools = Set(list)
            case .pickup: pickup = try p.directPickup(depth: 3, &pickupKeys)
            }
        }
        guard let id, !id.isEmpty, let farm, let date, let headcount, minHeadcount <= headcount else { throw bail() }
        // The spec's rule for every version: the (possibly defaulted) start is before the end.
        guard (start?.minutes ?? RequestDefaults.start) < (end?.minutes ?? RequestDefaults.end) else { throw bail() }
        return LaborRequest(
            id: id, farm: farm, job: job ?? id, date: date, start: start, end: end, task: task, skills: skills,
            headcount: headcount, minHeadcount: minHeadcount, priority: priority, maxTravelKm: cap, wage: wage,
            pools: pools, pickup: pickup)
    }

    /// A request's `{"points", "seats"}` (its values at `depth + 1`), both required.
    mutating func directPickup(depth: Int, _ keys: inout DirectKeys) throws(JSONSyntaxError) -> Pickup {
        var points: [String]?
        var seats: Int?
        try directObject(depth: depth, &keys) { (p, field) throws(JSONSyntaxError) in
            if try p.null() { return }
            if field == 0 { points = try p.directStrings() } else { seats = try p.directInt() }
        }
        guard let points, let seats, seats >= 0 else { throw bail() }
        return Pickup(points: Set(points), seats: seats)
    }
}
