"""The layouts of councils the samples never showed, each as a short snippet in the general form.

Names here are invented; every form is one met across the UK's minutes (NOTES-minutes.md and the
hand-annotated pages in tests/fixtures/wide), not one council's line.
"""
from __future__ import annotations

import random
import textwrap

import pytest

from graph.model import Label, Rel
from helpers import apologies, attendees, extract_text, names, nodes, person, presenters, targets
from loaders.names import leading_person, people_in_run, split_at_people
from loaders.outcomes import commitment

HEAD = "Example Community Safety Partnership\n\nMinutes of a meeting held on 15 March 2019\n\n"


def minutes(body: str, head: str = HEAD) -> str:
    return head + textwrap.dedent(body).strip() + "\n"


def the_meeting(g):
    return next(g.of_label(Label.MEETING))


def present(g) -> set[str]:
    return names(attendees(g, the_meeting(g)))


def sent_apologies(g) -> set[str]:
    return names(apologies(g, the_meeting(g)))


def holds(g, name) -> set[str]:
    return names(targets(g, Rel.HOLDS, person(g, name).id))


def affiliated(g, name) -> set[str]:
    return names(targets(g, Rel.AFFILIATED_WITH, person(g, name).id))


class TestNames:
    def test_initials_and_stacked_titles(self):
        for text, title, name in [
            ("Councillor P Jones, Chair", "Councillor", "P Jones"),
            ("Cty Cllr Mrs A B Smith (Chair)", "Cty Cllr Mrs", "A B Smith"),
            ("R G Hughes, Clerk", "", "R G Hughes"),
            ("S.J. Patel – Treasurer", "", "S.J. Patel"),
            ("Councillor Ms. B.E. Brooks (Vice-Chairman)", "Councillor Ms.", "B.E. Brooks"),
            ("Acting Supt. Joe Bloggs, Police", "Acting Supt.", "Joe Bloggs"),
            ("Tom E Hale-Westvale South", "", "Tom E Hale-Westvale"),   # the list's dash cuts later
            ("Mary J. Blake – Clerk", "", "Mary J. Blake"),
            ("Cllr Tom B Hale (Chair)", "Cllr", "Tom B Hale"),
        ]:
            parts, _ = leading_person(text)
            assert (parts.title, parts.name) == (title, name), text

    def test_a_surname_of_two_words_written_with_a_title_is_the_full_names(self):
        g = extract_text(minutes("""
            1. Annual Report

            Jane Whitby Lane, Head of Community Safety presented the annual report. Ms Whitby Lane asked the Board to note the recommendations.
        """))
        assert names(nodes(g, Label.PERSON)) == {"Jane Whitby Lane"}

    def test_a_possessive_is_no_part_of_a_name(self):
        from loaders.names import titled_mentions

        assert [p.name for p, _, _ in titled_mentions("The Lead introduced Councillor Hale’s Members Item and "
                                                      "Cllr Jo O'Dwyer's motion.")] == ["Hale", "Jo O'Dwyer"]
        assert leading_person("Bridget O’Dwyer, Chair")[0].name == "Bridget O’Dwyer"

    def test_a_middle_initial_in_a_list_of_members_and_their_wards(self):
        g = extract_text(minutes("""
            Members:
            Jon Sime (Chairman)-Mid and Upper Vale
            Ian Bolt-Abbey
            Tom E Hale-Westvale South
            Mary J. Blake-Eastvale
        """))
        assert present(g) == {"Jon Sime", "Ian Bolt", "Tom E Hale", "Mary J. Blake"}

    def test_after_a_title_and_a_first_name_a_word_ending_the_entry_is_the_surname(self):
        from loaders.names import titled_mentions

        assert [p.name for p, _, _ in titled_mentions("Cllr Rita Needs (Cabinet Member)")] == ["Rita Needs"]
        assert [p.name for p, _, _ in titled_mentions("Cllr Jane Chair, Cllr Bob Council,")] == ["Jane", "Bob"]

    def test_people_a_body_is_named_after_are_no_attendees(self):
        g = extract_text(minutes("""
            The following apologies were reported to the meeting by the Chair

            Mark Brand, CEO, Robert Jones & Agnes Hunt Orthopaedic Hospital NHS Foundation Trust

            Nicky Jay, Chief Officer, Shire Partners in Care

            1. Welcome

            None.
        """))
        assert sent_apologies(g) == {"Mark Brand", "Nicky Jay"}

    def test_bare_names_run_together_are_read_two_by_two(self):
        assert split_at_people("Councillor Sandy Tate Cammy Roe June Gray Andrew Hale Robert Westerby Andy Moir") == [
            "Councillor Sandy Tate", "Cammy Roe", "June Gray", "Andrew Hale", "Robert Westerby", "Andy Moir"]
        # Words that are no names are never paired into people.
        assert "Learning Worker" not in split_at_people("Ann Lee Community Learning Worker Bob Marsh")

    def test_initials_never_lead_to_a_word_that_is_no_surname(self):
        assert leading_person("A Board member asked") is None

    def test_a_first_name_and_surname_followed_by_a_body(self):
        parts, rest = leading_person("Lynn Smith Cruden Community Council")
        assert parts.name == "Lynn Smith" and rest.strip() == "Cruden Community Council"
        parts, _ = leading_person("Kay Wilson White, Dorset Council")
        assert parts.name == "Kay Wilson White"

    def test_a_places_body_named_in_prose_is_no_person(self):
        place = "Doncaster"     # any council's area from loaders/data/uk_places.yaml
        g = extract_text(minutes(f"""
            1. Partners

            The Board heard from Healthwatch {place} and from {place} Culture, who would report back.
        """))
        assert not {f"Healthwatch {place}", f"{place} Culture"} & names(nodes(g, Label.PERSON))

    def test_a_name_before_an_unplaced_body_and_a_body_that_starts_like_a_name(self):
        g = extract_text(minutes("""
            Core Membership Cllr Drake Borough Council Pam O’Hara Clinical Commissioning Group Ian Rowe Shire Police

            1. Welcome

            None.
        """))
        assert {"Drake", "Pam O’Hara", "Ian Rowe"} <= present(g)
        g = extract_text(minutes("""
            Present: Aneurin Bevan University Health Board, Maureen Howe (MH); Welsh Government, Amanda Lee (AL)
        """))
        assert "Aneurin Bevan" not in names(nodes(g, Label.PERSON))

    def test_a_run_with_no_separators_is_cut_where_each_name_begins(self):
        run = ("Helen Crane (Chair) Area Manager, Council Cllr Gareth Lloyd Ward 6, North & Coast "
               "Siobhan Kerr Development Officer, Voluntary Action Insp. Tom Reid Police Scotland")
        assert [p.name for p, _, _ in people_in_run(run)] == ["Helen Crane", "Gareth Lloyd", "Siobhan Kerr",
                                                               "Tom Reid"]
        assert split_at_people(run)[1] == "Cllr Gareth Lloyd Ward 6, North & Coast"

    def test_a_name_right_after_a_post_word_is_the_posts_body(self):
        assert [p.name for p, _, _ in people_in_run("Joe Lane, Chief Executive Tai Ogwen")] == ["Joe Lane"]


    def test_a_surname_alone_joins_its_own_surname_not_a_neighbour(self):
        g = extract_text(minutes("""
            Present: Cllr Harris (Chair), Peter Harries (Housing Officer), Colin Wrights (Analyst)

            1. Crime update

            Ms Wright presented the figures.
        """))
        people = names(nodes(g, Label.PERSON))
        assert {"Harris", "Peter Harries", "Colin Wrights"} <= people and "Wright" not in people


class TestAttendanceLayouts:
    def test_present_run_into_the_title_line(self):
        g = extract_text(minutes("""
            Note of Meeting 9th January 2019 – Village Hall Present: Helen Crane (Chair) Area Manager, Council Siobhan Kerr Development Officer, Voluntary Action Derek Moss Police Scotland

            1. Welcome

            Helen welcomed everyone.
        """, head=""))
        assert present(g) == {"Helen Crane", "Siobhan Kerr", "Derek Moss"}
        assert "Development Officer" in holds(g, "Siobhan Kerr")

    def test_a_list_continues_on_the_lines_after_an_inline_heading(self):
        g = extract_text(minutes("""
            PRESENT: Councillor Lowry (Chair) - Leeds City Council
            Councillor Wall - Bradford Council
            Councillor Lane - Bradford Council
            Jo Sayer - Independent
            1. Apologies for Absence
            1.1 Apologies were noted from Councillor Ann Marsh (Calderdale).
        """))
        assert present(g) == {"Lowry", "Wall", "Lane", "Jo Sayer"}
        assert sent_apologies(g) == {"Ann Marsh"}

    def test_a_table_with_each_cell_on_a_line_of_its_own(self):
        g = extract_text(minutes("""
            Present:
            Name |
            Organisation represented |
            Cllr Mary Evans (Cllr
            ME) |
            Caerphilly County Borough
            Council (Chair) |
            Huw Price (HP) |
            Gwent Police |
            In Attendance:
            Ruth Bell (RB) |
            Newport City Council |
        """))
        assert present(g) == {"Mary Evans", "Huw Price", "Ruth Bell"}
        assert "Gwent Police" in affiliated(g, "Huw Price")
        assert "HP" in person(g, "Huw Price").aliases        # their initials, an alias, not a post
        assert not holds(g, "Huw Price")

    def test_a_roster_with_a_status_under_each_name(self):
        g = extract_text(minutes("""
            Dr Amir Khan
            GP and Medical Director, NHS South Yorkshire ICB
            Present, as expected
            Fran Jolly
            Healthwatch
            Present, as expected
            Rita Parker
            Chief Executive of the Teaching Hospitals NHS Foundation Trust
            Apologies
            Tom Lee
            Director of Place
            Absent
        """))
        assert present(g) == {"Amir Khan", "Fran Jolly"}
        assert sent_apologies(g) == {"Rita Parker"}

    def test_apologies_on_their_own_line_still_head_a_list(self):
        g = extract_text(minutes("""
            Attendees
            Name Agency
            John Neale  Borough Council
            Jason Marsh Office of the Police & Crime Commissioner

            Apologies

              • Becky Kemp (Borough Council)
              • Tina Rowe (NPS)

            No 1

            Item Community Safety Partnerships
        """))
        assert present(g) == {"John Neale", "Jason Marsh"}
        assert sent_apologies(g) == {"Becky Kemp", "Tina Rowe"}

    def test_members_with_a_bare_hyphen_before_their_ward(self):
        g = extract_text(minutes("""
            Attendance Details

            Members:
            Stephen Howe (Convener)-Eastfield North
            Rob Dale-Abbey
            Graham Noble-Mid Vale
            Officials:
            Gavin Steel - Chief Executive
        """))
        assert present(g) == {"Stephen Howe", "Rob Dale", "Graham Noble", "Gavin Steel"}

    def test_codes_and_shared_bodies_in_a_paragraph_of_initials(self):
        g = extract_text(minutes("""
            In Attendance
            S Brown, Director of Environment; O Reed, Head of Public Protection; and C Dale, Enforcement Manager (all Environment & Communities); and Superintendents R Horn and S Webb (both Police Scotland).
        """))
        assert present(g) == {"S Brown", "O Reed", "C Dale", "R Horn", "S Webb"}
        assert "Police Scotland" in affiliated(g, "S Webb")

    def test_a_status_code_before_each_titled_name_in_one_paragraph(self):
        g = extract_text(minutes("""
            MINUTES OF THE PANEL HELD ON 11 MARCH 2019 Eastfield Council P. Councillor Lisa Bright P. Councillor Gary Hope Westfield District Council A. Councillor John Parr P. Councillor Roz Wills Officers Present: Ian Page – Lead Officer
        """, head=""))
        assert present(g) == {"Lisa Bright", "Gary Hope", "Roz Wills", "Ian Page"}
        assert sent_apologies(g) == {"John Parr"}

    def test_bodies_between_coded_entries_head_the_members_after_them(self):
        g = extract_text(minutes("""
            MINUTES OF THE PANEL HELD ON 11 MARCH 2019 Eastfield Council P. Councillor Lisa Bright (Chairman), P. Councillor Gary Hope Westfield District Council A. Councillor John Parr P. Councillor Roz Wills Independent Members P. Rosa Hill
        """, head=""))
        assert affiliated(g, "Lisa Bright") == {"Eastfield Council"} and holds(g, "Lisa Bright") == {"Chairman"}
        assert affiliated(g, "Gary Hope") == {"Eastfield Council"}
        assert affiliated(g, "John Parr") == affiliated(g, "Roz Wills") == {"Westfield District Council"}

    def test_apologies_as_a_tables_column_heading_heads_no_list(self):
        g = extract_text(minutes("""
            NAME ROLE, ORGANISATION PRESENT APOLOGIES DEPUTY ATTENDED Ann Rowe Independent Chair, ESCB Y (Chair) Tom Lake Service Director, Eastfield County Council Y
        """, head=""))
        assert sent_apologies(g) == set()

    @pytest.mark.parametrize("seed", range(3))
    def test_a_tables_rows_run_together_each_with_its_status_code(self, seed):
        rng = random.Random(seed)
        cast = [("Ann Rowe", "Independent Chair, ESCB", "Y"), ("Tom Lake", "Service Director, Eastfield County Council", "Y"),
                ("Kim Voss", "Consultant in Public Health, Eastfield County Council", "A"),
                ("Raj Patel", "Deputy Chief Nurse, Eastfield Clinical Commissioning Group", "A"),
                ("Lee Hart", "Group Manager, Eastfield County Council", "Y")]
        rows = []
        for name, post, code in cast:
            words = post.split()
            cut = rng.randrange(1, len(words) + 1)      # the code printed in the row where its column fell
            rows.append(" ".join([name, *words[:cut], code, *words[cut:]]))
        g = extract_text(minutes("NAME ROLE, ORGANISATION PRESENT APOLOGIES DEPUTY ATTENDED " + " ".join(rows), head=""))
        assert present(g) == {name for name, _, code in cast if code == "Y"}
        assert sent_apologies(g) == {name for name, _, code in cast if code == "A"}

    def test_untitled_members_under_a_seat_in_a_coded_paragraph(self):
        g = extract_text(minutes("""
            EASTFIELD POLICE AND CRIME PANEL MINUTES OF THE MEETING HELD ON 11 MARCH 2019 Eastfield Council P. Councillor Lisa Bright A. Councillor Gary Hope Independent Members P. Rosa Hill A. Roger Kent P. Andrew Shaw Officers Present: Ian Page – Lead Officer
        """, head=""))
        assert present(g) == {"Lisa Bright", "Rosa Hill", "Andrew Shaw", "Ian Page"}
        assert sent_apologies(g) == {"Gary Hope", "Roger Kent"}
        assert holds(g, "Rosa Hill") == holds(g, "Andrew Shaw") == {"Independent Member"}
        assert affiliated(g, "Lisa Bright") == {"Eastfield Council"} and "Eastfield Council" not in affiliated(g, "Rosa Hill")

    def test_a_body_after_each_coded_name_is_that_members_own(self):
        g = extract_text(minutes("""
            MINUTES OF THE PANEL HELD ON 11 MARCH 2019 P. Councillor Lisa Bright Eastfield Council P. Councillor Gary Hope Westfield District Council A. Councillor John Parr Northfield Borough Council
        """, head=""))
        assert affiliated(g, "Lisa Bright") == {"Eastfield Council"}
        assert affiliated(g, "Gary Hope") == {"Westfield District Council"}
        assert affiliated(g, "John Parr") == {"Northfield Borough Council"}

    def test_name_dash_post_entries_run_together(self):
        text = ("Ian Page – Lead Officer Sue Mount – Police and Crime Commissioner Nick Garr – Chief Constable "
                "Joan Coyle – Victim Champion")
        assert split_at_people(text) == ["Ian Page – Lead Officer", "Sue Mount – Police and Crime Commissioner",
                                         "Nick Garr – Chief Constable", "Joan Coyle – Victim Champion"]
        g = extract_text(minutes("""
            Officers Present: Ian Page – Lead Officer Nick Garr – Chief Constable Joan Coyle – Victim Champion PCP 34.12/13 MEMBERSHIP OF THE PANEL The Chairman welcomed everyone.
        """))
        assert present(g) >= {"Ian Page", "Nick Garr", "Joan Coyle"}
        assert holds(g, "Nick Garr") == {"Chief Constable"}
        assert holds(g, "Joan Coyle") == {"Victim Champion"}

    def test_a_heading_run_straight_into_its_list(self):
        g = extract_text(minutes("""
            Core Membership Cllr Kerr (Chair) North District Council Cllr Pike Borough Council Chief Insp. Peter Brown Dorset Police
        """))
        assert present(g) == {"Kerr", "Pike", "Peter Brown"}

    def test_one_line_list_keeps_its_last_entry_with_brackets(self):
        g = extract_text(minutes("""
            Present: Jane Doe (Chair), Karen Webb (London Borough of Barnet)

            1. Welcome

            The Chair welcomed everyone.
        """))
        assert present(g) == {"Jane Doe", "Karen Webb"}
        assert holds(g, "Jane Doe") == {"Chair"}
        assert "London Borough of Barnet" in affiliated(g, "Karen Webb")


    def test_labelled_lists_run_on_in_one_paragraph(self):
        g = extract_text(minutes("""
            PRESENT: Councillor Ann Hale and Ella Moss, Depute Chief Executive, Eastshire Council; Tom Hay, Group Commander, Westvale Fire and Rescue and Jo Bell, Chair, Northfield Communities Federation. ATTENDING: Kim Voss, Administrative Officer, Eastshire Council. APOLOGIES: Councillor Doug Reed and Raj Rao, Area Commander, Westvale Fire and Rescue. CHAIR: Councillor Ann Hale, Eastshire Council.
        """))
        assert present(g) == {"Ann Hale", "Ella Moss", "Tom Hay", "Jo Bell", "Kim Voss"}
        assert sent_apologies(g) == {"Doug Reed", "Raj Rao"}
        assert holds(g, "Ann Hale") == {"Chair"} and affiliated(g, "Ann Hale") == {"Eastshire Council"}
        assert affiliated(g, "Jo Bell") == {"Northfield Communities Federation"}
        assert affiliated(g, "Tom Hay") == affiliated(g, "Raj Rao") == {"Westvale Fire and Rescue"}


class TestTakingPart:
    def test_the_chair_acting_by_post_is_the_one_holding_it(self):
        g = extract_text(minutes("""
            1. Welcome

            The Vice-Chair welcomed all attendees to the meeting. The Chair of the Cluster was Tom Lake, current Chairman of NHS Eastfield.

            2. Chair's statement

            I would like to pay tribute to Ann Hale, my Vice-Chair, who has always been available.
        """))
        assert present(g) == {"Ann Hale"}
        assert holds(g, "Ann Hale") == {"Vice-Chair"}

    def test_an_interest_declared_by_its_kind_after_the_name(self):
        g = extract_text(minutes("""
            1. Declarations of personal interests, if any

            Councillor Ann Hale – Personal – being the wife of the Chief Constable. The Councillor stayed in the meeting.

            2. Minutes

            Councillor Tom Lake – Personal – had been named in the report, which was noted.
        """))
        assert present(g) == {"Ann Hale"}

    def test_a_letters_writer_with_a_post_set_off_is_no_speaker(self):
        g = extract_text(minutes("""
            1. Correspondence

            There was submitted a letter from Ann Hale, MSP, Cabinet Secretary for Finance to all attendees which set out key points. Tom Lake, Head of Community Safety reported on progress. Kim Voss, the Council's lead officer, said that the plan was on track.
        """))
        assert present(g) == {"Tom Lake", "Kim Voss"}


class TestApologiesLayouts:
    def test_the_above_apologies_are_the_rows_below_the_widest_gap(self):
        g = extract_text(textwrap.dedent("""\
            Eastfield Safeguarding Board

            Date:      28th October 2009

            Ann Rowe (Cafcass)                Tom Lake (Eastfield PCT)

            Kim Voss (Met Police)             Raj Patel (Eastfield Council)


            Lee Hart (CPS London –            Jo Bell (Eastfield Council)
            South)

            Ian Dale (London                  Sue Fox (Westfield)
            Probation)

            Points of discussion

              1.        Introductions and apologies

              1.1       The group noted the above apologies.
        """), head="")
        assert present(g) == {"Ann Rowe", "Tom Lake", "Kim Voss", "Raj Patel"}
        assert sent_apologies(g) == {"Lee Hart", "Jo Bell", "Ian Dale", "Sue Fox"}

    def test_apologies_from_those_listed_above_are_the_block_just_above(self):
        g = extract_text(textwrap.dedent("""\
            Youth Justice Management Board

            Friday 4th June 2010

            Ann Rowe                       Executive Director (Chair)
            Tom Lake                       Eastfield Youth Offending Service
            Kim Voss                       Metropolitan Police

            Raj Patel                      Victim Support
            Lee Hart                       Eastfield College

            1.    Apologies

                  Apologies received from those listed above.

            2.    Minutes

                  The minutes were agreed.
        """), head="")
        assert present(g) == {"Ann Rowe", "Tom Lake", "Kim Voss"}
        assert sent_apologies(g) == {"Raj Patel", "Lee Hart"}

    def test_inline_after_the_attendees_on_one_line(self):
        g = extract_text(minutes("""
            Attendees: Dave Hall (DH - Chair), Paula Bell (PB), Sue Baker (SB for Chris Ford) Apologies: - Helen Lane (HL), Janet Moss (JM), Ben Hartley, Action 1. Apologies for absence The above apologies were noted. 2. Minutes The minutes were agreed.
        """))
        assert {"Dave Hall", "Paula Bell", "Sue Baker"} <= present(g)
        assert {"Helen Lane", "Janet Moss", "Ben Hartley"} <= sent_apologies(g)

    def test_a_plural_title_with_initials_over_lines(self):
        g = extract_text(minutes("""
            Apologies for absence were received from:-

            Councillors J. Collier, G. Paul, T. Shaw, and;

            Joe Lane, Chief Executive Coast Housing (PSB Board Member).


            There were no declarations of interest.
        """))
        assert sent_apologies(g) == {"J. Collier", "G. Paul", "T. Shaw", "Joe Lane"}

    def test_the_following_apologies_were_reported_by_the_chair(self):
        g = extract_text(minutes("""
            The following apologies were reported to the meeting by the Chair

            Louise Barr, Chief Executive, Hospital Trust

            Mark Brand, CEO, Orthopaedic Hospital NHS Foundation Trust

                  The following substitutions were also notified:

                  Ben Hollis, substituted for Louise Barr.
        """))
        assert sent_apologies(g) >= {"Louise Barr", "Mark Brand"}
        subs = {(g.nodes[r.source].name, g.nodes[r.target].name) for r in g.rels_of(Rel.SUBSTITUTED_FOR)}
        assert ("Ben Hollis", "Louise Barr") in subs


    def test_two_absent_members_and_their_two_substitutes_in_order(self):
        g = extract_text(minutes("""
            1. Apologies

            Apologies were received from Tom Carr (DWP) and Ada Usher (Shire Police) who were substituted by Pat Hill and Chief Inspector Dan Lobb.
        """))
        found = {(s.name, a.name) for s, a in ((g.nodes[r.source], g.nodes[r.target])
                                                for r in g.rels_of(Rel.SUBSTITUTED_FOR))}
        assert found == {("Pat Hill", "Tom Carr"), ("Dan Lobb", "Ada Usher")}
        assert sent_apologies(g) == {"Tom Carr", "Ada Usher"}

    def test_a_substitute_with_a_body_set_off_after_the_name(self):
        g = extract_text(minutes("""
            1. Welcome

            Adam Bell, Shire Probation attended on behalf of Kay Hunt.
        """))
        found = {(g.nodes[r.source].name, g.nodes[r.target].name) for r in g.rels_of(Rel.SUBSTITUTED_FOR)}
        assert found == {("Adam Bell", "Kay Hunt")}


    def test_the_post_after_a_substitute_is_the_substitutes(self):
        g = extract_text(minutes("""
            Apologies were received from Lee Rich - Victim Support and Tara Dunn – Director of Public Health substituted by Luke Kemp, Head of Public Health.

            1. Welcome

            None.
        """))
        assert holds(g, "Luke Kemp") == {"Head of Public Health"}
        assert holds(g, "Tara Dunn") == {"Director of Public Health"}


class TestPresentersAndActions:
    def test_a_body_on_a_line_of_its_own_in_a_block_under_a_title_is_no_one(self):
        g = extract_text(textwrap.dedent("""\
            Health and Wellbeing Board
            16 Jan 2025

            1. Joint Strategy

            Fay Jewell
            Healthwatch Eastfield
            Present, as expected
            Sepia Holding
            Senior Partnership Officer
            Tia Ingram
            Eastfield Culture and Leisure Trust

            The Board noted the strategy.
        """), head="")
        found = names(nodes(g, Label.PERSON))
        assert {"Fay Jewell", "Sepia Holding"} <= found
        assert not {"Healthwatch Eastfield", "Eastfield Culture"} & found

    def test_a_presenter_introduced_by_a_phrase_before_the_name(self):
        g = extract_text(minutes("""
            2. Strategic Assessment

            Presentation delivered by Alice Brand, Intelligence Analyst.

            3. Terms of Reference

            The Chairman invited Alan Tolman, Cluster Board representative, to give an update.

            4. Breastfeeding

            Jaimee Wyatt, Public Health Registrar, on behalf of Sam Long, Public Health Specialist, presented the report.
        """))
        found = {n.name for it in nodes(g, Label.AGENDA_ITEM) for n in presenters(g, it)}
        assert found == {"Alice Brand", "Alan Tolman", "Jaimee Wyatt"}

    def test_a_bracketed_post_with_and_stays_whole(self):
        g = extract_text(minutes("""
            2. Strategy

            The report was presented by Helen Watts (Public Health Registrar, Eastfield City Council) and Dan Speed (Policy and Improvement Officer, Eastfield City Council).
        """))
        assert holds(g, "Dan Speed") == {"Policy and Improvement Officer"}
        assert affiliated(g, "Dan Speed") == {"Eastfield City Council"}

    def test_initials_alone_present_in_notes(self):
        g = extract_text(minutes("""
            3. Budget

            PD presented the budget papers, looking to overspend by £7,662.

            4. Court Plan

            BF gave presentation of the Court Action Plan. CSP presented its annual report.
        """))
        found = {n.name for it in nodes(g, Label.AGENDA_ITEM) for n in presenters(g, it)}
        assert found == {"PD", "BF"}
        assert "CSP" not in names(nodes(g, Label.PERSON))

    def test_people_who_introduce_themselves_attended_and_hold_the_post_they_give(self):
        g = extract_text(minutes("""
            1. Introductions

            PC Omar Fenn and Lucy Hart from the Transport Police introduced themselves to the Partnership as Crime Reduction Officers.
        """))
        assert {"Omar Fenn", "Lucy Hart"} <= present(g)
        assert "Crime Reduction Officer" in holds(g, "Omar Fenn") and holds(g, "Lucy Hart") == {"Crime Reduction Officer"}

    def test_introducing_oneself_is_not_presenting(self):
        g = extract_text(minutes("""
            1. Welcome

            The Chairman welcomed the Board and Dr Simon Hardy introduced himself as from the University.
        """))
        assert not {n.name for it in nodes(g, Label.AGENDA_ITEM) for n in presenters(g, it)}
        assert "Simon Hardy" in present(g)

    def test_present_at_the_meeting_and_fed_back_is_presenting(self):
        g = extract_text(minutes("""
            1. Police feedback

            Chief Inspector K. Lord was present at the meeting and fed back to the Committee on the queries raised.
        """))
        assert {n.name for it in nodes(g, Label.AGENDA_ITEM) for n in presenters(g, it)} == {"K. Lord"}

    def test_highlighting_the_following_is_presenting(self):
        g = extract_text(minutes("""
            1. Chair's update

            The Chair, Dana Moore-Turner, introduced herself and highlighted the following:

            - Ward panels would meet monthly.
        """))
        assert {n.name for it in nodes(g, Label.AGENDA_ITEM) for n in presenters(g, it)} == {"Dana Moore-Turner"}

    def test_a_name_a_pdf_wrapped_across_lines_and_thanks_for_a_presentation(self):
        g = extract_text(minutes("""
            1. Anti Social Behaviour

            The Board received an update from Mark
            Ashdown on behalf of the Community Safety Team on the following areas.
            RESOLVED: That the Board thanked Lena Ford for her detailed presentation.
        """))
        found = {n.name for it in nodes(g, Label.AGENDA_ITEM) for n in presenters(g, it)}
        assert found == {"Mark Ashdown", "Lena Ford"}

    def test_acting_at_the_meeting_is_attending(self):
        g = extract_text(minutes("""
            1. Appointment of Chairman

            Moved by Mrs Whitby and seconded by Councillor Marsh - That Councillor Sean Clay be elected Chairman.
        """))
        assert {"Whitby", "Marsh"} <= present(g)

    def test_an_action_is_the_commitment_not_its_paragraph(self):
        assert commitment("Inspector John Smith would look into this and report back to the next meeting.") \
            == "look into this and report back to the next meeting"
        g = extract_text(minutes("""
            2. Performance

            The Board discussed burglary figures in detail. Inspector John Smith would look into this and report back.
            ACTION: Inspector Smith
        """))
        assert [a.text for a in nodes(g, Label.ACTION)] == ["look into this and report back"]


    def test_a_bracketed_action_marker_closing_the_sentence(self):
        g = extract_text(minutes("""
            1. Communications

            It was noted that Peter Hale would check with Victim Support whether a nominee had been found. (Action)
            Ms Reid asked about payments; a written response would be sent. (Action: Eastfield Homes)
        """))
        found = {(a.text, tuple(sorted(n.name for n in targets(g, Rel.ASSIGNED_TO, a.id))))
                 for a in nodes(g, Label.ACTION)}
        assert ("check with Victim Support whether a nominee had been found", ("Peter Hale",)) in found
        assert any(owners == ("Eastfield Homes",) for _, owners in found)


class TestMeetingDates:
    @staticmethod
    def date_of(header: str) -> str | None:
        from loaders.dates import meeting_date

        return meeting_date(textwrap.dedent(header), "")[0]

    def test_the_meetings_own_date_after_a_title_or_a_label(self):
        assert self.date_of("Minutes Eastfield Children's Trust Board Notes of meeting on 22nd June 2007 Attendees:") \
            == "2007-06-22"
        assert self.date_of("AGENDA ITEM NO:4 MINUTES OF A MEETING OF THE SHIRE POLICE AND CRIME PANEL HELD ON "
                            "11TH DECEMBER 2013 AT 10.30 A.M.") == "2013-12-11"

    def test_another_meetings_minutes_or_a_rules_date_is_not_this_meetings(self):
        assert self.date_of("RESOLVED that the minutes of the meeting held on 28 October 2016 be approved.") is None
        assert self.date_of("Minutes Minutes of the Meeting held on 20th January 2021. Minutes: were agreed") is None
        assert self.date_of("To receive declarations under the Code of Conduct adopted from 1 September 2008.") is None

    def test_an_agenda_packs_minutes_are_those_its_capitalised_heading_dates(self):
        from loaders.dates import meeting_date

        body = ("Date: 29th November 2012\n\nA meeting of the Panel will be held at Shire House on Friday, 7th "
                "December 2012 at 9.30am.\n\nA G E N D A\n\n3. To receive the minutes of the meeting held on 12th "
                "October 2012.\n\nMINUTES OF THE MEETING HELD AT SHIRE HOUSE ON FRIDAY 12TH OCTOBER 2012 AT 9.30AM\n")
        assert meeting_date("", body)[0] == "2012-10-12"
        # An item's title about the last meeting's minutes is no heading of these minutes.
        assert meeting_date("", "Minutes of the meeting held on 29th March 2023 pdf icon PDF 184 KB\n")[0] is None

    def test_a_log_headed_with_a_meeting_held_since_the_previous_one(self):
        from loaders.dates import meeting_date

        body = ("The minutes of the meeting held on 12 March 2019 were agreed.\n\n"
                "Actions Log of the meeting held on 18 June 2019\n\nDate of Meeting\n18.06.2019\n")
        assert meeting_date("", body)[0] == "2019-06-18"
        # Only a heading after an earlier meeting's minutes: a sentence or an older meeting is not this meeting.
        assert meeting_date("", body.replace("12 March 2019", "1 July 2019"))[0] is None
        assert meeting_date("", "The minutes of the meeting held on 12 March 2019 were agreed. The report to the "
                                "meeting held on 18 June 2019 was noted.")[0] is None


class TestWhatIsNotMinutes:
    def test_a_readme_is_warned_about(self):
        g = extract_text("# Shopping\n\nBuy milk and eggs.\n\nCall the plumber about the sink.\n", name="notes.txt")
        assert any("does not read as minutes" in w.message for w in g.warnings)


class TestFactsFitTheModel:
    def test_a_fact_joining_the_wrong_kinds_of_node_is_warned_about_and_left_out(self):
        from graph.model import Meeting, Person, PartnershipGraph

        g = PartnershipGraph()
        g.add(Person(id="person:a", name="A", documents=["t.txt"]))
        g.add(Meeting(id="meeting:t", name="M", document="t.txt", documents=["t.txt"]))
        g.relate(Rel.ATTENDED, "person:a", "meeting:t", "t.txt", "A attended")
        g.relate(Rel.HOLDS, "person:a", "meeting:t", "t.txt", "a slip: a meeting is no post")
        from loaders.extract import _check_endpoints
        _check_endpoints(g, "t.txt")
        assert [r.type for r in g.relationships.values()] == [Rel.ATTENDED]
        assert any("HOLDS" in w.message and "left out" in w.message for w in g.warnings)

    def test_the_reader_records_no_fact_that_does_not_fit(self):
        for text in (minutes("Present: Jane Doe (Chair), Karen Webb (London Borough of Barnet)\n\n1. Welcome\n\nHi."),):
            g = extract_text(text)
            assert not g.misfits()
            assert not any("does not join" in w.message for w in g.warnings)


class TestItemLayouts:
    @staticmethod
    def titles(text: str) -> list[str]:
        from loaders.structure import parse_layout

        return [item.title for item in parse_layout(text).items]

    def test_pdf_headings_on_short_lines_between_paragraphs(self):
        text = textwrap.dedent("""\
            Partnership Minutes June 2014
            Wednesday 4th June 2014
            Minutes of the last meeting
            The minutes from the 7th May 2014 meeting were accepted as an accurate record.
            Safeguarding in Schools
            The Chair will meet with the designated leads to take forward the actions and these will be
            addressed at future meetings of the designated leads group.
            Family Front Door
            The concerns raised were discussed and a resolution was established.
        """)
        assert self.titles(text) == ["Minutes of the last meeting", "Safeguarding in Schools", "Family Front Door"]

    def test_a_standard_items_title_mostly_in_lower_case(self):
        text = textwrap.dedent("""\
            Police and Crime Panel




            Declarations of Interest

            None were declared.




            Minutes of the meeting held on 29th March 2023 pdf icon PDF 184 KB

            To confirm as a correct record.


            The minutes of the meeting held on 29th March 2023 were approved.




            Questions from members of the public and the press

            There were no questions.
        """)
        assert self.titles(text)[-3:] == ["Declarations of Interest", "Minutes of the meeting held on 29th March 2023",
                                          "Questions from members of the public and the press"]

    def test_headings_in_capitals_alone_or_run_into_the_minutes(self):
        text = textwrap.dedent("""\
            Agenda Item 2

            EASTSHIRE COMMUNITY PLANNING BOARD

            MINUTES OF MEETING HELD ON THURSDAY 6 MARCH 2008 AT 1400 HOURS

            PRESENT: Councillor Ian Lott (Chair); Ann Rowe, Director, Eastshire Council.

            WELCOME AND INTRODUCTIONS 1. The Chair welcomed everyone to the meeting.

            CORRESPONDENCE: PLANNING CONFERENCE – NOVEMBER 2007 – FOLLOW UP

            2.1 There was submitted and noted a letter about the conference.

            WELCOME AND APOLOGIE S 3. None were received.
        """)
        assert self.titles(text) == ["Welcome and Introductions",
                                     "Correspondence: Planning Conference – November 2007 – Follow up",
                                     "Welcome and Apologies"]

    def test_cmis_number_and_title_then_the_number_alone(self):
        text = textwrap.dedent("""\
            Public Items
            1 Sederunt
            2 Declaration of Group Decisions and Members Interests *
            2

            There were no declarations of interest in respect of any item on the agenda.

            3 Written Questions **
            3

            The Committee noted that no written questions had been submitted.
        """)
        assert self.titles(text)[-2:] == ["Declaration of Group Decisions and Members Interests", "Written Questions"]

    def test_rows_that_open_with_minutes_take_the_title_above(self):
        text = textwrap.dedent("""\
            Simultaneous Translation You are welcome to use Welsh at the meeting.
            Minutes: It was noted that no requests had been received.
            Apologies To receive. Minutes: The following apologies for absence were reported:
            Declarations of Interest To receive any declarations. Minutes: None were reported.
        """)
        assert self.titles(text) == ["Simultaneous Translation", "Apologies", "Declarations of Interest"]

    def test_a_rows_title_above_its_description_or_repeated_by_it(self):
        text = textwrap.dedent("""\
            Minutes Minutes of the Meeting held on 20th January 2021. Minutes: The Minutes were agreed.
            Partnership Review
            The Committee will be acting in its capacity as the Council's designated crime and disorder committee.
            Representatives of the Police have been invited to the meeting to answer questions. Minutes: The Chair welcomed them.
        """)
        assert self.titles(text) == ["Minutes", "Partnership Review"]

    def test_a_page_printed_as_rows_ended_by_bars(self):
        text = textwrap.dedent("""\
            Chairman's notices Minutes: The Chairman drew attention to the notices.
            The Chairman welcomed Ann Rowe to the meeting. |
            Apologies for Absence Minutes: There were none. |
            Minutes of the last meeting To confirm the Minutes of the meeting held on 18 November 2015.
            (i) that the Minutes be confirmed. |
            Disclosure of Interest To disclose the existence of any interests.
            Minutes: Councillor Bob Savage declared a non-pecuniary interest. |
        """)
        assert self.titles(text) == ["Chairman's notices", "Apologies for Absence", "Minutes of the last meeting",
                                     "Disclosure of Interest"]

    def test_rows_whose_minutes_start_on_the_next_line_and_a_verbal_report(self):
        text = textwrap.dedent("""\
            Matters Arising Minutes: There were none.
            |
            Chair's Update Verbal update of the Chair. Minutes:
            The Chair updated the Board on the following matters.
            |
            Director of Public Health Update Verbal report of the Director of Public Health Minutes: Noted.
        """)
        assert self.titles(text) == ["Matters Arising", "Chair's Update", "Director of Public Health Update"]


    def test_sub_items_numbered_with_a_letter(self):
        text = textwrap.dedent("""\
            Items
            1.

            Apologies

            Minutes:

            None.

            2.

            Reviewing the Year

            4a

            Crime in the District

            Minutes:

            The report was noted.

            4(b)

            Youth Justice Update

            Minutes:

            Noted.
        """).replace("4a", "2a").replace("4(b)", "2(b)")
        from loaders.structure import parse_layout

        items = parse_layout(text).items
        assert [(i.number, i.title) for i in items] == [("1", "Apologies"), ("2", "Reviewing the Year"),
                                                         ("2a", "Crime in the District"),
                                                         ("2b", "Youth Justice Update")]


class TestOrganisationsAndPosts:
    def test_a_national_partnership_named_alone_is_this_places(self):
        g = extract_text(minutes("""
            Health and Wellbeing Board - Tuesday, 4 June 2024

            1. Strategy

            Ann Rowe (Director of Public Health, Eastfield City Council) presented the report. The Safeguarding Adults Board would be consulted.
        """, head=""))
        orgs = names(nodes(g, Label.ORGANISATION))
        assert {"Eastfield Health and Wellbeing Board", "Eastfield Safeguarding Adults Board",
                "Eastfield City Council"} <= orgs
        assert "Health and Wellbeing Board" not in orgs

    def test_a_team_before_the_council_is_no_part_of_its_place(self):
        g = extract_text(minutes("""
            Present: Ann Rowe (Director of Public Health Eastfield City Council), Tom Lake (Stockton-on-Tees Borough Council)
        """))
        assert affiliated(g, "Ann Rowe") == {"Eastfield City Council"}
        assert affiliated(g, "Tom Lake") == {"Stockton-on-Tees Borough Council"}

    def test_posts_given_in_prose(self):
        g = extract_text(minutes("""
            1. Appointment of Chairman

            RESOLVED – that Brad Wells is elected Chairman of the Eastfield Police and Crime Panel for the ensuing year.

            2. Appointment of Vice-Chairman

            The Panel agreed the appointment of Councillor Dave Reed as Vice-Chairman for the Council year 2020/2021.
            Ann Rowe, in her new role as Provost, welcomed members.
        """))
        assert holds(g, "Brad Wells") == {"Chairman"}
        assert affiliated(g, "Brad Wells") == {"Eastfield Police and Crime Panel"}
        assert holds(g, "Dave Reed") == {"Vice-Chairman"}
        assert holds(g, "Ann Rowe") == {"Provost"}

    def test_a_post_and_its_body_run_together(self):
        g = extract_text(minutes("""
            Present: Dora Agu - Co-chair Inclusion and Fairness Forum; Rick Parr, Chief Executive of Eastfield and Westfield Teaching Hospitals NHS Foundation Trust; Cllr John Syme (Chairman), Mid and Upper Dale
        """))
        assert holds(g, "Dora Agu") == {"Co-chair"} and affiliated(g, "Dora Agu") == {"Inclusion and Fairness Forum"}
        assert holds(g, "Rick Parr") == {"Chief Executive"}
        assert affiliated(g, "Rick Parr") == {"Eastfield and Westfield Teaching Hospitals NHS Foundation Trust"}
        assert holds(g, "John Syme") == {"Chairman"}

    def test_a_department_after_of_stays_in_the_post(self):
        # A unit known only by its shape (a Service, Team or Unit) is part of the post as printed; a known body
        # after "Head of Service for" is the post's body, and the post keeps "of Service".
        g = extract_text(minutes("""
            Present: Ann Rowe, Assistant Director of Housing and Regulatory Services; Tom Lake, Strategic Manager for the Youth Justice Service; Kim Voss, Interim Head of Service for Kent County Council
        """))
        assert holds(g, "Ann Rowe") == {"Assistant Director of Housing and Regulatory Services"}
        assert holds(g, "Tom Lake") == {"Strategic Manager for the Youth Justice Service"}
        assert holds(g, "Kim Voss") == {"Interim Head of Service"}
        assert affiliated(g, "Kim Voss") == {"Kent County Council"}

    def test_a_post_run_on_after_a_name_with_its_body_in_brackets(self):
        g = extract_text(minutes("""
            1. Strategic Assessment

            Tom Lake Performance Analyst (Eastfield City Council) presented the update.
        """))
        assert holds(g, "Tom Lake") == {"Performance Analyst"}
        assert affiliated(g, "Tom Lake") == {"Eastfield City Council"}

    def test_two_people_before_one_body_are_both_of_it(self):
        g = extract_text(minutes("""
            Present: Sue Dent and Kay Boyle, Victim Support; Tom Lake and Ann Rowe (Eastfield Homes); Kim Voss, Chair and Raj Patel, Eastfield Council

            1. Victim Support Annual Report

                Lee Hart and Jo Bell, Eastfield Mind

            The Board noted the report.
        """))
        assert affiliated(g, "Sue Dent") == affiliated(g, "Kay Boyle") == {"Victim Support"}
        assert affiliated(g, "Tom Lake") == affiliated(g, "Ann Rowe") == {"Eastfield Homes"}
        assert affiliated(g, "Lee Hart") == affiliated(g, "Jo Bell") == {"Eastfield Mind"}
        assert "Eastfield Council" not in affiliated(g, "Kim Voss")       # her own post stated: the body is Raj Patel's

    def test_bodies_named_as_councils_together_or_a_places_public_health(self):
        g = extract_text(minutes("""
            Attendees Ann Rowe Eastfield and Westfield Councils Tom Lake Public Health Dorset Kim Voss Shire Association of Parish and Town Councils
        """))
        assert affiliated(g, "Ann Rowe") == {"Eastfield and Westfield Councils"}
        assert affiliated(g, "Tom Lake") == {"Public Health Dorset"}
        assert affiliated(g, "Kim Voss") == {"Shire Association of Parish and Town Councils"}

    def test_a_saints_name_in_a_body(self):
        g = extract_text(minutes("""
            Present: Cllr A. Rowe (St. Ewen Community Council), Cllr T. Lake (Low St. Mary and Westbrook Town Council)
        """))
        assert affiliated(g, "A. Rowe") == {"St. Ewen Community Council"}
        assert affiliated(g, "T. Lake") == {"Low St. Mary and Westbrook Town Council"}

    def test_the_chair_named_with_no_body_chairs_the_body_that_met(self):
        g = extract_text(minutes("""
            1. Welcome

            The Chairman, Councillor Ann Hale, welcomed all attendees. Tom Lake, Chair, Eastfield Residents Federation, gave apologies for lateness.
        """, head="Eastfield Health and Wellbeing Board\n\nMinutes of a meeting held on 15 March 2019\n\n"))
        assert holds(g, "Ann Hale") == {"Chairman"}
        assert affiliated(g, "Ann Hale") == {"Eastfield Health and Wellbeing Board"}
        assert affiliated(g, "Tom Lake") == {"Eastfield Residents Federation"}

    def test_a_post_named_in_thanks_for_work_done_in_it(self):
        g = extract_text(minutes("""
            1. Welcome

            The Chair thanked Dr Ann Hale for all her sterling work as Director of Public Health for Eastfield City Council and the Eastfield Homes Trust, and wished her well.
        """, head="Eastfield Health and Wellbeing Board\n\nMinutes of a meeting held on 15 March 2019\n\n"
                  ))
        assert holds(g, "Ann Hale") == {"Director of Public Health"}
        assert affiliated(g, "Ann Hale") == {"Eastfield City Council", "Eastfield Homes Trust"}

    def test_posts_in_a_list_of_introductions_parted_by_semicolons(self):
        g = extract_text(minutes("""
            1. Community Safety

            Members were introduced to Sian Moss, Business Protection Manager; Rick Powe, Community Safety Team Leader; and Mike Whyte, Partnership Manager.
        """))
        assert holds(g, "Sian Moss") == {"Business Protection Manager"}
        assert holds(g, "Rick Powe") == {"Community Safety Team Leader"}
        assert {"Sian Moss", "Rick Powe", "Mike Whyte"} <= present(g)

    def test_a_post_joined_by_and_after_a_name(self):
        g = extract_text(minutes("""
            1. Crime update

            Omar Fenn, Health and Environmental Services Director at Eastfield District Council, presented an update.
        """))
        assert names(presenters(g, next(g.of_label(Label.AGENDA_ITEM)))) == {"Omar Fenn"}
        assert holds(g, "Omar Fenn") == {"Health and Environmental Services Director"}
        assert affiliated(g, "Omar Fenn") == {"Eastfield District Council"}

    def test_a_bodys_possessive_post(self):
        g = extract_text(minutes("""
            1. Welcome

            The Chair welcomed Mr Ivan Petch, Westfield Homes’ representative, to his first meeting.
        """))
        assert affiliated(g, "Ivan Petch") == {"Westfield Homes"}
        assert holds(g, "Ivan Petch") == {"Westfield Homes’ representative"}

    def test_acting_ranks_and_a_post_typed_after_an_appointed_name(self):
        g = extract_text(minutes("""
            1. Election of Vice Chair

            Members of the group appointed A/Supt. Rob Tally vice chair for the current year.
        """))
        assert {p.casefold() for p in holds(g, "Rob Tally")} == {"superintendent", "vice chair"}


    def test_a_post_held_for_the_meeting_and_another_bodys_post(self):
        g = extract_text(minutes("""
            1. Welcome

            Jan Marsh, as Chair in the absence of Tom Fell, welcomed everyone. The Chair of Eastfield Homes was Dr. Ade Toth, who would lead the work.
        """))
        assert holds(g, "Jan Marsh") == {"Chair"}
        assert affiliated(g, "Jan Marsh") == {"Example Community Safety Partnership"}     # the body that met
        assert holds(g, "Ade Toth") == {"Chair"} and affiliated(g, "Ade Toth") == {"Eastfield Homes"}


    def test_a_post_run_into_a_councils_name_and_a_bracket_left_open(self):
        place = "Sheffield"     # any council's area from loaders/data/uk_places.yaml
        g = extract_text(minutes(f"""
            1. Strategy

            The strategy was presented by Ann Fell (Director of Public Health {place} City Council, Tom Watt (Registrar, {place} City Council) and Jo Spicer.
        """))
        assert holds(g, "Ann Fell") == {"Director of Public Health"}
        assert affiliated(g, "Ann Fell") == {f"{place} City Council"}

    def test_a_titled_surname_that_is_also_a_word(self):
        g = extract_text(minutes("""
            1. Declarations of interest

            Councillor Peter Old declared a non-pecuniary interest by virtue of being a Trustee of the Eastfield Youth Trust.
        """))
        assert affiliated(g, "Peter Old") == {"Eastfield Youth Trust"}


    def test_a_post_without_its_year_its_partner_or_an_attendance_code(self):
        g = extract_text(minutes("""
            Council Chamber, Civic Office, Eastfield
            Dr Ann Rowe
            GP and Medical Director, NHS Eastfield ICB
            Present, as expected
            Dan Swift
            Executive Director of Place
            Present, as expected
            Lucy Roberts
            Health and Social Care Forum
            Apologies

            1. Election of Chairman

            That Councillor Ben Gates be elected Chairman of the Eastfield Police and Crime Panel for the Municipal Year 2021-22.
            The Panel appointed Rick Young as Chair and Mr Mel Jehu as Vice Chair.
        """))
        assert holds(g, "Dan Swift") == {"Executive Director of Place"}
        assert holds(g, "Ben Gates") == {"Chairman"}
        assert affiliated(g, "Ben Gates") == {"Eastfield Police and Crime Panel"}
        assert holds(g, "Rick Young") == {"Chair"}


    def test_an_undefined_acronym_is_the_body_named_in_full_with_those_initials(self):
        g = extract_text(minutes("""
            Present: Ann Munro, Eastshire Council (Chair), Ed Garth, ESVA, Keith Arden, ESVA

            1. Partners

            Eastshire Safer Voluntary Action would lead the Violence Against Women and Girls work (VAWG).
        """))
        assert affiliated(g, "Ed Garth") == affiliated(g, "Keith Arden") == {"Eastshire Safer Voluntary Action"}
        assert "Violence Against Women and Girls" not in names(nodes(g, Label.ORGANISATION))


    def test_bodies_named_head_first_or_with_a_two_word_field(self):
        from loaders.organisations import find_org_phrases

        found = [p for p, _, _ in find_org_phrases("Ben Cole, University of North Shire, and Ann Lee, Eastshire "
                                                   "Association of Voluntary Organisations, attended.")]
        assert found == ["University of North Shire", "Eastshire Association of Voluntary Organisations"]


    def test_a_federation_named_alone_is_the_local_body_of_this_place_or_force(self):
        g = extract_text(minutes("""
            Present: Ann Rowe, Healthwatch; Tom Lake, Eastfield City Council; Jo Bell, OPCC

            1. Policing

            Cumbria Constabulary reported that burglary had fallen; Cumbria Constabulary would report again.
        """, head="Eastfield Health and Wellbeing Board\n\nMinutes of a meeting held on 15 March 2019\n\n"))
        assert affiliated(g, "Ann Rowe") == {"Healthwatch Eastfield"}
        assert affiliated(g, "Jo Bell") == {"Office of the Police and Crime Commissioner for Cumbria"}

    def test_a_councils_own_service_after_its_initials_is_the_council(self):
        g = extract_text(minutes("""
            Present:
            Ann Rowe                       LBH Crime Reduction Service
            Tom Lake                       LBH YOS
            Kim Voss                       LBH Hackney Homes
        """, head="Youth Offending Board\n\nMinutes of a meeting held on 15 March 2019\n\nContact: jo.bell@hackney.gov.uk\n\n"))
        assert affiliated(g, "Ann Rowe") == affiliated(g, "Tom Lake") == {"London Borough of Hackney"}
        assert affiliated(g, "Kim Voss") != {"London Borough of Hackney"}

    def test_the_police_named_alone_is_the_force_the_minutes_name(self):
        g = extract_text(minutes("""
            Present: Ann Rowe, Eastfield Council; Sheila Dent, Police; Tom Lake, Police and Crime Panel Chairman

            1. Policing

            Thames Valley Police reported that burglary had fallen.
        """))
        assert affiliated(g, "Sheila Dent") == {"Thames Valley Police"}
        assert "Thames Valley Police" not in affiliated(g, "Tom Lake")

    def test_a_partnership_by_its_acronym_is_this_places(self):
        g = extract_text(minutes("""
            1. Performance

            The report set out performance against the Community Safety Partnership (CSP) Delivery Plan. The Chair welcomed Lee Hale (in his capacity as Chair of CSP).
        """, head="Scrutiny Committee\n\nMinutes of a meeting held on 15 March 2019\n\nContact: jo.bell@wrexham.gov.uk\n\n"))
        assert affiliated(g, "Lee Hale") == {"Wrexham Community Safety Partnership"}
        assert "Community Safety Partnership" not in names(nodes(g, Label.ORGANISATION))

    def test_the_commissioner_of_the_force_a_capitalised_heading_names(self):
        # The commissioner (a corporation sole) is not the commissioner's office; the force is named only in a
        # capitalised heading; an acronym the text defines is the same local body.
        g = extract_text(minutes("""
            Present: Sue Mount - Police and Crime Commissioner; Ian Page - Chief Finance Officer, PCC

            1. Precept

            The Panel and the Police and Crime Commissioner (PCC) discussed the precept.
        """, head="MINUTES OF A MEETING OF THE CUMBRIA POLICE AND CRIME PANEL HELD ON 3 FEBRUARY 2020\n\n"))
        assert affiliated(g, "Sue Mount") == {"Cumbria Police and Crime Commissioner"}
        assert affiliated(g, "Ian Page") == {"Cumbria Police and Crime Commissioner"}
        assert "Police and Crime Commissioner" not in names(nodes(g, Label.ORGANISATION))

    def test_a_federation_named_alone_where_the_place_is_unknown_is_no_body(self):
        g = extract_text(minutes("""
            1. Partners

            The Board heard from Healthwatch about its survey.
        """, head="Health and Wellbeing Board\n\n"))
        assert "Healthwatch" not in names(nodes(g, Label.ORGANISATION))


    def test_a_service_or_a_seat_in_an_entrys_body_slot_is_no_body(self):
        g = extract_text(minutes("""
            Present: Ann Rowe, Local Government; Tom Lake, Independent; Jo Bell, Inclusion Eastfield Barnet
        """))
        assert affiliated(g, "Ann Rowe") == affiliated(g, "Tom Lake") == set()
        assert affiliated(g, "Jo Bell") == {"Inclusion Eastfield Barnet"}


    def test_the_council_alone_is_the_council_of_a_known_area_the_minutes_name_most(self):
        area = "East Ayrshire"      # any council's area from loaders/data/uk_places.yaml
        g = extract_text(minutes(f"""
            Present: Ann Mort, Executive Director of Corporate Support, Council; Rob Bean, Officer, {area} Council;
            Ian Lott, {area} Council

            1. Welcome

            None.
        """))
        assert affiliated(g, "Ann Mort") == {f"{area} Council"}


    def test_words_before_a_rank_make_it_a_post_of_its_own(self):
        g = extract_text(minutes("""
            In attendance:
            Alan Fair - Local Services Officer, Fire and Rescue Service
            Divisional Commander Gary Rich - Police Scotland

            1. Chairman

            Borough Police Commander Chris Haff was confirmed as the Chairman of the Strategic Group.
        """))
        assert holds(g, "Gary Rich") == {"Divisional Commander"} and affiliated(g, "Gary Rich") == {"Police Scotland"}
        assert "Borough Police Commander" in holds(g, "Chris Haff")


class TestActionLogs:
    def owners(self, g) -> set[tuple[str, str]]:
        return {(g.nodes[r.source].text, g.nodes[r.target].name) for r in g.rels_of(Rel.ASSIGNED_TO)}

    def test_a_log_before_the_first_item_with_initials_for_owners(self):
        g = extract_text(minutes("""
            Action Log
            Action by / Action / Deadline
            JR / Update on Resettlement. / 28.6.12
            CS & JR / Pull together a good news story. / 28.6.12

            1. Minutes of the previous meeting

            Accepted as correct.
        """))
        assert self.owners(g) == {("Update on Resettlement", "JR"), ("Pull together a good news story", "CS"),
                                  ("Pull together a good news story", "JR")}

    def test_initials_of_someone_named_in_full_own_an_action(self):
        g = extract_text(minutes("""
            Present: Tara Ennis (Chair), Gil Watts

            1. Research

            Action: TE to arrange for the papers to be presented          TE
        """))
        assert self.owners(g) == {("arrange for the papers to be presented", "Tara Ennis")}

    def test_initials_undertaking_a_task_after_and(self):
        g = extract_text(minutes("""
            Present: Lena Ross (LR), Gil Watts (GW)

            1. Vacancies

            A vacancy still exists for Ward 18 and LR will follow this up.
        """))
        assert self.owners(g) == {("follow this up", "Lena Ross")}


class TestFlattenedPages:
    """A PDF turned to text with every paragraph run into one line: items are found again by their numbers."""

    def test_numbered_items_in_one_long_line(self):
        attendees = ", ".join(f"{first} {last} ({first[0]}{last[0]})" for first, last in
                              [("Dave", "Hill"), ("Paula", "Bell"), ("Susan", "Bacon"), ("Grace", "Tomlin"),
                               ("Andy", "Redd"), ("Ray", "Hart"), ("Chris", "Parr"), ("Ian", "Newby")])
        text = (f"Minutes Children's Trust Board Notes of meeting on 22nd June 2007 Attendees: {attendees} "
                "1. Apologies for absence The above apologies were noted. 2. Minutes / matters arising from previous "
                "meeting The minutes were agreed 3. Learning from the Joint Area Review The report is expected by 3 "
                "July and will then be public. 4. Children's Fund Progress Report SB gave a presentation on the fund.")
        g = extract_text(text, head="")
        titles = [n.title for n in nodes(g, Label.AGENDA_ITEM)]
        assert titles == ["Apologies for absence", "Minutes / matters arising from previous meeting",
                          "Learning from the Joint Area Review", "Children's Fund Progress Report"]
        assert present(g) >= {"Dave Hill", "Ian Newby"}

    def test_items_numbered_through_the_municipal_year(self):
        text = ("MINUTES OF A MEETING OF THE EASTFIELD POLICE AND CRIME PANEL HELD ON 11TH DECEMBER 2013 "
                + "Eastfield Council P. Councillor Lisa Bright P. Councillor Gary Hope P. Councillor Roz Wills " * 4
                + "PCP 34.12/13 MEMBERSHIP OF THE PANEL The Chairman referred to the recommendation of the Panel. "
                "35.12/13 APOLOGIES FOR ABSENCE Apologies were received from Councillor John Parr.")
        g = extract_text(text, head="")
        titles = [n.title for n in nodes(g, Label.AGENDA_ITEM)]
        assert [t.upper() for t in titles] == ["MEMBERSHIP OF THE PANEL", "APOLOGIES FOR ABSENCE"]

    def test_a_table_printed_a_cell_a_line_with_cells_wrapped(self):
        text = textwrap.dedent("""\
            Eastfield Public Services Board
            3rd Business Meeting – 13:30pm Thursday 10th March 2022
            Notes of Meeting
            Present:
            Name |
            Organisation represented |
            Cllr Ann Rowe (Cllr AR) |
            Eastfield County Borough Council (Chair) |
            Kim Voss (KV) |
            Northtown Community Housing
            Ltd |
            Raj Patel (RP) |
            Eastfield Association of
            Voluntary Organisations (EAVO) |
            Lee Hart (LH) |
            Southvale University
            Health Board |
            In Attendance:
            Jo Bell (JB) |
            Eastfield CBC |
        """)
        g = extract_text(text + "\n1. Welcome\n\nThe Chair welcomed everyone.\n", head="")
        assert names(nodes(g, Label.PERSON)) == {"Ann Rowe", "Kim Voss", "Raj Patel", "Lee Hart", "Jo Bell"}
        assert affiliated(g, "Kim Voss") == {"Northtown Community Housing Ltd"}
        assert affiliated(g, "Raj Patel") == {"Eastfield Association of Voluntary Organisations"}
        assert affiliated(g, "Lee Hart") == {"Southvale University Health Board"}
        assert not {"Eastfield Association", "Northtown Community Housing"} & names(nodes(g, Label.ORGANISATION))

class TestSentences:
    def test_a_title_or_initial_with_a_full_stop_ends_no_sentence(self):
        g = extract_text("Agenda item\n\n\n    (Ms. S. Toland, Head of Environmental Health, attended in connection "
                         "with this item.)\n\n\n    The Committee was advised that the Council would act.\n", head="")
        assert present(g) == {"S. Toland"}

    def test_a_sentence_a_pdf_wrapped_over_two_lines(self):
        g = extract_text(minutes("""
            1. Welcome

            All apologies are noted on page 2 of these minutes. Gail Toller, Sam Denham and Eleri
            Butt were welcomed as new Board members.
        """))
        assert present(g) == {"Gail Toller", "Sam Denham", "Eleri Butt"}
