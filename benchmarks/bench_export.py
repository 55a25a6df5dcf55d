"""Export and page memory at scale: peak memory (max RSS) of `pgraph export` for each format and of
`pgraph viz`, each a subprocess, on a synthetic archive loaded by `pgraph load`; prints the figures."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synthetic import generate  # noqa: E402

PGRAPH = str(Path(sys.executable).with_name("pgraph"))
RUNS = [("json", ["export", "--format", "json"]), ("turtle", ["export", "--format", "turtle"]),
        ("jsonld", ["export", "--format", "jsonld"]), ("ntriples", ["export", "--format", "ntriples"]),
        ("viz", ["viz"])]


def measured(args: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one pgraph command run in a child process (wait4's rusage)."""
    start = time.monotonic()
    proc = subprocess.Popen([PGRAPH, "-q", *args], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: pgraph {' '.join(args)}")
    return time.monotonic() - start, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000", help="meetings per archive, comma-separated")
    parser.add_argument("--work", type=Path, default=Path("/tmp/pgraph-bench-export"))
    args = parser.parse_args()
    for n in (int(x) for x in args.sizes.split(",")):
        folder = args.work / str(n)
        archive, store = folder / "archive", folder / "store"
        if not archive.exists():
            generate(n, archive)
        seconds, rss = measured(["--store", str(store), "load", str(archive)])
        print(f"{n} meetings: pgraph load {seconds:.1f} s, {rss:.0f} MB (main process)")
        for name, command in RUNS:
            out = folder / f"out.{name}"
            seconds, rss = measured(["--store", str(store), *command, "-o", str(out)])
            print(f"{n} meetings: {name:<8} {seconds:7.1f} s  peak {rss:7.0f} MB  ({out.stat().st_size / 1e6:.1f} MB written)")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
