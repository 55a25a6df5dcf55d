"""Extraction stage: the meeting itself, the body that met and the venue."""
from __future__ import annotations

import re

from graph import ids
from graph.model import Document as DocumentNode, Meeting, Organisation, PartnershipGraph, Rel
from loaders.context import titlecase
from loaders.dates import inferred_year, meeting_date
from loaders.document import Document
from loaders.organisations import placed
from loaders.scan import finditer_near
from loaders.structure import Layout


_OWN_DATE_LINE = re.compile(r"\s*(?:\W*\s*)?(?:[A-Z][\w ]{0,60})?\b(?:minutes|notes?)\s+of\s+(?:a\s+|the\s+)?meeting", re.I)


def _opening(text: str, lines: int = 12, limit: int = 900) -> str:
    """The document's first non-blank lines, where a page states its meeting's date if anywhere."""
    kept, seen = [], 0
    for line in text.split("\n"):
        # A date in a sentence is the sentence's ("On 1st April 2015 ..."); the meeting's own stands in a
        # heading or label line, or after "Minutes of the meeting held on".
        short = len(line.split()) <= 16 or _OWN_DATE_LINE.match(line)
        kept.append(line if short else "")
        seen += bool(line.strip())
        if seen >= lines or sum(map(len, kept)) > limit:
            break
    return "\n".join(kept)[:limit]


def add_meeting(doc: Document, layout: Layout, graph: PartnershipGraph, place: str | None = None) -> Meeting:
    header = "\n".join(l.text for l in layout.header)
    body = doc.text[len(header):] if header else doc.text
    date, source, context = meeting_date(header, body)
    if not date:
        # Layouts that start their first item at the top (a page of one item, notes with no headings) still
        # print the meeting's date in the opening lines: "Meeting: 21/10/2021 - ...", "13 Mar 2018 - 13:00".
        opening = _opening(doc.text)
        date, source, opening_context = meeting_date(opening, doc.text[len(opening):])
        context = {**opening_context, **context}
    if doc.metadata.get("date"):
        date, source = doc.metadata["date"], "metadata"
    body_name, body_source = _body_name(doc, layout)
    if body_name and body_source != "metadata":
        body_name = placed(body_name, place)      # "Health and Wellbeing Board" of Eastfield's minutes
    meeting = Meeting(id=ids.meeting_id(doc.name), name="", body=body_name, date=date, document=doc.name,
                      documents=[doc.name], venue=doc.metadata.get("venue") or _venue(layout),
                      date_source=source, body_source=body_source, url=doc.metadata.get("url"))
    if not date:
        meeting.date_inferred = inferred_year(context)
    if context.get("previous"):
        meeting.extra["previous_meeting_date"] = context["previous"]
    if context.get("next"):
        meeting.extra["next_meeting_date"] = context["next"]
    when = date or (f"({meeting.date_inferred})" if meeting.date_inferred else "")
    meeting.name = " ".join(x for x in (body_name or f"Meeting recorded in {doc.name}", when) if x)
    graph.add(meeting)
    d = graph.add(DocumentNode(id=ids.document_id(doc.name), name=doc.name, sha256=doc.sha256,
                               documents=[doc.name], url=doc.metadata.get("url")))
    graph.relate(Rel.RECORDED_IN, meeting.id, d.id, doc.name, f"minutes document {doc.name}")
    if body_name:
        org = graph.add(Organisation(id=ids.organisation_id(body_name), name=body_name, documents=[doc.name],
                                     kind="partnership" if "partnership" in body_name.lower() else "board"))
        graph.relate(Rel.MEETING_OF, meeting.id, org.id, doc.name, body_name)
    return meeting


_BODY_RE = re.compile(r"\b((?:[A-Z][\w’']*[ \t]+(?:and[ \t]+|&[ \t]+|of[ \t]+|for[ \t]+)?){0,5}"
                      r"(?:Partnership Board|Partnership|Board|Committee|Sub-Committee|Forum|Group|Panel))\b")
# For scanning a whole text: each name has one of these words, and is made of these characters.
_BODY_WORD = re.compile(r"Partnership|Board|Committee|Forum|Group|Panel")
_BODY_CHARS = re.compile(r"[\w’' \t&-]*")


# ModernGov's issue pages: "Meeting: 21/10/2021 - Eastfield Health & Wellbeing Board (Item 63)".
_MEETING_LABEL = re.compile(r"^\s*Meeting:\s*\d{1,2}/\d{1,2}/\d{4}\s*-\s*(?P<body>[^()\n]{3,120}?)\s*(?:\(Item\s+[^)]*\))?\s*$",
                            re.M)


def _body_name(doc: Document, layout: Layout) -> tuple[str | None, str | None]:
    if doc.metadata.get("body"):
        return doc.metadata["body"], "metadata"
    labelled = _MEETING_LABEL.search(_opening(doc.text, lines=8))
    if labelled:
        return labelled.group("body").strip(), "text"      # "Meeting: 19/09/2019 - Corporate Resources ... (Item 36)"
    header = [l.text.strip() for l in layout.header if l.text.strip()]
    for text in header[:12]:
        text = re.sub(r"\s+[-–—]\s+(?:\w+day\b|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4}).*$", "", text)
        text = re.sub(r"\s+(?:Minutes|MINUTES|Agenda|AGENDA|Notes|NOTES)$", "", text)   # "Health & Wellbeing Board Minutes"
        m = _BODY_RE.fullmatch(text.strip(" *#").title() if text.isupper() else text.strip(" *#"))
        if m and len(m.group(1).split()) >= 2 and not re.match(r"(?:Agenda|Minutes|Meeting)\b", m.group(1)):
            return titlecase(m.group(1)), "text"
    counts: dict[str, int] = {}
    for m in finditer_near(_BODY_RE, _BODY_WORD, _BODY_CHARS, doc.text):
        name = m.group(1)
        name = re.sub(r"^(?:The|Of|A|An|And|Chairman|Chair)\s+", "", name)
        if len(name.split()) >= 3 and re.search(r"Partnership|Board", name):
            counts[name] = counts.get(name, 0) + 1
    if counts:
        best = max(counts, key=lambda k: (counts[k], len(k)))
        # Named once, the body still shows itself as the one chaired or meeting here, or as the page's title.
        if counts[best] >= 2 or re.search(rf"\b(?:Chair(?:man|woman|person)?|meeting) of the {re.escape(best)}",
                                          doc.text) or re.match(rf"\s*{re.escape(best)}(?:\s+(?:Minutes|Agenda))?\s*\n",
                                                                doc.text):
            return best, "text"
    return None, None


def _venue(layout: Layout) -> str | None:
    lines = [l.text.strip() for l in layout.header]
    for i, text in enumerate(lines):
        m = re.match(r"(?:\*\*)?Venue\s*:?\s*(?:\*\*)?\s*(.*)$", text, re.I)
        if m:
            value = m.group(1) or next((t for t in lines[i + 1:] if t), "")
            return re.sub(r"\.?\s*View directions.*$", "", value).strip(" .*") or None
        m = re.match(r"Minutes of (?:a )?meeting held on [^,\n]*?\d{4}\s+(.+)$", text, re.I)
        if m:
            return m.group(1).strip()
        if re.match(r"Minutes of (?:a )?meeting held on", text, re.I) and i + 1 < len(lines) and lines[i + 1] \
                and re.search(r"\b(?:Hall|Centre|Room|House|Offices?|Chamber|Building|Online|Teams)\b", lines[i + 1]):
            return lines[i + 1]
    return None
