"""Removing documents from a store: each one's facts go, as if it had never been loaded, and the
summaries are refreshed."""
from __future__ import annotations

import difflib
from pathlib import Path
from typing import Iterable

from graph.errors import NotFound
from graph.model import PartnershipGraph
from graph.store import extractions
from graph.store.base import Store

# After its facts are removed (the replacement a changed document gets, with nothing new written), the
# Document node itself, which that removal keeps so the document can be written again.
DOCUMENT_NAMES = "MATCH (d:Document) RETURN d.name AS name"
DELETE_DOCUMENT_NODE = "MATCH (d:Document) WHERE d.name IN $documents DETACH DELETE d"


def forget(store: Store, documents: Iterable[str]) -> list[str]:
    """Remove each document's facts (what only it states; what others state too stays); the names removed.

    A document is named by its file name, or a path ending in it. Unknown names are an error naming
    the closest stored ones, and nothing is removed.
    """
    stored = [r["name"] for r in store.run(DOCUMENT_NAMES, read_only=True)]
    names = [Path(d).name for d in documents]
    unknown = [n for n in names if n not in stored]
    if unknown:
        close = difflib.get_close_matches(unknown[0], list(stored), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise NotFound(f"no document called {unknown[0]!r} in the store{hint}")
    for name in dict.fromkeys(names):
        store.write(PartnershipGraph(), documents=[name])       # its old facts removed, nothing new written
        store.run(DELETE_DOCUMENT_NODE, {"documents": [name]})
        # Its kept extraction too; the next load resolves the others again without it (pending).
        extractions.forget(store, [name])
    store.refresh_summaries()
    return list(dict.fromkeys(names))
