"""The store's write phase beside plain `UNWIND ... CREATE` of the same data (run by hand; prints figures).

    .venv/bin/python benchmarks/bench_write.py --sizes 1000,10000 --work /tmp/bench-write

For each size, a synthetic archive is loaded once as `pgraph load` does (`load_into`), and what the
pipeline hands the store's `write` (each batch's resolved graph and its documents) is kept on disk.
That is then written again into two fresh embedded stores (same server, same indexes), batch by
batch, alternately: by the store's own `write` (the write phase: looking up what is stored,
counting, upserting nodes, sightings and relationships, marking summaries stale), and by plain
`UNWIND $rows AS row CREATE ...` of the same nodes (each the first time a batch brings it), sightings
and relationships, 5,000 rows a statement. Alternating the two keeps a machine shared with other
work fair to both. Printed: both times, their ratio, and the write cost per document in each tenth
of the load (flat: a write costs the same however large the store has grown).
"""
from __future__ import annotations

import argparse
import os
import pickle
import shutil
import statistics
import sys
import time
import zlib
from pathlib import Path
from typing import Any, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate  # noqa: E402

from graph.model import Label, PartnershipGraph  # noqa: E402
from graph.store.embedded import EmbeddedStore  # noqa: E402
from graph.store.statements import SIGHTED, SIGHTING, batched, node_row, sighting_key  # noqa: E402

BATCH = 5000


def capture(archive: Path, store_dir: Path, out: Path) -> int:
    """Load the archive into a fresh store, keeping every `store.write` call's graph and documents in `out`."""
    from app.pipeline import load_into

    shutil.rmtree(store_dir, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    calls = 0
    with EmbeddedStore(store_dir) as store:
        original = store.write

        def keep(graph: PartnershipGraph, documents: Any = (), **options: Any) -> Any:
            # The options (the kept extractions, exact shared nodes) are kept too: the write phase replayed is
            # the load's own, kept extractions and all, while the plain writes carry the graph alone.
            nonlocal calls
            documents = list(documents)
            (out / f"{calls:06d}.pickle.z").write_bytes(zlib.compress(pickle.dumps((graph, documents, options))))
            calls += 1
            return original(graph, documents=documents, **options)

        store.write = keep       # type: ignore[method-assign]
        report = load_into(store, [archive])
    if report.failed:
        raise SystemExit(f"{len(report.failed)} documents failed, e.g. {report.failed[0]}")
    (out / "done").write_text(str(calls))
    shutil.rmtree(store_dir, ignore_errors=True)
    return calls


def captured(folder: Path) -> Iterator[tuple[PartnershipGraph, list[str], dict[str, Any]]]:
    for path in sorted(folder.glob("*.pickle.z")):
        yield pickle.loads(zlib.decompress(path.read_bytes()))


class Plain:
    """Plain `UNWIND ... CREATE` into a store: each node the first time it comes, every relationship."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store
        self.labels: dict[str, Label] = {}
        self.sightings: set[str] = set()
        self.nodes = self.rels = 0

    def write(self, graph: PartnershipGraph) -> None:
        by_label: dict[Label, list[dict[str, Any]]] = {}
        sightings = []
        for node_id in sorted(graph.nodes):
            node = graph.nodes[node_id]
            row = node_row(node)
            props = {"id": row["id"], **row["props"]}
            documents = row.get("documents", [])
            if node.label in SIGHTED:
                for document in documents:
                    key = sighting_key(node_id, document)
                    if key not in self.sightings:
                        self.sightings.add(key)
                        sightings.append({"key": key, "node": node_id, "document": document})
            else:
                props["documents"] = documents
            if node_id not in self.labels:
                self.labels[node_id] = node.label
                by_label.setdefault(node.label, []).append(props)
        for label, rows in by_label.items():
            for part in batched(rows, BATCH):
                self.store.run(f"UNWIND $rows AS row CREATE (n:{label.value}) SET n = row", {"rows": part})
                self.nodes += len(part)
        for part in batched(sightings, BATCH):
            self.store.run(f"UNWIND $rows AS row CREATE (s:{SIGHTING}) SET s = row", {"rows": part})
        groups: dict[tuple[str, Label, Label], list[dict[str, Any]]] = {}
        for rel in graph.relationships.values():
            source, target = self.labels.get(rel.source), self.labels.get(rel.target)
            if source is None or target is None:
                continue
            groups.setdefault((rel.type.value, source, target), []).append(
                {"s": rel.source, "t": rel.target, "p": rel.properties()})
        for (kind, s, t), rows in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1].value, g[0][2].value)):
            for part in batched(rows, BATCH):
                self.store.run(f"UNWIND $rows AS row MATCH (a:{s.value} {{id: row.s}}) "
                               f"MATCH (b:{t.value} {{id: row.t}}) CREATE (a)-[r:{kind}]->(b) SET r = row.p",
                               {"rows": part})
                self.rels += len(part)


def tenths(calls: list[tuple[int, float]]) -> list[float]:
    """Milliseconds per document written in each tenth of the documents, in load order."""
    total = sum(n for n, _ in calls)
    buckets = [[0, 0.0] for _ in range(10)]
    done = 0
    for n, seconds in calls:
        bucket = buckets[min(9, done * 10 // max(1, total))]
        bucket[0] += n
        bucket[1] += seconds
        done += n
    return [1000 * s / n if n else float("nan") for n, s in buckets]


def run(meetings: int, work: Path, seed: int) -> None:
    archive = work / f"archive-{meetings}"
    if len(list(archive.glob("*.txt"))) != meetings:
        generate(meetings, archive, seed=seed)
    batches = work / f"writes-{meetings}"
    if not (batches / "done").exists():
        start = time.perf_counter()
        n = capture(archive, work / f"capture-store-{meetings}", batches)
        print(f"[{meetings}] loaded and kept {n} writes in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    real_dir, plain_dir = work / f"store-{meetings}", work / f"plain-{meetings}"
    for folder in (real_dir, plain_dir):
        shutil.rmtree(folder, ignore_errors=True)
    calls: list[tuple[int, float]] = []
    plain_calls: list[float] = []
    with EmbeddedStore(real_dir) as real, EmbeddedStore(plain_dir) as plain_store:
        plain = Plain(plain_store)
        for graph, documents, options in captured(batches):
            start = time.perf_counter()
            real.write(graph, documents=documents, **options)
            calls.append((len(documents), time.perf_counter() - start))
            start = time.perf_counter()
            plain.write(graph)
            plain_calls.append(time.perf_counter() - start)
        counts, plain_counts = real.counts(), plain_store.counts()
        sightings = [s.run(f"MATCH (s:{SIGHTING}) RETURN count(s) AS n", read_only=True)[0]["n"]
                     for s in (real, plain_store)]
    # The same graph, written both ways.
    assert plain_counts == counts and sightings[0] == sightings[1], (plain_counts, counts, sightings)
    writer_s, plain_s = sum(s for _, s in calls), sum(plain_calls)
    labels = {label.value for label in Label}
    nodes = sum(n for k, n in counts.items() if k in labels)
    rels = sum(n for k, n in counts.items() if k not in labels)
    per_doc = tenths(calls)
    plain_per_doc = tenths([(n, seconds) for (n, _), seconds in zip(calls, plain_calls)])
    print(f"{meetings:,} meetings: {nodes:,} nodes (+ {sightings[0]:,} sightings), {rels:,} relationships, "
          f"{len(calls)} writes")
    print(f"  write phase (store.write): {writer_s:.1f} s")
    print(f"  plain UNWIND ... CREATE of the same nodes and relationships: {plain_s:.1f} s")
    print(f"  ratio: {writer_s / plain_s:.2f}x")
    print("  ms per document written, each tenth of the load: " + " ".join(f"{x:.1f}" for x in per_doc))
    print("  plain, the same tenths:                         " + " ".join(f"{x:.1f}" for x in plain_per_doc))
    print("  ratio in each tenth (the machine's load the same for both): "
          + " ".join(f"{a / b:.2f}" for a, b in zip(per_doc, plain_per_doc)))
    print(f"  last tenth / first tenth: {per_doc[-1] / per_doc[0]:.2f} (plain {plain_per_doc[-1] / plain_per_doc[0]:.2f}); "
          f"median write {statistics.median(s for _, s in calls) * 1000:.0f} ms "
          f"(plain {statistics.median(plain_calls) * 1000:.0f} ms)")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000", help="meetings per archive, comma-separated (default 1000)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/pgraph-bench-write"))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"# {time.strftime('%Y-%m-%d %H:%M')} load average {os.getloadavg()[0]:.1f}", flush=True)
    for n in (int(x) for x in args.sizes.split(",")):
        run(n, args.work, args.seed)


if __name__ == "__main__":
    main()
