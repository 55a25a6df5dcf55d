"""The ModernGov web service (mgWebService.asmx): its requests, and its XML answers read into records."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from graph.errors import FetchError

SERVICE = "mgWebService.asmx"


# -- requests

def committees_url(base: str) -> str:
    return f"{base}/{SERVICE}/GetCommittees?" + urlencode({"lDays": 0})


def meetings_url(base: str, committee_id: str, start: date, end: date) -> str:
    return f"{base}/{SERVICE}/GetMeetings?" + urlencode(
        {"lCommitteeId": committee_id, "sFromDate": _service_date(start), "sToDate": _service_date(end)})


def meeting_url(base: str, meeting_id: str) -> str:
    return f"{base}/{SERVICE}/GetMeeting?" + urlencode({"lMeetingId": meeting_id})


def meeting_page_url(base: str, meeting_id: str) -> str:
    """The meeting's page for people: its agenda, minutes and attendance."""
    return f"{base}/ieListDocuments.aspx?" + urlencode({"MId": meeting_id})


def _service_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


# -- records

@dataclass(frozen=True)
class Committee:
    id: str
    title: str
    expired: bool = False
    deleted: bool = False


@dataclass(frozen=True)
class MeetingRef:
    """One meeting as a committee's list gives it."""

    id: str
    committee_id: str
    committee: str
    date: date | None
    status: str
    time: str

    @property
    def listing(self) -> str:
        """What the list says of the meeting: when it changes, the meeting is fetched again."""
        return f"{self.date}|{self.status}|{self.time}"

    @property
    def cancelled(self) -> bool:
        return "cancel" in self.status.casefold() or "postpone" in self.status.casefold()


@dataclass(frozen=True)
class LinkedDocument:
    title: str
    url: str


@dataclass(frozen=True)
class AgendaItem:
    number: str                 # as printed ("1.", "4a"), or "" when the service gives none
    title: str
    minutes_html: str           # the item's minutes as the service gives them (HTML), "" when none
    documents: tuple[LinkedDocument, ...] = ()


@dataclass(frozen=True)
class Attendee:
    name: str                   # as recorded, title kept ("Councillor Basil Curley")
    role: str                   # "Committee Member", "Chair", "" when none
    attendance: str             # "Present", "Apologies", "Present as substitute", "Expected", ...
    member_id: str = ""
    substitute_for: str = ""    # whom a substitute stood in for, where the service says
    url: str = ""


@dataclass
class MeetingRecord:
    id: str
    date: date | None
    status: str
    time: str
    venue: str
    committee: str              # as the meeting's items name it; the list's title is preferred
    items: list[AgendaItem] = field(default_factory=list)
    attendees: list[Attendee] = field(default_factory=list)
    documents: list[LinkedDocument] = field(default_factory=list)   # linked to the meeting, not an item

    @property
    def has_minutes(self) -> bool:
        return any(item.minutes_html.strip() for item in self.items)


# -- parsing

def parse(data: bytes, url: str, root: str) -> Element:
    """The answer's XML with entity expansion and external references refused; a FetchError naming the
    URL when it is not the answer asked for."""
    try:
        element = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError) as exc:
        raise FetchError(f"{url}: the answer is not the service's XML ({type(exc).__name__}: {exc})") from exc
    if element.tag.rpartition("}")[2].casefold() != root:
        raise FetchError(f"{url}: expected <{root}> from the service, got <{element.tag}>")
    return element


def _text(element: Element | None, name: str) -> str:
    found = element.find(name) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def _flag(element: Element, name: str) -> bool:
    return _text(element, name).casefold() == "true"


def parse_date(text: str) -> date | None:
    """The service's day/month/year ('10/02/2026'), or None."""
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:\s.*)?", text or "")
    if not m:
        return None
    try:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None


def parse_committees(data: bytes, url: str) -> list[Committee]:
    root = parse(data, url, "committees")
    out = []
    for c in root.iter("committee"):
        cid, title = _text(c, "committeeid"), _text(c, "committeetitle")
        if cid:
            out.append(Committee(cid, title, _flag(c, "committeeexpired"), _flag(c, "committeedeleted")))
    return out


def parse_meetings(data: bytes, url: str) -> list[MeetingRef]:
    root = parse(data, url, "getmeetings")
    out = []
    for c in root.iter("committee"):
        cid, title = _text(c, "committeeid"), _text(c, "committeetitle")
        for m in c.iter("meeting"):
            mid = _text(m, "meetingid")
            if mid:
                out.append(MeetingRef(mid, cid, title, parse_date(_text(m, "meetingdate")),
                                      _text(m, "meetingstatus"), _text(m, "meetingtime")))
    return out


def parse_meeting(data: bytes, url: str) -> MeetingRecord:
    root = parse(data, url, "meeting")
    items = [_item(e) for e in root.iterfind("agendaitems/agendaitem")]
    committee = next((_text(e, "refertocommittee") for e in root.iterfind("agendaitems/agendaitem")
                      if _text(e, "refertocommittee")), "")
    return MeetingRecord(
        id=_text(root, "meetingid"), date=parse_date(_text(root, "meetingdate")),
        status=_text(root, "meetingstatus"), time=_text(root, "meetingtime"),
        venue=_text(root, "meetinglocation"), committee=committee, items=items,
        attendees=[_attendee(e) for e in root.iterfind("attendees/attendee")],
        documents=[_document(e) for e in root.iterfind("linkeddocuments/linkeddoc")])


def _item(e: Element) -> AgendaItem:
    number = _text(e, "fulldisplaynumberformat") or _text(e, "minutesitemnumber")
    # Minutes not yet published, or of an item taken in private, are not the public record.
    public = _text(e, "isminutepublished").casefold() != "false" and _text(e, "isrestricted").casefold() != "true"
    minutes = _text(e, "minutesnonemptyhtmlbody") if public else ""
    return AgendaItem(number=number, title=_text(e, "agendaitemtitle"), minutes_html=minutes,
                      documents=tuple(_document(d) for d in e.iterfind("linkeddocuments/linkeddoc")))


def _document(e: Element) -> LinkedDocument:
    return LinkedDocument(_text(e, "title"), _text(e, "url"))


def _attendee(e: Element) -> Attendee:
    def attr(*names: str) -> str:
        return next((" ".join(e.get(n, "").split()) for n in names if e.get(n, "").strip()), "") \
            or next((" ".join(_text(e, n).split()) for n in names if _text(e, n)), "")

    return Attendee(name=attr("name"), role=attr("roledescription", "role"),
                    attendance=attr("attendance", "attendancestatus"), member_id=attr("memberid"),
                    substitute_for=attr("substitutefor", "substitutingfor", "deputyfor"), url=_text(e, "url"))
