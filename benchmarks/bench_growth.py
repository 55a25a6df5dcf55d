"""Benchmark (run by hand): the inputs that once stalled a load, at the sizes issue 14 measured and beyond.

    .venv/bin/python benchmarks/bench_growth.py [--scale 1]

Prints, for each input, the CPU time to read (and, for text, extract) it at n and 4n and the ratio:
about 4 for a linear stage, 16 for a quadratic one. tests/test_growth.py asserts the same on smaller
inputs; this one shows the sizes where the quadratic steps took minutes (issue 14: 10,000 nested
divs 5 s, 20,000 took 19 s, 200,000 over 10 minutes; 80,000 spaces 6 s, a million over 120 s;
50,000 capitalised words 21 s, 100,000 took 83 s; 10,000 "Name, Post" entries 12.6 s).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from loaders.extract import extract  # noqa: E402
from loaders.formats import load  # noqa: E402
from test_growth import POSTS, _person  # noqa: E402

VOCAB = ["Council", "Board", "Partnership", "Safer", "Community", "Health", "Group", "Borough", "Forum",
         "London", "Police", "Service", "Trust", "Strategy", "Plan", "John", "Smith", "Mary", "Jones"]
INPUTS = {
    # name: (n, suffix, text of size n, extract too)
    "nested <div>s": (50_000, ".html", lambda n: "<html><body>" + "<div>" * n + "Present: Ann Smith"
                      + "</div>" * n + "</body></html>", False),
    "spaces in one line": (250_000, ".txt", lambda n: "Minutes\nPresent: Ann Smith, Chair\n\n1. Item\n\nThe Board noted it."
                           + " " * n + "Then it agreed.\n", True),
    "capitalised words in one line": (25_000, ".txt", lambda n: "Minutes\n" + " ".join(
        VOCAB[(i * 7 + i // 19) % len(VOCAB)] for i in range(n)) + "\n", True),
    "'Present:' then 'Name, Post' and ...": (2_500, ".txt", lambda n: "Present: " + " and ".join(
        f"{_person(i)}, {POSTS[i % len(POSTS)]}" for i in range(n)) + "\n", True),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Multiply every n by this.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-growth-"))
    extract(load(_write(work, "warm.txt", "Present: Ann Smith, Chair\n1. Minutes\nAgreed.\n")))
    print(f"{'input':<40} {'n':>9} {'time n':>8} {'time 4n':>8} {'ratio':>6}")
    for name, (n, suffix, make, extracting) in INPUTS.items():
        n = int(n * args.scale)
        times = []
        for size in (n, 4 * n):
            path = _write(work, f"input{size}{suffix}", make(size))
            start = time.process_time()
            doc = load(path)
            if extracting:
                extract(doc)
            times.append(time.process_time() - start)
        print(f"{name:<40} {n:>9,} {times[0]:>7.2f}s {times[1]:>7.2f}s {times[1] / times[0]:>6.1f}", flush=True)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    main()
