"""The stages end to end: find files, load, extract, resolve across documents, write to a store."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from graph.errors import PartnershipGraphError
from graph.model import Label, PartnershipGraph
from graph.store.base import Store, WriteReport
from loaders.document import Document
from loaders.formats import load, supported_suffixes
from loaders.resolve import Curation


@dataclass
class LoadReport:
    files: int = 0
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (file, message)
    warnings: list[str] = field(default_factory=list)
    write: WriteReport = field(default_factory=WriteReport)
    counts: dict[str, int] = field(default_factory=dict)


def discover(paths: Iterable[Path | str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to load, folders expanded (sorted, sidecar metadata skipped); missing paths reported."""
    suffixes = set(supported_suffixes())
    found: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes
                            and not p.name.endswith(".meta.yaml") and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        else:
            missing.append((str(path), f"{path}: no such file or folder"))
    return found, missing


def read_documents(files: Iterable[Path], on_error: Callable[[str, str], None]) -> list[Document]:
    docs = []
    for path in files:
        try:
            docs.append(load(path))
        except PartnershipGraphError as exc:
            on_error(str(path), str(exc))
    return docs


def extract_documents(docs: list[Document], known: PartnershipGraph | None = None,
                      progress: Callable[[Document], None] | None = None,
                      curation: Curation | None = None) -> list[PartnershipGraph]:
    """Extract each document, then resolve people and organisations across all of them."""
    from loaders.extract import extract
    from loaders.resolve import resolve

    graphs = []
    for doc in docs:
        graphs.append(extract(doc))
        if progress:
            progress(doc)
    return resolve(graphs, known=known, curation=curation)


def load_into(store: Store, paths: Iterable[Path | str], force: bool = False,
              progress: Callable[[str, int, int], None] | None = None,
              curation: Curation | None = None) -> LoadReport:
    """Load files or folders into the store, skipping documents whose content is already stored."""
    report = LoadReport()
    files, missing = discover(paths)
    report.failed += missing
    report.files = len(files) + len(missing)
    docs = read_documents(files, lambda f, m: report.failed.append((f, m)))
    stored = {} if force else store.document_hashes()
    fresh = []
    for doc in docs:
        if stored.get(doc.name) == doc.sha256:
            report.unchanged.append(doc.name)
        else:
            fresh.append(doc)
    if fresh:
        known = _people_and_organisations(store.read_graph())
        done = iter(range(1, len(fresh) + 1))
        graphs = extract_documents(fresh, known=known, curation=curation,
                                   progress=(lambda d: progress(d.name, next(done), len(fresh))) if progress else None)
        for doc, graph in zip(fresh, graphs):
            report.write.add(store.write(graph, documents=[doc.name]))
            report.loaded.append(doc.name)
            report.warnings += [str(w) for w in graph.warnings]
    report.counts = store.counts()
    return report


def _people_and_organisations(graph: PartnershipGraph) -> PartnershipGraph:
    known = PartnershipGraph()
    for node in graph.nodes.values():
        if node.label in (Label.PERSON, Label.ORGANISATION):
            known.add(node)
    return known
