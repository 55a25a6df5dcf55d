"""First names, as a kept data source knows them: gender-guesser's name dictionary (Jörg Michael's
nam_dict, about 45,000 given names across Britain, Ireland and 50 other countries).

A list of people run together without separators ("Rhona Davidson Development Officer, ... Moyra Duncan
Location Manager") is split where a person's name begins, and a name begins with a first name far more
often than with any other capitalised word. Words that are first names somewhere but mostly something else
in minutes ("Ward", "May", "Major") are listed in data/names.yaml and never start a name alone.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from loaders.data_files import names_data

# nam_dict's frequency columns start here; each is one hexadecimal digit per country (blank where unknown).
_FIRST_COLUMN = 30


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    path = resources.files("gender_guesser").joinpath("data/nam_dict.txt")
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        fields = line.split()
        if len(fields) < 2 or not line[_FIRST_COLUMN:-1].strip():
            continue
        # '+' joins the parts of a compound name: 'Anne+Marie' is written 'Anne-Marie' or 'Annemarie'.
        for form in {fields[1].replace("+", "-"), fields[1].replace("+", "")}:
            if form[:1].isupper():
                names.add(form)
    return frozenset(names - set(names_data()["not_first_names"]))


def is_first_name(word: str) -> bool:
    return word in first_names()
