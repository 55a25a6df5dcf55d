"""Extraction stage: action logs printed as tables ('Action by / Action / Deadline' then a row per action),
wherever they stand: before the first item, or inside one."""
from __future__ import annotations

import re

from loaders.context import Context, all_lines, person_by_initials
from loaders.data_files import phrasings
from loaders.outcomes import owners_of, record_action
from loaders.people import BARE_INITIALS
from loaders.strategies import strategy_names, strategy_node
from loaders.structure import Line

# A row's cells: parted by bars, tabs, ' / ' or a wide gap, as a table flattened to text prints them.
_SEPARATORS = (re.compile(r"\s*\|\s*"), re.compile(r"\t+"), re.compile(r"\s+/\s+|\s+/$|^/\s+"),
               re.compile(r"\s{3,}"))


def _columns() -> dict[str, str]:
    """Folded heading -> the column it names ('task', 'owner', 'due')."""
    return {h.casefold(): column for column, heads in phrasings()["action_log_columns"].items() for h in heads}


_COLUMNS = _columns()


def _cells(text: str, separator: re.Pattern[str]) -> list[str]:
    return [c.strip(" *") for c in separator.split(text.strip().strip("|"))]


_TASK_WORDS = tuple({h.split()[0] for h, column in _COLUMNS.items() if column == "task"})


def _header(text: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """The separator and the task and owner columns' places, where the line is an action log's header."""
    folded = text.casefold()
    if not any(w in folded for w in _TASK_WORDS):
        return None       # a quick test: most lines name no task column
    for separator in _SEPARATORS:
        cells = _cells(text, separator)
        if len(cells) < 2:
            continue
        where = {}
        for k, cell in enumerate(cells):
            column = _COLUMNS.get(cell.casefold().rstrip(":"))
            if column is None and cell:
                break
            if column:
                where.setdefault(column, k)
        else:
            if "task" in where and "owner" in where:
                return separator, where
    return None


def read_action_logs(ctx: Context) -> None:
    lines = all_lines(ctx)
    k = 0
    while k < len(lines):
        line, item = lines[k]
        found = _header(line.text) if len(line.text) < 120 else None
        if found is None:
            k += 1
            continue
        separator, where = found
        k += 1
        while k < len(lines):
            row, row_item = lines[k]
            cells = _cells(row.text, separator)
            if not row.text.strip() or len(cells) <= max(where["task"], where["owner"]):
                break
            _read_row(ctx, row, row_item or item, cells[where["task"]], cells[where["owner"]])
            ctx.action_log_lines.add(row.no)   # its strategies are still read from the row's text
            k += 1


def _read_row(ctx: Context, row: Line, item, task: str, owner_text: str) -> None:
    task = task.strip(" .")
    if not task:
        return
    owners, _ = owners_of(ctx, owner_text, row.no)
    if not owners:
        # "JR", "CS & JR": initials the minutes never spell out still name the people an action is for.
        for chunk in re.split(r"\s*(?:/|,|&|\band\b)\s*", owner_text):
            record = person_by_initials(ctx, chunk, row.no) if BARE_INITIALS.fullmatch(chunk) else None
            if record is not None:
                owners.append(record)
    node = ctx.item_nodes.get(id(item)) if item is not None else None
    record_action(ctx, node, task, owners, row.text.strip(), row.text.strip())
    if node is None:
        # A log before the first item: its rows' strategies are the document's, though no item holds them.
        for name, kind in strategy_names(task):
            strategy_node(ctx, name, kind)
