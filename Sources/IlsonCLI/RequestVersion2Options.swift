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
        let pools = v.pools.map { $0.isEmpty ? "없음" : $0.map(\.korean).joined(separator: ", ") } ?? "전체"
        let van =
            v.pickupSeats.map {
                "차량 \($0)석" + (v.pickupPoints.isEmpty ? "" : " (\(v.pickupPoints.joined(separator: ", ")))")
            }
            ?? "차량 없음"
        return "  받는 인력 \(pools) · \(van)"
    }
}
