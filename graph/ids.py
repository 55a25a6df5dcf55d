"""Deterministic node ids, built in one place from kind plus normalised name."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from graph.model import Label

_PREFIX = {
    Label.PERSON: "person", Label.ORGANISATION: "org", Label.ROLE: "role", Label.MEETING: "meeting",
    Label.AGENDA_ITEM: "item", Label.ACTION: "action", Label.DECISION: "decision",
    Label.STRATEGY: "strategy", Label.DOCUMENT: "doc",
}


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """ASCII, lower case, hyphen-separated: 'Tina McElligott' -> 'tina-mcelligott'.

    Memoised: extraction and resolution ask for the same few thousand names' ids again and again."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ").replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "unnamed"


def node_id(label: Label, *parts: str | int | None) -> str:
    return f"{_PREFIX[label]}:" + ":".join(slug(str(p)) for p in parts if p not in (None, ""))


def person_id(name: str) -> str:
    return node_id(Label.PERSON, name)


def organisation_id(name: str) -> str:
    return node_id(Label.ORGANISATION, name)


def role_id(title: str, organisation_id_: str | None) -> str:
    org = organisation_id_.split(":", 1)[1] if organisation_id_ else None
    return node_id(Label.ROLE, title, org)


def strategy_id(name: str) -> str:
    return node_id(Label.STRATEGY, name)


def document_id(file_name: str) -> str:
    return node_id(Label.DOCUMENT, file_name)


def meeting_id(document_name: str) -> str:
    """One meeting per minutes document; the document name keeps ids stable across re-extraction."""
    stem = document_name.rsplit(".", 1)[0]
    return node_id(Label.MEETING, stem)


def child_id(label: Label, meeting: str, index: int) -> str:
    """Items, actions and decisions are numbered within their meeting."""
    return f"{_PREFIX[label]}:{meeting.split(':', 1)[1]}:{index}"
