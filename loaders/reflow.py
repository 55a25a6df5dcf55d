"""Before reading: paragraphs that a PDF-to-text step ran into one long line are broken again before each
agenda item's number, and a table's cells that it wrapped onto two lines are joined again, so the layout
reader sees the items and rows it would have seen on the page."""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.data_files import phrasings

_LONG = 400        # a line this long that holds several numbered items was a page, not a paragraph
# "1. Apologies", "35.12/13 APOLOGIES FOR ABSENCE": an item's number (with a municipal year) before a capital.
_MARKER = re.compile(r"(?:(?<=\s)|^)(?P<n>\d{1,3})(?:\.\d{2}/\d{2}|\.)\s+(?=[A-Z])")


def reflowed(text: str) -> str:
    if " |\n" in text:
        text = _joined_cells(text)
    if ":" in text:
        text = _labels_on_lines(text)
    lines = text.split("\n")
    if all(len(line) <= _LONG for line in lines):
        return text
    return "\n".join(_reflow_line(line) if len(line) > _LONG else line for line in lines)


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(" ".join(f.casefold().split()) for k in ("attendance_headings", "chair_lines")
                     for f in phrasings()[k]) | {"apologies", "apology", "apologies for absence"}


# A capitalised label and its colon after a sentence's end; whether it is a list's label is looked up.
_LABEL_CANDIDATE = re.compile(r"[.;][ \t]+(?=([A-Z][A-Za-z]*(?:[ \t]+[A-Za-z]+){0,4})[ \t]*:)")


def _labels_on_lines(text: str) -> str:
    """'... Trust. ATTENDING: Gwen Bell ... APOLOGIES: ... CHAIR: Cllr Ann Hale, Shire Council.': each label
    after a sentence's end starts a line of its own, as it would under its own heading."""
    labels = _labels()
    return _LABEL_CANDIDATE.sub(lambda m: m.group(0)[0] + "\n" if " ".join(m.group(1).casefold().split()) in labels
                                else m.group(0), text)


def _joined_cells(text: str) -> str:
    """A table printed one cell a line, each ended by '|' ('Gwent Association of' / 'Voluntary Organisations
    |'): in a block of such lines, a line with no '|' is the start of a cell that goes on below."""
    out: list[str] = []
    block: list[str] = []
    for line in text.split("\n") + [""]:
        if line.strip():
            block.append(line)
            continue
        ended = sum(1 for l in block if l.rstrip().endswith("|"))
        if ended >= 4 and ended >= 0.6 * len(block):
            # Lines before the table's first cell are the page's heading, not a cell.
            first = next(k for k, l in enumerate(block) if l.rstrip().endswith("|"))
            joined, pending = block[:first + 1], []
            for l in block[first + 1:]:
                if l.rstrip().endswith(":"):
                    joined.extend(pending + [l])     # a label ("In Attendance:") heads the rows below it
                    pending = []
                    continue
                pending.append(l.strip())
                if l.rstrip().endswith("|") or len(pending) > 3:
                    joined.append(" ".join(pending))
                    pending = []
            block = joined + pending
        out.extend(block)
        out.append(line)
        block = []
    return "\n".join(out[:-1])


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
