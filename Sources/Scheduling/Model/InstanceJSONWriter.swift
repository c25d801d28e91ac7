import Vocabulary

/// Encodes an ``Instance`` as the JSON of `spec/problem-format.md`.
///
/// The output is UTF-8 with Hangul left unescaped, keys in the spec's order, sets written
/// sorted (skills, dates, farm and worker ids), and doubles in their shortest round-trip form
/// (integral values below 2^53 without a fraction), so the same instance always gives the same
/// bytes. Every field of the spec is written, optional ones as `null` when absent. The bytes are
/// built directly (no `JSONSerialization`), fast enough for 50,000 workers.
public enum InstanceJSONWriter {
    /// Encodes an instance.
    ///
    /// - Parameters:
    ///   - instance: the instance to write.
    ///   - pretty: one worker, farm, request, pin or history row per line (still compact inside
    ///     a row), which diffs well; compact when false.
    /// - Returns: the UTF-8 bytes of the JSON document, ending with a newline.
    public static func encode(_ instance: Instance, pretty: Bool = true) -> [UInt8] {
        var w = JSONByteWriter()
        w.out.reserveCapacity(256 + instance.workers.count * 400 + instance.requests.count * 260)
        // A comma between top-level fields, then a newline when pretty.
        let next: (inout JSONByteWriter) -> Void = { w in
            w.raw(",")
            if pretty { w.raw("\n") }
        }
        let v2 = instance.usesVersion2
        w.raw("{")
        w.key("version")
        w.int(v2 ? 2 : 1)
        next(&w)
        w.key("name")
        w.optString(instance.name)
        next(&w)
        w.key("weights")
        w.raw("{")
        w.key("fairness")
        w.int(instance.weights.fairness)
        w.raw(",")
        w.key("continuity")
        w.int(instance.weights.continuity)
        if instance.weights.share != 0 {
            w.raw(",")
            w.key("share")
            w.int(instance.weights.share)
        }
        w.raw("}")
        next(&w)
        // Version 2's instance fields, written only when they differ from their defaults (a version 1 day is
        // written byte for byte as before).
        if instance.speedKmh != 30 {
            w.key("speedKmh")
            w.double(instance.speedKmh)
            next(&w)
        }
        if instance.walkKm != 2.0 {
            w.key("walkKm")
            w.double(instance.walkKm)
            next(&w)
        }
        if !instance.pickupPoints.isEmpty {
            w.list("pickupPoints", instance.pickupPoints, pretty: pretty) { $0.pickupPoint($1) }
            next(&w)
        }
        w.list("workers", instance.workers, pretty: pretty) { $0.worker($1) }
        next(&w)
        w.list("farms", instance.farms, pretty: pretty) { $0.farm($1) }
        next(&w)
        w.list("requests", instance.requests, pretty: pretty) { $0.request($1) }
        next(&w)
        w.list("pinned", instance.pinned, pretty: pretty) { $0.pair($1) }
        next(&w)
        w.list("history", instance.history, pretty: pretty) { $0.history($1) }
        // ilson's extension, written only when used: pairs the solver must not propose.
        if !instance.excludedPairs.isEmpty {
            next(&w)
            let sorted = instance.excludedPairs.sorted { ($0.request, $0.worker) < ($1.request, $1.worker) }
            w.list("excluded", sorted, pretty: pretty) { $0.pair($1) }
        }
        w.raw("}\n")
        return w.out
    }

    /// The JSON string literal of `text`, quotes included: `"`, `\` and control characters are
    /// escaped, everything else (Hangul included) is written as UTF-8.
    public static func stringLiteral(_ text: String) -> String {
        var w = JSONByteWriter()
        w.string(text)
        return String(decoding: w.out, as: UTF8.self)
    }

    /// The JSON number for `value`: integral values below 2^53 as integers (`25`), others in
    /// Swift's shortest round-trip form (`36.8551`, `1e-07`); `null` when not finite.
    public static func numberLiteral(_ value: Double) -> String {
        var w = JSONByteWriter()
        w.double(value)
        return String(decoding: w.out, as: UTF8.self)
    }
}

/// A growing UTF-8 buffer with the JSON primitives the writer needs.
struct JSONByteWriter {
    var out: [UInt8] = []

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    mutating func key(_ s: StaticString) {
        out.append(UInt8(ascii: "\""))
        raw(s)
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func string(_ s: String) {
        out.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 0x0A: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [92, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [92, UInt8(ascii: "f")])
            case 0..<0x20:
                out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, Self.hex[Int(b >> 4)], Self.hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `"name":[…]` with one row per item, each on its own line when `pretty` (and the closing bracket too).
    mutating func list<T>(_ name: StaticString, _ items: [T], pretty: Bool, _ row: (inout JSONByteWriter, T) -> Void) {
        key(name)
        raw("[")
        for (i, item) in items.enumerated() {
            if i > 0 { raw(",") }
            if pretty { raw("\n") }
            row(&self, item)
        }
        if pretty { raw("\n") }
        raw("]")
    }

    mutating func optString(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    mutating func strings(_ list: [String]) {
        out.append(UInt8(ascii: "["))
        for (i, s) in list.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(s)
        }
        out.append(UInt8(ascii: "]"))
    }

    mutating func int(_ v: Int) {
        if v < 0 {
            out.append(UInt8(ascii: "-"))
            // magnitude handles Int.min
            uint(v.magnitude)
        } else {
            uint(UInt(v))
        }
    }

    mutating func uint(_ v: UInt) {
        if v < 10 {
            out.append(UInt8(ascii: "0") + UInt8(v))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = v
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while n > 0 {
                buf[count] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buf[i]) }
        }
    }

    mutating func double(_ v: Double) {
        guard v.isFinite else {
            raw("null")
            return
        }
        if v == v.rounded(), abs(v) < 9_007_199_254_740_992 {
            if v == 0, v.sign == .minus {
                raw("-0")
            } else {
                int(Int(v))
            }
            return
        }
        out.append(contentsOf: v.description.utf8)
    }

    mutating func optDouble(_ v: Double?) {
        if let v { double(v) } else { raw("null") }
    }

    mutating func day(_ d: Day) {
        let (y, m, dd) = d.components
        if (0...9999).contains(y) {
            out.append(contentsOf: [
                UInt8(ascii: "\""),
                48 + UInt8(y / 1000), 48 + UInt8(y / 100 % 10), 48 + UInt8(y / 10 % 10), 48 + UInt8(y % 10),
                UInt8(ascii: "-"), 48 + UInt8(m / 10), 48 + UInt8(m % 10),
                UInt8(ascii: "-"), 48 + UInt8(dd / 10), 48 + UInt8(dd % 10),
                UInt8(ascii: "\""),
            ])
        } else {
            string(d.description)
        }
    }

    mutating func days(_ set: Set<Day>) {
        out.append(UInt8(ascii: "["))
        for (i, d) in set.sorted().enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            day(d)
        }
        out.append(UInt8(ascii: "]"))
    }

    mutating func time(_ t: TimeOfDay?) {
        guard let t else {
            raw("null")
            return
        }
        let h = t.minutes / 60
        let m = t.minutes % 60
        if h > 23 {
            string(clockText(t.minutes))
            return
        }
        out.append(contentsOf: [
            UInt8(ascii: "\""), 48 + UInt8(h / 10), 48 + UInt8(h % 10), UInt8(ascii: ":"),
            48 + UInt8(m / 10), 48 + UInt8(m % 10), UInt8(ascii: "\""),
        ])
    }

    mutating func point(_ p: GeoPoint) {
        raw("{")
        key("lat")
        double(p.lat)
        raw(",")
        key("lon")
        double(p.lon)
        raw("}")
    }

    mutating func worker(_ w: Worker) {
        raw("{")
        key("id")
        string(w.id)
        raw(",")
        key("name")
        optString(w.name)
        raw(",")
        key("phone")
        optString(w.phone)
        raw(",")
        key("home")
        point(w.home)
        raw(",")
        key("skills")
        strings(w.skills.sorted())
        raw(",")
        key("category")
        string(w.category.rawValue)
        raw(",")
        key("maxTravelKm")
        double(w.maxTravelKm)
        raw(",")
        key("available")
        if w.windows.isEmpty {
            days(w.available)
        } else {
            out.append(UInt8(ascii: "["))
            for (i, d) in w.available.sorted().enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                guard let wins = w.windows[d] else {
                    day(d)
                    continue
                }
                for (j, x) in wins.enumerated() {
                    if j > 0 { out.append(UInt8(ascii: ",")) }
                    raw("{")
                    key("date")
                    day(d)
                    raw(",")
                    key("from")
                    string(clockText(x.from))
                    raw(",")
                    key("to")
                    string(clockText(x.to))
                    raw("}")
                }
            }
            out.append(UInt8(ascii: "]"))
        }
        raw(",")
        key("maxDaysPerWeek")
        int(w.maxDaysPerWeek)
        raw(",")
        key("recentDaysWorked")
        int(w.recentDaysWorked)
        raw(",")
        key("workedDates")
        days(w.workedDates)
        raw(",")
        key("blockedFarms")
        strings(w.blockedFarms.sorted())
        raw(",")
        key("allowedFarms")
        if let allowed = w.allowedFarms { strings(allowed.sorted()) } else { raw("null") }
        if w.pool != .day {
            raw(",")
            key("pool")
            string(w.pool.rawValue)
        }
        if let until = w.stayUntil {
            raw(",")
            key("stayUntil")
            day(until)
        }
        if w.maxJobsPerDay != 1 {
            raw(",")
            key("maxJobsPerDay")
            int(w.maxJobsPerDay)
        }
        if let m = w.maxMinutesPerDay {
            raw(",")
            key("maxMinutesPerDay")
            int(m)
        }
        if !w.car {
            raw(",")
            key("car")
            raw("false")
        }
        if let p = w.pickupPoint {
            raw(",")
            key("pickupPoint")
            string(p)
        }
        raw("}")
    }

    mutating func pickupPoint(_ p: PickupPoint) {
        raw("{")
        key("id")
        string(p.id)
        raw(",")
        key("name")
        optString(p.name)
        raw(",")
        key("location")
        point(p.location)
        raw("}")
    }

    mutating func farm(_ f: Farm) {
        raw("{")
        key("id")
        string(f.id)
        raw(",")
        key("name")
        optString(f.name)
        raw(",")
        key("location")
        point(f.location)
        raw(",")
        key("blockedWorkers")
        strings(f.blockedWorkers.sorted())
        raw("}")
    }

    /// A pin or an excluded pair: `{"request":…,"worker":…}`.
    mutating func pair(_ p: Pair) {
        raw("{")
        key("request")
        string(p.request)
        raw(",")
        key("worker")
        string(p.worker)
        raw("}")
    }

    mutating func history(_ h: HistoryEntry) {
        raw("{")
        key("worker")
        string(h.worker)
        raw(",")
        key("farm")
        optString(h.farm)
        raw(",")
        key("job")
        string(h.job)
        raw(",")
        key("date")
        day(h.date)
        raw("}")
    }

    mutating func request(_ r: LaborRequest) {
        raw("{")
        key("id")
        string(r.id)
        raw(",")
        key("farm")
        string(r.farm)
        raw(",")
        key("job")
        string(r.job)
        raw(",")
        key("date")
        day(r.date)
        raw(",")
        key("start")
        time(r.start)
        raw(",")
        key("end")
        time(r.end)
        raw(",")
        key("task")
        optString(r.task)
        raw(",")
        key("skills")
        strings(r.skills.sorted())
        raw(",")
        key("headcount")
        int(r.headcount)
        raw(",")
        key("minHeadcount")
        int(r.minHeadcount)
        raw(",")
        key("priority")
        int(r.priority)
        raw(",")
        key("maxTravelKm")
        optDouble(r.maxTravelKm)
        raw(",")
        key("wage")
        optDouble(r.wage)
        if let pools = r.pools {
            raw(",")
            key("pools")
            strings(pools.sorted().map(\.rawValue))
        }
        if let pickup = r.pickup {
            raw(",")
            key("pickup")
            raw("{")
            key("points")
            strings(pickup.points.sorted())
            raw(",")
            key("seats")
            int(pickup.seats)
            raw("}")
        }
        raw("}")
    }
}
