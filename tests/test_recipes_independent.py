"""Every recipe against an independent computation (tests/independent.py) from the node-link export:
on the five sample minutes, after a replacement, and on a synthetic archive of 1,000 meetings."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from independent import ALL, Independent
from queries import get_recipe, list_recipes

ROOT = Path(__file__).resolve().parent.parent
RECIPES = [r.name for r in list_recipes()]

# Parameter sets for each recipe on the samples: names whole and in part, aliases, years, bodies,
# and the broadest run (no optional parameter).
SAMPLE_RUNS: dict[str, list[dict[str, Any]]] = {
    "absences": [{"organisation": "London Fire Brigade"}, {"organisation": "met"}, {"organisation": "LBB"},
                 {"organisation": "barnet"}],
    "changed-organisation": [{}, {"person": "mcelligott"}],
    "changed-post": [{}, {"person": "Tina"}],
    "decisions": [{}, {"year": 2021}, {"body": "safer"}, {"text": "noted"}, {"year": 2013, "text": "agreed"}],
    "how-connected": [{"person_a": "Peter Clifton", "person_b": "Matt Leng"},
                      {"person_a": "Tina McElligott", "person_b": "Dov Gerber"},
                      {"person_a": "Leng", "person_b": "Kiran"}, {"person_a": "Conway", "person_b": "Alice Bird"},
                      {"person_a": "Leng", "person_b": "nobody at all"}],
    "meeting-actions": [{"meeting": "2021-07-23"}, {"meeting": "2023"}, {"meeting": "Safer"}],
    "meeting-attendance": [{"meeting": "2021-07-23"}, {"meeting": "2013-07-19"}, {"meeting": "(2017)"},
                           {"meeting": "004"}],
    "meetings": [{}, {"year": 2017}, {"body": "partnership"}, {"year": 1999}],
    "new-faces": [{}, {"year": 2021}, {"year": 2023}],
    "open-actions": [{}, {"person": "Leng"}, {"organisation": "Barnet"}, {"person": "a"}],
    "organisation-links": [{}, {"year_from": 2017, "year_to": 2017}, {"year_from": 2021}, {"year_to": 2020}],
    "organisation-people": [{"organisation": "London Fire Brigade"}, {"organisation": "barnet"}],
    "organisations-by-year": [{}, {"year": 2013}, {"year": 2023}, {"body": "safer"}, {"body": "no such body"}],
    "organisations-stopped": [{}, {"body": "safer"}],
    "person-links": [{}, {"person": "Leng"}, {"year_from": 2021, "year_to": 2021},
                     {"person": "Tina", "year_from": 2013}, {"person": "an"}],
    "person-record": [{"person": "Matt Leng"}, {"person": "Tina"}, {"person": "Clifton"}],
    "post-holders": [{"role": "Community Safety Manager"}, {"role": "director", "organisation": "LBB"},
                     {"role": "chair"}],
    "role-history": [{"organisation": "Barnet"}, {"organisation": "Metropolitan"}],
    "search": [{"q": "mcelligot"}, {"q": "LBB"}, {"q": "police"}],
    "strategy-history": [{"strategy": "Hate Crime"}, {"strategy": "strategy"}],
}


def canonical(rows: list[dict]) -> list[str]:
    """Rows as sorted JSON, lists inside them sorted: compared as multisets of facts."""
    fixed = [{k: sorted(v, key=str) if isinstance(v, list) else v for k, v in row.items()} for row in rows]
    return sorted(json.dumps(r, sort_keys=True) for r in fixed)


def unlimited(name: str, params: dict[str, Any]) -> dict[str, Any]:
    recipe = get_recipe(name)
    if any(p.name == "limit" for p in recipe.params) and "limit" not in params:
        return {**params, "limit": ALL}
    return params


def compare(store: Any, truth: Independent, name: str, params: dict[str, Any]) -> None:
    params = unlimited(name, params)
    got = get_recipe(name).run(store, params)
    expected = truth.answer(name, params)
    assert canonical(got) == canonical(expected), (name, params)
    for row in got:         # whole numbers and years as integers, dates as ISO strings
        for column, value in row.items():
            if column in ("meetings", "attendees", "apologies", "items", "people", "steps") or \
                    column.endswith("year"):
                assert value is None or type(value) is int, (name, column, value)
            if column in ("date", "first_seen", "last_seen") and value is not None:
                assert isinstance(value, str) and value[:4].isdigit(), (name, column, value)


def check_limits(store: Any, truth: Independent, name: str, params: dict[str, Any]) -> None:
    """With a limit, the rows are the first `limit` of the full answer in the recipe's order."""
    recipe = get_recipe(name)
    if not any(p.name == "limit" for p in recipe.params):
        return
    full = recipe.run(store, unlimited(name, params))
    for limit in (1, 3):
        if len(full) <= limit:
            continue
        got = recipe.run(store, {**params, "limit": limit})
        assert len(got) == limit, (name, limit)
        assert all(canonical([row]) [0] in canonical(full) for row in got), (name, limit)


# -- the samples

@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, sample_graph):
    from graph.store import open_store

    with open_store(tmp_path_factory.mktemp("independent") / "store") as store:
        store.write(sample_graph)
        yield store


@pytest.fixture(scope="module")
def sample_truth(sample_store) -> Independent:
    return Independent(sample_store.read_graph().to_node_link())


def test_every_recipe_has_runs_on_the_samples():
    assert sorted(SAMPLE_RUNS) == sorted(RECIPES)


@pytest.mark.parametrize("name", RECIPES)
def test_recipe_agrees_with_the_independent_computation_on_the_samples(sample_store, sample_truth, name):
    for params in SAMPLE_RUNS[name]:
        compare(sample_store, sample_truth, name, params)
        check_limits(sample_store, sample_truth, name, params)


def test_the_samples_answer_something_for_each_recipe(sample_store):
    """Guard against an agreement on empty answers: every recipe finds rows for some run (no one in the
    samples is seen with two organisations at different times)."""
    for name in set(RECIPES) - {"changed-organisation"}:
        assert any(get_recipe(name).run(sample_store, unlimited(name, p)) for p in SAMPLE_RUNS[name]), name


def test_years_where_the_pictures_and_the_recipes_were_seen_to_disagree(sample_store):
    """The issue's report: the heat map showed organisations in 2013 and 2023, the recipes one and none."""
    from viz.heatmap import attendance_table
    from viz.index import ModelIndex

    table = attendance_table(ModelIndex(sample_store.read_graph()))
    pictured = {(org, int(year)): table.counts[r][c] for r, org in enumerate(table.organisations)
                for c, year in enumerate(table.years) if year.isdigit() and table.counts[r][c]}
    by_year = {(row["organisation"], row["year"]): row["meetings"]
               for row in get_recipe("organisations-by-year").run(sample_store, {})}
    assert pictured == by_year
    assert any(year == 2023 for _, year in by_year)       # the council, through a post held in 2023
    stopped = get_recipe("organisations-stopped").run(sample_store, {})
    assert {row["latest_year"] for row in stopped} == {max(year for _, year in by_year)}


# The recipes that read the store's summaries (DERIVED_*, graph/store/summaries.py).
SUMMARISED = ("organisations-by-year", "organisations-stopped", "organisation-links", "person-links",
              "changed-post", "changed-organisation", "new-faces")


def test_the_summarised_recipes_are_those_that_read_summaries():
    assert sorted(SUMMARISED) == sorted(r.name for r in list_recipes() if r.uses_summaries)


def test_recipes_still_agree_after_a_document_is_replaced(tmp_path, sample_graph):
    """Summaries refreshed after a replacement, and after `forget`, give what a recomputation from the facts gives."""
    from graph.model import PartnershipGraph, Rel
    from graph.store import open_store

    document = "001_e11e6126daf074eb.txt"
    changed = PartnershipGraph()
    for node in sample_graph.nodes.values():
        if document in node.documents:
            changed.add(node)
    for rel in sample_graph.relationships.values():
        # The new version: half of those present are no longer recorded, nor their affiliations.
        if rel.document == document and rel.source in changed.nodes and rel.target in changed.nodes:
            if rel.type in (Rel.ATTENDED, Rel.AFFILIATED_WITH) and len(rel.source) % 2:
                continue
            changed.relate(rel.type, rel.source, rel.target, rel.document, rel.evidence, **rel.props)
    with open_store(tmp_path / "store") as store:
        store.write(sample_graph)
        for name in ("organisations-by-year", "person-links"):
            get_recipe(name).run(store, {})      # summaries built before the replacement
        store.write(changed, documents=[document])
        truth = Independent(store.read_graph().to_node_link())
        for name in SUMMARISED:
            for params in SAMPLE_RUNS[name]:
                compare(store, truth, name, params)
        # And once the document is forgotten altogether.
        from graph.store.forget import forget

        forget(store, [document])
        truth = Independent(store.read_graph().to_node_link())
        for name in SUMMARISED:
            for params in SAMPLE_RUNS[name]:
                compare(store, truth, name, params)


# -- a synthetic archive of 1,000 meetings (benchmarks/synthetic.py), loaded once for the module

SYNTHETIC_MEETINGS = 1000


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    from app.pipeline import load_into
    from graph.store import open_store

    folder = tmp_path_factory.mktemp("synthetic")
    generate(SYNTHETIC_MEETINGS, folder / "minutes")
    with open_store(folder / "store") as store:
        report = load_into(store, [folder / "minutes"])
        assert len(report.loaded) == SYNTHETIC_MEETINGS and not report.failed
        yield store


def synthetic_runs(store: Any, truth: Independent) -> dict[str, list[dict[str, Any]]]:
    """Parameters drawn from the archive itself: its busiest person, organisation, post, body, years."""
    people = sorted(truth.of("Person"), key=lambda p: (-len(truth.outgoing(p["id"], "ATTENDED")), p["name"]))
    orgs = sorted(truth.of("Organisation"), key=lambda o: (-len(truth.incoming(o["id"], "AFFILIATED_WITH")),
                                                           o["name"]))
    roles = sorted(truth.of("Role"), key=lambda r: (-len(truth.incoming(r["id"], "HOLDS")), r["name"]))
    meetings = sorted((m for m in truth.of("Meeting") if m.get("date")), key=lambda m: m["date"])
    years = sorted({truth.year(m) for m in meetings})
    strategies = sorted(truth.of("Strategy"), key=lambda s: (-len(truth.into[s["id"]]), s["name"]))
    person, other, org = people[0]["name"], people[25]["name"], orgs[0]["name"]
    middle, year = meetings[len(meetings) // 2], years[len(years) // 2]
    body = middle.get("body") or "Board"
    return {
        "absences": [{"organisation": org}],
        "changed-organisation": [{}, {"person": person}],
        "changed-post": [{}, {"person": person}],
        "decisions": [{}, {"year": year}, {"body": body, "text": "agreed"}],
        "how-connected": [{"person_a": person, "person_b": other}],
        "meeting-actions": [{"meeting": middle["date"]}],
        "meeting-attendance": [{"meeting": middle["date"]}, {"meeting": middle["id"]}],
        "meetings": [{}, {"year": year}, {"body": body}],
        "new-faces": [{}, {"year": year}],
        "open-actions": [{}, {"person": person}, {"organisation": org}],
        "organisation-links": [{}, {"year_from": year - 2, "year_to": year}],
        "organisation-people": [{"organisation": org}],
        "organisations-by-year": [{}, {"year": year}, {"body": body}],
        "organisations-stopped": [{}, {"body": body}],
        "person-links": [{}, {"person": person}, {"year_from": year - 2, "year_to": year}],
        "person-record": [{"person": person}],
        "post-holders": [{"role": roles[0]["name"]}, {"role": roles[0]["name"], "organisation": org}],
        "role-history": [{"organisation": org}],
        "search": [{"q": person.split()[-1][:5]}],
        "strategy-history": [{"strategy": strategies[0]["name"]}],
    }


@pytest.fixture(scope="module")
def synthetic_truth(synthetic_store) -> Independent:
    return Independent(synthetic_store.read_graph().to_node_link())


@pytest.mark.parametrize("name", RECIPES)
def test_recipe_agrees_with_the_independent_computation_on_a_synthetic_archive(synthetic_store,
                                                                                synthetic_truth, name):
    runs = synthetic_runs(synthetic_store, synthetic_truth)
    assert sorted(runs) == sorted(RECIPES)
    for params in runs[name]:
        compare(synthetic_store, synthetic_truth, name, params)
        check_limits(synthetic_store, synthetic_truth, name, params)
    assert any(get_recipe(name).run(synthetic_store, unlimited(name, p)) for p in runs[name]), name


def test_heat_map_and_organisations_by_year_agree_on_the_synthetic_archive(synthetic_store):
    from viz.heatmap import TOP, attendance_table
    from viz.index import ModelIndex

    table = attendance_table(ModelIndex(synthetic_store.read_graph()))
    rows = get_recipe("organisations-by-year").run(synthetic_store, {})
    by_year = {(row["organisation"], row["year"]): row["meetings"] for row in rows}
    shown = table.organisations[:TOP]
    pictured = {(org, int(year)): table.counts[r][c] for r, org in enumerate(shown)
                for c, year in enumerate(table.years) if year.isdigit() and table.counts[r][c]}
    assert pictured and pictured == {k: v for k, v in by_year.items() if k[0] in shown}
