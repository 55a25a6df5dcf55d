"""The Cypher recipe library: one `<name>.cypher` file per question, run by name with parameters."""
from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from graph.errors import BadParameter, RecipeNotFound

# Whole-number parameters fit in 32 bits: the embedded server keeps only the low 32 bits of a LIMIT
# (2**32 is read as 0 and answers no rows, silently), and no recipe needs more.
MAX_INTEGER = 2**31 - 1

HERE = Path(__file__).resolve().parent
TYPES = ("string", "integer", "year", "boolean")
_PARAM = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(([^)]*)\)\s*$")
_USED = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "string"
    required: bool = True
    default: Any = None

    def convert(self, raw: str) -> Any:
        """A command-line value as the declared type (years are integers, as recipes return them)."""
        value = raw.strip() if self.type != "string" else raw
        if self.type == "integer":
            if not re.fullmatch(r"-?\d+", value):
                raise BadParameter(f"{self.name} must be a whole number, not {raw!r}")
            if abs(int(value)) > MAX_INTEGER:
                raise BadParameter(f"{self.name} must be between {-MAX_INTEGER:,} and {MAX_INTEGER:,}, not {value}")
            return int(value)
        if self.type == "year":
            if not re.fullmatch(r"\d{4}", value):
                raise BadParameter(f"{self.name} must be a four-digit year, not {raw!r}")
            return int(value)
        if self.type == "boolean":
            if value.lower() not in ("true", "false", "yes", "no", "1", "0"):
                raise BadParameter(f"{self.name} must be true or false, not {raw!r}")
            return value.lower() in ("true", "yes", "1")
        return value


@dataclass(frozen=True)
class Recipe:
    name: str
    description: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    text: str

    @classmethod
    def from_file(cls, path: Path) -> Recipe:
        text = path.read_text(encoding="utf-8")
        header = [line[2:].strip() for line in text.splitlines() if line.startswith("//")]
        if not header:
            raise ValueError(f"{path.name}: no header comment")
        fields = {k.strip(): v.strip() for k, _, v in (h.partition(":") for h in header[1:]) if _}
        return cls(name=path.stem, description=header[0], params=_parse_header_params(path, fields.get("params", "")),
                   columns=tuple(c.strip() for c in fields.get("returns", "").split(",") if c.strip()),
                   text=text)

    def parse_params(self, pairs: Iterable[str]) -> dict[str, Any]:
        """`name=value` strings into typed values; unknown or missing names are an error."""
        known = {p.name: p for p in self.params}
        values: dict[str, Any] = {}
        for name, raw in parse_params(pairs).items():
            if name not in known:
                hint = f"; its parameters are {', '.join(known)}" if known else "; it takes no parameters"
                raise BadParameter(f"recipe {self.name!r} has no parameter {name!r}{hint}")
            values[name] = known[name].convert(raw)
        return self.complete(values)

    def complete(self, values: dict[str, Any]) -> dict[str, Any]:
        """Defaults filled in (optional ones as null, so recipes can say `$x IS NULL OR ...`)."""
        missing = [p.name for p in self.params if p.required and p.name not in values]
        if missing:
            raise BadParameter(f"recipe {self.name!r} needs {', '.join(missing)} "
                               f"(e.g. -p {missing[0]}=...)")
        return {p.name: values.get(p.name, p.default) for p in self.params}

    @property
    def uses_summaries(self) -> bool:
        """Whether it reads the summaries the store derives from the facts (graph/store/summaries.py)."""
        from graph.store.summaries import PREFIX

        return PREFIX in self.text

    def run(self, store: Any, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of the recipe on a store, always in a read-only transaction.

        Summaries it reads are brought up to date first: a write that was not followed by a
        refresh (a crash, or a caller of `store.write` alone) leaves them marked stale.
        """
        if self.uses_summaries:
            store.refresh_summaries()
        values = self.complete(dict(params or {}))
        for p in self.params:       # a year given as text by a caller of the library
            if p.type == "year" and isinstance(values.get(p.name), str):
                values[p.name] = p.convert(values[p.name])
        return [{k: whole(v) for k, v in row.items()} for row in store.run(self.text, values, read_only=True)]

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description, "columns": list(self.columns),
                "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default}
                           for p in self.params]}


def whole(value: Any) -> Any:
    """Whole numbers as integers: FalkorDB's sum() answers 2.0 where Neo4j answers 2."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [whole(v) for v in value]
    return value


def _parse_header_params(path: Path, spec: str) -> tuple[Param, ...]:
    if spec.strip() in ("", "-", "none"):
        return ()
    out = []
    # Split on commas outside parentheses: "role (string), organisation (string, optional)".
    for part in re.findall(r"[^,(]+\([^)]*\)", spec):
        match = _PARAM.match(part.strip(" ,"))
        if not match:
            raise ValueError(f"{path.name}: cannot read parameter {part!r}")
        name, options = match.group(1), [o.strip() for o in match.group(2).split(",")]
        kind = options[0] if options and options[0] in TYPES else "string"
        param = Param(name, kind)
        for option in options[1:]:
            if option == "optional":
                param = Param(name, kind, required=False)
            elif option.startswith("default"):
                param = Param(name, kind, required=False, default=param.convert(option[len("default"):].strip()))
        out.append(param)
    return tuple(out)


def list_recipes() -> list[Recipe]:
    return [Recipe.from_file(path) for path in sorted(HERE.glob("*.cypher"))]


def get_recipe(name: str) -> Recipe:
    path = HERE / f"{name}.cypher"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name) or not path.is_file():
        names = [p.stem for p in sorted(HERE.glob("*.cypher"))]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5) or \
            [n for n in names if name.lower() in n]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise RecipeNotFound(f"no recipe named {name!r}{hint}")
    return Recipe.from_file(path)


def used_params(text: str) -> set[str]:
    """The `$names` a Cypher text uses, ignoring comment lines."""
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return set(_USED.findall(code))


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """`name=value` strings into a dict of strings (the value may itself contain `=`)."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise BadParameter(f"parameters are NAME=VALUE, not {pair!r}")
        out[name] = value
    return out


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def format_rows(rows: list[dict[str, Any]], columns: Iterable[str], fmt: str = "table") -> str:
    """Rows as an aligned text table, a JSON list of objects, or CSV with a header."""
    columns = list(columns) or (list(rows[0]) if rows else [])
    if fmt == "json":
        return json.dumps([{c: row.get(c) for c in columns} for row in rows], indent=1, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(row.get(c)) for c in columns] for row in rows)
        return buffer.getvalue()
    if fmt != "table":
        raise BadParameter(f"unknown format {fmt!r}: use table, json or csv")
    if not rows:
        return "(no rows)\n"
    cells = [[" ".join(_cell(row.get(c)).split()) for c in columns] for row in rows]
    widths = [min(60, max(len(c), *(len(r[i]) for r in cells))) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return "  ".join(_clip(v, w).ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    return "\n".join(out) + "\n"


def _clip(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"
