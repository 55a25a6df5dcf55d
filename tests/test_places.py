"""The places of UK local government, and what the reader does with them: where a name stops and a council's
name starts, and whose minutes a page is. Layouts are generated over places drawn from the data file, so
every check runs for many councils, not one."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from graph.model import Label, Rel
from loaders.data_files import data_file
from loaders.names import leading_person, titled_mentions
from loaders.organisations import document_place, home_council, load_gazetteer
from loaders.places import is_place, longest_place_suffix, place_at, place_of_domain, places_named

COUNCILS = data_file("uk_places.yaml")["councils"]
CURRENT = [c for c in COUNCILS if c["status"] == "current"]
# Places of one or more capitalised words that are no common first name or surname start, for generated text.
SAMPLE = random.Random(7).sample([c["place"] for c in CURRENT if "," not in c["place"]], 40)


def test_every_current_council_of_each_nation_is_listed_once():
    counts = Counter(c["nation"] for c in CURRENT)
    assert counts == {"England": 317, "Wales": 22, "Scotland": 32, "Northern Ireland": 11}
    keys = [(c["place"], c["status"]) for c in COUNCILS]
    assert len(keys) == len(set(keys))


def test_a_place_of_several_words_is_read_whole():
    assert place_at("Kingston upon Thames Council".split()) == 3
    assert place_at("Argyll and Bute Council".split()) == 3
    assert is_place("Stockton-on-Tees") and not is_place("Stockton-on-Tees Council")
    assert longest_place_suffix("Services West Sussex") == "West Sussex"


def test_a_council_domain_names_its_place():
    assert place_of_domain("eppingforestdc") == "Epping Forest"
    assert place_of_domain("westberks") == "West Berkshire"
    assert place_of_domain("example") is None


@pytest.mark.parametrize("place", SAMPLE)
def test_a_surname_then_a_council_is_cut_where_the_council_starts(place):
    text = f"Cllr Davis {place} Borough Council Cllr Ash"
    parts = titled_mentions(text)[0][0]
    assert parts.name == "Davis", text


@pytest.mark.parametrize("place", SAMPLE)
def test_a_three_word_name_keeps_its_third_word_before_a_council(place):
    parts, rest = leading_person(f"Kay Wilson Wood {place} Council")
    assert parts.name == "Kay Wilson Wood" and rest.strip() == f"{place} Council"


@pytest.mark.parametrize("place", SAMPLE)
def test_the_place_of_a_page_that_names_no_council(place):
    text = (f"Health and Wellbeing Board\n\nThe Board heard how {place} residents use services. "
            f"Partners in {place} would report back, and one visit outside {place} was planned.")
    assert document_place(text, None) == place


def test_a_place_named_as_often_as_another_is_no_pages_place():
    first, second = SAMPLE[:2]
    text = f"Visits to {first} and {second} were planned; {first} and {second} would report back."
    assert places_named(text)[first] == 2
    assert document_place(text, None) is None


def test_the_police_named_alone_in_a_nation_with_one_force():
    from helpers import extract_text

    g = extract_text("Community Planning Group\n\nMinutes of a meeting held on 15 March 2019\n\n"
                     "Present: Ann Munro, Aberdeenshire Council (Chair); Ed Gray, Aberdeenshire Council; "
                     "Sheila Dent, Police; Stuart Cook, Fire and Rescue Service\n\n1. Welcome\n\nNone.\n")
    bodies = {g.nodes[r.target].name for r in g.rels_of(Rel.AFFILIATED_WITH)}
    assert {"Police Scotland", "Scottish Fire and Rescue Service"} <= bodies



BOARDS = data_file("uk_places.yaml")["health_boards"]


def test_every_scottish_and_welsh_council_area_has_one_health_board():
    listed = Counter(place for places in BOARDS.values() for place in places)
    for nation, boards in (("Scotland", 14), ("Wales", 7)):
        areas = {c["place"] for c in CURRENT if c["nation"] == nation}
        assert {p for p in listed if p in areas} == areas and all(listed[p] == 1 for p in areas)
        assert sum(1 for places in BOARDS.values() if set(places) <= areas) == boards


@pytest.mark.parametrize("board,place", [(b, random.Random(b).choice(p)) for b, p in BOARDS.items()])
def test_the_nhs_named_alone_is_the_areas_health_board(board, place):
    from helpers import extract_text

    g = extract_text(f"Community Planning Group\n\nMinutes of a meeting held on 15 March 2019\n\n"
                     f"Present: Ann Munro, {place} Council (Chair); Ed Gray, {place} Council; Sheila Dent, NHS\n\n"
                     "1. Welcome\n\nNone.\n")
    bodies = {g.nodes[r.target].name for r in g.rels_of(Rel.AFFILIATED_WITH)}
    assert board in bodies


LONDON = sorted(v for v in load_gazetteer().boroughs.values() if v.startswith("London Borough of"))


@pytest.mark.parametrize("council", random.Random(11).sample(LONDON, 6))
def test_a_borough_named_once_in_prose_publishes_nothing_but_once_as_a_bodys_place_it_may(council):
    place = council.removeprefix("London Borough of ")
    prose = f"Joint working used a model in place in {place}. The Council's Adult Services would take part."
    assert home_council(prose, load_gazetteer()) is None
    named = f"Ms Rowe declared that she was a trustee of {place} Carers Centre. The Council's team would take part."
    assert home_council(named, load_gazetteer()) == council
    assert home_council(prose + f" Partners in {place} agreed.", load_gazetteer()) == council


@pytest.mark.parametrize("place", SAMPLE[:8])
def test_a_council_by_its_initials_in_a_page_whose_venue_is_in_its_place(place):
    from helpers import extract_text
    from loaders.places import council_by_initials

    initials = "".join(w[0] for w in place.replace("-", " ").split() if w[:1].isupper())
    g = extract_text(f"Health & Wellbeing Board Minutes\n\nWednesday, 31st October, 2018\n"
                     f"Conference Suite, Central Library, {place}, AB1 2CD\n\nAttendance Details\n\n"
                     f"Cllr Ann Bell (Chairman), Tom Hale ({initials}BC)\n\n1. Welcome\n\nNone.\n", head="")
    bodies = {n.name for n in g.of_label(Label.ORGANISATION)}
    assert f"{place} Health and Wellbeing Board" in bodies
    tom = next(n for n in g.of_label(Label.PERSON) if n.name == "Tom Hale")
    assert {g.nodes[r.target].name for r in g.rels_of(Rel.AFFILIATED_WITH) if r.source == tom.id} \
        == {f"{place} Borough Council"}
    assert council_by_initials(f"{initials}XQ", place) is None


@pytest.mark.parametrize("place", SAMPLE[8:14])
def test_a_councillor_with_a_place_in_brackets_is_of_its_council_as_the_page_names_it(place):
    from helpers import extract_text

    g = extract_text(f"Police and Crime Panel\n\nMinutes of a meeting held on 15 March 2019\n\n"
                     f"1. Apologies\n\nApologies were noted from Councillor Ann Hale ({place}) and Councillor Tom Bell "
                     f"({place}).\n\n2. Membership\n\nA member of {place} Metropolitan Borough Council would join.\n",
                     head="")
    bodies = {g.nodes[r.target].name for r in g.rels_of(Rel.AFFILIATED_WITH)}
    assert bodies == {f"{place} Metropolitan Borough Council"}


def test_every_english_and_welsh_council_area_has_one_police_force():
    forces = data_file("uk_places.yaml")["police_forces"]
    listed = Counter(place for places in forces.values() for place in places)
    areas = {c["place"] for c in CURRENT if c["nation"] in ("England", "Wales")}
    assert set(listed) == areas and all(n == 1 for n in listed.values())
    assert len(forces) == 43    # the 43 territorial forces, the Met and City of London Police among them


FORCES = data_file("uk_places.yaml")["police_forces"]


@pytest.mark.parametrize("force,place", [(f, random.Random(f).choice(p)) for f, p in sorted(FORCES.items())[::6]])
def test_the_police_named_alone_is_the_force_of_the_pages_place(force, place):
    from helpers import extract_text
    from loaders.organisations import load_gazetteer

    g = extract_text(f"Community Safety Partnership\n\nMinutes of a meeting held on 15 March 2019\n\n"
                     f"Contact: jo.bell@example.gov.uk\n\nPresent: Ann Munro, {place} Council (Chair); Ed Gray, "
                     f"{place} Council; Sheila Dent, Police\n\n1. Welcome\n\nNone.\n", head="")
    bodies = {g.nodes[r.target].name for r in g.rels_of(Rel.AFFILIATED_WITH)}
    known = load_gazetteer().lookup(force)
    assert (known.name if known else force) in bodies
