"""Deterministic node ids, built in one place from kind plus normalised name."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from graph.model import Label

_PREFIX = {
    Label.PERSON: "person", Label.ORGANISATION: "org", Label.ROLE: "role", Label.MEETING: "meeting",
    Label.AGENDA_ITEM: "item", Label.ACTION: "action", Label.DECISION: "decision",
    Label.STRATEGY: "strategy", Label.DOCUMENT: "doc",
}


# Letters that have no ASCII decomposition, written as their readers would in Latin script. Latin
# letters stand in for the letter as an accent's removal does; Greek and Cyrillic names are written in
# Latin letters too, with a short hash beside them (see slug), as the transliteration can join two names.
_LATIN = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
          "ħ": "h", "ŧ": "t", "ŋ": "ng", "ĸ": "k", "ſ": "s"}
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω",
                  ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s",
                   "t", "y", "f", "ch", "ps", "o"]))
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
                     ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
                      "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye",
                      "g", "u"]))
_TRANSLITERATE = str.maketrans({**_LATIN, **_GREEK, **_CYRILLIC})
_LATIN_ONLY = str.maketrans(_LATIN)


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """ASCII, lower case, hyphen-separated: 'Tina McElligott' -> 'tina-mcelligott'.

    A name in another script keeps its own id: Greek and Cyrillic are transliterated, and any name with
    letters or digits that ASCII cannot hold gets a short hash of the name beside its slug
    ('Γιώργος Παπαδόπουλος' -> 'giorgos-papadopoulos-…', '王伟' -> '…' alone), so two such names never
    become one node. Case, accents, spacing and punctuation still make no difference.

    Memoised: extraction and resolution ask for the same few thousand names' ids again and again."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ").replace("’", "").replace("'", "").casefold()
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", text.translate(_TRANSLITERATE)).strip("-")
    key = "-".join(re.findall(r"[^\W_]+", text))          # every letter and digit, in any script
    if re.fullmatch(r"[a-z0-9-]*", key.translate(_LATIN_ONLY)):
        return ascii_slug or "unnamed"
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{ascii_slug}-{digest}" if ascii_slug else digest


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
