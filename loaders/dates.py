"""Dates in minutes, and which of them is the meeting's own (never invented)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from loaders.scan import literal_alternation

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH = "(" + literal_alternation([     # longest first: "Sept" before "Sep"
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]) + r")\.?"
DATE_RE = re.compile(
    r"(?=[\dadfjmnos])(?:"     # a digit or a month's first letter: a quick test before the three forms
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH},?\s+(\d{{4}})\b"
    rf"|\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    r"|\b(\d{1,2})/(\d{1,2})/(\d{4})\b)",
    re.I,
)


@dataclass(frozen=True)
class FoundDate:
    value: date
    start: int
    end: int

    @property
    def iso(self) -> str:
        return self.value.isoformat()


def find_dates(text: str) -> list[FoundDate]:
    out = []
    for m in _date_matches(text):
        try:
            if m.group(1):
                d = date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
            elif m.group(4):
                d = date(int(m.group(6)), MONTHS[m.group(4).lower()], int(m.group(5)))
            else:   # UK order: day/month/year
                d = date(int(m.group(9)), int(m.group(8)), int(m.group(7)))
        except (ValueError, KeyError):
            continue
        if 1990 <= d.year <= 2100:
            out.append(FoundDate(d, m.start(), m.end()))
    return out


_YEAR = re.compile(r"\d\d\d\d")          # spelt out: scans faster than \d{4}
_THREE_WORDS_BACK = re.compile(r"\S*(?:\s+\S+){0,3}")     # read on the text reversed


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """DATE_RE.finditer(text), searching only just before each four-digit number.

    A date ends with its year and has at most three runs of spaces ("23rd of July, 2021"), so it starts
    no more than three words before the year; the rest of a long text is never tried.
    """
    backwards = text[::-1]
    pos = 0
    while (year := _YEAR.search(text, pos)) is not None:
        from_end = len(text) - year.start()
        start = year.start() - (_THREE_WORDS_BACK.match(backwards, from_end).end() - from_end)
        m = DATE_RE.search(text, max(pos, start), year.end() + 1)     # +1: the \b after the year
        if m is None:
            pos = year.start() + 1
            continue
        yield m
        pos = m.end()


# The words before a date that say it is some other meeting's.
_PREVIOUS = re.compile(r"(?:minutes of|notes of|meeting (?:held )?on|last meeting|previous meeting|meeting of)"
                       r"[^.]{0,40}$", re.I)
_NEXT = re.compile(r"(?:next meeting|date of next|future meeting|following meeting|next SCPB|next board)[^.]{0,60}$",
                   re.I)
_OWN = re.compile(r"^\s*(?:#+\s*)?minutes of (?:a |the )?(?:meeting|proceedings)[^.\n]{0,80}?(?:held )?on\s*"
                  r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$", re.I)


# The same after a title or a label: "AGENDA ITEM 4 MINUTES OF A MEETING OF THE PANEL HELD ON ...".
_OWN_AFTER_TITLE = re.compile(r"^\s*(?:[A-Z0-9][\w’'&:.-]*\s+){0,8}?(?i:(?:minutes|notes) of (?:a |the )?(?:meeting|proceedings)"
                              r"[^.\n]{0,120}?(?:held )?on\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?)$")
_NOT_OWN = re.compile(r"\b(?:previous|last|approv\w*|confirm\w*|agree\w*|receive\w*|to note|signed)\b", re.I)
# A date a rule or a term runs from is no meeting's: "the Code of Conduct adopted from 1 September 2008".
_NOT_A_MEETING = re.compile(r"\b(?:from|since|adopted|effective|until|dated|commencing|expires?|published)\s+"
                            r"(?:the\s+)?$", re.I)


def meeting_date(header: str, body: str) -> tuple[str | None, str | None, dict[str, str]]:
    """(date, where it came from, context) for the meeting these minutes record.

    Only the header may state the meeting's own date ("Minutes of a meeting held on 23 July 2021",
    "Safer Bromley Partnership Board - Thursday 30 October 2014"). Dates of the previous and the next
    meeting found in the text are returned as context for an inferred range.
    """
    context: dict[str, str] = {}
    own: str | None = None
    heading_date: str | None = None
    for found in find_dates(header):
        line_start = header.rfind("\n", 0, found.start) + 1
        before = header[line_start:found.start]
        if _OWN.match(before):
            own = found.iso
            break
        if _NEXT.search(before):
            context.setdefault("next", found.iso)
            continue
        line_end = header.find("\n", found.end)
        after = header[found.end:line_end if line_end >= 0 else len(header)]
        if _OWN_AFTER_TITLE.match(before) and not _NOT_OWN.search(before) and not _NOT_OWN.search(after):
            own = found.iso      # "Children's Trust Board Notes of meeting on 22nd June 2007"
            break
        if re.search(r"(?:minutes of|notes of)\s", before, re.I) and not _OWN.match(before):
            continue
        if heading_date is None and not _PREVIOUS.search(before) and not _NOT_A_MEETING.search(before):
            heading_date = found.iso
    # In a pack, a cover page names the meeting the pack is for; the minutes inside are of an earlier one.
    if own is None and heading_date and re.search(r"minutes of (?:a |the )?(?:previous )?meeting", header, re.I) \
            and re.search(r"Please find enclosed|additional papers|supplementary", header, re.I):
        heading_date = None
    headed_held = own_below = None
    for found in find_dates(body):
        line_start = body.rfind("\n", 0, found.start) + 1
        lead = body[line_start:found.start]
        if own_below is None and len(lead) <= 160 and lead.isupper() and _OWN.match(lead):
            own_below = found.iso       # "MINUTES OF THE MEETING HELD AT <venue> ON <date>", a heading in capitals
        before = body[max(line_start, found.start - 120):found.start]
        if _NEXT.search(before):
            context.setdefault("next", found.iso)
        elif re.search(r"(?:minutes|notes) of the (?:previous |last )?meeting (?:held )?on[^.]{0,20}$|"
                       r"meeting held on[^.]{0,20}$|Minutes of [^.]{0,10}$", before, re.I):
            if context.setdefault("previous", found.iso) != found.iso and _HEADED_HELD.fullmatch(before) \
                    and found.iso > context["previous"]:
                headed_held = max(headed_held or "", found.iso)
    if own:
        return own, "text", context
    if own_below and (heading_date is None or _AGENDA_COVER.search(header)):
        # Below an agenda's cover ("A meeting ... will be held on ..."), the minutes that follow say whose they are.
        return own_below, "text", context
    if heading_date:
        return heading_date, "text", context
    if headed_held:
        # "Action Log of meeting held on 24 January 2014" standing as a heading, after the minutes of an earlier
        # meeting were agreed: a meeting held since the previous one, which these minutes record.
        return headed_held, "text", context
    return None, None, context


_AGENDA_COVER = re.compile(r"\bwill be held\b|\bA G E N D A\b|^\s*AGENDA\s*$", re.I | re.M)
_HEADED_HELD = re.compile(r"(?:[A-Z][\w’']*\s+){1,4}of\s+(?:the\s+)?meeting\s+held\s+on\s+(?:\w+\s+)?")


def inferred_year(context: dict[str, str]) -> str | None:
    """A year for time views when the meeting's own date is not stated: between previous and next."""
    prev, nxt = context.get("previous"), context.get("next")
    if prev and nxt and prev[:4] == nxt[:4]:
        return prev[:4]
    if nxt:
        return nxt[:4]
    if prev:
        return prev[:4]
    return None
