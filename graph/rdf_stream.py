"""RDF export, streamed: Turtle, JSON-LD and N-Triples in bounded memory, isomorphic to graph/rdf.py's.

The export's triples (graph/rdf.py `_Export`, reading relationships a slice at a time from a
`StoredGraph`) are written by rdflib as N-Triples lines into an external sort: sorted runs of
bounded size on disk, merged, duplicates dropped. Lines are split on "\\n" only, never with
`str.splitlines`, which also splits on U+2028, U+2029, U+0085 and other characters a literal may
hold. From the sorted lines:

- N-Triples: the lines themselves (sorted, as graph/rdf.py writes them);
- Turtle: one block per subject (sorting puts a subject's lines together), with the export's
  prefixes where an IRI's local part is a plain name; N-Triples terms are Turtle terms;
- JSON-LD: each subject's lines made into its node as rdflib's JSON-LD converter makes it (without
  building an rdflib graph: that was 4x the rest of the export), each node one line, the lines
  sorted again on disk, as graph/rdf.py writes them.
"""
from __future__ import annotations

import heapq
import json
import os
import re
import tempfile
from functools import lru_cache
from itertools import groupby
from typing import Any, Iterable, Iterator, TextIO

from rdflib import Graph
from rdflib.plugins.serializers.nt import _nt_row

from graph.rdf import DEFAULT_BASE, FORMATS, PREFIXES, RdfExportError, _canonical, _Export, normalise_base

# Lines held before a sorted run goes to disk: about 50 MB of strings.
RUN_LINES = 250_000


class ExternalSort:
    """Sorted, de-duplicated lines (no "\\n" in any), in memory up to RUN_LINES, beyond that on disk."""

    def __init__(self, run_lines: int = RUN_LINES) -> None:
        self.run_lines = run_lines
        self.lines: list[str] = []
        self.runs: list[str] = []
        self.folder: tempfile.TemporaryDirectory[str] | None = None

    def add(self, line: str) -> None:
        self.lines.append(line)
        if len(self.lines) >= self.run_lines:
            self._spill()

    def _spill(self) -> None:
        if self.folder is None:
            self.folder = tempfile.TemporaryDirectory(prefix="pgraph-export-")
        path = os.path.join(self.folder.name, f"run{len(self.runs)}")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            for line in sorted(set(self.lines)):
                f.write(line)
                f.write("\n")
        self.runs.append(path)
        self.lines = []

    @staticmethod
    def _read(path: str) -> Iterator[str]:
        # newline="\n": a line ends at "\n" only (text mode would also end it at "\r").
        with open(path, encoding="utf-8", newline="\n") as f:
            for line in f:
                yield line[:-1]

    def __iter__(self) -> Iterator[str]:
        try:
            if not self.runs:
                yield from sorted(set(self.lines))
                return
            streams = [self._read(p) for p in self.runs] + [iter(sorted(set(self.lines)))]
            self.lines = []
            previous = None
            for line in heapq.merge(*streams):
                if line != previous:
                    yield line
                    previous = line
        finally:
            self.close()

    def close(self) -> None:
        self.lines = []
        if self.folder is not None:
            self.folder.cleanup()
            self.folder = None
        self.runs = []


def sorted_triples(graph: Any, base: str = DEFAULT_BASE, public_only: bool = False,
                   publisher: str | None = None, issued: str | None = None) -> ExternalSort:
    """The export's triples as sorted N-Triples lines (without their "\\n")."""
    lines = ExternalSort()
    add = lines.add

    def sink(triple: Any) -> None:
        add(_nt_row(triple)[:-1])      # rdflib's N-Triples row, its one "\n" taken off

    _Export(graph, normalise_base(base), public_only, publisher, issued, "SimpleMemory", sink=sink).build()
    return lines


def write_rdf(graph: Any, fmt: str, out: TextIO, base: str = DEFAULT_BASE, public_only: bool = False,
              publisher: str | None = None, issued: str | None = None) -> int:
    """Write the RDF export of `graph` (a StoredGraph or a PartnershipGraph) to `out`; triples written."""
    if fmt not in FORMATS:
        raise RdfExportError(f"unknown RDF format {fmt!r}; known: {', '.join(FORMATS)}")
    lines = sorted_triples(graph, base, public_only, publisher, issued)
    if fmt == "ntriples":
        n = 0
        for line in lines:
            out.write(line)
            out.write("\n")
            n += 1
        return n
    if fmt == "turtle":
        return write_turtle(lines, out)
    return write_jsonld(lines, out)


# -- Turtle ----------------------------------------------------------------------------------

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_NAMESPACES = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda p: -len(p[0]))
_TYPED = re.compile(r'(".*")\^\^<([^>]*)>\Z', re.DOTALL)
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


@lru_cache(maxsize=1 << 16)     # predicates, classes, people and organisations come back again and again
def _short(iri: str) -> str:
    """An IRI (without <>) as prefix:local where a bound namespace covers it with a plain local name."""
    for ns, prefix in _NAMESPACES:
        if iri.startswith(ns) and _LOCAL.match(iri, len(ns)):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


def _term(token: str) -> str:
    if token.startswith("<"):
        return _short(token[1:-1])
    typed = _TYPED.match(token)
    if typed:
        return f"{typed.group(1)}^^{_short(typed.group(2))}"
    return token


def _split(line: str) -> tuple[str, str, str]:
    # IRIs hold no space (rdflib refuses to write one that does); the object runs to " .".
    subject, predicate, obj = line.split(" ", 2)
    return subject, predicate, obj[:-2]


def write_turtle(lines: Iterable[str], out: TextIO) -> int:
    for prefix, ns in PREFIXES.items():
        out.write(f"@prefix {prefix}: <{ns}> .\n")
    n = 0
    for subject, group in groupby((_split(line) for line in lines), key=lambda t: t[0]):
        out.write(f"\n{_term(subject)}")
        first = True
        for predicate, objects in groupby(group, key=lambda t: t[1]):
            terms = [_term(o) for _, _, o in objects]
            n += len(terms)
            verb = "a" if predicate == RDF_TYPE else _term(predicate)
            out.write(("" if first else " ;\n   ") + f" {verb} " + ", ".join(terms))
            first = False
        out.write(" .\n")
    return n


# -- JSON-LD ---------------------------------------------------------------------------------

class _Compactor:
    """One subject's sorted N-Triples lines as the JSON-LD node rdflib's `from_rdf` (auto_compact, the
    export's prefixes as context) makes of them, without building an rdflib graph: the export has no
    blank nodes and no RDF lists, and the context no terms, so each triple is one key and value.
    `None` where a line falls outside that (a blank node, a list, a term): that chunk goes through
    rdflib as before."""

    def __init__(self, context: dict[str, str]) -> None:
        from rdflib.plugins.shared.jsonld.context import Context

        self.context = Context(context)
        # Bounded: predicates, classes and datatypes are few, but the IRIs of subjects and objects are
        # as many as the archive's nodes and annotations (an unbounded cache took 1.3 GB at 10,000 meetings).
        self.symbol = lru_cache(maxsize=1 << 12)(self.context.to_symbol)
        self.shrink = lru_cache(maxsize=1 << 16)(self.context.shrink_iri)
        self._terms: dict[tuple[str, str | None, str | None], bool] = {}

    def plain_key(self, predicate: str, datatype: str | None, language: str | None) -> bool:
        """True where rdflib would key this predicate by its symbol alone (no term of the context
        matches it, nor coerces the symbol)."""
        key = (predicate, datatype, language)
        found = self._terms.get(key)
        if found is None:
            from rdflib.plugins.shared.jsonld.keys import ID, VOCAB
            from rdflib.plugins.shared.jsonld.context import UNDEF

            if datatype is None and language is None:
                term = any(self.context.find_term(predicate, c, None) for c in (ID, VOCAB, UNDEF))
            else:
                term = self.context.find_term(predicate, datatype, language=language)
            key_term = self.context.terms.get(self.symbol(predicate))
            found = self._terms[key] = not term and not (key_term and (key_term.type or key_term.container))
        return found

    def node(self, subject: str, lines: list[str]) -> dict[str, Any] | None:
        if not subject.startswith("<"):
            return None
        node: dict[str, Any] = {"@id": self.shrink(subject[1:-1])}
        for line in lines:
            _, predicate, obj = line.split(" ", 2)
            obj = obj[:-2]
            predicate = predicate[1:-1]
            if predicate in _LIST_PREDICATES:
                return None
            if obj.startswith("<"):
                if not self.plain_key(predicate, None, None):
                    return None
                if predicate == _RDF_TYPE_IRI:
                    key, value = "@type", self.symbol(obj[1:-1])
                else:
                    key, value = self.symbol(predicate), {"@id": self.shrink(obj[1:-1])}
            elif obj.startswith('"'):
                end = obj.rindex('"')
                lexical = _unescape(obj[1:end])
                suffix = obj[end + 1:]
                datatype = suffix[3:-1] if suffix.startswith("^^") else None
                language = suffix[1:] if suffix.startswith("@") else None
                if not self.plain_key(predicate, datatype, language):
                    return None
                key = self.symbol(predicate)
                if datatype is not None:
                    if datatype in _NATIVE:
                        from rdflib import Literal, URIRef

                        value = Literal(lexical, datatype=URIRef(datatype)).toPython()
                        if isinstance(value, Literal):      # not a value of its type: as rdflib leaves it
                            return None
                    else:
                        value = {"@type": self.symbol(datatype), "@value": lexical}
                elif language is not None:
                    value = {"@language": language, "@value": lexical}
                else:
                    value = lexical
            else:
                return None          # a blank node
            # As rdflib's Converter.add_to_node, to the letter (a falsy value is replaced, not added to).
            existing = node.get(key)
            if existing:
                if not isinstance(existing, list):
                    existing = [existing]
                existing.append(value)
                value = existing
            node[key] = value
        return node


_RDF_TYPE_IRI = RDF_TYPE[1:-1]
_LIST_PREDICATES = {"http://www.w3.org/1999/02/22-rdf-syntax-ns#first",
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"}
# rdflib's PLAIN_LITERAL_TYPES: written as JSON values when the context is active.
_NATIVE = {"http://www.w3.org/2001/XMLSchema#" + t for t in ("boolean", "integer", "double", "string")}
# rdflib's N-Triples writer escapes exactly these four (rdflib.plugins.serializers.nt._quote_encode).
_ESCAPED = re.compile(r'\\([\\nr"])')
_UNESCAPE = {"\\": "\\", "n": "\n", "r": "\r", '"': '"'}


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: _UNESCAPE[m.group(1)], text) if "\\" in text else text


def _rdflib_nodes(chunk: list[str], context: dict[str, str]) -> list[dict[str, Any]]:
    from rdflib.plugins.serializers.jsonld import from_rdf

    g = Graph(store="SimpleMemory", bind_namespaces="none")
    g.parse(data="\n".join(chunk) + "\n", format="nt")
    doc = from_rdf(g, context_data=context, auto_compact=True)
    return doc.get("@graph") if "@graph" in doc else (
        [{k: v for k, v in doc.items() if k != "@context"}] if len(doc) > 1 else [])


def write_jsonld(lines: Iterable[str], out: TextIO) -> int:
    """JSON-LD as graph/rdf.py writes it: inline context, one node per line, nodes and lists sorted.

    Each subject's lines become its node directly (`_Compactor`), as rdflib's converter makes it; a
    subject outside what that covers goes through rdflib. Either way one subject at a time."""
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    compactor = _Compactor(context)
    # A node's line holds all its triples: spilled ten times as often as triples' lines.
    nodes = ExternalSort(run_lines=max(1, RUN_LINES // 10))
    n = 0
    for subject, group in groupby(lines, key=lambda line: line.split(" ", 1)[0]):
        chunk = list(group)
        n += len(chunk)
        node = compactor.node(subject, chunk)
        for found in ([node] if node is not None else _rdflib_nodes(chunk, context)):
            nodes.add(json.dumps(_canonical(found), ensure_ascii=False, sort_keys=True))
    out.write('{"@context": ' + json.dumps(context, sort_keys=True, indent=1) + ',\n"@graph": [\n')
    first = True
    for line in nodes:
        out.write(line if first else ",\n" + line)
        first = False
    out.write("\n]}\n")
    return n
