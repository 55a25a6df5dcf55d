"""Extraction stage: attendance the publisher records as data (a sidecar's `attendees`), as facts beside
what the text says, the same people resolved once."""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.context import Context, mark_attended, note_person, note_post, resolve_org, split_role_org
from loaders.data_files import data_file
from loaders.names import NameParts, fold, split_title

_DATA = "recorded_attendance.yaml"
# Honours after a name ('Jane Smith MBE', 'John Brown QPM'): not part of it.
_POST_NOMINALS = re.compile(r"(?:,?\s+(?:MBE|OBE|CBE|KBE|DBE|BEM|QPM|KPM|QFSM|JP|DL|KC|QC|MP|MS|MSP|MLA|PhD))+$")


@lru_cache(maxsize=None)
def _statuses() -> dict[str, str]:
    return {_key(code): status for status, codes in data_file(_DATA)["statuses"].items() for code in codes or []}


@lru_cache(maxsize=None)
def _seat_roles() -> frozenset[str]:
    return frozenset(_key(r) for r in data_file(_DATA)["seat_roles"])


@lru_cache(maxsize=None)
def _in_attendance() -> frozenset[str]:
    return frozenset(_key(r) for r in data_file(_DATA)["in_attendance"])


@lru_cache(maxsize=None)
def _substitute_for() -> re.Pattern[str]:
    forms = sorted(data_file(_DATA)["substitute_for"], key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
    return re.compile(rf"[\s,(–-]*\b(?:{alternation})\s+(?P<whom>[^)]+?)\)?\s*$", re.I)


def _key(text: str) -> str:
    return fold(re.sub(r"[\s,]+", " ", text or "")).strip(" .")


def status_of(attendance: str) -> str | None:
    """'attended', 'substitute', 'apologies', 'absent' or 'not_recorded' for a recorded status, None when
    the status is not known."""
    found = _statuses().get(_key(attendance))
    if found is None and _substitute_for().search(attendance):
        # 'Present as deputy for Chief Inspector A': the status without whom it names.
        found = _statuses().get(_key(re.sub(r"[\s,(]+(?:for|in place of)\s.*$", "", attendance, flags=re.I)))
    return found


def read_recorded_attendance(ctx: Context) -> None:
    """Each attendee the sidecar lists becomes a fact of this meeting with the record as its evidence:
    present or in attendance -> ATTENDED (with the role recorded), apologies -> SENT_APOLOGIES, a substitute
    -> ATTENDED and SUBSTITUTED_FOR whom the record names. Absent members are kept on the Meeting as
    `absent`; 'Expected' is no fact (attendance not yet recorded)."""
    attendees = ctx.doc.metadata.get("attendees") or []
    source = ctx.doc.metadata.get("source") or f"{ctx.name} metadata"
    absent: list[str] = []
    for entry in attendees:
        name, role = entry.get("name", ""), entry.get("role", "")
        attendance = entry.get("attendance", "")
        status = status_of(attendance)
        written = f"{name}" + (f" ({role})" if role else "") + f": {attendance or 'no status'}"
        evidence = f"Attendance recorded by the publisher: {written} [{source}]"
        if status is None:
            ctx.graph.warn(ctx.name, None, f"recorded attendance {attendance!r} of {name} is not a status the "
                                           f"reader knows (loaders/data/{_DATA}); left out")
            continue
        if status == "not_recorded":
            continue
        parts = _parts(name)
        if parts is None:
            ctx.graph.warn(ctx.name, None, f"recorded attendee {name!r} does not read as a person's name; left out")
            continue
        if status == "absent":
            absent.append(parts.written)
            continue
        record = note_person(ctx, parts, None)
        post, organisation = _note_role(ctx, record, role, entry.get("organisation"), evidence)
        if status == "apologies":
            ctx.apologised.add(id(record))
            ctx.apology_evidence.setdefault(id(record), evidence)
            continue
        mark_attended(ctx, record, evidence)
        seat = post or role or ("In attendance" if _key(attendance) in _in_attendance() else "")
        props = {"role": seat or None, "organisation": organisation}
        ctx.attended_props.setdefault(id(record), {k: v for k, v in props.items() if v})
        if status == "substitute":
            whom = entry.get("substitute_for") or _whom(role) or _whom(attendance)
            absent_parts = _parts(whom) if whom else None
            if absent_parts is not None:
                absentee = note_person(ctx, absent_parts, None)
                ctx.substitutions.append((record, absentee, f"{evidence} (for {whom})" if whom not in evidence
                                          else evidence))
    if absent:
        ctx.meeting.extra["absent"] = absent


def _whom(text: str) -> str | None:
    m = _substitute_for().search(text or "")
    return m.group("whom").strip(" .,") if m else None


def _parts(name: str) -> NameParts | None:
    name = " ".join(name.replace(",", " ").split())
    trimmed = _POST_NOMINALS.sub("", name)
    parts = split_title(trimmed if len(trimmed.split()) >= 2 else name)
    if not parts.words or not any(c.isalpha() for c in parts.name):
        return None
    return parts


def _note_role(ctx: Context, record, role: str, organisation: str | None, evidence: str
               ) -> tuple[str | None, str | None]:
    """A post the record gives (not a seat like 'Committee Member') and the organisation it names, noted as
    the person's; returned for their ATTENDED."""
    org = resolve_org(ctx, organisation, loose=True) if organisation else None
    post = None
    if role and _key(role) not in _seat_roles() and not _substitute_for().search(role):
        post, named = split_role_org(ctx, role)
        org = org or named
    if post or org:
        note_post(ctx, record, post, org, evidence, None)
    return post, (org.name if org else organisation)
