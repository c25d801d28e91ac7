import Foundation
import Scheduling

/// Great-circle distance in km, computed exactly as `spec/problem-format.md` writes it (the
/// scorer does the same; a last-bit difference can flip a travel-cap tie).
public func haversineKm(_ p: GeoPoint, _ q: GeoPoint) -> Double {
    func rad(_ x: Double) -> Double { (x * Double.pi) / 180 }
    let dphi = rad(q.lat - p.lat)
    let dlam = rad(q.lon - p.lon)
    let s1 = sin(dphi / 2)
    let s2 = sin(dlam / 2)
    let a = s1 * s1 + (cos(rad(p.lat)) * cos(rad(q.lat))) * (s2 * s2)
    return (2 * 6371.0) * asin(min(a, 1).squareRoot())
}

/// Kilometres per degree of latitude (mean earth radius 6371 km).
let kmPerDegreeLat = 6371.0 * Double.pi / 180

/// `p` moved `north` and `east` km (flat-earth approximation, fine at county scale).
func offset(_ p: GeoPoint, northKm north: Double, eastKm east: Double) -> GeoPoint {
    let lat = p.lat + north / kmPerDegreeLat
    let lon = p.lon + east / (kmPerDegreeLat * cos(p.lat * Double.pi / 180))
    return GeoPoint(lat: lat, lon: lon)
}

/// Rounds a coordinate to 5 decimals (about 1 m), as a person or a geocoder would write it.
func round5(_ x: Double) -> Double { (x * 100_000).rounded() / 100_000 }

func _log(_ x: Double) -> Double { log(x) }
func _cos(_ x: Double) -> Double { cos(x) }
