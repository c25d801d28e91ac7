public import Places

/// The outline of one 읍면동 (legal area): its rings in degrees, outer rings and holes alike.
///
/// A point is inside the area when it lies inside an odd number of its rings (the even-odd rule, as SVG's
/// `fill-rule="evenodd"` draws it), so a 면 with an 읍 in a hole, or an area of several islands, needs no more.
public struct AreaOutline: Sendable, Hashable {
    /// The 8-digit legal code (법정동코드) of the 읍면동.
    public var code: String
    /// Closed rings (the last point joins the first implicitly), as points in degrees.
    public var rings: [[PlacePoint]]

    /// Creates an outline.
    public init(code: String, rings: [[PlacePoint]]) {
        self.code = code
        self.rings = rings
    }

    /// Whether `p` lies inside the area (even-odd rule over every ring; a point on an edge may go either way).
    public func contains(_ p: PlacePoint) -> Bool {
        var inside = false
        for ring in rings where ring.count >= 3 {
            var j = ring.count - 1
            for i in ring.indices {
                let a = ring[i]
                let b = ring[j]
                if (a.lat > p.lat) != (b.lat > p.lat) {
                    let x = a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon)
                    if p.lon < x { inside.toggle() }
                }
                j = i
            }
        }
        return inside
    }

    /// The smallest box around every ring.
    public var bounds: (minLat: Double, maxLat: Double, minLon: Double, maxLon: Double) {
        var b = (minLat: Double.infinity, maxLat: -Double.infinity, minLon: Double.infinity, maxLon: -Double.infinity)
        for ring in rings {
            for p in ring {
                b.minLat = min(b.minLat, p.lat)
                b.maxLat = max(b.maxLat, p.lat)
                b.minLon = min(b.minLon, p.lon)
                b.maxLon = max(b.maxLon, p.lon)
            }
        }
        return b
    }
}

/// Simplified boundaries of every 읍면동 of South Korea, from `data/boundaries.tsv` (made by
/// `scripts/dev/gen-boundaries.py` from the same NGII data set as the places table: Douglas-Peucker at about 30 m,
/// coordinates quantised to 0.0001°), embedded by the EmbedBoundaries plugin. Pure data; parsed per county on demand.
public enum Boundaries {
    /// The outline of the 읍면동 with this 8-digit legal code, or nil when the data set has none.
    public static func outline(code: String) -> AreaOutline? {
        guard code.count == 8, let line = BoundaryIndex.shared.lines[code] else { return nil }
        return parse(code: code, line: line)
    }

    /// The outlines of a county's towns (읍, 면, 동) that the data set has, in the county's town order.
    public static func outlines(of county: County) -> [AreaOutline] {
        county.towns.compactMap { outline(code: $0.code) }
    }

    /// How many areas the data set holds.
    public static var count: Int { BoundaryIndex.shared.lines.count }

    /// Parses one line's rings: `x,y dx,dy …` per tab-separated field, in units of 0.0001°.
    static func parse(code: String, line: Substring) -> AreaOutline {
        var rings: [[PlacePoint]] = []
        for field in line.split(separator: "\t") {
            var ring: [PlacePoint] = []
            var x = 0
            var y = 0
            var first = true
            for token in field.split(separator: " ") {
                guard let comma = token.firstIndex(of: ","), let dx = Int(token[..<comma]),
                    let dy = Int(token[token.index(after: comma)...])
                else { continue }
                if first {
                    (x, y) = (dx, dy)
                    first = false
                } else {
                    x += dx
                    y += dy
                }
                ring.append(PlacePoint(lat: Double(y) / 10_000, lon: Double(x) / 10_000))
            }
            if ring.count >= 3 { rings.append(ring) }
        }
        return AreaOutline(code: code, rings: rings)
    }
}

/// The embedded text split into one line per code, once (the rings are parsed only when asked for).
final class BoundaryIndex: Sendable {
    static let shared = BoundaryIndex(tsv: embeddedBoundariesTSV)
    let lines: [String: Substring]

    init(tsv: String) {
        var lines: [String: Substring] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            lines[String(line[..<tab])] = line[line.index(after: tab)...]
        }
        self.lines = lines
    }
}
