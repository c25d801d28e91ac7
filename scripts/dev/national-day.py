#!/usr/bin/env python3
"""A national day in one database: many centers planned by 1, 2 and 4 `batch plan` processes at once.

    scripts/bench --national [--centers 100] [--processes 1,2,4] [--seed 1] [--min-workers 300]
                             [--max-workers 3000] [--bin PATH] [--no-build]

Starts a private PostgreSQL (scripts/dev-db, in a scratch directory it removes at the end), migrates it, and loads
one center per county (시군구 of data/places.tsv: every 군, then cities, in code order) with a generated day of that
county (`ilson generate --county CODE --csv-dir …`: its real villages) through the real imports (`center add`,
`farm import`, `worker import`, `request import`); each center gets 300-3,000 workers (seeded) and a quarter as many
requests. Then, for each process count, it clears the day's rosters and runs that many `batch plan --date D` at once
against the one database, and prints: wall time, centers per minute, the slowest center (from batch_runs), and
whether every center was planned exactly once (none twice, none skipped). Also the database's size. Exit 1 when a
center was planned twice or not at all.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def counties(n):
    rows = []
    with open(os.path.join(ROOT, "data", "places.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts[0]) == 5:
                rows.append((parts[0], parts[1]))
    gun = [r for r in rows if r[1].endswith("군")]
    si = [r for r in rows if r[1].endswith("시") and " " not in r[1]]
    picked = (gun + si)[:n]
    if len(picked) < n:
        raise SystemExit(f"only {len(picked)} counties and cities in data/places.tsv")
    return picked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--centers", type=int, default=100)
    ap.add_argument("--processes", default="1,2,4")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-workers", type=int, default=300)
    ap.add_argument("--max-workers", type=int, default=3000)
    ap.add_argument("--jobs", type=int, default=2, help="parallel loaders")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    rng = random.Random(args.seed)
    picked = counties(args.centers)
    sizes = [rng.randint(args.min_workers, args.max_workers) for _ in picked]

    scratch = tempfile.mkdtemp(prefix="ilson-national.")
    os.chmod(scratch, 0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG") and not k.startswith("ILSON_")}
    env["ILSON_PGDATA"] = os.path.join(scratch, "pg")
    env["ILSON_CONFIG"] = "/dev/null"
    env["ILSON_SMS_GATEWAY"] = "stdout"

    def devdb(cmd):
        return subprocess.run([os.path.join(ROOT, "scripts", "dev-db"), cmd], env=env, capture_output=True,
                              text=True, check=True).stdout

    failed = False
    try:
        devdb("start")
        for line in devdb("env").splitlines():
            line = line.strip()
            if line.startswith("export "):
                line = line[len("export "):]
            if "=" in line:
                k, v = line.split("=", 1)
                env[k] = v.strip("'\"")
        for k in ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE"):
            env.pop(k, None)

        def ilson(*a, check=True):
            p = subprocess.run([binary, *a], env=env, capture_output=True, text=True)
            if check and p.returncode != 0:
                raise RuntimeError(f"ilson {' '.join(a)}: exit {p.returncode}: {p.stderr.strip()[-500:]}")
            return p

        ilson("db", "migrate")
        date = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 9 * 3600 + 86400))  # tomorrow in Seoul

        def load(i):
            code, name = picked[i]
            center = f"N{i + 1:03d}"
            d = os.path.join(scratch, center)
            w = sizes[i]
            ilson("center", "add", "--code", center, "--name", f"{name} 농촌인력중개센터", "--county", code)
            ilson("generate", "--workers", str(w), "--requests", str(max(1, w // 4)), "--seed", str(args.seed + i),
                  "--start", date, "--county", code, "--csv-dir", d, "--out", os.path.join(d, "instance.json"))
            for kind, file in (("farm", "farms.csv"), ("worker", "workers.csv"), ("request", "requests.csv")):
                ilson(kind, "import", os.path.join(d, file), "--center", center)
            shutil.rmtree(d, ignore_errors=True)
            return center

        print(f"national day {date}: loading {len(picked)} centers ({sum(sizes):,} workers, "
              f"{sum(max(1, w // 4) for w in sizes):,} requests) with {args.jobs} loaders...", file=sys.stderr)
        t = time.monotonic()
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            list(pool.map(load, range(len(picked))))
        load_s = time.monotonic() - t

        def sql(q):
            p = subprocess.run(["psql", "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", q, env["ILSON_DATABASE_URL"]],
                               env=env, capture_output=True, text=True, check=True)
            return p.stdout.strip()

        db_size = sql("SELECT pg_size_pretty(pg_database_size(current_database()))")
        rows = []
        for n in [int(x) for x in args.processes.split(",") if x.strip()]:
            sql("BEGIN; TRUNCATE rosters CASCADE; DELETE FROM batch_runs WHERE job = 'plan'; COMMIT")
            print(f"batch plan with {n} process(es) at once...", file=sys.stderr)
            t = time.monotonic()
            procs = [subprocess.Popen([binary, "batch", "plan", "--date", date], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True) for _ in range(n)]
            errs = [p.communicate()[1] for p in procs]
            wall = time.monotonic() - t
            codes = [p.returncode for p in procs]
            per_center = sql(
                "SELECT c.code || ' ' || count(r.id) FILTER (WHERE r.outcome = 'done') FROM centers c "
                "LEFT JOIN batch_runs r ON r.center_id = c.id AND r.job = 'plan' GROUP BY c.code ORDER BY c.code"
            ).splitlines()
            counts = {line.split()[0]: int(line.split()[1]) for line in per_center}
            twice = [c for c, k in counts.items() if k > 1]
            missing = [c for c, k in counts.items() if k == 0]
            slowest = sql(
                "SELECT c.code || ' ' || round(extract(epoch FROM r.finished_at - r.started_at)::numeric, 2) "
                "FROM batch_runs r JOIN centers c ON c.id = r.center_id WHERE r.job = 'plan' AND r.outcome = 'done' "
                "ORDER BY r.finished_at - r.started_at DESC LIMIT 1")
            skipped = int(sql("SELECT count(*) FROM batch_runs WHERE job = 'plan' AND outcome = 'skipped'") or 0)
            filled = sql("SELECT count(*) FROM assignments")
            rows.append({"processes": n, "wall": wall, "perMinute": len(picked) * 60.0 / wall, "slowest": slowest,
                         "twice": twice, "missing": missing, "lockSkips": skipped, "exit": codes,
                         "assignments": int(filled or 0)})
            if twice or missing or any(c != 0 for c in codes):
                failed = True
                for e in errs:
                    if e.strip():
                        print(e.strip()[-1500:], file=sys.stderr)
        idx = next((i for i, w in enumerate(sizes) if w == max(sizes)), 0)
        print(f"national day {date}: {len(picked)} centers ({picked[0][1]} … {picked[-1][1]}), {sum(sizes):,} workers "
              f"(largest N{idx + 1:03d} {picked[idx][1]} {max(sizes):,}), loaded through the imports in {load_s:.0f} s; "
              f"database {db_size}")
        print("processes  wall s  centers/min  slowest center (s)  planned twice  not planned  lock skips  assignments")
        for r in rows:
            print(f"{r['processes']:<9}  {r['wall']:6.1f}  {r['perMinute']:11.1f}  {r['slowest']:<18}  "
                  f"{len(r['twice']):<13}  {len(r['missing']):<11}  {r['lockSkips']:<10}  {r['assignments']:,}"
                  + ("" if r["exit"] == [0] * r["processes"] else f"  exit codes {r['exit']}"))
    finally:
        subprocess.run([os.path.join(ROOT, "scripts", "dev-db"), "destroy"], env=env, capture_output=True)
        shutil.rmtree(scratch, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
