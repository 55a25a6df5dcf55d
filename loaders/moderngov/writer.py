"""One meeting written out: its minutes as an HTML document and a NAME.meta.yaml sidecar, named from the
meeting's id and date only."""
from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup

from graph.errors import FetchError
from loaders.moderngov.service import LinkedDocument, MeetingRecord

_MEETING_ID = re.compile(r"[0-9]{1,12}")
# Markup the service's minutes may carry that a saved page has no use for, and that would run when the
# page is opened in a browser.
_DROPPED_TAGS = ("script", "style", "iframe", "object", "embed", "form", "link", "meta", "base")


def stem(meeting_id: str, day: Any) -> str:
    """'4967_2026-02-10': the meeting's id (digits only, as the service numbers meetings) and its date."""
    if not _MEETING_ID.fullmatch(meeting_id or ""):
        raise FetchError(f"meeting id {meeting_id!r} is not a number; meeting not written")
    return f"{meeting_id}_{day.isoformat() if day else 'undated'}"


def clean_html(fragment: str) -> str:
    """The service's minutes HTML without scripts, styles, frames or event handlers."""
    soup = BeautifulSoup(fragment, "html.parser")
    for tag in soup(_DROPPED_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        for name in list(tag.attrs):
            value = str(tag.attrs[name])
            if name.lower().startswith("on") or (name.lower() in ("href", "src")
                                                  and value.strip().lower().startswith(("javascript:", "data:"))):
                del tag.attrs[name]
    return str(soup).strip()


def document_html(record: MeetingRecord, body: str, record_sha256: str = "") -> str:
    """The meeting's minutes as one page: the body and date at the top, then each item's number, title and
    minutes, in the service's order. The service record's hash is in the head, so that a change to the
    record alone (its attendance) is a changed document to `pgraph load`, which then reads the sidecar again."""
    when = record.date.strftime("%-d %B %Y") if record.date else "date not given"
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f"<title>{html.escape(body)}, {html.escape(when)}</title>",
             f'<meta name="pgraph-source-sha256" content="{html.escape(record_sha256)}">', "</head>", "<body>",
             '<div id="mgContent">', f"<h1>{html.escape(body)}</h1>",
             f"<p>Minutes of the meeting held on {html.escape(when)}"
             + (f", {html.escape(record.time)}" if record.time else "") + "</p>"]
    if record.venue:
        parts.append(f"<p>Venue: {html.escape(record.venue)}</p>")
    for item in record.items:
        if not item.minutes_html.strip():
            continue
        heading = " ".join(x for x in (_number(item.number), item.title) if x)
        parts += [f"<h2>{html.escape(heading)}</h2>", '<div class="minutes">', clean_html(item.minutes_html),
                  "</div>"]
    parts += ["</div>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _number(number: str) -> str:
    number = number.strip()
    return number if not number or number.endswith((".", ")")) else number + "."


def sidecar(record: MeetingRecord, body: str, page_url: str, source_url: str, committee_id: str,
            pdfs: list[LinkedDocument], document: str) -> dict[str, Any]:
    """What the service records of the meeting beside its text: the sidecar's content."""
    attendees = []
    for a in record.attendees:
        entry = {"name": a.name, "role": a.role, "attendance": a.attendance}
        if a.substitute_for:
            entry["substitute_for"] = a.substitute_for
        if a.member_id:
            entry["member_id"] = a.member_id
        attendees.append(entry)
    data: dict[str, Any] = {
        "body": body,
        "date": record.date.isoformat() if record.date else None,
        "time": record.time or None,
        "venue": record.venue or None,
        "url": page_url,
        "status": record.status or None,
        "source": source_url,
        "meeting_id": record.id,
        "committee_id": committee_id or None,
        "document": document,
        "minutes_pdfs": [d.url for d in pdfs] or None,
        "attendees": attendees,
    }
    return {k: v for k, v in data.items() if v is not None}


def sidecar_yaml(data: dict[str, Any]) -> str:
    head = ("# Written by `pgraph fetch moderngov` from the council's ModernGov web service (the `source`).\n"
            "# `pgraph load` reads body, date, venue, url and the attendees as recorded.\n")
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)


def write_atomic(path: Path, data: bytes) -> None:
    """Written whole or not at all: a stopped run never leaves half a file for `pgraph load` to read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # Hidden while written, so a load of the folder meanwhile passes it over; made with the user's umask.
    tmp = path.with_name(f".part-{os.getpid()}-{path.name}")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
