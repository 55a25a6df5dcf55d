"""Generality tested beyond the pages at hand: the facts of a meeting written as minutes in many layouts.

A small generator takes the facts of a meeting (people with a name form, a post and an organisation;
who attended, who sent apologies, and one member who was substituted) and writes them as minutes text:
name forms ("Cllr Sarah Hughes", "Dr J. A. Okafor", surnames with Mc/Mac/O'/hyphen/apostrophe), separators
(a line per person, commas, semicolons, a " | " table with a header row, cells on lines of their own),
the order of name, post and organisation, the heading of the list (on its own line, inline, or run on after
the meeting's title), how apologies are given, and how the substitution is written. The property: whatever
the layout, the reader gives back the attendance, the apologies and the substitution.

The people are invented (ordinary British first names and surnames from the fixed lists below; see
`test_no_generated_name_is_in_the_samples`), and people are matched by surname: every person of a
generated meeting has a surname of their own.

Known gaps: layouts the reader does not yet read are listed in `KNOWN_GAPS` (each with an example) and
kept out of the generated space, not accepted as passes. Each has an `xfail` test below that states
the failure, so fixing the reader shows up as XPASS: then delete the gap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from graph.model import Label, PartnershipGraph, Rel
from helpers import SAMPLES, extract_text, fold

# ============================================================================== vocabularies (all invented)
FIRST_NAMES = ("Sarah", "James", "Helen", "David", "Priya", "Mohammed", "Siobhan", "Gareth", "Rachel", "Owen",
               "Aisha", "Fiona", "Rhys", "Emma", "Daniel", "Joanne")
SHE = {"Sarah", "Helen", "Priya", "Siobhan", "Rachel", "Aisha", "Fiona", "Emma", "Joanne"}   # Mrs/Ms, else Mr
MIDDLE_NAMES = ("Anne", "Louise", "John", "Marie", "Alan", "Rose")
# {q} is an apostrophe, written straight or curly as the generator chooses.
SURNAMES = ("Hughes", "McKenzie", "MacLeod", "O{q}Neill", "O{q}Brien", "D{q}Souza", "Smith-Taylor",
            "Ward-Jenkins", "Patel", "Okafor", "Morgan", "Fraser", "Pritchard", "Ahmed", "McAllister", "Baxter",
            "Doyle", "Campbell", "Jones", "Lloyd", "Nolan", "Begum", "MacDonald", "O{q}Connor-Bell")
POSTS = ("Community Safety Manager", "Chief Inspector", "Head of Public Health")
ORGANISATIONS = ("Metropolitan Police Service", "NHS Grampian", "Borough Council", "Victim Support")

# How a name is printed. "councillor_initial" and "dr_initials" keep only initials of the given names.
NAME_FORMS = ("plain", "cllr", "councillor_initial", "dr_initials", "title_initials", "title_full")
APOSTROPHES = ("'", "’")


@dataclass(frozen=True)
class Member:
    first: str
    middle: str
    surname: str              # as printed, with its apostrophe
    form: str
    post: str | None
    organisation: str | None

    @property
    def written(self) -> str:
        f, m, s = self.first, self.middle, self.surname
        mrs, ms = ("Mrs", "Ms") if f in SHE else ("Mr", "Mr")
        return {
            "plain": f"{f} {s}",
            "cllr": f"Cllr {f} {s}",
            "councillor_initial": f"Councillor {f[0]} {s}",
            "dr_initials": f"Dr {f[0]}. {m[0]}. {s}",
            "title_initials": f"{mrs} {f[0]} {m[0]} {s}",
            "title_full": f"{ms} {f} {s}",
        }[self.form]

    @property
    def untitled(self) -> str:
        """The name without a title, as it follows a plural 'Councillors'."""
        return f"{self.first} {self.surname}" if self.form in ("plain", "cllr", "title_full") \
            else f"{self.first[0]} {self.surname}"


@dataclass(frozen=True)
class Facts:
    """What happened: who was present, who sent apologies, and one member (absent) whose substitute attended."""
    present: tuple[Member, ...]
    apologies: tuple[Member, ...]
    absent: Member
    substitute: Member


# ============================================================================== layouts
HEADINGS = ("Present:", "Members Present:", "In attendance:", "Also present:", "Attendees")
HEADING_PLACES = ("own_line", "inline", "title_line")
# A line per person (plain, with blank lines between, bulleted), commas, semicolons, a table, cells on lines.
SEPARATORS = ("lines", "blank_lines", "bullets", "comma", "semicolon", "table", "cells")
ORDERS = ("name_only", "name_post_org", "name_org", "name_dash_post", "name_dash_post_org", "wrapped")
APOLOGY_STYLES = ("heading_rows", "received_from", "councillors", "intimated_rows")
APOLOGY_PLACES = ("header", "item")
APOLOGY_ORDERS = ("name_only", "name_org", "name_post_org")      # entries in an apologies sentence
SUBSTITUTION_STYLES = ("bracket", "before", "who_was")       # A (substituted by B) / B substituted for A / A who was ...
SUBSTITUTION_PLACES = ("attendance", "apologies", "prose")


@dataclass(frozen=True)
class Layout:
    heading: str = "Present:"
    heading_place: str = "own_line"
    separator: str = "lines"
    order: str = "name_post_org"
    split: bool = False                 # officers under a second heading ("In attendance:")
    apology_style: str = "heading_rows"
    apology_place: str = "item"
    apology_order: str = "name_only"
    substitution: str = "bracket"
    substitution_place: str = "apologies"

    def valid(self) -> bool:
        """Whether the dimensions make a layout minutes could have (not whether the reader reads it)."""
        if self.heading_place != "own_line" and (self.separator not in ("comma", "semicolon") or self.split):
            return False        # an inline list is one line
        if self.order == "wrapped" and self.separator not in ("lines", "blank_lines", "bullets"):
            return False
        if self.separator in ("table", "cells") and self.order != "name_post_org":
            return False        # a table's columns fix the order; one canonical value
        if self.apology_style == "councillors" and self.substitution_place == "apologies":
            return False        # "on behalf of Councillors A, B and C": names alone
        if self.substitution_place == "prose" and self.substitution == "bracket":
            return False        # a bracket is part of a list entry, not a sentence
        return True


# ------------------------------------------------------------------------------ writing entries
def entry(member: Member, order: str) -> str:
    """One list entry (may span two lines when 'wrapped')."""
    name, post, org = member.written, member.post, member.organisation
    if order == "name_only" or (post is None and org is None):
        return name
    if order == "name_post_org":
        return ", ".join(x for x in (name, post, org) if x)
    if order == "name_org":
        return f"{name} ({org or post})"
    if order == "name_dash_post":
        return f"{name} – {post or org}"
    if order == "name_dash_post_org":
        return f"{name} – " + ", ".join(x for x in (post, org) if x)
    if order == "wrapped":
        return name + "\n" + ", ".join(x for x in (post, org) if x)
    raise ValueError(order)


def substitution_entry(facts: Facts, style: str, who: Callable[[Member], str] = lambda m: m.written) -> str:
    a, b = who(facts.absent), who(facts.substitute)
    return {"bracket": f"{a} (substituted by {b})",
            "before": f"{b} substituted for {a}",
            "who_was": f"{a} who was substituted by {b}"}[style]


def substitution_sentence(facts: Facts, style: str) -> str:
    a, b = facts.absent.written, facts.substitute.written
    return {"before": f"{b} substituted for {a}.", "who_was": f"{a} was substituted by {b}."}[style]


def joined(entries: list[str], separator: str) -> str:
    """Entries run together on one line: 'A, B and C' or 'A; B; C'."""
    if separator == "semicolon":
        return "; ".join(entries)
    return entries[0] if len(entries) == 1 else ", ".join(entries[:-1]) + " and " + entries[-1]


def table(rows: list[tuple[str, str, str]], cells_on_lines: bool) -> list[str]:
    header = ("Name", "Post", "Organisation")
    if cells_on_lines:
        return [f"{c} |" for row in [header, *rows] for c in row]
    return [" | ".join(header)] + [" | ".join(row) for row in rows]


def rows_of(members: list[Member], layout: Layout, extra: tuple[str, Member] | None) -> list[str]:
    """The lines of a list of people laid out one per line (or as a table); extra is a substitution entry and
    the absent member (whose post and organisation fill the row of a table)."""
    if layout.separator in ("table", "cells"):
        rows = [(m.written, m.post or "", m.organisation or "") for m in members]
        if extra:
            rows.append((extra[0], extra[1].post or "", extra[1].organisation or ""))
        return table(rows, layout.separator == "cells")
    extra = extra[0] if extra else None
    entries = [entry(m, layout.order) for m in members] + ([extra] if extra else [])
    if layout.separator == "bullets":
        entries = ["- " + e for e in entries]
    if layout.separator == "blank_lines":
        return "\n\n".join(entries).split("\n")
    return "\n".join(entries).split("\n")


def attendance_groups(facts: Facts, layout: Layout) -> list[tuple[str, list[Member], tuple[str, Member] | None]]:
    """The attendance lists under headings of their own: (heading, members, substitution entry or None)."""
    sub = substitution_entry(facts, layout.substitution) if layout.substitution_place == "attendance" else None
    present = list(facts.present)
    groups = [(layout.heading, present)]
    if layout.split and len(present) >= 2:
        second = "In attendance:" if layout.heading != "In attendance:" else "Also present:"
        cut = (len(present) + 1) // 2
        groups = [(layout.heading, present[:cut]), (second, present[cut:])]
    return [(heading, members, (sub, facts.absent) if sub and n == len(groups) - 1 else None)
            for n, (heading, members) in enumerate(groups)]


def list_lines(members: list[Member], layout: Layout, extra: tuple[str, Member] | None) -> list[str]:
    """A list under a heading of its own: entries run together on one line, or a line (or table row) each."""
    if layout.separator in ("comma", "semicolon"):
        return [joined([entry(m, layout.order) for m in members] + ([extra[0]] if extra else []), layout.separator)]
    return rows_of(members, layout, extra)


def apology_rows(facts: Facts, layout: Layout) -> tuple[str, list[str]] | None:
    """(lead line, rows) of an apologies list laid out in rows, else None."""
    if layout.apology_style not in ("heading_rows", "intimated_rows"):
        return None
    lead = "Apologies" if layout.apology_style == "heading_rows" else "Apologies for absence were intimated by:-"
    row_layout = replace(layout, split=False) if layout.separator not in ("comma", "semicolon") \
        else replace(layout, separator="lines", split=False)
    extra = (substitution_entry(facts, layout.substitution), facts.absent) \
        if layout.substitution_place == "apologies" else None
    return lead, rows_of(list(facts.apologies), row_layout, extra)


def row_blocks(facts: Facts, layout: Layout) -> list[list[str]]:
    """The lists of the minutes laid out over lines (each list's lines), for the known gaps to look at."""
    blocks = [list_lines(members, layout, extra) for _, members, extra in attendance_groups(facts, layout)] \
        if layout.heading_place == "own_line" else []
    rows = apology_rows(facts, layout)
    return blocks + ([rows[1]] if rows else [])


def attendance_block(facts: Facts, layout: Layout) -> tuple[str, str]:
    """(the title line, the attendance lines): the list may run on after the title."""
    title = "Minutes of a meeting held on 15 March 2019"
    if layout.heading_place != "own_line":
        sub = substitution_entry(facts, layout.substitution) if layout.substitution_place == "attendance" else None
        entries = [entry(m, layout.order) for m in facts.present] + ([sub] if sub else [])
        heading = layout.heading if layout.heading.endswith(":") else layout.heading + ":"   # "Attendees: A, B"
        line = f"{heading} {joined(entries, layout.separator)}"
        if layout.heading_place == "title_line":
            return f"Note of Meeting 9 January 2019 – Town Hall {line}", ""
        return title, line
    out: list[str] = []
    for heading, members, extra in attendance_groups(facts, layout):
        out += [heading, "", *list_lines(members, layout, extra), ""]
    return title, "\n".join(out).strip()


def apologies_block(facts: Facts, layout: Layout) -> str:
    people = list(facts.apologies)
    rows = apology_rows(facts, layout)
    if rows:
        return rows[0] + "\n\n" + "\n".join(rows[1])
    if layout.apology_style == "received_from":
        entries = [entry(m, layout.apology_order) for m in people]
        if layout.substitution_place == "apologies":
            entries.append(substitution_entry(facts, layout.substitution))
        return "Apologies for absence were received from " + joined(entries, "comma") + "."
    entries = [m.untitled for m in people]
    return "Apologies were submitted on behalf of Councillors " + joined(entries, "comma") + "."


def write_minutes(facts: Facts, layout: Layout) -> str:
    title, attendance = attendance_block(facts, layout)
    apologies = apologies_block(facts, layout)
    parts = ["Example Community Safety Partnership", title]
    if attendance:
        parts.append(attendance)
    number = 1
    if layout.apology_place == "header" and facts.apologies:
        parts.append(apologies)
        parts.append(f"{number}. Welcome\n\nThe Chair welcomed everyone to the meeting.")
    else:
        parts.append(f"{number}. Apologies for absence\n\n{apologies}")
    number += 1
    if layout.substitution_place == "prose":
        parts.append(f"{number}. Membership\n\n{substitution_sentence(facts, layout.substitution)}")
        number += 1
    parts.append(f"{number}. Minutes of the previous meeting\n\nThe minutes were agreed as a correct record.")
    parts.append(f"{number + 1}. Any other business\n\nNone.")
    return "\n\n".join(parts) + "\n"


# ============================================================================== reading back
def surname_key(name: str) -> str:
    """A person's surname, folded as names are compared ('O’Neill' = "O'Neill")."""
    words = fold(name).replace(".", " ").split()
    return words[-1] if words else ""


def check(facts: Facts, layout: Layout, graph: PartnershipGraph) -> list[str]:
    """What the reader got wrong, as readable lines; empty when it gave back attendance, apologies and the
    substitution. Attendees and apology senders are matched by surname."""
    problems: list[str] = []
    meetings = list(graph.of_label(Label.MEETING))
    if len(meetings) != 1:
        return [f"expected one meeting, found {[m.id for m in meetings]}"]
    meeting = meetings[0]

    def people(rel: Rel) -> list:
        return [graph.nodes[r.source] for r in graph.rels_of(rel) if r.target == meeting.id
                and graph.nodes[r.source].label == Label.PERSON]

    attended, apologised = people(Rel.ATTENDED), people(Rel.SENT_APOLOGIES)
    want_present = {surname_key(m.surname) for m in (*facts.present, facts.substitute)}
    want_apologies = {surname_key(m.surname) for m in facts.apologies}
    if layout.substitution_place == "apologies":
        want_apologies.add(surname_key(facts.absent.surname))
    may_apologise = want_apologies | {surname_key(facts.absent.surname)}

    got_present = [surname_key(p.name) for p in attended]
    got_apologies = [surname_key(p.name) for p in apologised]
    for key in sorted(want_present - set(got_present)):
        problems.append(f"attendee {key!r} not ATTENDED")
    for p in attended:
        if surname_key(p.name) not in want_present:
            problems.append(f"{p.name!r} ATTENDED but was not present")
    for key in sorted({k for k in got_present if got_present.count(k) > 1}):
        problems.append(f"{key!r} attended as two people: {[p.name for p in attended if surname_key(p.name) == key]}")
    for key in sorted(want_apologies - set(got_apologies)):
        problems.append(f"apology from {key!r} not SENT_APOLOGIES")
    for p in apologised:
        if surname_key(p.name) not in may_apologise:
            problems.append(f"{p.name!r} SENT_APOLOGIES but did not")
    subs = [(surname_key(graph.nodes[r.source].name), surname_key(graph.nodes[r.target].name))
            for r in graph.rels_of(Rel.SUBSTITUTED_FOR)]
    want_sub = (surname_key(facts.substitute.surname), surname_key(facts.absent.surname))
    if subs != [want_sub]:
        problems.append(f"SUBSTITUTED_FOR {subs}, expected [{want_sub}]")
    return problems


def read_back(facts: Facts, layout: Layout) -> tuple[str, list[str]]:
    text = write_minutes(facts, layout)
    return text, check(facts, layout, extract_text(text, name="generated.txt"))


# ============================================================================== known gaps
# Each gap: whether a meeting falls in it, what the reader gets wrong, and an example (a layout and the name
# of a cast in EXAMPLE_CASTS). Generated meetings in a gap are skipped; each example is an xfail test below.
# Every gap was checked to be tight against the reader as it stood (every sampled meeting in it failed, every
# sampled meeting outside all gaps passed): keep this list to what fails.
Gap = tuple[Callable[[Facts, Layout], bool], str, Layout, str]     # (in the gap?, what goes wrong, example)


KNOWN_GAPS: list[Gap] = []


def in_gap(facts: Facts, layout: Layout) -> str | None:
    for predicate, description, _, _ in KNOWN_GAPS:
        if predicate(facts, layout):
            return description
    return None


# ============================================================================== strategies
@st.composite
def members(draw, count: int) -> list[Member]:
    surnames = draw(st.lists(st.sampled_from(SURNAMES), min_size=count, max_size=count, unique=True))
    out = []
    for surname in surnames:
        quote = draw(st.sampled_from(APOSTROPHES))
        post = draw(st.one_of(st.none(), st.sampled_from(POSTS)))
        organisation = draw(st.one_of(st.none(), st.sampled_from(ORGANISATIONS)))
        if post is None and organisation is None:
            organisation = draw(st.sampled_from(ORGANISATIONS))
        out.append(Member(draw(st.sampled_from(FIRST_NAMES)), draw(st.sampled_from(MIDDLE_NAMES)),
                          surname.format(q=quote), draw(st.sampled_from(NAME_FORMS)), post, organisation))
    return out


@st.composite
def meetings(draw) -> Facts:
    n_present = draw(st.integers(1, 6))
    n_apologies = draw(st.integers(1, 4))
    cast = draw(members(n_present + n_apologies + 2))
    return Facts(tuple(cast[:n_present]), tuple(cast[n_present:n_present + n_apologies]),
                 cast[-2], cast[-1])


@st.composite
def layouts(draw) -> Layout:
    """A layout minutes could have: dimensions drawn so that they fit together (see Layout.valid)."""
    place = draw(st.sampled_from(HEADING_PLACES))
    separator = draw(st.sampled_from(SEPARATORS if place == "own_line" else ("comma", "semicolon")))
    orders = ORDERS if separator in ("lines", "blank_lines", "bullets") else \
        ("name_post_org",) if separator in ("table", "cells") else tuple(o for o in ORDERS if o != "wrapped")
    apology_style = draw(st.sampled_from(APOLOGY_STYLES))
    substitution_place = draw(st.sampled_from(SUBSTITUTION_PLACES if apology_style != "councillors"
                                              else ("attendance", "prose")))
    substitution = draw(st.sampled_from(SUBSTITUTION_STYLES if substitution_place != "prose"
                                        else ("before", "who_was")))
    layout = Layout(heading=draw(st.sampled_from(HEADINGS)), heading_place=place, separator=separator,
                    order=draw(st.sampled_from(orders)), split=place == "own_line" and draw(st.booleans()),
                    apology_style=apology_style, apology_place=draw(st.sampled_from(APOLOGY_PLACES)),
                    apology_order=draw(st.sampled_from(APOLOGY_ORDERS)), substitution=substitution,
                    substitution_place=substitution_place)
    assert layout.valid(), layout
    return layout


def _member(first, surname, form, post=None, organisation=None, middle="Anne") -> Member:
    return Member(first, middle, surname, form, post, organisation)


# Hand-written examples that pin each dimension's values, whatever hypothesis draws.
CAST = Facts(
    present=(_member("Sarah", "Hughes", "cllr", "Community Safety Manager", "Borough Council"),
             _member("James", "O’Neill", "dr_initials", "Chief Inspector", "Metropolitan Police Service"),
             _member("Priya", "Smith-Taylor", "title_initials", "Head of Public Health", "NHS Grampian")),
    apologies=(_member("Gareth", "McKenzie", "councillor_initial", None, "Victim Support"),
               _member("Helen", "D'Souza", "plain", "Community Safety Manager", None)),
    absent=_member("Mohammed", "MacLeod", "plain", None, "Borough Council"),
    substitute=_member("Siobhan", "Ward-Jenkins", "title_full", "Chief Inspector", None))

# The member substituted for and the substitute both named by dotted initials ("Dr S. A. Ward-Jenkins").
DOTTED = replace(CAST, absent=_member("Mohammed", "MacLeod", "dr_initials", None, "Borough Council"),
                 substitute=_member("Siobhan", "Ward-Jenkins", "dr_initials", "Chief Inspector", None))
EXAMPLE_CASTS = {"cast": CAST, "dotted": DOTTED}

FAST = settings(derandomize=True, database=None, deadline=None, max_examples=500,
                suppress_health_check=[HealthCheck.too_slow])


# Hand-written meetings that pin values of each dimension, whatever hypothesis draws (none is in a gap).
EXAMPLES = [
    (CAST, Layout()),
    (CAST, Layout(separator="table", apology_style="received_from", apology_order="name_post_org",
                  substitution="who_was", substitution_place="attendance")),
    (CAST, Layout(heading="Members Present:", separator="cells", apology_style="intimated_rows",
                  substitution="who_was")),
    (CAST, Layout(heading="Also present:", heading_place="inline", separator="comma", order="name_org",
                  apology_style="councillors", substitution="before", substitution_place="prose")),
    (CAST, Layout(heading="Attendees", separator="bullets", order="wrapped", apology_place="header",
                  substitution_place="attendance")),
    (CAST, Layout(heading="In attendance:", heading_place="title_line", separator="semicolon",
                  order="name_dash_post_org", apology_style="received_from", apology_order="name_org",
                  substitution="who_was", substitution_place="prose")),
    (CAST, Layout(separator="blank_lines", order="name_dash_post", split=True, apology_style="intimated_rows",
                  apology_place="header", substitution="before", substitution_place="apologies")),
    (DOTTED, Layout(substitution="before", substitution_place="prose")),
    (DOTTED, Layout(heading_place="inline", separator="semicolon", substitution="who_was",
                    substitution_place="prose")),
]


def test_the_pinned_examples_are_outside_the_gaps():
    assert [(l, in_gap(f, l)) for f, l in EXAMPLES if not l.valid() or in_gap(f, l)] == []


def _pinned(test):
    for facts, layout in reversed(EXAMPLES):
        test = example(facts, layout)(test)
    return test


# ============================================================================== the property
@FAST
@_pinned
@given(meetings(), layouts())
def test_attendance_apologies_and_substitution_come_back(facts, layout):
    assume(in_gap(facts, layout) is None)
    text, problems = read_back(facts, layout)
    assert not problems, f"{layout}\n{problems}\n--- generated minutes:\n{text}"


# ============================================================================== the known gaps, each stated
@pytest.mark.parametrize("gap", KNOWN_GAPS, ids=[f"gap{k}" for k in range(len(KNOWN_GAPS))])
def test_each_known_gap_example_is_in_its_gap(gap):
    predicate, _, layout, cast = gap
    assert layout.valid() and predicate(EXAMPLE_CASTS[cast], layout)


@pytest.mark.parametrize("gap", [pytest.param(g, marks=pytest.mark.xfail(reason=g[1], strict=False))
                                 for g in KNOWN_GAPS], ids=[f"gap{k}" for k in range(len(KNOWN_GAPS))])
def test_known_gap(gap):
    """Fails while the reader has the gap; an XPASS here means it was fixed: delete the gap."""
    _, description, layout, cast = gap
    text, problems = read_back(EXAMPLE_CASTS[cast], layout)
    assert not problems, f"{description}\n{problems}\n--- generated minutes:\n{text}"


# ============================================================================== growth (no timing)
# More ordinary surnames, for a list longer than the generated ones.
MORE_SURNAMES = ("Allen", "Bailey", "Baker", "Barnes", "Bennett", "Brooks", "Carter", "Chapman", "Collins", "Cook",
                 "Cooper", "Cox", "Dixon", "Edwards", "Ellis", "Fisher", "Foster", "Gibson", "Gray", "Hall",
                 "Harrison", "Hill", "Holmes", "Hunt", "Jackson", "Johnson", "Kaur", "Kennedy", "King", "Knight",
                 "Lewis", "Marshall", "Mason", "Matthews", "Mills", "Mitchell", "Moore", "Parker", "Phillips",
                 "Powell", "Price", "Richards", "Roberts", "Robinson", "Russell", "Saunders", "Shaw", "Simpson",
                 "Stevens", "Stewart", "Taylor", "Thompson", "Turner", "Walker", "Watson", "Webb", "West",
                 "Wood", "Wright", "Young", "Adams", "Armstrong", "Bates", "Burton", "Dawson", "Fletcher",
                 "Griffiths", "Hayes", "Lawrence", "Pearson", "Reynolds", "Hussain")


@pytest.mark.parametrize("layout", [Layout(), Layout(separator="table", apology_style="received_from",
                                                                      substitution="who_was"),
                                    Layout(heading_place="inline", separator="comma", order="name_org",
                                           apology_style="councillors", substitution="before",
                                           substitution_place="prose")],
                         ids=["lines", "table", "inline"])
def test_a_long_list_comes_back_whole(layout):
    """Growth: sixty present and twenty-eight apologies, every one read and nobody invented."""
    names = [s.format(q="'") for s in SURNAMES if "-" not in s] + list(MORE_SURNAMES)
    cast = [_member(FIRST_NAMES[k % len(FIRST_NAMES)], name, NAME_FORMS[k % len(NAME_FORMS)],
                    POSTS[k % len(POSTS)] if k % 4 else None, ORGANISATIONS[k % len(ORGANISATIONS)])
            for k, name in enumerate(names[:90])]
    facts = Facts(tuple(cast[:60]), tuple(cast[60:88]), cast[88], cast[89])
    assert len({surname_key(m.surname) for m in cast[:90]}) == 90
    assert in_gap(facts, layout) is None
    text, problems = read_back(facts, layout)
    assert not problems, f"{problems}\n--- generated minutes:\n{text}"


# ============================================================================== the invented names stay invented
def test_no_generated_name_is_in_the_samples():
    text = fold(" ".join(p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")))
    clashes = [f"{f} {s.format(q=q)}" for f in FIRST_NAMES for s in SURNAMES + MORE_SURNAMES for q in APOSTROPHES
               if re.search(rf"\b{re.escape(fold(f + ' ' + s.format(q=q)))}\b", text)]
    assert clashes == []
