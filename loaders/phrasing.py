"""Phrasings as data: loaders/data/phrasings.yaml read into pattern pieces the stages compile."""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.data_files import phrasings


@lru_cache(maxsize=None)
def alternation(key: str) -> str:
    """The phrasings under a key as one regex alternation, longest first, any run of spaces between words."""
    forms = sorted(phrasings()[key], key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in form.split()) for form in forms)


def words(key: str) -> tuple[str, ...]:
    """The phrasings under a key, lower-cased: the literal words a pattern cannot match without."""
    return tuple(form.casefold() for form in phrasings()[key])


@lru_cache(maxsize=None)
def attendance_code(text: str) -> str | None:
    """'attended', 'apologies' or 'absent' where a cell or line is only a status code ('P', 'Present, as
    expected', 'A', 'Apologies'), else None."""
    folded = " ".join(text.split()).strip(" |").casefold()
    for status, codes in phrasings()["attendance_codes"].items():
        if folded in {c.casefold() for c in codes}:
            return status
    return None


_PROSE = re.compile(rf"\b(?:{alternation('prose_verbs')})\b", re.I)
# 'A, who was substituted by B' is a list entry: its verb belongs to the substitution phrase.
_SUBSTITUTION_WORDS = re.compile(rf"\b(?:{alternation('substitution_after_absent')}|"
                                 rf"{alternation('substitution_before_absent')}|"
                                 rf"{alternation('substitution_after_substitute')})\b", re.I)


def reads_as_prose(text: str) -> bool:
    """Whether a line is a sentence rather than a list entry: it has one of the verbs minutes narrate with,
    outside a substitution phrase."""
    return bool(_PROSE.search(_SUBSTITUTION_WORDS.sub(" ", text)))
