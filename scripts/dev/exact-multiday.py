#!/usr/bin/env python3
"""Exact optimum of a version 1 instance by MILP (SCIP) or CP-SAT, for offline checks of the solver.

Usage: scripts/dev/exact-multiday.py INSTANCE [--plan PLAN] [--backend scip|sat] [--time-limit S] [--out OPT]
       scripts/dev/exact-multiday.py INSTANCE --plan PLAN --compare OPT

Run with any python3: when OR-Tools is missing, the script installs it into a throwaway venv
(/tmp/venv-ortools) and re-runs itself there. Nothing of the project depends on it; no test runs it.

The model is the spec's, written independently of ilson: one binary per pair that passes rules 1-4
(decided by shared/tools/score_plan.py's own rule functions), rule 5 per worker and date, 6 and 7 per
request (an open flag per unpinned request with a minimum above 1), 8 per worker and ISO week (cap minus
workedDates), 9 by fixing the pins, and one continuity variable per (worker, job, date) bounded by the
worker's being on that job on that date and on the day before (history counts as always on). Medium is
maximized first, then soft with medium fixed. Prints one JSON line: both optima, the solver status of
each stage (OPTIMAL means proven), and, with --plan, that plan's score and its soft gap to the optimum.

With --compare OPT (assignments written by --out, e.g. multiday-gap's DIR/NAME.optplan.json) nothing is
solved: it prints how the plan differs from OPT. Workers whose schedules differ are grouped into components
(two workers are joined when one holds in OPT a seat the other holds in the plan, on the same request), with
each component's soft gain (pair costs and continuity of its workers), links gained and days touched; then
every worker whose own soft changes, and the requests whose headcounts differ. A gap that falls apart into
small components is within reach of a move of that size; one component of most workers is not.
"""
import argparse
import json
import os
import sys
from collections import defaultdict
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ilson_dev import allowed_pairs, print_result, run_in_venv, scorer  # noqa: E402

try:
    from ortools.linear_solver import pywraplp
    from ortools.sat.python import cp_model
except ImportError:
    run_in_venv()

sp = scorer("exact-multiday")


def structure(inst):
    """The pairs (request, worker) that may be assigned, their soft cost, and the groups the rules constrain."""
    W, R = inst["workers"], inst["requests"]
    pinned = set(inst["pinned"])
    pairs, cost = [], {}
    for rid, wid, Wk, _, _, travel in allowed_pairs(sp, inst):
        pairs.append((rid, wid))
        cost[(rid, wid)] = sp.pair_soft_cost(inst, Wk, travel[1])
    g = {"wdate": defaultdict(list), "req": defaultdict(list), "wweek": defaultdict(list), "on": defaultdict(list)}
    for k in pairs:
        rid, wid = k
        Rq = R[rid]
        g["wdate"][(wid, Rq["date"])].append(k)
        g["req"][rid].append(k)
        g["wweek"][(wid, sp.iso_week(Rq["date"]))].append(k)
        g["on"][(wid, Rq["job"], Rq["date"])].append(k)
    return pairs, cost, g


def week_cap(inst, wid, week):
    Wk = inst["workers"][wid]
    worked = sum(1 for d in Wk["workedDates"] if sp.iso_week(d) == week)
    return max(0, Wk["maxDaysPerWeek"] - worked)


def build(inst, new_var, add, pairs, cost, g):
    """Adds the model through `new_var(name, binary)` and `add(lhs_terms, sense, rhs)`; returns (x, medium, soft)
    as lists of (coefficient, variable)."""
    R = inst["requests"]
    pinned = set(inst["pinned"])
    x = {k: new_var("x", True) for k in pairs}
    for k in pinned:
        if k in x:
            add([(1, x[k])], ">=", 1)
    for ks in g["wdate"].values():
        add([(1, x[k]) for k in ks], "<=", 1)
    pinned_reqs = {r for r, _ in inst["pinned"]}
    for rid, ks in g["req"].items():
        Rq = R[rid]
        add([(1, x[k]) for k in ks], "<=", Rq["headcount"])
        if rid not in pinned_reqs and Rq["minHeadcount"] > 1:
            y = new_var("open", True)
            add([(1, x[k]) for k in ks] + [(-Rq["minHeadcount"], y)], ">=", 0)
            add([(1, x[k]) for k in ks] + [(-min(Rq["headcount"], len(ks)), y)], "<=", 0)
    for (wid, week), ks in g["wweek"].items():
        add([(1, x[k]) for k in ks], "<=", week_cap(inst, wid, week))
    cont = inst["continuity"]
    soft = [(-cost[k], x[k]) for k in pairs]
    for (wid, job, d), ks in g["on"].items():
        prev = d - timedelta(days=1)
        if (wid, job, prev) in inst["history"]:
            soft += [(cont, x[k]) for k in ks]
            continue
        pks = g["on"].get((wid, job, prev))
        if not pks or cont == 0:
            continue
        z = new_var("z", False)
        add([(1, z)] + [(-1, x[k]) for k in ks], "<=", 0)
        add([(1, z)] + [(-1, x[k]) for k in pks], "<=", 0)
        soft.append((cont, z))
    medium = [(R[rid]["priority"], x[(rid, wid)]) for rid, wid in pairs]
    return x, medium, soft


def solve_mip(a, inst, hint):
    pairs, cost, g = structure(inst)
    s = pywraplp.Solver.CreateSolver("SCIP")
    s.SetNumThreads(1)
    n = [0]

    def new_var(name, binary):
        n[0] += 1
        return s.BoolVar("%s%d" % (name, n[0])) if binary else s.NumVar(0, 1, "%s%d" % (name, n[0]))

    def add(terms, sense, rhs):
        e = sum(c * v for c, v in terms)
        s.Add(e <= rhs if sense == "<=" else e >= rhs)

    x, medium, soft = build(inst, new_var, add, pairs, cost, g)
    s.SetTimeLimit(int(a.time_limit * 1000))
    if hint is not None:
        s.SetHint(list(x.values()), [1.0 if k in hint else 0.0 for k in x])
    s.Maximize(sum(c * v for c, v in medium))
    st1 = s.Solve()
    med = int(round(s.Objective().Value()))
    med_bound = s.Objective().BestBound()
    s.Add(sum(c * v for c, v in medium) >= med)
    s.Maximize(sum(c * v for c, v in soft))
    st2 = s.Solve()
    names = {pywraplp.Solver.OPTIMAL: "OPTIMAL", pywraplp.Solver.FEASIBLE: "FEASIBLE"}
    chosen = [k for k, v in x.items() if v.solution_value() > 0.5]
    return {"medium": med, "mediumStatus": names.get(st1, str(st1)), "mediumBound": round(med_bound, 3),
            "soft": int(round(s.Objective().Value())), "softBound": round(s.Objective().BestBound(), 3),
            "softStatus": names.get(st2, str(st2))}, chosen


def solve_sat(a, inst, hint):
    pairs, cost, g = structure(inst)
    m = cp_model.CpModel()

    def new_var(name, binary):
        return m.NewBoolVar(name)

    def add(terms, sense, rhs):
        e = sum(c * v for c, v in terms)
        m.Add(e <= rhs if sense == "<=" else e >= rhs)

    x, medium, soft = build(inst, new_var, add, pairs, cost, g)
    if hint is not None:
        for k, v in x.items():
            m.AddHint(v, 1 if k in hint else 0)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = a.workers
    solver.parameters.max_time_in_seconds = a.time_limit
    med_expr = sum(c * v for c, v in medium)
    m.Maximize(med_expr)
    st1 = solver.Solve(m)
    med = int(round(solver.ObjectiveValue()))
    med_bound = solver.BestObjectiveBound()
    m.ClearHints()
    for v in x.values():
        m.AddHint(v, int(solver.Value(v)))
    m.Add(med_expr == med)
    m.Maximize(sum(c * v for c, v in soft))
    st2 = solver.Solve(m)
    chosen = [k for k, v in x.items() if solver.Value(v)]
    return {"medium": med, "mediumStatus": solver.StatusName(st1), "mediumBound": med_bound,
            "soft": int(round(solver.ObjectiveValue())), "softBound": solver.BestObjectiveBound(),
            "softStatus": solver.StatusName(st2)}, chosen


def compare(inst, plan, opt):
    """Prints the differences between two plans' assignments (see the module comment, --compare)."""
    pairs, cost, _ = structure(inst)
    R, cont = inst["requests"], inst["continuity"]

    def schedules(assignments):
        s = defaultdict(dict)
        for a in assignments:
            s[a["worker"]][R[a["request"]]["date"]] = a["request"]
        return s

    def value(wid, sched):
        v, links = 0, 0
        for d, rid in sched.items():
            v -= cost.get((rid, wid), 0)
            prev, job = d - timedelta(days=1), R[rid]["job"]
            if (wid, job, prev) in inst["history"] or (prev in sched and R[sched[prev]]["job"] == job):
                v, links = v + cont, links + 1
        return v, links

    P, O = schedules(plan), schedules(opt)
    diff = [w for w in inst["worker_order"] if P.get(w, {}) != O.get(w, {})]
    parent = {w: w for w in diff}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    holders = defaultdict(set)
    for w in diff:
        for rid in P.get(w, {}).values():
            holders[rid].add(w)
    for w in diff:
        for rid in O.get(w, {}).values():
            for v in holders[rid]:
                parent[find(v)] = find(w)
    comps = defaultdict(list)
    for w in diff:
        comps[find(w)].append(w)
    gain = {}
    for w in diff:
        (vp, lp), (vo, lo) = value(w, P.get(w, {})), value(w, O.get(w, {}))
        gain[w] = (vo - vp, lo - lp)
    print("workers with other schedules: %d, components: %d" % (len(diff), len(comps)))
    rows = []
    for ws in comps.values():
        days = set()
        for w in ws:
            p, o = P.get(w, {}), O.get(w, {})
            days |= {d for d in set(p) | set(o) if p.get(d) != o.get(d)}
        rows.append((sum(gain[w][0] for w in ws), len(ws), sum(gain[w][1] for w in ws), len(days)))
    for g, n, links, days in sorted(rows, reverse=True):
        print("component: soft %+d, %d workers, links %+d, %d days" % (g, n, links, days))

    def show(sched):
        return " ".join("%s:%s/%s" % (d.isoformat()[5:], R[r]["job"], r) for d, r in sorted(sched.items()))

    for w in diff:
        if gain[w][0]:
            g, links = gain[w]
            print("%s soft %+d links %+d: %s -> %s" % (w, g, links, show(P.get(w, {})), show(O.get(w, {}))))
    hp, ho = defaultdict(int), defaultdict(int)
    for a in plan:
        hp[a["request"]] += 1
    for a in opt:
        ho[a["request"]] += 1
    other = ["%s %d->%d" % (r, hp[r], ho[r]) for r in inst["request_order"] if hp[r] != ho[r]]
    print("requests with other headcounts: %d%s" % (len(other), (" (" + ", ".join(other) + ")") if other else ""))


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("instance")
    ap.add_argument("--time-limit", type=float, default=600, help="seconds per stage")
    ap.add_argument("--plan", help="a plan to compare (and to start from)")
    ap.add_argument("--out", help="write the optimal assignments here")
    ap.add_argument("--backend", choices=["scip", "sat"], default="scip")
    ap.add_argument("--workers", type=int, default=8, help="CP-SAT workers")
    ap.add_argument("--compare", help="an optimum's assignments (from --out): print how --plan differs, solve nothing")
    a = ap.parse_args(argv)
    inst = sp.read_instance_file(a.instance)
    plan = json.load(open(a.plan)) if a.plan else None
    if a.compare:
        if plan is None:
            sys.exit("exact-multiday: --compare needs --plan")
        compare(inst, plan["assignments"], json.load(open(a.compare))["assignments"])
        return
    hint = {(p["request"], p["worker"]) for p in plan["assignments"]} if plan else None
    import time
    t0 = time.time()
    out, chosen = (solve_mip if a.backend == "scip" else solve_sat)(a, inst, hint)
    out = {"instance": os.path.basename(a.instance), **out, "seconds": round(time.time() - t0, 1)}
    print_result(out, plan, chosen, a.out)


if __name__ == "__main__":
    main(sys.argv[1:])
