import ArgumentParser
import Operations
import Records
import Texts

/// `request submit/edit` flags of version 2: the pools that may fill it and its van.
struct RequestVersion2Options: ParsableArguments {
    @Option(help: ArgumentHelp(T(.helpPoolsMayFillComma)))
    var pools: String?
    @Option(
        name: .customLong("pickup-seats"),
        help: ArgumentHelp(T(.helpSeatsVanCollectsRiders)))
    var pickupSeats: String?
    @Option(name: .customLong("pickup-points"), help: ArgumentHelp(T(.helpPickupPointsVanStops)))
    var pickupPoints: String?

    func apply(to input: RequestInput) -> RequestInput {
        var input = input
        input.pools = pools
        input.pickupSeats = pickupSeats
        input.pickupPoints = splitList(pickupPoints)
        return input
    }

    /// `  인력 일용, 봉사 · 차량 8석 (마을회관, 터미널)`.
    static func describe(_ v: RequestValues) -> String {
        let pools =
            v.pools.map { $0.isEmpty ? T(.r2PoolsNone) : $0.map(\.korean).joined(separator: ", ") } ?? T(.r2PoolsAll)
        let van =
            v.pickupSeats.map {
                T(
                    .r2Van,
                    [
                        "seats": $0,
                        "points": v.pickupPoints.isEmpty ? "" : " (\(v.pickupPoints.joined(separator: ", ")))",
                    ])
            }
            ?? T(.r2NoVan)
        return T(.r2Terms, ["pools": pools, "van": van])
    }
}
