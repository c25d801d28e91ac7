import Foundation
import KoreanText
import Operations
import Records
import Scheduling
import Texts
import Vocabulary

/// How `roster show` prints a roster: a table aligned by display width, CSV, or JSON.
enum RosterRender {
    static func ruleName(_ rule: Int) -> String { RequestText.ruleName(rule) }

    /// A roster's state as the coordinator reads it.
    static func state(_ state: RosterState) -> String { RequestText.state(state) }

    /// A reply's state as the coordinator reads it.
    static func reply(_ state: InboundState) -> String { RequestText.reply(state) }

    static func km(_ d: Double?) -> String { d.map { String(format: "%.1f", $0) } ?? "" }

    static func mark(_ l: RosterView.Line) -> String {
        let pin = l.forced ? T(.markForced) : l.pinned ? T(.markPinned) : ""
        let answer = l.status == .confirmed ? T(.markConfirmed) : ""
        return [pin, answer].filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func header(_ v: RosterView) -> String {
        guard let r = v.roster else {
            return T(.showNone, ["center": v.center, "date": RequestText.day(v.date), "iso": v.date]) + "\n"
        }
        return T(
            .showHeader,
            [
                "center": v.center, "date": RequestText.day(v.date), "state": state(r.state), "version": r.version,
                "assigned": v.assigned, "wanted": v.wanted, "score": r.score.map(RequestText.score) ?? "-",
            ]) + "\n"
    }

    static func table(_ v: RosterView) -> String {
        var out = header(v)
        var t = TextTable(
            headers: [
                T(.colFarm), T(.colRequest), T(.colPickup), T(.colTask), T(.colHeadcount), T(.colName), T(.colPhone),
                T(.colKm), T(.colMark),
            ],
            alignments: [.left, .right, .left, .left, .right, .left, .left, .right, .left])
        var lastFarm = ""
        for g in v.requests {
            let farm = g.farmCode == lastFarm ? "" : "\(g.farmCode) \(g.farmName)"
            lastFarm = g.farmCode
            // Version 2: the job's hours beside its task (half days), its van and pools, and who rides.
            let head = [
                farm, RequestText.number(g.requestID), g.pickup, "\(g.task) \(g.start)~\(g.end)",
                "\(g.workers.count)/\(g.headcount)",
            ]
            if g.workers.isEmpty {
                t.append(head + ["-", "", "", ""])
            }
            for (i, l) in g.workers.enumerated() {
                let left = i == 0 ? head : ["", "", "", "", ""]
                let ride = l.ridesFrom.map { T(.rosterRidesFrom, ["point": $0]) } ?? ""
                t.append(left + [l.name, l.maskedPhone, km(l.distanceKm), mark(l) + ride])
            }
            let extra = [g.van, g.pools.map { T(.rosterPools, ["pools": $0]) }].compactMap { $0 }
            if !extra.isEmpty {
                t.append(["", "", "", extra.joined(separator: " · "), "", "", "", "", ""])
            }
        }
        out += t.render()
        if !v.unfilled.isEmpty {
            out += "\n" + T(.showUnfilled) + "\n"
            for u in v.unfilled {
                out +=
                    "  \(RequestText.number(u.requestID)) "
                    + T(.unfilledHeadline, ["label": u.label, "headcount": u.headcount, "missing": u.missing]) + "\n"
                for reason in u.reasons { out += "    - \(reason)\n" }
            }
        }
        if !v.warnings.isEmpty {
            out += "\n" + T(.showWarnings) + "\n"
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
