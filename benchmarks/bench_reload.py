"""Benchmark of loading in pieces (run by hand; prints figures): `pgraph load` of a synthetic archive whole, a reload
of ONE changed document into that store, and the archive loaded in two pieces, each as a subprocess whose time and
peak memory (main process, workers and graph server, summed Pss) are measured.

    python benchmarks/bench_reload.py --meetings 1000 [--work DIR]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import TreeMemory  # noqa: E402
from synthetic import generate  # noqa: E402

PGRAPH = Path(sys.executable).with_name("pgraph")


def timed_load(store: Path, *paths: Path) -> tuple[float, float, str]:
    """`pgraph --store STORE load PATHS`: seconds, peak MB of its process tree, its last stderr line."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(PGRAPH), "--store", str(store), "load", *map(str, paths)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with TreeMemory(proc.pid) as memory:
        _, err = proc.communicate()
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"pgraph load failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    lines = [line for line in err.decode(errors="replace").splitlines() if line.strip()]
    return took, memory.peak, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=None, help="folder for the archive and stores (default: temp)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-pieces", action="store_true", help="skip the load in two pieces")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-reload-"))
    archive = work / f"archive-{args.meetings}"
    files = sorted(archive.glob("*.txt")) if archive.is_dir() else []
    if len(files) != args.meetings:
        files = generate(args.meetings, archive, seed=args.seed)
    files = sorted(files)
    before = os.getloadavg()[0]
    rows = []
    store = work / f"store-{time.time_ns()}"
    took, peak, said = timed_load(store, archive)
    rows.append(("whole archive, new store", took, peak, said))
    took, peak, said = timed_load(store, archive)
    rows.append(("reload, nothing changed", took, peak, said))
    victim = files[len(files) // 2]
    original = victim.read_text(encoding="utf-8")
    try:
        victim.write_text(original + "\nAny other business: none.\n", encoding="utf-8")
        took, peak, said = timed_load(store, archive)
        rows.append(("reload, one document changed", took, peak, said))
        # In this process, to tell resolving the archive (in memory) from the rest of a reload.
        from app.pipeline import load_into
        from graph.store import open_store

        victim.write_text(original + "\nAny other business: none again.\n", encoding="utf-8")
        with open_store(store) as opened:
            start = time.perf_counter()
            report = load_into(opened, [archive])
            took = time.perf_counter() - start
        resolving = getattr(report, "resolve_s", None)
        rows.append(("reload, one document changed, in this process", took, 0.0,
                     f"of which resolving the archive: {resolving:.2f} s" if resolving is not None else
                     "(no whole-archive resolution in this version)"))
    finally:
        victim.write_text(original, encoding="utf-8")
    if not args.no_pieces:
        pieces = work / f"pieces-{time.time_ns()}"
        half = len(files) // 2
        first = timed_load(pieces, *files[:half])
        second = timed_load(pieces, *files[half:])
        rows.append(("first half, new store", *first))
        rows.append(("second half into it", *second))
    print(f"{args.meetings:,} synthetic meetings; load average (1 min) before / after: "
          f"{before:.1f} / {os.getloadavg()[0]:.1f}")
    print("| what | seconds | peak MB (tree) | pgraph's last line |")
    print("| --- | ---: | ---: | --- |")
    for what, took, peak, said in rows:
        print(f"| {what} | {took:.1f} | {peak:.0f} | {said[:140]} |")


if __name__ == "__main__":
    main()
