"""The fast paths of extraction find exactly what the plain patterns they replace find.

Each test sets a quick route (a pre-check, a trie, a search near an anchor, an index) against the
slow, obvious one on realistic text and on random text built from the characters that matter.
"""
from __future__ import annotations

import random
import re
import time

import pytest
from rapidfuzz.distance import Levenshtein

from loaders.dates import DATE_RE, _date_matches
from loaders.mentions import _COUNCIL, _COUNCIL_ANCHOR, _DEFINITION, _definitions
from loaders.names import NAME_WORD, NameParts, fold
from loaders.organisations import LETTERS_AND_SPACES, ORG_PHRASE_RE
from loaders.outcomes import _NAME_TO_DO
from loaders.people import SAME_DOCUMENT_SLIP, PeopleIndex, similar_surname
from loaders.scan import ascii_caseless, caseless, count_word, finditer_near, has_any, has_word, literal_alternation
from loaders.strategies import STRATEGY_RE

SENTENCES = [
    "Barnet Safer Neighbourhood Board (SNB) met at Hendon Town Hall on 23rd of July, 2021.",
    "The London Borough of Barnet and Enfield Council agreed; LBB and the Council will report.",
    "Mr Victoria McKenzie, Reducing Offending Partnership Lead, LBB presented his slides.",
    "Ms O'Neil-Smith (Metropolitan Police Service) noted the Violence Reduction Unit Strategy 2021-24.",
    "Apologies: Dr Zoë Ó Súilleabháin, NHS North Central London CCG; İnspector Kılıç, ſeptember 3, 2020.",
    "Action: Peter Clifton to circulate the Community Safety Plan 12/05/2020 to partners.",
]


def fuzz(alphabet: list[str], n: int, seed: int, longest: int = 12) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, longest))) for _ in range(n)]


def spans(matches) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in matches]


# -- keyword pre-checks and the caseless view

@pytest.mark.parametrize("word", ["action", "minutes", "resolved", "question", "kind"])
def test_has_any_agrees_with_a_case_insensitive_search(word):
    texts = SENTENCES + fuzz(list("ACTIONSactionsKkİıſ minute") + ["İ", "ı", "ſ", "K"], 3000, seed=1)
    for text in texts:
        if re.search(word, text, re.I):
            assert has_any(text, (word,)), text
    assert caseless("İnspector Kılıç") == "inspector kiliç"


def test_ascii_caseless_keeps_positions_and_matches_as_ignorecase():
    pattern = "london borough of barnet|kingston|st mungo's|metropolitan police"
    texts = SENTENCES + fuzz(["London", "LONDON", " ", "Borough", "of", "Barnet", "Kıngston", "KINGSTON", "ſt",
                              "St", "Mungo's", "İ", "-", "x"], 3000, seed=2)
    for text in texts:
        view = ascii_caseless(text)
        assert len(view) == len(text)
        assert [m.span() for m in re.finditer(pattern, text, re.I)] == [m.span() for m in re.finditer(pattern, view)]


def test_whole_words_are_found_as_with_word_boundaries():
    texts = SENTENCES + fuzz(["SNB", "SNBs", "_", "é", "1", " ", "-", "x", "(SNB)", "kingston", " upon", " thames",
                              "aa", "a"], 5000, seed=3)
    for text in texts:
        for word in ("SNB", "LBB", "kingston upon thames", "aa", "a a", "-x"):
            found = re.findall(rf"\b{re.escape(word)}\b", text)
            assert has_word(text, word) == bool(found), (text, word)
            assert count_word(text, word) == len(found), (text, word)


# -- tries

FORMS = ["Chief Superintendent", "Chief Insp", "Chief Insp.", "Chief Inspector", "Insp", "Insp.", "Inspector",
         "Sept", "Sep", "September", "Service", "Services", "DC", "DCI", "DCS", "D"]


@pytest.mark.parametrize("flags", [0, re.I])
def test_a_trie_matches_as_the_alternation_longest_first(flags):
    forms = FORMS if not flags else sorted({f.lower() for f in FORMS})
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
                       + r")(?![\w-])\.?", flags)
    trie = re.compile(rf"(?<![\w-])(?:{literal_alternation(forms)})(?![\w-])\.?", flags)
    texts = SENTENCES + fuzz(FORMS + [" ", ".", "-", "x", "s", "or"], 5000, seed=4)
    for text in texts:
        assert spans(plain.finditer(text)) == spans(trie.finditer(text)), text


# -- searching near an anchor, or back from a year or a bracket

def test_finditer_near_finds_what_finditer_finds():
    texts = SENTENCES + fuzz(["London", "Borough", "of", "Barnet", "and", "upon", "Council", "Councillor", "the", "LB",
                              "LBB", "Royal", "Kingston", "Thames", " ", " ", ",", ".", "\n", "2"], 5000, seed=5)
    for text in texts:
        assert spans(_COUNCIL.finditer(text)) == spans(finditer_near(_COUNCIL, _COUNCIL_ANCHOR, LETTERS_AND_SPACES,
                                                                     text)), text


def test_dates_are_found_back_from_their_years():
    texts = SENTENCES + fuzz(["23", "1st", "of", "July", "Sept.", "ſeptember", "2021", "12345", "/", "12/05/2021",
                              " ", "  ", "\n", ",", ".", "x", "May"], 5000, seed=6, longest=16)
    for text in texts:
        assert spans(DATE_RE.finditer(text)) == spans(_date_matches(text)), text


def test_acronym_definitions_are_found_back_from_their_brackets():
    texts = SENTENCES + fuzz(["Safer", "Neighbourhood", "Board", "and", "of", "&", " ", "(SNB)", "(AB)", "(", ")",
                              ",", "x", "O’Neil", "\n"], 5000, seed=7, longest=16)
    for text in texts:
        assert spans(_DEFINITION.finditer(text)) == spans(_definitions(text)), text


# -- patterns that match a word whole

@pytest.mark.parametrize("pattern", [ORG_PHRASE_RE, STRATEGY_RE], ids=["organisations", "strategies"])
def test_atomic_words_change_no_match(pattern):
    """A capitalised word is matched whole ("(?>...)", "*+"): the same matches as letting it shrink."""
    shrinking = re.compile(pattern.pattern.replace("(?>", "(?:").replace("*+", "*"))
    assert shrinking.pattern != pattern.pattern
    texts = SENTENCES + fuzz(["Barnet", "Safer", "Board", "Plan", "Strategy", "Partners’", "AB", "A", "O'Neil",
                              "Police", "and", "of", "the", " ", " ", ",", "2021", "2021/22", "-", "x", "project"],
                             5000, seed=8, longest=14)
    for text in texts:
        assert spans(shrinking.finditer(text)) == spans(pattern.finditer(text)), text


def test_a_name_word_matches_one_way_only():
    """The name pattern matches what the obvious one does, but a failing list of names fails fast."""
    up, lo = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿā-ž"
    # An apostrophe inside a name has a capital or two letters after it: "O'Dwyer", "D'arcy", not "Hale’s".
    rest = rf"[{lo}]*(?:[’'][{up}]|[’'][{lo}]|[{up}])?[{lo}]+"
    obvious = re.compile(rf"(?:[{up}]{rest}(?:-[{up}]{rest})?|[{up}][’'-][{up}][{lo}]+)")
    one_way = re.compile(NAME_WORD)
    for word in fuzz(list("AbcMcÉéO'’-Kk"), 20000, seed=9, longest=10):
        assert bool(obvious.fullmatch(word)) == bool(one_way.fullmatch(word)), word
        first, second = obvious.match(word), one_way.match(word)
        assert (first and first.span()) == (second and second.span()), word
    start = time.process_time()
    _NAME_TO_DO.match("Cllr Abcdefghijkl Mnopqrstuvwx and Yzabcdefghij Klmnopqrstuv, Wxyzabcdefgh Ijklmnopqrst, "
                      "LBB noted.")          # 18 s with the obvious pattern
    assert time.process_time() - start < 1


# -- people: the index against a lookup record by record

class RecordByRecord(PeopleIndex):
    """The lookup as first written: every record's name and forms folded again for each mention."""

    def _find(self, parts: NameParts):
        key = fold(parts.name)
        for r in self.records:
            if fold(r.name) == key or key in (fold(f) for f in r.forms):
                return r
        if parts.is_full:
            first = fold(parts.words[0])
            for r in self.records:
                if r.first and fold(r.surname) == fold(parts.surname) and len(first) >= 5 \
                        and Levenshtein.distance(fold(r.first), first) == 1 and len(r.name.split()) == len(parts.words):
                    return r
                if r.first and fold(r.first) == first and similar_surname(r.surname, parts.surname, SAME_DOCUMENT_SLIP) \
                        and len(r.name.split()) == len(parts.words):
                    return r
            lone = [r for r in self.records if r.first is None and similar_surname(r.surname, parts.surname)]
            if len(lone) == 1 and not any(r.first and similar_surname(r.surname, parts.surname) for r in self.records):
                return lone[0]
            return None
        candidates = [r for r in self.records if similar_surname(r.surname, parts.surname)]
        exact = [r for r in candidates if fold(r.surname) == fold(parts.surname)]
        pool = exact or candidates
        return max(pool, key=lambda r: r.last_pos) if pool else None


def test_the_people_index_resolves_mentions_as_a_record_by_record_lookup():
    firsts = ["Tina", "Cesar", "Cezar", "Matt", "Ben", "Richard", "Kiran", "Muneeb"]
    surnames = ["McElligott", "McElligot", "Tan", "Leng", "Norfolk", "Vagarwal", "Vargwarl", "Ishtiaq", "Knights"]
    titles = ["", "Ms", "Mr", "Cllr", "Inspector", "Dr"]
    for seed in range(60):
        rnd = random.Random(seed)
        mentions = []
        for _ in range(rnd.randint(5, 40)):
            words = [rnd.choice(surnames)]
            if rnd.random() < 0.6:
                words = [rnd.choice(firsts)] + ([rnd.choice(firsts)] if rnd.random() < 0.1 else []) + words
            mentions.append(NameParts(rnd.choice(titles), " ".join(words)))
        fast, slow = PeopleIndex(), RecordByRecord()
        for pos, parts in enumerate(mentions):
            a, b = fast.mention(parts, pos), slow.mention(parts, pos)
            assert fast.records.index(a) == slow.records.index(b), (seed, parts)
        fast.merge_lone_surnames()
        slow.merge_lone_surnames()
        assert [(r.name, r.forms) for r in fast.records] == [(r.name, r.forms) for r in slow.records]
        for parts in mentions:      # after merging, the index is rebuilt from the records that remain
            a, b = fast._find(parts), slow._find(parts)
            assert (a and fast.records.index(a)) == (b and slow.records.index(b)), (seed, parts)
