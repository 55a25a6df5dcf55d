"""The reader on 60 pages from 44 councils it was not built from, against gold annotated by hand.

The gold in tests/fixtures/wide/gold was written by reading the pages alone (per
/work/shared/gold/FORMAT.md), never from the reader's output, so these figures are an independent
check. The floors sit a little under what the reader reaches today: a change that loses people or
attendance on councils it has never seen fails here, whatever it does for the samples.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from graph.model import Label, Rel
from loaders.extract import extract
from loaders.formats import load

WIDE = Path(__file__).parent / "fixtures" / "wide"
TITLES = {"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "inspector", "ci", "supt", "superintendent",
          "chief", "insp", "the", "acting", "prof", "professor", "sir", "dame", "rev", "county", "cty"}


def key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'").casefold()
    words = re.sub(r"[^\w' ]+", " ", text).replace("'", "").split()
    return " ".join(w for w in words if w not in TITLES)


def same(a: str, b: str) -> bool:
    """The evaluation's rule: names agree, or one side is a surname alone and the surnames agree."""
    a, b = key(a), key(b)
    return a == b or ((" " not in a or " " not in b) and a and b and a.split()[-1] == b.split()[-1])


def matched(gold: list[str], found: list[str]) -> int:
    free, hits = list(found), 0
    for name in gold:
        hit = next((f for f in free if same(name, f)), None)
        if hit is not None:
            free.remove(hit)
            hits += 1
    return hits


@pytest.fixture(scope="module")
def tallies() -> dict[str, list[int]]:
    out = {"people": [0, 0, 0], "attended": [0, 0, 0], "apologies": [0, 0, 0]}    # hits, gold, found
    for gold_file in sorted((WIDE / "gold").glob("2*.yaml")):
        gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        g = extract(load(WIDE / "pages" / gold["document"]))
        people = list(g.of_label(Label.PERSON))

        def related(rel: Rel) -> list[str]:
            return [g.nodes[r.source].name for r in g.rels_of(rel) if g.nodes[r.source].label == Label.PERSON]

        for what, gold_names, found in [
            ("people", [p["name"] for p in gold.get("people") or []], [n.name for n in people]),
            ("attended", gold.get("attended") or [], related(Rel.ATTENDED)),
            ("apologies", gold.get("apologies") or [], related(Rel.SENT_APOLOGIES)),
        ]:
            out[what][0] += matched(gold_names, found)
            out[what][1] += len(gold_names)
            out[what][2] += len(found)
    return out


def test_the_fixtures_are_the_annotated_pages():
    golds = sorted(p.stem for p in (WIDE / "gold").glob("2*.yaml"))
    assert len(golds) == 60
    assert golds == sorted(p.stem for p in (WIDE / "pages").glob("*.txt"))


@pytest.mark.parametrize("what, recall_floor, precision_floor", [
    ("people", 0.85, 0.85),
    ("attended", 0.80, 0.85),
    ("apologies", 0.75, 0.75),
])
def test_recall_and_precision_on_councils_never_seen(tallies, what, recall_floor, precision_floor):
    hits, gold, found = tallies[what]
    recall, precision = hits / gold, hits / found
    print(f"{what}: recall {recall:.3f} ({hits}/{gold}), precision {precision:.3f} ({hits}/{found})")
    assert recall >= recall_floor, f"{what} recall {recall:.3f} fell below {recall_floor}"
    assert precision >= precision_floor, f"{what} precision {precision:.3f} fell below {precision_floor}"
