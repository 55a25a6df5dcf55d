"""Load order never changes a stored fact: an archive loaded in three orders, in pieces, or loaded and then
its changed files, exports the same.

The archive is the sample minutes plus three short minutes that spell one strategy three ways
('Anti-social Behaviour Strategy', 'Anti Social ...', 'Anti-Social ...'): which spelling the node
keeps once depended on which document was written first or last. Lists (a node's documents and
aliases) are compared as sets: their order is the order they were written in.
"""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

import app.pipeline as pipeline
from app.pipeline import load_into
from helpers import SAMPLES

SPELLINGS = ["Anti-social Behaviour Strategy", "Anti-Social Behaviour Strategy", "Anti Social Behaviour Strategy"]


def _strategy_minutes(k: int, spelling: str) -> str:
    return (f"Community Safety Partnership\nMinutes of the meeting held on {k + 3} May 2022\n\nPresent:\n"
            f"Ann Smith{k}, Chair\nRaj Patel{k}, Community Safety Manager\n\n1. {spelling}\n\n"
            f"Raj Patel{k} presented the {spelling}. The Board approved the {spelling}.\n")


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("archive")
    for path in SAMPLES.iterdir():
        shutil.copy(path, folder / path.name)          # with their .meta.yaml sidecars
    for k, spelling in enumerate(SPELLINGS):
        (folder / f"9{k}_strategy.txt").write_text(_strategy_minutes(k, spelling), encoding="utf-8")
    files, _ = pipeline.discover([folder])
    return files


def exported(store) -> dict:
    """The node-link export, with list properties as sorted lists and nodes and edges in a fixed order."""
    data = store.read_graph().to_node_link()

    def plain(item: dict) -> dict:
        return {k: sorted(v) if isinstance(v, list) else v for k, v in item.items()}

    return {"nodes": sorted((plain(n) for n in data["nodes"]), key=lambda n: n["id"]),
            "edges": sorted((plain(e) for e in data["edges"]), key=lambda e: (e["source"], e["target"], e["key"]))}


def _load(open_test_store, folder: Path, pieces: list[list[Path]]) -> dict:
    with open_test_store(folder) as store:
        for piece in pieces:
            report = load_into(store, piece, workers=1)
            assert not report.failed, report.failed
        return exported(store)


def test_three_orders_and_pieces_store_the_same_facts(open_test_store, archive, tmp_path, monkeypatch):
    # Small write batches, so the spellings meet both inside one batch and across batches.
    monkeypatch.setattr(pipeline, "WRITE_BATCH_DOCUMENTS", 2)
    strategy_files = [p for p in archive if p.name.startswith("9")]
    others = [p for p in archive if p not in strategy_files]
    loads = {"sorted": [archive], "reversed": [archive[::-1]],
             "shuffled": [random.Random(14).sample(archive, len(archive))],
             # In pieces: the minutes that spell the strategy each in a load of its own, after the rest.
             "in-pieces": [others] + [[p] for p in strategy_files[::-1]]}
    exports = {name: _load(open_test_store, tmp_path / name, pieces) for name, pieces in loads.items()}
    reference = exports.pop("sorted")
    strategy = [n for n in reference["nodes"] if n["id"] == "strategy:anti-social-behaviour-strategy"]
    assert [n["name"] for n in strategy] == ["Anti Social Behaviour Strategy"]      # the first in code point order
    assert strategy[0]["aliases"] == ["Anti-Social Behaviour Strategy", "Anti-social Behaviour Strategy"]
    for name, export in exports.items():
        assert export == reference, f"loaded {name}, the store holds other facts"


def test_any_pieces_store_the_same_facts_as_the_whole(open_test_store, archive, tmp_path):
    reference = _load(open_test_store, tmp_path / "whole", [archive])
    for name, pieces in {"one at a time": [[p] for p in archive],
                         "in two pieces": [archive[:len(archive) // 2], archive[len(archive) // 2:]]}.items():
        assert _load(open_test_store, tmp_path / name.replace(" ", "-"), pieces) == reference, name


def test_an_archive_then_its_changed_files_equals_the_changed_archive(open_test_store, archive, tmp_path):
    """The first versions of two files, then the whole archive (those two changed), versus the archive alone."""
    old = tmp_path / "old"
    old.mkdir()
    changed = [p for p in archive if p.name.startswith("9")][1:]
    for path in changed:
        # The earlier version: the same minutes with another item added.
        (old / path.name).write_text(path.read_text(encoding="utf-8") + "\n2. Any other business\n\nNone.\n",
                                     encoding="utf-8")
    others = [p for p in archive if p not in changed]
    before = _load(open_test_store, tmp_path / "at-once", [archive])
    after = _load(open_test_store, tmp_path / "changed", [[old / p.name for p in changed] + others, archive])
    assert after == before
