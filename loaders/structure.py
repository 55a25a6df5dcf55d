"""Finding a document's structure: the header before the items, and each agenda item's title and text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.data_files import phrasings
from loaders.first_names import is_first_name
from loaders.names import people_in_run, starts_with_person
from loaders.sections import ATTENDANCE_HEAD


_INDENTED = re.compile(r"\s{2,}\S")
_NO_ITEM = re.compile(r"\s*No\.?\s+Item\s*", re.I)


@dataclass
class Line:
    no: int          # 1-based line number in the document
    text: str

    @property
    def indented(self) -> bool:
        return bool(_INDENTED.match(self.text))


@dataclass
class Item:
    number: str | None
    title: str
    line: int
    agenda: list[Line] = field(default_factory=list)   # the agenda's description, before "Minutes:"
    body: list[Line] = field(default_factory=list)     # the minutes of the item

    @property
    def text(self) -> str:
        return "\n".join(l.text for l in self.body)


@dataclass
class Layout:
    header: list[Line]
    items: list[Item]
    kind: str        # "moderngov", "moderngov-unnumbered", "single-item", "headings"


_NOISE_IN_TITLE = re.compile(r"\s*(?:pdf icon\s*)?PDF\s+[\d.,]+\s*[KM]B\b|\s*View (?:the )?(?:reasons|directions).*$"
                             r"|\s*\.\.\.\s*view the full.*$", re.I)
# "4", "4." and a sub-item "4a", "4(b)" or "4.1" alone on a line; "18/20", numbered through the municipal year.
_NUMBER_ALONE = re.compile(r"^\s*(\d{1,3})(?:\.?|([a-h])|\(([a-h])\)|(/\d{2})|(\.\d{1,2})\.?)\s*$")
# "4. Title", "Item 4 – Title", "4) Title", "4.0 Title", "Minute 104 Title", "34.12/13 TITLE" (a number with the
# municipal year).
_NUMBERED_HEADING = re.compile(r"^\s*(?:(?:Agenda\s+)?Item\s+|Minute\s+(?:No\.?\s*)?|No\.?\s*)?(\d{1,3})(?:[.:](?!\d)\s*|"
                               r"\.\d{2}/\d{2}\s+|\.0\s+|\s+[-–—]?\s*|\)\s*)"
                               r"(?:([ivx]{1,4})\)\s*)?(\S.*)$", re.I)
_CAPS_HEADING = re.compile(r"((?:[A-Z][A-Z/&’',-]+[ \t]+)+[A-Z][A-Z/&’'-]+)[ \t]+(?=[A-Z][a-z]+\s+[a-z])")
_YEAR_NUMBERED = re.compile(r"^\s*\d{1,3}\.\d{2}/\d{2}\s")
_NUMBER_THEN_ITEM = re.compile(r"^\s*(?:No\.?|Item)\s*(\d{1,3})\.?\s*$", re.I)
_ITEM_LINE = re.compile(r"^\s*Item\s+(\S.*)$")
_SUB_HEADING = re.compile(r"^\s*([ivx]{1,4})\)\s+(\S.*)$")
# A lettered sub-item in capitals, as the items it stands under are: "(a) OBAN COMMUNITY GROUP - 10 MAY 2014".
_LETTERED_CAPS = re.compile(r"^\s*\(([a-h])\)\s+([A-Z][^a-z]{3,150})$")
_MINUTES_LABEL = re.compile(r"^\s*Minutes\s*:\s*$", re.I)
_AGENDA_ITEM_LABEL = re.compile(r"\s*Agenda item\s*", re.I)
# A cover page's row ends in its pages ('Minutes 3 - 10'); a title ending in a span of years
# ('Community Safety Strategy 2026-2030') is a title.
_COVER_ROW = re.compile(r"\t|\s(?!(?:19|20)\d\d\s*-\s*(?:19|20)?\d\d\s*$)\d+\s*-\s*\d+\s*$")
_SENTENCE_END = re.compile(r"[.;:]\s*$")


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
                "up", "with", "vs"}
_VOWELS = set("AEIOUY")


def _title_word(word: str, first: bool) -> str:
    core = word.strip("()[]:,.-–/")
    if not core or any(ch.isdigit() for ch in core):
        return word
    if core.lower() in _SMALL_WORDS and not first:
        return word.lower()
    if len(core) <= 4 and not (set(core.upper()) & _VOWELS) or len(core) <= 3 and core.upper() not in {
            "NEW", "ANY", "OUR", "KEY", "USE", "WAY", "DAY", "TOP", "ALL", "OUT", "ONE", "TWO", "AGE"}:
        return word    # an acronym: BCU, CCTV, NPS
    return word[:1] + word[1:].lower() if word[:1].isalnum() else word[:2] + word[2:].lower()


def readable_title(title: str) -> str:
    """'NORTH WEST BCU POLICE UPDATE' -> 'North West BCU Police Update': capitals kept only for acronyms."""
    if not title.isupper():
        return title
    return " ".join(_title_word(w, i == 0) for i, w in enumerate(title.split()))


_ATTACHED = re.compile(r"\s*\((?:the\s+)?(?:report|copy|copies|papers?|presentation|minutes)\s+(?:attached|enclosed|to follow|"
                       r"herewith)\)", re.I)


def clean_title(title: str) -> str:
    title = _NOISE_IN_TITLE.sub("", title)
    title = re.sub(r"^The meeting (?:finished|closed|ended) at [\d.:]+\s*(?:am|pm|hrs)?\.?\s*", "", title, flags=re.I)
    title = _ATTACHED.sub("", title)
    title = re.sub(r"\s+", " ", title).strip(" *#:-–")
    if title.isupper():
        title = re.sub(r"\b([A-Z]{3,}) S\b", r"\1S", title)      # PDF letter-spacing: "APOLOGIE S"
    return readable_title(title)


def parse_layout(text: str) -> Layout:
    lines = [Line(i + 1, t) for i, t in enumerate(text.split("\n"))]
    nonblank = [l for l in lines if l.text.strip()]
    label = next((k for k, l in enumerate(nonblank[:12]) if _AGENDA_ITEM_LABEL.fullmatch(l.text)), None)
    if label is not None:
        return _single_item(lines, lines.index(nonblank[label]))
    for layout in (_issue_page, _item_table, _moderngov_numbered, _moderngov_unnumbered, _bar_rows, _minutes_rows, _headings, _gap_titles,
                   _line_titles, _caps_titles):
        found = layout(lines)
        if found:
            return found
    return _untitled_page(lines)


def _next_nonblank(lines: list[Line], i: int) -> int | None:
    for j in range(i, len(lines)):
        if lines[j].text.strip():
            return j
    return None


def _split_agenda(item: Item, lines: list[Line]) -> None:
    """Lines up to a 'Minutes:' label are the agenda's description; after it, the minutes."""
    for k, line in enumerate(lines):
        if _MINUTES_LABEL.match(line.text):
            item.agenda = lines[:k]
            item.body = lines[k + 1:]
            return
    item.body = lines


_ISSUE_MEETING = re.compile(r"^\s*Meeting:\s*\d{1,2}/\d{1,2}/\d{4}\s*-\s*.+\(Item\s+(?P<number>[^)]+?)\.?\)\s*$")


def _issue_page(lines: list[Line]) -> Layout | None:
    """ModernGov's issue history: 'Meeting: 19/09/2019 - Committee (Item 36)', then '36 Title', its decision
    and minutes, then the same issue at another meeting. The first meeting is the page's; later ones are not."""
    meetings = [i for i, l in enumerate(lines) if _ISSUE_MEETING.match(l.text)]
    if not meetings:
        return None
    first = meetings[0]
    number = _ISSUE_MEETING.match(lines[first].text).group("number")
    end = meetings[1] if len(meetings) > 1 else len(lines)
    title_at = _next_nonblank(lines, first + 1)
    if title_at is None or title_at >= end:
        return None
    title = re.sub(rf"^\s*{re.escape(number)}\.?\s+", "", lines[title_at].text)
    item = Item(number, clean_title(title), lines[title_at].no)
    _split_agenda(item, lines[title_at + 1:end])
    if item.agenda and not item.body:
        item.body, item.agenda = item.agenda, []
    return Layout(lines[:first + 1], [item], "issue")


def _single_item(lines: list[Line], label: int) -> Layout:
    """A ModernGov agenda-item page: an 'Agenda item' label, then the item's title, its text, its minutes."""
    title_at = _next_nonblank(lines, label + 1)
    if title_at is None:
        return Layout(lines, [], "single-item")
    if _NOT_A_TITLE.match(lines[title_at].text) or _SENTENCE_END.search(lines[title_at].text) \
            and len(lines[title_at].text.split()) > 12:
        # "(Ms A. Bell, Head of ..., attended in connection with this item.)": the page's title was not kept.
        item = Item(None, "", lines[title_at].no)
        _split_agenda(item, lines[title_at:])
        return Layout(lines[:title_at], [item], "single-item")
    item = Item(None, clean_title(lines[title_at].text), lines[title_at].no)
    subs = [k for k in range(title_at + 1, len(lines)) if (m := _SUB_ITEM.match(lines[k].text)) and _is_heading_text(m.group(2))]
    _split_agenda(item, lines[title_at + 1:subs[0] if subs else len(lines)])
    items = [item]
    for n, k in enumerate(subs):
        # "9(i) Women's Safety Forum – Jo Baker": a sub-item of the page's item, with minutes of its own.
        m = _SUB_ITEM.match(lines[k].text)
        items.append(Item(m.group(1), clean_title(m.group(2)), lines[k].no))
        items[-1].body = lines[k + 1:subs[n + 1] if n + 1 < len(subs) else len(lines)]
    return Layout(lines[:title_at], items, "single-item")


_SUB_ITEM = re.compile(r"^\s*(\d{1,3}\s?\((?:[ivx]{1,4}|[a-h])\))\s+(\S.{2,150})$")


def _moderngov_numbered(lines: list[Line]) -> Layout | None:
    """ModernGov pages: the item number alone on a line, then the title, then 'Minutes:'."""
    starts: list[tuple[int, int, str]] = []      # (line index of number, index of title, number)
    previous = None
    for i, line in enumerate(lines):
        m = _NUMBER_ALONE.match(line.text)
        if not m:
            # CMIS: "1 Sederunt" with no "1" alone after it: the item's number and title on one line.
            c = _CMIS_TITLE.match(line.text) if previous is not None and line.text[:1].isdigit() else None
            if c and int(c.group(1)) == previous + 1 and _is_heading_text(c.group(2)) \
                    and not re.search(r"[.;:]\s*$", c.group(2)) and not _number_follows(lines, i, c.group(1)):
                starts.append((i, i, c.group(1)))
                previous = int(c.group(1))
            continue
        j = _next_nonblank(lines, i + 1)
        if j is None or _NUMBER_ALONE.match(lines[j].text):
            continue
        n = int(m.group(1))
        sub = m.group(2) or m.group(3) or m.group(5)
        if previous is not None and not (previous < n <= previous + 3 or sub and n == previous):
            continue
        if not re.search(r"[A-Za-z]{2}", lines[j].text):
            continue          # "7." then "B": a page cut off after the number, no title
        starts.append((i, j, m.group(1) + (sub or m.group(4) or "")))
        previous = n
    if len(starts) < 2 and not (starts and any(_MINUTES_LABEL.match(l.text) for l in lines)):
        return None
    items = []
    for k, (i, j, number) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        # CMIS prints "2 Declaration of Interests" on one line, then "2" alone, then the minute itself.
        above = next((m for l in lines[max(0, i - 3):i] if (m := re.match(rf"^\s*{number}\.?\s+(\S.{{2,150}})$", l.text))),
                     None)
        if i == j:
            item = Item(number, clean_title(_CMIS_TITLE.match(lines[i].text).group(2)), lines[i].no)
            _split_agenda(item, lines[i + 1:end])
        elif above and not _title_like(lines[j].text.strip()):
            item = Item(number, clean_title(above.group(1)), lines[i].no)
            _split_agenda(item, lines[j:end])
        else:
            item = Item(number, clean_title(lines[j].text), lines[j].no)
            _split_agenda(item, lines[j + 1:end])
        items.append(item)
    return Layout(lines[:starts[0][0]], items, "moderngov")


_CMIS_TITLE = re.compile(r"^(\d{1,3})\s+(\S.{2,150}?)[\s*]*$")


def _number_follows(lines: list[Line], i: int, number: str) -> bool:
    """Whether the number stands alone again on one of the next three lines (CMIS repeats it above the minute)."""
    seen = 0
    for line in lines[i + 1:]:
        if line.text.strip():
            if line.text.strip().rstrip(".") == number:
                return True
            seen += 1
            if seen == 3:
                break
    return False


_TABLE_COLUMNS = {h.casefold(): column for column, heads in phrasings()["item_table_columns"].items() for h in heads}
_ITEM_HEADS = tuple(h for h, c in _TABLE_COLUMNS.items() if c == "item")
_ITEM_HEAD_INITIALS = {h[:1].upper() for h in _ITEM_HEADS} | {h[:1].lower() for h in _ITEM_HEADS}
# A flattened row's cells: parted by bars, tabs or ' / ' (a slash between words, 'Officer/Member', is no break).
_ROW_CELLS = re.compile(r"\s*\|\s*|\t+|\s+/(?:\s+|$)|^/\s+")


def _table_heading(lines: list[Line], i: int) -> int | None:
    """Where a table of items' heading row ends (the index after it), if a row starts at line i: cells that
    are all column headings, the first the item's ('Agenda Item | Discussion | Action'), perhaps each
    cell on a line of its own ('Agenda Item /', 'Action')."""
    cells: list[str] = []
    j = i
    while j < len(lines) and j < i + 8:
        text = lines[j].text.strip()
        if text:
            row = [c.strip(" *:").casefold() for c in _ROW_CELLS.split(text) if c.strip(" *:")]
            if not row or any(c not in _TABLE_COLUMNS for c in row):
                break
            cells += row
        j += 1
    kinds = {_TABLE_COLUMNS[c] for c in cells[1:]}
    if len(cells) >= 2 and _TABLE_COLUMNS[cells[0]] == "item" and ("minutes" in kinds or "agenda" in cells[0]):
        return j
    return None


def _item_table(lines: list[Line]) -> Layout | None:
    """Minutes printed as a table of items: the heading row, then a row per item, its title in the first
    cell ('Budget / PD went through the budget papers ...'), or a title alone closed by a colon ('Matters
    Arising:'); a line that is no row goes on the item above."""
    start = next((i for i, l in enumerate(lines) if len(l.text) < 120 and l.text.lstrip(" |*")[:1] in _ITEM_HEAD_INITIALS
                  and l.text.strip(" |*").casefold().startswith(_ITEM_HEADS) and _table_heading(lines, i) is not None),
                 None)
    if start is None:
        return None
    items: list[Item] = []
    for line in lines[_table_heading(lines, start):]:
        text = line.text.strip()
        cells = _ROW_CELLS.split(text, maxsplit=1) if text else []
        title = cells[0].strip(" *") if len(cells) == 2 else text[:-1] if text.endswith(":") else ""
        if title and len(title.split()) <= 12 and not _SENTENCE_END.search(title) and _is_heading_text(title) \
                and title[:1].isupper() and not _names_person_first(title):
            items.append(Item(None, clean_title(title), line.no))
            if len(cells) == 2 and cells[1].strip(" |"):
                items[-1].body.append(Line(line.no, cells[1].strip(" |")))
        elif items:
            items[-1].body.append(line)
    if len(items) < 2:
        return None
    return Layout(lines[:start], items, "item-table")


def _moderngov_unnumbered(lines: list[Line]) -> Layout | None:
    """Older ModernGov pages: unindented titles after 'No. Item', each item's text indented below."""
    head = next((i for i, l in enumerate(lines) if _NO_ITEM.fullmatch(l.text)), None)
    if head is None:
        return None
    rest = lines[head + 1:]
    if sum(1 for l in rest if l.indented) < 3:
        return None
    items: list[Item] = []
    pending: list[Line] = []
    for line in rest:
        if line.text.strip() and not line.indented and _unindented_title(line.text.strip()):
            if items:
                _split_agenda(items[-1], pending)
            items.append(Item(None, clean_title(line.text), line.no))
            pending = []
        elif items:
            pending.append(line)
    if items:
        _split_agenda(items[-1], pending)
    return Layout(lines[:head + 1], items, "moderngov-unnumbered") if items else None


# The items every meeting has open their titles with these words, and the rest of such a title is mostly
# in lower case: "Minutes of the last meeting", "Questions from members of the public".
_STANDARD_ITEM = re.compile(r"(?:Minutes|Notes of|Apologies|Declarations?|Disclosures?|Matters arising|"
                            r"Any other business|Dates? of (?:the )?next|Questions from|Public (?:questions|participation)|"
                            r"Urgent business|Items of urgent|To note any items|Welcome and|Introductions? and)\b", re.I)
_FINITE_VERB = re.compile(r"\b(?:were|was|be|been|are|is|had|has|have|will|would|agreed|approved|noted|received|"
                          r"confirmed|signed|accepted)\b", re.I)


def _is_heading_text(title: str) -> bool:
    title = title.strip()
    if not title or len(title) > 160 or _COVER_ROW.search(title):
        return False
    words = re.findall(r"[A-Za-z][\w'’/-]*", title)
    if not words:
        return False
    if title.isupper():
        return True
    if _STANDARD_ITEM.match(title) and not _FINITE_VERB.search(title) and len(words) <= 16:
        return True      # "Minutes of the meeting held on 29th March 2023", "Questions from members of the public"
    capitalised = sum(1 for w in words if w[0].isupper())
    # Headings are mostly capitalised and do not read as a sentence.
    if _SENTENCE_END.search(title) and not re.search(r"\d{4}\s*\.?$", title):
        return capitalised / len(words) >= 0.6 and len(words) <= 14
    return capitalised / len(words) >= 0.45 or len(words) <= 6


def _headings(lines: list[Line], from_minutes: bool = True) -> Layout | None:
    """Minutes as plain text or Markdown: numbered headings ('4. Localised Policing', '6. i) ...'), from the
    line that opens the minutes; where none follow it, the agenda above is the page's only list of items."""
    start = 0
    for i, line in enumerate(lines if from_minutes else ()):
        if re.match(r"\s*(?:Minutes of (?:a |the )?meeting|MINUTES\s*$)", line.text, re.I):
            start = i
            break
    # Where an item 1 stands, the sequence starts there: a stray number above it ('19 views') is no item.
    first_item = next((i for i in range(start, len(lines))
                       if (m := _NUMBERED_HEADING.match(lines[i].text)) and m.group(1) in ("1", "01")
                       and m.group(3)[:1].isupper() and _is_heading_text(m.group(3))), None)
    start = first_item if first_item is not None else start
    heads: list[tuple[int, str, str]] = []      # (index, number, title)
    run_in: dict[int, str] = {}                  # index -> the text a heading ran straight into
    previous: int | None = None
    last_main: str | None = None
    for i in range(start, len(lines)):
        text = lines[i].text
        if _NUMBER_THEN_ITEM.match(text):
            # "No 1" on its own line, then "Item Community Safety Partnerships": one heading on two lines.
            k = _next_nonblank(lines, i + 1)
            if k is not None and _ITEM_LINE.match(lines[k].text):
                text = f"{_NUMBER_THEN_ITEM.match(text).group(1)}. {_ITEM_LINE.match(lines[k].text).group(1)}"
        m = _NUMBERED_HEADING.match(text) if not (text[:3].lstrip()[:1].isdigit() and _DATED.match(text)) else None
        if m:
            n = int(m.group(1))
            year_numbered = _YEAR_NUMBERED.match(text) is not None    # "34.12/13": numbered through the year
            # A minute numbered on through the council's year ("971     MINUTES -"): a number far above 20 opens
            # the sequence where a wide gap and a title in capitals follow it.
            through_year = year_numbered or re.match(r"\s*\d{2,3}\s{3,}[A-Z][A-Z ,’'&/-]{3,}(?:\s[-–]\s*)?$", text) \
                or re.match(r"\s*Minute\s", text, re.I)       # "Minute 101 Budget"
            if (previous is None and (n <= 20 or through_year)) or (previous is not None and previous < n <= previous + 3):
                title = m.group(3)
                caps = _CAPS_HEADING.match(title)      # "APOLOGIES FOR ABSENCE Apologies were received ..."
                split = (caps.group(1), title[caps.end():]) if caps \
                    else None if _is_heading_text(title) else _run_in_title(title)
                if split:
                    title, run_in[i] = split
                if split or _is_heading_text(title) or _paragraphs_numbered_under(lines, i, m.group(1), title) \
                        or _AGENDA_PHRASED.match(title) and len(title.split()) <= 25:
                    number = f"{m.group(1)} {m.group(2)})" if m.group(2) else m.group(1)
                    heads.append((i, number, title))
                    previous, last_main = n, m.group(1)
            continue
        s = _SUB_HEADING.match(text)
        if s and last_main and heads and _is_heading_text(s.group(2)):
            heads.append((i, f"{last_main} {s.group(1)})", s.group(2)))
        elif last_main and heads and (s := _LETTERED_CAPS.match(text)):
            heads.append((i, f"{last_main}({s.group(1)})", s.group(2)))     # "(a) MINUTES OF THE GROUP"
    if heads and heads[0][1] in ("1", "01"):
        # "Introductions WM introduced ..." above item 1: the opening item, left unnumbered.
        opening = next((k for k in range(heads[0][0] - 1, start - 1, -1) if _UNNUMBERED_OPENING.match(lines[k].text)), None)
        if opening is not None:
            m = _UNNUMBERED_OPENING.match(lines[opening].text)
            heads.insert(0, (opening, None, m.group("title")))
            if m.group("rest"):
                run_in[opening] = m.group("rest")
    items = []
    for k, (i, number, title) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        item = Item(number, clean_title(title), lines[i].no)
        own = [Line(lines[i].no, run_in[i])] if i in run_in else []
        _split_agenda(item, own + lines[i + 1:end])
        items.append(item)
    if not heads:
        return _headings(lines, from_minutes=False) if start and from_minutes else None
    return Layout(lines[:heads[0][0]], items, "headings")


# The opening item minutes often leave unnumbered above item 1, alone on its line or run into its text.
_UNNUMBERED_OPENING = re.compile(r"^\s*(?P<title>(?:Chair(?:man)?['’]?s\s+)?(?:Welcome|Introductions?)(?:,?\s+(?:and|&)\s+"
                                 r"(?:Introductions?|Apologies(?:\s+for\s+Absence)?|Welcome))?)"
                                 r"(?:\s*[:.–-]?\s*|\s+(?P<rest>(?:[A-Z]{2,3}|[A-Z][a-z]+)\s+[a-z].*))$")


# "6 December 2017", "13 Mar 2018 - 13:00 to 14:00": a date, not item 6 or 13.
_DATED = re.compile(r"\s*\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?"
                    r"\s+(?:(?:19|20)\d\d|\d{1,2}[.:]\d\d)\b")


# An agenda's item phrased as what the meeting is to do: "3. To receive and note the minutes of the meeting held on
# 12th October 2012 (copy attached)."
_AGENDA_PHRASED = re.compile(r"To\s+(?:receive|consider|note|approve|agree|confirm|elect|appoint)\b")


def _paragraphs_numbered_under(lines: list[Line], i: int, number: str, title: str) -> bool:
    """'3. To note any items the Chair has agreed to add' then '3.1 The Chair confirmed ...': the paragraphs
    numbered under it make a line a heading, though it reads as a sentence."""
    j = _next_nonblank(lines, i + 1)
    return j is not None and len(title.split()) <= 30 and not re.search(r"[.;:]\s*$", title) \
        and re.match(rf"\s*{number}\.1\b", lines[j].text) is not None


_SENTENCE_OPENER = re.compile(r"(?:The|It|This|These|There|He|She|They|We)\s|"
                              r"(?:Members|A|An|Minutes|Apologies|Following|In|On|At)\s+[a-z]")
_TITLE_WORD = re.compile(r"(?:[A-Z0-9][\w’'/&.-]*|&|and|of|the|for|to|on|in|with|[-–])$")


def _run_in_title(text: str) -> tuple[str, str] | None:
    """'Welcome & Apologies Chris welcomed everyone, ...': a heading run straight into its first sentence,
    cut where the sentence starts (a sentence's opening word, or a person and a lower-case verb)."""
    words = text.split()
    sentence_case = False       # "Minutes / matters arising The minutes were agreed": a title in sentence case
    for k in range(1, min(len(words), 12)):
        if not _TITLE_WORD.match(words[k - 1]):
            if k - 1 == 0 or words[k - 1].endswith((".", ",", ";", ":")):
                return None
            sentence_case = True
        rest = " ".join(words[k:])
        strong = _STRONG_OPENER.match(rest) \
            or (_INITIALS_SUBJECT.match(rest) is not None)                  # "SB gave a presentation"
        opener = strong or not sentence_case and (
            _SENTENCE_OPENER.match(rest)
            or (starts_with_person(rest) and re.match(r"\S+(?:\s+[A-Z]\S*){0,2}\s+[a-z]", rest))
            or (is_first_name(words[k]) and k + 1 < len(words) and words[k + 1][:1].islower()))   # "Chris welcomed"
        if opener and words[k - 1] not in ("&", "and", "of", "the", "for", "to", "on", "in", "with", "-", "–"):
            return " ".join(words[:k]), rest
    return None


_STRONG_OPENER = re.compile(r"(?:The|It|This|These|There|He|She|They|We)\s+[a-z]")
_INITIALS_SUBJECT = re.compile(r"[A-Z]{2,3}\s+(?:gave|presented|introduced|reported|updated|explained|advised|"
                               r"informed|outlined|said|noted|confirmed|will|would|to)\b")


def _items_at(lines: list[Line], heads: list[tuple[int, str]], kind: str) -> Layout:
    """Items whose titles stand at these line indexes; each runs to the next title."""
    items = []
    for k, (i, title) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        item = Item(None, clean_title(title), lines[i].no)
        _split_agenda(item, lines[i + 1:end])
        items.append(item)
    return Layout(lines[:heads[0][0]], items, kind)


# "Meeting dates - 2013 Minutes: Theresa ... provided ...": a table row of title, 'Minutes:', the minutes.
_MINUTES_ROW = re.compile(r"^\s*(?P<title>(?:\S.{2,400}?)?)\s*\bMinutes\s*:\s*(?P<body>\S.*|)$")
# Where a row's title stops and its agenda text starts: "Apologies To receive.", "... PDF 193 KB To consider".
_AGENDA_TEXT = re.compile(r"(?<=[a-z)])\s+(?=To\s[a-z])|(?<=\w)\s+(?=(?:Verbal|Oral|Written)\s+(?:update|report)\b)|\s+PDF\s+[\d.]+\s*[KM]B\b|\s+(?=You\s+(?:are|may)\b)")


# A page's labels and a table's rule lines are no items: "Venue: ...", "Contact: ...", "|---|---|".
_NOT_A_ROW = re.compile(r"(?:Venue|Contact|Note|Date|Time|Place|Location)\s*:|[|\s:-]*$|No\.?\s*\|", re.I)


def _bar_rows(lines: list[Line]) -> Layout | None:
    """A page printed as a table, each item a row ended by '|': 'Title To receive ... Minutes: text |'. A
    row's title is what precedes its agenda text or its 'Minutes:' label, on the row's first line."""
    ends = [i for i, l in enumerate(lines) if l.text.rstrip().endswith("|") and l.text.strip() != "|"]
    if len(ends) < 3 or sum(1 for l in lines if "Minutes:" in l.text) < 2:
        return None
    heads: list[tuple[int, str]] = []
    first_lines: dict[int, str] = {}
    start = _next_nonblank(lines, 0)
    for end in ends + [len(lines)]:
        if start is None or start >= len(lines) or start > end:
            break
        first = lines[start].text.strip().rstrip(" |")
        m = _MINUTES_ROW.match(first) if "Minutes" in first else None
        if m:
            title, rest = _AGENDA_TEXT.split(m.group("title"))[0], "Minutes: " + m.group("body")
        else:
            title = _AGENDA_TEXT.split(first)[0]
            rest = first[len(title):].strip()
        title = title.strip()
        if title and len(title.split()) <= 14 and not _SENTENCE_END.search(title) and not _NOT_A_ROW.match(title):
            heads.append((start, title))
            first_lines[start] = rest
        start = _next_nonblank(lines, end + 1) if end < len(lines) else None
    if len(heads) < 3:
        return None
    layout = _items_at(lines, heads, "bar-rows")
    for item, (i, _) in zip(layout.items, heads):
        if first_lines[i]:
            item.body.insert(0, Line(lines[i].no, first_lines[i]))
        item.body = [Line(l.no, l.text.rstrip(" |")) for l in item.body]
        item.agenda = []
    return layout


_REPEATED_OPENING = re.compile(r"((\w+)(?:\s+\w+){0,5}?)\s+\2\b")


def _before_repeat(title: str) -> str:
    """'Minutes Minutes of the Meeting held on ...': the agenda's description starts by repeating the title's
    first word; the title is what stands before it."""
    m = _REPEATED_OPENING.match(title)
    return m.group(1) if m else title


def _minutes_rows(lines: list[Line]) -> Layout | None:
    """Pages flattened to one row per item, 'Title Minutes: text |'. The title is what precedes the label,
    less any agenda text ('To receive.'); the minutes stay on the row, so each row is split in two."""
    rows = [(i, m) for i, l in enumerate(lines) if "Minutes" in l.text and (m := _MINUTES_ROW.match(l.text))]
    if len(rows) < 2:
        return None
    items = []
    for k, (i, m) in enumerate(rows):
        title = _AGENDA_TEXT.split(m.group("title"))[0]
        described = _SENTENCE_END.search(title) and len(title.split()) > 10      # the agenda's description
        if not title.strip() or re.match(r"\s*(?:\(|To\s[a-z])", title) or described:
            # "Minutes:" opens the row, or follows the agenda's description: the title is on a line above
            # ("Simultaneous Translation You are ...", "Partnership Review" / "The Committee will ...").
            # Never above the row before: its lines are its minutes.
            floor = rows[k - 1][0] if k else -1
            above = next((t for x in range(i - 1, max(floor, i - 4), -1)
                          if (t := _AGENDA_TEXT.split(lines[x].text.strip())[0]) and "Minutes:" not in t
                          and not re.search(r"[.;:]\s*$", t) and len(t.split()) <= 14), "")
            title = above or _topic(m.group("body"))
        end = rows[k + 1][0] if k + 1 < len(rows) else len(lines)
        item = Item(None, clean_title(_before_repeat(title)), lines[i].no)
        item.body = [Line(lines[i].no, m.group("body").rstrip(" |"))] + lines[i + 1:end]
        described_here = m.group("title")[len(title):].strip() if m.group("title").startswith(title) else ""
        if described_here:
            # "To consider the report of Ann Lee, Head of Service.": the agenda's description, kept as the agenda's.
            item.agenda = [Line(lines[i].no, re.sub(r"^PDF\s+[\d.]+\s*[KM]B\s*", "", described_here))]
        items.append(item)
    return Layout(lines[:rows[0][0]], items, "minutes-rows")


# "Consideration was given to the Action Sheet.", "The Committee received the Annual Report of ...": what an
# item with no printed title was about.
_CONSIDERED = re.compile(r"^\s*(?:Consideration was given to|(?:The|Members of the)\s+\w+\s+(?:considered|received|noted))"
                         r"\s+(?:the\s+)?(?P<topic>[A-Z][^.,;:]{2,80}?)(?:\s+(?:of|for|held|dated|on|which|from|by)\b|[.,;:]|$)")


def _topic(text: str) -> str:
    m = _CONSIDERED.match(text)
    # "the Eastfield Safer Communities Board Action Log": the body's own name is no part of what it considered.
    return re.sub(r"^.*\b(?:Board|Committee|Partnership|Panel|Group)(?:['’]s)?\s+(?=[A-Z])", "", m.group("topic")) if m else ""


def _names_person_first(text: str) -> bool:
    """A row of a list of people ('Ann Ellis (AE)'), not a title."""
    spans = people_in_run(text)
    return bool(spans) and spans[0][1] == 0


_NOT_A_TITLE = re.compile(r"^\s*(?:\(|To\s+[a-z]|That\b|Resolved|RESOLVED|Minutes\s*:|Additional documents|Contact\s*:|"
                          r"Organi[sz]ation represented|Name\s*\|?$|"
                          r"Venue\s*:|Agenda and|No\.?\s+Item)", re.I)


def _title_like(text: str) -> bool:
    """A line that reads as an item's title: short, capitalised, not a sentence, a list row or a label."""
    title = clean_title(text)
    return bool(title) and not _NOT_A_TITLE.match(text) and not ATTENDANCE_HEAD.fullmatch(title) \
        and not _SENTENCE_END.search(title) and not _UNFINISHED.search(text) and len(title.split()) <= 12 \
        and _is_heading_text(title) and not _names_person_first(text) and not _short_sentence(title)


def _short_sentence(title: str) -> bool:
    """'No apologies were received': a few words in lower case around a finite verb are a sentence, not a
    heading, though no full stop ends them."""
    words = title.split()
    return bool(_FINITE_VERB.search(title)) and not title.isupper() and not _STANDARD_ITEM.match(title) \
        and sum(1 for w in words if w[:1].isupper()) * 2 < len(words)


# A line that stops mid-phrase ('The local objectives; and', 'Report (132K/bytes)', 'Minutes:') is no title.
_UNFINISHED = re.compile(r"[:;,]\s*-?$|\b(?:and|or|of|the|to|for|with|a|an)\s*$|\(\d+\s*K/?bytes\)", re.I)


def _unindented_title(text: str) -> bool:
    """Where indentation marks the items' text, an unindented line is a title unless it is a sentence."""
    title = clean_title(text)
    return bool(title) and not re.search(r"[.;]\s*$", title) and len(title.split()) <= 20 \
        and not _names_person_first(text) and not _LEADS_INTO_LIST.search(text)


# "Comments and responses to questions included:": a sentence leading into the list below it.
_LEADS_INTO_LIST = re.compile(r"\b(?:[a-z]+ed|include|includes|following|were|was|as follows)\s*:-?\s*$")


def _gap_titles(lines: list[Line]) -> Layout | None:
    """ModernGov pages that lost their item numbers and indentation: a title is a short heading-like line
    after two or more blank lines (or the page's first line), and its minutes follow."""
    heads: list[tuple[int, str]] = []
    blank = 2
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            blank += 1
            continue
        if blank >= 2 and _title_like(text):
            heads.append((i, text))
        blank = 0
    if len(heads) < 2:
        return None
    return _items_at(lines, heads, "gap-titles")


def _line_titles(lines: list[Line]) -> Layout | None:
    """PDF text with its headings on short lines of their own between paragraphs, no blank lines around
    them: a title-like line after a sentence's end (or another title), with a sentence after it."""
    text_at = [i for i, l in enumerate(lines) if l.text.strip()]
    heads: list[tuple[int, str]] = []
    for k, i in enumerate(text_at[1:-1], start=1):
        text = lines[i].text.strip()
        before, after = lines[text_at[k - 1]].text.strip(), lines[text_at[k + 1]].text.strip()
        after_a_sentence = bool(re.search(r"[.:;)]$|\b(?:19|20)\d\d$", before)) \
            or bool(heads and heads[-1][0] == text_at[k - 1])       # a sentence's end, a date line, a title
        if not heads and (_VENUE_LINE.search(text) and re.search(r"\b(?:19|20)\d\d$", before) or _DATE_LINE.search(text)):
            continue      # the meeting's date, and the venue under it, are not items
        if len(text.split()) <= 8 and after_a_sentence and _title_like(text) \
                and (not _title_like(after) or _titles_then_text(lines, text_at, k + 1)):
            heads.append((i, text))
    if len(heads) < 3:
        return None
    return _items_at(lines, heads, "line-titles")


_DATE_LINE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)\s+(?:19|20)\d\d\s*$")
_VENUE_LINE = re.compile(r"\b(?:Hall|Centre|Center|Room|House|Offices?|Chambers?|Building|Online|Teams|Zoom)\s*$")


def _titles_then_text(lines: list[Line], text_at: list[int], k: int) -> bool:
    """Whether the short title-like lines from text_at[k] on (two at most: an item with nothing minuted
    before the next) lead to a line of text ('Action Log' / 'Annual Report' / 'An assurance was ...')."""
    for m in range(k, min(len(text_at), k + 2)):
        text = lines[text_at[m]].text.strip()
        if len(text.split()) > 8:
            return False
        if m + 1 < len(text_at) and not _title_like(lines[text_at[m + 1]].text.strip()):
            return True
    return False


# A heading in capitals, alone on its line or run into its minutes: "WELCOME AND INTRODUCTIONS 1. The Chair
# welcomed ...", "CORRESPONDENCE: COMMUNITY PLANNING CONFERENCE – FOLLOW UP".
_CAPS_TITLE = re.compile(r"^\s*(?P<title>[A-Z][A-Z’'&/,:()–—-]*(?:[ \t]+[A-Z0-9’'&/,:()–—-][A-Z0-9’'&/,:()–—.-]*)+?)"
                         r"(?:[ \t]+(?P<rest>(?:\d+(?:\.\d+)*\.?[ \t]+)?[A-Z][a-z].*)|[ \t]*)$")
# A page's own heading, not an item: who it is of, when it met, who attended.
_CAPS_NOT_ITEM = re.compile(r"\b(?:MINUTES OF|MEETING OF|HELD (?:ON|AT)|PRESENT|ATTENDING|IN ATTENDANCE|"
                            r"AGENDA ITEM|PAGE \d)\b")


def _caps_titles(lines: list[Line]) -> Layout | None:
    """Minutes whose items are headed in capitals, with no numbers before them, the heading alone on its
    line or run straight into the minutes."""
    heads: list[tuple[int, str]] = []
    run_in: dict[int, str] = {}
    # The page's own headings stand above its attendance ("PRESENT: ..."): items start after it.
    start = next((i for i, l in enumerate(lines) if re.match(r"\s*PRESENT\b|\s*Present\s*:", l.text)), 0)
    for i, line in enumerate(lines[start:], start):
        m = _CAPS_TITLE.match(line.text)
        if not m or len(re.findall(r"[A-Z]{3,}", m.group("title"))) < 2 or _CAPS_NOT_ITEM.search(m.group("title")):
            continue      # two words at least, not initials in a table ("JR / YP")
        if not heads and i == _next_nonblank(lines, 0):
            continue      # the page's first line names the body or the meeting
        heads.append((i, m.group("title")))
        if m.group("rest"):
            run_in[i] = m.group("rest")
    if len(heads) < 3:
        return None
    layout = _items_at(lines, heads, "caps-titles")
    for item, (i, _) in zip(layout.items, heads):
        if i in run_in:
            item.body.insert(0, Line(lines[i].no, run_in[i]))
    return layout


def _untitled_page(lines: list[Line]) -> Layout:
    """A page of one item's minutes with no labels: its first line, if it reads as a title, is the item."""
    first = _next_nonblank(lines, 0)
    if first is None:
        return Layout(lines, [], "headings")
    title = lines[first].text.strip()
    if len(title.split()) > 14 or title.endswith(".") or not _is_heading_text(title) or _NAMES_THE_MEETING.search(title):
        return _prose_page(lines)
    body = " ".join(l.text.strip() for l in lines[first + 1:])
    if len(body) < 300:
        return Layout(lines, [], "headings")     # too little under it to be an item's minutes
    item = Item(None, clean_title(title), lines[first].no)
    _split_agenda(item, lines[first + 1:])
    return Layout(lines[:first], [item], "single-item")


# A page's first line that names the meeting or the body that met ("Minutes of the", "Meeting", "Police and
# Fire Scrutiny Sub-Committee"), not an item.
_NAMES_THE_MEETING = re.compile(r"^(?:Minutes|Meeting|Agenda|Notes)\b|\b(?:Committee|Board|Partnership|Panel|Group|"
                                r"Forum|Council|Executive|Authority|Commission)\s*$", re.I)


def _prose_page(lines: list[Line]) -> Layout:
    """Minutes with no titles at all (one item's text, cut from its page): the prose from its first
    paragraph is one untitled item, so its people, presenters and actions are read; the lines before
    stay the header. The item is named by what its first sentence is about."""
    start = next((i for i, l in enumerate(lines)
                  if len(l.text.split()) >= 12 and re.search(r"[.:]\s*$|[.:]\s", l.text)), None)
    if start is None or sum(len(l.text) for l in lines[start:]) < 300:
        return Layout(lines, [], "headings")
    first_sentence = re.split(r"(?<=[.:;])\s", lines[start].text.strip(), maxsplit=1)[0]
    topic = re.sub(r"^(?:To\s+(?:receive|consider|note|approve|agree)\s+(?:an?\s+|the\s+)?(?:information|"
                   r"update|report)?\s*(?:on|about|from)?\s*(?:the\s+)?)", "", first_sentence, flags=re.I)
    item = Item(None, clean_title(" ".join(topic.split()[:12])), lines[start].no)
    item.body = lines[start:]
    return Layout(lines[:start], [item], "prose")
