#!/usr/bin/env python3
"""Exact optimum of a version 2 instance by MILP (SCIP), for offline checks of the general engine.

Usage: scripts/dev/exact-v2.py INSTANCE [--plan PLAN] [--time-limit S] [--out OPT] [--medium-only] [--log]
       scripts/dev/exact-v2.py INSTANCE --lp-cliques {time,conflict} [--lp-minimums]

Run with any python3: when OR-Tools is missing, the script installs it into a throwaway venv
(/tmp/venv-ortools) and re-runs itself there. Nothing of the project depends on it; no test runs it.

The model is the spec's (version 2), written independently of ilson: one binary per pair that passes rules
1-4 (decided by shared/tools/score_plan.py's own rule functions, walking and riding included), rule 5 per
worker and date (at most maxJobsPerDay jobs, no two that clash by time or transfer — every clashing pair of
the date is a constraint —, the minutes cap), 6 and 7 per request (an open flag when the minimum is above
1), 8 per worker and ISO week over a date flag per worker and date, 9 by fixing the pins, 10 per request
with a van (the pairs that ride, pins included), continuity per assignment (a variable bounded by the
assignment and by the worker's working the same job the day before, history counting as always on), and the
share bonus as one variable per unit of each request, bounded by the units before it (the bonus falls with
k, so the order holds by itself). Medium is maximized first, then soft with medium fixed.

--lp-cliques prints the medium stage's linear relaxation (GLOP) with rule 5 written as cliques instead of pairs:
`time`, the jobs of a worker's date that share a start minute (what the engine's search prices), or `conflict`, the
maximal cliques of the date's conflict graph (a clash by time or transfer, or two jobs over the minutes cap: what
its one-day bound prices, BranchCliques.swift); --lp-minimums keeps the open flags of rule 7 integer (SCIP). One-day
instances with pins or weekly caps are fine; continuity and the share bonus are soft and play no part. Prints one JSON
line: both optima, the solver status of each stage (OPTIMAL means proven), and, with --plan, that plan's
score and its gaps to the optimum.
"""
import argparse
import json
import os
import sys
import time
from collections import defaultdict
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ilson_dev import allowed_pairs, print_result, run_in_venv, scorer  # noqa: E402

try:
    from ortools.linear_solver import pywraplp
except ImportError:
    run_in_venv()

sp = scorer("exact-v2")


def solve(a, inst, hint):
    W, R = inst["workers"], inst["requests"]
    pinned = set(inst["pinned"])
    pinned_reqs = {r for r, _ in pinned}
    pairs, cost, rides = [], {}, {}
    for rid, wid, Wk, _, dist, travel in allowed_pairs(sp, inst):
        pairs.append((rid, wid))
        km = travel[1] if travel[0] != "unreachable" else dist
        cost[(rid, wid)] = sp.pair_soft_cost(inst, Wk, km)
        rides[(rid, wid)] = travel[0] == "ride"
    s = pywraplp.Solver.CreateSolver("SCIP")
    s.SetNumThreads(1)
    if a.log:
        s.EnableOutput()
    x = {k: s.BoolVar("x_%s_%s" % k) for k in pairs}
    for k in pinned:
        s.Add(x[k] >= 1)
    wdate, req, on = defaultdict(list), defaultdict(list), defaultdict(list)
    for k in pairs:
        rid, wid = k
        wdate[(wid, R[rid]["date"])].append(k)
        req[rid].append(k)
        on[(wid, R[rid]["job"], R[rid]["date"])].append(k)
    # Rule 5 and the date flags of rule 8.
    dated = {}
    for (wid, d), ks in wdate.items():
        Wk = W[wid]
        s.Add(sum(x[k] for k in ks) <= Wk.get("maxJobsPerDay", 1))
        for i in range(len(ks)):
            for j in range(i + 1, len(ks)):
                if sp.day_problems(inst, {**Wk, "maxJobsPerDay": 2, "maxMinutesPerDay": None},
                                   [R[ks[i][0]], R[ks[j][0]]]):
                    s.Add(x[ks[i]] + x[ks[j]] <= 1)
        if Wk.get("maxMinutesPerDay") is not None:
            s.Add(sum((R[k[0]]["end"] - R[k[0]]["start"]) * x[k] for k in ks) <= Wk["maxMinutesPerDay"])
        y = s.BoolVar("on_%s_%s" % (wid, d))
        for k in ks:
            s.Add(y >= x[k])
        dated[(wid, d)] = y
    byweek = defaultdict(list)
    for (wid, d), y in dated.items():
        byweek[(wid, sp.iso_week(d))].append(y)
    for (wid, week), ys in byweek.items():
        Wk = W[wid]
        worked = sum(1 for d in Wk["workedDates"] if sp.iso_week(d) == week)
        s.Add(sum(ys) <= max(0, Wk["maxDaysPerWeek"] - worked))
    share = inst.get("share", 0)
    soft = [-cost[k] * x[k] for k in pairs]
    for rid, ks in req.items():
        Rq = R[rid]
        n = sum(x[k] for k in ks)
        s.Add(n <= Rq["headcount"])
        if rid not in pinned_reqs and Rq["minHeadcount"] > 1:
            y = s.BoolVar("open_%s" % rid)
            s.Add(n >= Rq["minHeadcount"] * y)
            s.Add(n <= min(Rq["headcount"], len(ks)) * y)
        if Rq.get("pickup") is not None:
            riders = [x[k] for k in ks if rides[k]]
            if riders:
                s.Add(sum(riders) <= Rq["pickup"]["seats"])
        if share:
            h = Rq["headcount"]
            units = [s.NumVar(0, 1, "u_%s_%d" % (rid, i)) for i in range(min(h, len(ks)))]
            s.Add(sum(units) == n)
            for i, u in enumerate(units):
                soft.append(share * ((100 * (h - i)) // h) * u)
    cont = inst["continuity"]
    if cont:
        for (wid, job, d), ks in on.items():
            prev = d - timedelta(days=1)
            if (wid, job, prev) in inst["history"]:
                soft += [cont * x[k] for k in ks]
                continue
            pks = on.get((wid, job, prev))
            if not pks:
                continue
            for k in ks:
                z = s.NumVar(0, 1, "z")
                s.Add(z <= x[k])
                s.Add(z <= sum(x[q] for q in pks))
                soft.append(cont * z)
    medium = sum(R[rid]["priority"] * x[(rid, wid)] for rid, wid in pairs)
    s.SetTimeLimit(int(a.time_limit * 1000))
    if hint is not None:
        s.SetHint(list(x.values()), [1.0 if k in hint else 0.0 for k in x])
    s.Maximize(medium)
    st1 = s.Solve()
    med = int(round(s.Objective().Value()))
    med_bound = s.Objective().BestBound()
    names = {pywraplp.Solver.OPTIMAL: "OPTIMAL", pywraplp.Solver.FEASIBLE: "FEASIBLE"}
    if a.medium_only:
        chosen = [k for k, v in x.items() if v.solution_value() > 0.5]
        return {"pairs": len(pairs), "medium": med, "mediumStatus": names.get(st1, str(st1)),
                "mediumBound": round(med_bound, 3)}, chosen
    s.Add(medium >= med)
    s.Maximize(sum(soft))
    st2 = s.Solve()
    chosen = [k for k, v in x.items() if v.solution_value() > 0.5]
    return {"pairs": len(pairs), "medium": med, "mediumStatus": names.get(st1, str(st1)),
            "mediumBound": round(med_bound, 3), "soft": int(round(s.Objective().Value())),
            "softBound": round(s.Objective().BestBound(), 3), "softStatus": names.get(st2, str(st2))}, chosen


def maximal_cliques(nodes, adj):
    out = []

    def bk(r, p, x):
        if not p and not x:
            out.append(r)
            return
        u = max(p | x, key=lambda v: len(adj[v] & p))
        for v in list(p - adj[u]):
            bk(r | {v}, p & adj[v], x & adj[v])
            p = p - {v}
            x = x | {v}

    bk(set(), set(nodes), set())
    return out


def lp_bound(a, inst):
    """The medium stage's LP with rule 5 as cliques (see the module's text); returns its value and clique count."""
    W, R = inst["workers"], inst["requests"]
    pinned = {tuple(k) for k in inst["pinned"]}
    pinned_reqs = {r for r, _ in pinned}
    pairs, rides = [], {}
    for rid, wid, _, _, _, travel in allowed_pairs(sp, inst):
        pairs.append((rid, wid))
        rides[(rid, wid)] = travel[0] == "ride"
    s = pywraplp.Solver.CreateSolver("SCIP" if a.lp_minimums else "GLOP")
    x = {k: s.NumVar(0, 1, "x") for k in pairs}
    for k in pinned:
        s.Add(x[k] >= 1)
    wdate, req = defaultdict(list), defaultdict(list)
    for k in pairs:
        wdate[(k[1], R[k[0]]["date"])].append(k)
        req[k[0]].append(k)
    count = 0
    for (wid, d), ks in wdate.items():
        Wk = W[wid]
        s.Add(sum(x[k] for k in ks) <= Wk.get("maxJobsPerDay", 1))
        cap = Wk.get("maxMinutesPerDay")
        if cap is not None:
            # A job alone over the cap is no candidate (the LP would take a fraction of it).
            for k in ks:
                if R[k[0]]["end"] - R[k[0]]["start"] > cap and k not in pinned:
                    s.Add(x[k] == 0)
            s.Add(sum((R[k[0]]["end"] - R[k[0]]["start"]) * x[k] for k in ks) <= cap)
        if Wk.get("maxJobsPerDay", 1) < 2 or len(ks) < 2:
            continue
        if a.lp_cliques == "time":
            cliques = []
            for t in sorted({R[k[0]]["start"] for k in ks}):
                c = {k for k in ks if R[k[0]]["start"] <= t < R[k[0]]["end"]}
                if len(c) > 1:
                    cliques.append(c)
        else:
            adj = {k: set() for k in ks}
            for i in range(len(ks)):
                for j in range(i + 1, len(ks)):
                    if sp.day_problems(inst, {**Wk, "maxJobsPerDay": 2}, [R[ks[i][0]], R[ks[j][0]]]):
                        adj[ks[i]].add(ks[j])
                        adj[ks[j]].add(ks[i])
            cliques = [c for c in maximal_cliques(ks, adj) if len(c) > 1]
        for c in cliques:
            s.Add(sum(x[k] for k in c) <= 1)
            count += 1
    for rid, ks in req.items():
        Rq = R[rid]
        n = sum(x[k] for k in ks)
        s.Add(n <= Rq["headcount"])
        if a.lp_minimums and rid not in pinned_reqs and Rq["minHeadcount"] > 1:
            y = s.BoolVar("open_%s" % rid)
            s.Add(n >= Rq["minHeadcount"] * y)
            s.Add(n <= Rq["headcount"] * y)
        if Rq.get("pickup") is not None:
            riders = [x[k] for k in ks if rides[k]]
            if riders:
                s.Add(sum(riders) <= Rq["pickup"]["seats"])
    s.Maximize(sum(R[k[0]]["priority"] * x[k] for k in pairs))
    s.Solve()
    return {"lpCliques": a.lp_cliques, "lpMinimums": bool(a.lp_minimums), "cliques": count,
            "mediumLP": round(s.Objective().Value(), 3)}


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("instance")
    ap.add_argument("--time-limit", type=float, default=600, help="seconds per stage")
    ap.add_argument("--plan", help="a plan to compare (and to start from)")
    ap.add_argument("--out", help="write the optimal assignments here (then score them with the shared scorer)")
    ap.add_argument("--medium-only", action="store_true",
                    help="solve the medium stage only (large instances: its optimum or SCIP's dual bound on medium)")
    ap.add_argument("--log", action="store_true", help="SCIP's progress on stderr (its primal and dual bounds)")
    ap.add_argument("--lp-cliques", choices=["time", "conflict"],
                    help="print the medium stage's LP bound with rule 5 as these cliques, and nothing else")
    ap.add_argument("--lp-minimums", action="store_true", help="with --lp-cliques: rule 7's open flags integer")
    a = ap.parse_args(argv)
    inst = sp.read_instance_file(a.instance)
    if a.lp_cliques:
        print(json.dumps({"instance": os.path.basename(a.instance), **lp_bound(a, inst)}))
        return
    plan = json.load(open(a.plan)) if a.plan else None
    hint = {(p["request"], p["worker"]) for p in plan["assignments"]} if plan else None
    t0 = time.time()
    out, chosen = solve(a, inst, hint)
    out = {"instance": os.path.basename(a.instance), **out, "seconds": round(time.time() - t0, 1)}
    if a.medium_only and plan:
        out["plan"] = plan["score"]
        out["mediumGap"] = out["medium"] - plan["score"]["medium"]
        plan = None
    print_result(out, plan, chosen, a.out)


if __name__ == "__main__":
    main(sys.argv[1:])
