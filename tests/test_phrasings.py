"""Every phrasing in loaders/data/phrasings.yaml, read back from a snippet of minutes that uses it.

"A new phrasing is one line in the data file plus a snippet test": the tests here are parametrized over
the entries of the file itself, so a line added under a key is tested by the snippets of that key with no
change here. Each key has one or more snippet forms (a heading on its own line, a list entry, a bracket,
a sentence, a roster...), each a small piece of minutes with invented people, and the relationship the
phrasing states must come back: ATTENDED, SENT_APOLOGIES, SUBSTITUTED_FOR, or a member's status.

Entries the reader does not yet read in a form are listed in `KNOWN_FAILURES` with what goes wrong; they
run as non-strict xfails (an XPASS means the reader learnt it: delete the line there). A key added to the
data file fails `test_every_key_has_snippets` until it is given snippets here.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from graph.model import Label, PartnershipGraph, Rel
from helpers import ROOT, extract_text, fold

PHRASINGS_FILE = ROOT / "loaders" / "data" / "phrasings.yaml"
PHRASINGS: dict = yaml.safe_load(Path(PHRASINGS_FILE).read_text(encoding="utf-8"))

HEAD = "Example Community Safety Partnership\n\nMinutes of a meeting held on 15 March 2019\n\n"
TAIL = "\n\n2. Any other business\n\nNone.\n"

# Invented people. The absent member, their substitute, and two others.
ABSENT, SUBSTITUTE = "Helen Pritchard", "James Okafor"
OTHER, OTHER2 = "Sarah Hughes", "Gareth McAllister"


def minutes(body: str) -> str:
    return HEAD + textwrap.dedent(body).strip() + TAIL


# ============================================================================== reading back
def the_meeting(g: PartnershipGraph):
    found = list(g.of_label(Label.MEETING))
    assert len(found) == 1
    return found[0]


def people(g: PartnershipGraph, rel: Rel) -> set[str]:
    m = the_meeting(g)
    return {fold(g.nodes[r.source].name) for r in g.rels_of(rel)
            if r.target == m.id and g.nodes[r.source].label == Label.PERSON}


def substitutions(g: PartnershipGraph) -> set[tuple[str, str]]:
    return {(fold(g.nodes[r.source].name), fold(g.nodes[r.target].name)) for r in g.rels_of(Rel.SUBSTITUTED_FOR)}


def folded(*names: str) -> set[str]:
    return {fold(n) for n in names}


def read(text: str) -> tuple[PartnershipGraph, str]:
    return extract_text(text, name="phrasing.txt"), text


def describe(g: PartnershipGraph, text: str) -> str:
    return (f"attended {sorted(people(g, Rel.ATTENDED))}, apologies {sorted(people(g, Rel.SENT_APOLOGIES))}, "
            f"substitutions {sorted(substitutions(g))}\n--- snippet:\n{text}")


# ============================================================================== known failures
# (key, entry, form) -> what goes wrong today. Keep this to what fails: an XPASS means delete the line.
KNOWN_FAILURES: dict[tuple[str, str, str], str] = {}


def cases(key: str, forms: tuple[str, ...], entries=None) -> list:
    """pytest params for every entry under key in the data file, in every form, known failures as xfail."""
    out = []
    for entry in (PHRASINGS[key] if entries is None else entries):
        for form in forms:
            reason = KNOWN_FAILURES.get((key, entry, form))
            marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
            out.append(pytest.param(entry, form, marks=marks, id=f"{form}:{entry}"))
    return out


# ============================================================================== attendance headings
HEADING_FORMS = ("own_line", "no_colon", "inline")


def heading_snippet(heading: str, form: str) -> str:
    if form == "inline":
        return minutes(f"""
            {heading}: {OTHER} (Victim Support), {SUBSTITUTE} (Metropolitan Police Service)

            1. Welcome

            The Chair welcomed everyone to the meeting.
        """)
    colon = ":" if form == "own_line" else ""
    return minutes(f"""
        {heading}{colon}

        {OTHER}, Community Safety Manager, Victim Support
        {SUBSTITUTE} – Chief Inspector, Metropolitan Police Service

        1. Welcome

        The Chair welcomed everyone to the meeting.
    """)


@pytest.mark.parametrize("heading,form", cases("attendance_headings", HEADING_FORMS))
def test_attendance_heading(heading, form):
    g, text = read(heading_snippet(heading, form))
    assert people(g, Rel.ATTENDED) == folded(OTHER, SUBSTITUTE), describe(g, text)
    assert people(g, Rel.SENT_APOLOGIES) == set(), describe(g, text)


# ============================================================================== substitutions
# Where the entry stands: a row of the list of those present, or of the apologies; and, for a phrase that
# can be a sentence, a sentence in an item of its own.
SUB_FORMS = ("present_row", "present_bracket", "apologies_row", "apologies_bracket", "sentence")


def substitution_entry(key: str, phrase: str, bracket: bool) -> str:
    if key == "substitution_after_absent":        # "A who was substituted by B", "A (represented by B)"
        return f"{ABSENT} ({phrase} {SUBSTITUTE})" if bracket else f"{ABSENT} {phrase} {SUBSTITUTE}"
    if key == "substitution_before_absent":       # "B substituted for A", "B (substituting for A)"
        return f"{SUBSTITUTE} ({phrase} {ABSENT})" if bracket else f"{SUBSTITUTE} {phrase} {ABSENT}"
    # substitution_after_substitute: "A – B attended as substitute", "A (B substituting)"
    return f"{ABSENT} ({SUBSTITUTE} {phrase})" if bracket else f"{ABSENT} – {SUBSTITUTE} {phrase}"


def substitution_snippet(key: str, phrase: str, form: str) -> str:
    if form == "sentence":
        sentence = substitution_entry(key, phrase, bracket=False).rstrip(":") + "."
        return minutes(f"""
            Present:

            {OTHER}, Community Safety Manager, Victim Support

            1. Membership

            {sentence}
        """)
    entry = substitution_entry(key, phrase, bracket=form.endswith("bracket"))
    if form.startswith("present"):
        return minutes(f"""
            Present:

            {OTHER}, Community Safety Manager, Victim Support
            {entry}

            1. Apologies for absence

            Apologies

            {OTHER2}, Borough Council
        """)
    return minutes(f"""
        Present:

        {OTHER}, Community Safety Manager, Victim Support

        1. Apologies for absence

        Apologies

        {OTHER2}, Borough Council
        {entry}
    """)


def check_substitution(key: str, phrase: str, form: str) -> None:
    g, text = read(substitution_snippet(key, phrase, form))
    assert substitutions(g) == {(fold(SUBSTITUTE), fold(ABSENT))}, describe(g, text)
    assert people(g, Rel.ATTENDED) == folded(OTHER, SUBSTITUTE), describe(g, text)
    apologies = people(g, Rel.SENT_APOLOGIES)
    if form.startswith("apologies"):
        assert apologies == folded(OTHER2, ABSENT), describe(g, text)
    else:
        # in the list of those present or in a sentence, the member substituted for may or may not be
        # recorded as having sent apologies; nobody else is
        assert apologies - folded(ABSENT) == ({fold(OTHER2)} if form.startswith("present") else set()), \
            describe(g, text)


def is_finite(phrase: str) -> bool:
    """Whether 'A <phrase> B.' is a sentence ('A was substituted by B.'), not a relative clause or a note
    ('A who sent B', 'A substitute: B') that only stands in a list entry."""
    return phrase.split()[0].lower() in ("was", "were")


@pytest.mark.parametrize("phrase,form", cases("substitution_after_absent", SUB_FORMS[:4])
                         + cases("substitution_after_absent", ("sentence",),
                                 [p for p in PHRASINGS["substitution_after_absent"] if is_finite(p)]))
def test_substitution_after_absent(phrase, form):
    check_substitution("substitution_after_absent", phrase, form)


@pytest.mark.parametrize("phrase,form", cases("substitution_before_absent", SUB_FORMS))
def test_substitution_before_absent(phrase, form):
    check_substitution("substitution_before_absent", phrase, form)


@pytest.mark.parametrize("phrase,form", cases("substitution_after_substitute", SUB_FORMS[:4]))
def test_substitution_after_substitute(phrase, form):
    check_substitution("substitution_after_substitute", phrase, form)


# ============================================================================== apologies
APOLOGY_FORMS = ("sentence", "rows")


def apology_lead(verb: str) -> str:
    """'Apologies for absence were received', 'Apologies for absence had been received'."""
    return f"Apologies for absence {verb}" if verb.split()[0] in ("had", "have", "has", "were", "was") \
        else f"Apologies for absence were {verb}"


def apology_snippet(lead: str, form: str) -> str:
    if form == "sentence":
        body = f"{lead} {OTHER2}, {ABSENT} and {SUBSTITUTE}."
    else:
        body = f"{lead}:\n\n{OTHER2}, Borough Council\n{ABSENT} – Head of Public Health, NHS Grampian\n" \
               f"{SUBSTITUTE} (Victim Support)"
    return HEAD + f"Present:\n\n{OTHER}, Community Safety Manager, Victim Support\n\n1. Apologies for absence\n\n" \
        + body + TAIL


@pytest.mark.parametrize("verb,form", cases("apology_verbs", APOLOGY_FORMS))
def test_apology_verb(verb, form):
    g, text = read(apology_snippet(apology_lead(verb) + " from", form))
    assert people(g, Rel.SENT_APOLOGIES) == folded(OTHER2, ABSENT, SUBSTITUTE), describe(g, text)
    assert people(g, Rel.ATTENDED) == folded(OTHER), describe(g, text)


@pytest.mark.parametrize("source,form", cases("apology_sources", APOLOGY_FORMS))
def test_apology_source(source, form):
    g, text = read(apology_snippet(f"Apologies were received {source}", form))
    assert people(g, Rel.SENT_APOLOGIES) == folded(OTHER2, ABSENT, SUBSTITUTE), describe(g, text)
    assert people(g, Rel.ATTENDED) == folded(OTHER), describe(g, text)


# ============================================================================== attendance codes
# A member's status beside their name: the member in the middle has the code under test, the two around
# them a code that says they were there.
CODE_FORMS = ("roster_under_heading", "headless_roster", "cells", "table")
CODES = [(status, code) for status, codes in PHRASINGS["attendance_codes"].items() for code in codes]


def code_snippet(code: str, form: str) -> str:
    rows = [(OTHER, "Victim Support", "Present, as expected"), (ABSENT, "NHS Grampian", code),
            (SUBSTITUTE, "Metropolitan Police Service", "Present, as expected")]
    if form in ("roster_under_heading", "headless_roster"):
        lines = [x for row in rows for x in row]
        heading = "Members\n\n" if form == "roster_under_heading" else ""
    elif form == "cells":
        rows = [(n, o, "P" if c.startswith("Present") else c) for n, o, c in rows]
        # (headed "Present": a column headed "Attendance" or "Status" is test_a_status_column_headed_attendance)
        lines = [f"{cell} |" for row in [("Name", "Organisation", "Present"), *rows] for cell in row]
        heading = "Members\n\n"
    else:
        rows = [(n, o, "P" if c.startswith("Present") else c) for n, o, c in rows]
        lines = [" | ".join(row) for row in [("Name", "Organisation", "Attendance"), *rows]]
        heading = "Members\n\n"
    return HEAD + heading + "\n".join(lines) + "\n\n1. Welcome\n\nThe Chair welcomed everyone to the meeting." + TAIL


def code_cases() -> list:
    out = []
    for status, code in CODES:
        for form in CODE_FORMS:
            reason = KNOWN_FAILURES.get(("attendance_codes", f"{status}:{code}", form))
            marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
            out.append(pytest.param(status, code, form, marks=marks, id=f"{form}:{status}:{code}"))
    return out


@pytest.mark.parametrize("status,code,form", code_cases())
def test_attendance_code(status, code, form):
    g, text = read(code_snippet(code, form))
    attended, apologies = people(g, Rel.ATTENDED), people(g, Rel.SENT_APOLOGIES)
    expected_attended = folded(OTHER, SUBSTITUTE) | (folded(ABSENT) if status == "attended" else set())
    expected_apologies = folded(ABSENT) if status == "apologies" else set()
    assert (attended, apologies) == (expected_attended, expected_apologies), describe(g, text)


@pytest.mark.parametrize("header", [
    "Attendance",
    "Status",
    "Present"])
def test_a_status_column_headed_attendance(header):
    text = code_snippet("A", "cells").replace("Present |\nHelen", f"{header} |\nHelen", 1)
    text = text.replace("Organisation |\nPresent |", f"Organisation |\n{header} |", 1)
    assert f"{header} |" in text
    g, text = read(text)
    assert (people(g, Rel.ATTENDED), people(g, Rel.SENT_APOLOGIES)) == \
        (folded(OTHER, SUBSTITUTE), folded(ABSENT)), describe(g, text)


# ============================================================================== presenters and people acting
def presented(g: PartnershipGraph) -> set[str]:
    return {fold(g.nodes[r.source].name) for r in g.rels_of(Rel.PRESENTED)}


def item_snippet(body: str) -> str:
    return minutes(f"""
        Present:

        {OTHER}, Community Safety Manager, Victim Support

        1. Youth Justice Plan

        {body}
    """)


PRESENTER_FORMS = ("line", "bracket")


@pytest.mark.parametrize("phrase,form", cases("presenter_before_name", PRESENTER_FORMS))
def test_presenter_before_name(phrase, form):
    """'Presented by James Okafor, Head of Public Health' at the head of an item; '(report by James Okafor)'."""
    if form == "line":
        body = f"{phrase[0].upper() + phrase[1:]} {SUBSTITUTE}, Head of Public Health\n\nThe Board noted the plan."
    else:
        body = f"The Board considered the Youth Justice Plan ({phrase} {SUBSTITUTE}, Head of Public Health)."
    g, text = read(item_snippet(body))
    assert presented(g) == folded(SUBSTITUTE), describe(g, text) + f"\npresented {presented(g)}"
    assert fold(SUBSTITUTE) in people(g, Rel.ATTENDED), describe(g, text)


# What follows the verb: the thing presented, or how the verb takes it.
_INVITED_OBJECT = {"talk": "about the plan", "report": "on the plan", "brief": "the Board on the plan",
                   "update": "the Board on the plan", "speak to": "the report", "take the board through": "the plan"}


@pytest.mark.parametrize("verb,form", cases("presenter_invited_to", ("sentence",)))
def test_presenter_invited_to(verb, form):
    body = f"The Chair invited {SUBSTITUTE}, Head of Public Health, to {verb} {_INVITED_OBJECT.get(verb, 'the plan')}."
    g, text = read(item_snippet(body))
    assert presented(g) == folded(SUBSTITUTE), describe(g, text) + f"\npresented {presented(g)}"


@pytest.mark.parametrize("phrase,form", cases("on_behalf", ("sentence",)))
def test_on_behalf(phrase, form):
    """'James Okafor, on behalf of Helen Pritchard, presented the plan': Helen Pritchard did not present."""
    g, text = read(item_snippet(f"{SUBSTITUTE}, {phrase} {ABSENT}, presented the plan."))
    assert presented(g) == folded(SUBSTITUTE), describe(g, text) + f"\npresented {presented(g)}"


@pytest.mark.parametrize("phrase,form", cases("acting_before_name", ("resolution",)))
def test_acting_before_name(phrase, form):
    """'RESOLVED that the plan be approved. Proposed by Councillor James Okafor': he attended."""
    lead = phrase[0].upper() + phrase[1:]
    g, text = read(item_snippet(f"RESOLVED that the plan be approved.\n\n{lead} Councillor {SUBSTITUTE}."))
    assert people(g, Rel.ATTENDED) == folded(OTHER, SUBSTITUTE), describe(g, text)


def welcome_sentence(verb: str, names: str) -> str:
    """A sentence that welcomes or introduces, whatever the shape of the verb phrase."""
    first = verb.split()[0]
    if first in ("were", "was"):
        return f"{'Members' if first == 'were' else 'The Board'} {verb} {names}."
    if verb.endswith("themselves"):
        return f"Those attending for the first time {verb}: {names}."
    if first == "welcome":
        return f"The Chair gave a warm {verb} {names}."
    return f"The Chair {verb} {names}."


@pytest.mark.parametrize("verb,form", cases("welcome_verbs", ("sentence",)))
def test_welcome_verb(verb, form):
    body = welcome_sentence(verb, f"{SUBSTITUTE}, Head of Public Health, NHS Grampian")
    g, text = read(item_snippet(body))
    assert people(g, Rel.ATTENDED) == folded(OTHER, SUBSTITUTE), describe(g, text)


@pytest.mark.parametrize("phrase,form", cases("not_present_before_name", ("bracket",)))
def test_not_present_before_name(phrase, form):
    """'The Chair welcomed James Okafor (replacing Helen Pritchard)': only James Okafor attended."""
    g, text = read(item_snippet(f"The Chair welcomed {SUBSTITUTE} ({phrase} {ABSENT})."))
    assert people(g, Rel.ATTENDED) == folded(OTHER, SUBSTITUTE), describe(g, text)


# ============================================================================== posts given and posts' noise
def posts_of(g: PartnershipGraph, name: str) -> set[str]:
    return {g.nodes[r.target].name for r in g.rels_of(Rel.HOLDS) if fold(g.nodes[r.source].name) == fold(name)}


@pytest.mark.parametrize("phrase,form", cases("appointment_after_name", ("sentence",)))
def test_appointment_after_name(phrase, form):
    g, text = read(item_snippet(f"It was agreed that {SUBSTITUTE} {phrase} as Vice Chair of the Partnership."))
    assert posts_of(g, SUBSTITUTE) == {"Vice Chair"}, text


@pytest.mark.parametrize("phrase,form", cases("appointment_before_name", ("sentence",)))
def test_appointment_before_name(phrase, form):
    g, text = read(item_snippet(f"The Partnership {phrase} {SUBSTITUTE} as Vice Chair of the Partnership."))
    assert posts_of(g, SUBSTITUTE) == {"Vice Chair"}, text


@pytest.mark.parametrize("phrase,form", cases("post_noise_before", ("list",)))
def test_post_noise_before(phrase, form):
    g, text = read(minutes(f"""
        Present: {OTHER} (Chair), {SUBSTITUTE} ({phrase} Community Safety Manager)

        1. Youth Justice Plan

        Noted.
    """))
    assert posts_of(g, SUBSTITUTE) == {"Community Safety Manager"}, text


def bodies_of(g: PartnershipGraph, name: str) -> set[str]:
    return {g.nodes[r.target].name for r in g.rels_of(Rel.AFFILIATED_WITH)
            if fold(g.nodes[r.source].name) == fold(name)}


@pytest.mark.parametrize("phrase,form", cases("affiliation_after_name", ("sentence", "joined", "post between")))
def test_affiliation_after_name(phrase, form):
    """The body named after a person in prose, for them and for anyone joined to them by 'and'. The body is
    an invented one whose name ends in no institution word the reader knows: the phrase says it is a body."""
    body = "Northfield Homes"
    sentence = {"sentence": f"{SUBSTITUTE} {phrase} {body} and spoke about the hub.",
                "joined": f"{OTHER} and {SUBSTITUTE} {phrase} {body} and spoke about the hub.",
                "post between": f"{SUBSTITUTE}, Hub Manager, {phrase} {body} and spoke about the hub."}[form]
    g, text = read(item_snippet(sentence))
    assert bodies_of(g, SUBSTITUTE) == {body}, text
    if form == "joined":
        assert body in bodies_of(g, OTHER), text


def test_affiliation_stood_in_for():
    """'X represented the body on behalf of Y': the absent Y is of that body too."""
    g, text = read(item_snippet(f"{SUBSTITUTE} represented Northfield Homes on behalf of {ABSENT}."))
    assert bodies_of(g, SUBSTITUTE) == bodies_of(g, ABSENT) == {"Northfield Homes"}, text


def test_affiliation_needs_a_body():
    """'on behalf of' a person names no body."""
    g, text = read(item_snippet(f"{SUBSTITUTE} attended on behalf of {ABSENT} and spoke about the hub."))
    assert bodies_of(g, SUBSTITUTE) == set(), text


@pytest.mark.parametrize("phrase,form", cases("seat_headings", ("heading",)))
def test_seat_headings(phrase, form):
    """Members listed under a seat's heading attend and hold the seat, in the singular."""
    g, text = read(minutes(f"""
        Present:
        {OTHER} (Chair)

        {phrase}:
        {SUBSTITUTE}
        {OTHER2}

        1. Youth Justice Plan

        Noted.
    """))
    assert folded(SUBSTITUTE, OTHER2) <= people(g, Rel.ATTENDED), describe(g, text)
    seat = {phrase[:-1] if phrase.endswith("s") else phrase}
    assert posts_of(g, SUBSTITUTE) == posts_of(g, OTHER2) == seat, text


@pytest.mark.parametrize("phrase,form", cases("chair_lines", ("line", "upper case")))
def test_chair_lines(phrase, form):
    """A line naming who chaired: they attended and hold the post (a heading that is no post gives 'Chair')."""
    head = phrase.upper() if form == "upper case" else phrase
    g, text = read(minutes(f"""
        {head}: Councillor {SUBSTITUTE}, Eastfield Borough Council

        1. Youth Justice Plan

        {OTHER} presented the plan.
    """))
    assert fold(SUBSTITUTE) in people(g, Rel.ATTENDED), describe(g, text)
    post = phrase.replace("Co-Chairs", "Co-Chair") if any(w in phrase for w in ("Chair", "Conv")) \
        and phrase not in ("Chaired by", "In the Chair") else "Chair"
    assert {p.casefold() for p in posts_of(g, SUBSTITUTE)} == {post.casefold()}, text


# ============================================================================== action logs as tables
def _column_cases():
    columns = PHRASINGS["action_log_columns"]
    return [pytest.param(column, head, id=f"{column}:{head}") for column, heads in columns.items() for head in heads]


@pytest.mark.parametrize("column,head", _column_cases())
def test_action_log_column(column, head):
    """Every heading read as its column: the log's other columns keep a heading known to mean theirs."""
    heads = {"task": "Action", "owner": "Owner", "due": "Deadline", "other": "Ref"}
    heads[column] = head
    g, text = read(minutes(f"""
        1. Youth Justice Plan

        Noted.

        2. Action Log

        {heads['other']} | {heads['owner']} | {heads['task']} | {heads['due']}
        1 | {SUBSTITUTE} | Circulate the revised plan to partners | 28.6.19
        2 | {OTHER} & {OTHER2} | Bring the audit back to the Board | 30.9.19
    """))
    found = {(g.nodes[r.source].text, fold(g.nodes[r.target].name)) for r in g.rels_of(Rel.ASSIGNED_TO)}
    assert found == {("Circulate the revised plan to partners", fold(SUBSTITUTE)),
                     ("Bring the audit back to the Board", fold(OTHER)),
                     ("Bring the audit back to the Board", fold(OTHER2))}, text


# ============================================================================== the file and the tests agree
TESTED_KEYS = {"attendance_headings", "apology_verbs", "apology_sources", "substitution_after_absent",
               "substitution_before_absent", "substitution_after_substitute", "attendance_codes",
               "presenter_before_name", "presenter_invited_to", "on_behalf", "acting_before_name",
               "welcome_verbs", "not_present_before_name", "appointment_after_name", "appointment_before_name",
               "post_noise_before", "action_log_columns", "affiliation_after_name",
               "seat_headings", "chair_lines"}
# prose_verbs are not a way of stating a relationship but the words that end a list: no snippet of their own.
NOT_RELATIONSHIPS = {"prose_verbs"}


def test_every_key_has_snippets():
    assert set(PHRASINGS) - NOT_RELATIONSHIPS == TESTED_KEYS, \
        "a key was added to or removed from phrasings.yaml: give it snippet tests here"


def test_known_failures_name_entries_of_the_file():
    """A known failure whose phrasing left the data file is stale: delete it."""
    entries = {(k, e) for k in TESTED_KEYS - {"attendance_codes", "action_log_columns"} for e in PHRASINGS[k]}
    entries |= {("attendance_codes", f"{s}:{c}") for s, c in CODES}
    assert [k for k in KNOWN_FAILURES if k[:2] not in entries] == []


# ============================================================================== items printed as a table
def _item_table_cases():
    columns = PHRASINGS["item_table_columns"]
    return [pytest.param(column, head, form, id=f"{form}:{column}:{head}") for column, heads in columns.items()
            for head in heads for form in ("bars", "cells-on-lines")]


@pytest.mark.parametrize("column,head,form", _item_table_cases())
def test_item_table_column(column, head, form):
    """Minutes as a table of items under every heading each column takes: a row per item, its title in the
    first cell, the minutes after it."""
    heads = {"item": "Item", "minutes": "Discussion", "other": "Action"}
    heads[column] = head[0].upper() + head[1:]
    if form == "bars":
        table = f"""
        {heads['item']} | {heads['minutes']} | {heads['other']}
        Youth Justice Plan | {SUBSTITUTE} presented the plan.
        Matters Arising:
        The Board noted progress on the audit.
        Budget | The budget was noted."""
    else:
        table = f"""
        {heads['item']} /

        {heads['minutes']} /

        {heads['other']}

        Youth Justice Plan / {SUBSTITUTE} presented the plan.
        Matters Arising:
        The Board noted progress on the audit.
        Budget / The budget was noted."""
    text = HEAD + f"Present: {OTHER}, {SUBSTITUTE}\n" + textwrap.dedent(table)
    g, text = read(text)
    titles = [g.nodes[r.target].title for r in sorted(g.rels_of(Rel.HAS_ITEM), key=lambda r: r.props["order"])]
    assert titles == ["Youth Justice Plan", "Matters Arising", "Budget"], text
    assert presented(g) == folded(SUBSTITUTE), describe(g, text)


def test_an_action_log_with_an_item_column_is_no_table_of_items():
    g, text = read(HEAD + textwrap.dedent(f"""\
        1. Youth Justice Plan

        {SUBSTITUTE} presented the plan.

        2. Action Log

        Item | Action | Owner | Deadline
        Budget | Circulate the revised plan to partners | {OTHER} | 28.6.19
        Audit | Bring the audit back to the Board | {OTHER2} | 30.9.19
    """))
    titles = [g.nodes[r.target].title for r in sorted(g.rels_of(Rel.HAS_ITEM), key=lambda r: r.props["order"])]
    assert titles == ["Youth Justice Plan", "Action Log"], text
    found = {(g.nodes[r.source].text, fold(g.nodes[r.target].name)) for r in g.rels_of(Rel.ASSIGNED_TO)}
    assert found == {("Circulate the revised plan to partners", fold(OTHER)),
                     ("Bring the audit back to the Board", fold(OTHER2))}, text


TESTED_KEYS.add("item_table_columns")


# ============================================================================== a reviewed action's status
@pytest.mark.parametrize("word,form", cases("action_status", ("dash", "sentence"),
                                            entries=PHRASINGS["action_status"]["done"]))
def test_action_status_done(word, form):
    """The last meeting's action reported done is no action of this meeting; a new one beside it is."""
    done = f" – {word.upper()}." if form == "dash" else f". Action {word}."
    g, text = read(item_snippet(f"Action 1.2. {SUBSTITUTE} to contact the schools{done}\n\n"
                                f"{OTHER} to circulate the revised plan to partners."))
    found = {(g.nodes[r.source].text, fold(g.nodes[r.target].name)) for r in g.rels_of(Rel.ASSIGNED_TO)}
    assert found == {("circulate the revised plan to partners", fold(OTHER))}, text


@pytest.mark.parametrize("word,form", cases("action_status", ("status-sentence",),
                                            entries=PHRASINGS["action_status"]["open"]))
def test_action_status_open(word, form):
    """A review of the last meeting's actions: one reported still open is an action of this meeting."""
    g, text = read(item_snippet(f"""{OTHER} gave an update on the following outstanding actions as follows:

        - Partners to send feedback on the bulletin. Action complete.

        - Climate Change Working Group membership. {SUBSTITUTE} advised this action is {word}.
    """))
    assert [a.text for a in g.of_label(Label.ACTION)] == ["Climate Change Working Group membership"], text


TESTED_KEYS.add("action_status")


# ============================================================================== presenters named by post in a title
def _post_snippet(title: str) -> str:
    return minutes(f"""
        Present:

        {SUBSTITUTE}, Chief Executive
        {OTHER}, Community Safety Manager

        7. {title}

        Members noted the progress made.
    """)


@pytest.mark.parametrize("phrase,form", cases("presenter_title_before_post", ("title",)))
def test_presenter_title_before_post(phrase, form):
    """'Housing Reform – Report by the Chief Executive': the Chief Executive the minutes name presented."""
    g, text = read(_post_snippet(f"Housing Reform – {phrase[0].upper() + phrase[1:]} the Chief Executive"))
    assert presented(g) == folded(SUBSTITUTE), describe(g, text) + f"\npresented {presented(g)}"


@pytest.mark.parametrize("word,form", cases("presenter_title_after_post", ("title",)))
def test_presenter_title_after_post(word, form):
    """'Chief Executive's Announcements', 'Chief Executive Update'."""
    g, text = read(_post_snippet(f"Chief Executive's {word[0].upper() + word[1:]}"))
    assert presented(g) == folded(SUBSTITUTE), describe(g, text) + f"\npresented {presented(g)}"


# ============================================================================== a member replaced is no substitute
@pytest.mark.parametrize("word,form", cases("membership_change_words", ("sentence",)))
def test_membership_change_words(word, form):
    g, text = read(minutes(f"""
        1. Welcome

        The Chair noted the {word} item: Councillor {ABSENT}, who was replaced by Councillor {SUBSTITUTE}, on the Committee.

        Councillor {OTHER} was replaced by Councillor {OTHER2} for this meeting.
    """))
    assert substitutions(g) == {(fold(OTHER2), fold(OTHER))}, describe(g, text)


TESTED_KEYS.update({"presenter_title_before_post", "presenter_title_after_post", "membership_change_words"})


# ============================================================================== substitutes listed 'A for B'
@pytest.mark.parametrize("head,form", cases("substitution_headings", ("inline", "item")))
def test_substitution_headings(head, form):
    """'Substitute Members: Councillor B for Councillor A; ...' on the heading's line, or as an item."""
    pairs = f"Councillor {SUBSTITUTE} for Councillor {ABSENT}; Councillor {OTHER2} for Councillor {OTHER}."
    body = f"{head}: {pairs}" if form == "inline" else f"2. {head}\n\n{pairs}\n\n3. Youth Justice Plan\n\nNoted."
    g, text = read(minutes(f"""
        1. Apologies

        None.

        {body}
    """))
    assert substitutions(g) == {(fold(SUBSTITUTE), fold(ABSENT)), (fold(OTHER2), fold(OTHER))}, describe(g, text)
    assert folded(SUBSTITUTE, OTHER2) <= people(g, Rel.ATTENDED), describe(g, text)


TESTED_KEYS.add("substitution_headings")
