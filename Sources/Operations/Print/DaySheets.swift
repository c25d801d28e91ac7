import Boundaries
import Foundation
import KoreanText
import Places
import Postgres
import PrintSheets
import Records
import Scheduling
import Storage
import Vocabulary

/// The printable day sheets and the map of a center's day (`ilson roster print`, `ilson roster map`): reads the
/// roster as `roster show` does, with the workers' homes and phones and the farms' places, into a ``DaySheet``.
public enum DaySheets {
    /// How phone numbers appear on the sheets.
    public enum Phones: Sendable {
        /// In full: the sheets are for the center, the farmer and the van driver, who call the workers.
        case full
        /// Masked by the one masking function (`010-****-5678`), for a sheet that leaves the office.
        case masked
    }

    /// Loads the sheet of center `center`'s day `date`.
    ///
    /// - Throws: `PostgresError`, `UnknownDayID`.
    public static func load(
        center: CenterRecord, date: Day, phones: Phones = .full, on db: Connection
    ) throws -> DaySheet {
        let view = try RosterView.load(center: center, date: date, on: db)
        let day = try DayLoader.load(center: center.id, date: date, on: db)
        let county = try Centers.countyOrInferred(of: center, on: db)

        var workers: [Int64: Worker] = [:]
        for w in day.instance.workers { workers[try day.ids.workers.id(w.id).rawValue] = w }
        var requests: [Int64: LaborRequest] = [:]
        var farmPoints: [String: PlacePoint] = [:]
        for r in day.instance.requests {
            requests[try day.ids.requests.id(r.id).rawValue] = r
            if let farm = day.instance.farms.first(where: { $0.id == r.farm }) {
                farmPoints[try day.farm(r.farm).code] = PlacePoint(lat: farm.location.lat, lon: farm.location.lon)
            }
        }
        var meeting: [String: DayFarm] = [:]
        for f in day.farms.values { meeting[f.code] = f }

        let outlines = county.map { Boundaries.outlines(of: $0) } ?? []
        /// The village of a point: the nearest village of the town whose outline holds it, else the nearest one.
        func place(_ p: PlacePoint?) -> (name: String, town: String) {
            guard let p, let county else { return ("", "") }
            if let code = outlines.first(where: { $0.contains(p) })?.code,
                let town = county.towns.first(where: { $0.code == code }),
                let village = town.villages.min(by: { $0.centre.km(to: p) < $1.centre.km(to: p) })
            {
                return (village.code == town.code ? town.name : "\(town.name) \(village.name)", town.code)
            }
            guard let near = county.nearestVillage(to: p) else { return ("", "") }
            return (near.village.qualifiedName, near.village.town.code)
        }

        var pages: [DaySheet.FarmPage] = []
        var lastCode: String?
        let pointNames = Dictionary(
            day.instance.pickupPoints.compactMap { p in p.name.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
        for g in view.requests {
            let r = requests[g.requestID]
            let dayFarm = meeting[g.farmCode]
            let workersOfJob = g.workers.map { line -> DaySheet.Worker in
                let w = workers[line.workerID]
                let home = w.map { PlacePoint(lat: $0.home.lat, lon: $0.home.lon) }
                let phone: String
                switch phones {
                case .full: phone = w?.phone.map(Phone.format) ?? line.maskedPhone
                case .masked: phone = line.maskedPhone
                }
                return DaySheet.Worker(
                    name: line.name, phone: phone, home: place(home).name, homePoint: home,
                    ride: w?.pickupPoint.flatMap { pointNames[$0] }.map { "픽업 \($0)" } ?? "",
                    distanceKm: line.distanceKm)
            }
            let job = DaySheet.Job(
                meetingPoint: dayFarm?.meetingPoint ?? "", meetingTime: dayFarm?.meetingTime ?? g.start,
                start: g.start, end: g.end, task: g.task, wage: r?.wage.map { Int($0) }, headcount: g.headcount,
                workers: workersOfJob)
            // `view.requests` is sorted by farm: a farm's requests follow each other onto one page.
            if lastCode == g.farmCode, !pages.isEmpty {
                pages[pages.count - 1].jobs.append(job)
            } else {
                lastCode = g.farmCode
                let point = farmPoints[g.farmCode]
                let p = place(point)
                pages.append(
                    DaySheet.FarmPage(name: g.farmName, village: p.name, location: point, townCode: p.town, jobs: [job])
                )
            }
        }
        let farmPointByName = Dictionary(pages.map { ($0.name, $0.location) }, uniquingKeysWith: { a, _ in a })
        let shortages = view.unfilled.map {
            DaySheet.Shortage(
                farm: $0.farmName, missing: $0.missing, headcount: $0.headcount, reasons: $0.reasons,
                location: farmPointByName[$0.farmName] ?? nil)
        }
        let title = "\(county?.name ?? center.name) \(date)"
        return DaySheet(
            centerName: center.name, centerCode: center.code, date: date, rosterState: stateText(view.roster?.state),
            requests: view.requests.count, farms: pages, shortages: shortages,
            pickups: try pickups(center: center, date: date, phones: phones, on: db),
            map: county.map { DayMap.make(title: title, county: $0, farms: pages) })
    }

    /// The day's pickup pages (one per point, time and van), or nil when nobody rides a van that day.
    ///
    /// A rider is a worker without a car whose job's van stops at their pickup point, farther from the farm than
    /// walking (the same rule as their notice); the van collects them at the farm's meeting time, else half an
    /// hour before the job starts.
    public static func pickups(
        center: CenterRecord, date: Day, phones: Phones = .full, on db: Connection
    ) throws -> [DaySheet.PickupPage]? {
        guard let roster = try BatchRosterStore.rosters(date: date, center: center.id, on: db).first,
            roster.state != .cancelled
        else { return nil }
        let rides = try BatchRosterStore.assignmentsForMessages(roster: roster.id, on: db).compactMap {
            a -> PickupPages.Ride? in
            guard let point = a.ridePoint else { return nil }
            let phone =
                switch phones {
                case .full: Phone.format(a.workerPhone)
                case .masked: Phone.mask(a.workerPhone)
                }
            return PickupPages.Ride(
                point: point, time: a.pickupTime.description, van: a.farmName,
                rider: DaySheet.Rider(name: a.workerName, phone: phone, farm: a.farmName))
        }
        return rides.isEmpty ? nil : PickupPages.pages(rides)
    }

    /// A roster state as a coordinator reads it.
    static func stateText(_ state: RosterState?) -> String {
        switch state {
        case nil: "배치 없음 (ilson roster plan 필요)"
        case .draft: "초안"
        case .approved: "승인됨"
        case .sending: "문자 발송 중"
        case .sent: "문자 발송 완료"
        case .cancelled: "취소됨"
        }
    }
}
