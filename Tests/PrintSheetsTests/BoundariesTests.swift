import Boundaries
import Places
import Testing

/// The embedded 읍면동 boundaries: present for the whole country, and a place's point lies inside its 읍면.
@Suite struct BoundariesTests {
    @Test func theWholeCountryHasOutlines() {
        #expect(Boundaries.count > 5_000)
        let jincheon = Places.jincheon
        let outlines = Boundaries.outlines(of: jincheon)
        #expect(outlines.count == jincheon.towns.count)
    }

    /// Every village of 진천군 (where the demo's farms are) lies inside its own 읍면 and no other.
    @Test func everyJincheonVillageLiesInsideItsTown() throws {
        let county = Places.jincheon
        let outlines = Dictionary(uniqueKeysWithValues: Boundaries.outlines(of: county).map { ($0.code, $0) })
        var checked = 0
        for ref in county.villages {
            let own = try #require(outlines[ref.town.code])
            #expect(own.contains(ref.village.centre), "\(ref.qualifiedName) outside \(ref.town.name)")
            for (code, other) in outlines where code != ref.town.code {
                #expect(!other.contains(ref.village.centre), "\(ref.qualifiedName) inside \(code) too")
            }
            checked += 1
        }
        #expect(checked > 80)
    }

    /// A sample across the country: the point of every 10th county's towns lies inside the town's outline.
    @Test func aNationalSampleOfTownPointsLiesInside() throws {
        let codes = Gazetteer.korea.countyCodes
        var inside = 0
        var total = 0
        for code in stride(from: 0, to: codes.count, by: 10).map({ codes[$0] }) {
            let county = try #require(Gazetteer.korea.county(code: code))
            for town in county.towns {
                guard let outline = Boundaries.outline(code: town.code) else { continue }
                total += 1
                if outline.contains(town.centre) { inside += 1 }
            }
        }
        #expect(total > 100)
        // Simplification moves borders by up to about 30 m; a town's point is its pole of inaccessibility.
        #expect(inside == total, "\(total - inside) of \(total) town points fall outside their outline")
    }

    @Test func unknownCodesHaveNoOutline() {
        #expect(Boundaries.outline(code: "99999999") == nil)
        #expect(Boundaries.outline(code: "<script>") == nil)
    }
}
