"""The Document: a loaded minutes file's text and metadata, whatever its published format."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InvalidInput
from loaders.validation import ATTENDEE_KEYS, METADATA_KEYS, metadata, read_yaml_file, read_yaml_text

__all__ = ["ATTENDEE_KEYS", "METADATA_KEYS", "Document", "sha256_of", "sidecar_metadata", "split_front_matter"]


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


def split_front_matter(text: str, name: str = "the file") -> tuple[dict[str, Any], str]:
    """YAML front matter between '---' lines at the very top of a text file.

    Text there that is not YAML, or not a mapping, is not front matter (a rule under a heading) and is
    left in the text; front matter whose fields are wrong (a date that is not YYYY-MM-DD or not in the
    calendar) is an InvalidInput naming the file."""
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end < 0:
        return {}, text
    try:
        data = read_yaml_text(text[3:end], f"{name} (front matter)")
    except InvalidInput:
        return {}, text
    if not isinstance(data, dict):
        return {}, text
    rest = text[end + 4:].lstrip("\n")
    return metadata(data, f"{name} (front matter)"), rest


def sidecar_metadata(path: Path) -> dict[str, Any]:
    """A NAME.meta.yaml file beside the minutes, if there is one, checked (loaders/validation.py)."""
    for candidate in (path.with_name(path.name + ".meta.yaml"), path.with_suffix(".meta.yaml")):
        if candidate.is_file():
            return metadata(read_yaml_file(candidate, "a metadata sidecar") or {}, str(candidate))
    return {}
