"""Each way minutes state a fact, and each trap, as a short realistic snippet fed straight to `extract`.

The snippets follow the samples' house styles (and /work/shared/NOTES-minutes.md) but, unless a
test is about a sample's own sentence, use invented people so that nothing passes because a
name happens to be known.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from graph.errors import ExtractionError
from graph.model import Label, PartnershipGraph, Rel
from helpers import (action_with_evidence, actions_of, apologies, arises_from, assert_same_people, attendees,
                     decisions_of, extract_text, is_everyone, items, make_doc, names, nodes, organisation,
                     owners, person, presenters, rels, sample_name, sample_path, targets)
from loaders.extract import extract
from loaders.formats import load
from loaders.resolve import Curation, resolve

HEAD = "Example Community Safety Partnership\n\nMinutes of a meeting held on 15 March 2019\n\n"


def minutes(body: str, head: str = HEAD) -> str:
    return head + textwrap.dedent(body).strip() + "\n"


def the_meeting(g: PartnershipGraph):
    found = list(g.of_label(Label.MEETING))
    assert len(found) == 1
    return found[0]


def holds(g, p) -> set[str]:
    return names(targets(g, Rel.HOLDS, p.id))


def affiliated(g, p) -> set[str]:
    return names(targets(g, Rel.AFFILIATED_WITH, p.id))


def owner_names(g, action) -> set[str]:
    return names(owners(g, action))


# =============================================================================================== attendance

class TestAttendanceLines:
    def test_name_dash_role_comma_organisation(self):
        g = extract_text(minutes("""
            Board Members Present:

            Priya Shah – Head of Community Safety, London Borough of Enfield

            Ray Booth – Chief Executive, Barnet Mencap

            1. Welcome

            The Chairman welcomed all to the meeting.
        """))
        m = the_meeting(g)
        assert_same_people(attendees(g, m), ["Priya Shah", "Ray Booth"])
        priya = person(g, "Priya Shah")
        assert holds(g, priya) == {"Head of Community Safety"}
        assert affiliated(g, priya) == {"London Borough of Enfield"}
        role = targets(g, Rel.HOLDS, priya.id)[0]
        assert role.organisation == organisation(g, "London Borough of Enfield").id
        assert [o.name for o in targets(g, Rel.ROLE_AT, role.id)] == ["London Borough of Enfield"]
        assert holds(g, person(g, "Ray Booth")) == {"Chief Executive"}
        assert rels(g, Rel.ATTENDED, source=priya.id)[0].evidence.startswith("Priya Shah – Head of Community")

    def test_name_comma_organisation_bullets(self):
        g = extract_text(minutes("""
            Present:

            - Tom Ellis, Victim Support
            - Laura Featley, Department for Work and Pensions

            1. Welcome

            None.
        """))
        assert_same_people(attendees(g, the_meeting(g)), ["Tom Ellis", "Laura Featley"])
        assert affiliated(g, person(g, "Tom Ellis")) == {"Victim Support"}
        assert affiliated(g, person(g, "Laura Featley")) == {"Department for Work and Pensions"}
        assert holds(g, person(g, "Tom Ellis")) == set()           # an organisation is not a post

    def test_name_with_organisation_in_brackets(self):
        g = extract_text(minutes("""
            1. Neighbourhood Watch

            Ruth Okafor (Metropolitan Police) suggested that officers attend local watch meetings.

            Steve Leader (London Fire Brigade) proposed that fire safety information be shared.
        """))
        assert_same_people(attendees(g, the_meeting(g)), ["Ruth Okafor", "Steve Leader"])
        assert affiliated(g, person(g, "Ruth Okafor")) == {"Metropolitan Police Service"}
        assert affiliated(g, person(g, "Steve Leader")) == {"London Fire Brigade"}

    def test_chairman_in_brackets_is_a_post(self):
        g = extract_text(minutes("""
            Present:

            Cllr Jane Smith (Chairman)

            1. Welcome

            The Chairman welcomed all to the meeting.
        """))
        jane = person(g, "Jane Smith")
        assert "Cllr Jane Smith" in jane.aliases
        assert "Chairman" in holds(g, jane)
        assert [p.id for p in attendees(g, the_meeting(g))] == [jane.id]


# =============================================================================================== apologies

class TestApologies:
    def test_apologies_for_absence_were_received_from_a_b_and_c(self):
        g = extract_text(minutes("""
            1. Apologies for absence

            Apologies for absence were received from Mark Stone, Ellen Reid and Sunil Patel.
        """))
        m = the_meeting(g)
        assert_same_people(apologies(g, m), ["Mark Stone", "Ellen Reid", "Sunil Patel"])
        assert attendees(g, m) == []

    def test_organisation_and_people_with_posts_in_one_sentence(self):
        # 000, item 3, verbatim
        g = extract_text(minutes("""
            1. Apologies for Absence

            Apologies received from The London Fire Brigade, Matt Leng, Community Safety Manager and Alice Bird, MOPAC.
        """))
        m = the_meeting(g)
        assert names(apologies(g, m, Label.ORGANISATION)) == {"London Fire Brigade"}
        assert_same_people(apologies(g, m, Label.PERSON), ["Matt Leng", "Alice Bird"])
        assert holds(g, person(g, "Matt Leng")) == {"Community Safety Manager"}
        assert affiliated(g, person(g, "Alice Bird")) == {"Mayor's Office for Policing and Crime"}
        assert nodes(g, Label.PERSON, "London Fire Brigade") == []
        assert nodes(g, Label.PERSON, "Community Safety Manager") == []

    def test_bulleted_apologies_with_organisations(self):
        g = extract_text(minutes("""
            1. Apologies

            Apologies were received from:

            - Zoe Garbett, North Central London CCG
            - LaToya Ridge, Victim Support.

            2. Matters arising

            None.
        """))
        assert_same_people(apologies(g, the_meeting(g)), ["Zoe Garbett", "LaToya Ridge"])
        assert affiliated(g, person(g, "LaToya Ridge")) == {"Victim Support"}

    def test_there_were_no_apologies(self):
        g = extract_text(minutes("""
            1. Apologies for absence

            There were no apologies.
        """))
        assert apologies(g, the_meeting(g)) == []

    def test_apology_list_ends_with_its_item(self):
        g = extract_text(minutes("""
            1. Apologies

            Apologies were received from:

            - Roger Kemp, Victim Support

            2. Performance

            Karen Webb presented the report.
        """))
        m = the_meeting(g)
        assert_same_people(apologies(g, m), ["Roger Kemp"])
        assert_same_people(attendees(g, m), ["Karen Webb"])


# =============================================================================================== substitutions

def substitution(g: PartnershipGraph) -> tuple[str, str]:
    found = list(g.rels_of(Rel.SUBSTITUTED_FOR))
    assert len(found) == 1, [(r.source, r.target) for r in found]
    return g.nodes[found[0].source].name, g.nodes[found[0].target].name


class TestSubstitutions:
    def test_who_was_substituted_by(self):
        g = extract_text(minutes("""
            1. Apologies

            Apologies were received from:

            - Roger Kemp, Chair of Example Safer Neighbourhood Board (SNB), who was substituted by Amlan Ghoshal, Vice Chairman of the SNB.
        """))
        m = the_meeting(g)
        assert substitution(g) == ("Amlan Ghoshal", "Roger Kemp")
        assert_same_people(apologies(g, m), ["Roger Kemp"])
        assert_same_people(attendees(g, m), ["Amlan Ghoshal"])
        assert rels(g, Rel.SUBSTITUTED_FOR)[0].props["meeting"] == m.id
        assert holds(g, person(g, "Amlan Ghoshal")) == {"Vice Chairman"}
        assert "Chair" in holds(g, person(g, "Roger Kemp"))

    def test_attended_as_substitute_for(self):
        g = extract_text(minutes("""
            1. Membership

            Karen Webb attended as substitute for Paul Grant.

            2. Any other business

            None.
        """))
        m = the_meeting(g)
        assert substitution(g) == ("Karen Webb", "Paul Grant")
        assert_same_people(attendees(g, m), ["Karen Webb"])
        assert_same_people(apologies(g, m), ["Paul Grant"])

    def test_councillor_was_substituted_by_councillor(self):
        g = extract_text(minutes("""
            1. Apologies and substitutes

            Cllr Ann Lowe was substituted by Cllr Mike Rees.
        """))
        assert substitution(g) == ("Mike Rees", "Ann Lowe")
        assert "Cllr Mike Rees" in person(g, "Mike Rees").aliases
        assert_same_people(attendees(g, the_meeting(g)), ["Mike Rees"])

    def test_name_dash_name_substituted(self):
        g = extract_text(minutes("""
            1. Apologies

            Apologies were received from:

            - Stephen McDonnell - Joan Hancox substituted
        """))
        m = the_meeting(g)
        assert substitution(g) == ("Joan Hancox", "Stephen McDonnell")
        assert_same_people(apologies(g, m), ["Stephen McDonnell"])
        assert_same_people(attendees(g, m), ["Joan Hancox"])


# =============================================================================================== actions

ACTION_HEAD = """Present:

Priya Shah – Head of Community Safety, London Borough of Enfield
Tom Ellis – Youth Justice Service Manager, London Borough of Enfield
Inspector Dan Hughes – Metropolitan Police

"""


class TestActions:
    def test_bold_action_with_two_owners(self):
        g = extract_text(minutes(ACTION_HEAD + """1. Youth Justice

Ms Shah presented the report. She did not have the data at the meeting but could collate it with Mr Ellis.

**Action: Ms Shah/Mr Ellis**
"""))
        m = the_meeting(g)
        action = action_with_evidence(g, m, "Action: Ms Shah/Mr Ellis")
        assert owner_names(g, action) == {"Priya Shah", "Tom Ellis"}
        assert "collate" in action.text
        assert arises_from(g, action).number == "1"

    def test_action_dash_name_comma_role(self):
        g = extract_text(minutes("""
            1. Localised Policing

            The Borough Commander offered to circulate a copy of the ward map to members.

            ACTION - Adrian Usher, Barnet Borough Commander
        """))
        action = action_with_evidence(g, the_meeting(g), "ACTION - Adrian Usher")
        assert owner_names(g, action) == {"Adrian Usher"}
        assert "ward map" in action.text

    def test_action_dash_name_comma_organisation_has_one_owner(self):
        g = extract_text(minutes(ACTION_HEAD + """1. Policing

Inspector Hughes would circulate the ward map to members.

ACTION - Dan Hughes, Metropolitan Police
"""))
        action = action_with_evidence(g, the_meeting(g), "ACTION - Dan Hughes")
        assert owner_names(g, action) == {"Dan Hughes"}

    def test_inline_action_after_the_sentence(self):
        # 004 style: "... Superintendent Leach would provide a contact for Ms Colville. Action: Superintendent Leach"
        g = extract_text(minutes("""
            1. Strategic Assessment

            Ms Colville added that Victim Support could provide door alarms. Superintendent Leach would provide a contact for Ms Colville. Action: Superintendent Leach
        """))
        m = the_meeting(g)
        action = action_with_evidence(g, m, "Action: Superintendent Leach")
        leach = person(g, "Superintendent Leach")
        assert leach.name == "Leach"
        assert [o.id for o in owners(g, action)] == [leach.id]
        assert "provide a contact for Ms Colville" in action.text
        assert "Superintendent" in holds(g, leach)

    def test_inline_action_text_is_its_own_sentence(self):
        g = extract_text(minutes("""
            1. Strategic Assessment

            Superintendent Leach would provide a contact for Ms Colville. Action: Superintendent Leach

            Ms Bateman asked about Domestic Violence Protection Orders. The figures from the trial would be brought to the next meeting. Action: Superintendent Leach
        """))
        found = actions_of(g, the_meeting(g))
        assert len(found) == 2
        assert "figures from the trial" in found[1].text

    def test_action_name_to_do_something(self):
        g = extract_text(minutes("""
            1. MOPAC Update

            It was suggested that a working group be set up.

            ACTION: Michael Kelly to liaise with Hamera Asafa Davey from the Mayor's Office for Policing and Crime (MOPAC).
        """))
        action = action_with_evidence(g, the_meeting(g), "ACTION: Michael Kelly to liaise")
        assert owner_names(g, action) == {"Michael Kelly"}
        assert action.text.startswith("liaise with Hamera Asafa Davey")

    def test_action_all_goes_to_everyone(self):
        g = extract_text(minutes("""
            1. Mental Health Funding

            The Trust would welcome feedback on their proposals from the Board.

            **Action: All**
        """))
        m = the_meeting(g)
        action = action_with_evidence(g, m, "Action: All")
        found = owners(g, action)
        assert len(found) == 1 and is_everyone(g, m, found[0])

    def test_action_marker_without_an_owner_warns(self):
        text = minutes("""
            1. Any other business

            Further work is needed on the data.

            ACTION: to be confirmed
        """)
        g = extract_text(text, name="aob.txt")
        line = text.split("\n").index("ACTION: to be confirmed") + 1
        found = [w for w in g.warnings if w.line == line]
        assert len(found) == 1
        assert found[0].document == "aob.txt"
        assert "to be confirmed" in found[0].message
        assert str(found[0]).startswith(f"aob.txt:{line}:")


# =============================================================================================== decisions

class TestDecisions:
    def test_resolved_that(self):
        g = extract_text(minutes("""
            1. Youth Justice Plan

            RESOLVED that the Youth Justice Plan 2021-22 be endorsed.
        """))
        found = decisions_of(g, the_meeting(g))
        assert len(found) == 1
        assert found[0].verb == "resolved"
        assert "Youth Justice Plan 2021-22" in found[0].text
        assert rels(g, Rel.ARISES_FROM, source=found[0].id)[0].evidence.startswith("RESOLVED that")

    def test_a_strategy_named_with_and_without_its_acronym_is_one(self):
        g = extract_text(minutes("""
            1. Violence against Women and Girls

            Ms Hale presented the draft Domestic Abuse and Violence against Women and Girls Strategy 2021-2024.

            The Board endorsed the objectives of the Violence against Women and Girls (VAWG) Strategy 2021-2024.
        """))
        found = [n for n in g.nodes.values() if n.label == Label.STRATEGY]
        assert [n.name for n in found] == ["Domestic Abuse and Violence against Women and Girls Strategy 2021-2024"]
        assert found[0].aliases == ["Violence against Women and Girls (VAWG) Strategy 2021-2024"]

    def test_the_board_approved_a_strategy(self):
        g = extract_text(minutes("""
            1. Hate Crime

            Ms Hirani reported that the Strategy focuses on reporting.

            The Board approved the Barnet Hate Crime Strategy 2020-24.
        """))
        found = decisions_of(g, the_meeting(g))
        assert len(found) == 1 and found[0].verb == "approved"
        concerns = rels(g, Rel.CONCERNS, source=found[0].id)
        assert len(concerns) == 1
        strategy = g.nodes[concerns[0].target]
        assert strategy.label == Label.STRATEGY
        assert strategy.name == "Barnet Hate Crime Strategy 2020-24"
        assert strategy.kind == "strategy"
        assert concerns[0].props["verb"] == "approved"

    def test_minutes_of_the_previous_meeting_approved(self):
        g = extract_text(minutes("""
            1. Minutes of the previous meeting

            The minutes of the meeting held on 22nd January 2021 were approved as a correct record.
        """))
        found = decisions_of(g, the_meeting(g))
        assert len(found) == 1 and found[0].verb == "approved"
        assert "minutes" in found[0].text

    def test_a_person_agreeing_is_not_a_decision(self):
        g = extract_text(minutes("""
            1. Reoffending

            Mr Clifton agreed to report back at the next meeting.

            Action: Mr Clifton
        """))
        assert decisions_of(g, the_meeting(g)) == []
        assert len(actions_of(g, the_meeting(g))) == 1


# =============================================================================================== dates

class TestMeetingDates:
    def test_minutes_of_a_meeting_held_on(self):
        m = the_meeting(extract_text(minutes("1. Welcome\n\nNone.")))
        assert (m.date, m.date_source) == ("2019-03-15", "text")

    def test_ordinal_date(self):
        head = "Example Community Safety Partnership\n\nMinutes of the meeting held on 22nd October 2021\n\n"
        m = the_meeting(extract_text(minutes("1. Welcome\n\nNone.", head)))
        assert m.date == "2021-10-22"

    def test_weekday_before_the_date(self):
        head = "Example Community Safety Partnership\n\nMinutes of the meeting held on Friday 22nd October 2021\n\n"
        m = the_meeting(extract_text(minutes("1. Welcome\n\nNone.", head)))
        assert m.date == "2021-10-22"

    def test_heading_with_body_and_date(self):
        head = "Safer Bromley Partnership Board - Thursday 30 October 2014 9.30 am\n\n"
        m = the_meeting(extract_text(minutes("1. Welcome\n\nThe Chairman welcomed members.", head)))
        assert m.date == "2014-10-30"
        assert m.body == "Safer Bromley Partnership Board"

    def test_previous_meetings_date_is_not_this_meetings(self):
        head = "Example Community Safety Partnership\n\n"
        m = the_meeting(extract_text(minutes("""
            1. Minutes of the previous meeting

            The minutes of the meeting held on 22nd January 2021 were approved as a correct record.

            2. Any other business

            None.
        """, head)))
        assert m.date is None
        assert m.date_source is None
        assert str(m.date_inferred or "").startswith("2021")

    def test_date_of_next_meeting_is_not_this_meetings(self):
        head = "Example Community Safety Partnership\n\n"
        m = the_meeting(extract_text(minutes("""
            1. Performance

            There were 522 burglaries in the 12 months to February 2023, up from Q3 2022/23.

            2. Date of Next Meeting - 21 July 2023
        """, head)))
        assert m.date is None
        assert m.date_inferred in ("2023", None) or str(m.date_inferred).startswith("2023")

    def test_metadata_date_wins(self):
        g = extract_text(minutes("1. Welcome\n\nNone."), date="2019-03-22", body="Example Board")
        m = the_meeting(g)
        assert (m.date, m.date_source) == ("2019-03-22", "metadata")
        assert m.body == "Example Board"


# =============================================================================================== names

class TestNames:
    def test_rank_is_stripped_kept_as_alias_and_becomes_a_role(self):
        g = extract_text(minutes("""
            Board Members Present:

            Inspector Muneeb Ishtiaq – Metropolitan Police

            1. Police Update

            Inspector Ishtiaq reported that there had been an increase in reported domestic violence.
        """))
        muneeb = person(g, "Muneeb Ishtiaq")
        assert {"Inspector Muneeb Ishtiaq", "Inspector Ishtiaq"} <= set(muneeb.aliases)
        assert "Inspector" in holds(g, muneeb)
        assert affiliated(g, muneeb) == {"Metropolitan Police Service"}
        assert len(nodes(g, Label.PERSON)) == 1                         # "Inspector Ishtiaq" is not another person

    @pytest.mark.parametrize("written, name, post", [
        ("Chief Superintendent Simon Rose, Metropolitan Police", "Simon Rose", "Chief Superintendent"),
        ("DCI Garry Randall, Metropolitan Police", "Garry Randall", "DCI"),
        ("Dr Tamara Djuretic, Director of Public Health", "Tamara Djuretic", "Director of Public Health"),
        ("Councillor David Longstaff (Chairman)", "David Longstaff", "Chairman"),
    ])
    def test_honorifics_and_ranks(self, written, name, post):
        g = extract_text(minutes(f"Present:\n\n{written}\n\n1. Welcome\n\nNone."))
        p = person(g, name)
        assert written.split(",")[0].split(" (")[0] in p.aliases
        assert post in holds(g, p)
        assert not any(w in p.name.split() for w in ("Dr", "DCI", "Councillor", "Chief", "Superintendent"))

    def test_councillor_with_surname_only_keeps_the_surname(self):
        g = extract_text(minutes("""
            1. Mental Health Charter

            Cllr Conway made a suggestion for councillors to carry out mental health awareness training.
        """))
        conway = person(g, "Cllr Conway")
        assert conway.name == "Conway"
        assert "Councillor" in holds(g, conway)

    def test_two_people_sharing_a_surname_are_never_merged(self):
        g = extract_text(minutes("""
            Present:

            Ben Norfolk – Data Analyst, London Borough of Barnet
            Richard Norfolk – Reducing Offending Partnership Lead, London Borough of Barnet

            1. Performance

            Mr Ben Norfolk presented the dashboard.

            2. Offender Management

            Mr Richard Norfolk presented his slides. Mr Norfolk commended the partners.

            Action: Richard Norfolk
        """))
        ben, richard = person(g, "Ben Norfolk"), person(g, "Richard Norfolk")
        assert ben.id != richard.id
        assert holds(g, ben) == {"Data Analyst"}
        assert holds(g, richard) == {"Reducing Offending Partnership Lead"}
        m = the_meeting(g)
        first, second = items(g, m)
        assert names(presenters(g, first)) == {"Ben Norfolk"}
        assert names(presenters(g, second)) == {"Richard Norfolk"}
        assert [a.id for a in actions_of(g, m)] and all(owner_names(g, a) == {"Richard Norfolk"}
                                                        for a in actions_of(g, m))
        assert len(nodes(g, Label.PERSON)) == 2

    def test_misspelt_surname_is_the_same_person_within_a_document(self):
        g = extract_text(minutes("""
            Present:

            Tina McElligott – Director Early Help & Children's Social Care, London Borough of Barnet

            1. Prevent

            Ms McElligot noted that moving to virtual training had enabled more social workers to attend.
        """))
        tina = person(g, "Tina McElligott")
        assert "Ms McElligot" in tina.aliases
        assert len(nodes(g, Label.PERSON)) == 1
        assert [r.source for r in rels(g, Rel.CONTRIBUTED)] == [tina.id]


# =============================================================================================== resolution and curation

def _doc(name: str, date: str, body: str) -> PartnershipGraph:
    head = f"Example Community Safety Partnership\n\nMinutes of a meeting held on {date}\n\n"
    return extract(make_doc(minutes(body, head), name))


@pytest.fixture
def three_meetings() -> list[PartnershipGraph]:
    return [
        _doc("a.txt", "19 July 2013", """
            Present:

            Andy Mariner – Chief Inspector, Metropolitan Police
            Ben Norfolk – Data Analyst, London Borough of Barnet
            Richard Norfolk – Reducing Offending Partnership Lead, London Borough of Barnet
            Matthew Knights – Strategic Development Manager, London Borough of Camden

            1. Welcome

            None.
        """),
        _doc("b.txt", "25 October 2013", """
            Present:

            Andy Murrant, Metropolitan Police
            Matthew Knight, London Borough of Camden
            Luke Kwamya, Barnet Combatting Drugs Partnership

            1. Welcome

            None.
        """),
        _doc("c.txt", "4 March 2016", """
            Present:

            Andy Murrant, Metropolitan Police

            1. Offender management

            Mr Norfolk presented the report.
        """),
    ]


def merged(graphs: list[PartnershipGraph]) -> PartnershipGraph:
    out = PartnershipGraph()
    for g in graphs:
        out.merge(g)
    return out


def attended_by(g: PartnershipGraph, document: str) -> set[str]:
    return {r.source for r in rels(g, Rel.ATTENDED, document=document)}


class TestCuration:
    CURATION = """
        people:
          - name: Andy Mariner
            aliases: [Andy Murrant]
            from: 2013-01-01
            to: 2014-12-31
        distinct:
          - [Ben Norfolk, Richard Norfolk]
          - [Matthew Knights, Matthew Knight]
        organisations:
          - name: Barnet Combating Drugs Partnership
            aliases: [Barnet Combatting Drugs Partnership, BCDP]
    """

    @pytest.fixture
    def curation(self, tmp_path) -> Curation:
        path = tmp_path / "curation.yaml"
        path.write_text(textwrap.dedent(self.CURATION), encoding="utf-8")
        return Curation.load(path)

    def test_without_curation(self, three_meetings):
        g = merged(resolve(three_meetings))
        assert nodes(g, Label.PERSON, "Andy Mariner") != nodes(g, Label.PERSON, "Andy Murrant")
        # a one-letter slip with the same first name is merged by default ...
        assert len(nodes(g, Label.PERSON, "Matthew Knights")) == 1
        assert nodes(g, Label.PERSON, "Matthew Knights") == nodes(g, Label.PERSON, "Matthew Knight")

    def test_curated_alias_merges_within_its_dates(self, three_meetings, curation):
        g = merged(resolve(three_meetings, curation=curation))
        andy = person(g, "Andy Mariner")
        assert "Andy Murrant" in andy.aliases
        assert andy.id in attended_by(g, "a.txt") and andy.id in attended_by(g, "b.txt")
        # ... but not for a meeting after the alias's 'to' date
        later = [n for n in nodes(g, Label.PERSON) if n.id in attended_by(g, "c.txt") and n.name.startswith("Andy")]
        assert [n.name for n in later] == ["Andy Murrant"]
        assert later[0].id != andy.id

    def test_distinct_keeps_people_apart(self, three_meetings, curation):
        g = merged(resolve(three_meetings, curation=curation))
        ben, richard = person(g, "Ben Norfolk"), person(g, "Richard Norfolk")
        assert ben.id != richard.id
        knights, knight = person(g, "Matthew Knights"), person(g, "Matthew Knight")
        assert knights.id != knight.id
        assert knights.id in attended_by(g, "a.txt") and knight.id in attended_by(g, "b.txt")

    def test_surname_alone_is_not_guessed_between_two_full_names(self, three_meetings):
        g = merged(resolve(three_meetings))
        presenter = [g.nodes[r.source] for r in rels(g, Rel.PRESENTED, document="c.txt")]
        assert len(presenter) == 1
        assert presenter[0].name not in ("Ben Norfolk", "Richard Norfolk")

    def test_a_surname_alone_joins_a_full_name_of_the_same_place_only(self):
        """'Cllr Hale' in one council's minutes is not 'Ryan Hale' of another place's fire service; in the
        minutes of a partnership of the same council, it is."""
        here = _doc("d.txt", "4 March 2016", """
            Present: Cllr Hale (Chair), Eastfield Borough Council; Cllr Moss, Eastfield Borough Council

            1. Welcome

            None.
        """)
        elsewhere = _doc("e.txt", "5 March 2016", """
            Present: Ryan Hale, Station Commander, London Fire Brigade; Ann Shaw, Metropolitan Police

            1. Welcome

            None.
        """)
        g = merged(resolve([here, elsewhere]))
        assert {p.name for p in nodes(g, Label.PERSON)} >= {"Hale", "Ryan Hale"}
        same_place = _doc("f.txt", "6 March 2016", """
            Present: Ryan Hale, Eastfield Borough Council; Ann Shaw, Eastfield Borough Council

            1. Welcome

            None.
        """)
        g = merged(resolve([here, same_place]))
        assert "Hale" not in {p.name for p in nodes(g, Label.PERSON)}

    def test_curated_organisation_alias(self, three_meetings, curation):
        spelt = "Barnet Combatting Drugs Partnership"          # as printed in 000
        plain = merged(resolve(three_meetings))
        assert [o.name for o in targets(plain, Rel.AFFILIATED_WITH, person(plain, "Luke Kwamya").id)] == [spelt]
        g = merged(resolve(three_meetings, curation=curation))
        bcdp = organisation(g, "Barnet Combating Drugs Partnership")
        assert bcdp.name == "Barnet Combating Drugs Partnership"
        assert spelt in bcdp.aliases
        assert [o.id for o in targets(g, Rel.AFFILIATED_WITH, person(g, "Luke Kwamya").id)] == [bcdp.id]
        assert nodes(g, Label.ORGANISATION, spelt) == [bcdp]

    def test_unreadable_curation_file(self, tmp_path):
        with pytest.raises(ExtractionError, match="curation"):
            Curation.load(tmp_path / "missing.yaml")
        bad = tmp_path / "bad.yaml"
        bad.write_text("people: [name: {", encoding="utf-8")
        with pytest.raises(ExtractionError, match="bad.yaml"):
            Curation.load(bad)


# =============================================================================================== warnings

class TestWarnings:
    def test_text_with_no_items_warns_and_still_gives_a_meeting(self):
        g = extract_text("these words are not minutes of anything\nand neither are these", name="notes.txt")
        assert len(list(g.of_label(Label.MEETING))) == 1
        assert any(w.document == "notes.txt" for w in g.warnings)

    def test_run_together_attendance_list_is_separated_or_warned_about(self):
        text = minutes("""
            Also present: Paul Hammond Denise Thiruchelvam Laura Waller	Barnet Borough Watch Public Health, Barnet and Harrow Community Protection Group

            1 Welcome & Introductions

            The Chairman welcomed the Board to the meeting.
        """)
        g = extract_text(text, name="run.txt")
        line = next(i + 1 for i, t in enumerate(text.split("\n")) if t.startswith("Also present"))
        assert_same_people(attendees(g, the_meeting(g)), ["Paul Hammond", "Denise Thiruchelvam", "Laura Waller"])
        # three posts for three names could be paired in order; if they are not, the line is reported
        paired = all(targets(g, Rel.AFFILIATED_WITH, person(g, n).id) or targets(g, Rel.HOLDS, person(g, n).id)
                     for n in ("Paul Hammond", "Denise Thiruchelvam", "Laura Waller"))
        assert paired or any(w.document == "run.txt" and w.line == line for w in g.warnings)


# =============================================================================================== provenance and determinism

class TestProvenance:
    def test_every_relationship_in_the_samples_has_document_and_evidence(self, sample_graph):
        samples = {sample_name(p) for p in ("000", "001", "002", "003", "004")}
        assert len(sample_graph.relationships) > 500
        bad = [(r.type.value, r.source, r.target, r.document, r.evidence)
               for r in sample_graph.relationships.values()
               if r.document not in samples or not (r.evidence or "").strip()]
        assert bad == []

    def test_relationships_about_a_meeting_cite_its_own_document(self, sample_graph):
        g = sample_graph
        home = {}
        for n in g.nodes.values():
            if n.label == Label.MEETING:
                home[n.id] = n.document
            elif n.label in (Label.AGENDA_ITEM, Label.ACTION, Label.DECISION):
                home[n.id] = g.nodes[n.meeting].document
        bad = [(r.type.value, r.source, r.target, r.document) for r in g.relationships.values()
               for end in (r.source, r.target) if end in home and home[end] != r.document]
        assert bad == []

    def test_evidence_of_facts_quotes_the_document(self, sample_dir, sample_graph):
        texts = {p.name: " ".join(load(p).text.split()) for p in sample_dir.glob("*.txt")}
        quoted = (Rel.ATTENDED, Rel.SENT_APOLOGIES, Rel.SUBSTITUTED_FOR, Rel.PRESENTED, Rel.CONTRIBUTED,
                  Rel.HAS_ITEM, Rel.ARISES_FROM, Rel.CONCERNS, Rel.MENTIONS, Rel.MEETING_OF)
        bad = [(r.type.value, r.document, r.evidence) for r in sample_graph.relationships.values()
               if r.type in quoted and " ".join(r.evidence.split()) not in texts[r.document]]
        assert bad == []

    def test_an_item_with_only_noise_for_a_title_still_has_evidence(self):
        g = extract_text("Agenda and minutes\n\nItems\nNo. Item\n\n1.\n\nWelcome\n\nMinutes:\n\nNone.\n\n"
                         "2.\n\npdf icon PDF 77 KB\n\nMinutes:\n\nThe Board noted the report.\n")
        assert [i.number for i in items(g, the_meeting(g))] == ["1", "2"]
        assert [r.evidence for r in g.relationships.values() if not r.evidence] == []

    def test_every_node_knows_its_documents(self, sample_graph):
        samples = {sample_name(p) for p in ("000", "001", "002", "003", "004")}
        assert [n.id for n in sample_graph.nodes.values()
                if not n.documents or not set(n.documents) <= samples] == []


class TestDeterminism:
    def test_same_document_twice_gives_identical_node_link_json(self):
        doc = load(sample_path("001"))
        first = json.dumps(extract(doc).to_node_link())
        second = json.dumps(extract(load(sample_path("001"))).to_node_link())
        assert first == second
        assert "person:tina-mcelligott" in first

    def test_ids_do_not_depend_on_the_process(self):
        """Set and dict ordering must not leak into ids or output: two hash seeds, one answer."""
        script = textwrap.dedent("""
            import hashlib, json, sys
            from app.pipeline import discover, read_documents, extract_documents
            from graph.model import PartnershipGraph
            files, _ = discover([sys.argv[1]])
            merged = PartnershipGraph()
            for g in extract_documents(read_documents(files, print)):
                merged.merge(g)
            print(hashlib.sha256(json.dumps(merged.to_node_link()).encode()).hexdigest())
        """)
        outputs = set()
        for seed in ("1", "2"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            done = subprocess.run([sys.executable, "-c", script, str(sample_path("000").parent)], env=env,
                                  capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, done.stderr
            outputs.add(done.stdout.strip())
        assert len(outputs) == 1


# =============================================================================================== inline lists

class TestInlineLists:
    """Forms met on other councils' pages: a whole attendance list on one line, lettered resolutions."""

    def test_present_councillors_plural_title_with_chair(self):
        g = extract_text(minutes("""
            PRESENT: Councillors Smith (Chair), Jones and Patel

            1. Welcome

            The Chair welcomed everyone.
        """))
        m = the_meeting(g)
        assert_same_people(attendees(g, m), ["Smith", "Jones", "Patel"])
        assert "Chair" in holds(g, person(g, "Cllr Smith"))

    def test_in_attendance_list_with_posts_and_bodies(self):
        g = extract_text(minutes("""
            Also in attendance: John Green (Head of Community Safety, Enfield Council), Inspector Sarah Hill (Example Police), Mary Brown, Probation Service

            1. Welcome

            None.
        """))
        m = the_meeting(g)
        assert_same_people(attendees(g, m), ["John Green", "Sarah Hill", "Mary Brown"])
        green = person(g, "John Green")
        assert holds(g, green) == {"Head of Community Safety"}
        assert affiliated(g, green) == {"London Borough of Enfield"}
        assert "Inspector" in holds(g, person(g, "Sarah Hill"))
        assert affiliated(g, person(g, "Mary Brown")) == {"National Probation Service"}

    def test_lettered_resolutions_are_separate_decisions(self):
        g = extract_text(minutes("""
            1. Anti-social Behaviour Strategy

            RESOLVED:
            (a) That the Anti-Social Behaviour Strategy 2019-2022 be approved.
            (b) That an update be brought to the next meeting.
        """))
        texts = sorted(d.text for d in decisions_of(g, the_meeting(g)))
        assert texts == ["resolved that an update be brought to the next meeting.",
                         "resolved that the Anti-Social Behaviour Strategy 2019-2022 be approved."]

    def test_heading_with_body_and_ordinal_date_after_a_dash(self):
        m = the_meeting(extract_text("Example Community Safety Partnership – 15th March 2019\n\n1. Welcome\n\nNone.\n"))
        assert (m.body, m.date) == ("Example Community Safety Partnership", "2019-03-15")

    def test_attendance_table_with_organisation_before_role(self):
        g = extract_text(minutes("""
            Attendees

            Name | Organisation | Role
            Jane Doe | Kent Police | Chief Inspector
            Omar Said | Medway Council | Head of Community Safety

            1. Welcome

            Jane Doe welcomed members.
        """))
        assert_same_people(attendees(g, the_meeting(g)), ["Jane Doe", "Omar Said"])
        said = person(g, "Omar Said")
        assert holds(g, said) == {"Head of Community Safety"}
        assert affiliated(g, said) == {"Medway Council"}


class TestStrategyForms:
    """Strategy names as other councils write them."""

    @pytest.mark.parametrize("sentence, name, kind", [
        ("It could also link to the Safer Streets 5 project ‘Licensing SAVI’.", "Licensing SAVI", "project"),
        ("The MOPAC gang-exit pilot programme is now live.", "MOPAC gang-exit pilot programme", "programme"),
        ("Details are in the Delivery and Resource Plans 2012-13.", "Delivery and Resource Plans 2012-13", "plan"),
        ("Partners supported Hate Crime Awareness Week in October.", "Hate Crime Awareness Week", "campaign"),
        ("A publicity campaign ‘Safe at Home, Safe at Work’ was launched.", "Safe at Home, Safe at Work", "campaign"),
        ("The right name of the awareness campaign is Project Lantern.", "Project Lantern", "project"),
        ("The Board endorsed the Violence against Women and Girls (VAWG) Strategy 2024-2027.",
         "Violence against Women and Girls (VAWG) Strategy 2024-2027", "strategy"),
        ("Including Strategic Crime Needs Assessment Update", "Strategic Crime Needs Assessment", "assessment"),
        ("The timetable for the Preventing Violence against Women and Girls & Domestic Abuse (VAWG & DA) Strategy "
         "2024 – 2027 was agreed.",
         "Preventing Violence against Women and Girls & Domestic Abuse (VAWG & DA) Strategy 2024 – 2027", "strategy"),
        ("Annual refresh of the Eastfield Safer Communities Partnership’s Community Safety Strategy.",
         "Community Safety Strategy", "strategy"),
        ("The Eastfield Children’s Fund (ECF) report was noted.", "Eastfield Children’s Fund (ECF)", "fund"),
    ])
    def test_named_forms(self, sentence, name, kind):
        from loaders.strategies import strategy_names

        assert (name, kind) in strategy_names(sentence)

    def test_a_sentence_is_not_a_programme(self):
        from loaders.strategies import strategy_names

        assert strategy_names("The CCTV was a key project for the council.") == []

    def test_a_projects_board_or_a_campaigns_kind_is_no_name(self):
        from loaders.strategies import strategy_names

        assert strategy_names("The Project Board met and the Project Manager reported.") == []
        names = [n for n, _ in strategy_names("A Communications campaign ‘Speak Up Now’ ran in May.")]
        assert names == ["Speak Up Now"]


def test_bare_action_word_under_the_task_sentence():
    """ModernGov's action column: 'Action' alone under the sentence in which someone undertakes the task."""
    g = extract_text(minutes("""
        1. Police Update

        Ms Leach would feed back to the Board on burglary figures in relation to SmartWater.

        Action
    """))
    [action] = actions_of(g, the_meeting(g))
    assert owner_names(g, action) == {"Leach"}
    assert "burglary figures" in action.text


def test_represented_by_in_a_list_of_those_present():
    """'A (represented by B)' among those present: B attended, standing in for A, who did not."""
    g = extract_text(minutes("""
        Present:
        Councillor Kate Lymer (Chairman)
        Jim Gamble (represented by Anna Reid)

        1. Welcome

        None.
    """))
    m = the_meeting(g)
    assert_same_people(attendees(g, m), ["Kate Lymer", "Anna Reid"])
    [sub] = list(g.rels_of(Rel.SUBSTITUTED_FOR))
    assert (g.nodes[sub.source].name, g.nodes[sub.target].name) == ("Anna Reid", "Jim Gamble")


def test_item_prefixed_headings():
    g = extract_text("Example Community Safety Partnership\n\nMinutes of the meeting held on 3 May 2022\n\n"
                     "Item 1: Welcome and apologies\n\nThe Chair welcomed members.\n\n"
                     "Item 2: Knife Crime Update\n\nInspector Amy Cole presented the report.\n")
    assert [(i.number, i.title) for i in items(g, the_meeting(g))] == [("1", "Welcome and apologies"),
                                                                      ("2", "Knife Crime Update")]


def test_name_to_do_something_is_an_action():
    g = extract_text(minutes("""
        1. Knife Crime

        Inspector Amy Cole presented the report.

        Peter Clifton to circulate the report to partners.

        Pam Wharfe and Michael Kelly to coordinate a response.

        ACTION: Pam Wharfe and Michael Kelly
    """))
    found = actions_of(g, the_meeting(g))
    assert len(found) == 2     # the second sentence's own ACTION line is the same action, not another
    by_text = {a.text: owner_names(g, a) for a in found}
    assert by_text["circulate the report to partners"] == {"Peter Clifton"}


class TestDeclarationsTable:
    """Declarations of interest set out as a table: the member's name alone on a line, what they
    declare on the next (as ModernGov pages print them)."""

    TEXT = """
        Present: Councillor Ann Lowe (Chair), Dr Priya Shah, Mark Oduya

        1. Declarations of Members' Interests

        Agenda item(s)

        Dr Priya Shah

        Non-pecuniary interest by virtue of being a Trustee of Riverside Carers Centre

        Mark Oduya

        Non-pecuniary interest by virtue of being employed by the Royal Free London NHS Foundation Trust

        2. Minutes

        The minutes of the previous meeting were agreed as a correct record.
    """

    def test_each_declaration_gives_its_member_the_post_and_body(self):
        g = extract_text(minutes(self.TEXT))
        priya, mark = person(g, "Priya Shah"), person(g, "Mark Oduya")
        assert "Trustee" in holds(g, priya)
        assert "Riverside Carers Centre" in affiliated(g, priya)
        assert affiliated(g, mark) == {"Royal Free London NHS Foundation Trust"}
        assert holds(g, mark) == set()

    def test_a_declaration_outside_the_table_form_is_nobody_s(self):
        # The same words under another item, or without a name on the line before, name nobody's post.
        g = extract_text(minutes(self.TEXT.replace("1. Declarations of Members' Interests", "1. Welcome")))
        assert "Trustee" not in holds(g, person(g, "Priya Shah"))
        assert affiliated(g, person(g, "Mark Oduya")) == set()
