"""Every reading stage grows linearly with its input: each input timed at n and at 4n.

A linear stage takes about 4 times as long on 4 times the input, a quadratic one 16 times; the
bound of 8 leaves room for timing noise while failing any quadratic step. Times are this process's
CPU time (other processes on a shared machine do not count), the best of a few runs, after a
warm-up run so that imports and caches are not timed. The inputs are the ones that once stalled a
load (issue 14): deep nesting, a long run of spaces, one line of many capitalised words, a list of
thousands of people in one sentence; and ordinary minutes made longer, through every format's
reader, extraction and resolution across documents.
"""
from __future__ import annotations

import pickle
import time
from pathlib import Path
from typing import Callable

import pytest

from loaders.extract import extract
from loaders.formats import load
from loaders.resolve import resolve
from test_formats import handmade_pdf

GROWTH = 4
BOUND = 8.0
FIRST = ["John", "Mary", "Peter", "Susan", "David", "Helen", "James", "Sarah", "Paul", "Anne", "Mark", "Ruth"]
SURNAMES = ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Walker", "Wright",
            "Hughes", "Green", "Hall", "Wood", "Clarke", "Baker", "Turner", "Hill", "Moore", "Cooper"]
POSTS = ["Community Safety Manager", "Director of Public Health", "Chief Inspector", "Head of Service"]


def cpu_time(run: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def assert_linear(make: Callable[[int], Callable[[], object]], n: int) -> None:
    """Time make(n)() and make(4n)() (their inputs built beforehand) and bound the ratio.

    Each `n` is chosen so the smaller run takes a few hundredths of a second at least: shorter runs are
    mostly noise."""
    small, large = make(n), make(GROWTH * n)
    small()                                           # warm-up: imports, caches, compiled patterns
    t_small, t_large = cpu_time(small), cpu_time(large)
    ratio = t_large / max(t_small, 1e-9)
    print(f"n={n}: {t_small:.3f}s, 4n: {t_large:.3f}s, ratio {ratio:.1f}")
    assert t_small >= 0.02, f"n={n} is too small to time ({t_small:.3f}s): raise it"
    assert ratio < BOUND, f"{GROWTH}x the input took {ratio:.1f}x the time ({t_small:.3f}s -> {t_large:.3f}s)"


def _person(i: int) -> str:
    """A distinct, ordinary-looking name for each i."""
    return (f"{FIRST[i % len(FIRST)]} {SURNAMES[(i // len(FIRST)) % len(SURNAMES)]}"
            f"{'' if i < len(FIRST) * len(SURNAMES) else chr(97 + i // 240 % 26) + chr(97 + i // 6240 % 26)}")


def minutes(items: int, people: int = 12) -> str:
    """Ordinary minutes: a list of those present, then numbered items in which people present and speak."""
    lines = ["Safer Communities Partnership Board", "Minutes of the meeting held on 17 March 2023", "",
             "Present:"]
    lines += [f"{_person(i)}, {POSTS[i % len(POSTS)]}" for i in range(people)]
    lines += ["", "Apologies: " + ", ".join(_person(people + i) for i in range(3)), ""]
    for k in range(1, items + 1):
        a, b = _person(k % people), _person((k * 7 + 3) % people)
        lines += [f"{k}. Update on the Community Safety Plan part {k}", "",
                  f"{a}, {POSTS[k % len(POSTS)]}, presented the report on the Hate Crime Strategy. "
                  f"{b} asked about the figures for quarter {k % 4 + 1} and {a} responded that they would follow. "
                  "The Board noted the report.",
                  f"ACTION: {b} to circulate the figures to members.",
                  f"RESOLVED: That the Board approved the plan for year {k}.", ""]
    return "\n".join(lines) + "\n"


def _file(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _load_and_extract(path: Path) -> Callable[[], object]:
    return lambda: extract(load(path))


# ------------------------------------------------------------------ the inputs that stalled a load

def test_nested_html_reads_in_linear_time(tmp_path):
    def make(n: int):
        path = _file(tmp_path, f"nested{n}.html",
                     "<html><body>" + "<div>" * n + "Present: Ann Smith" + "</div>" * n + "</body></html>")
        return lambda: load(path)

    assert_linear(make, 10_000)


def test_a_long_run_of_spaces_reads_in_linear_time(tmp_path):
    def make(n: int):
        path = _file(tmp_path, f"spaces{n}.txt", "Minutes\nPresent: Ann Smith, Chair\n\n1. Item\n\nThe Board noted it."
                     + " " * n + "Then it agreed.\n" + "\t" * n + "\nMore text.\n")
        return _load_and_extract(path)

    assert_linear(make, 200_000)


def test_one_line_of_capitalised_words_reads_in_linear_time(tmp_path):
    vocab = ["Council", "Board", "Partnership", "Safer", "Community", "Health", "Group", "Borough", "Forum",
             "London", "Police", "Service", "Trust", "Strategy", "Plan", "John", "Smith", "Mary", "Jones"]

    def make(n: int):
        words = [vocab[(i * 7 + i // 19) % len(vocab)] for i in range(n)]
        path = _file(tmp_path, f"caps{n}.txt", "Minutes\n" + " ".join(words) + "\n")
        return _load_and_extract(path)

    assert_linear(make, 15_000)


def test_present_followed_by_thousands_of_people_reads_in_linear_time(tmp_path):
    def make(n: int):
        path = _file(tmp_path, f"present{n}.txt",
                     "Present: " + " and ".join(f"{_person(i)}, {POSTS[i % len(POSTS)]}" for i in range(n)) + "\n")
        return _load_and_extract(path)

    assert_linear(make, 600)


HTML_CASES = [
    "<html><body><div>a<p>b<br>c</p><!-- a comment --><![CDATA[raw]]>d</div><ul><li>e</li><li>f</li></ul></body></html>",
    "<div id='mgContent'><h2>Minutes</h2><table><tr><td>Ann Smith</td><td><table><tr><td>Chair</td></tr></table></td>"
    "</tr></table><template><p>not shown</p></template><pre>x\n y</pre><span>g</span>h</div>",
    "plain text with no tags<p>then a paragraph</p>",
    "<html><head><title>t</title></head><body><section><article><h1>A</h1>text<dd>B</dd></article></section>"
    "<script>var x = '<p>';</script><footer>F</footer></body></html>",
]


@pytest.mark.parametrize("html", HTML_CASES)
def test_block_text_gives_what_inserting_line_breaks_gave(tmp_path, html):
    """The one-walk reader against the insert_before / insert_after loop it replaced."""
    import re

    from bs4 import BeautifulSoup

    from loaders.formats import HtmlLoader, block_text

    def main_of(markup: str):
        soup = BeautifulSoup(markup, "html.parser")
        for tag in soup(["script", "style", "noscript", "nav", "head"]):
            tag.decompose()
        return soup, soup.find(id=re.compile("mgContent|content|main", re.I)) or soup.body or soup

    soup, main = main_of(html)
    for tag in main.find_all(HtmlLoader.BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    assert block_text(main_of(html)[1], HtmlLoader.BLOCKS) == main.get_text()


# ------------------------------------------------------------------ every reader, extraction, resolution

def test_text_reader_is_linear(tmp_path):
    def make(n: int):
        path = _file(tmp_path, f"minutes{n}.txt", minutes(n))
        return lambda: load(path)

    assert_linear(make, 5_000)


def test_markdown_reader_is_linear(tmp_path):
    def make(n: int):
        text = minutes(n).replace("\n1", "\n## 1").replace("Present:", "**Present:**")
        path = _file(tmp_path, f"minutes{n}.md", text)
        return lambda: load(path)

    assert_linear(make, 4_000)


def test_html_reader_is_linear(tmp_path):
    def make(n: int):
        rows = "".join(f"<tr><td>{_person(i)}</td><td>{POSTS[i % len(POSTS)]}</td></tr>" for i in range(n))
        paragraphs = "".join(f"<h3>{k}. Item {k}</h3><p>{_person(k)} presented the report.</p><ul><li>Noted</li></ul>"
                             for k in range(n))
        path = _file(tmp_path, f"minutes{n}.html", f"<html><body><div id='mgContent'><table>{rows}</table>"
                                                   f"{paragraphs}</div></body></html>")
        return lambda: load(path)

    assert_linear(make, 500)


def test_pdf_reader_is_linear(tmp_path):
    def make(n: int):
        lines = minutes(n).split("\n")
        pages = [lines[k:k + 50] for k in range(0, len(lines), 50)]
        path = _file(tmp_path, f"minutes{n}.pdf", handmade_pdf(pages))
        return lambda: load(path)

    assert_linear(make, 200)


def test_extraction_is_linear_in_the_length_of_the_minutes(tmp_path):
    def make(n: int):
        path = _file(tmp_path, f"long{n}.txt", minutes(n, people=max(12, n // 10)))
        doc = load(path)
        return lambda: extract(doc)

    assert_linear(make, 100)


SHAPES = {
    "a roster, one person a line": lambda n: "Minutes\nPresent:\n" + "\n".join(
        f"{_person(i)}, {POSTS[i % len(POSTS)]}" for i in range(n)) + "\n\n1. Item\n\nNoted.\n",
    "a roster as a table": lambda n: "Minutes\n" + "\n".join(
        f"| {_person(i)} | {POSTS[i % len(POSTS)]} | Present |" for i in range(n)) + "\n\n1. Item\n\nNoted.\n",
    "apologies from many people": lambda n: "Minutes\nPresent: Ann Smith, Chair\nApologies were received from "
        + ", ".join(_person(i) for i in range(n)) + ".\n\n1. Item\n\nNoted.\n",
    "one paragraph of many sentences": lambda n: "Minutes\nPresent: Ann Smith, Chair\n\n1. Item\n\n" + " ".join(
        f"{_person(i % 50)} asked about case {i}. The Board noted it." for i in range(n)) + "\n",
    "many actions": lambda n: "Minutes\nPresent: Ann Smith, Chair\n\n1. Item\n\n" + "\n".join(
        f"ACTION: {_person(i % 50)} to report on case {i}." for i in range(n)) + "\n",
    "many organisations named": lambda n: "Minutes\nPresent: Ann Smith, Chair\n\n1. Item\n\n" + " ".join(
        f"Barnet Council, Brent Council and Police Scotland met NHS Trust {i}." for i in range(n)) + "\n",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_extraction_is_linear_in_each_kind_of_list(tmp_path, shape):
    def make(n: int):
        doc = load(_file(tmp_path, f"shape{n}.txt", SHAPES[shape](n)))
        return lambda: extract(doc)

    assert_linear(make, 2000 if "table" in shape else 600)


def test_resolution_is_linear_in_the_number_of_documents(tmp_path):
    """Many meetings of one board, each with a few of a pool of people that grows with the archive."""
    def make(n: int):
        graphs = []
        for d in range(n):
            people = [(d * 3 + j) % (n // 2 + 12) for j in range(6)]
            text = (f"Partnership Board\nMinutes of the meeting held on {d % 28 + 1} March {2000 + d // 28 % 25}\n\n"
                    "Present:\n" + "\n".join(f"{_person(p)}, {POSTS[p % len(POSTS)]}" for p in people)
                    + f"\n\n1. Plans\n\n{_person(people[0])} presented the report. The Board noted it.\n")
            graphs.append(extract(load(_file(tmp_path, f"{n}-{d:05}.txt", text))))
        # Resolution rewrites the graphs it is given: a fresh copy for each run, made before the timing.
        packed = pickle.dumps(graphs)
        copies = [pickle.loads(packed) for _ in range(5)]
        return lambda: resolve(copies.pop())

    assert_linear(make, 150)
