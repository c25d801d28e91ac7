import Foundation
import KoreanText
import Operations
import Records
import Scheduling
import Vocabulary

/// How `roster show` prints a roster: a table aligned by display width, CSV, or JSON.
enum RosterRender {
    static func ruleName(_ rule: Int) -> String {
        switch rule {
        case 1: "not available"
        case 2: "skills"
        case 3: "too far"
        case 4: "blocked or not allowed"
        default: "rule \(rule)"
        }
    }

    static func km(_ d: Double?) -> String { d.map { String(format: "%.1f", $0) } ?? "" }

    static func mark(_ l: RosterView.Line) -> String {
        let pin = l.forced ? "고정!" : l.pinned ? "고정" : ""
        let answer = l.status == .confirmed ? "참석확인" : ""
        return [pin, answer].filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func header(_ v: RosterView) -> String {
        guard let r = v.roster else {
            return "roster \(v.center) \(v.date): none yet (run `ilson roster plan --date \(v.date)`)\n"
        }
        return "roster \(v.center) \(v.date): \(r.state.rawValue), version \(r.version); "
            + "\(v.assigned)/\(v.wanted) workers; score \(r.score.map(\.description) ?? "-")\n"
    }

    static func table(_ v: RosterView) -> String {
        var out = header(v)
        var t = TextTable(
            headers: ["농장", "요청", "집결", "작업", "인원", "이름", "전화", "km", ""],
            alignments: [.left, .right, .left, .left, .right, .left, .left, .right, .left])
        var lastFarm = ""
        for g in v.requests {
            let farm = g.farmCode == lastFarm ? "" : "\(g.farmCode) \(g.farmName)"
            lastFarm = g.farmCode
            // Version 2: the job's hours beside its task (half days), its van and pools, and who rides.
            let head = [
                farm, "r\(g.requestID)", g.pickup, "\(g.task) \(g.start)~\(g.end)", "\(g.workers.count)/\(g.headcount)",
            ]
            if g.workers.isEmpty {
                t.append(head + ["-", "", "", ""])
            }
            for (i, l) in g.workers.enumerated() {
                let left = i == 0 ? head : ["", "", "", "", ""]
                let ride = l.ridesFrom.map { " \($0) 승차" } ?? ""
                t.append(left + [l.name, l.maskedPhone, km(l.distanceKm), mark(l) + ride])
            }
            let extra = [g.van, g.pools.map { "인력: \($0)" }].compactMap { $0 }
            if !extra.isEmpty {
                t.append(["", "", "", extra.joined(separator: " · "), "", "", "", "", ""])
            }
        }
        out += t.render()
        if !v.unfilled.isEmpty {
            out += "\n미충원 (unfilled):\n"
            for u in v.unfilled {
                out += "  r\(u.requestID) \(u.farmName): \(u.missing) of \(u.headcount) missing\n"
                for reason in u.reasons { out += "    - \(reason)\n" }
            }
        }
        if !v.warnings.isEmpty {
            out += "\nwarnings:\n"
            for w in v.warnings { out += "  - \(w)\n" }
        }
        return out
    }

    static func csv(_ v: RosterView) -> String {
        var out =
            "farm_code,farm_name,request,pickup,start,end,task,headcount,worker_id,worker_name,phone,distance_km,pinned\n"
        for g in v.requests {
            let head = [g.farmCode, g.farmName, "\(g.requestID)", g.pickup, g.start, g.end, g.task, "\(g.headcount)"]
            let lines = g.workers.isEmpty ? [nil] : g.workers.map { Optional($0) }
            for l in lines {
                let tail =
                    l.map {
                        ["\($0.workerID)", $0.name, $0.maskedPhone, km($0.distanceKm), $0.pinned ? "true" : "false"]
                    }
                    ?? ["", "", "", "", ""]
                out += CSVWriter.record(head + tail)
            }
        }
        return out
    }

    static func json(_ v: RosterView) -> String {
        var requests: [[String: Any]] = []
        for g in v.requests {
            requests.append([
                "request": g.requestID, "farm": g.farmCode, "farmName": g.farmName, "pickup": g.pickup,
                "start": g.start,
                "end": g.end, "task": g.task, "headcount": g.headcount, "minHeadcount": g.minHeadcount,
                "workers": g.workers.map { l -> [String: Any] in
                    [
                        "worker": l.workerID, "name": l.name, "phone": l.maskedPhone,
                        "distanceKm": l.distanceKm ?? NSNull(),
                        "pinned": l.pinned, "forced": l.forced, "status": l.status,
                    ]
                },
            ])
        }
        var root: [String: Any] = [
            "center": v.center, "date": v.date.description, "requests": requests,
            "unfilled": v.unfilled.map {
                ["request": $0.requestID, "missing": $0.missing, "reasons": $0.reasons] as [String: Any]
            },
            "warnings": v.warnings,
        ]
        if let r = v.roster {
            root["state"] = r.state.rawValue
            root["version"] = r.version
            if let s = r.score { root["score"] = ["hard": s.hard, "medium": s.medium, "soft": s.soft] }
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys, .prettyPrinted])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
