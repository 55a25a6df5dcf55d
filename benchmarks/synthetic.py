"""A synthetic council archive for the benchmarks: the sample minutes re-drawn (people, borough, dates, item titles) at any size."""
from __future__ import annotations

import argparse
import calendar
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.model import Label  # noqa: E402
from loaders.dates import MONTHS, find_dates  # noqa: E402
from loaders.document import Document  # noqa: E402
from loaders.formats import load  # noqa: E402

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "minutes"

FIRST_NAMES = (
    "Aaron Abigail Adam Adrian Aisha Alan Alex Alison Amanda Amir Amy Andrew Angela Anita Anna Anthony Asif Ben "
    "Bernadette Beverley Brian Bryony Callum Carl Carol Caroline Catherine Charles Charlotte Chris Claire Colin "
    "Craig Daniel Darren David Dawn Deborah Denise Derek Diane Dominic Donna Duncan Edward Eleanor Emma Eric Farah "
    "Fatima Frances Gareth Gary Gemma Geoffrey Graham Hannah Harriet Hassan Helen Ian Imran Irene Jack Jacqueline "
    "James Jane Janet Jason Jennifer Joanne John Jonathan Joseph Julia Karen Kate Keith Kevin Kirsty Lauren Lee "
    "Leon Lesley Linda Lisa Louise Lucy Malcolm Marcus Margaret Mark Martin Michelle Mohammed Nadia Natalie Neil "
    "Nicola Nigel Olivia Owen Patricia Paul Philip Priya Rachel Rajesh Rebecca Richard Robert Rosemary Ruth Samina "
    "Sandra Sarah Shabana Sharon Sian Sophie Stephen Stuart Susan Tariq Teresa Thomas Timothy Tom Usha Valerie "
    "Victoria Wendy William Yasmin Zoe").split()
SURNAMES = (
    "Adams Ahmed Akhtar Allen Anderson Appleby Armstrong Ashworth Atkinson Bailey Baker Banerjee Barker Barton "
    "Begum Bennett Bhatti Blackwood Bradley Brennan Brooks Burgess Butler Campbell Carter Chapman Chaudhry Clarke "
    "Coleman Collins Cooper Cowley Crawford Cunningham Dalton Davies Dawson Dixon Doherty Donnelly Duffy Edwards "
    "Ellis Evans Farrell Fenwick Fletcher Foster Fraser Gallagher Gibson Goddard Gordon Graham Grant Griffiths "
    "Hall Hamilton Harper Harrison Hartley Hayes Henderson Holmes Hopkins Houghton Howard Hughes Hussain Iqbal "
    "Jackson Jenkins Johnston Kaur Kavanagh Kennedy Kershaw Lawrence Lloyd Lowe Macdonald Malik Marshall Mason "
    "Matthews McCarthy McKenzie Mitchell Moore Morgan Morris Murphy Nash Nolan Norton Obi Okafor Oliver Osei "
    "Owens Palmer Parker Patel Pearson Pemberton Phillips Porter Pritchard Quinn Rahman Rashid Reynolds Richards "
    "Riley Robertson Rogers Rowe Russell Saunders Shah Sharma Shaw Simpson Singh Slater Stevens Stewart Sullivan "
    "Sutherland Taylor Thornton Townsend Turner Vaughan Wade Walsh Ward Watkins Webb Wheeler Whitfield Wilkinson "
    "Woodward Wright Yates Young").split()
TOPICS = ("Serious Violence", "Domestic Abuse", "Anti-Social Behaviour", "Hate Crime", "Prevent", "Youth Justice",
          "Knife Crime", "Modern Slavery", "Road Safety", "Drugs and Alcohol", "Fire Safety", "Community Cohesion",
          "CCTV", "Reducing Reoffending", "Violence Against Women and Girls", "Safer Neighbourhoods",
          "Exploitation", "Burglary Reduction", "Night-Time Economy", "Rough Sleeping")
ITEM_KINDS = ("Update", "Performance Report", "Annual Report", "Briefing", "Review", "Progress Report",
              "Needs Assessment", "Delivery Update")
# Headings the extractor relies on (attendance, apologies, minutes): kept as written.
KEEP_TITLE = re.compile(r"minutes|apolog|declaration|any other business|date of next|welcome|introduction|"
                        r"matters arising|forward (?:work|plan)|work programme|emerging issues", re.I)
HOME = "Barnet"     # the samples' borough, re-drawn per synthetic council
MEETINGS_PER_COUNCIL = 120
YEARS_PER_TERM = 3  # people keep their seats this long, then are re-drawn
START = date(2004, 1, 5)


@dataclass
class Template:
    """One sample document and what gets re-drawn in it."""

    name: str
    text: str
    date: date | None
    people: list[tuple[str, list[str]]] = field(default_factory=list)   # (name, other written forms)
    titles: list[str] = field(default_factory=list)


def templates(folder: Path = EXAMPLES) -> list[Template]:
    """The sample minutes, with their people and item titles as the extractor finds them."""
    from loaders.extract import extract

    out = []
    for path in sorted(folder.glob("*.txt")):
        doc: Document = load(path)
        graph = extract(doc)
        meeting = next(graph.of_label(Label.MEETING))
        when = date.fromisoformat(meeting.date) if getattr(meeting, "date", None) else None
        people = [(n.name, list(getattr(n, "aliases", []))) for n in graph.of_label(Label.PERSON)]
        titles = [t for t in (getattr(n, "title", "") for n in graph.of_label(Label.AGENDA_ITEM))
                  if t and not KEEP_TITLE.search(t)]
        # The raw file, not the normalised text: the generated files go through the loader again.
        out.append(Template(path.name, path.read_text(encoding="utf-8"), when, people, titles))
    return out


def _cased(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old.islower():
        return new.lower()
    return new


def _swap(text: str, mapping: dict[str, str]) -> str:
    """Whole-word replacement of every key at once (longest first), keeping each match's case."""
    if not mapping:
        return text
    folded = {k.casefold(): v for k, v in mapping.items()}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
                         + r")(?![\w-])", re.I)
    return pattern.sub(lambda m: _cased(folded[m.group(0).casefold()], m.group(0)), text)


def _person(seed: int, council: int, name: str, term: int) -> tuple[str, str]:
    # A str seed hashes the same in every run: the same seat is the same person all term.
    rnd = random.Random(f"{seed}:{council}:{name.casefold()}:{term}")
    return rnd.choice(FIRST_NAMES), rnd.choice(SURNAMES)


def _people_map(t: Template, seed: int, council: int, term: int) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for name, forms in t.people:
        words = name.split()
        first, last = _person(seed, council, name, term)
        if len(words) >= 2:
            mapping[name] = f"{first} {last}"
            mapping.setdefault(words[0] + " " + words[-1], f"{first} {last}")
        for form in [name, *forms]:
            surname = form.split()[-1]
            if len(surname) > 2 and surname[0].isupper():
                mapping.setdefault(surname, last)
    return mapping


def _shift_dates(text: str, delta: timedelta) -> str:
    """Every date moved by `delta`, written as it was (day suffix, month spelling, case)."""
    out, last = [], 0
    for found in find_dates(text):
        old = text[found.start:found.end]
        new = found.value + delta
        out.append(text[last:found.start])
        out.append(_render(old, new))
        last = found.end
    out.append(text[last:])
    return "".join(out)


_MONTH_NAMES = [calendar.month_name[i] for i in range(1, 13)]


def _render(old: str, new: date) -> str:
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", old):
        return f"{new.day:02d}/{new.month:02d}/{new.year}" if old[1] != "/" else f"{new.day}/{new.month}/{new.year}"

    def day(m: re.Match[str]) -> str:
        suffix = m.group(2)
        if suffix:
            ending = "th" if 11 <= new.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(new.day % 10, "th")
            suffix = ending.upper() if suffix.isupper() else ending
        return f"{new.day}{suffix or ''}"

    def month(m: re.Match[str]) -> str:
        word = m.group(0)
        full = _MONTH_NAMES[new.month - 1]
        return _cased(full[:len(word)] if len(word) <= 4 and word.lower() not in ("june", "july") else full, word)

    text = re.sub(r"\b\d{4}\b", str(new.year), old)
    text = re.sub(r"\b(\d{1,2})(st|nd|rd|th|ST|ND|RD|TH)?\b(?!\d)", day, text, count=1)
    return re.sub(r"[A-Za-z]{3,}", lambda m: month(m) if m.group(0).lower().rstrip(".") in MONTHS else m.group(0),
                  text)


def _titles_map(t: Template, rnd: random.Random) -> dict[str, str]:
    mapping = {}
    for title in t.titles:
        mapping[title] = _cased(f"{rnd.choice(TOPICS)} {rnd.choice(ITEM_KINDS)}", title)
    return mapping


def boroughs() -> list[str]:
    from loaders.organisations import load_gazetteer

    # One-word places only: the borough also appears in e-mail domains and "LB<x>" forms.
    return sorted(p.title() for p in load_gazetteer().boroughs if " " not in p)


def meeting(t: Template, index: int, seed: int, places: list[str], rnd: random.Random) -> tuple[str, date]:
    """The text of synthetic meeting `index`, made from template `t`, and its date."""
    council = index % max(1, len(places))
    nth = index // max(1, len(places))
    when = START + timedelta(days=nth * 61 + rnd.randrange(-10, 11))
    term = (when.year - START.year) // YEARS_PER_TERM
    text = t.text
    # Names before dates and titles: titles are drawn afresh and must not be renamed.
    text = _swap(text, _people_map(t, seed, council, term))
    text = _swap(text, _titles_map(t, rnd))
    anchor = t.date or next((f.value for f in find_dates(t.text)), None)
    if anchor is not None:
        text = _shift_dates(text, when - anchor)
    place = places[council]
    if place != HOME:
        text = _swap(text, {HOME: place})
    if t.date is None:
        # ModernGov pages carry their date in the title bar, not the text: a scraper gives it
        # as front matter, as the README describes.
        text = f"---\ndate: {when.isoformat()}\n---\n{text}"
    return text, when


def generate(meetings: int, out: Path, seed: int = 1) -> list[Path]:
    """Write `meetings` synthetic minutes into `out` (one council per MEETINGS_PER_COUNCIL meetings)."""
    out.mkdir(parents=True, exist_ok=True)
    found = templates()
    all_places = boroughs()
    councils = max(1, round(meetings / MEETINGS_PER_COUNCIL))
    rnd = random.Random(seed)
    places = [all_places[(i * 7) % len(all_places)] for i in range(councils)]
    places[0] = HOME
    paths = []
    for index in range(meetings):
        t = found[index % len(found)]
        text, when = meeting(t, index, seed, places, rnd)
        path = out / f"{when.isoformat()}_{index:06d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("meetings", type=int, help="number of meetings to write")
    parser.add_argument("out", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = generate(args.meetings, args.out, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} meetings, {size / 1e6:.1f} MB, into {args.out}")


if __name__ == "__main__":
    main()
