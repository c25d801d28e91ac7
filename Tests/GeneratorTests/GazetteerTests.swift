import Places
import Testing

/// The national table (data/places.tsv) and its lookups.
@Suite struct GazetteerTests {
    let korea = Gazetteer.korea

    @Test func theTableHasEveryLevel() {
        let c = korea.counts
        #expect(c.provinces == 17)
        #expect(c.counties == 253)
        #expect(c.towns == 5_025)
        #expect(c.villages == 15_250)
    }

    @Test func countiesResolveByNameCodeAndProvince() throws {
        guard case .found(let goesan) = korea.county("괴산군") else { throw Failure("괴산군") }
        #expect(goesan.code == "43760" && goesan.province == "충청북도")
        #expect(goesan.towns.first?.name == "괴산읍")
        guard case .found(let byCode) = korea.county("43760") else { throw Failure("43760") }
        #expect(byCode.name == "괴산군")
        // Other provinces: 전북 (renamed since the data) by its current name and code, and 경북.
        guard case .found(let wanju) = korea.county("전북특별자치도 완주군") else { throw Failure("완주군") }
        #expect(wanju.province == "전북특별자치도" && wanju.code == "45710")
        guard case .found(let wanjuNew) = korea.county("52710") else { throw Failure("52710") }
        #expect(wanjuNew.name == "완주군")
        guard case .found(let uiseong) = korea.county("경북 의성군") else { throw Failure("의성군") }
        #expect(uiseong.province == "경상북도" && uiseong.villages.count > 100)
    }

    @Test func anAmbiguousCountyNeedsItsProvince() throws {
        guard case .ambiguous(let names) = korea.county("중구") else { throw Failure("중구") }
        #expect(names.contains("서울특별시 중구") && names.contains("대구광역시 중구") && names.count == 6)
        guard case .found(let daeguJung) = korea.county("대구 중구") else { throw Failure("대구 중구") }
        #expect(daeguJung.code == "27110")
        guard case .notFound(let close) = korea.county("괴산꾼") else { throw Failure("괴산꾼") }
        #expect(close.isEmpty || close.allSatisfy { !$0.isEmpty })
        guard case .notFound(let near) = korea.county("괴선군") else { throw Failure("괴선군") }
        #expect(near.contains("충청북도 괴산군"))
    }

    @Test func aCityOfSeveralDistrictsIsOneCounty() throws {
        guard case .found(let cheongju) = korea.county("청주시") else { throw Failure("청주시") }
        #expect(cheongju.code == "43110")
        // The former 청원군 is part of it now.
        #expect(cheongju.towns.contains { $0.name == "오창읍" })
        guard case .found(let sangdang) = korea.county("청주시 상당구") else { throw Failure("상당구") }
        #expect(sangdang.code == "43111")
        guard case .found(let former) = korea.county("청원군") else { throw Failure("청원군") }
        #expect(former.code == "43710" && former.name == "청주시")
        #expect(korea.county(code: "43110")?.towns.count == cheongju.towns.count)
    }

    @Test func renames() throws {
        // Old and new names resolve; the current one is printed.
        #expect(Renames.currentName("45") == "전북특별자치도")
        #expect(Renames.tableCode("52710") == "45710")
        #expect(Renames.tableCode("43760") == "43760")
        #expect(korea.provinceName(ofCounty: "47720") == "대구광역시")
        guard case .found(let gunwi) = korea.county("대구 군위군") else { throw Failure("대구 군위군") }
        #expect(gunwi.code == "47720" && gunwi.fullName == "대구광역시 군위군")
        guard case .found(let michuhol) = korea.county("인천 남구") else { throw Failure("인천 남구") }
        #expect(michuhol.name == "미추홀구")
        guard case .found(let yeoju) = korea.county("여주시") else { throw Failure("여주시") }
        #expect(yeoju.code == "41730")
        #expect(Places.jincheon.towns.map(\.name).contains("덕산읍"))
        #expect(!Places.jincheon.towns.map(\.name).contains("덕산면"))
        // Every rename names a row of the table.
        for entry in Renames.all { #expect(korea.areas[entry.code] != nil, "\(entry.code) \(entry.old)") }
    }

    @Test func villagesResolveLocallyThenByFullAddress() throws {
        guard case .found(let goesan) = korea.county("괴산군") else { throw Failure("괴산군") }
        #expect(korea.village("동부리", within: goesan).lookup.village?.qualifiedName == "괴산읍 동부리")
        #expect(korea.village("괴산읍 동부리", within: goesan).lookup.village?.town.name == "괴산읍")
        let across = korea.village("충청북도 음성군 금왕읍 무극리", within: goesan)
        #expect(across.address && across.lookup.village?.fullName == "충청북도 음성군 금왕읍 무극리")
        #expect(korea.village("음성군 금왕읍 무극리", within: goesan).lookup.village?.countyName == "음성군")
        // Unknown: close names are offered.
        guard case .notFound(let close) = korea.village("동부니", within: goesan).lookup else { throw Failure("동부니") }
        #expect(close.map(\.qualifiedName).contains("괴산읍 동부리"))
        // Nationally, a common name is ambiguous.
        guard case .ambiguous(let many) = korea.village("신촌리", within: nil).lookup else { throw Failure("신촌리") }
        #expect(many.count > 5)
    }

    @Test func pointsInKorea() {
        #expect(korea.isInKorea(PlacePoint(lat: 36.855, lon: 127.435)))
        #expect(korea.isInKorea(PlacePoint(lat: 33.25, lon: 126.56)))  // 서귀포
        #expect(!korea.isInKorea(PlacePoint(lat: 35.68, lon: 139.69)))  // Tokyo
        #expect(!korea.isInKorea(PlacePoint(lat: 39.03, lon: 125.75)))  // Pyongyang
        #expect(!korea.isInKorea(PlacePoint(lat: 35.5, lon: 124.6)))  // the Yellow Sea
    }

    @Test func everyVillagePointIsNearItsTown() {
        // A point inside each area: a village lies near its town's point (islands of 옹진군 and 신안군 the farthest).
        var distances: [Double] = []
        for code in korea.countyCodes {
            guard let county = korea.county(code: code) else { continue }
            for ref in county.villages {
                let d = ref.village.centre.km(to: ref.town.centre)
                #expect(d < 100, "\(ref.fullName)")
                distances.append(d)
            }
        }
        #expect(distances.count >= 15_250)
        #expect(distances.sorted()[distances.count / 2] < 4)
        for ref in Places.jincheon.villages { #expect(ref.village.centre.km(to: ref.town.centre) < 12) }
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ what: String) { description = "unexpected lookup answer for \(what)" }
}
