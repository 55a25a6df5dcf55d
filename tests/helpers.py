"""Finding things in a PartnershipGraph for assertions: nodes by label and name, relationships by type.

Every finder that expects exactly one answer fails with a message that lists what the graph
does hold, so a failing extraction test says what the extractor found instead.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import pytest

from graph.model import Label, Meeting, Node, PartnershipGraph, Rel, Relationship
from loaders.document import Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "examples" / "minutes"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


# ----------------------------------------------------------------------------- the samples and their gold
def sample_path(prefix: str) -> Path:
    """The sample minutes whose file name starts with prefix ('001' -> examples/minutes/001_....txt)."""
    found = sorted(p for p in SAMPLES.iterdir() if p.name.startswith(prefix) and not p.name.endswith(".meta.yaml"))
    assert len(found) == 1, f"expected one sample starting {prefix!r}, found {[p.name for p in found]}"
    return found[0]


def sample_name(prefix: str) -> str:
    return sample_path(prefix).name


# ----------------------------------------------------------------------------- text
def fold(text: str) -> str:
    """Case, accents, curly quotes and spacing folded, for comparing names as a reader would."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'")
    return re.sub(r"\s+", " ", text).strip().casefold()


def squash(text: str) -> str:
    """Whitespace collapsed, so evidence can be compared with the document it quotes."""
    return " ".join((text or "").split())


def make_doc(text: str, name: str = "t.txt", **metadata: str) -> Document:
    return Document(name=name, text=text, sha256="x", metadata=dict(metadata))


def extract_text(text: str, name: str = "t.txt", **metadata: str) -> PartnershipGraph:
    from loaders.extract import extract

    return extract(make_doc(text, name, **metadata))


# ----------------------------------------------------------------------------- nodes
def _label(label: Label | str) -> Label:
    return label if isinstance(label, Label) else Label(label)


def nodes(graph: PartnershipGraph, label: Label | str, name: str | None = None,
          document: str | None = None) -> list[Node]:
    """Nodes of a label; with name, those whose name or one of whose aliases is that name (folded)."""
    out = []
    for node in graph.of_label(_label(label)):
        if document is not None and document not in node.documents:
            continue
        if name is not None and fold(name) not in names_of(node):
            continue
        out.append(node)
    return sorted(out, key=lambda n: n.id)


def names_of(node: Node) -> set[str]:
    return {fold(node.name), *(fold(a) for a in getattr(node, "aliases", []) or [])}


def node(graph: PartnershipGraph, label: Label | str, name: str, document: str | None = None) -> Node:
    """The one node of that label named (or aliased) so; fails listing the candidates otherwise."""
    found = nodes(graph, label, name, document)
    if len(found) != 1:
        held = sorted(n.name for n in nodes(graph, label, document=document))
        raise AssertionError(f"expected one {_label(label).value} named {name!r}, found "
                             f"{[n.id for n in found]}; the graph holds: {held}")
    return found[0]


def person(graph: PartnershipGraph, name: str, document: str | None = None) -> Node:
    return node(graph, Label.PERSON, name, document)


def organisation(graph: PartnershipGraph, name: str, document: str | None = None) -> Node:
    return node(graph, Label.ORGANISATION, name, document)


def people_named(graph: PartnershipGraph, pattern: str) -> list[Node]:
    """Person nodes any of whose names matches a regular expression (folded, searched)."""
    rx = re.compile(pattern, re.I)
    return [n for n in nodes(graph, Label.PERSON) if any(rx.search(x) for x in names_of(n))]


# ----------------------------------------------------------------------------- relationships
def rels(graph: PartnershipGraph, type: Rel | str, source: str | None = None, target: str | None = None,
         document: str | None = None) -> list[Relationship]:
    """Relationships of a type, optionally from or to a node id, or stated by one document."""
    type = type if isinstance(type, Rel) else Rel(type)
    return [r for r in graph.rels_of(type)
            if (source is None or r.source == source) and (target is None or r.target == target)
            and (document is None or r.document == document)]


def targets(graph: PartnershipGraph, type: Rel | str, source: str) -> list[Node]:
    return [graph.nodes[r.target] for r in rels(graph, type, source=source)]


def sources(graph: PartnershipGraph, type: Rel | str, target: str) -> list[Node]:
    return [graph.nodes[r.source] for r in rels(graph, type, target=target)]


def names(found: Iterable[Node]) -> set[str]:
    return {n.name for n in found}


# ----------------------------------------------------------------------------- meetings and their parts
def meeting(graph: PartnershipGraph, document: str) -> Meeting:
    found = [n for n in graph.of_label(Label.MEETING) if getattr(n, "document", None) == document]
    assert len(found) == 1, f"expected one Meeting recorded in {document}, found {[n.id for n in found]}"
    return found[0]  # type: ignore[return-value]


def items(graph: PartnershipGraph, meeting_node: Node) -> list[Node]:
    """The meeting's agenda items in agenda order (HAS_ITEM order)."""
    found = [(r.props.get("order", 0), graph.nodes[r.target]) for r in rels(graph, Rel.HAS_ITEM, source=meeting_node.id)]
    return [n for _, n in sorted(found, key=lambda x: x[0])]


def item(graph: PartnershipGraph, meeting_node: Node, number: str | None = None, title: str | None = None) -> Node:
    """An agenda item by printed number, or by (folded) title."""
    all_items = items(graph, meeting_node)
    if number is not None:
        found = [i for i in all_items if i.number == number]
    else:
        found = [i for i in all_items if fold(i.title) == fold(title or "")]
    if len(found) != 1:
        raise AssertionError(f"expected one item {number or title!r}, items are "
                             f"{[(i.number, i.title) for i in all_items]}")
    return found[0]


def attendees(graph: PartnershipGraph, meeting_node: Node) -> list[Node]:
    return sources(graph, Rel.ATTENDED, meeting_node.id)


def apologies(graph: PartnershipGraph, meeting_node: Node, label: Label | None = None) -> list[Node]:
    found = sources(graph, Rel.SENT_APOLOGIES, meeting_node.id)
    return [n for n in found if label is None or n.label == label]


def presenters(graph: PartnershipGraph, item_node: Node) -> list[Node]:
    return sources(graph, Rel.PRESENTED, item_node.id)


def actions_of(graph: PartnershipGraph, meeting_node: Node) -> list[Node]:
    """The meeting's actions in the order they were recorded."""
    found = [n for n in graph.of_label(Label.ACTION) if getattr(n, "meeting", None) == meeting_node.id]
    return sorted(found, key=lambda n: int(n.id.rsplit(":", 1)[1]))


def decisions_of(graph: PartnershipGraph, meeting_node: Node) -> list[Node]:
    found = [n for n in graph.of_label(Label.DECISION) if getattr(n, "meeting", None) == meeting_node.id]
    return sorted(found, key=lambda n: int(n.id.rsplit(":", 1)[1]))


def owners(graph: PartnershipGraph, action_node: Node) -> list[Node]:
    return targets(graph, Rel.ASSIGNED_TO, action_node.id)


def arises_from(graph: PartnershipGraph, node_: Node) -> Node:
    found = targets(graph, Rel.ARISES_FROM, node_.id)
    assert len(found) == 1, f"{node_.id} arises from {[n.id for n in found]}"
    return found[0]


def actions_owned_by(graph: PartnershipGraph, meeting_node: Node, owner_id: str) -> list[Node]:
    return [a for a in actions_of(graph, meeting_node) if owner_id in {o.id for o in owners(graph, a)}]


def action_with_evidence(graph: PartnershipGraph, meeting_node: Node, fragment: str) -> Node:
    """The one action of the meeting whose ARISES_FROM evidence (its marker line) contains fragment."""
    found = [a for a in actions_of(graph, meeting_node)
             if any(fragment in (r.evidence or "") for r in rels(graph, Rel.ARISES_FROM, source=a.id))]
    if len(found) != 1:
        held = [(a.id, [r.evidence for r in rels(graph, Rel.ARISES_FROM, source=a.id)]) for a in actions_of(graph, meeting_node)]
        raise AssertionError(f"expected one action marked {fragment!r}, found {[a.id for a in found]}; actions: {held}")
    return found[0]


def body_organisation(graph: PartnershipGraph, meeting_node: Node) -> Node | None:
    found = targets(graph, Rel.MEETING_OF, meeting_node.id)
    return found[0] if found else None


EVERYONE = {"all", "all members", "all partners", "board members", "all board members", "everyone"}


def is_everyone(graph: PartnershipGraph, meeting_node: Node, owner: Node) -> bool:
    """An owner that stands for every member: 'All', or the body that met (as the evaluation reads it)."""
    if owner.label == Label.PERSON:
        return False
    body = body_organisation(graph, meeting_node)
    return fold(owner.name) in EVERYONE or (body is not None and owner.id == body.id)


# ----------------------------------------------------------------------------- comparing with a reader's list
def compare_people(found: Iterable[Node], expected: Sequence[str] | Mapping[str, Sequence[str]]) -> tuple[list[str], list[str]]:
    """(expected people not found, found people not expected), matching by name or alias.

    expected is a list of names, or a mapping of name -> other forms a reader accepts as the
    same person (the gold aliases: 'Kiran Vagarwal' is also printed 'Kiran Vargwarl').
    """
    wanted = {n: {fold(n), *(fold(a) for a in (expected[n] if isinstance(expected, Mapping) else []))}
              for n in expected}
    found = list({n.id: n for n in found}.values())
    missing = [n for n, forms in wanted.items() if not any(names_of(f) & forms for f in found)]
    unexpected = [f.name for f in found if not any(names_of(f) & forms for forms in wanted.values())]
    return missing, sorted(unexpected)


def assert_same_people(found: Iterable[Node], expected: Sequence[str] | Mapping[str, Sequence[str]]) -> None:
    missing, unexpected = compare_people(found, expected)
    assert not missing and not unexpected, f"missing {missing}; not expected {unexpected}"


# The browser the page tests drive (Debian's chromium); the tests skip, saying why, without it.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium")
