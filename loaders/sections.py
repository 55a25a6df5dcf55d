"""Where a list of people stands: the headings and inline prefixes of attendance and apology lists,
built from loaders/data/phrasings.yaml."""
from __future__ import annotations

import re

from loaders.phrasing import alternation

ATTENDANCE_HEAD = re.compile(rf"^\s*(?:[-*•]\s*)?(?P<head>{alternation('attendance_headings')})\s*"
                             rf"(?::\s*(?P<rest>.*))?$", re.I)
# "... Village Hall Present: Helen Crane (Chair) ...": a heading run into the line before it.
INLINE_HEAD = re.compile(r"(?<!\w)(?P<head>Present|PRESENT|Members [Pp]resent|Attendees|ATTENDEES|"
                         r"In [Aa]ttendance|IN ATTENDANCE|Also [Pp]resent|Attending)\s*:\s*(?P<rest>\S.*)")
# "Representing Town and Community Councils: E. Price (Ashton Town Council), ...": members under their body.
GROUP_HEAD = re.compile(r"^\s*(?:Representing|Representatives? (?:of|from)|Nominated by)\s+(?:the\s+)?"
                        r"(?P<body>[^:]{3,80}?)\s*:\s*(?P<rest>.*)$", re.I)
# "Apologies for absence were intimated from:-", "The following apologies were reported to the meeting by
# the Chair", "Apologies:": what leads into a list of those who sent apologies.
APOLOGY_TRIGGER = re.compile(
    rf"(?:(?<!\w)Apolog(?:ies|y)|APOLOGIES|(?<!\w)apolog(?:ies|y)(?=\s+(?:for\s+absence|were|was|had|have|received)))"
    rf"(?:\s+for\s+(?:absence|lateness))?(?:\s+(?:were|was|had been|have been|has been))?(?:\s+also)?"
    rf"(?:\s+(?:{alternation('apology_verbs')}))?(?:\s+to\s+the\s+(?:meeting|board|committee|panel|group))?"
    rf"(?:\s+by\s+the\s+(?:Chair|Chairman|Chairperson|Convener|Clerk|Secretary))?"
    rf"(?:\s+(?:{alternation('apology_sources')}))?(?:\s+the\s+following)?\s*(?::-|[:\-–])?\s*", re.I)
APOLOGIES_IN_LINE = re.compile(r"\bApolog(?:ies|y)\b(?:\s+for\s+absence)?\s*(?:[:\-–]|$)", re.I)
TABLE_HEADER = re.compile(r"(?:(?:Name|Names|Organi[sz]ation(?: represented)?|Agency|Role|Title|Post|Position|"
                          r"Representing|Present|Apologies|Attendance|Attended|Status|Deputy(?: attended)?)\s*\|?\s*)+", re.I)
# "... Mark Simmonds – Chief Finance Officer PCP 34.12/13 MEMBERSHIP OF THE PANEL The Chair ...": a list run
# on into the next item's capitalised heading (and its number) in PDF text ends where the heading starts.
HEADING_RUN = re.compile(r"(?:\s+[A-Z]{2,6})?(?:\s+\d{1,3}(?:[./]\d{1,3})*[.)]?)?\s+(?=(?:[A-Z][A-Z/&’'-]+\s+){2,}[A-Z][A-Z/&’'-]{2,})")
NUMBERED = re.compile(r"^\s*(?:(?:No|Item|Agenda Item)\s+)?\d{1,3}[.)]?(?:\s|$)|^\s*Item\s+[A-Z]")


_APOLOGY_START = re.compile(r"\s*(?:[-*•]\s*)?Apolog", re.I)


def is_apology_text(text: str) -> bool:
    return "polog" in text[:12].lower() and bool(_APOLOGY_START.match(text))
