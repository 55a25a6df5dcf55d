"""Checking what users write by hand (curation files, sidecars, front matter, dates given as options) as it is read.

Every problem is one line naming the file, the field and what is expected, raised together as one
InvalidInput: a typo is reported where it is, never as a crash further on or a fact stored wrong.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InvalidInput

DATE_EXAMPLE = "YYYY-MM-DD, e.g. 2023-03-17"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class _PlainLoader(yaml.SafeLoader):
    """YAML with dates left as the text written: PyYAML's own reading of `2023-02-30` raises a bare
    ValueError, and of `2023-3-7` gives a string; both are checked and reported here instead."""


_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml_text(text: str, where: str) -> Any:
    """Parsed YAML, or InvalidInput saying where it stops being YAML, in one line."""
    try:
        return yaml.load(text, Loader=_PlainLoader)        # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        if isinstance(exc, yaml.reader.ReaderError):
            line = text.count("\n", 0, exc.position) + 1
            at = f" at line {line}, column {exc.position - text.rfind(chr(10), 0, exc.position)}"
            character = chr(exc.character) if isinstance(exc.character, int) else exc.character
            problem = f"the control character {character!r} is not allowed; write plain text"
        raise InvalidInput(f"{where}: not valid YAML{at}: {problem}") from exc


def read_yaml_file(path: Path, what: str = "") -> Any:
    """A YAML file a user wrote, parsed; a file that cannot be read is one line, not a traceback."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path}: not UTF-8 text ({what or 'a YAML file'} is expected)") from exc
    except OSError as exc:
        raise InvalidInput(f"cannot read {path}: {(exc.strerror or str(exc)).lower()}") from exc
    return read_yaml_text(text, str(path))


def iso_date(value: Any, where: str, field: str) -> str:
    """A date written as YYYY-MM-DD that exists in the calendar, as that string; else InvalidInput."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if text is not None and _ISO_DATE.fullmatch(text):
        try:
            return datetime.date.fromisoformat(text).isoformat()
        except ValueError:
            raise InvalidInput(f"{where}: {field}: {text} is not a date in the calendar "
                               f"(expected {DATE_EXAMPLE})") from None
    raise InvalidInput(f"{where}: {field}: {_shown(value)} is not a date (expected {DATE_EXAMPLE})")


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Problems:
    """The problems found in one file, each one line; raised together."""

    def __init__(self, where: str):
        self.where, self.lines = where, []

    def add(self, field: str, message: str) -> None:
        self.lines.append(f"{self.where}: {field}: {message}" if field else f"{self.where}: {message}")

    def text(self, value: Any, field: str, expected: str = "text") -> str | None:
        """A plain string (a number is taken as its digits), or a problem noted."""
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.add(field, f"{_shown(value)} is not {expected}")
            return None
        text = str(value)
        if _CONTROL.search(text):
            self.add(field, f"{_shown(text)} contains a control character "
                            f"({_CONTROL.search(text).group(0)!r}); expected plain {expected}")
            return None
        if not text.strip():
            self.add(field, f"is empty; expected {expected}")
            return None
        return text.strip()

    def date(self, value: Any, field: str) -> str | None:
        try:
            return iso_date(value, self.where, field)
        except InvalidInput as exc:
            self.lines.append(str(exc))
            return None

    def names(self, value: Any, field: str, expected: str = "a list of names") -> list[str]:
        if isinstance(value, str):
            value = [value]                        # one alias written without brackets
        if not isinstance(value, list):
            self.add(field, f"{_shown(value)} is not {expected} (write [Name One, Name Two])")
            return []
        out = [self.text(v, f"{field}[{k}]", "a name") for k, v in enumerate(value)]
        return [v for v in out if v is not None]

    def mapping(self, value: Any, field: str, expected: str) -> dict | None:
        if not isinstance(value, dict):
            self.add(field, f"{_shown(value)} is not {expected}")
            return None
        return value

    def unknown(self, data: dict, known: tuple[str, ...], field: str = "") -> None:
        for key in data:
            if key not in known:
                where = f"{field}." if field else ""
                self.add(f"{where}{key}", f"unknown field (expected {', '.join(known)})")

    def raise_any(self) -> None:
        if self.lines:
            raise InvalidInput("\n".join(self.lines))


# ----------------------------------------------------------------------------------------- curation

CURATION_SECTIONS = ("people", "distinct", "organisations")


def curation(path: Path) -> dict[str, Any]:
    """The curation file checked against its schema (see loaders/resolve.py Curation): every problem
    found is one line; the returned data has names as strings and dates as YYYY-MM-DD."""
    data = read_yaml_file(path, "a curation file")
    problems = Problems(str(path))
    if data is None:
        return {"people": [], "distinct": [], "organisations": []}
    if not isinstance(data, dict):
        problems.add("", f"the top level is {type(data).__name__ if data is not None else 'empty'}; expected "
                         "sections people:, distinct: and organisations: (see README, 'Correcting the machine')")
        problems.raise_any()
    problems.unknown(data, CURATION_SECTIONS)
    out: dict[str, Any] = {"people": [], "distinct": [], "organisations": []}
    for section in ("people", "organisations"):
        entries = data.get(section) or []
        if not isinstance(entries, list):
            problems.add(section, f"{_shown(entries)} is not a list of entries (each '- name: ...')")
            continue
        for k, entry in enumerate(entries):
            field = f"{section}[{k}]"
            entry = problems.mapping(entry, field, "an entry (name: ..., aliases: [...])")
            if entry is None:
                continue
            known = ("name", "aliases", "from", "to") if section == "people" else ("name", "aliases")
            problems.unknown(entry, known, field)
            if "name" not in entry:
                problems.add(f"{field}.name", "missing; expected the name to keep, e.g. name: Andy Mariner")
                continue
            name = problems.text(entry["name"], f"{field}.name", "a name")
            aliases = problems.names(entry.get("aliases") or [], f"{field}.aliases")
            start = problems.date(entry["from"], f"{field}.from") if entry.get("from") is not None else None
            end = problems.date(entry["to"], f"{field}.to") if entry.get("to") is not None else None
            if start and end and start > end:
                problems.add(f"{field}.to", f"{end} is before from: {start}")
            if name is not None:
                out[section].append({"name": name, "aliases": aliases, "from": start, "to": end})
    groups = data.get("distinct") or []
    if not isinstance(groups, list):
        problems.add("distinct", f"{_shown(groups)} is not a list of groups (each - [Name One, Name Two])")
        groups = []
    for k, group in enumerate(groups):
        names = problems.names(group, f"distinct[{k}]", "a group of names")
        if isinstance(group, list) and len(group) < 2:
            problems.add(f"distinct[{k}]", "names one person; expected two or more to keep apart")
        out["distinct"].append(names)
    problems.raise_any()
    return out


# ----------------------------------------------------------------------------------------- metadata

METADATA_KEYS = ("body", "date", "url", "venue", "source")
# Attendance a publisher records as data (a ModernGov sidecar's `attendees`): each entry's fields.
ATTENDEE_KEYS = ("name", "role", "attendance", "substitute_for", "organisation")


def metadata(data: Any, where: str) -> dict[str, str]:
    """A sidecar's or front matter's metadata checked: a mapping, its date a real YYYY-MM-DD, the rest
    text. Keys it does not know are left alone (a scraper may keep its own there)."""
    problems = Problems(where)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.add("", f"{_shown(data)} is not metadata; expected fields such as date: {DATE_EXAMPLE[12:]} "
                         "and body: ...")
        problems.raise_any()
    out: dict[str, str] = {}
    for key in METADATA_KEYS:
        value = data.get(key)
        if value in (None, ""):
            continue
        checked = problems.date(value, key) if key == "date" else problems.text(value, key)
        if checked is not None:
            out[key] = checked
    problems.raise_any()
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
