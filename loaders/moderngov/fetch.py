"""The fetch itself: committees, their meetings, each meeting's minutes and attendance, written to a folder
and remembered so that the next run fetches only what is new or changed."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterable, Sequence
from urllib.parse import urljoin, urlsplit, urlunsplit

from graph.errors import ExtractionError, FetchError
from loaders.dates import find_dates
from loaders.formats import HtmlLoader, PdfLoader
from loaders.moderngov import service
from loaders.moderngov.client import PoliteClient, check_url
from loaders.moderngov.service import Committee, LinkedDocument, MeetingRecord, MeetingRef
from loaders.moderngov.writer import document_html, sidecar, sidecar_yaml, stem, write_atomic

# The fetcher's own files, in a hidden folder of the output folder that `pgraph load` passes over.
STATE_DIR = ".moderngov"
STATE_FILE = "state.json"
# Minutes are published within weeks of a meeting: a meeting this recent with none yet is asked again on
# the next run; an older one is asked again only when its listing changes (or with refresh).
RECHECK_DAYS = 60
DEFAULT_YEARS = 1

Progress = Callable[[str, int, int], None]
Warn = Callable[[str], None]


@dataclass
class FetchReport:
    base: str = ""
    committees: list[str] = field(default_factory=list)       # titles of the committees asked about
    listed: int = 0                                            # meetings in the date range
    written: list[Path] = field(default_factory=list)         # documents new or changed in this run
    unchanged: list[str] = field(default_factory=list)        # fetched again, nothing changed
    cached: list[str] = field(default_factory=list)           # not fetched: known and unchanged
    cancelled: list[str] = field(default_factory=list)
    no_minutes: list[str] = field(default_factory=list)
    future: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (url, message)
    requests: int = 0


def base_url(url: str) -> str:
    """The site's base from whatever address of it the user gave: 'https://x.gov.uk/mgListCommittees.aspx?...'
    and 'https://x.gov.uk/mgWebService.asmx' are both 'https://x.gov.uk'."""
    check_url(url)
    parts = urlsplit(url.strip())
    path = parts.path
    marker = path.lower().find("/" + service.SERVICE.lower())
    if marker >= 0:
        path = path[:marker]
    elif "." in path.rsplit("/", 1)[-1]:
        path = path.rsplit("/", 1)[0]
    return urlunsplit((parts.scheme.lower(), parts.netloc, path.rstrip("/"), "", ""))


def choose_committees(committees: Sequence[Committee], wanted: Iterable[str]) -> list[Committee]:
    """Each --committee as an id, a title (any case) or a part of one title; an unknown one is an error
    that lists what there is."""
    chosen: list[Committee] = []
    for want in wanted:
        key = " ".join(want.split()).casefold()
        found = [c for c in committees if c.id == want.strip()] \
            or [c for c in committees if c.title.casefold() == key] \
            or [c for c in committees if key in c.title.casefold()]
        if len(found) != 1:
            live = [c for c in committees if not c.deleted and not c.expired]
            shown = "; ".join(f"{c.id} {c.title}" for c in (found or live)[:8])
            what = "matches several committees" if found else "matches no committee"
            raise FetchError(f"--committee {want!r} {what} (e.g. {shown})")
        if found[0] not in chosen:
            chosen.append(found[0])
    return chosen


class _State:
    """What earlier runs fetched, per meeting: its listing, the hash of the service's answer, its files."""

    def __init__(self, out: Path, base: str):
        self.path = out / STATE_DIR / STATE_FILE
        self.meetings: dict[str, dict] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        data = data if isinstance(data, dict) else {}
        if data.get("meetings") and data.get("base") != base:
            # Two sites number their meetings alike: their files would overwrite each other.
            raise FetchError(f"{out} holds meetings fetched from {data.get('base')}; fetch {base} into another folder")
        self.meetings = dict(data.get("meetings") or {}) if isinstance(data.get("meetings"), dict) else {}
        self.base = base

    def save(self) -> None:
        data = {"base": self.base, "meetings": self.meetings}
        write_atomic(self.path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))


def fetch_moderngov(url: str, out: Path, committees: Sequence[str] = (), date_from: date | None = None,
                    date_to: date | None = None, pdfs: bool = False, delay: float = 1.0, refresh: bool = False,
                    progress: Progress | None = None, warn: Warn | None = None,
                    client: PoliteClient | None = None, today: date | None = None) -> FetchReport:
    """Fetch the minutes of a ModernGov site's meetings between two dates into `out`.

    One document per meeting with minutes (`ID_DATE.html`, or the minutes PDF with `pdfs` when it holds
    more text) and its `ID_DATE.meta.yaml`. A request that fails is a warning and a line of
    `report.failed`; the rest goes on.
    """
    base = base_url(url)
    today = today or date.today()
    date_to = date_to or today
    date_from = date_from or date_to - timedelta(days=365 * DEFAULT_YEARS)
    if date_from > date_to:
        raise FetchError(f"--from {date_from} is after --to {date_to}")
    out.mkdir(parents=True, exist_ok=True)
    report = FetchReport(base=base)
    say = warn or (lambda message: None)
    state = _State(out, base)
    with (client or PoliteClient(delay=delay)) as http:
        def failed(where: str, exc: FetchError) -> None:
            report.failed.append((where, str(exc)))
            say(str(exc))

        refs = _list_meetings(http, base, committees, date_from, date_to, report, failed)
        refs.sort(key=lambda r: (r.date or date.min, r.id))
        report.listed = len(refs)
        for done, ref in enumerate(refs, 1):
            label = f"{ref.id} {ref.date or ''}".strip()
            try:
                _one_meeting(http, base, ref, out, state, pdfs, refresh, today, report, failed)
            except FetchError as exc:
                failed(service.meeting_url(base, ref.id), exc)
            if progress:
                progress(label, done, len(refs))
        report.requests = http.requests
    return report


def _list_meetings(http: PoliteClient, base: str, wanted: Sequence[str], start: date, end: date,
                   report: FetchReport, failed: Callable[[str, FetchError], None]) -> list[MeetingRef]:
    listing = service.committees_url(base)
    try:
        known = service.parse_committees(http.get(listing), listing)
    except FetchError as exc:
        if wanted and not all(w.strip().isdigit() for w in wanted):
            raise                 # committees asked for by title cannot be found without the list
        failed(listing, exc)
        known = []
    if wanted:
        chosen = choose_committees(known, wanted) if known else [Committee(w.strip(), "") for w in wanted]
        ids = [c.id for c in chosen]
    else:
        chosen, ids = [], ["0"]       # 0: every committee's meetings in one request
    report.committees = [c.title or c.id for c in chosen] or ["all"]
    titles = {c.id: c.title for c in known}
    refs: dict[str, MeetingRef] = {}
    for cid in ids:
        address = service.meetings_url(base, cid, start, end)
        try:
            found = service.parse_meetings(http.get(address), address)
        except FetchError as exc:
            failed(address, exc)
            continue
        for ref in found:
            if ref.date is not None and not start <= ref.date <= end:
                continue          # a service that ignores the range: the range is still the user's
            if not ref.committee and titles.get(ref.committee_id):
                ref = MeetingRef(ref.id, ref.committee_id, titles[ref.committee_id], ref.date, ref.status, ref.time)
            refs.setdefault(ref.id, ref)
    return list(refs.values())


def _one_meeting(http: PoliteClient, base: str, ref: MeetingRef, out: Path, state: _State, pdfs: bool,
                 refresh: bool, today: date, report: FetchReport,
                 failed: Callable[[str, FetchError], None]) -> None:
    name = stem(ref.id, ref.date)
    if ref.cancelled:
        report.cancelled.append(name)
        return
    if ref.date and ref.date > today:
        report.future.append(name)
        return
    known = state.meetings.get(ref.id)
    if known and not refresh and known.get("listing") == ref.listing and _still_there(out, known) \
            and (known.get("pdfs") or not pdfs):        # asked for PDFs now: fetched again for them
        recent = ref.date is None or (today - ref.date).days <= RECHECK_DAYS
        if known.get("document") or not recent:
            report.cached.append(name)
            return
    source = service.meeting_url(base, ref.id)
    data = http.get(source)
    record = service.parse_meeting(data, source)
    record.id = record.id or ref.id
    if record.id != ref.id:
        raise FetchError(f"{source}: the service answered with meeting {record.id!r}, not {ref.id}")
    record.date = record.date or ref.date
    name = stem(ref.id, record.date)
    digest = hashlib.sha256(data).hexdigest()
    minutes_pdfs = _on_site(base, minutes_documents(record)) if pdfs else []
    if not record.has_minutes and not minutes_pdfs:
        report.no_minutes.append(name)
        state.meetings[ref.id] = {"listing": ref.listing, "sha256": digest, "document": None, "files": []}
        state.save()
        return
    if known and not refresh and known.get("sha256") == digest and _still_there(out, known) \
            and bool(known.get("pdfs")) == pdfs:
        report.unchanged.append(name)
        known["listing"] = ref.listing
        state.save()
        return
    body = ref.committee or record.committee or "ModernGov meeting"
    page = service.meeting_page_url(base, ref.id)
    document, files = _write_documents(http, out, name, record, body, digest, minutes_pdfs, failed)
    meta = sidecar(record, body, page, source, ref.committee_id, minutes_pdfs, document.name)
    write_atomic(out / f"{name}.meta.yaml", sidecar_yaml(meta).encode("utf-8"))
    for old in (known or {}).get("files", []):
        if old not in files and old != f"{name}.meta.yaml" and "/" not in old and not old.startswith("."):
            (out / old).unlink(missing_ok=True)        # the meeting's former files (another date, HTML now PDF)
    state.meetings[ref.id] = {"listing": ref.listing, "sha256": digest, "document": document.name,
                              "files": files + [f"{name}.meta.yaml"], "pdfs": pdfs}
    state.save()
    report.written.append(document)


def _on_site(base: str, documents: list[LinkedDocument]) -> list[LinkedDocument]:
    """Linked documents with their addresses made whole, those on the site's own host only: the fetcher
    asks nothing of a host the user did not name."""
    host = urlsplit(base).hostname
    out = []
    for doc in documents:
        address = urljoin(base + "/", doc.url)
        parts = urlsplit(address)
        if parts.scheme in ("http", "https") and parts.hostname == host:
            out.append(LinkedDocument(doc.title, address))
    return out


def _still_there(out: Path, known: dict) -> bool:
    return all((out / f).is_file() for f in known.get("files", []))


def _write_documents(http: PoliteClient, out: Path, name: str, record: MeetingRecord, body: str, digest: str,
                     minutes_pdfs: list[LinkedDocument], failed: Callable[[str, FetchError], None]
                     ) -> tuple[Path, list[str]]:
    """The HTML of the items' minutes, and with --pdfs the minutes PDF: whichever holds more text is the
    meeting's document, the other is kept in the hidden folder (one document per meeting: `pgraph load`
    knows a meeting by its file name without the suffix)."""
    page = out / f"{name}.html"
    write_atomic(page, document_html(record, body, digest).encode("utf-8"))
    if not minutes_pdfs:
        (out / f"{name}.pdf").unlink(missing_ok=True)
        return page, [page.name]
    spare = out / STATE_DIR / "alternatives"
    pdf = out / f"{name}.pdf"
    try:
        write_atomic(pdf, http.get(minutes_pdfs[0].url))
    except FetchError as exc:
        failed(minutes_pdfs[0].url, exc)
        pdf.unlink(missing_ok=True)
        return page, [page.name]
    html_chars = _chars(HtmlLoader(), page) if record.has_minutes else 0
    if _chars(PdfLoader(), pdf) > html_chars:
        spare.mkdir(parents=True, exist_ok=True)
        page.replace(spare / page.name)
        return pdf, [pdf.name]
    spare.mkdir(parents=True, exist_ok=True)
    pdf.replace(spare / pdf.name)
    return page, [page.name]


def _chars(loader, path: Path) -> int:
    try:
        return len(loader.load(path).text)
    except ExtractionError:
        return 0


_MINUTES = re.compile(r"\bminutes\b", re.I)


def minutes_documents(record: MeetingRecord) -> list[LinkedDocument]:
    """The linked PDFs that are this meeting's minutes: a title that says minutes and names no other date.
    An item's 'Minutes of the previous meeting' links the last meeting's; those name its date, or stand
    under an item about minutes without naming this meeting's."""
    own = record.date
    found: list[tuple[int, LinkedDocument]] = []
    linked = [(d, None) for d in record.documents] + [(d, i) for i in record.items for d in i.documents]
    for doc, item in linked:
        if not doc.url or not _MINUTES.search(doc.title):
            continue
        dates = {d.value for d in find_dates(re.sub(r"[-_]", " ", doc.title))}   # '10th-Feb-2026'
        if dates and own not in dates:
            continue
        if item is not None and _MINUTES.search(item.title) and not (own and own in dates):
            continue
        rank = 0 if re.search(r"printed\s+minutes", doc.title, re.I) else 1 if item is None else 2
        found.append((rank, doc))
    found.sort(key=lambda pair: pair[0])
    return [doc for _, doc in found]
