"""Static picture: attendance by organisation per year, as a PNG heat map beside the network page."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from graph.model import represented
from viz.index import ModelIndex, Window, in_window

TOP = 25          # rows shown; the rest are summed into one "Other organisations" row
UNDATED = "n.d."


@dataclass(frozen=True)
class Attendance:
    organisations: list[str]      # row labels, busiest first
    years: list[str]              # column labels, with "n.d." last when some meetings have no year
    counts: list[list[int]]       # meetings the organisation was represented at, per row and column

    @property
    def empty(self) -> bool:
        return not self.organisations


def attendance_table(index: ModelIndex, window: Window = None) -> Attendance:
    """How many meetings each organisation was represented at, per year.

    The same rule and the same year as the `organisations-by-year` recipe: represented means someone
    who attended is named with the organisation in the same minutes (graph.model.represented), and a
    meeting's year is its date's, else the year its minutes imply (Meeting.year).
    """
    cells: Counter[tuple[str, str]] = Counter()
    for meeting, organisations in represented(index.graph).items():
        year = index.meeting_year(meeting)
        if not in_window(year, window):
            continue
        for org_id in organisations:
            cells[(index.org_name(org_id), UNDATED if year is None else str(year))] += 1
    totals: Counter[str] = Counter()
    for (org, _), count in cells.items():
        totals[org] += count
    ranked = sorted(totals, key=lambda o: (-totals[o], o))
    rows = ranked[:TOP]
    years = sorted({y for _, y in cells if y != UNDATED})
    if any(y == UNDATED for _, y in cells):
        years.append(UNDATED)
    counts = [[cells[(org, y)] for y in years] for org in rows]
    if len(ranked) > TOP:
        rest = ranked[TOP:]
        rows.append(f"Other organisations ({len(rest)})")
        counts.append([sum(cells[(org, y)] for org in rest) for y in years])
    return Attendance(rows, years, counts)


def write_heatmap(table: Attendance, path: Path, title: str = "Meetings represented at") -> Path | None:
    """Write the PNG; None when no organisation is known to have been represented."""
    if table.empty:
        return None
    import matplotlib

    matplotlib.use("Agg")   # no display here or on a server; Agg writes files only
    import matplotlib.pyplot as plt

    rows, cols = len(table.organisations), len(table.years)
    fig, ax = plt.subplots(figsize=(max(5.0, 2.8 + 0.7 * cols), max(2.6, 1.2 + 0.36 * rows)), dpi=110)
    image = ax.imshow(table.counts, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(cols), table.years)
    ax.set_yticks(range(rows), [_short(o) for o in table.organisations])
    ax.tick_params(length=0)
    peak = max(max(r) for r in table.counts) or 1
    for r, row in enumerate(table.counts):
        for c, value in enumerate(row):
            if value:
                ax.text(c, r, str(value), ha="center", va="center", fontsize=8,
                        color="white" if value > peak * 0.6 else "#1a1a1a")
    ax.set_title(title, fontsize=11, loc="left")
    ax.set_xlabel("meetings represented at, per year (n.d.: meeting undated)", fontsize=8)
    from matplotlib.ticker import MaxNLocator

    fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02, ticks=MaxNLocator(integer=True))   # counts: whole numbers
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


def _short(name: str, limit: int = 42) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"
