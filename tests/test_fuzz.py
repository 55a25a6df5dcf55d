"""Whatever text it is given, extraction finishes or raises one of the project's own errors.

Random text, and the sample minutes mutated as real exports get mangled: lines deleted,
duplicated, shuffled, run together, and stray unicode inserted.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.errors import PartnershipGraphError
from graph.model import Label, Rel
from helpers import SAMPLES, make_doc
from loaders.extract import extract
from loaders.formats import load
from loaders.structure import parse_layout

SAMPLE_LINES = {p.name: load(p).text.split("\n") for p in sorted(SAMPLES.glob("*.txt"))}

FAST = settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that trouble parsers of minutes: dashes, quotes, bullets, zero-width and line-like
# separators, combining marks, right-to-left text, astral symbols, controls.
AWKWARD = st.sampled_from(list("–—‘’“”•·|*#:;()[]/\\\t\r\x0b\x0c\x00\u200b\u200e\u2028\u2029\ufeff\u0301é𝔘🚓ﬁ"
                               "ا١") + ["ACTION:", "Action -", "Apologies", "RESOLVED", "Minutes:", "No. Item",
                                       "Present:", "Cllr", "Inspector", "Date of next meeting",
                                       "held on 31 February 2021", "who was substituted by", "(", "**"])


def extract_safely(text: str):
    """Extract, letting through only the project's own errors; any result must be a sound graph."""
    try:
        graph = extract(make_doc(text, name="fuzz.txt"))
    except PartnershipGraphError:
        return None
    meetings = list(graph.of_label(Label.MEETING))
    assert len(meetings) == 1
    for rel in graph.relationships.values():
        assert rel.source in graph.nodes and rel.target in graph.nodes, (rel.type, rel.source, rel.target)
        assert rel.document == "fuzz.txt"
        # (that every relationship has evidence is asserted in test_patterns.py; fuzzing found an item whose
        # title cleans to nothing, e.g. a ModernGov title line that is only 'pdf icon PDF 77 KB', whose
        # HAS_ITEM has none: see TestProvenance.test_an_item_with_only_noise_for_a_title_still_has_evidence)
    orders = sorted(r.props["order"] for r in graph.rels_of(Rel.HAS_ITEM))
    assert orders == list(range(1, len(orders) + 1))
    assert len(orders) == len(list(graph.of_label(Label.AGENDA_ITEM)))
    for warning in graph.warnings:
        assert warning.document == "fuzz.txt"
    return graph


@FAST
@given(st.text(max_size=3000))
def test_random_text(text):
    extract_safely(text)


@FAST
@given(st.lists(st.one_of(st.text(max_size=80), AWKWARD, st.sampled_from(SAMPLE_LINES["001_e11e6126daf074eb.txt"])),
                max_size=60))
def test_random_lines_with_minutes_vocabulary(lines):
    extract_safely("\n".join(lines))


@st.composite
def mutated_minutes(draw):
    name = draw(st.sampled_from(sorted(SAMPLE_LINES)))
    lines = list(SAMPLE_LINES[name])
    for _ in range(draw(st.integers(1, 12))):
        op = draw(st.sampled_from(["delete", "duplicate", "shuffle", "insert", "join", "split", "truncate"]))
        if not lines:
            lines = [""]
        k = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[k]
        elif op == "duplicate":
            lines.insert(k, lines[k])
        elif op == "shuffle":
            window = draw(st.integers(2, 40))
            part = lines[k:k + window]
            lines[k:k + window] = draw(st.permutations(part))
        elif op == "insert":
            at = draw(st.integers(0, len(lines[k])))
            junk = draw(st.one_of(st.text(min_size=1, max_size=20), AWKWARD))
            lines[k] = lines[k][:at] + junk + lines[k][at:]
        elif op == "join" and k + 1 < len(lines):
            lines[k:k + 2] = [lines[k] + draw(st.sampled_from([" ", "\t", " | ", ""])) + lines[k + 1]]
        elif op == "split":
            at = draw(st.integers(0, len(lines[k])))
            lines[k:k + 1] = [lines[k][:at], lines[k][at:]]
        elif op == "truncate":
            lines = lines[:k + 1]
    return "\n".join(lines)


@FAST
@given(mutated_minutes())
def test_mutated_sample_minutes(text):
    extract_safely(text)


@FAST
@given(st.text(max_size=2000))
def test_layout_never_fails(text):
    layout = parse_layout(text)
    assert all(item.title is not None for item in layout.items)


@pytest.mark.parametrize("name", sorted(SAMPLE_LINES))
def test_unmutated_samples_pass_the_same_checks(name):
    graph = extract_safely("\n".join(SAMPLE_LINES[name]))
    assert graph is not None and len(graph.relationships) > 20
