#!/usr/bin/env python3
"""OR-Tools' C++ min-cost flow on the relaxed core of a version 1 instance, for scripts/bench --ortools.

    python3 scripts/dev/flow-core.py [--big-m ilson|wide|soft] INSTANCE.json      (prints one JSON line)

The relaxed core (issue 18): a single day is one worker-request network; several days are one network with a node
per worker, per worker and ISO week (capacity: maxDaysPerWeek minus workedDates of that week) and per worker and
date (capacity 1), then the requests. Arcs only for pairs that rules 1-4 allow. Minimum headcounts (rule 7) and pins
are relaxed; the continuity bonus is given optimistically to a pair whose job the worker worked the day before in
`history` or could work the day before in this instance. The arc value is `priority * M + soft` (soft as the spec
scores one assignment) with ilson's own M (`Problem.bigM`), large enough that the flow maximises medium first: its
optimum is an upper bound on ilson's (medium, soft), exact when the relaxation is tight.

Only the solve is timed (CPU seconds of this process, and wall); reading the JSON and building the arcs (numpy) are
not. The script needs OR-Tools and numpy: when missing, it installs them into a throwaway venv (/tmp/venv-ortools)
and re-runs itself there. Nothing of the product depends on it.
"""
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ilson_dev import run_in_venv  # noqa: E402

try:
    import numpy as np
    from ortools.graph.python import min_cost_flow
except ImportError:
    run_in_venv()


def day_ordinal(s):
    y, m, d = (int(x) for x in s.split("-"))
    # days since 1970-01-01 (proleptic Gregorian), as in Day.ordinal
    y2 = y - (1 if m <= 2 else 0)
    era = (y2 if y2 >= 0 else y2 - 399) // 400
    yoe = y2 - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def iso_week(ordinal):
    # Monday-based week number since the epoch (1970-01-01 was a Thursday): enough to group an ISO week.
    return (ordinal + 3) // 7


def main():
    args = sys.argv[1:]
    big_m_mode = "ilson"
    if "--big-m" in args:
        i = args.index("--big-m")
        big_m_mode = args[i + 1]
        del args[i:i + 2]
    path = args[0]
    with open(path, encoding="utf-8") as f:
        inst = json.load(f)
    weights = inst.get("weights") or {}
    fairness = weights.get("fairness", 5)
    fairness = 5 if fairness is None else fairness
    continuity = weights.get("continuity", 30)
    continuity = 30 if continuity is None else continuity
    workers, farms, requests = inst["workers"], inst["farms"], inst["requests"]
    farm_index = {f["id"]: i for i, f in enumerate(farms)}
    worker_index = {w["id"]: i for i, w in enumerate(workers)}
    nw, nr = len(workers), len(requests)

    skills = {}
    for w in workers:
        for s in w.get("skills") or []:
            skills.setdefault(s, len(skills))
    for r in requests:
        for s in r.get("skills") or []:
            skills.setdefault(s, len(skills))
    if len(skills) > 62:
        raise SystemExit("more than 62 skills: extend the bit masks")
    wlat = np.array([w["home"]["lat"] for w in workers], dtype=np.float64)
    wlon = np.array([w["home"]["lon"] for w in workers], dtype=np.float64)
    wcap = np.array([30.0 if w.get("maxTravelKm") is None else float(w["maxTravelKm"]) for w in workers])
    wskill = np.array([sum(1 << skills[s] for s in (w.get("skills") or [])) for w in workers], dtype=np.int64)
    wrecent = np.array([w.get("recentDaysWorked") or 0 for w in workers], dtype=np.int64)
    dates = sorted({r["date"] for r in requests})
    date_ord = {d: day_ordinal(d) for d in dates}
    avail = {d: np.zeros(nw, dtype=bool) for d in dates}
    for i, w in enumerate(workers):
        for d in w.get("available") or []:
            if d in avail:
                avail[d][i] = True
    # Weekly capacity left per (worker, week), from maxDaysPerWeek and workedDates.
    weeks = sorted({iso_week(date_ord[d]) for d in dates})
    week_cap = {}
    for i, w in enumerate(workers):
        cap = w.get("maxDaysPerWeek")
        cap = 6 if cap is None else cap
        worked = {}
        for d in w.get("workedDates") or []:
            k = iso_week(day_ordinal(d))
            worked[k] = worked.get(k, 0) + 1
        for k in weeks:
            week_cap[(i, k)] = max(0, cap - worked.get(k, 0))
    history = set()
    for h in inst.get("history") or []:
        history.add((h["worker"], h["job"], day_ordinal(h["date"])))

    # Candidate pairs per request, vectorised haversine in the spec's order.
    def rad(x):
        return (x * math.pi) / 180.0

    pairs_w, pairs_r, pairs_soft = [], [], []
    feasible = {}  # (job, date ordinal) -> set of workers who could work it (for optimistic continuity)
    per_request = []
    costs_seen = []
    for j, r in enumerate(requests):
        farm = farms[farm_index[r["farm"]]]
        flat, flon = farm["location"]["lat"], farm["location"]["lon"]
        dphi = rad(flat - wlat)
        dlam = rad(flon - wlon)
        s1 = np.sin(dphi / 2)
        s2 = np.sin(dlam / 2)
        a = s1 * s1 + (np.cos(rad(wlat)) * math.cos(rad(flat))) * (s2 * s2)
        dist = (2 * 6371.0) * np.arcsin(np.sqrt(np.minimum(a, 1)))
        cap = wcap if r.get("maxTravelKm") is None else np.minimum(wcap, float(r["maxTravelKm"]))
        need = sum(1 << skills[s] for s in (r.get("skills") or []))
        ok = avail[r["date"]] & (dist <= cap) & ((wskill & need) == need)
        idx = np.nonzero(ok)[0]
        blocked_here = set(farm.get("blockedWorkers") or [])
        keep = []
        for i in idx:
            w = workers[i]
            if r["farm"] in (w.get("blockedFarms") or []) or w["id"] in blocked_here:
                continue
            allowed = w.get("allowedFarms")
            if allowed is not None and r["farm"] not in allowed:
                continue
            keep.append(i)
        keep = np.array(keep, dtype=np.int64)
        d10 = np.floor(dist[keep] * 10 + 0.5).astype(np.int64) if len(keep) else np.zeros(0, dtype=np.int64)
        soft = -(d10 + fairness * wrecent[keep])
        per_request.append((keep, soft))
        costs_seen.append(-soft)
        job = r.get("job") or r["id"]
        feasible.setdefault((job, date_ord[r["date"]]), set()).update(keep.tolist())

    for j, r in enumerate(requests):
        keep, soft = per_request[j]
        if continuity and len(keep):
            job = r.get("job") or r["id"]
            o = date_ord[r["date"]]
            before = feasible.get((job, o - 1), set())
            bonus = np.array(
                [continuity if (i in before or (workers[i]["id"], job, o - 1) in history) else 0 for i in keep],
                dtype=np.int64)
            soft = soft + bonus
        pairs_w.append(keep)
        pairs_r.append(np.full(len(keep), j, dtype=np.int64))
        pairs_soft.append(soft)
    pw = np.concatenate(pairs_w) if pairs_w else np.zeros(0, dtype=np.int64)
    pr = np.concatenate(pairs_r) if pairs_r else np.zeros(0, dtype=np.int64)
    ps = np.concatenate(pairs_soft) if pairs_soft else np.zeros(0, dtype=np.int64)
    pair_cost = np.concatenate(costs_seen) if costs_seen else np.zeros(0, dtype=np.int64)
    prio = np.array([r.get("priority") or 1 for r in requests], dtype=np.int64)
    head = np.array([r["headcount"] for r in requests], dtype=np.int64)

    # M as ilson's (Problem.bigM): slots x (largest pair cost + 4 continuity + 1) + 1, so both solve the same numbers
    # (cost scaling's phase count grows with log(n M)). --big-m wide is the earlier M (2 x largest |soft| x flow + 1);
    # --big-m soft uses M = 1 + largest |soft| (not lexicographic, for measuring how much the scale costs).
    flow_cap = int(min(head.sum(), nw * len(dates)))
    slots = max(1, min(len(pw), int(head.sum())))
    max_cost = int(pair_cost.max()) if len(pair_cost) else 0
    soft_abs = int(np.abs(ps).max()) + 1 if len(ps) else 1
    if big_m_mode == "wide":
        big_m = 2 * soft_abs * max(1, flow_cap) + 1
    elif big_m_mode == "soft":
        big_m = soft_abs + 1
    else:
        big_m = slots * (max_cost + 4 * continuity + 1) + 1
    soft_low = slots * (max_cost + 1)  # soft of any flow is above -soft_low and below M - soft_low

    # Nodes: 0 source, 1 sink, workers, then (worker, week), (worker, date) for multi-day, then requests.
    src, snk = 0, 1
    tails, heads, caps, costs = [], [], [], []
    wnode = 2 + np.arange(nw, dtype=np.int64)
    nxt = 2 + nw
    if len(dates) == 1:
        k = weeks[0]
        tails.append(np.full(nw, src)); heads.append(wnode)
        caps.append(np.array([min(1, week_cap[(i, k)]) for i in range(nw)], dtype=np.int64))
        costs.append(np.zeros(nw, dtype=np.int64))
        rnode = nxt + np.arange(nr, dtype=np.int64)
        nxt += nr
        tails.append(wnode[pw]); heads.append(rnode[pr])
        caps.append(np.ones(len(pw), dtype=np.int64)); costs.append(-(prio[pr] * big_m + ps))
    else:
        # (worker, date) nodes for dates with arcs; (worker, week) nodes above them.
        wd_key = pw * len(dates) + np.array([dates.index(requests[j]["date"]) for j in range(nr)], dtype=np.int64)[pr]
        uniq, inv = np.unique(wd_key, return_inverse=True)
        wd_node = nxt + np.arange(len(uniq), dtype=np.int64)
        nxt += len(uniq)
        wk_of = {}
        wd_w = uniq // len(dates)
        wd_d = uniq % len(dates)
        wk_nodes = []
        for t, (i, di) in enumerate(zip(wd_w.tolist(), wd_d.tolist())):
            key = (i, iso_week(date_ord[dates[di]]))
            if key not in wk_of:
                wk_of[key] = nxt + len(wk_nodes)
                wk_nodes.append(key)
        nxt += len(wk_nodes)
        rnode = nxt + np.arange(nr, dtype=np.int64)
        nxt += nr
        tails.append(np.full(nw, src)); heads.append(wnode)
        caps.append(np.full(nw, len(dates), dtype=np.int64)); costs.append(np.zeros(nw, dtype=np.int64))
        tails.append(np.array([wnode[i] for i, _ in wk_nodes], dtype=np.int64))
        heads.append(np.array([wk_of[key] for key in wk_nodes], dtype=np.int64))
        caps.append(np.array([week_cap[key] for key in wk_nodes], dtype=np.int64))
        costs.append(np.zeros(len(wk_nodes), dtype=np.int64))
        tails.append(np.array([wk_of[(i, iso_week(date_ord[dates[di]]))] for i, di in zip(wd_w.tolist(), wd_d.tolist())],
                              dtype=np.int64))
        heads.append(wd_node); caps.append(np.ones(len(uniq), dtype=np.int64))
        costs.append(np.zeros(len(uniq), dtype=np.int64))
        tails.append(wd_node[inv]); heads.append(rnode[pr])
        caps.append(np.ones(len(pw), dtype=np.int64)); costs.append(-(prio[pr] * big_m + ps))
    tails.append(rnode); heads.append(np.full(nr, snk)); caps.append(head); costs.append(np.zeros(nr, dtype=np.int64))
    supply = int(sum(int(c.sum()) for c in caps[:1]))
    tails.append(np.array([src])); heads.append(np.array([snk]))
    caps.append(np.array([supply])); costs.append(np.array([0]))
    T = np.concatenate(tails).astype(np.int32)
    H = np.concatenate(heads).astype(np.int32)
    C = np.concatenate(caps).astype(np.int64)
    K = np.concatenate(costs).astype(np.int64)

    smcf = min_cost_flow.SimpleMinCostFlow()
    smcf.add_arcs_with_capacity_and_unit_cost(T, H, C, K)
    smcf.set_node_supply(src, supply)
    smcf.set_node_supply(snk, -supply)
    cpu0, wall0 = time.process_time(), time.monotonic()
    status = smcf.solve()
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    if status != smcf.OPTIMAL:
        print(json.dumps({"error": f"OR-Tools status {status}", "arcs": int(len(T)), "nodes": int(nxt)}))
        return 1
    value = -smcf.optimal_cost()
    medium = (value + soft_low) // big_m
    soft = value - medium * big_m
    print(json.dumps({"cpu": cpu, "wall": wall, "arcs": int(len(T)), "nodes": int(nxt), "pairs": int(len(pw)),
                      "medium": int(medium), "soft": int(soft), "bigM": int(big_m), "bigMMode": big_m_mode}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
