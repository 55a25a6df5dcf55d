"""Benchmark (run by hand): a synthetic 2,000-person, ~20,000-link graph through viz.render and headless Chromium.

    .venv/bin/python benchmarks/bench_viz.py [--people 2000] [--boards 100] [--keep DIR]

Prints the derived network's size, the time to write each page, the HTML size, and the time
from navigation until the network is stable in Chromium (vis's `stabilizationIterationsDone`
when physics runs; the first drawing when positions are precomputed and physics is off).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.model import (Action, AgendaItem, Meeting, Organisation, PartnershipGraph,  # noqa: E402
                         Person, Rel)
from viz import people_network, render  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
KINDS = ["council", "police", "fire", "health", "probation", "charity", "board", "pcc"]


def synthetic(people: int = 2000, boards: int = 100, years: range = range(2016, 2024), seed: int = 1) -> PartnershipGraph:
    """Boards of about 20 regulars meeting quarterly, 8 attending each time, plus the odd guest."""
    rng = random.Random(seed)
    g = PartnershipGraph()
    orgs = [g.add(Organisation(id=f"org:o{i}", name=f"Organisation {i}", kind=KINDS[i % len(KINDS)]))
            for i in range(12)]
    weights = [1 / (i + 1) for i in range(len(orgs))]
    persons = [g.add(Person(id=f"person:p{i}", name=f"Person {i:04d}")) for i in range(people)]
    home = {p.id: rng.choices(orgs, weights)[0].id for p in persons}
    members = [persons[b::boards] for b in range(boards)]
    seen: dict[str, list[str]] = {}
    for b, regulars in enumerate(members):
        for year in years:
            for quarter in range(4):
                date = f"{year}-{3 * quarter + 1:02d}-15"
                doc = f"b{b}-{date}.txt"
                m = g.add(Meeting(id=f"meeting:b{b}:{date}", name=doc, body=f"Board {b}", date=date, document=doc))
                present = rng.sample(regulars, min(8, len(regulars)))
                if rng.random() < 0.05:
                    present.append(rng.choice(persons))
                for p in present:
                    g.relate(Rel.ATTENDED, p.id, m.id, doc, f"{p.name}, {home[p.id]}")
                    seen.setdefault(p.id, []).append(date)
                item = g.add(AgendaItem(id=f"item:b{b}:{date}:1", name="Update", meeting=m.id, title="Update"))
                g.relate(Rel.HAS_ITEM, m.id, item.id, doc, "Update", order=1)
                for p in present[:2]:
                    g.relate(Rel.PRESENTED, p.id, item.id, doc, f"{present[0].name} and {present[1].name} presented")
                action = g.add(Action(id=f"action:b{b}:{date}:1", name="Action", meeting=m.id, text="Report back"))
                for p in present[2:4]:
                    g.relate(Rel.ASSIGNED_TO, action.id, p.id, doc, f"ACTION: {p.name} to report back")
    for pid, dates in seen.items():
        g.relate(Rel.AFFILIATED_WITH, pid, home[pid], "synthetic", f"{pid} of {home[pid]}",
                 first_seen=min(dates), last_seen=max(dates))
    return g


def measure(chromium, path: Path) -> dict[str, float]:
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    remote: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
    start = time.perf_counter()
    page.goto(path.resolve().as_uri())
    page.wait_for_function("() => window.pgStable === true", timeout=300_000)
    wall = time.perf_counter() - start
    stable_ms = page.evaluate("window.pgStableAt")
    drawn = page.evaluate("nodes.get({filter: n => !n.hidden}).length")
    links = page.evaluate("edges.get({filter: e => !e.hidden}).length")
    # One year through the time control, until vis has drawn the result.
    span_s = page.evaluate("""async () => {
        const t = performance.now();
        const drawn = new Promise(done => network.once("afterDrawing", done));
        pgSetSpan([2019, 2019]);
        network.redraw();
        await drawn;
        return (performance.now() - t) / 1000; }""")
    page.close()
    if errors or remote:
        print(f"  !! console errors {errors[:3]}, remote requests {remote[:3]}")
    return {"stable_s": stable_ms / 1000, "wall_s": wall, "nodes": drawn, "edges": links, "span_s": span_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--boards", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="Folder to keep the pages in (default: a temporary one).")
    args = parser.parse_args()

    t0 = time.perf_counter()
    graph = synthetic(args.people, args.boards)
    t1 = time.perf_counter()
    network = people_network(graph)
    t2 = time.perf_counter()
    print(f"synthetic graph: {len(graph.nodes):,} nodes, {len(graph.relationships):,} relationships "
          f"({t1 - t0:.1f} s); derived: {network.number_of_nodes():,} people, "
          f"{network.number_of_edges():,} links ({t2 - t1:.1f} s)")

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-viz-"))
    folder.mkdir(parents=True, exist_ok=True)
    runs = [("people, default threshold", "people.html", {}),
            ("people, every link", "people-all.html", {"max_edges": None}),
            ("organisations", "organisations.html", {"view": "organisations"})]
    pages = []
    for title, name, options in runs:
        t = time.perf_counter()
        path = render(graph, folder / name, **options)
        pages.append((title, path, time.perf_counter() - t))

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for title, path, render_s in pages:
            r = measure(chromium, path)
            print(f"{title:<28} render {render_s:5.1f} s  html {path.stat().st_size / 1e6:5.1f} MB  "
                  f"drawn {r['nodes']:,} nodes / {r['edges']:,} links  stable in Chromium {r['stable_s']:5.2f} s "
                  f"(goto→stable {r['wall_s']:.2f} s)  one-year filter {r['span_s']:.2f} s")
        chromium.close()
    print(f"pages in {folder}")


if __name__ == "__main__":
    main()
