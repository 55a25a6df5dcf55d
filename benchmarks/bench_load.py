"""Benchmark of loading a synthetic archive end to end, and of every recipe on it (run by hand; prints figures)."""
from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PGRAPH = Path(sys.executable).with_name("pgraph")


# ----------------------------------------------------------------------------------------- memory

def _tree(pid: int) -> list[int]:
    """A process and all its descendants, from /proc."""
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo += [int(c) for c in handle.read().split()]
        except OSError:
            continue
    return out


def _rss_mb(pid: int) -> float:
    """A process's share of the memory it uses (Pss: pages shared with other processes divided
    among them). Plain RSS counts shared pages once per process: the graph server forks to compact
    its log, and the copy, sharing nearly every page, would seem to double the server."""
    for path, field_name in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(path) as handle:
                for line in handle:
                    if line.startswith(field_name):
                        return int(line.split()[1]) / 1024
        except OSError:
            continue
    return 0.0


class TreeMemory:
    """Peak of the summed memory (Pss) of a process tree (main, workers, graph server), sampled."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        self.pid, self.every, self.peak = pid, every, 0.0
        self.root_peak = 0.0        # the process itself, without its children (workers, graph server)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = {p: _rss_mb(p) for p in _tree(self.pid)}
            self.peak = max(self.peak, sum(sizes.values()))
            self.root_peak = max(self.root_peak, sizes.get(self.pid, 0.0))
            self._stop.wait(self.every)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024     # kilobytes on Linux


# ----------------------------------------------------------------------------------------- stages

@dataclass
class Figures:
    meetings: int
    megabytes: float = 0.0
    single_s: float = 0.0
    single_docs: int = 0
    single_mb: float = 0.0
    pool_s: float = 0.0
    workers: int = 0
    resolve_s: float = 0.0
    write_s: float = 0.0
    written: int = 0
    nodes: int = 0
    relationships: int = 0
    load_s: float = 0.0
    load_tree_mb: float = 0.0
    main_rss_mb: float = 0.0
    reload_s: float = 0.0
    change_one_s: float = 0.0
    cli_s: float | None = None
    cli_tree_mb: float | None = None
    recipes: dict[str, tuple[float, int, float | None, int | None]] = field(default_factory=dict)  # ms, rows x2
    # The machine is shared: the 1-minute load average before and after says how much it was.
    load_average: tuple[float, float] = (0.0, 0.0)


def single_core(files: list[Path], sample: int) -> tuple[float, int, float]:
    """Extract a sample of the archive in this process: seconds, documents, megabytes."""
    from loaders.extract import extract
    from loaders.formats import load

    step = max(1, len(files) // sample)
    picked = files[::step][:sample]
    docs = [load(p) for p in picked]
    extract(docs[0])         # warm the gazetteer and the regex cache, as a worker is warm
    start = time.perf_counter()
    for doc in docs:
        extract(doc)
    took = time.perf_counter() - start
    return took, len(docs), sum(len(d.text.encode("utf-8")) for d in docs) / 1e6


def instrumented_load(store: Any, archive: Path, figures: Figures, workers: int | None) -> None:
    """`load_into` as `pgraph load` runs it, timing extraction, resolution and writing apart."""
    from app.pipeline import load_into

    marks: dict[str, float] = {}
    write_time = [0.0]
    original = store.write

    def progress(name: str, done: int, total: int) -> None:
        marks.setdefault("first", time.perf_counter())
        marks["extracted"] = time.perf_counter()

    def timed_write(graph: Any, documents: Any = ()) -> Any:
        marks.setdefault("resolved", time.perf_counter())
        start = time.perf_counter()
        try:
            return original(graph, documents=documents)
        finally:
            write_time[0] += time.perf_counter() - start

    store.write = timed_write
    start = time.perf_counter()
    try:
        with TreeMemory(os.getpid()) as memory:
            report = load_into(store, [archive], progress=progress, workers=workers)
    finally:
        del store.write
    end = time.perf_counter()
    if report.failed:
        print(f"  {len(report.failed)} failed, e.g. {report.failed[0][1]}", file=sys.stderr)
    w = report.write
    figures.load_s = end - start
    figures.pool_s = marks["extracted"] - start
    figures.resolve_s = marks.get("resolved", end) - marks["extracted"]
    figures.write_s = write_time[0]
    figures.written = w.nodes_created + w.nodes_merged + w.relationships_created + w.relationships_merged
    figures.load_tree_mb = memory.peak
    figures.main_rss_mb = max_rss_mb()
    counts = report.counts
    from graph.model import Label

    labels = {label.value for label in Label}
    figures.nodes = sum(n for k, n in counts.items() if k in labels)
    figures.relationships = sum(n for k, n in counts.items() if k not in labels)


def reloads(store: Any, archive: Path, figures: Figures) -> None:
    """Loading the same archive again, then with one document changed."""
    from app.pipeline import load_into

    start = time.perf_counter()
    report = load_into(store, [archive])
    figures.reload_s = time.perf_counter() - start
    assert not report.loaded, "a reload of an unchanged archive wrote documents"
    victim = sorted(archive.iterdir())[len(list(archive.iterdir())) // 2]
    original = victim.read_text(encoding="utf-8")
    try:
        victim.write_text(original + "\nAny other business: none.\n", encoding="utf-8")
        start = time.perf_counter()
        report = load_into(store, [archive])
        figures.change_one_s = time.perf_counter() - start
        assert report.loaded == [victim.name], report.loaded
    finally:
        victim.write_text(original, encoding="utf-8")
    load_into(store, [victim])      # back as it was, so the recipes see the archive as generated


# ----------------------------------------------------------------------------------------- recipes

PICKS = {
    # The best-attended person, the organisation with the most people, and so on: params that
    # make each recipe do real work rather than return nothing.
    "person": "MATCH (p:Person)-[:ATTENDED]->() RETURN p.name AS v, count(*) AS n ORDER BY n DESC, v LIMIT 1",
    "person_b": "MATCH (p:Person)-[:ATTENDED]->() RETURN p.name AS v, count(*) AS n ORDER BY n DESC, v SKIP 20 LIMIT 1",
    "organisation": "MATCH (:Person)-[:AFFILIATED_WITH]->(o:Organisation) RETURN o.name AS v, count(*) AS n "
                    "ORDER BY n DESC, v LIMIT 1",
    "role": "MATCH (:Person)-[:HOLDS]->(r:Role) RETURN r.name AS v, count(*) AS n ORDER BY n DESC, v LIMIT 1",
    "meeting": "MATCH (m:Meeting) WHERE m.date IS NOT NULL RETURN m.date AS v ORDER BY v",
    "body": "MATCH (m:Meeting) WHERE m.body IS NOT NULL RETURN m.body AS v, count(*) AS n ORDER BY n DESC, v LIMIT 1",
    "strategy": "MATCH ()-[:CONCERNS]->(s:Strategy) RETURN s.name AS v, count(*) AS n ORDER BY n DESC, v LIMIT 1",
    "year": "MATCH (m:Meeting) WHERE m.date IS NOT NULL RETURN substring(m.date, 0, 4) AS v ORDER BY v",
}


def pick_params(store: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, cypher in PICKS.items():
        rows = store.run(cypher, read_only=True)
        if not rows:
            continue
        # Lists of dates and years: the one in the middle of the archive.
        values[name] = rows[len(rows) // 2]["v"] if name in ("meeting", "year") else rows[0]["v"]
    if "person" in values:
        values["q"] = values["person"].split()[-1][:5]
    values["text"] = "agreed"
    if "year" in values:
        values["year_from"], values["year_to"] = str(int(values["year"]) - 2), values["year"]
    return values


def recipe_params(recipe: Any, picked: dict[str, Any], focused: bool) -> dict[str, Any] | None:
    """Required parameters from the data; optional ones too when `focused`, else left out (the broadest run)."""
    params: dict[str, Any] = {}
    for p in recipe.params:
        key = {"person_a": "person", "person_b": "person_b"}.get(p.name, p.name)
        if p.required or (focused and key in picked and p.name != "limit"):
            if key not in picked:
                return None
            params[p.name] = picked[key]
    return params


def time_recipes(store: Any, repeat: int) -> dict[str, tuple[float, int, float | None, int | None]]:
    """Median milliseconds and rows of every recipe: broad, then focused when that differs."""
    from queries import list_recipes

    picked = pick_params(store)
    out: dict[str, tuple[float, int, float | None, int | None]] = {}
    for recipe in list_recipes():
        runs: list[tuple[float, int] | None] = []
        broad = recipe_params(recipe, picked, focused=False)
        focused = recipe_params(recipe, picked, focused=True)
        for params in (broad, focused if focused != broad else None):
            if params is None:
                runs.append(None)
                continue
            rows = recipe.run(store, params)       # warm-up, and the row count
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                recipe.run(store, params)
                times.append(time.perf_counter() - start)
            runs.append((statistics.median(times) * 1000, len(rows)))
        first, second = runs
        if first is None:
            first = (float("nan"), 0)
        out[recipe.name] = (*first, *(second or (None, None)))
    return out


# ----------------------------------------------------------------------------------------- the CLI

def cli_load(archive: Path, store_dir: Path) -> tuple[float, float]:
    """`pgraph load` as a user runs it: wall time and peak memory of its whole process tree."""
    start = time.perf_counter()
    proc = subprocess.Popen([str(PGRAPH), "--store", str(store_dir), "--quiet", "load", str(archive)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with TreeMemory(proc.pid) as memory:
        _, err = proc.communicate()
    took = time.perf_counter() - start
    if proc.returncode != 0:
        print(f"  pgraph load exited {proc.returncode}: {err.decode()[-500:]}", file=sys.stderr)
    return took, memory.peak


# ----------------------------------------------------------------------------------------- main

def run_size(meetings: int, work: Path, args: argparse.Namespace) -> Figures:
    from graph.store import open_store

    figures = Figures(meetings)
    before = os.getloadavg()[0]
    archive = work / f"archive-{meetings}"
    files = sorted(archive.glob("*.txt")) if archive.is_dir() else []
    if len(files) != meetings:
        start = time.perf_counter()
        files = generate(meetings, archive, seed=args.seed)
        print(f"[{meetings}] generated in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    figures.megabytes = sum(p.stat().st_size for p in files) / 1e6
    figures.single_s, figures.single_docs, figures.single_mb = single_core(files, min(args.sample, meetings))
    print(f"[{meetings}] single core: {figures.single_docs} meetings in {figures.single_s:.1f} s", file=sys.stderr)
    figures.workers = args.workers or os.cpu_count() or 1
    store_dir = work / f"store-{meetings}"
    with open_store(store_dir) as store:
        instrumented_load(store, archive, figures, args.workers)
        print(f"[{meetings}] loaded in {figures.load_s:.1f} s", file=sys.stderr)
        figures.recipes = time_recipes(store, args.repeat)
        reloads(store, archive, figures)
    if not args.no_cli:
        figures.cli_s, figures.cli_tree_mb = cli_load(archive, work / f"cli-store-{meetings}")
        print(f"[{meetings}] pgraph load in {figures.cli_s:.1f} s", file=sys.stderr)
    figures.load_average = (before, os.getloadavg()[0])
    return figures


def table(all_figures: list[Figures]) -> str:
    def row(label: str, values: list[str]) -> str:
        return f"| {label} | " + " | ".join(values) + " |"

    sizes = [f"{f.meetings:,} meetings" for f in all_figures]
    lines = [row("", sizes), "| --- |" + " ---: |" * len(all_figures)]

    def add(label: str, fn: Any) -> None:
        lines.append(row(label, [fn(f) for f in all_figures]))

    add("archive size", lambda f: f"{f.megabytes:.1f} MB")
    add("load average (1 min) before / after", lambda f: f"{f.load_average[0]:.1f} / {f.load_average[1]:.1f}")
    add("extraction, one core", lambda f: f"{f.single_mb / f.single_s:.3f} MB/s, {f.single_docs / f.single_s:.1f} meetings/s")
    add("extraction, pool", lambda f: f"{f.megabytes / f.pool_s:.3f} MB/s, {f.meetings / f.pool_s:.1f} meetings/s "
                                      f"({f.workers} workers)")
    add("resolution", lambda f: f"{f.resolve_s:.1f} s")
    add("store writes", lambda f: f"{f.written / f.write_s:,.0f} nodes+rels/s ({f.written:,} in {f.write_s:.1f} s)")
    add("graph stored", lambda f: f"{f.nodes:,} nodes, {f.relationships:,} rels")
    add("load (in process)", lambda f: f"{f.load_s:.1f} s")
    add("`pgraph load` end to end", lambda f: "not run" if f.cli_s is None else f"{f.cli_s:.1f} s")
    add("peak memory, `pgraph load` tree", lambda f: "not run" if f.cli_tree_mb is None else f"{f.cli_tree_mb:,.0f} MB")
    add("peak memory, in-process load tree", lambda f: f"{f.load_tree_mb:,.0f} MB")
    add("reload, nothing changed", lambda f: f"{f.reload_s:.1f} s")
    add("reload, one document changed", lambda f: f"{f.change_one_s:.1f} s")
    names = sorted({name for f in all_figures for name in f.recipes})
    lines += ["", "Recipes, median ms (broad: optional parameters unset / focused: set from the data; rows)", "",
              row("recipe", sizes), "| --- |" + " ---: |" * len(all_figures)]
    for name in names:
        def cell(f: Figures) -> str:
            broad_ms, broad_rows, focused_ms, focused_rows = f.recipes.get(name, (float("nan"), 0, None, None))
            text = f"{broad_ms:.1f} ({broad_rows})"
            return text if focused_ms is None else f"{text} / {focused_ms:.1f} ({focused_rows})"
        lines.append(row(f"`{name}`", [cell(f) for f in all_figures]))
    return "\n".join(lines)


def recipes_only(store_dir: Path, repeat: int) -> None:
    """Every recipe timed on a store already loaded, after bringing its summaries up to date (timed too:
    a store written before a change to the summaries rebuilds them here)."""
    from graph.store import open_store

    print(f"# {time.strftime('%Y-%m-%d %H:%M')}, {platform.node()}: {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}; store {store_dir}; load average {os.getloadavg()[0]:.1f}", flush=True)
    with open_store(store_dir) as store:
        start = time.perf_counter()
        store.refresh_summaries()
        print(f"summaries brought up to date in {time.perf_counter() - start:.1f} s", flush=True)
        meetings = store.run("MATCH (m:Meeting) RETURN count(m) AS n", read_only=True)[0]["n"]
        figures = Figures(meetings)
        figures.recipes = time_recipes(store, repeat)
    print(f"load average after: {os.getloadavg()[0]:.1f}", flush=True)
    names = sorted(figures.recipes)
    print(f"\n| recipe | {meetings:,} meetings |\n| --- | ---: |")
    for name in names:
        broad_ms, broad_rows, focused_ms, focused_rows = figures.recipes[name]
        text = f"{broad_ms:.1f} ({broad_rows})"
        print(f"| `{name}` | {text if focused_ms is None else f'{text} / {focused_ms:.1f} ({focused_rows})'} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000", help="comma-separated numbers of meetings (default 100,1000)")
    parser.add_argument("--work", type=Path, default=None, help="folder for archives and stores (default: a temp folder)")
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (default: CPU count)")
    parser.add_argument("--sample", type=int, default=100, help="meetings extracted on one core (default 100)")
    parser.add_argument("--repeat", type=int, default=7, help="runs per recipe for the median (default 7)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-cli", action="store_true", help="skip the `pgraph load` subprocess run")
    parser.add_argument("--store", type=Path, default=None,
                        help="only time the recipes on this existing store (e.g. one `pgraph load` wrote)")
    args = parser.parse_args()
    if args.store:
        recipes_only(args.store, args.repeat)
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = args.work or Path(tempfile.mkdtemp(prefix="pgraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# {time.strftime('%Y-%m-%d %H:%M')}, {platform.node()}: {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}; work folder {work}", flush=True)
    results = []
    for size in sizes:
        results.append(run_size(size, work, args))
        print(table(results), flush=True)     # after each size, so a long run shows what it has
        print(flush=True)


if __name__ == "__main__":
    main()
