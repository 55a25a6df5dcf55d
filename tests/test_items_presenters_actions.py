"""Presenters, actions and their owners, agenda items and substitutions, each as a short snippet in the
general form minutes use (names and bodies invented; no council's own line)."""
from __future__ import annotations

import textwrap

from graph.model import Label, Rel
from helpers import attendees, extract_text, names, nodes, presenters, targets

HEAD = "Example Community Safety Partnership\n\nMinutes of a meeting held on 15 March 2019\n\n"


def minutes(body: str, head: str = HEAD) -> str:
    return head + textwrap.dedent(body).strip() + "\n"


def all_presenters(g) -> set[str]:
    return {n.name for it in nodes(g, Label.AGENDA_ITEM) for n in presenters(g, it)}


def presenters_of(g, title_start: str) -> set[str]:
    item = next(it for it in nodes(g, Label.AGENDA_ITEM) if it.title.startswith(title_start))
    return names(presenters(g, item))


def the_meeting(g):
    return next(g.of_label(Label.MEETING))


def actions(g) -> list[tuple[str, tuple[str, ...]]]:
    return [(a.text, tuple(sorted(n.name for n in targets(g, Rel.ASSIGNED_TO, a.id)))) for a in nodes(g, Label.ACTION)]


def substitutions(g) -> set[tuple[str, str]]:
    return {(g.nodes[r.source].name, g.nodes[r.target].name) for r in g.rels_of(Rel.SUBSTITUTED_FOR)}


class TestPresenters:
    def test_someone_who_sent_apologies_did_not_present_the_report_they_wrote(self):
        g = extract_text(minutes("""
            Present: Cllr Ann Lowe (Chair), Tom Reddy

            Apologies: Mary Quill, Head of Democratic Services

            1. Terms of Reference

            Consideration was given to the report of Mary Quill, Head of Democratic Services.

            2. Budget

            Tom Reddy presented the report.
        """))
        assert all_presenters(g) == {"Tom Reddy"}

    def test_a_firm_named_after_a_presenters_post_is_no_second_presenter(self):
        g = extract_text(minutes("""
            1. Rules of Procedure

            Nora Pell, Partner, Howard Lyle (Independent Legal Adviser) presented the report.

            2. Budget

            Ann Lowe, Finance Manager, and Tom Reddy presented the figures.
        """))
        assert presenters_of(g, "Rules") == {"Nora Pell"}
        assert presenters_of(g, "Budget") == {"Ann Lowe", "Tom Reddy"}

    def test_a_title_naming_the_reporting_post_gives_its_holder(self):
        g = extract_text(minutes("""
            Present:
            Derek Marr - Director Communities
            Gail Hewitt - Chief Executive
            Cllr Rosa Finch - Chair
            Cllr Ian Todd - Vice Chair

            3 LOCAL CONSULTATION - REPORT BY DIRECTOR COMMUNITIES

            The consultation was discussed at length and the figures were noted.

            4 REFORM UPDATE - REPORT BY CHIEF EXECUTIVE AND CLERK TO THE AUTHORITY

            Members noted the progress made.

            5 Chair's Announcements.

            The Chair announced the dates of the next meetings.

            6 Performance

            Members noted the report.
        """))
        assert presenters_of(g, "Local Consultation") == {"Derek Marr"}
        assert presenters_of(g, "Reform Update") == {"Gail Hewitt"}
        assert presenters_of(g, "Chair's") == {"Rosa Finch"}       # the Chair, not the Vice Chair
        assert presenters_of(g, "Performance") == set()

    def test_a_post_two_people_could_hold_names_nobody(self):
        g = extract_text(minutes("""
            Present:
            Derek Marr - Service Director
            Gail Hewitt - Service Director

            3 Housing - Report by Service Director

            The report was noted.
        """))
        assert all_presenters(g) == set()

    def test_opening_the_item_by_informing_the_board_of_something_is_presenting(self):
        g = extract_text(minutes("""
            4. Project Update (Verbal update)

            Chief Superintendent Alan Voss (Shire Police) informed of the initiatives to raise crime awareness.
            The Board noted the importance of the campaign. Ms Dee Hart informed members of the new dates.
        """))
        assert all_presenters(g) == {"Alan Voss"}

    def test_he_or_she_presenting_after_a_sentence_a_person_opened(self):
        g = extract_text(minutes("""
            5. Introductions

            Members were introduced to Rhys Powell, Community Safety Team Leader; and Ann Gee, Analyst.

            6. Community Safety Partnership Annual Report

            The Community Safety Team Leader reported a reduction in crime over the past year. He gave an overview of the work of the partnership.

            7. Budget

            The budget was discussed with Ann Gee. She gave an overview of the savings.
        """))
        assert presenters_of(g, "Community Safety") == {"Rhys Powell"}
        assert presenters_of(g, "Budget") == set()        # 'She' follows a sentence no person opened

    def test_initials_after_a_paragraph_number_reporting_progress(self):
        g = extract_text(minutes("""
            Present: Ceri Ellis (Regional Board), Ivan Dale (Regional Board)

            2. Notes of the last meeting on 29 July 2009

            2.1 ID reported progress on the following actions from July:
        """))
        assert all_presenters(g) == {"Ivan Dale"}

    def test_a_post_then_the_name_in_brackets_and_verbs_taking_members_along(self):
        g = extract_text(minutes("""
            1. Housing Plan

            The Head of Community Safety (Jo Bell) introduced the item.

            2. Budget

            Tom Reed talked members through the report.

            3. Policing Plan

            Inspector Carl Finch provided members with an update on the plan.
        """))
        assert presenters_of(g, "Housing") == {"Jo Bell"}
        assert presenters_of(g, "Budget") == {"Tom Reed"}
        assert presenters_of(g, "Policing") == {"Carl Finch"}

    def test_another_bodys_post_named_like_the_titles_is_not_its_holder(self):
        g = extract_text(minutes("""
            1. Welcome

            The Chair of the Cluster was Tom Lake, current Chairman of NHS Eastfield.

            2. Chair's statement

            The statement was noted.
        """))
        assert all_presenters(g) == set()


class TestActions:
    def test_the_word_action_heading_a_table_column_is_no_action(self):
        g = extract_text(minutes("""
            1. Minutes and Actions of Previous Meeting

            The minutes were agreed.

            Date of Meeting

            Action

            Officer/Member

            2. Budget

            Agenda Item /

            Action

            Ms Dale would circulate the budget papers to partners.

            Action
        """))
        assert actions(g) == [("circulate the budget papers to partners", ("Dale",))]

    def test_an_action_of_the_last_log_reported_complete_is_no_new_action(self):
        g = extract_text(minutes("""
            2. Notes of the last meeting

            Action 1.2. Rhona Vale to join the Regional Board – COMPLETED.
            Action 3.4. Dev Patel to contact the schools – Complete
            Dev Patel to send the revised plan to members.
        """))
        assert actions(g) == [("send the revised plan to members", ("Dev Patel",))]

    def test_a_task_for_everyone(self):
        g = extract_text(minutes("""
            2. Community Plan

            All partners to send their comments on the draft plan to the Chair by Friday.
            Members to note the report.

            3. Review of Actions

            Rona Gale gave an update on the following outstanding actions within the action log as follows:

            - Ongoing reminder for CPP members to notify Rona Gale of changes to their contacts
        """))
        owners = {text: names for text, names in actions(g)}
        assert set(owners) == {"send their comments on the draft plan to the Chair by Friday",
                               "Ongoing reminder for CPP members to notify Rona Gale of changes to their contacts"}
        assert all(names == ("Example Community Safety Partnership",) for names in owners.values())

    def test_action_markers_in_their_common_forms(self):
        g = extract_text(minutes("""
            Present: Ann Lee (Chair), Tom Reed, Head of Strategy, Shire Council (TR)

            1. Housing Plan

            Actions: Tom Reed to circulate the figures; Ann Lee to write to the Minister.

            2. Budget

            Action Point: Tom Reed to book the venue.

            3. Audit

            Action by: Tom Reed - send the audit to partners

            4. Performance

            Tom Reed would check the burglary figures. [Action: TR]
        """))
        assert sorted(actions(g)) == [("book the venue", ("Tom Reed",)), ("check the burglary figures", ("Tom Reed",)),
                                      ("circulate the figures", ("Tom Reed",)), ("send the audit to partners", ("Tom Reed",)),
                                      ("write to the Minister", ("Ann Lee",))]


class TestSubstitutions:
    def test_a_member_replaced_on_the_body_is_no_substitute(self):
        g = extract_text(minutes("""
            1. Welcome

            The Chairman welcomed Councillor Len Moss to the membership of the Committee. He also thanked
            Councillor Carla Stone who was replaced by Councillor Moss, for all her input to the Committee.

            2. Attendance

            Councillor Ray Dunn was replaced by Councillor Sue Marsh for this meeting.
        """))
        assert substitutions(g) == {("Sue Marsh", "Ray Dunn")}


def titles(g) -> list[str]:
    return [g.nodes[r.target].title for r in sorted(g.rels_of(Rel.HAS_ITEM), key=lambda r: r.props["order"])]


class TestItems:
    def test_headings_on_short_lines_with_nothing_minuted_under_one(self):
        g = extract_text(textwrap.dedent("""\
            Eastfield LSCB Meeting Minutes
            Wednesday 4th June 2014
            Eastfield Civic Centre
            All apologies are noted on page 2 of these minutes. Two new members were welcomed.
            Minutes of the last meeting
            The minutes from the 7th May 2014 meeting were accepted as an accurate record.
            Board Action Log
            Hospital Safeguarding Annual Report
            An assurance was given that the annual report will be completed by the end of June.
            Safeguarding in Schools
            The designated leads group will address the actions at future meetings.
            Standing Items
            Issues arising from MAPPA
            Following a recommendation from a review, the protocol was revised.
        """))
        assert titles(g) == ["Minutes of the last meeting", "Board Action Log", "Hospital Safeguarding Annual Report",
                             "Safeguarding in Schools", "Standing Items", "Issues arising from MAPPA"]

    def test_items_numbered_through_the_municipal_year_alone_on_a_line(self):
        g = extract_text(textwrap.dedent("""\
            Police and Crime Panel
            Minutes of a meeting held on 1 June 2020

            Items
            No. Item

            18/20

            ELECTION OF CHAIRMAN

            Councillor Ann Lowe was elected Chairman of the Panel for the year.

            19/20

            ELECTION OF VICE-CHAIRMAN

            Councillor Tom Reddy was elected Vice-Chairman of the Panel.
        """))
        assert [(i.number, i.title) for i in nodes(g, Label.AGENDA_ITEM)] == [
            ("18/20", "Election of Chairman"), ("19/20", "Election of Vice-chairman")]

    def test_a_lettered_sub_item_in_capitals_under_numbered_capitals(self):
        g = extract_text(minutes("""
            2. DECLARATIONS OF INTEREST

            There were no declarations of interest.

            3. MINUTES

            (a) EASTFIELD COMMUNITY PLANNING GROUP - 10 DECEMBER 2014

            The Minutes of the group held on 10 December 2014 were approved as a correct record.

            (b) the actions were reviewed and noted by the group.

            4. WATER SERVICES

            Jo Peel from the water company gave a presentation to the Group.
        """))
        assert titles(g) == ["Declarations of Interest", "Minutes", "Eastfield Community Planning Group - 10 December 2014",
                             "Water Services"]

    def test_a_heading_that_reads_as_a_sentence_with_paragraphs_numbered_under_it(self):
        g = extract_text(minutes("""
            2. Minutes of the meeting held 24th April 2020

            2.1 The minutes of the meeting were agreed as a correct record.

            3. To note any items which the Chair has agreed to add to the agenda on the grounds of urgency

            3.1 The Chair confirmed there were no urgent items to add to the agenda.

            4. The Panel considered the budget and agreed it would return to it

            in the autumn, once the figures were known.
        """))
        assert titles(g) == ["Minutes of the meeting held 24th April 2020",
                             "To note any items which the Chair has agreed to add to the agenda on the grounds of urgency"]

    def test_rows_with_a_long_agenda_description_or_no_title_before_minutes(self):
        from helpers import person
        g = extract_text(textwrap.dedent("""\
            Venue: remotely. View directions
            Contact: Democratic Services
            No. | Item |
            Declarations of interest To receive declarations of personal and prejudicial interest (if any) from Members and Officers in accordance with the provisions of the Members' Code of Conduct adopted by the Council in 2008. Minutes: None |
            Joint Committee Decisions PDF 193 KB To consider the decisions of the Joint Committee held on 29th March, 2023.
            (N.B. The decisions are submitted for accuracy points only) Minutes: Consideration was given to the decisions.
            The Committee AGREED that the decisions be recorded as a true record of proceedings.
            To receive. Minutes: Consideration was given to the Action Sheet.
            The Committee AGREED that the Action Sheet be noted.
            Draft Terms of Reference PDF 130 KB To consider the report of Mary Quill, Head of Democratic Services. Minutes: The report was accepted.
        """))
        assert titles(g) == ["Declarations of interest", "Joint Committee Decisions", "Action Sheet",
                             "Draft Terms of Reference"]
        g2 = extract_text(textwrap.dedent("""\
            Introductions. Minutes: The Chairman welcomed everyone to the meeting. |
            Matters arising Minutes: There were no matters arising. |
            Minutes: The Board considered the Eastfield Safer Communities Strategy Board Action Log, a copy of which is filed with these minutes. |
        """))
        assert titles(g2) == ["Introductions", "Matters arising", "Action Log"]
        assert targets(g, Rel.HOLDS, person(g, "Mary Quill").id)      # the post the agenda's description states
        assert all_presenters(g) == set()

    def test_a_date_after_the_bodys_name_is_no_numbered_item(self):
        g = extract_text(textwrap.dedent("""\
            Police and Fire Scrutiny Sub-Committee
            13 Mar 2018 - 13:00 to 14:00

            Minutes of the

            Safeguarding Board Meeting

            6 December 2017

            Venue: Fretwell Centre
        """))
        assert titles(g) == []

    def test_a_pages_first_line_naming_the_body_is_no_item(self):
        g = extract_text(textwrap.dedent("""\
            Eastfield Public Services Board
            The Board received the well-being assessment and noted the progress made on the plan. Members discussed
            the consultation at length, and the Chair thanked officers for the work done over the year so far.
            The Board agreed that the draft plan would be published for consultation in the spring, with events
            held in each town, and that the findings would come back to the Board before the plan was adopted.
        """))
        assert "Eastfield Public Services Board" not in titles(g)

    def test_an_agenda_above_the_minutes_of_an_earlier_meeting_with_no_items_of_their_own(self):
        from helpers import person
        g = extract_text(textwrap.dedent("""\
            For all enquiries relating to this agenda please contact Ella Morgan (Tel. 01234 567890)

            A meeting of the Police and Crime Panel will be held at the Civic Centre on Friday, 7th December 2012.

            A G E N D A

            1. Declarations of Interest.

            2. Apologies for Absence.

            3. To receive and note the minutes of the meeting held on 12th October 2012 (copy attached).

            4. Amended Panel Arrangements (report attached).

            SHADOW POLICE AND CRIME PANEL

            MINUTES OF THE MEETING HELD AT THE CIVIC CENTRE ON FRIDAY 12TH OCTOBER 2012

            Present:

            Councillors Ann Lowe and Tom Reddy
        """))
        assert titles(g) == ["Declarations of Interest", "Apologies for Absence",
                             "To receive and note the minutes of the meeting held on 12th October 2012",
                             "Amended Panel Arrangements"]
        assert person(g, "Ella Morgan")

    def test_the_opening_item_left_unnumbered_above_item_one(self):
        g = extract_text(textwrap.dedent("""\
            Eastfield Community Planning Group
            Minutes of meeting held on 9 March 2017

            Present: Wendy Marr, Shire Council (Chair) (WM) Lena Reid, Shire Council (LR) Ken Allan, AVA (KA)

            Introductions WM introduced Cara Lund who has taken over the role of Health Coordinator.

            A vacancy still exists for a community representative for Ward 18 and LR will follow this up.

            1. Minutes & Action Sheet The Minutes of the previous meeting were accepted as a correct record.

            2. Community Plan KA gave an update on the community plan.
        """))
        assert titles(g) == ["Introductions", "Minutes & Action Sheet", "Community Plan"]
        assert actions(g) == [("follow this up", ("Lena Reid",))]

    def test_a_sub_item_with_its_presenter_on_a_single_item_page(self):
        g = extract_text(textwrap.dedent("""\
            Agenda item

            Domestic Homicide Review Update

            The partnership has appointed an independent chair for the review, which will pause during the trial.

            ACTION – Jo to notify the Home Office that the review has been put on hold.

            9(i) Women’s Safety Forum – Jo Baker

            The council launched its first forum for residents in May 2023 to hear where they feel unsafe.
        """))
        assert [(i.number, i.title.split(" –")[0]) for i in nodes(g, Label.AGENDA_ITEM)] == [
            (None, "Domestic Homicide Review Update"), ("9(i)", "Women’s Safety Forum")]
        assert presenters_of(g, "Women") == {"Jo Baker"}


class TestAgendaBlocks:
    def test_the_minutes_naming_the_presenter_by_post_overrule_the_agendas_names(self):
        g = extract_text(minutes("""
            5.

            Report on the Hate Crime Project pdf icon PDF 233 KB

            Rob Bates, CEO, Eastfield Mencap

            Minutes:

            The Community Safety Manager spoke to the report and introduced the Hate Crime Coordinator.

            6.

            Youth Justice Plan

            Ann Gee, Youth Justice Manager
            Tom Reddy, Analyst

            Minutes:

            The Youth Justice Manager presented the plan.
        """))
        assert presenters_of(g, "Report on the Hate") == set()
        assert presenters_of(g, "Youth Justice") == {"Ann Gee"}


class TestMoreItemLayouts:
    def test_a_minute_numbered_on_through_the_year_in_capitals(self):
        g = extract_text(textwrap.dedent("""\
            Minutes of a meeting held on 22nd March, 2017.

            Present:  Councillor G. Lowe (Chairman); Councillor Ms. B.E. Hart (Vice-Chairman)

            971     MINUTES -

            AGREED - T H A T the minutes of the meeting held on 1st February, 2017 be accepted as a correct record.

            972     DECLARATIONS OF INTEREST -

            No declarations were received.

            2017 was a year of change for the partnership.
        """))
        assert [(i.number, i.title) for i in nodes(g, Label.AGENDA_ITEM)] == [
            ("971", "Minutes"), ("972", "Declarations of Interest")]

    def test_cmis_numbers_alone_and_a_number_with_its_title_on_one_line(self):
        g = extract_text(textwrap.dedent("""\
            Police and Fire Committee
            21 Feb 2019 - 09:30 to 10:15

            Public Items
            1 Sederunt
            2 Declaration of Group Decisions and Members Interests *
            2

            There were no declarations from Group Leaders in regard to any prior decisions.

            3 Resolution

            Consider, and if so decide, adopt the following resolution excluding the public for Item 10.

            4 Written Questions **
            4

            The Committee noted that no written questions had been submitted.
        """))
        assert [(i.number, i.title) for i in nodes(g, Label.AGENDA_ITEM)] == [
            ("2", "Declaration of Group Decisions and Members Interests"), ("3", "Resolution"), ("4", "Written Questions")]

    def test_a_decimal_sub_item_number_alone_on_a_line_and_a_cut_off_last_number(self):
        g = extract_text(textwrap.dedent("""\
            Safer Communities Partnership Board
            Minutes of a meeting held on 15 January 2014

            6.

            Partnership Performance

            Minutes:

            The Board noted the performance report.

            6.1

            Property crime

            Minutes:

            The Board discussed burglaries in the borough.

            7.

            B
        """))
        assert [(i.number, i.title) for i in nodes(g, Label.AGENDA_ITEM)] == [
            ("6", "Partnership Performance"), ("6.1", "Property crime")]

    def test_a_short_sentence_between_blank_lines_is_no_title(self):
        g = extract_text(textwrap.dedent("""\
            Police and Crime Panel


            Apologies for Absence


            No apologies were received


            Declarations of Interest


            Members are reminded of their personal responsibility to declare any interest in the matters on this agenda.


            Work Programme


            The Panel noted the work programme for the year ahead, and asked for a report in the spring.
        """))
        assert titles(g)[-3:] == ["Apologies for Absence", "Declarations of Interest", "Work Programme"]
        assert "No apologies were received" not in titles(g)

    def test_a_line_leading_into_a_list_is_no_title_where_titles_stand_unindented(self):
        g = extract_text(textwrap.dedent("""\
            Police and Crime Panel
            Minutes of a meeting held on 12 November 2012

            No. Item

            Apologies for Absence

                Apologies were received from Councillor Ann Lowe.

            Summary of Progress

                Dora Gregg introduced a report providing an overview of progress on key issues.

            Comments and responses to questions included:

                • The tight timescale of decision making will be a challenge;
                • Public engagement was considered to be important.

            Work Programme

                The Panel noted the work programme.
        """))
        assert titles(g) == ["Apologies for Absence", "Summary of Progress", "Work Programme"]

    def test_headings_numbered_n_point_0_or_as_minutes_of_the_year(self):
        for first, second in (("1.0 Minutes of the last meeting", "2.0 Community Safety Plan"),
                              ("Minute 101 Minutes of the last meeting", "Minute 102 Community Safety Plan")):
            g = extract_text(minutes(f"""
                {first}

                1.1 The minutes were agreed as a correct record.

                {second}

                Tom Reed presented the plan and members discussed it.
            """))
            assert titles(g) == ["Minutes of the last meeting", "Community Safety Plan"], first
            assert presenters_of(g, "Community") == {"Tom Reed"}
