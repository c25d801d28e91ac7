import Boundaries
import Foundation
import Places
import PrintSheets
import Testing

/// The map of a day: markers where their villages are, escaping, colours, red for unfilled.
@Suite struct DayMapTests {
    /// Each farm marker, projected to pixels, lies inside the projected outline of its village's 읍면.
    @Test func farmMarkersLieInsideTheirTownsOnTheMap() throws {
        let sheet = SampleDay.sheet()
        let map = try #require(sheet.map)
        let p = map.projection
        #expect(map.towns.count == Places.jincheon.towns.count)
        for (farm, page) in zip(map.farms, sheet.farms) {
            let town = try #require(map.towns.first { $0.outline.code == page.townCode })
            let (x, y) = p.xy(farm.location)
            // The same even-odd test in pixel space, on the projected rings.
            let projected = AreaOutline(
                code: town.outline.code,
                rings: town.outline.rings.map { ring in
                    ring.map { pt in
                        let (px, py) = p.xy(pt)
                        return PlacePoint(lat: -py, lon: px)
                    }
                })
            #expect(projected.contains(PlacePoint(lat: -y, lon: x)), "\(farm.name) outside \(town.name)")
            #expect(x >= 0 && x <= p.width && y >= 0 && y <= p.height)
        }
    }

    @Test func theSVGEscapesNamesAndShowsShortFarmsInRed() {
        let svg = SampleDay.sheet().map!.svg(standalone: true)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("&lt;script&gt;농장"))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("class=\"farm short\""))
        #expect(svg.contains("(1명 부족)"))
        #expect(svg.contains("진천읍"))
        // One line per worker with a known home.
        let workers = SampleDay.sheet().farms.flatMap { $0.jobs.flatMap(\.workers) }.count
        #expect(svg.components(separatedBy: "<line ").count - 1 == workers)
    }

    @Test func theStandaloneSVGIsWellFormedXML() throws {
        let svg = SampleDay.sheet().map!.svg(standalone: true)
        let (status, paths) = try PythonScript.run(
            "import sys, xml.dom.minidom as m; d = m.parseString(sys.stdin.buffer.read()); "
                + "print(len(d.getElementsByTagName('path')))", stdin: svg)
        #expect(status == 0)
        // One path per town of 진천군.
        #expect(paths.trimmingCharacters(in: .whitespacesAndNewlines) == "\(Places.jincheon.towns.count)")
    }

    @Test func markersGrowWithHeadcount() {
        #expect(DayMap.radius(headcount: 9) > DayMap.radius(headcount: 1))
        #expect(DayMap.colour(ofFarm: 0) != DayMap.colour(ofFarm: 1))
    }
}
