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
