"""Ad-hoc Cypher guard: refuse what would reach outside the graph before the server sees it.

A read-only transaction stops writes, not reads of the world: `LOAD CSV FROM 'https://...'` makes
the server open a connection (or read a local file), and procedures such as Neo4j's `apoc.load.*`
or `dbms.*` do the same or more. Ad-hoc statements (`pgraph cypher`) may call only the procedures
below, which read the graph itself; `LOAD CSV` is refused outright.
"""
from __future__ import annotations

import re

from graph.errors import QueryError

# Procedures that only read the graph (FalkorDB's and Neo4j's catalogue, full-text and path
# algorithms), by lower-cased name; a name ending in '.' allows the whole namespace.
ALLOWED_PROCEDURES = (
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.indexes", "db.constraints",
    "db.idx.fulltext.querynodes", "db.idx.fulltext.queryrelationships",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
    "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    "algo.",
)

# Strings and comments are blanked first, so a name quoted in a string ('LOAD CSV') is not refused
# and a comment cannot hide a call: `CALL/**/apoc.load.json(...)` still reads as a call.
_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*|/\*.*?(?:\*/|$)", re.DOTALL)
_BACKTICKED = re.compile(r"`((?:[^`]|``)*)`")
_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
_CALL = re.compile(r"\bCALL\s*(?!\s*\{)((?:[^\W\d]\w*|`(?:[^`]|``)*`)(?:\s*\.\s*(?:[^\W\d]\w*|`(?:[^`]|``)*`))*)",
                   re.IGNORECASE)


class RefusedQuery(QueryError):
    hint = ("`pgraph cypher` reads the graph only: LOAD CSV and procedures that reach files or the network "
            "are refused. Load minutes with `pgraph load`.")


def _blank(match: re.Match[str]) -> str:
    text = match.group()
    if text.startswith(("'", '"')):
        return "''"
    return " "


def _procedure_name(raw: str) -> str:
    parts = [p.strip() for p in raw.split(".")]
    return ".".join(_BACKTICKED.sub(lambda m: m.group(1).replace("``", "`"), p) for p in parts).lower()


def check_ad_hoc(statement: str) -> None:
    """Raise RefusedQuery (one line) when an ad-hoc statement could reach outside the graph."""
    code = _LITERALS.sub(_blank, statement)
    if _LOAD_CSV.search(code):
        raise RefusedQuery("refused: LOAD CSV reads files or the network, not the graph")
    for match in _CALL.finditer(code):
        name = _procedure_name(match.group(1))
        if not any(name == allowed or (allowed.endswith(".") and name.startswith(allowed))
                   for allowed in ALLOWED_PROCEDURES):
            raise RefusedQuery(f"refused: procedure {name} is not one that only reads the graph")
