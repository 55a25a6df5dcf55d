"""The five sample minutes, one format each, read end to end: the facts a reader checks first.

Expected values are those of the gold annotations (/work/shared/gold/<sample>.yaml), written out
here so that each test says what it expects. The graph is `sample_graph` (tests/conftest.py):
all five documents extracted and resolved together. Where the extractor is known to get a fact
wrong, the test is marked xfail(strict=True) with what is wrong, so a fix shows up as XPASS.
"""
from __future__ import annotations

import pytest

from graph.model import Label, Rel
from helpers import (action_with_evidence, actions_of, actions_owned_by, apologies, arises_from,
                     assert_same_people, attendees, compare_people, decisions_of, fold, is_everyone, item, items,
                     meeting, names, names_of, nodes, organisation, owners, people_named, person, presenters, rels,
                     sample_name, targets)

D000, D001, D002, D003, D004 = (sample_name(p) for p in ("000", "001", "002", "003", "004"))
BOARD = "Safer Communities Partnership Board"
BARNET = "London Borough of Barnet"


@pytest.fixture(scope="module")
def g(sample_graph):
    return sample_graph


def owner_names(graph, action) -> set[str]:
    return names(owners(graph, action))


def holds(graph, person_node) -> set[str]:
    return names(targets(graph, Rel.HOLDS, person_node.id))


def affiliations(graph, person_node) -> set[str]:
    return names(targets(graph, Rel.AFFILIATED_WITH, person_node.id))


# =============================================================================================== 001
# A PDF supplementary pack made Markdown: a cover page for 22 October 2021, then the minutes of
# 23 July 2021 with "Board Members Present" as "Name – Role, Organisation" and **Action: ...** lines.

class TestPdfPackAsMarkdown001:
    def test_meeting_date_is_the_minutes_not_the_pack_cover(self, g):
        m = meeting(g, D001)
        assert m.date == "2021-07-23"          # "Minutes of a meeting held on 23 July 2021"
        assert m.date_source == "text"
        assert m.date != "2021-10-22"          # "FRIDAY 22ND OCTOBER, 2021" is the pack's cover date

    def test_body_and_venue(self, g):
        m = meeting(g, D001)
        assert m.body == BOARD
        assert "hendon town hall" in fold(m.venue or "")
        assert [o.name for o in targets(g, Rel.MEETING_OF, m.id)] == [BOARD]

    def test_items_numbered_1_to_15_in_order(self, g):
        found = items(g, meeting(g, D001))
        assert [i.number for i in found] == [str(n) for n in range(1, 16)]
        assert [i.order for i in found] == list(range(1, 16))
        assert fold(found[4].title) == fold("Performance Update (Q4 2020/21 (for information) and Q1 2021/22)")
        assert fold(found[11].title) == fold("Update on the Barnet Zero Tolerance to Hate Crime Project")
        assert fold(found[14].title) == fold("Any Other Business")

    def test_board_members_present(self, g):
        expected = ["Jennifer Grocock", "Fiona Bateman", "Alice Bird", "Ray Booth", "Peter Curtin",
                    "Tamara Djuretic", "Judi Dumont-Barter", "Amlan Ghoshal", "Clair Green", "Reshma Hirani",
                    "Muneeb Ishtiaq", "Declan Khan", "Matthew Knights", "Matt Leng", "Koreen Logie",
                    "Tina McElligott", "Ben Norfolk", "Richard Norfolk", "Sam Rosengard", "Cezar Tan"]
        missing, _ = compare_people(attendees(g, meeting(g, D001)), expected)
        assert missing == []

    def test_attendance_is_exactly_the_readers(self, g):
        expected = ["Jennifer Grocock", "Fiona Bateman", "Alice Bird", "Ray Booth", "Peter Curtin",
                    "Tamara Djuretic", "Judi Dumont-Barter", "Amlan Ghoshal", "Clair Green", "Reshma Hirani",
                    "Muneeb Ishtiaq", "Declan Khan", "Matthew Knights", "Matt Leng", "Koreen Logie",
                    "Tina McElligott", "Ben Norfolk", "Richard Norfolk", "Sam Rosengard", "Cezar Tan",
                    "Emily Bowler"]
        assert_same_people(attendees(g, meeting(g, D001)), expected)

    def test_roles_and_organisations_from_name_dash_role_comma_org(self, g):
        fiona = person(g, "Fiona Bateman")
        assert "Independent Chair" in holds(g, fiona)
        assert "Barnet Safeguarding Adults Board" in affiliations(g, fiona)
        ben = person(g, "Ben Norfolk")
        assert "Data Analyst" in holds(g, ben)
        assert BARNET in affiliations(g, ben)            # "LBB"
        alice = person(g, "Alice Bird")
        assert "Mayor's Office for Policing and Crime" in affiliations(g, alice)   # "MOPAC"

    def test_tina_mcelligott_attended_and_owns_an_action(self, g):
        m = meeting(g, D001)
        tina = person(g, "Tina McElligott")
        assert tina.id in {p.id for p in attendees(g, m)}
        owned = [a for a in actions_of(g, m) if tina.id in {o.id for o in owners(g, a)}]
        assert len(owned) == 2                           # "Ms McElligott/Mr Tan" and "Ms McElligott"
        assert {arises_from(g, a).number for a in owned} == {"6"}

    def test_apologies_and_the_substitution(self, g):
        m = meeting(g, D001)
        assert_same_people(apologies(g, m), ["Zoe Garbett", "Roger Kemp", "LaToya Ridge"])
        kemp, ghoshal = person(g, "Roger Kemp"), person(g, "Amlan Ghoshal")
        subs = rels(g, Rel.SUBSTITUTED_FOR, document=D001)
        assert [(r.source, r.target) for r in subs] == [(ghoshal.id, kemp.id)]
        assert subs[0].props.get("meeting") == m.id
        assert "substituted by Amlan Ghoshal" in subs[0].evidence
        assert ghoshal.id in {p.id for p in attendees(g, m)}
        assert kemp.id not in {p.id for p in attendees(g, m)}

    def test_action_with_two_owners_split_on_slash(self, g):
        action = action_with_evidence(g, meeting(g, D001), "Action: Ms McElligott/Mr Tan")
        assert owner_names(g, action) == {"Tina McElligott", "Cezar Tan"}
        assert arises_from(g, action).number == "6"

    def test_action_with_three_owners_split_on_commas(self, g):
        action = action_with_evidence(g, meeting(g, D001), "Action: Mr Khan, Mr Tan, Mr Knights")
        assert owner_names(g, action) == {"Declan Khan", "Cezar Tan", "Matthew Knights"}
        assert arises_from(g, action).number == "8"

    def test_action_all_goes_to_everyone(self, g):
        m = meeting(g, D001)
        action = action_with_evidence(g, m, "Action: All")
        found = owners(g, action)
        assert len(found) == 1 and is_everyone(g, m, found[0]), [o.id for o in found]
        assert all(o.label != Label.PERSON for o in found)

    def test_actions_count_and_items(self, g):
        found = actions_of(g, meeting(g, D001))
        assert [arises_from(g, a).number for a in found] == ["5", "6", "6", "6", "6", "7", "8", "10", "13"]
        assert all(owners(g, a) for a in found)

    def test_ben_and_richard_norfolk_stay_two_people(self, g):
        m = meeting(g, D001)
        ben, richard = person(g, "Ben Norfolk"), person(g, "Richard Norfolk")
        assert ben.id != richard.id
        assert {p.name for p in presenters(g, item(g, m, "5"))} == {"Ben Norfolk"}
        assert {p.name for p in presenters(g, item(g, m, "10"))} == {"Richard Norfolk"}
        assert owner_names(g, action_with_evidence(g, m, "Action: Richard Norfolk")) == {"Richard Norfolk"}
        assert "data analyst" not in {fold(r) for r in holds(g, richard)}
        assert "mr norfolk" not in names_of(ben)

    def test_surname_typo_resolves_within_the_document(self, g):
        # "Ms McElligot noted that moving to virtual training ..." (item 11)
        tina = person(g, "Tina McElligott")
        assert "Ms McElligot" in tina.aliases
        said = [r for r in rels(g, Rel.CONTRIBUTED, document=D001) if r.evidence.startswith("Ms McElligot noted")]
        assert [r.source for r in said] == [tina.id]
        assert people_named(g, r"mcelligot") == [tina]

    def test_inspector_ishtiaq_is_muneeb_ishtiaq(self, g):
        m = meeting(g, D001)
        muneeb = person(g, "Inspector Ishtiaq")
        assert muneeb.name == "Muneeb Ishtiaq"
        assert {"Inspector Ishtiaq", "Inspector Muneeb Ishtiaq"} <= set(muneeb.aliases)
        assert "Inspector" in holds(g, muneeb)
        assert "Metropolitan Police Service" in affiliations(g, muneeb)
        assert len(actions_owned_by(g, m, muneeb.id)) == 2   # two "Action: Inspector Ishtiaq"
        assert {p.name for p in presenters(g, item(g, m, "7"))} == {"Muneeb Ishtiaq"}

    def test_decision_approving_the_hate_crime_strategy(self, g):
        m = meeting(g, D001)
        found = [d for d in decisions_of(g, m) if arises_from(g, d).number == "12"]
        assert len(found) == 1 and found[0].verb == "approved"
        concerns = rels(g, Rel.CONCERNS, source=found[0].id)
        assert [g.nodes[r.target].name for r in concerns] == ["Barnet Hate Crime Strategy 2020-24"]
        assert concerns[0].props["verb"] == "approved"

    def test_decisions_by_item(self, g):
        m = meeting(g, D001)
        assert [arises_from(g, d).number for d in decisions_of(g, m)] == ["2", "12", "14"]
        minutes = decisions_of(g, m)[0]
        assert minutes.verb == "approved" and "minutes" in minutes.text

    @pytest.mark.parametrize("number, expected", [
        ("5", ["Ben Norfolk"]), ("6", ["Tina McElligott", "Tamara Djuretic"]), ("7", ["Muneeb Ishtiaq"]),
        ("8", ["Matthew Knights"]),
        ("9", ["Emily Bowler"]),
        ("10", ["Richard Norfolk"]), ("11", ["Sam Rosengard"]), ("12", ["Reshma Hirani"]),
        ("13", ["Koreen Logie"]), ("1", []), ("14", []), ("15", []),
    ])
    def test_presenters(self, g, number, expected):
        assert_same_people(presenters(g, item(g, meeting(g, D001), number)), expected)


# =============================================================================================== 000
# A ModernGov "Agenda and minutes" page as text: numbered items, "pdf icon PDF 103 KB" noise, no
# attendance list, and no date of its own ("Date of Next Meeting - 21 July 2023" is the next one).

class TestModernGovPage000:
    def test_date_is_null_not_the_next_meeting(self, g):
        m = meeting(g, D000)
        assert m.date is None
        assert m.date_source is None
        assert str(m.date_inferred or "").startswith("2023")

    def test_body(self, g):
        assert meeting(g, D000).body == BOARD

    def test_items_and_clean_titles(self, g):
        found = items(g, meeting(g, D000))
        assert [i.number for i in found] == [str(n) for n in range(1, 14)]
        assert found[1].title == "Minutes of Previous Meeting"          # "... pdf icon PDF 103 KB"
        assert found[8].title == "Performance and Delivery Progress on drug and alcohol misuse services"
        assert found[12].title == "Date of Next Meeting - 21 July 2023"
        assert not any("pdf" in fold(i.title) for i in found)

    def test_london_fire_brigade_sent_apologies_as_an_organisation(self, g):
        m = meeting(g, D000)
        assert names(apologies(g, m, Label.ORGANISATION)) == {"London Fire Brigade"}
        assert_same_people(apologies(g, m, Label.PERSON), ["Matt Leng", "Alice Bird"])
        assert "Community Safety Manager" in holds(g, person(g, "Matt Leng"))

    def test_people_shown_taking_part_attended(self, g):
        assert_same_people(attendees(g, meeting(g, D000)),
                           ["Maggie Higton-Brown", "Tania Martin", "Tina McElligott", "Tamara Djuretic",
                            "Fiona Bateman", "Conway", "Luke Kwamya", "Louisa Songer", "Diasmer Bloe"])

    def test_presenters_of_item_9(self, g):
        found = presenters(g, item(g, meeting(g, D000), "9"))
        assert names(found) == {"Tamara Djuretic", "Luke Kwamya"}

    def test_ranks_are_not_names(self, g):
        tania = person(g, "Superintendent Tania Martin")
        assert tania.name == "Tania Martin"
        assert "Superintendent" in holds(g, tania)
        lynch = person(g, "CI Lynch")
        assert lynch.name == "Lynch"

    @pytest.mark.parametrize("number, expected", [
        ("5", ["Maggie Higton-Brown", "Tania Martin"]), ("6", ["Tania Martin"]), ("7", ["Tina McElligott"]),
        ("8", ["Tamara Djuretic"]), ("9", ["Tamara Djuretic", "Luke Kwamya"]),
        ("10", ["Diasmer Bloe"]),   # not Cllr Conway: "... the Board noted the contents of the report presented"
        ("11", []), ("12", []),
    ])
    def test_presenters(self, g, number, expected):
        assert_same_people(presenters(g, item(g, meeting(g, D000), number)), expected)

    @pytest.mark.parametrize("number, verbs", [
        ("5", ["noted"]), ("8", ["noted"]), ("9", ["agreed", "considered and noted"]),
        ("10", ["noted"]),
        ("6", []), ("7", []), ("11", []),
    ])
    def test_decisions_noted_by_the_board(self, g, number, verbs):
        m = meeting(g, D000)
        found = [d for d in decisions_of(g, m) if arises_from(g, d).number == number]
        assert sorted(d.verb for d in found) == verbs


# =============================================================================================== 002
# An older ModernGov page: items unnumbered, titles unindented, text indented; apologies bulleted.

class TestModernGovUnnumbered002:
    TITLES = ["Introduction, Apologies and Minutes of Previous Meeting", "Matters Arising",
              "Barnet Borough Watch Update", "Domestic Violence and Abuse and Violence Against Women and Girls",
              "2017/18 MOPAC Funding", "CCTV and ANPR update", "Performance Dashboard", "Future Work Programme"]

    def test_unnumbered_items_with_clean_titles(self, g):
        found = items(g, meeting(g, D002))
        assert [i.title for i in found] == self.TITLES            # no "pdf icon PDF 77 KB"
        assert [i.number for i in found] == [None] * 8
        assert [i.order for i in found] == list(range(1, 9))

    def test_apologies_list_of_eight(self, g):
        m = meeting(g, D002)
        assert_same_people(apologies(g, m), ["Jon Dickinson", "Tina McElligott", "Jamie Keddy", "Roger Kemp",
                                             "Caroline Birkett", "Aveen Gardiner", "Laura Featley", "Tim Harris"])
        assert apologies(g, m, Label.ORGANISATION) == []
        assert "National Probation Service" in affiliations(g, person(g, "Jamie Keddy"))
        # "Community Rehabilitation Company (CRC)": the minutes do not say which of the regional companies.
        assert "Community Rehabilitation Company" in affiliations(g, person(g, "Aveen Gardiner"))

    def test_date_is_null(self, g):
        m = meeting(g, D002)
        assert m.date is None        # approves the minutes of 27 January 2017; next meeting 21 July 2017
        assert str(m.date_inferred or "").startswith("2017")

    def test_body(self, g):
        assert meeting(g, D002).body == BOARD

    def test_people_shown_taking_part_attended(self, g):
        assert_same_people(attendees(g, meeting(g, D002)),
                           {"David Longstaff": [], "Julie Pal": [], "Peter Clifton": [], "Paul Hammond": [],
                            "Claire Ansdell": [], "Steve Leader": [], "Simon Rose": [], "Simon Harding": [],
                            "Kiran Vagarwal": ["Kiran Vargwarl"]})

    @pytest.mark.parametrize("title, expected", [
        ("Matters Arising", []),
        ("Barnet Borough Watch Update", ["Julie Pal", "Paul Hammond"]),
        ("Domestic Violence and Abuse and Violence Against Women and Girls", ["Kiran Vagarwal", "Peter Clifton"]),
        ("2017/18 MOPAC Funding", ["Kiran Vagarwal", "Peter Clifton"]),
        ("CCTV and ANPR update", ["Peter Clifton"]),
        ("Performance Dashboard", ["Kiran Vagarwal", "Peter Clifton"]),
        ("Future Work Programme", []),
    ])
    def test_presenters(self, g, title, expected):
        found = presenters(g, item(g, meeting(g, D002), title=title))
        assert_same_people(found, {n: ["Kiran Vargwarl"] if n == "Kiran Vagarwal" else [] for n in expected})

    def test_resolved_minutes_and_agreed_strategy(self, g):
        m = meeting(g, D002)
        first = [d for d in decisions_of(g, m) if arises_from(g, d).order == 1]
        assert len(first) == 1 and "27 January 2017" in first[0].text
        dv = [d for d in decisions_of(g, m) if arises_from(g, d).order == 4]
        assert [d.verb for d in dv] == ["agreed"]
        concerns = rels(g, Rel.CONCERNS, source=dv[0].id)
        assert len(concerns) == 1 and concerns[0].props["verb"] == "agreed"
        assert "Violence Against Women and Girls Strategy 2017-2020" in g.nodes[concerns[0].target].name

    def test_no_actions(self, g):
        assert actions_of(g, meeting(g, D002)) == []


# =============================================================================================== 003
# PDF minutes as plain text: the attendance lists run all names together, then all posts.

class TestPdfAsText003:
    BOARD_MEMBERS = ["David Longstaff", "Pam Wharfe", "Adrian Usher", "Douglas Charlton", "Andy Mariner",
                     "Mark Brown", "Simon Harding"]
    ALSO_PRESENT = ["Paul Hammond", "Denise Thiruchelvam", "Laura Waller", "Steve Murrant", "Michael Kelly",
                    "Richard Bell", "Julie Pal", "James Mass", "Dov Gerber", "Annette Dhillon", "Manju Lukhman",
                    "Duncan Tessier", "Laura Featley", "Steve Leader", "Kiran Vagarwal", "Lynn Bishop",
                    "Chris Palmer", "Ann Graham", "Mathew Kendall", "Garry Randall", "Ruth Murphy"]

    def test_meeting_date(self, g):
        m = meeting(g, D003)
        assert m.date == "2013-07-19"       # not 19 April 2013 (previous) nor 25 October 2013 (next)
        assert m.date_source == "text"
        assert m.body == BOARD
        assert "hendon town hall" in fold(m.venue or "")

    def test_run_together_attendance_names_are_separated(self, g):
        m = meeting(g, D003)
        found = attendees(g, m)
        assert {"Pam Wharfe", "Adrian Usher", "Simon Harding"} <= names(found)
        assert_same_people(found, self.BOARD_MEMBERS + self.ALSO_PRESENT)
        assert all(len(p.name.split()) <= 3 for p in nodes(g, Label.PERSON, document=D003))

    def test_titles_come_off_run_together_names(self, g):
        harding = person(g, "Dr Simon Harding")
        assert harding.name == "Simon Harding"
        longstaff = person(g, "Cllr David Longstaff")
        assert longstaff.name == "David Longstaff"

    def test_run_together_posts_are_paired_or_warned_about(self, g):
        # Nothing is guessed: either the posts are paired with the names, or lines 7 and 8 are reported.
        paired = "Interim Director for Environment, Planning & Regeneration" in names(
            targets(g, Rel.HOLDS, person(g, "Pam Wharfe").id))
        warned = {w.line for w in g.warnings if w.document == D003} >= {7, 8}
        assert paired or warned

    def test_apologies(self, g):
        assert_same_people(apologies(g, meeting(g, D003)),
                           ["Terry Cameron", "Tim Harris", "Hamera Asafa Davey", "Tim Beach"])

    def test_items_with_sub_items(self, g):
        found = items(g, meeting(g, D003))
        assert [i.number for i in found] == ["1", "2", "3", "4", "5", "6 i)", "6 ii)", "7", "8", "9", "10",
                                            "11", "12"]
        assert found[3].title == "Localised Policing – What it means for Barnet?"
        assert found[6].title == "North London Romanian Centre"
        assert found[12].title.startswith("Date of Next Meeting")

    def test_action_dash_name_comma_role(self, g):
        # "ACTION - Adrian Usher, Barnet Borough Commander"
        action = action_with_evidence(g, meeting(g, D003), "ACTION - Adrian Usher, Barnet Borough Commander")
        assert owner_names(g, action) == {"Adrian Usher"}
        assert arises_from(g, action).number == "4"

    def test_action_slash_with_title(self, g):
        action = action_with_evidence(g, meeting(g, D003), "ACTION: Dr Harding/Michael Kelly")
        assert owner_names(g, action) == {"Simon Harding", "Michael Kelly"}
        assert arises_from(g, action).number == "11"

    def test_action_name_to_do_something(self, g):
        action = action_with_evidence(g, meeting(g, D003), "ACTION: Michael Kelly to liaise")
        assert owner_names(g, action) == {"Michael Kelly"}
        assert action.text.startswith("liaise with Hamera Asafa Davey")

    def test_action_two_names_joined_by_and(self, g):
        action = action_with_evidence(g, meeting(g, D003), "ACTION: Pam Wharfe and Michael Kelly")
        assert owner_names(g, action) == {"Pam Wharfe", "Michael Kelly"}

    def test_action_for_the_whole_board(self, g):
        m = meeting(g, D003)
        action = action_with_evidence(g, m, "ACTION: The Chairman encouraged the board")
        found = owners(g, action)
        assert len(found) == 1 and is_everyone(g, m, found[0])

    def test_actions_by_item(self, g):
        found = actions_of(g, meeting(g, D003))
        assert [arises_from(g, a).number for a in found] == ["4", "4", "5", "6 ii)", "7", "8", "10", "11"]

    @pytest.mark.parametrize("number, expected", [
        ("4", ["Adrian Usher"]), ("5", ["Dov Gerber"]), ("6 i)", ["Adrian Usher"]), ("6 ii)", ["Andy Mariner"]),
        ("7", []), ("8", ["Garry Randall"]),
        ("9", ["Adrian Usher", "Lynn Bishop", "Michael Kelly", "Duncan Tessier"]), ("10", ["Chris Palmer"]),
    ])
    def test_presenters(self, g, number, expected):
        assert_same_people(presenters(g, item(g, meeting(g, D003), number)), expected)

    def test_decisions_are_the_boards(self, g):
        # not "DCI Randall agreed this assistance ..." (item 8) nor "Dr Harding agreed to liaise ..." (item 11)
        m = meeting(g, D003)
        assert [arises_from(g, d).number for d in decisions_of(g, m)] == ["2", "6 ii)", "9", "9"]


# =============================================================================================== 004
# A single agenda-item page: "Agenda item", the title, a presenter block, then inline actions.

class TestSingleAgendaItem004:
    def test_single_item(self, g):
        m = meeting(g, D004)
        found = items(g, m)
        assert len(found) == 1
        assert found[0].number is None
        assert found[0].title == "Update on the findings of the 2018/19 Community Safety Strategic Assessment"
        assert m.date is None

    def test_peter_clifton_presented(self, g):
        only = items(g, meeting(g, D004))[0]
        assert names(presenters(g, only)) == {"Peter Clifton"}
        assert "Community Safety Manager" in holds(g, person(g, "Peter Clifton"))

    def test_superintendent_leach_owns_two_inline_actions(self, g):
        m = meeting(g, D004)
        leach = person(g, "Superintendent Leach")
        assert leach.name == "Leach"
        assert "Ms Leach" in leach.aliases
        assert "Superintendent" in holds(g, leach)
        owned = actions_owned_by(g, m, leach.id)
        assert len(owned) == 2
        assert "contact for Ms Colville" in owned[0].text
        assert all(owner_names(g, a) == {"Leach"} for a in owned)

    def test_mr_clifton_owns_the_third_action(self, g):
        m = meeting(g, D004)
        found = actions_of(g, m)
        assert len(found) == 3
        assert owner_names(g, found[2]) == {"Peter Clifton"}
        assert "report back" in found[2].text

    def test_people_shown_taking_part_attended(self, g):
        m = meeting(g, D004)
        assert_same_people(attendees(g, m), {"Peter Clifton": [], "Bateman": ["Ms Bateman"], "Leach": [],
                                              "Colville": [], "Kausar Mukhtar": []})
        assert "Sepia Golding" not in names(attendees(g, m))     # named in the agenda block only
        assert apologies(g, m) == []

    def test_no_decisions(self, g):
        # "Mr Clifton agreed to report back at the next meeting." is an action, not the body deciding
        assert decisions_of(g, meeting(g, D004)) == []


# =============================================================================================== across documents

class TestCrossDocumentResolution:
    def test_one_tina_mcelligott_across_000_001_002(self, g):
        found = people_named(g, r"mcelligot")
        assert len(found) == 1
        tina = found[0]
        assert tina.name == "Tina McElligott"
        assert {D000, D001, D002} <= set(tina.documents)
        assert {r.document for r in rels(g, Rel.ATTENDED, source=tina.id)} == {D000, D001}
        assert {r.document for r in rels(g, Rel.SENT_APOLOGIES, source=tina.id)} == {D002}

    def test_ms_bateman_in_004_is_fiona_bateman(self, g):
        fiona = person(g, "Fiona Bateman")
        assert "Ms Bateman" in fiona.aliases
        assert fiona.id in {p.id for p in attendees(g, meeting(g, D004))}
        assert {D000, D001, D004} <= set(fiona.documents)
        assert [p.id for p in people_named(g, r"^(ms )?bateman$")] == [fiona.id]

    def test_peter_clifton_in_002_and_004_is_one_node(self, g):
        clifton = person(g, "Peter Clifton")
        assert {D002, D004} <= set(clifton.documents)
        assert {r.document for r in rels(g, Rel.PRESENTED, source=clifton.id)} == {D002, D004}
        assert [p.id for p in people_named(g, r"clifton")] == [clifton.id]

    def test_lbb_lb_barnet_and_barnet_council_are_one_organisation(self, g):
        lbb = organisation(g, BARNET)
        assert lbb.id == "org:london-borough-of-barnet"
        for form in ("LBB", "LB Barnet", "Barnet Council"):
            assert [n.id for n in nodes(g, Label.ORGANISATION, form)] in ([], [lbb.id]), form
        stated = {"Matt Leng": D001,          # "Matt Leng – Community Safety Manager, LBB"
                  "Jon Dickinson": D002,      # "Jon Dickinson, LB Barnet"
                  "Sepia Golding": D004}      # "Sepia Golding / Senior Partnership Performance / Barnet Council"
        for name, doc in stated.items():
            found = [r for r in rels(g, Rel.AFFILIATED_WITH, source=person(g, name).id) if r.document == doc]
            assert [r.target for r in found] == [lbb.id], name
        assert {D001, D002, D003, D004} <= set(lbb.documents)

    def test_same_full_name_in_two_documents_is_one_person(self, g):
        for name, docs in (("Simon Harding", {D002, D003}), ("David Longstaff", {D002, D003}),
                           ("Julie Pal", {D002, D003}), ("Alice Bird", {D000, D001})):
            assert docs <= set(person(g, name).documents), name

    def test_ben_norfolk_is_never_merged_with_another_norfolk(self, g):
        ben, richard = person(g, "Ben Norfolk"), person(g, "Richard Norfolk")
        assert ben.id != richard.id
        assert ben.documents == [D001]
        assert "mr norfolk" not in names_of(ben)

    def test_kiran_vagarwal_spelling_slip_is_one_person(self, g):
        found = people_named(g, r"^kiran v")
        assert len(found) == 1
        assert {"kiran vagarwal", "kiran vargwarl"} <= names_of(found[0])
        assert {D002, D003} <= set(found[0].documents)

    def test_a_bare_borough_in_an_organisations_slot_is_its_council(self, g):
        # "Kiran Vagarwal – Strategic Lead Safer Communities, Barnet" (002, item "2017/18 MOPAC Funding")
        lbb = organisation(g, BARNET)
        assert nodes(g, Label.ORGANISATION, "Barnet") in ([], [lbb])
        kiran = people_named(g, r"^kiran vagarwal$")[0]
        assert {r.target for r in rels(g, Rel.AFFILIATED_WITH, source=kiran.id, document=D002)} == {lbb.id}
        barnet_named = [n for n in nodes(g, Label.ORGANISATION, document=D002) if fold(n.name) == "barnet"]
        assert barnet_named == []
