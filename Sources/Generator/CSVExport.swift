import KoreanText
import Places
import Scheduling
import Vocabulary

/// Turns a generated ``Instance`` into the three import files of `spec/csv-formats.md`
/// (`farms.csv`, `workers.csv`, `requests.csv`), as a center's coordinator would keep them in
/// a spreadsheet, so that a demo or a test loads its data through the real import path.
///
/// The files show what the importer accepts: `farms.csv` and `requests.csv` carry Korean
/// headers, `workers.csv` English ones; the caller chooses the bytes (the CLI writes `farms.csv`
/// in CP949 and the others in UTF-8, `requests.csv` with a BOM). Everything the instance does not
/// carry (farmers, addresses, SMS consent) is drawn from a stream of its own seed, so the same
/// instance and seed give the same text, byte for byte.
///
/// What a CSV cannot say is approximated: a worker's available dates become one range (first to
/// last available date; a worker with none in the period is available from the day after it); a
/// multi-day job whose hours change on a heat-wave day becomes one row per run of equal hours; a
/// row whose natural key (farm, date, task, start) another row already holds starts 30 minutes
/// later, or is left out after three tries. History, pins and blocks are not exported.
public struct CSVExport: Sendable, Hashable {
    /// `farms.csv`: 농가코드, 농가명, 농업인, 농업인전화, 위도, 경도, 주소, 마을, 집결지.
    public var farms: String
    /// `workers.csv` with English headers.
    public var workers: String
    /// `requests.csv`: 농가코드, 날짜, 일수, 시작, 종료, 작업, 기술, 인원, 최소인원, 우선순위, 일당.
    public var requests: String
    /// Rows written per file, and requests left out for a natural-key clash.
    public var farmRows: Int
    public var workerRows: Int
    public var requestRows: Int
    public var requestsLeftOut: Int

    /// The farm code written for an instance farm id: `f7` → `F007`; other ids upper-cased.
    public static func farmCode(_ id: String) -> String {
        if id.hasPrefix("f"), let n = Int(id.dropFirst()), n >= 0 {
            let digits = String(n)
            return "F" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        }
        return id.uppercased()
    }

    /// Builds the files.
    ///
    /// - Parameters:
    ///   - instance: a generated instance (``InstanceGenerator``); its farms and workers lie in `county`.
    ///   - seed: the seed for what the instance does not carry (farmers, consent, addresses).
    ///   - county: the county whose villages name homes and farms (default 진천군).
    /// - Returns: the three files as text, with counts.
    public static func make(_ instance: Instance, seed: UInt64, county: County = Places.jincheon) -> CSVExport {
        var exporter = Exporter(instance: instance, seed: seed, county: county)
        return exporter.run()
    }

    /// Lines of fields, CRLF-terminated as spreadsheets write them.
    static func document(_ header: [String], _ rows: [[String]]) -> String {
        CSVWriter.document(header: header, rows: rows, lineEnd: .crlf)
    }
}

/// The working state of one export.
private struct Exporter {
    let instance: Instance
    let seed: UInt64
    let county: County
    let villages: [VillageRef]

    init(instance: Instance, seed: UInt64, county: County) {
        self.instance = instance
        self.seed = seed
        self.county = county
        self.villages = county.villages
    }

    func rng(_ section: UInt64) -> Xoshiro256 { Xoshiro256(seed: seed, stream: 0xC5_0000 | section) }

    /// The village whose centre is nearest (ties: the first in the county's order).
    func nearestVillage(_ p: GeoPoint) -> VillageRef? {
        var best: (VillageRef, Double)?
        for v in villages {
            let d = haversineKm(p, GeoPoint(lat: v.village.centre.lat, lon: v.village.centre.lon))
            if best == nil || d < best!.1 { best = (v, d) }
        }
        return best?.0
    }

    static func coordinate(_ x: Double) -> String {
        let scaled = Int((x * 100_000).rounded())
        let whole = scaled / 100_000
        let frac = abs(scaled % 100_000)
        let digits = String(frac)
        return
            "\(scaled < 0 && whole == 0 ? "-" : "")\(whole).\(String(repeating: "0", count: 5 - digits.count))\(digits)"
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }

    static func phone(_ n: UInt64) -> String {
        let eight = n % 100_000_000
        let head = String(eight / 10_000)
        let tail = String(eight % 10_000)
        return "010-" + String(repeating: "0", count: 4 - head.count) + head + "-"
            + String(repeating: "0", count: 4 - tail.count) + tail
    }

    mutating func run() -> CSVExport {
        let farms = farmRows()
        let workers = workerRows()
        let (requests, leftOut) = requestRows()
        return CSVExport(
            farms: CSVExport.document(
                ["농가코드", "농가명", "농업인", "농업인전화", "위도", "경도", "주소", "마을", "집결지"], farms),
            workers: CSVExport.document(
                [
                    "name", "phone", "lat", "lon", "village", "skills", "category", "max_travel_km",
                    "max_days_per_week", "available_from", "available_to", "sms_consent", "allowed_farms",
                ], workers),
            requests: CSVExport.document(
                ["농가코드", "날짜", "일수", "시작", "종료", "작업", "기술", "인원", "최소인원", "우선순위", "일당"], requests),
            farmRows: farms.count, workerRows: workers.count, requestRows: requests.count, requestsLeftOut: leftOut)
    }

    // MARK: farms

    func farmRows() -> [[String]] {
        var r = rng(1)
        var used = Set(instance.workers.compactMap { $0.phone.map(digits) })
        var rows: [[String]] = []
        for farm in instance.farms {
            let name = farm.name ?? CSVExport.farmCode(farm.id)
            // "진천 김씨네 수박하우스": the farmer is a 김; otherwise any surname.
            var surname = Names.surnames.draw(&r)
            if let range = name.range(of: "씨네") {
                let before = name[..<range.lowerBound]
                if let last = before.split(separator: " ").last, !last.isEmpty { surname = String(last) }
            }
            let given = r.chance(0.6) ? r.pick(Names.olderMen) : r.pick(Names.olderWomen)
            var phone: String
            repeat {
                phone = Exporter.phone(20_000_000 + r.next() % 80_000_000)
            } while used.contains(digits(phone))
            used.insert(digits(phone))
            let village = nearestVillage(farm.location)
            let address =
                village.map { "\(county.province) \(county.name) \($0.qualifiedName) \(r.int(in: 1...899))" } ?? ""
            let meeting = r.chance(0.4) ? (village.map { "\($0.village.name) 마을회관 앞" } ?? "") : ""
            rows.append([
                CSVExport.farmCode(farm.id), name, surname + given, phone,
                Exporter.coordinate(farm.location.lat), Exporter.coordinate(farm.location.lon),
                address, village?.qualifiedName ?? "", meeting,
            ])
        }
        return rows
    }

    func digits(_ phone: String) -> String { String(phone.filter(\.isNumber)) }

    // MARK: workers

    func workerRows() -> [[String]] {
        var r = rng(2)
        let days = Set(instance.requests.map(\.date))
        let lastDay = days.max()
        var rows: [[String]] = []
        for (index, w) in instance.workers.enumerated() {
            let phone = w.phone ?? Exporter.phone(30_000_000 + UInt64(index))
            let village = nearestVillage(w.home)
            var from = ""
            var to = ""
            let available = w.available.sorted()
            if let first = available.first, let last = available.last {
                from = first.description
                to = last.description
            } else if let lastDay {
                // Not available in the period: joins after it.
                from = lastDay.next.description
            }
            let consent = r.chance(w.category == .foreign ? 0.95 : 0.85) ? "y" : "n"
            let allowed = w.allowedFarms.map { $0.map(CSVExport.farmCode).sorted().joined(separator: ";") } ?? ""
            rows.append([
                w.name ?? "작업자\(index + 1)", phone, Exporter.coordinate(w.home.lat), Exporter.coordinate(w.home.lon),
                village?.qualifiedName ?? "", w.skills.sorted().joined(separator: ";"), w.category.rawValue,
                Exporter.number(w.maxTravelKm), String(w.maxDaysPerWeek), from, to, consent, allowed,
            ])
        }
        return rows
    }

    // MARK: requests

    /// One row per run of consecutive days of a job with the same hours, wage and headcount.
    func requestRows() -> ([[String]], Int) {
        var byJob: [String: [LaborRequest]] = [:]
        var jobOrder: [String] = []
        for request in instance.requests {
            if byJob[request.job] == nil { jobOrder.append(request.job) }
            byJob[request.job, default: []].append(request)
        }
        struct Key: Hashable {
            var farm: String
            var date: Day
            var task: String
            var start: Int
        }
        var taken: Set<Key> = []
        var rows: [(date: Day, order: Int, row: [String])] = []
        var leftOut = 0
        for job in jobOrder {
            let days = byJob[job, default: []].sorted { $0.date < $1.date }
            var runs: [[LaborRequest]] = []
            for request in days {
                if let last = runs.last?.last, last.date.next == request.date, last.start == request.start,
                    last.end == request.end, last.wage == request.wage, last.headcount == request.headcount,
                    last.minHeadcount == request.minHeadcount, last.priority == request.priority
                {
                    runs[runs.count - 1].append(request)
                } else {
                    runs.append([request])
                }
            }
            for run in runs {
                let first = run[0]
                let task = first.task ?? "harvest"
                var start = first.start ?? TimeOfDay(hour: 7, minute: 0)!
                let end = first.end ?? TimeOfDay(hour: 16, minute: 0)!
                var placed = false
                for _ in 0..<3 {
                    let keys = run.map { Key(farm: first.farm, date: $0.date, task: task, start: start.minutes) }
                    if start < end, keys.allSatisfy({ !taken.contains($0) }) {
                        taken.formUnion(keys)
                        placed = true
                        break
                    }
                    start = TimeOfDay(hour: (start.minutes + 30) / 60 % 24, minute: (start.minutes + 30) % 60)!
                }
                guard placed else {
                    leftOut += run.count
                    continue
                }
                rows.append(
                    (
                        first.date, rows.count,
                        [
                            CSVExport.farmCode(first.farm), first.date.description, String(run.count),
                            start.description,
                            end.description, task, first.skills.sorted().joined(separator: ";"),
                            String(first.headcount),
                            String(first.minHeadcount), String(first.priority), first.wage.map(Exporter.number) ?? "",
                        ]
                    ))
            }
        }
        rows.sort { ($0.date, $0.order) < ($1.date, $1.order) }
        return (rows.map(\.row), leftOut)
    }
}
