import Places
import PrintSheets
import Vocabulary

/// A demo-like day in 진천군: farms at real villages, workers at others, one farm short, hostile names.
enum SampleDay {
    static func village(_ name: String) -> VillageRef {
        guard case .found(let ref) = Places.jincheon.lookup(name) else { fatalError("no village \(name)") }
        return ref
    }

    static func sheet(pickups: [DaySheet.PickupPage]? = nil) -> DaySheet {
        let farms: [(name: String, village: String, wanted: Int, homes: [String])] = [
            ("<script>농장", "진천읍 읍내리", 3, ["진천읍 벽암리", "진천읍 가산리", "덕산읍 용몽리"]),
            ("이월 딸기농장 & \"형제\"", "이월면 중산리", 4, ["이월면 신월리", "이월면 사곡리", "진천읍 읍내리"]),
            ("광혜원 수박", "광혜원면 광혜원리", 2, ["광혜원면 실원리", "광혜원면 회죽리"]),
            ("백곡 고추", "백곡면 석현리", 2, ["백곡면 구수리", "진천읍 장관리"]),
        ]
        var pages: [DaySheet.FarmPage] = []
        var number = 0
        for f in farms {
            let v = village(f.village)
            let workers = f.homes.map { h -> DaySheet.Worker in
                number += 1
                let home = village(h)
                return DaySheet.Worker(
                    name: number == 1 ? "<script>alert(1)</script>" : "작업자\(number)",
                    phone: "010-1234-\(String(5000 + number))", home: home.qualifiedName,
                    homePoint: home.village.centre,
                    ride: number == 2 ? "픽업 06:50 <마을회관>" : "", distanceKm: 3.5)
            }
            pages.append(
                DaySheet.FarmPage(
                    name: f.name, village: v.qualifiedName, location: v.village.centre, townCode: v.town.code,
                    jobs: [
                        DaySheet.Job(
                            meetingPoint: "\(v.village.name) 마을회관", meetingTime: "07:30", start: "08:00", end: "17:00",
                            task: "수확 & 선별", wage: 110_000, headcount: f.wanted, workers: workers)
                    ]))
        }
        let short = pages.filter { $0.filled < $0.wanted }.map {
            DaySheet.Shortage(
                farm: $0.name, missing: $0.wanted - $0.filled, headcount: $0.wanted,
                reasons: ["가까운 작업자가 모두 다른 농가에 배치됨 <거리 15km>"], location: $0.location)
        }
        return DaySheet(
            centerName: "진천군 농촌인력중개센터", centerCode: "JC", date: Day("2026-05-12")!, rosterState: "승인됨",
            requests: farms.count, farms: pages, shortages: short, pickups: pickups,
            map: DayMap.make(title: "진천군 2026-05-12", county: Places.jincheon, farms: pages))
    }
}
