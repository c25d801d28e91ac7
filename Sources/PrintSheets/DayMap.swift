public import Boundaries
import Foundation
public import Places

/// The map of a day: the center's county with its 읍면 outlines, farms as labelled markers sized by headcount,
/// workers' homes as dots with a line to their farm coloured by farm, unfilled requests in red. Drawn as SVG by
/// ``svg(standalone:)``, on the cover of the day sheets and alone by `ilson roster map`.
public struct DayMap: Sendable, Hashable {
    /// A town of the county: its name and outline.
    public struct TownArea: Sendable, Hashable {
        public var name: String
        public var outline: AreaOutline
        /// Where its name is written (a point inside).
        public var labelAt: PlacePoint
        public init(name: String, outline: AreaOutline, labelAt: PlacePoint) {
            self.name = name
            self.outline = outline
            self.labelAt = labelAt
        }
    }

    /// A farm's marker.
    public struct FarmMarker: Sendable, Hashable {
        public var name: String
        public var location: PlacePoint
        /// Workers placed, and wanted.
        public var filled: Int
        public var wanted: Int
        public init(name: String, location: PlacePoint, filled: Int, wanted: Int) {
            self.name = name
            self.location = location
            self.filled = filled
            self.wanted = wanted
        }
        /// Places still open on the farm.
        public var short: Int { max(0, wanted - filled) }
    }

    /// A worker's home and the farm (index into `farms`) they go to.
    public struct Trip: Sendable, Hashable {
        public var home: PlacePoint
        public var farm: Int
        public init(home: PlacePoint, farm: Int) {
            self.home = home
            self.farm = farm
        }
    }

    /// The title (`진천군 2026-05-12`).
    public var title: String
    public var towns: [TownArea]
    public var farms: [FarmMarker]
    public var trips: [Trip]

    public init(title: String, towns: [TownArea], farms: [FarmMarker], trips: [Trip]) {
        self.title = title
        self.towns = towns
        self.farms = farms
        self.trips = trips
    }

    /// The map of a day sheet's farms within `county` (towns without an outline in the data set are left out).
    public static func make(title: String, county: County, farms pages: [DaySheet.FarmPage]) -> DayMap {
        let towns = county.towns.compactMap { t -> TownArea? in
            guard let outline = Boundaries.outline(code: t.code) else { return nil }
            return TownArea(name: t.name, outline: outline, labelAt: t.centre)
        }
        var farms: [FarmMarker] = []
        var trips: [Trip] = []
        for page in pages {
            guard let location = page.location else { continue }
            farms.append(FarmMarker(name: page.name, location: location, filled: page.filled, wanted: page.wanted))
            for job in page.jobs {
                for w in job.workers {
                    if let home = w.homePoint { trips.append(Trip(home: home, farm: farms.count - 1)) }
                }
            }
        }
        return DayMap(title: title, towns: towns, farms: farms, trips: trips)
    }

    /// Colours of farms, told apart in print; red is kept for unfilled requests.
    static let palette = [
        "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#393b79",
        "#637939", "#8c6d31",
    ]
    /// The colour of unfilled requests.
    static let shortColour = "#d62728"

    /// The farm's colour.
    public static func colour(ofFarm index: Int) -> String { palette[index % palette.count] }

    /// The marker's radius in pixels: grows with the square root of the workers wanted.
    public static func radius(headcount: Int) -> Double { 5 + 2.5 * Double(max(headcount, 0)).squareRoot() }

    /// How degrees become pixels on this map.
    public var projection: MapProjection {
        // The county and its farms fill the map; a home beyond the county's edge is cut off at the border of the
        // picture (its line still points the way).
        var points: [PlacePoint] = towns.flatMap { $0.outline.rings.flatMap { $0 } }
        points += farms.map(\.location)
        if towns.isEmpty { points += trips.map(\.home) }
        return MapProjection(fitting: points, width: 720, maxHeight: 860)
    }

    /// The SVG text; `standalone` adds the XML declaration for a file of its own.
    public func svg(standalone: Bool = false) -> String {
        let p = projection
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        var out = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        let legendHeight = 28.0
        let height = p.height + legendHeight
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" overflow=\"hidden\" viewBox=\"0 0 \(f(p.width)) \(f(height))\" "
        out += "width=\"\(f(p.width))\" height=\"\(f(height))\" role=\"img\" "
        out += "font-family=\"\(HTMLText.escape(HTMLText.fontFamily))\">\n"
        out += "<title>\(HTMLText.escape(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(f(p.width))\" height=\"\(f(height))\" fill=\"#ffffff\"/>\n"
        out += "<g class=\"towns\" fill=\"#f3f0e6\" stroke=\"#8a8a8a\" stroke-width=\"0.8\" fill-rule=\"evenodd\">\n"
        for t in towns {
            var d = ""
            for ring in t.outline.rings {
                for (i, pt) in ring.enumerated() {
                    let (x, y) = p.xy(pt)
                    d += (i == 0 ? "M" : "L") + f(x) + " " + f(y)
                }
                d += "Z"
            }
            out += "<path d=\"\(d)\"><title>\(HTMLText.escape(t.name))</title></path>\n"
        }
        out += "</g>\n<g class=\"town-names\" fill=\"#9a9a9a\" font-size=\"13\" text-anchor=\"middle\">\n"
        for t in towns {
            let (x, y) = p.xy(t.labelAt)
            out += "<text x=\"\(f(x))\" y=\"\(f(y))\">\(HTMLText.escape(t.name))</text>\n"
        }
        out += "</g>\n<g class=\"trips\" stroke-width=\"1.2\" stroke-opacity=\"0.75\">\n"
        for trip in trips where farms.indices.contains(trip.farm) {
            let (x1, y1) = p.xy(trip.home)
            let (x2, y2) = p.xy(farms[trip.farm].location)
            out += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" "
            out += "stroke=\"\(Self.colour(ofFarm: trip.farm))\"/>\n"
        }
        out += "</g>\n<g class=\"homes\">\n"
        for trip in trips where farms.indices.contains(trip.farm) {
            let (x, y) = p.xy(trip.home)
            out += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"2.6\" fill=\"\(Self.colour(ofFarm: trip.farm))\"/>\n"
        }
        // Smaller labels on a crowded day.
        out += "</g>\n<g class=\"farms\" font-size=\"\(farms.count > 20 ? 9 : 12)\">\n"
        for (i, farm) in farms.enumerated() {
            let (x, y) = p.xy(farm.location)
            let r = Self.radius(headcount: farm.wanted)
            let fill = farm.filled == 0 ? Self.shortColour : Self.colour(ofFarm: i)
            let stroke = farm.short > 0 ? Self.shortColour : "#ffffff"
            let label = "\(farm.name) \(farm.filled)/\(farm.wanted)명" + (farm.short > 0 ? " (\(farm.short)명 부족)" : "")
            out += "<g class=\"farm\(farm.short > 0 ? " short" : "")\">"
            out += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" fill=\"\(fill)\" fill-opacity=\"0.85\" "
            out += "stroke=\"\(stroke)\" stroke-width=\"\(farm.short > 0 ? "3" : "1.5")\"/>"
            out +=
                "<text x=\"\(f(x + r + 3))\" y=\"\(f(y + 4))\" fill=\"\(farm.short > 0 ? Self.shortColour : "#111111")\" "
            out += "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(HTMLText.escape(label))</text></g>\n"
        }
        out += "</g>\n"
        let ly = p.height + 18
        out += "<g class=\"legend\" font-size=\"12\" fill=\"#333333\">"
        out += "<circle cx=\"12\" cy=\"\(f(ly - 4))\" r=\"7\" fill=\"\(Self.colour(ofFarm: 0))\"/>"
        out += "<text x=\"24\" y=\"\(f(ly))\">농가 (크기: 인원)</text>"
        out += "<circle cx=\"150\" cy=\"\(f(ly - 4))\" r=\"2.6\" fill=\"#333333\"/>"
        out += "<text x=\"158\" y=\"\(f(ly))\">작업자 집 — 선: 집에서 농가까지</text>"
        out +=
            "<circle cx=\"380\" cy=\"\(f(ly - 4))\" r=\"7\" fill=\"none\" stroke=\"\(Self.shortColour)\" stroke-width=\"3\"/>"
        out += "<text x=\"392\" y=\"\(f(ly))\" fill=\"\(Self.shortColour)\">빨강: 미충원</text>"
        out += "</g>\n</svg>\n"
        return out
    }
}

/// An equirectangular projection of a box of degrees onto pixels (longitude scaled by the cosine of the middle
/// latitude, so a county keeps its shape), with a margin.
public struct MapProjection: Sendable, Hashable {
    public var minLon: Double
    public var maxLat: Double
    /// Pixels per degree of latitude.
    public var scale: Double
    /// cos(middle latitude).
    public var squash: Double
    public var margin: Double
    public var width: Double
    public var height: Double

    /// Fits `points` into `width` pixels (less when the height would pass `maxHeight`).
    public init(fitting points: [PlacePoint], width: Double, maxHeight: Double, margin: Double = 16) {
        var minLat = points.map(\.lat).min() ?? 36
        var maxLat = points.map(\.lat).max() ?? 37
        var minLon = points.map(\.lon).min() ?? 127
        var maxLon = points.map(\.lon).max() ?? 128
        if maxLat - minLat < 0.01 { (minLat, maxLat) = (minLat - 0.005, maxLat + 0.005) }
        if maxLon - minLon < 0.01 { (minLon, maxLon) = (minLon - 0.005, maxLon + 0.005) }
        let squash = cos((minLat + maxLat) / 2 * Double.pi / 180)
        let inner = width - 2 * margin
        var scale = inner / ((maxLon - minLon) * squash)
        if (maxLat - minLat) * scale > maxHeight - 2 * margin { scale = (maxHeight - 2 * margin) / (maxLat - minLat) }
        self.minLon = minLon
        self.maxLat = maxLat
        self.scale = scale
        self.squash = squash
        self.margin = margin
        self.width = ((maxLon - minLon) * squash * scale + 2 * margin).rounded(.up)
        self.height = ((maxLat - minLat) * scale + 2 * margin).rounded(.up)
    }

    /// The pixel position of a point.
    public func xy(_ p: PlacePoint) -> (x: Double, y: Double) {
        (margin + (p.lon - minLon) * squash * scale, margin + (maxLat - p.lat) * scale)
    }
}
