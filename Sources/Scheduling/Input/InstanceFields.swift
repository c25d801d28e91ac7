// The fields of the instance's most numerous objects (workers, requests, farms), for `FieldSlots`. Each `init(key:)`
// switches on the key's byte length first, then compares it with the few names of that length.

/// A worker's fields (`spec/problem-format.md`, "workers").
enum WorkerField: Int, KnownField, CaseIterable {
    case id, name, phone, category, allowedFarms, home, skills, maxTravelKm, available, pool, car, pickupPoint
    case stayUntil, maxJobsPerDay, maxMinutesPerDay, maxDaysPerWeek, recentDaysWorked, workedDates, blockedFarms

    static let count = allCases.count
    var slot: Int { rawValue }

    /// The field named `key`, nil for any other key.
    init?(key: String) {
        switch key.utf8.count {
        case 2: if key == "id" { self = .id } else { return nil }
        case 3: if key == "car" { self = .car } else { return nil }
        case 4:
            if key == "name" {
                self = .name
            } else if key == "home" {
                self = .home
            } else if key == "pool" {
                self = .pool
            } else {
                return nil
            }
        case 5: if key == "phone" { self = .phone } else { return nil }
        case 6: if key == "skills" { self = .skills } else { return nil }
        case 8: if key == "category" { self = .category } else { return nil }
        case 9:
            if key == "available" {
                self = .available
            } else if key == "stayUntil" {
                self = .stayUntil
            } else {
                return nil
            }
        case 11:
            if key == "maxTravelKm" {
                self = .maxTravelKm
            } else if key == "workedDates" {
                self = .workedDates
            } else if key == "pickupPoint" {
                self = .pickupPoint
            } else {
                return nil
            }
        case 12:
            if key == "blockedFarms" {
                self = .blockedFarms
            } else if key == "allowedFarms" {
                self = .allowedFarms
            } else {
                return nil
            }
        case 13: if key == "maxJobsPerDay" { self = .maxJobsPerDay } else { return nil }
        case 14: if key == "maxDaysPerWeek" { self = .maxDaysPerWeek } else { return nil }
        case 16:
            if key == "recentDaysWorked" {
                self = .recentDaysWorked
            } else if key == "maxMinutesPerDay" {
                self = .maxMinutesPerDay
            } else {
                return nil
            }
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .id: "id"
        case .name: "name"
        case .phone: "phone"
        case .category: "category"
        case .allowedFarms: "allowedFarms"
        case .home: "home"
        case .skills: "skills"
        case .maxTravelKm: "maxTravelKm"
        case .available: "available"
        case .pool: "pool"
        case .car: "car"
        case .pickupPoint: "pickupPoint"
        case .stayUntil: "stayUntil"
        case .maxJobsPerDay: "maxJobsPerDay"
        case .maxMinutesPerDay: "maxMinutesPerDay"
        case .maxDaysPerWeek: "maxDaysPerWeek"
        case .recentDaysWorked: "recentDaysWorked"
        case .workedDates: "workedDates"
        case .blockedFarms: "blockedFarms"
        }
    }
}

/// A request's fields (`spec/problem-format.md`, "requests").
enum RequestField: Int, KnownField, CaseIterable {
    case id, farm, job, date, start, end, task, wage, headcount, minHeadcount, skills, priority, maxTravelKm, pools
    case pickup

    static let count = allCases.count
    var slot: Int { rawValue }

    /// The field named `key`, nil for any other key.
    init?(key: String) {
        switch key.utf8.count {
        case 2: if key == "id" { self = .id } else { return nil }
        case 3:
            if key == "job" {
                self = .job
            } else if key == "end" {
                self = .end
            } else {
                return nil
            }
        case 4:
            if key == "farm" {
                self = .farm
            } else if key == "date" {
                self = .date
            } else if key == "task" {
                self = .task
            } else if key == "wage" {
                self = .wage
            } else {
                return nil
            }
        case 5:
            if key == "start" {
                self = .start
            } else if key == "pools" {
                self = .pools
            } else {
                return nil
            }
        case 6:
            if key == "skills" {
                self = .skills
            } else if key == "pickup" {
                self = .pickup
            } else {
                return nil
            }
        case 8: if key == "priority" { self = .priority } else { return nil }
        case 9: if key == "headcount" { self = .headcount } else { return nil }
        case 11: if key == "maxTravelKm" { self = .maxTravelKm } else { return nil }
        case 12: if key == "minHeadcount" { self = .minHeadcount } else { return nil }
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .id: "id"
        case .farm: "farm"
        case .job: "job"
        case .date: "date"
        case .start: "start"
        case .end: "end"
        case .task: "task"
        case .wage: "wage"
        case .headcount: "headcount"
        case .minHeadcount: "minHeadcount"
        case .skills: "skills"
        case .priority: "priority"
        case .maxTravelKm: "maxTravelKm"
        case .pools: "pools"
        case .pickup: "pickup"
        }
    }
}

/// A farm's fields (`spec/problem-format.md`, "farms").
enum FarmField: Int, KnownField, CaseIterable {
    case id, name, location, blockedWorkers

    static let count = allCases.count
    var slot: Int { rawValue }

    /// The field named `key`, nil for any other key.
    init?(key: String) {
        switch key {
        case "id": self = .id
        case "name": self = .name
        case "location": self = .location
        case "blockedWorkers": self = .blockedWorkers
        default: return nil
        }
    }

    var name: String {
        switch self {
        case .id: "id"
        case .name: "name"
        case .location: "location"
        case .blockedWorkers: "blockedWorkers"
        }
    }
}
