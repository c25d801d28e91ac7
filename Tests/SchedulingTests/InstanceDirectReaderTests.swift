import Foundation
import Testing

@testable import Scheduling

/// The direct route (`InstanceDecoder.decodeDirect`: workers and requests read from the bytes) against the tree route
/// (`JSONParser.parse`, then `InstanceDecoder.decode(JSONValue)`): on the project's instances and on seeded mutations
/// of them (values, removed members, repeated keys, unknown keys, white space, escapes, cut or altered bytes), the
/// direct route gives the tree's instance or nothing, and `decode(bytes)` gives the tree's instance or its exact errors.
@Suite struct InstanceDirectReaderTests {
    /// Every instance of `Tests/Instances` (version 1 and 2, the generated ones too).
    static let sources: [(name: String, text: String)] = Fixtures.ownInstanceNames.compactMap { name in
        let url = Fixtures.instances.appendingPathComponent("\(name).json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return (name, String(decoding: data, as: UTF8.self))
    }

    /// The tree route's result: the instance, or the error messages.
    static func treeRoute(_ bytes: [UInt8]) -> Result<Instance, InstanceError> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .failure(InstanceError(["instance: cannot read as JSON: \(error)"]))
        }
        do {
            return .success(try InstanceDecoder.decode(value))
        } catch {
            return .failure(error)
        }
    }

    /// Checks one document: the direct route gives the tree's instance or nil, `decode(bytes)` the tree's result.
    /// Returns whether the direct route read it.
    @discardableResult
    static func expectSameAsTree(_ text: String, _ label: String) -> Bool {
        let bytes = Array(text.utf8)
        let tree = treeRoute(bytes)
        let direct = InstanceDecoder.decodeDirect(bytes)
        if let direct {
            #expect(tree == .success(direct), "\(label): the direct route read an instance the tree does not give")
        }
        let both: Result<Instance, InstanceError>
        do {
            both = .success(try InstanceDecoder.decode(bytes))
        } catch {
            both = .failure(error)
        }
        #expect(both == tree, "\(label): decode(bytes) differs from the tree route")
        return direct != nil
    }

    @Test func theProjectsValidInstancesAreReadDirectly() throws {
        #expect(Self.sources.count >= 20)
        var direct = 0
        for (name, text) in Self.sources {
            let valid = (try? Self.treeRoute(Array(text.utf8)).get()) != nil
            let read = Self.expectSameAsTree(text, name)
            // Every valid instance of the project takes the direct route (the gain it exists for).
            #expect(read == valid, "\(name): valid \(valid), read directly \(read)")
            if read { direct += 1 }
        }
        #expect(direct >= 15)
    }

    /// A member that repeats an earlier key of the same object (with a mutated or the same value): the tree keeps the
    /// last, the direct route leaves it to the tree.
    static func repeatKey(_ v: JSONValue, _ m: inout InstanceMutator) -> JSONValue {
        var paths: [[InstanceMutator.Step]] = []
        var strings: [String] = []
        InstanceMutator.collect(v, [], &paths, &strings)
        let objects = paths.filter {
            if case .object = InstanceMutator.node(v, $0) { return true } else { return false }
        }
        guard !objects.isEmpty else { return v }
        let path = m.pick(objects)
        guard case .object(var o) = InstanceMutator.node(v, path), !o.keys.isEmpty else { return v }
        let k = m.below(o.keys.count)
        o.keys.append(o.keys[k])
        o.values.append(m.below(2) == 0 ? o.values[k] : m.pick(InstanceMutator.numbers + InstanceMutator.strings))
        return InstanceMutator.replace(v, path[...], with: .object(o))
    }

    /// One field of a random worker or request (or of its home, windows or pickup) set to an edge value of any type.
    static func fieldValue(_ v: JSONValue, _ m: inout InstanceMutator) -> JSONValue {
        guard case .object(let root) = v else { return v }
        let lists = root.keys.indices.filter {
            (root.keys[$0] == "workers" || root.keys[$0] == "requests") && !(root.values[$0].array ?? []).isEmpty
        }
        guard !lists.isEmpty else { return v }
        let l = m.pick(lists)
        var path: [InstanceMutator.Step] = [.member(l), .element(m.below(root.values[l].array?.count ?? 1))]
        for _ in 0..<2 {
            guard case .object(let o) = InstanceMutator.node(v, path), !o.keys.isEmpty else { break }
            let k = m.below(o.keys.count)
            path.append(.member(k))
            // Now and then one level deeper (a home's lat, a window's to, a pickup's seats, a list's item).
            let inner = InstanceMutator.node(v, path)
            if m.below(3) == 0, case .array(let a) = inner, !a.isEmpty {
                path.append(.element(m.below(a.count)))
            } else if m.below(2) == 0, case .object = inner {
                continue
            }
            break
        }
        let edges: [JSONValue] = [
            .int(-1), .double(-0.5), .int(0), .double(0.5), .int(11), .double(1e300), .string(""), .string("x"),
            .string("24:00"), .null, .bool(true), .array([]), .object(JSONObject()),
        ]
        return InstanceMutator.replace(v, path[...], with: m.pick(edges))
    }

    /// A text change the value mutations cannot make: white space, an escaped key, an unknown key holding a nested
    /// value, a cut, or one byte replaced.
    static func textChange(_ text: String, _ m: inout InstanceMutator) -> String {
        var bytes = Array(text.utf8)
        switch m.below(6) {
        case 0:
            // White space after every comma and colon outside strings would need a scan; after each `,"` is enough.
            return text.replacingOccurrences(of: ",\"", with: ",\n \t\"")
        case 1:
            // A key with one letter as a `\u` escape (the same key for the tree).
            let keys = [
                ("\"id\":", "\"\\u0069d\":"), ("\"skills\":", "\"\\u0073kills\":"), ("\"date\":", "\"\\u0064ate\":"),
                ("\"lat\":", "\"l\\u0061t\":"), ("\"headcount\":", "\"headcoun\\u0074\":"),
                ("\"workers\":", "\"\\u0077orkers\":"),
            ]
            let (plain, escaped) = m.pick(keys)
            return text.replacingOccurrences(of: plain, with: escaped)
        case 2:
            return text.replacingOccurrences(
                of: "\"id\":", with: "\"extra\":{\"a\":[1,{\"b\":null}],\"c\":\"x\"},\"id\":")
        case 3:
            return String(decoding: bytes.prefix(m.below(bytes.count)), as: UTF8.self)
        case 4:
            let i = m.below(bytes.count)
            bytes[i] = m.pick(Array("{}[]\",:0-.eEn \\".utf8) + [0x01, 0xFF])
            return String(decoding: bytes, as: UTF8.self)
        default:
            return "\u{FEFF}" + text + " \n"
        }
    }

    /// Lists the direct route's memo (`SpanMemo`) may reuse: every worker's skills, farms, availability and worked
    /// dates and every request's skills drawn from a few texts (the same list, the same items spaced or escaped
    /// otherwise, a `]` inside a string, a list that is another's prefix, invalid items), so equal, nearly equal and
    /// invalid lists follow each other: the direct route gives the tree's instance or nothing, `decode(bytes)` the
    /// tree's result.
    @Test func repeatedAndNearlyRepeatedListsGiveTheTreesInstance() throws {
        let strings = [
            #"["harvest","packing"]"#, #"["harvest", "packing"]"#, #"["har]vest","packing"]"#, #"["har]vest"]"#,
            #"["harvest","pack\u0069ng"]"#, #"["a\"]"]"#, "[]", "[ ]", #"["harvest",1]"#, #"["harvest"]"#,
            #"["harvest"] "#, #"["f1","f2"]"#, #"["f2","f1","f1"]"#, #"["f1"]"#, "null",
        ]
        let days = [
            #"["2026-07-08"]"#, #"["2026-07-08","2026-07-09"]"#, #"["2026-07-08", "2026-07-09"]"#,
            #"[{"date":"2026-07-08","from":"08:00","to":"12:00"}]"#,
            #"[{"date":"2026-07-08","from":"12:00","to":"08:00"}]"#,
            #"["2026-07-08",{"date":"2026-07-08","from":"08:00","to":"12:00"}]"#,
            #"[{"date":"2026-07-08","from":"08:00","to":"12:00"},"2026-07-08"]"#, #"["2026-07-0]"]"#, "[]",
            #"["2026-07-08""#,
        ]
        let fields: [(key: String, texts: [String])] = [
            ("skills", strings), ("blockedFarms", strings), ("allowedFarms", strings), ("available", days),
            ("workedDates", days),
        ]
        let sources = Self.sources.compactMap { s in (try? JSONParser.parse(s.text)).map { (s.name, $0) } }
        var direct = 0
        for i in 0..<300 {
            var m = InstanceMutator(seed: 0x5BA4_0000 &+ UInt64(i))
            let (name, value) = sources[i % sources.count]
            guard case .object(var root) = value else { continue }
            // Placeholders in the tree, replaced by list texts in the encoded document.
            var texts: [String] = []
            for (l, key) in root.keys.enumerated() where key == "workers" || key == "requests" {
                guard case .array(var items) = root.values[l] else { continue }
                for (k, item) in items.enumerated() {
                    guard case .object(var o) = item else { continue }
                    for field in key == "workers" ? fields : [("skills", strings)] where m.below(4) != 0 {
                        let text = m.pick(field.texts)
                        let mark = JSONValue.string("@@list\(texts.count)@@")
                        texts.append(text)
                        if let at = o.keys.firstIndex(of: field.key) {
                            o.values[at] = mark
                        } else {
                            o.keys.append(field.key)
                            o.values.append(mark)
                        }
                    }
                    items[k] = .object(o)
                }
                root.values[l] = .array(items)
            }
            var text = InstanceMutator.encode(.object(root))
            for (k, list) in texts.enumerated().reversed() {
                text = text.replacingOccurrences(of: "\"@@list\(k)@@\"", with: list)
            }
            if Self.expectSameAsTree(text, "case \(i) (\(name))") { direct += 1 }
        }
        // Some documents stay valid and take the direct route (and its memo).
        #expect(direct > 0)
    }

    @Test(arguments: 0..<4)
    func mutatedInstancesGiveTheTreesInstanceOrItsErrors(_ chunk: Int) throws {
        let sources = Self.sources.compactMap { s in (try? JSONParser.parse(s.text)).map { (s.name, $0) } }
        #expect(!sources.isEmpty)
        var direct = 0
        for i in stride(from: chunk, to: 4000, by: 4) {
            var m = InstanceMutator(seed: 0xB17E_5000 &+ UInt64(i))
            let (name, value) = sources[i % sources.count]
            var text: String
            switch m.below(4) {
            case 0: text = InstanceMutator.encode(m.mutate(value))
            case 1: text = InstanceMutator.encode(Self.repeatKey(value, &m))
            case 2: text = InstanceMutator.encode(Self.fieldValue(value, &m))
            default: text = Self.textChange(InstanceMutator.encode(value), &m)
            }
            if m.below(4) == 0 { text = Self.textChange(text, &m) }
            if Self.expectSameAsTree(text, "case \(i) (\(name))") { direct += 1 }
        }
        // Some mutated documents stay valid and take the direct route.
        #expect(direct > 0)
    }
}
