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
        // Six 중구, and Incheon's former one, now 제물포구 and 영종구 (2026).
        #expect(names.contains("서울특별시 중구") && names.contains("대구광역시 중구") && names.count == 7, "\(names)")
        #expect(names.contains("인천광역시 영종구") && names.contains("인천광역시 제물포구"), "\(names)")
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

    /// 2026's changes since the table's base date: Incheon's reorganisation of 1 July (중구·동구 → 제물포구 and
    /// 영종구, 서구 → 서해구 and 검단구) and 화성시's four 구 of 1 February.
    @Test func renamesOf2026() throws {
        for (name, code) in [("제물포구", "28125"), ("영종구", "28155"), ("서해구", "28275"), ("검단구", "28290")] {
            guard case .found(let c) = korea.county("인천 \(name)") else { throw Failure(name) }
            #expect(c.code == code && c.fullName == "인천광역시 \(name)", "\(c.fullName)")
            #expect(korea.county(code: code)?.name == name)
        }
        let yeongjong = try #require(korea.county(code: "28155"))
        #expect(Set(yeongjong.towns.map(\.name)) == ["중산동", "운남동", "운서동", "운북동", "을왕동", "남북동", "덕교동", "무의동"])
        let jemulpo = try #require(korea.county(code: "28125"))
        #expect(jemulpo.towns.map(\.name).contains("송림동") && jemulpo.towns.map(\.name).contains("신포동"))
        #expect(!jemulpo.towns.map(\.name).contains("운서동"))
        let geomdan = try #require(korea.county(code: "28290"))
        #expect(geomdan.towns.map(\.name).contains("마전동") && !geomdan.towns.map(\.name).contains("청라동"))
        // The old 구 are gone: their names name the counties they became (both, when split).
        guard case .ambiguous(let names) = korea.county("인천 중구") else { throw Failure("인천 중구") }
        #expect(Set(names) == ["인천광역시 제물포구", "인천광역시 영종구"])
        guard case .found(let dong) = korea.county("인천 동구") else { throw Failure("인천 동구") }
        #expect(dong.name == "제물포구")
        #expect(korea.county(code: "28110") == nil && korea.county(code: "28140") == nil)
        // Other cities' 중구 and 서구 are untouched.
        guard case .found(let daeguJung) = korea.county("대구 중구") else { throw Failure("대구 중구") }
        #expect(daeguJung.code == "27110")
        // A village by its old address and by its new one: the new one is printed.
        for address in ["인천광역시 중구 운서동", "인천 영종구 운서동"] {
            let found = korea.village(address, within: nil).lookup.village
            #expect(found?.fullName == "인천광역시 영종구 운서동", "\(address): \(String(describing: found))")
        }
        #expect(korea.village("인천광역시 서구 마전동", within: nil).lookup.village?.fullName == "인천광역시 검단구 마전동")
        #expect(korea.counts.counties == 253, "the table's rows, not the counties made since")

        // 화성시: one county by the city's name, its villages printed with their 구, typed with it or without.
        guard case .found(let hwaseong) = korea.county("화성시") else { throw Failure("화성시") }
        #expect(hwaseong.code == "41590")
        let hyangnam = try #require(hwaseong.towns.first { $0.name == "향남읍" }?.villages.first)
        for address in ["경기도 화성시 향남읍 \(hyangnam.name)", "경기도 화성시 만세구 향남읍 \(hyangnam.name)"] {
            let found = korea.village(address, within: nil).lookup.village
            #expect(found?.fullName == "경기도 화성시 만세구 향남읍 \(hyangnam.name)", "\(address)")
        }
        #expect(
            korea.village("화성시 동탄구 동탄면 \(hwaseong.towns.first { $0.name == "동탄면" }!.villages[0].name)", within: nil)
                .lookup.village?.countyName == "화성시 동탄구")
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
