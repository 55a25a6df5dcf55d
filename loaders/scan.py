"""Fast scanning shared by the extraction stages: caseless views for keyword pre-checks, literal alternations."""
from __future__ import annotations

import re
from collections.abc import Iterator


# How far before or after a name extraction reads the words that say what the person does there: far
# longer than any such phrase ("presented the report on behalf of the Director of ..."), and a bound, so a
# sentence that names thousands of people costs thousands of short reads, not reads of the whole sentence.
NEAR = 400


def caseless(text: str) -> str:
    """The text as a case-insensitive pattern sees it, for cheap `in` checks before a costly regex:
    casefolded, with 'İ' and the dotless 'ı' made 'i' first because re.IGNORECASE lets 'i' match them."""
    return text.replace("İ", "i").replace("ı", "i").casefold()


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text contains one of these lower-case words, in any case: a pattern that needs one of
    them literally cannot match a text that has none. Far cheaper than the pattern itself."""
    return contains_any(caseless(text), words)


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text contains one of the words as written (has_any for a text already made caseless,
    when several checks share it)."""
    for word in words:
        if word in text:
            return True
    return False


def ascii_caseless(text: str) -> str:
    """The text lower-cased character for character (same length, so match positions carry over).

    A case-sensitive pattern whose letters are lower-case ASCII matches this view exactly where the
    same pattern with re.IGNORECASE matches the text, and twice as fast: 'İ', 'ı' and 'ſ', which
    IGNORECASE equates with 'i' and 's', are made those letters first.
    """
    return text.replace("İ", "i").replace("ı", "i").replace("ſ", "s").lower()


def has_word(text: str, word: str) -> bool:
    """Whether the word (starting and ending with a word character) stands whole in the text, as
    re.search(rf"\\b{word}\\b", text) finds it; a literal search is far quicker than a pattern that
    starts with \\b, which the regex engine tries at every position."""
    return next(_whole_words(text, word), None) is not None


def count_word(text: str, word: str) -> int:
    """How often the word stands whole in the text: len(re.findall(rf"\\b{word}\\b", text)), quickly."""
    return sum(1 for _ in _whole_words(text, word))


def _whole_words(text: str, word: str) -> Iterator[int]:
    """Where the word stands whole, left to right and not overlapping, as re.finditer would find it."""
    if not (word and _is_word_char(word[0]) and _is_word_char(word[-1])):
        yield from (m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text))
        return
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
            yield at
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"         # what \\w matches


def literal_alternation(forms: list[str] | set[str]) -> str:
    """A regex matching any of the literal forms, the longest first, written as a trie.

    Same matches as "|".join(forms sorted longest first), but the regex engine follows one path of
    characters instead of trying every form at every position (a plain alternation of 150 names was
    five times slower). Forms must differ in their characters, not only in case, when the pattern is
    compiled case-insensitive.
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}          # a form ends here
    return _branches(trie)


def _branches(node: dict) -> str:
    branches = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:             # a shorter form ends here: the longer ones are tried first (greedy '?')
        body = f"(?:{body})?"
    return body


def finditer_near(pattern: re.Pattern[str], anchor: re.Pattern[str], run: re.Pattern[str],
                  text: str) -> Iterator[re.Match[str]]:
    """The matches of pattern.finditer(text), found by searching only around each match of `anchor`.

    For a pattern whose every (non-empty) match contains an anchor ("Council") and is made only of
    characters that `run` (a character class with '*', which the anchors are made of too) matches: such
    a match lies within the run of those characters around its first anchor, so only that run (and the
    character after it, for a closing \\b) is searched. Scanning a whole text at every position cost
    more than all the matching.
    """
    backwards = text[::-1]
    pos = 0
    run_start = run_end = -1
    while (found := anchor.search(text, pos)) is not None:
        at = found.start()
        if not run_start <= at < run_end - 1:
            # Measured once per run, not once per anchor: anchors all through one long run (a line
            # of capitalised words) each measured the whole run again.
            run_start = at - (run.match(backwards, len(text) - at).end() - (len(text) - at))
            run_end = run.match(text, at).end() + 1
        m = pattern.search(text, max(pos, run_start), run_end)
        if m is None:
            pos = run_end
            continue
        yield m
        pos = m.end()
