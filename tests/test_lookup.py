"""One name lookup (graph/lookup.py, app/lookup.py) for every command that takes a person or an
organisation: the cases the issue found failing, and the rules one by one."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from app.cli import cli
from graph.errors import NotFound
from graph.lookup import NameLookup, fold, initials



def invoke(args: list[str]):
    return CliRunner().invoke(cli, args)


# -- the rules

PEOPLE = NameLookup("person", [("person:matt-leng", "Matt Leng", ["Mr Leng"]),
                               ("person:tina-mcelligott", "Tina McElligott", ["Ms McElligott"]),
                               ("person:tania-martin", "Tania Martin", []),
                               ("person:jose-nunez", "José Núñez", [])],
                    known_aliases=[["Matt Leng", "Matthew Leng"]])
ORGS = NameLookup("organisation", [("org:lbb", "London Borough of Barnet", [], 5),
                                   ("org:brent", "London Borough of Brent", [], 1),
                                   ("org:met", "Metropolitan Police Service", []),
                                   ("org:mopac", "Mayor's Office for Policing and Crime", ["MOPAC"])],
                  known_aliases=[["Metropolitan Police Service", "Met Police", "MPS"]])


def test_folding():
    assert fold("  Mayor’s Office for Policing & Crime ") == "mayors office for policing and crime"
    assert fold("José NÚÑEZ") == "jose nunez"
    assert initials("London Borough of Barnet") == "lbb" and initials("Barnet") is None


@pytest.mark.parametrize("typed, expected", [
    ("matt leng", "person:matt-leng"), ("MR LENG", "person:matt-leng"), ("Matthew Leng", "person:matt-leng"),
    ("person:matt-leng", "person:matt-leng"), ("jose nunez", "person:jose-nunez"), ("Leng", "person:matt-leng"),
    ("mcelligott", "person:tina-mcelligott")])
def test_people_as_typed(typed, expected):
    assert PEOPLE.find(typed).id == expected


@pytest.mark.parametrize("typed, expected", [
    ("Met Police", "org:met"), ("MPS", "org:met"), ("mopac", "org:mopac"), ("LBB", "org:lbb"),
    ("mayors office for policing and crime", "org:mopac"), ("Metropolitan", "org:met")])
def test_organisations_as_typed(typed, expected):
    assert ORGS.find(typed).id == expected


def test_nothing_guessed_where_nothing_fits():
    with pytest.raises(NotFound, match=r"no person called 'Mat Leng'; did you mean Matt Leng\?"):
        PEOPLE.find("Mat Leng")
    with pytest.raises(NotFound, match="did you mean Matt Leng, Tania Martin, Tina McElligott"):
        PEOPLE.find("t")       # in several names: named, not picked
    with pytest.raises(NotFound, match=r"no organisation called 'London Borough'; did you mean London Borough of "
                                       r"Barnet, London Borough of Brent\?"):
        ORGS.find("London Borough")
    with pytest.raises(NotFound, match=r"no person called 'zzz'$"):
        PEOPLE.find("zzz")


# -- the cases, through the command line

def test_an_abbreviation_names_the_council_for_viz_search_and_recipes(loaded, tmp_path):
    page = invoke(loaded + ["viz", "--organisation", "LBB", "-o", str(tmp_path / "lbb.html")])
    assert page.exit_code == 0, page.output
    found = invoke(loaded + ["query", "search", "-p", "q=LBB", "-f", "json"])
    assert "London Borough of Barnet" in [r["name"] for r in json.loads(found.stdout)]
    people = invoke(loaded + ["query", "organisation-people", "-p", "organisation=LBB", "-f", "json"])
    assert {r["organisation"] for r in json.loads(people.stdout)} == {"London Borough of Barnet"}


def test_open_actions_of_the_council_include_its_staff(loaded):
    result = invoke(loaded + ["query", "open-actions", "-p", "organisation=London Borough of Barnet", "-f", "json"])
    rows = json.loads(result.stdout)
    assert rows and "Matt Leng" in {r["owner"] for r in rows}


def test_a_misspelt_person_exits_non_zero_with_a_suggestion(loaded):
    result = invoke(loaded + ["query", "person-record", "-p", "person=Mat Leng"])
    assert result.exit_code == 1
    assert "no person called 'Mat Leng'; did you mean Matt Leng?" in result.output


def test_a_surname_alone_is_taken_and_said(loaded):
    result = invoke(loaded + ["query", "open-actions", "-p", "person=leng", "-f", "json"])
    assert result.exit_code == 0
    assert {r["owner"] for r in json.loads(result.stdout)} == {"Matt Leng"}


def test_curation_aliases_name_people_and_organisations(loaded, tmp_path, monkeypatch):
    curation = tmp_path / "curation.yaml"
    curation.write_text("organisations:\n  - name: London Borough of Barnet\n    aliases: [The Borough]\n"
                        "people:\n  - name: Matt Leng\n    aliases: [Matthew Leng]\n", encoding="utf-8")
    without = invoke(loaded + ["query", "organisation-people", "-p", "organisation=The Borough"])
    assert without.exit_code == 1 and "no organisation called 'The Borough'" in without.output
    monkeypatch.setenv("PGRAPH_CURATION", str(curation))
    orgs = invoke(loaded + ["query", "organisation-people", "-p", "organisation=the borough", "-f", "json"])
    assert {r["organisation"] for r in json.loads(orgs.stdout)} == {"London Borough of Barnet"}
    people = invoke(loaded + ["query", "person-record", "-p", "person=Matthew Leng", "-f", "json"])
    assert {r["person"] for r in json.loads(people.stdout)} == {"Matt Leng"}
