import Places
import Testing

@Suite struct PlacesTests {
    @Test func jincheonHasItsSevenTownsAndEightyThreeVillages() {
        let county = Places.jincheon
        #expect(county.towns.map(\.name) == ["진천읍", "덕산읍", "초평면", "문백면", "백곡면", "이월면", "광혜원면"])
        #expect(county.villages.count == 83)
        #expect(Set(county.villages.map(\.qualifiedName)).count == 83)
    }

    /// The 83 legal villages, as the national table has them (the hand-made table before it had four wrong).
    @Test func jincheonsVillagesAreTheLegalOnes() {
        let names = Places.jincheon.villages.map(\.village.name)
        for name in ["읍내리", "용몽리", "중산리", "실원리", "문덕리", "장월리", "한천리", "연곡리", "화산리", "신척리"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(names.filter { $0 == "금곡리" }.count == 2)
        #expect(Places.jincheon.code == "43750")
        #expect(
            Places.jincheon.villages.allSatisfy { $0.village.code.hasPrefix("43750") && $0.village.code.count == 10 })
    }

    @Test func everyVillageIsInsideJincheon() {
        for ref in Places.jincheon.villages {
            let p = ref.village.centre
            #expect((36.74...37.02).contains(p.lat), "\(ref.qualifiedName)")
            #expect((127.28...127.58).contains(p.lon), "\(ref.qualifiedName)")
            // Within about 9 km of its town's centre.
            let dLat = (p.lat - ref.town.centre.lat) * 111
            let dLon = (p.lon - ref.town.centre.lon) * 89
            #expect((dLat * dLat + dLon * dLon).squareRoot() < 9, "\(ref.qualifiedName)")
        }
    }

    @Test func lookupByName() {
        let county = Places.jincheon
        #expect(county.lookup("읍내리").village?.town.name == "진천읍")
        #expect(county.lookup("용몽리").village?.town.name == "덕산읍")
        #expect(county.lookup(" 진천읍 읍내리 ").village?.village.name == "읍내리")
        #expect(county.lookup("이월 중산리").village?.town.name == "이월면")
        #expect(county.lookup("진천군 광혜원면 실원리").village?.village.name == "실원리")
        #expect(county.lookup("덕산읍 읍내리").village == nil)
        #expect(county.lookup("없는리").village == nil)
        // The former name of a town that became an 읍 still resolves, to the current one.
        #expect(county.lookup("덕산면 용몽리").village?.qualifiedName == "덕산읍 용몽리")
    }

    @Test func ambiguousNameAsksForTheTown() {
        let a = Town(
            name: "가면", kind: .myeon, centre: PlacePoint(lat: 36.8, lon: 127.4), population: 1,
            villages: [Village(name: "신촌리", centre: PlacePoint(lat: 36.8, lon: 127.4))])
        let b = Town(
            name: "나읍", kind: .eup, centre: PlacePoint(lat: 36.9, lon: 127.5), population: 1,
            villages: [
                Village(name: "신촌리", centre: PlacePoint(lat: 36.9, lon: 127.5)),
                Village(name: "읍내리", centre: PlacePoint(lat: 36.9, lon: 127.5)),
            ])
        let county = County(name: "시험군", province: "충청북도", towns: [a, b])
        guard case .ambiguous(let candidates) = county.lookup("신촌리") else {
            Issue.record("expected an ambiguous answer")
            return
        }
        #expect(candidates.map(\.qualifiedName) == ["가면 신촌리", "나읍 신촌리"])
        #expect(county.lookup("나읍 신촌리").village?.village.centre.lat == 36.9)
        #expect(county.lookup("가 신촌리").village?.town.name == "가면")
        #expect(county.lookup("읍내리").village?.town.name == "나읍")
    }
}
