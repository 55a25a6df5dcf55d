"""Extraction stage: strategies and programmes named in agenda items and decisions."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import yaml

from graph import ids
from graph.model import AgendaItem, Rel, Strategy
from loaders.context import Context, Sentence, heading_line, titlecase_line
from loaders.names import NOT_NAME_WORDS
from loaders.scan import has_any, literal_alternation
from loaders.structure import Item

STRATEGY_KINDS = {
    "strategy": "strategy", "strategies": "strategy", "plan": "plan", "programme": "programme",
    "program": "programme", "project": "project", "scheme": "scheme", "campaign": "campaign",
    "assessment": "assessment", "framework": "framework", "fund": "fund", "charter": "charter",
    "initiative": "programme", "partnership": None, "operation": "operation", "pilot": "project",
    "plans": "plan", "programmes": "programme", "projects": "project", "schemes": "scheme",
    "campaigns": "campaign", "week": "campaign", "initiatives": "programme", "declaration": "charter",
    "vision": "strategy", "pathway": "programme", "covenant": "charter",
}
_KIND_ALT = ("Strategy|Strategies|Plans?|Programmes?|Program|Projects?|Schemes?|Campaigns?|Assessment|Framework|Fund|"
             "Charter|Initiatives?|Awareness Week|Declaration|Vision|Pathway|Covenant")
_CAP = r"(?:[A-Z][\w’'/-]*|[A-Z]{2,}[a-z]?|\d{4}(?:[/-]\d{2,4})?)"
# The look-ahead is a quick test of how each form can start. Capitalised words are matched whole, "(?>...)"
# and "*+": each is followed by a space, so no shorter part of one could do, and trying them all was slow.
STRATEGY_RE = re.compile(
    r"(?=[A-Z\d‘'psci])(?:"
    rf"(?P<name>(?>{_CAP})(?:\s+(?:(?:and|to|for|of|on|&|in|the|against)\s+)?(?>{_CAP})(?:\s+\([A-Z]{{2,6}}(?:\s*&\s*[A-Z]{{2,6}})?\))?){{0,7}}\s+"
    rf"(?:{_KIND_ALT})\b(?!\s+(?!Update|Report|Progress|Refresh|Review|Consultation)[A-Z][a-z])"
    rf"(?:\s+(?:19|20)\d{{2}}(?:\s*[-–/]\s*\d{{2,4}})?)?(?:\s+\((?:[A-Z][\w ]+)\))?)"
    rf"|(?P<acronym>\b[A-Z]{{2,}}(?:\s+[a-z][a-z-]*){{0,3}}\s+(?:programme|project|scheme|campaign|strategy|plan)\b)"
    rf"|(?P<quoted>[‘'][^’']{{3,40}}[’']\s+(?:campaign|project|programme|scheme))"
    rf"|(?i:project|programme|scheme|campaign|initiative)\s+[‘'“\"](?P<named>[^’'”\"]{{3,60}})[’'”\"]"
    rf"|(?P<framework>\b(?:Framework|Strategy|Plan) for (?:[A-Z][\w’']*\s?){{1,4}})"
    rf"|(?P<operation>\b(?:Operation\s+(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?|[a-z]{{4,}})|Project\s+[A-Z][a-z]{{3,}}(?!\s+[A-Z])))\b"
    rf"|(?P<lower>(?:[A-Z][\w’'/-]*+\s+(?:(?:and|to|for|of|on|&|in|the)\s+)?){{2,7}}"
    rf"(?:project|programme|strategy|scheme|campaign)\b(?!\s+[‘'“\"])))")
_STRATEGY_NOISE = re.compile(r"^(?:(?:The|A|An|This|That|New|Draft|Update|Updated|Report|Progress|Presentation|"
                             r"Including|Incorporating|Includes|"
                             r"Performance|Findings|Review|Summary|Outline)\s+(?:on|of|to|for|from)?\s*"
                             r"(?:the\s+)?)+")
_FUNCTION_WORDS = {"was", "is", "are", "were", "a", "an", "the", "and", "of", "to", "for", "in", "on", "with", "has",
                   "have", "had", "be", "been", "this", "that", "new", "its", "their", "our", "as", "by", "key"}
GENERIC_STRATEGY_WORDS = {"last", "same", "following", "action", "draft", "new", "work", "forward", "the", "this", "our", "their", "delivery",
                          "business", "local", "national", "future", "current", "previous", "next", "annual",
                          "improvement", "recovery", "a", "an", "its", "his", "her", "each", "any", "all",
                          "project", "programme", "plan", "strategy", "and", "update", "report"}


# Every way STRATEGY_RE can match has one of these words in it: most sentences have none.
_STRATEGY_KEYWORDS = ("strateg", "plan", "program", "project", "scheme", "campaign", "assessment", "framework",
                      "fund", "charter", "initiative", "awareness week", "operation", "declaration", "vision",
                      "pathway", "covenant")


def strategy_names(text: str) -> list[tuple[str, str]]:
    text = titlecase_line(text)
    if not has_any(text, _STRATEGY_KEYWORDS):
        return []
    out = []
    for m in STRATEGY_RE.finditer(text):
        raw = next(g for g in (m.group("name"), m.group("acronym"), m.group("quoted"), m.group("framework"),
                               m.group("operation"), m.group("lower"), m.group("named")) if g)
        if m.group("acronym") and set(raw.split()[1:-1]) & _FUNCTION_WORDS:
            continue     # "CCTV was a key project" is a sentence, not a name
        name = _STRATEGY_NOISE.sub("", raw).strip(" ,.;:")
        owned = re.sub(r"^(?:[A-Z][\w-]*\s+){0,5}[A-Z][\w-]*[’']s\s+(?=[A-Z])", "", name)   # "Eastfield Partnership's Plan"
        if len(re.findall(r"\b[A-Z][a-z]+", owned)) >= 2:
            name = owned        # ... but "Eastfield Children's Fund" is the fund's own name
        words = [w.lower() for w in re.findall(r"[\w’']+", name)]
        if (len(words) < 2 and not m.group("named")) or not set(words) - GENERIC_STRATEGY_WORDS:
            continue
        if m.group("operation") and words[1] in {"of", "the", "and", "to", "in", "was", "is", "will", "with"}:
            continue
        if m.group("operation") and words[0] == "project" and raw.split()[1] in NOT_NAME_WORDS:
            continue     # "Project Board", "Project Manager": no project's name
        if m.group("named"):
            kind_word = m.group(0).split()[0].lower()
        else:
            kind_word = words[0] if m.group("operation") else next(
                (w for w in reversed(words) if w in STRATEGY_KINDS and STRATEGY_KINDS[w]), "strategy")
        out.append((name, STRATEGY_KINDS.get(kind_word) or "strategy"))
    return out


def strategy_node(ctx: Context, name: str, kind: str) -> Strategy:
    # One node per strategy within a document, whatever the spelling: the longest form wins as name.
    places = _place_words(ctx.home, ctx.gazetteer.places)
    key = _strategy_key(name, places)
    bare = _strategy_key(_ACRONYM_IN_BRACKETS.sub("", name), places)
    for node in ctx.strategies:         # not every node of the graph, for every mention
        other = _strategy_key(node.name, places)
        bare_other = _strategy_key(_ACRONYM_IN_BRACKETS.sub("", node.name), places)
        if _same_strategy(key, other) or _same_strategy(bare, bare_other):
            if len(name) > len(node.name) and bare >= bare_other:
                node.aliases.append(node.name)
                node.name = name
            elif name != node.name and name not in node.aliases:
                node.aliases.append(name)
            return node
    created = Strategy(id=ids.strategy_id(name), name=name, kind=kind, documents=[ctx.name])
    node = ctx.graph.add(created)
    if node is created:
        ctx.strategies.append(node)
    return node


# "Violence against Women and Girls (VAWG) Strategy": the same strategy as the name without its acronym.
_ACRONYM_IN_BRACKETS = re.compile(r"\s*\([A-Z]{2,8}\)")


def _same_strategy(key: frozenset[str], other: frozenset[str]) -> bool:
    """The same words, or one name's words within the other's (and two at least in common)."""
    return key == other or (key <= other or other <= key) and len(key & other) >= 2


# Words a place's or council's name shares with the names of strategies of any place.
_NOT_PLACE_WORDS = {"the", "of", "and", "upon", "city", "london", "borough", "council", "county", "district",
                    "metropolitan", "royal"}


@lru_cache(maxsize=64)
def _place_words(home: str | None, boroughs: frozenset[str]) -> frozenset[str]:
    """Words naming a place ('barnet', 'kensington'): 'the Barnet Community Safety Strategy' is the
    Community Safety Strategy of the minutes' own borough."""
    words = {w for place in boroughs for w in place.split()}
    words |= {w.lower() for w in re.findall(r"[A-Za-z]+", home or "")}
    return frozenset(words - _NOT_PLACE_WORDS)


@lru_cache(maxsize=4096)
def _strategy_key(name: str, places: frozenset[str] = frozenset()) -> frozenset[str]:
    words = {w.lower() for w in re.findall(r"[A-Za-z]+|\d{4}", name)}
    return frozenset(words - {"the", "of", "and", "for", "to", "a"} - places)


@lru_cache(maxsize=1)
def _programmes() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str, str]]]:
    """A quick test for any programme's name, then (pattern, name, kind) per national programme."""
    raw = yaml.safe_load(resources.files("loaders").joinpath("data/programmes.yaml").read_text(encoding="utf-8"))
    out, every_form = [], []
    for entry in raw.get("programmes") or []:
        forms = [entry["name"], *(entry.get("aliases") or [])]
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])(?!\s+[A-Z][a-z])")
        out.append((pattern, entry["name"], entry.get("kind", "programme")))
        every_form += forms
    return re.compile(literal_alternation(every_form)), out


def read_strategies(ctx: Context, item: Item, node: AgendaItem, sentences: list[Sentence]) -> None:
    agenda = [l.text.strip() for l in item.agenda if l.text.strip()]
    texts = [item.title, *agenda, *(s.text for s in sentences)]
    any_programme, programmes = _programmes()
    # Most items name no national programme: one search of the whole item rules them all out.
    some_programme = any_programme.search("\n".join(texts)) is not None
    for text in texts:
        for pattern, name, kind in programmes if some_programme and any_programme.search(text) else ():
            if pattern.search(text):
                strategy = strategy_node(ctx, name, kind)
                ctx.graph.relate(Rel.MENTIONS, node.id, strategy.id, ctx.name, text)
        for name, kind in strategy_names(text):
            strategy = strategy_node(ctx, name, kind)
            evidence = heading_line(ctx, item) if text is item.title else text
            ctx.graph.relate(Rel.CONCERNS if text is item.title else Rel.MENTIONS, node.id, strategy.id,
                             ctx.name, evidence, **({"verb": "discussed"} if text is item.title else {}))
