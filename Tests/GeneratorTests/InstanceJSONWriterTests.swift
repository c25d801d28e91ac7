import Foundation
import Scheduling
import Testing
import Vocabulary

@testable import Generator

@Suite struct InstanceJSONWriterTests {
    @Test func specialCharactersRoundTrip() throws {
        let tricky = "김\"영\\숙\n\t\r\u{01}\u{1F} é 🍉 \u{7F}/"
        var worker = Worker(id: "w\"1", name: tricky, home: GeoPoint(lat: 36.8551, lon: 127.4433), available: [])
        worker.skills = ["b\\", "a\""]
        let instance = Instance(
            name: tricky, workers: [worker],
            farms: [Farm(id: "f1", name: "이월 \"딸기\" 농장", location: GeoPoint(lat: 0.1 + 0.2, lon: -1e-7))],
            requests: [])
        let bytes = InstanceJSONWriter.encode(instance)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("김"))  // Hangul unescaped
        #expect(!text.contains("\\u00ea") && text.contains("\\u0001") && text.contains("\\u001f"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(json["name"] as? String == tricky)
        let w = try #require((json["workers"] as? [[String: Any]])?.first)
        #expect(w["id"] as? String == "w\"1")
        #expect(w["name"] as? String == tricky)
        #expect(w["skills"] as? [String] == ["a\"", "b\\"])
        let f = try #require((json["farms"] as? [[String: Any]])?.first)
        let loc = try #require(f["location"] as? [String: Any])
        #expect(loc["lat"] != nil && loc["lon"] != nil)
        // swift-corelibs-foundation's parser can be off in the last bit, so check the digits.
        #expect(text.contains("\"location\":{\"lat\":0.30000000000000004,\"lon\":-1e-07}"))
        #expect(Double(InstanceJSONWriter.numberLiteral(0.1 + 0.2)) == 0.1 + 0.2)
        #expect(f["name"] as? String == "이월 \"딸기\" 농장")
    }

    @Test func writesEveryFieldOfTheSpec() throws {
        let instance = Fixtures.small().generate()
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(InstanceJSONWriter.encode(instance))) as? [String: Any])
        #expect(Set(json.keys) == ["version", "name", "weights", "workers", "farms", "requests", "pinned", "history"])
        #expect(json["version"] as? Int == 1)
        let w = try #require((json["workers"] as? [[String: Any]])?.first)
        #expect(
            Set(w.keys) == [
                "id", "name", "phone", "home", "skills", "category", "maxTravelKm", "available", "maxDaysPerWeek",
                "recentDaysWorked", "workedDates", "blockedFarms", "allowedFarms",
            ])
        let r = try #require((json["requests"] as? [[String: Any]])?.first)
        #expect(
            Set(r.keys) == [
                "id", "farm", "job", "date", "start", "end", "task", "skills", "headcount", "minHeadcount", "priority",
                "maxTravelKm", "wage",
            ])
        let f = try #require((json["farms"] as? [[String: Any]])?.first)
        #expect(Set(f.keys) == ["id", "name", "location", "blockedWorkers"])
        #expect((json["workers"] as? [Any])?.count == instance.workers.count)
        #expect((json["pinned"] as? [Any])?.count == instance.pinned.count)
        #expect((json["history"] as? [Any])?.count == instance.history.count)
    }

    @Test func numbersAndSetsAreCanonical() {
        #expect(InstanceJSONWriter.numberLiteral(25) == "25")
        #expect(InstanceJSONWriter.numberLiteral(130_000) == "130000")
        #expect(InstanceJSONWriter.numberLiteral(36.8551) == "36.8551")
        #expect(InstanceJSONWriter.numberLiteral(.nan) == "null")
        let days: Set<Day> = [Day("2026-07-09")!, Day("2026-07-08")!, Day("2027-01-01")!]
        let w = Worker(id: "w1", home: GeoPoint(lat: 1, lon: 2), skills: ["tractor", "harvest"], available: days)
        let text = String(
            decoding: InstanceJSONWriter.encode(Instance(workers: [w], farms: [], requests: [])), as: UTF8.self)
        #expect(text.contains("\"available\":[\"2026-07-08\",\"2026-07-09\",\"2027-01-01\"]"))
        #expect(text.contains("\"skills\":[\"harvest\",\"tractor\"]"))
        #expect(text.contains("\"allowedFarms\":null"))
    }
}
