"""The stages end to end: find files, load, extract (in parallel), resolve across documents, write to a store."""
from __future__ import annotations

import hashlib
import json
import logging
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from graph import ids
from graph.errors import ExtractionError, PartnershipGraphError, QueryError, StoreOutdated
from graph.model import Label, Node, PartnershipGraph, Rel, Role
from graph.store import extractions
from graph.store.base import Store, WriteReport
from loaders.document import Document
from loaders.formats import load, supported_suffixes
from loaders.resolve import Curation, Named, Names, Resolution, names_of

log = logging.getLogger(__name__)

# Below this many documents a pool costs more (start-up, pickling) than it saves.
PARALLEL_THRESHOLD = 8
# Tasks per worker to aim for: enough that a slow document does not leave a core idle at the
# end, few enough that pickling and queueing stay negligible next to extraction.
TASKS_PER_WORKER = 16
MAX_CHUNK = 8
# New documents written per transaction: a few dozen meetings, up to the rows where a bigger
# write stops getting cheaper per row (graph/store/statements.py batches 5,000 rows per UNWIND).
WRITE_BATCH_DOCUMENTS = 50
WRITE_BATCH_ROWS = 20_000
# Seconds one file may take to read and extract before it is given up as one error line and the load
# goes on (`--file-timeout`): the largest real minutes take seconds, so this is generous.
FILE_TIMEOUT = 300.0

@dataclass
class LoadReport:
    files: int = 0
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)     # read, but no minutes in them (a warning each)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (file, message)
    warnings: list[str] = field(default_factory=list)
    write: WriteReport = field(default_factory=WriteReport)
    counts: dict[str, int] = field(default_factory=dict)
    # Stored documents written again, unchanged themselves, because resolution across the archive now gives
    # them other facts (a full name that a surname alone in them now joins, another spelling of a body).
    resolved_again: list[str] = field(default_factory=list)
    resolve_s: float = 0.0               # seconds spent resolving the archive (in memory)


def discover(paths: Iterable[Path | str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to load, folders expanded (sorted; sidecar metadata, hidden files and folders and a folder's
    README skipped); missing and unreadable paths reported, one line each, the others still taken.
    A file named on its own is always taken."""
    suffixes = set(supported_suffixes())
    found: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        try:
            path.stat()
            if path.is_dir() and not os.access(path, os.R_OK | os.X_OK):
                raise PermissionError(13, "Permission denied")
        except FileNotFoundError:
            pass                     # said below
        except OSError as exc:       # a folder on the way, or the folder itself, that may not be read
            missing.append((str(path), f"cannot read {path}: {(exc.strerror or str(exc)).lower()}"))
            continue
        if path.is_dir():
            # Hidden folders inside it too (.git, the fetcher's .moderngov with its spare copies).
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes
                            and not p.name.endswith(".meta.yaml")
                            and not any(part.startswith(".") for part in p.relative_to(path).parts)
                            and not p.stem.upper() == "README")
        elif path.is_file():
            found.append(path)
        else:
            missing.append((str(path), f"{path}: no such file or folder"))
    return found, missing


def read_documents(files: Iterable[Path], on_error: Callable[[str, str], None],
                   timeout: float | None = None) -> list[Document]:
    docs = []
    for path in files:
        try:
            with time_limit(timeout, path.name):
                docs.append(load(path))
        except PartnershipGraphError as exc:
            on_error(str(path), str(exc))
    return docs


class FileTimeout(ExtractionError):
    hint = "Give it longer with --file-timeout SECONDS, or check the file is one meeting's minutes."


@contextmanager
def time_limit(seconds: float | None, name: str) -> Iterator[None]:
    """Raise FileTimeout in the block once `seconds` of wall time have passed (none: no limit).

    A timer signal, which interrupts a long regular-expression search too. Signals reach only the main
    thread, where the CLI and the extraction workers run; elsewhere the block runs without a limit.
    The timer fires again every tenth of a second until the block is left: an exception raised while
    the interpreter runs a garbage-collection callback or a __del__ is printed and dropped, not raised.
    """
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise FileTimeout(f"{name}: gave up after {seconds:g} s of reading (--file-timeout); not loaded")

    def quiet(unraisable: Any) -> None:
        # The timer's exception dropped inside a callback is not news: it fires again a tenth of a second
        # later. Anything else is reported as before.
        if not isinstance(unraisable.exc_value, FileTimeout):
            previous_hook(unraisable)

    previous = signal.signal(signal.SIGALRM, expired)
    previous_hook, sys.unraisablehook = sys.unraisablehook, quiet
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.1)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        sys.unraisablehook = previous_hook


# ----------------------------------------------------------------------------------------- extraction

_Item = tuple[int, Document | Path]   # (position in the batch, what to extract)


@dataclass
class _Outcome:
    """One document's extraction, as a worker sends it back.

    The graph comes packed in the form the store keeps it in (graph/store/extractions.py: JSON, compressed,
    a tenth of its size as objects), with the few names resolution reads beside it: a whole archive's
    outcomes wait in memory for resolution, and each graph is unpacked only when it is rewritten and written.
    """

    index: int
    name: str                            # the document's name, or the file's before it was read
    packed: str | None = None
    names: Names | None = None
    kept_names: str | None = None        # the names as the store keeps them (pack_names), with what else rewrite reads
    minutes: bool = False                # see has_minutes
    error: str | None = None
    trace: str | None = None             # a bug's traceback, for the log

    @property
    def graph(self) -> PartnershipGraph | None:
        return extractions.unpack(self.packed) if self.packed is not None else None


def _extract_one(index: int, item: Document | Path, timeout: float | None = None) -> _Outcome:
    """Read (when given a path) and extract one document, within `timeout` seconds; every failure becomes
    an outcome, never a raise."""
    from loaders.extract import extract

    name = item.name
    if timeout:
        _warm_up()
    try:
        with time_limit(timeout, name):
            doc = item if isinstance(item, Document) else load(item)
            name = doc.name
            graph = extract(doc)
        # Packed as the store keeps it (graph/store/extractions.py): what is rewritten and written is read
        # back from it, whether the document is loaded now or was kept from an earlier load.
        names = names_of(graph)
        return _Outcome(index, name, packed=extractions.pack(graph), names=names,
                        kept_names=pack_names(names, graph), minutes=has_minutes(graph))
    except PartnershipGraphError as exc:
        message = str(exc)
        return _Outcome(index, name, error=message if name in message else f"{name}: {message}")
    except Exception as exc:  # noqa: BLE001 - a bug in one document must not stop the batch
        # Not the user's fault: say so, with the type and where it happened, so it gets reported.
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
        return _Outcome(index, name, trace=traceback.format_exc(),
                        error=f"{name}: extraction failed on a bug ({type(exc).__name__}: {exc}; at {where}); "
                              "please report it with this file")


_WARM: list[bool] = []


def _warm_up() -> None:
    """Extract a line of minutes once per process, so that loading the reader's word lists and patterns
    (most of a second) counts against no file's time limit."""
    from loaders.extract import extract

    if not _WARM:
        extract(Document(name="warm-up.txt", text="Present: Ann Smith, Chair\n1. Minutes\nAgreed.", sha256=""))
        _WARM.append(True)


def _extract_chunk(chunk: list[_Item], timeout: float | None = None) -> list[_Outcome]:
    return [_extract_one(index, item, timeout) for index, item in chunk]


def _workers(count: int, workers: int | None) -> int:
    if workers is None:
        workers = os.cpu_count() or 1
    return max(1, min(workers, count))


def chunk_size(count: int, workers: int) -> int:
    """Documents per task: about TASKS_PER_WORKER tasks per worker, at most MAX_CHUNK documents each."""
    return max(1, min(MAX_CHUNK, math.ceil(count / (workers * TASKS_PER_WORKER))))


def _pool(workers: int) -> ProcessPoolExecutor:
    # forkserver, not fork: workers start from a clean process holding the extractor's modules,
    # so they do not inherit the store's socket, its folder lock or the server's pipes.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["loaders.extract", "loaders.formats"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_interrupt)


def _ignore_interrupt() -> None:
    """Workers leave Ctrl-C to the main process, which stops them: no traceback from each worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run_pool(items: list[_Item], workers: int, done: Callable[[_Outcome], None],
              timeout: float | None = None) -> list[tuple[_Item, str]]:
    """Extract in a process pool, calling `done` as each result arrives.

    Returns the items whose results never came back, each with the reason.
    """
    size = chunk_size(len(items), workers)
    lost: list[tuple[_Item, str]] = []
    executor = _pool(workers)
    try:
        futures: dict[Future[list[_Outcome]], list[_Item]] = {}
        for start in range(0, len(items), size):
            chunk = items[start:start + size]
            futures[executor.submit(_extract_chunk, chunk, timeout)] = chunk
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, a crash in C code): every pending task
                # fails with it, innocent or not.
                lost += [(item, "the extraction process died on this file (out of memory, or a crash in a "
                                "library); try it alone with `pgraph extract`") for item in futures[future]]
                continue
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
                lost += [(item, f"extraction failed on a bug ({type(exc).__name__}: {exc}); please report it "
                                "with this file") for item in futures[future]]
                continue
            for outcome in outcomes:
                done(outcome)
    except BaseException:
        # Ctrl-C or a failing callback: do not wait for the queue to drain, nor for the work in hand.
        workers_running = list(getattr(executor, "_processes", {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in workers_running:
            process.terminate()
        raise
    executor.shutdown(wait=True)
    return sorted(lost, key=lambda pair: pair[0][0])


def _extract_all(items: Sequence[Document | Path], done: Callable[[_Outcome], None],
                 workers: int | None = None, timeout: float | None = None) -> None:
    """Extract every item, in a process pool when there are enough of them; `done` sees each outcome.
    An item that takes more than `timeout` seconds is given up as a failed outcome."""
    numbered = list(enumerate(items))
    workers = _workers(len(numbered), workers)
    if len(numbered) <= PARALLEL_THRESHOLD or workers == 1:
        for index, item in numbered:
            done(_extract_one(index, item, timeout))
        return
    for (index, item), _ in _run_pool(numbered, workers, done, timeout):
        # Each lost document alone in a fresh one-worker pool, so the one that kills its worker
        # (or whose result cannot come back) is found and reported, and the innocent ones it
        # took down are extracted after all. Slower (one core), but a dead worker is rare.
        for _, reason in _run_pool([(index, item)], 1, done, timeout):
            done(_Outcome(index, item.name, error=f"{item.name}: {reason}"))


def extract_documents(docs: list[Document], known: PartnershipGraph | None = None,
                      progress: Callable[[Document], None] | None = None,
                      curation: Curation | None = None, *,
                      on_error: Callable[[str, str], None] | None = None,
                      workers: int | None = None, resolve: bool = True,
                      timeout: float | None = None) -> list[PartnershipGraph]:
    """Extract each document (in a process pool when there are more than a few), then resolve
    people and organisations across all of them in this process (unless `resolve` is false).

    `progress` is called for every document as its result arrives, failed or not. A document
    whose extraction fails is passed to `on_error(name, message)` and left out of the result;
    without `on_error` the failures are raised together, after the rest were extracted, as one
    ExtractionError. `workers` defaults to the number of CPUs; 1 extracts in this process. A document
    that takes more than `timeout` seconds fails with FileTimeout.
    """
    from loaders.resolve import resolve as resolve_all

    graphs: dict[int, PartnershipGraph] = {}
    failures: list[tuple[str, str]] = []

    def done(outcome: _Outcome) -> None:
        graph = outcome.graph
        if graph is not None:
            graphs[outcome.index] = graph
        else:
            _note_failure(outcome)
            failures.append((outcome.name, outcome.error or "extraction failed"))
            if on_error:
                on_error(outcome.name, outcome.error or "extraction failed")
        if progress:
            progress(docs[outcome.index])

    _extract_all(docs, done, workers, timeout)
    if failures and on_error is None:
        shown = "; ".join(message for _, message in failures[:3])
        more = f" (and {len(failures) - 3} more)" if len(failures) > 3 else ""
        raise ExtractionError(f"{len(failures)} of {len(docs)} documents could not be extracted: {shown}{more}")
    extracted = [graphs[i] for i in sorted(graphs)]
    return resolve_all(extracted, known=known, curation=curation) if resolve else extracted


def _note_failure(outcome: _Outcome) -> None:
    if outcome.trace:
        log.debug("extracting %s failed:\n%s", outcome.name, outcome.trace)


# ----------------------------------------------------------------------------------------- loading

def load_into(store: Store, paths: Iterable[Path | str], force: bool = False,
              progress: Callable[[str, int, int], None] | None = None,
              curation: Curation | None = None, *, workers: int | None = None,
              writing: Callable[[str, int, int], None] | None = None,
              file_timeout: float | None = FILE_TIMEOUT) -> LoadReport:
    """Load files or folders into the store, skipping documents whose content is already stored.

    `progress(name, done, total)` is called as each document is extracted, `writing` as each is
    written. A file that takes more than `file_timeout` seconds to read and extract is one failure,
    and the load goes on.

    Files are hashed first and only new or changed ones are read and extracted, both in the
    worker processes (reading a PDF can cost as much as extracting it). Then the whole archive is
    resolved in this process: the new extractions with those the store keeps of every other document
    (graph/store/extractions.py), in the order of the documents' names, so that what is stored never
    depends on the pieces an archive was loaded in. Only what that changes is written: new and changed
    documents, stored ones whose facts resolution now gives otherwise (`resolved_again`), and the people,
    organisations, posts and strategies whose properties changed. New documents are written a batch per
    transaction, stored ones one per transaction, each with its kept extraction.
    """
    report = LoadReport()
    files, missing = discover(paths)
    report.failed += missing
    files = _unique_names(files, report)
    report.files = len(files) + len(report.failed)     # a file named twice counts once
    stored = store.document_hashes()
    kept = extractions.kept(store)
    given = {path.name for path in files}
    # A document counts as stored only with the extraction it was written from.
    outdated = sorted(name for name, sha in stored.items() if kept.get(name, (None, None))[0] != sha)
    missing_readings = [name for name in outdated if name not in given]
    if missing_readings:
        more = f" and {len(missing_readings) - 3} more" if len(missing_readings) > 3 else ""
        raise StoreOutdated(f"the store {store.location} holds {len(missing_readings)} documents loaded by an earlier "
                            f"version of pgraph, which kept no reading of them to resolve new minutes against "
                            f"({', '.join(missing_readings[:3])}{more})")
    fresh: list[Path] = []
    for path in files:
        if not force and path.name in stored and path.name not in outdated and stored[path.name] == _file_hash(path):
            report.unchanged.append(path.name)
        else:
            fresh.append(path)
    interrupted = extractions.pending(store)
    if not fresh and not interrupted:
        report.counts = store.counts()
        return report

    extracted: dict[int, _Outcome] = {}
    count = 0

    def done(outcome: _Outcome) -> None:
        nonlocal count
        count += 1
        if outcome.packed is not None and not outcome.minutes:
            # An index, search or error page saved with the minutes: not an error (the rest of the
            # folder is fine), but storing it would add an empty meeting to every list of meetings.
            report.skipped.append(outcome.name)
            report.warnings.append(f"{outcome.name}: no minutes found in it (no people, decisions or actions); "
                                   "not loaded; check it is the minutes, not an agenda, index or error page")
        elif outcome.packed is not None:
            outcome.names = None                   # kept_names holds them
            extracted[outcome.index] = outcome
        else:
            _note_failure(outcome)
            report.failed.append((str(fresh[outcome.index]), outcome.error or "extraction failed"))
        if progress:
            progress(outcome.name, count, len(fresh))

    if fresh:
        _extract_all(fresh, done, workers, file_timeout)
    outcomes = [extracted.pop(i) for i in sorted(extracted)]
    _settle(store, outcomes, stored, kept, curation, report, writing, interrupted=interrupted)
    report.counts = store.counts()
    return report


def _settle(store: Store, outcomes: list[_Outcome], stored: dict[str, str],
            kept: dict[str, tuple[str | None, str | None]], curation: Curation | None, report: LoadReport,
            writing: Callable[[str, int, int], None] | None = None, interrupted: bool = False) -> None:
    """Resolve the archive (this load's documents and every other kept one) and write what differs from the store.

    Planned from every document's names (the new ones' from the workers, the others' kept beside their
    extraction). A stored document whose plan decisions (`Resolution.decisions`) are those it was last
    written with is known without rewriting it: its facts are as stored, its shared nodes as kept beside
    it. Every other document is rewritten once, a batch of kept extractions read at a time, to learn its
    fingerprint and shared nodes; those to write are rewritten again as the writer reaches them. Neither
    pass holds the archive as objects.
    """
    started = time.perf_counter()
    new = {outcome.name: outcome for outcome in outcomes}
    kept_names = {name: outcome.kept_names for name, outcome in new.items() if outcome.kept_names is not None}
    # The new documents' names read back from the kept form: what the plan reads of a document is the same
    # whether it was loaded now or kept from an earlier load.
    read: dict[str, tuple[Names, list[tuple[str, str]], list[str]]] = {
        name: unpack_names(text) for name, text in kept_names.items()}
    # (decisions digest, shared nodes) as each stored document was last written, this load's changed ones too.
    cached: dict[str, tuple[str | None, str | None]] = {}
    for row in extractions.read_names(store, sorted(kept)):
        cached[row["document"]] = (row["decisions"], row["shared"])
        if row["document"] not in new:
            read[row["document"]] = unpack_names(row["names"])
    order = sorted(read)
    plan = Resolution([read[name][0] for name in order], curation=curation)
    decisions = {name: plan.decisions(index, *read.pop(name)) for index, name in enumerate(order)}
    fresh = {name: outcome.packed for name, outcome in new.items() if outcome.packed is not None}
    for outcome in outcomes:
        outcome.packed = outcome.names = outcome.kept_names = None
    # What each stored document was last written as: its fingerprint, if its facts are those of its extraction.
    settled = {name: resolved for name, (sha, resolved) in kept.items() if stored.get(name) == sha and name not in new}
    known = {name for name in order if name in settled and cached.get(name, (None, None))[0] == decisions[name]
             and cached[name][1] is not None}
    shared: dict[str, Node] = {}
    changed: list[tuple[int, str, str]] = []            # (index in order, document, fingerprint)
    recache: list[dict[str, Any]] = []                  # unchanged documents whose decisions digest changed
    own_shared: dict[str, str] = {}                     # document rewritten -> its shared nodes, packed
    packed: dict[str, str] = {}                         # the extractions of the documents to write
    written_shared: set[str] = set()
    for index, (name, data) in enumerate(_in_order(store, order, fresh, known)):
        if data is None:                                # known: as last written
            continue
        graph = plan.rewrite(index, extractions.unpack(data))
        mine = [node for node in graph.nodes.values() if node.label in extractions.SHARED]
        own_shared[name] = json.dumps([node.properties() for node in mine], ensure_ascii=False, separators=(",", ":"))
        resolved = extractions.fingerprint(graph)
        if name in new or settled.get(name) != resolved:
            changed.append((index, name, resolved))
            packed[name] = data
            written_shared.update(node.id for node in mine)
        else:
            recache.append({"document": name, "decisions": decisions[name], "shared": own_shared[name]})
    # The shared nodes as the whole archive has them, each document's in document order. After a load that
    # finished, only those a rewritten document states, or stated before, can differ from the store's: the
    # others are gathered by id only (that they are stated), not merged again.
    whole = interrupted or any(name in kept and cached.get(name, (None, None))[1] is None for name in own_shared)
    touched: set[str] = set()
    if not whole:
        for name, text in own_shared.items():
            touched.update(props["id"] for props in json.loads(text))
            if cached.get(name, (None, None))[1]:
                touched.update(props["id"] for props in json.loads(cached[name][1]))
    stated: set[str] = set()
    for name in order:
        for props in json.loads(own_shared[name] if name in own_shared else cached[name][1]):
            node_id = props["id"]
            stated.add(node_id)
            if not whole and node_id not in touched:
                continue
            node = Node.from_properties(props)
            current = shared.get(node_id)
            if current is None:
                shared[node_id] = current = node
            else:
                current.absorb(node)
            current.documents.clear()                   # its sightings say which documents state it
    before = extractions.stored_shared(store)
    fixes = [node for node_id, node in shared.items()
             if node_id not in written_shared and before.get(node_id) != extractions.shared_props(node)]
    gone = {node_id: Label(props["label"]) for node_id, props in before.items() if node_id not in stated}
    report.resolve_s = time.perf_counter() - started
    log.info("resolved %d documents in %.1f s (%d known without rewriting): %d to write, %d shared nodes to set, "
             "%d to remove", len(order), report.resolve_s, len(known), len(changed), len(fixes), len(gone))
    if not changed and not fixes and not gone:
        extractions.remember(store, recache)
        extractions.set_pending(store, False)
        return
    # Until the last write, the store may hold documents resolved apart: a load that finds this set
    # resolves the archive again even when no file changed.
    extractions.set_pending(store, True)
    # This load's documents first, then the stored ones they change.
    changed.sort(key=lambda item: (item[1] not in new, item[1]))

    def resolved_graphs() -> Iterator[tuple[str, PartnershipGraph, dict[str, Any]]]:
        """Each document to write, resolved and with the shared nodes as the archive has them, as the writer
        reaches it (the archive is never held as objects), and its kept extraction's row."""
        for index, name, resolved in changed:
            data = packed.pop(name)
            graph = extractions.with_shared(plan.rewrite(index, extractions.unpack(data)), shared)
            document = next(graph.of_label(Label.DOCUMENT), None)
            yield name, graph, {"document": name, "sha256": getattr(document, "sha256", None) or None,
                                "data": data if name in new else None,
                                "names": kept_names.pop(name, None), "decisions": decisions[name],
                                "shared": own_shared.pop(name), "resolved": resolved, "format": extractions.FORMAT}

    failed = len(report.failed)
    _write_all(store, resolved_graphs(), extractions.stored_documents(store), report, writing, len(changed),
               fresh=set(new))
    extractions.set_shared(store, fixes)
    extractions.delete_shared(store, gone)
    extractions.remember(store, recache)
    store.refresh_summaries()
    if len(report.failed) == failed:
        extractions.set_pending(store, False)


def _in_order(store: Store, order: list[str], fresh: dict[str, str],
              known: set[str]) -> Iterator[tuple[str, str | None]]:
    """(document, packed extraction) in `order`: this load's from memory, the others read a batch at a time;
    None for the `known` ones, which are not read."""
    for start in range(0, len(order), extractions.READ_BATCH):
        part = order[start:start + extractions.READ_BATCH]
        found = dict(extractions.read(store, [name for name in part if name not in fresh and name not in known]))
        for name in part:
            yield name, fresh[name] if name in fresh else None if name in known else found[name]


def pack_names(names: Names, graph: PartnershipGraph) -> str:
    """What resolution reads of a document (`Names`), and what else its rewrite looks up in the plan (the posts
    it states without an organisation, the organisations its posts are at), as the text kept beside it."""
    unplaced, organisations = set(), set()
    for rel in graph.rels_of(Rel.HOLDS):
        role = graph.nodes.get(rel.target)
        if isinstance(role, Role) and not role.organisation:
            unplaced.add((rel.source, role.name))
    for role in graph.of_label(Label.ROLE):
        if getattr(role, "organisation", None):
            organisations.add(role.organisation)
    return json.dumps([names.date, [list(n) for n in names.people], [list(n) for n in names.organisations],
                       [[person, list(post)] for person, post in names.posts], sorted(unplaced),
                       sorted(organisations)], ensure_ascii=False, separators=(",", ":"))


def unpack_names(packed: str) -> tuple[Names, list[tuple[str, str]], list[str]]:
    date, people, organisations, posts, unplaced, role_organisations = json.loads(packed)

    def named(values: list[Any]) -> Named:
        return Named(values[0], values[1], tuple(values[2]), *values[3:])

    names = Names(date, [named(n) for n in people], [named(n) for n in organisations],
                  [(person, named(post)) for person, post in posts]).interned()
    return names, [(person, title) for person, title in unplaced], role_organisations


def _write_all(store: Store, written: Iterable[tuple[str, PartnershipGraph, dict[str, Any]]], replacing: set[str],
               report: LoadReport, progress: Callable[[str, int, int], None] | None = None,
               total: int = 0, fresh: set[str] | None = None) -> None:
    """Write every document, in the order given, a batch per transaction: new ones together, stored ones (their
    old facts replaced) together.

    Each write is one transaction, so a crash or Ctrl-C leaves whole documents or none. Batching
    saves the store's per-write round trips (dozens of queries each), which otherwise cost more
    than the rows themselves: a load that resolves hundreds of stored documents again writes them
    in a few transactions. Stored documents are batched apart from new ones, so that the writes
    of new documents keep creating without looking up what a replaced document held.
    """
    batch: list[tuple[str, PartnershipGraph, dict[str, Any]]] = []
    size = done = 0

    def write(documents: list[tuple[str, PartnershipGraph, dict[str, Any]]]) -> None:
        nonlocal done
        _write(store, documents, report, fresh)
        done += len(documents)
        if progress:
            progress(documents[-1][0], done, total)

    for item in written:
        name, graph, _ = item
        if batch and (name in replacing) != (batch[0][0] in replacing):
            write(batch)
            batch, size = [], 0
        batch.append(item)
        size += len(graph.nodes) + len(graph.relationships)
        if len(batch) >= WRITE_BATCH_DOCUMENTS or size >= WRITE_BATCH_ROWS:
            write(batch)
            batch, size = [], 0
    if batch:
        write(batch)


def _write(store: Store, batch: list[tuple[str, PartnershipGraph, dict[str, Any]]], report: LoadReport,
           fresh: set[str] | None = None) -> None:
    if len(batch) == 1:
        name, graph, _ = batch[0]
        merged = graph
    else:
        merged = PartnershipGraph()
        for _, graph, _ in batch:
            # Copies: merging absorbs later sightings into the first node object, and the
            # documents must stay as they were in case the batch is written one by one after all.
            for node in graph.nodes.values():
                merged.add(Node.from_properties(node.properties()))
            for rel in graph.relationships.values():
                merged.relate(rel.type, rel.source, rel.target, rel.document, rel.evidence, **rel.props)
    try:
        report.write.add(store.write(merged, documents=[name for name, _, _ in batch], exact=True,
                                     extractions=[row for _, _, row in batch]))
    except QueryError as exc:
        if len(batch) > 1:
            # Undone as a whole: write each alone, so only the document the store refuses fails.
            for one in batch:
                _write(store, [one], report, fresh)
            return
        name = batch[0][0]
        report.failed.append((name, f"{name}: could not be written to the store ({exc})"))
        return
    for name, graph, _ in batch:
        if fresh is None or name in fresh:
            report.loaded.append(name)
            report.warnings += [str(w) for w in graph.warnings]
        else:
            report.resolved_again.append(name)


MINUTES_EVIDENCE = (Label.PERSON, Label.DECISION, Label.ACTION)


def has_minutes(graph: PartnershipGraph) -> bool:
    """Whether a document's graph records a meeting: someone in it, something decided or to be done,
    an agenda item with minutes under it, or a stated date. An index, search or error page has none."""
    # Minutes that name posts rather than people ("The Community Safety Manager explained ...") still
    # have agenda items, or at least a dated meeting; losing real minutes costs more than keeping a page.
    labels = {node.label for node in graph.nodes.values()}
    meeting = next(graph.of_label(Label.MEETING), None)
    return bool(labels & set(MINUTES_EVIDENCE)) or Label.AGENDA_ITEM in labels \
        or bool(meeting is not None and getattr(meeting, "date", None))


def _unique_names(files: list[Path], report: LoadReport) -> list[Path]:
    """Drop repeats of a file, and report a file whose document would be another's.

    A document is known by its file name and its meeting by the name without suffix
    (graph/ids.py), so `a.txt` in two folders, or `a.txt` beside `a.pdf`, would overwrite or
    merge into each other in the store.
    """
    seen: dict[str, Path] = {}
    done: set[Path] = set()
    out = []
    for path in files:
        real = path.resolve()
        if real in done:
            continue
        done.add(real)
        key = ids.meeting_id(path.name)
        first = seen.get(key)
        if first is None:
            seen[key] = path
            out.append(path)
        else:
            report.failed.append((str(path), f"{path}: would be the same document or meeting as {first} "
                                             "(documents are known by file name, meetings by the name "
                                             "without its suffix); rename one of them"))
    return out


def _file_hash(path: Path) -> str | None:
    """The sha256 a loaded Document would carry (of the file's bytes), or None when it cannot be read."""
    from loaders import formats

    try:
        if path.stat().st_size > formats.size_limit(path):
            return None          # left for the loader to refuse with its own message
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None
