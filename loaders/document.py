"""The Document: a loaded minutes file's text and metadata, whatever its published format."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.errors import ExtractionError

METADATA_KEYS = ("body", "date", "url", "venue", "source")
# Attendance a publisher records as data (a ModernGov sidecar's `attendees`): each entry's fields.
ATTENDEE_KEYS = ("name", "role", "attendance", "substitute_for", "organisation")


@dataclass
class Document:
    name: str                      # file name, the provenance key of every fact
    text: str                      # normalised plain text, one line per paragraph or table row
    sha256: str
    path: Path | None = None
    format: str = "text"
    metadata: dict[str, Any] = field(default_factory=dict)   # supplied by a user or scraper

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """YAML front matter between '---' lines at the very top of a text file."""
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    try:
        data = yaml.safe_load(text[3:end]) or {}
    except yaml.YAMLError:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    rest = text[end + 4:].lstrip("\n")
    return _metadata(data), rest


def sidecar_metadata(path: Path) -> dict[str, Any]:
    """A NAME.meta.yaml file beside the minutes, if there is one."""
    for candidate in (path.with_name(path.name + ".meta.yaml"), path.with_suffix(".meta.yaml")):
        if candidate.is_file():
            try:
                data = yaml.safe_load(candidate.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as exc:
                raise ExtractionError(f"{candidate}: not valid YAML ({exc})") from exc
            if isinstance(data, dict):
                return _metadata(data)
    return {}


def _metadata(data: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key in METADATA_KEYS:
        if data.get(key) not in (None, ""):
            out[key] = str(data[key])
    attendees = _attendees(data.get("attendees"))
    if attendees:
        out["attendees"] = attendees
    return out


def _attendees(value: Any) -> list[dict[str, str]]:
    """The attendees a sidecar lists, each with a name; other entries and fields are passed over."""
    if not isinstance(value, list):
        return []
    out = []
    for entry in value:
        if isinstance(entry, dict) and str(entry.get("name") or "").strip():
            out.append({k: " ".join(str(entry[k]).split()) for k in ATTENDEE_KEYS if entry.get(k) not in (None, "")})
    return out
