"""Export and page memory at scale: time and peak memory of `pgraph export` in each format and of
`pgraph viz`, each a subprocess, on a synthetic archive loaded by `pgraph load`; prints the figures.

    .venv/bin/python benchmarks/bench_export.py --sizes 1000 [--work DIR]
    .venv/bin/python benchmarks/bench_export.py --store DIR     # a store already loaded, loaded once

Peak memory is the summed proportional set size (Pss) of the command's process tree (the command
and the graph server it starts), sampled every 0.1 s, and of the command's own process alone.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import TreeMemory  # noqa: E402
from synthetic import generate  # noqa: E402

PGRAPH = str(Path(sys.executable).with_name("pgraph"))
RUNS = {"json": ["export", "--format", "json"], "turtle": ["export", "--format", "turtle"],
        "jsonld": ["export", "--format", "jsonld"], "ntriples": ["export", "--format", "ntriples"],
        "graphml": ["export", "--format", "graphml"], "gexf": ["export", "--format", "gexf"],
        "csv": ["export", "--format", "csv"], "viz": ["viz"],
        "viz-organisations": ["viz", "--view", "organisations"]}
DEFAULT = "json,ntriples,turtle,jsonld,viz,viz-organisations"


def measured(args: list[str]) -> tuple[float, float, float]:
    """Seconds, peak Pss of the process tree (MB) and of the command's own process, of one pgraph command."""
    start = time.monotonic()
    proc = subprocess.Popen([PGRAPH, "-q", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with TreeMemory(proc.pid) as memory:
        _, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"failed: pgraph {' '.join(args)}: {err.decode()[-500:]}")
    return time.monotonic() - start, memory.peak, memory.root_peak


def _size(path: Path) -> float:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir()) / 1e6
    return path.stat().st_size / 1e6


def bench(store: Path, out_folder: Path, names: list[str], label: str) -> None:
    out_folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        out = out_folder / (f"out-{name}" if name == "csv" else f"out.{name}")
        seconds, tree, own = measured(["--store", str(store), *RUNS[name], "-o", str(out)])
        print(f"{label}: {name:<17} {seconds:7.1f} s  peak {tree:7.0f} MB tree, {own:7.0f} MB the command "
              f"({_size(out):.1f} MB written)", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="meetings per archive, comma-separated")
    parser.add_argument("--work", type=Path, default=Path("/tmp/pgraph-bench-export"))
    parser.add_argument("--store", type=Path, help="measure this store (already loaded) instead of generating")
    parser.add_argument("--runs", default=DEFAULT, help=f"comma-separated, of {', '.join(RUNS)} (default {DEFAULT})")
    args = parser.parse_args()
    names = [n for n in args.runs.split(",") if n]
    if args.store:
        bench(args.store, args.work / "out", names, args.store.name)
        return
    for n in (int(x) for x in args.sizes.split(",")):
        folder = args.work / str(n)
        archive, store = folder / "archive", folder / "store"
        if not archive.exists():
            generate(n, archive)
        seconds, tree, _ = measured(["--store", str(store), "load", str(archive)])
        print(f"{n} meetings: pgraph load {seconds:.1f} s, peak {tree:.0f} MB tree", flush=True)
        bench(store, folder, names, f"{n} meetings")


if __name__ == "__main__":
    main()
