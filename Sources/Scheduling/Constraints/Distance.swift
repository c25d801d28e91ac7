import Foundation

/// Great-circle distance and its soft cost, in exactly the arithmetic order the spec and the scorer use.
public enum Distance {
    /// Degrees to radians as the spec writes it: `(x * π) / 180`, left to right.
    @inline(__always) static func rad(_ x: Double) -> Double { (x * Double.pi) / 180.0 }

    /// Haversine distance in km (Earth radius 6371.0), term by term as in `spec/problem-format.md`.
    @inline(__always)
    public static func km(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        km(lat1: a.lat, lon1: a.lon, lat2: b.lat, lon2: b.lon)
    }

    /// Haversine distance in km from raw coordinates.
    @inline(__always)
    public static func km(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Double {
        km(dLat: lat2 - lat1, dLon: lon2 - lon1, cosProduct: cos(rad(lat1)) * cos(rad(lat2)))
    }

    /// The haversine formula itself, from the differences of latitude and longitude in degrees and the product of the
    /// two latitudes' cosines (which the candidate scan precomputes per worker and farm): the same operations in the
    /// same order wherever it is called, so the same bits.
    @inline(__always)
    static func km(dLat: Double, dLon: Double, cosProduct: Double) -> Double {
        let s1 = sin(rad(dLat) / 2.0)
        let s2 = sin(rad(dLon) / 2.0)
        var a = s1 * s1 + cosProduct * (s2 * s2)
        if a > 1.0 { a = 1.0 }
        return (2.0 * 6371.0) * asin(a.squareRoot())
    }

    /// `round(10 × d)`, halves away from zero: the distance part of the soft cost.
    @inline(__always)
    public static func cost(_ km: Double) -> Int {
        // A negative distance rounds as its negation does (10 × (−km) is exactly −(10 × km)); written without the
        // recursion so that it can be inlined.
        let x = 10.0 * km
        let m = x < 0 ? -x : x
        // m ≥ 0, so `Int(m)` (truncation) is `Int(m.rounded(.down))` without the call to `floor`, and traps where that
        // did (NaN, 2^63 and beyond); `Double(i)` is the rounded-down value exactly.
        let i = Int(m)
        let r = i + (m - Double(i) >= 0.5 ? 1 : 0)
        return x < 0 ? -r : r
    }
}
