"""Before reading: paragraphs that a PDF-to-text step ran into one long line are broken again before each
agenda item's number, so the layout reader sees the items it would have seen on the page."""
from __future__ import annotations

import re

_LONG = 400        # a line this long that holds several numbered items was a page, not a paragraph
# "1. Apologies", "35.12/13 APOLOGIES FOR ABSENCE": an item's number (with a municipal year) before a capital.
_MARKER = re.compile(r"(?:(?<=\s)|^)(?P<n>\d{1,3})(?:\.\d{2}/\d{2}|\.)\s+(?=[A-Z])")


def reflowed(text: str) -> str:
    lines = text.split("\n")
    if all(len(line) <= _LONG for line in lines):
        return text
    return "\n".join(_reflow_line(line) if len(line) > _LONG else line for line in lines)


def _reflow_line(line: str) -> str:
    chain = _longest_run([(int(m.group("n")), m.start()) for m in _MARKER.finditer(line)])
    if len(chain) < 2:
        return line
    out, last = [], 0
    for start in chain:
        out.append(line[last:start].rstrip())
        last = start
    out.append(line[last:])
    return "\n\n".join(part for part in out if part.strip())


def _longest_run(markers: list[tuple[int, int]]) -> list[int]:
    """The positions of the longest run of markers numbered one after another (n, n+1, ...) in reading
    order: numbers in the prose ('by 3. July') do not continue a run."""
    best: list[int] = []
    runs: dict[int, list[int]] = {}       # the number a run expects next -> its positions
    for n, pos in markers:
        run = runs.pop(n, [])
        run = run + [pos]
        if len(run) > len(runs.get(n + 1, [])):
            runs[n + 1] = run
        if len(run) > len(best):
            best = run
    return best
