import Foundation

@testable import Scheduling

/// Seeded mutations of a parsed instance for the fuzz test: numbers pushed to the edges (0, −1, 2^31, 2^53, 2^62,
/// 2^63−1, 1e300, fractions, strings, nulls), fields removed, ids duplicated, references to ids that do not exist,
/// wrong types, and arrays repeated (at most 20 elements more, so every case stays small).
struct InstanceMutator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }

    /// One step of a path into a JSON value: a member (by position) or an element.
    enum Step {
        case member(Int)
        case element(Int)
    }

    static let numbers: [JSONValue] = [
        .int(0), .int(-1), .int(1 << 31), .int(1 << 53), .int(1 << 62), .int(Int.max), .double(1e300), .double(0.5),
        .double(2.5), .double(-0.0), .double(0x1p64), .string("5"), .null, .int(7),
    ]
    static let strings: [JSONValue] = [
        .string(""), .string("zz-unknown"), .string("2026-02-30"), .string("2026-12-31"), .string("24:00"),
        .string("17:00"), .int(5), .null, .string("한글 이름"),
    ]

    /// Applies one mutation (six cases in ten), two or three.
    mutating func mutate(_ value: JSONValue) -> JSONValue {
        var v = value
        let n = [1, 1, 1, 1, 1, 1, 2, 2, 2, 3][below(10)]
        for _ in 0..<n { v = mutateOnce(v) }
        return v
    }

    mutating func mutateOnce(_ root: JSONValue) -> JSONValue {
        var paths: [[Step]] = []
        var strings: [String] = []
        Self.collect(root, [], &paths, &strings)
        // Numbers half of the time (the edges of every count, weight and coordinate), else any node.
        let numeric = paths.filter {
            switch Self.node(root, $0) {
            case .int, .double: return true
            default: return false
            }
        }
        let path = below(2) == 0 && !numeric.isEmpty ? pick(numeric) : pick(paths)
        let node = Self.node(root, path)
        let replacement: JSONValue?  // nil: remove the node (a member or an element)
        switch node {
        case .int, .double:
            replacement = pick(Self.numbers)
        case .string:
            // Another id of the document (a wrong or duplicate reference) or an edge value.
            replacement = below(3) == 0 && !strings.isEmpty ? .string(pick(strings)) : pick(Self.strings)
        case .array(let a) where !a.isEmpty:
            switch below(4) {
            case 0: replacement = .array(a + [a[below(a.count)]])  // a duplicate element (an id listed twice)
            case 1:
                let e = a[below(a.count)]
                replacement = .array(a + [JSONValue](repeating: e, count: 2 + below(19)))
            case 2:
                var b = a
                b.remove(at: below(b.count))
                replacement = .array(b)
            default: replacement = pick([.array([]), .null, .object(JSONObject())])
            }
        case .object:
            replacement = pick([.null, .array([]), .string("x"), .bool(true)])
        default:
            replacement = pick([.int(1), .string("x"), .array([])])
        }
        // A member of an object may also go missing altogether.
        if case .member? = path.last, below(3) == 0 { return Self.replace(root, path[...], with: nil) }
        return Self.replace(root, path[...], with: replacement)
    }

    static func collect(_ v: JSONValue, _ path: [Step], _ paths: inout [[Step]], _ strings: inout [String]) {
        if !path.isEmpty { paths.append(path) }
        switch v {
        case .object(let o):
            for i in o.values.indices { collect(o.values[i], path + [.member(i)], &paths, &strings) }
        case .array(let a):
            for i in a.indices { collect(a[i], path + [.element(i)], &paths, &strings) }
        case .string(let s):
            strings.append(s)
        default:
            break
        }
    }

    static func node(_ v: JSONValue, _ path: [Step]) -> JSONValue {
        var v = v
        for step in path {
            switch (step, v) {
            case (.member(let i), .object(let o)): v = o.values[i]
            case (.element(let i), .array(let a)): v = a[i]
            default: return v
            }
        }
        return v
    }

    /// The value with the node at `path` replaced (or removed when `with` is nil).
    static func replace(_ v: JSONValue, _ path: ArraySlice<Step>, with new: JSONValue?) -> JSONValue {
        guard let step = path.first else { return new ?? .null }
        let rest = path.dropFirst()
        switch (step, v) {
        case (.member(let i), .object(var o)):
            if rest.isEmpty && new == nil {
                o.keys.remove(at: i)
                o.values.remove(at: i)
            } else {
                o.values[i] = replace(o.values[i], rest, with: new)
            }
            return .object(o)
        case (.element(let i), .array(var a)):
            if rest.isEmpty && new == nil {
                a.remove(at: i)
            } else {
                a[i] = replace(a[i], rest, with: new)
            }
            return .array(a)
        default:
            return v
        }
    }

    /// JSON text of a value (Python's json reads `NaN` and `Infinity` too).
    static func encode(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return "\(d)"
        case .string(let s): return JSONText.quoted(s)
        case .array(let a): return "[" + a.map(encode).joined(separator: ",") + "]"
        case .object(let o):
            return "{" + zip(o.keys, o.values).map { JSONText.quoted($0) + ":" + encode($1) }.joined(separator: ",")
                + "}"
        }
    }
}
