"""Extraction stage: actions (marker, owners, the task) and decisions."""
from __future__ import annotations

import re
from functools import lru_cache

from graph import ids
from graph.model import Action, AgendaItem, Decision, Label, Rel
from loaders.context import Context, Sentence, note_org, note_person, resolve_org
from loaders.data_files import phrasings
from loaders.first_names import is_first_name
from loaders.names import NAME_WORD, TITLE_RE, fold, parse_person
from loaders.organisations import OrgEntry
from loaders.people import PersonRecord, RoleFact
from loaders.scan import caseless, contains_any, has_any
from loaders.strategies import strategy_names, strategy_node
from loaders.structure import Item

ACTION_MARKER = re.compile(r"(?:^|(?<=[.!?)\s]))\*{0,2}ACTIONS?(?:\s+(?:POINTS?|BY|OWNERS?|REQUIRED))?\*{0,2}\s*"
                           r"(?:[:\-–—]|\s-\s)\s*(?P<owners>.+?)\s*\*{0,2}$", re.I)


@lru_cache(maxsize=1024)
def action_marker(text: str) -> re.Match[str] | None:
    """ACTION_MARKER in the text, searched only when the text says 'action' at all (few sentences do).
    Memoised: the stages ask it of each sentence several times."""
    return ACTION_MARKER.search(text) if has_any(text, ("action",)) else None


# (pattern, the group naming its verb, words it cannot match without): most sentences have none of them.
DECISION_PATTERNS = [
    (re.compile(r"(?:\bIt was\s+(?:(RESOLVED|AGREED)|(?i:(resolved|agreed)))|(?:^|(?<=[.:]\s))(?:(RESOLVED|AGREED)|"
                r"(?i:(resolved|agreed)))(?=\s*[:\-–—]|\s+that\b)|\b(RESOLVED|AGREED))\b\s*(?:[:\-–—]\s*)?"
                r"(?:\(\w\)\s*)?(?:that\s+|to\s+)?(?P<text>.*)"), None, ("resolved", "agreed")),
    (re.compile(r"\b[Tt]he (?:[A-Z][\w’']*\s+){0,5}?(?:Board|Committee|Partnership|Group|Members|board|committee|"
                r"partnership|group|members)\s+(?:also\s+|then\s+|formally\s+|unanimously\s+)?"
                r"(?P<verb>considered and noted|noted and agreed|noted|agreed|approved|endorsed|resolved|ratified|"
                r"adopted|accepted|supported|considered)\b(?P<text>.*)"), "verb",
     ("noted", "agreed", "approved", "endorsed", "resolved", "ratified", "adopted", "accepted", "supported",
      "considered")),
    (re.compile(r"\b(?:The )?minutes of the (?:previous |last )?meeting(?: held)?(?: on [^.]{0,30})?\s+"
                r"(?:were|was|be)\s+(?P<verb>approved|agreed|confirmed|accepted)(?P<text>[^.]*)", re.I), "verb",
     ("minutes",)),
]
_STATUS = phrasings()["action_status"]


def alternation_of(forms: list[str]) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in sorted(forms, key=len, reverse=True))


EVERYONE = re.compile(r"^(?:all|all members|all partners|all board members|board members|everyone|"
                      r"the board|members|partners|all agencies)$", re.I)


def read_actions(ctx: Context, item: Item, node: AgendaItem, sentences: list[Sentence]) -> None:
    reviewing = None       # the sentence that opened a review of the last meeting's actions
    for k, sentence in enumerate(sentences):
        if sentence.line in ctx.action_log_lines:
            continue       # read as a table by loaders/action_logs.py
        if reviewing is None and "ction" in sentence.text and contains_any(sentence.text, _REVIEW_WORDS) \
                and _REVIEW_INTRO.search(sentence.text):
            reviewing = sentence
            continue
        if reviewing is not None and (still := _OPEN.search(sentence.text)) and not action_marker(sentence.text):
            # An action of the last meeting reported still open: the entry itself, or the one the status follows.
            task = sentences[k - 1] if still.group("status") and k > 0 and sentences[k - 1] is not reviewing \
                else sentence
            everyone = _EVERYONE_TO.search(task.text)
            record_action(ctx, node, task.text.strip(" -–•·.") if task is not sentence else
                          sentence.text[:still.start()].strip(" -–•·.") or sentence.text.strip(" -–•·."),
                          ["ALL"] if everyone else [], sentence.text, sentence.text)
            continue
        m = action_marker(sentence.text)
        bracket = _BRACKET_MARKER.search(sentence.text) if not m and "ction" in sentence.text else None
        if bracket:
            # The marker may stand as a sentence of its own after the task's.
            task = sentence if bracket.start() > 0 or k == 0 else sentences[k - 1]
            _bracketed_action(ctx, node, task, bracket if task is sentence else None, sentence)
            continue
        if not m:
            if k > 0 and _BARE_MARKER.fullmatch(sentence.text):
                if _states_a_task(sentences[k - 1].text):
                    _bare_action(ctx, node, sentences[k - 1], sentence)
            elif "to" in sentence.text and _NAME_TO_DO.match(sentence.text) and not (k + 1 < len(sentences)
                                                          and action_marker(sentences[k + 1].text)):
                if not _reported_done(sentences, k):
                    _name_to_do(ctx, node, sentence)
            elif " to " in sentence.text and has_any(sentence.text[:60], _EVERYONE_WORDS) \
                    and (everyone := _EVERYONE_TO.match(sentence.text)) \
                    and not (k + 1 < len(sentences) and action_marker(sentences[k + 1].text)):
                # "All partners to send their comments to the Chair": an action for everyone.
                if not _reported_done(sentences, k):
                    record_action(ctx, node, everyone.group("task").strip(), ["ALL"], sentence.text, sentence.text)
            elif (m2 := _INITIALS_TO_DO.search(sentence.text)) and ctx.people.by_initials(m2.group("who")):
                # "DH to write to all concerned": initials a list of those present gave someone.
                if not _reported_done(sentences, k):
                    record_action(ctx, node, m2.group("task").strip(), [ctx.people.by_initials(m2.group("who"))],
                                  sentence.text, sentence.text)
            continue
        # "TE to arrange for the papers          TE": the owner's column beside the text is no part of it.
        owners_text = re.split(r"\s{3,}|\t", m.group("owners").strip(" .*"))[0]
        if re.match(r"(?:\d+|log|points?|tracker|list)\b", owners_text, re.I):
            continue   # an action log being reviewed, not a new action
        tasks = [t for t in re.split(r"(?<=\.)\s+(?=[A-Z])|\s*;\s*(?=[A-Z])", owners_text) if t.strip()]
        if len(tasks) > 1 and all(_SOMEONE_TO_DO.match(t) for t in tasks):
            # "ACTION – Jo to notify the Home Office ... Anna to send the letter to Jo.": two actions.
            for task in tasks:
                owners, what = owners_of(ctx, task.strip(" ."), sentence.line)
                record_action(ctx, node, what or task, owners, sentence.text, sentence.text)
            continue
        inline = sentence.text[:m.start()].strip()
        dash = _OWNER_DASH_TASK.match(owners_text)
        owners, task = owners_of(ctx, dash.group("who") if dash else owners_text, sentence.line)
        if dash and owners:
            task = dash.group("task")         # "Action by: Tom Reed - circulate the figures"
        what = inline or commitment(_task_sentence(sentences, k, owners))
        if task:
            what = task
        elif not owners or (len(owners_text.split()) > 6 and re.search(r"\b[a-z]+ed\b", owners_text)):
            what = owners_text     # "ACTION: The Chairman encouraged the board to liaise ..." states the task
        if not owners:
            ctx.graph.warn(ctx.name, sentence.line, f"action with no owner understood: {owners_text!r}")
        record_action(ctx, node, what, owners, sentence.text,
                       sentence.text if inline else f"{what} {sentence.text}")


_SOMEONE_TO_DO = re.compile(r"^(?:[A-Z][\w.’'-]*\s+){1,4}to\s+[a-z]")


def record_action(ctx: Context, node: AgendaItem | None, text: str, owners: list[object], where: str,
                  evidence: str) -> None:
    """An Action of this meeting, arising from the item (where it stands in one; an action log before the
    first item belongs to the meeting alone); owners are linked when people nodes are built."""
    action = Action(id=ids.child_id(Label.ACTION, ctx.meeting.id, len(ctx.actions) + 1), name=_short(text),
                    meeting=ctx.meeting.id, text=text, documents=[ctx.name])
    ctx.graph.add(action)
    if node is not None:
        ctx.graph.relate(Rel.ARISES_FROM, action.id, node.id, ctx.name, where)
    ctx.actions.append((action, owners, evidence))


# "... would report back. (Action)", "... in writing. (Action: Public Health)", "[Action: TR]": a marker closing
# the sentence.
_BRACKET_MARKER = re.compile(r"[(\[]\s*ACTIONS?\s*(?:[:\-–—]\s*(?P<owners>[^()\[\]]{1,80}))?[)\]]\s*\.?\s*$", re.I)
# "Tom Reed - circulate the figures": the owner, a dash, the task.
_OWNER_DASH_TASK = re.compile(r"(?P<who>[^–—-]{2,60}?)\s+[-–—]\s+(?P<task>[a-z].*)$")
_SOMEONE_COMMITS = re.compile(rf"(?P<who>(?:{TITLE_RE.pattern})?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})\s+"
                              r"(?:would|will|was going to|agreed to|offered to|undertook to)\b")


def _bracketed_action(ctx: Context, node: AgendaItem, sentence: Sentence, bracket: re.Match[str] | None,
                      marker: Sentence) -> None:
    """The task is what the sentence commits someone to; the owner is named in the bracket, else the one
    the sentence has committing."""
    text = sentence.text[:bracket.start()].strip() if bracket else sentence.text
    named = _BRACKET_MARKER.search(marker.text).group("owners")
    owners: list[object] = []
    if named:
        owners, _ = owners_of(ctx, named.strip(" ."), sentence.line)
        what = commitment(text)
    else:
        who = next((m for m in _SOMEONE_COMMITS.finditer(text) if parse_person(m.group("who"))), None)
        if who:
            owners = [note_person(ctx, parse_person(who.group("who")), sentence.line)]
        what = commitment(text[who.start():] if who else text)
    if not owners:
        ctx.graph.warn(ctx.name, sentence.line, f"action with no owner understood: {sentence.text[:80]!r}")
    evidence = sentence.text if marker is sentence else f"{sentence.text} {marker.text}"
    record_action(ctx, node, what, owners, evidence, evidence)


# ModernGov's action column: the word "Action" alone under the sentence that states the task.
_BARE_MARKER = re.compile(r"\*{0,2}ACTIONS?\*{0,2}:?", re.I)
# A table's heading cells on lines of their own ("Date of Meeting" / "Action" / "Officer"; "Agenda Item /"
# / "Action"): no task above the word, which heads a column.
_HEADING_CELL = re.compile(r"\s*(?:(?:[A-Z][\w’'&-]*|of|and|&|the|for|by)[^\w\s]*\s*){1,4}[/|]?\s*")


def _states_a_task(text: str) -> bool:
    return not _HEADING_CELL.fullmatch(text)


# A reviewed action's status closing it: the previous meeting's action, reported on, not a new one.
_DONE = re.compile(rf"(?:[-–—:(]|\bAction(?:\s+(?:is|was|now))?)\s*(?i:{alternation_of(_STATUS['done'])})\)?\s*\.?\s*$")
def _reported_done(sentences: list[Sentence], k: int) -> bool:
    """'Action 1.2 Ann Lee to join the Board – COMPLETED', '... to the Board. Action complete.': the last
    meeting's action, reviewed, not a new one."""
    return _closed(sentences[k].text) or k + 1 < len(sentences) and len(sentences[k + 1].text) <= 40 \
        and _closed(sentences[k + 1].text)


_DONE_ENDINGS = tuple(w[-3:].casefold() for w in _STATUS["done"])


def _closed(text: str) -> bool:
    """Whether the text ends by saying the action is done: only its last few words are looked at."""
    return text[-16:].rstrip(" .)*").casefold().endswith(_DONE_ENDINGS) \
        and _DONE.search(text, max(0, len(text) - 40)) is not None


# A review of the last meeting's actions, and one of them still open: "Rona Gold gave an update on the
# following outstanding actions within the action log as follows:", "... Stan advised this action is ongoing."
_REVIEW_INTRO = re.compile(r"\b(?:following|outstanding)\s+(?:outstanding\s+)?actions\b.*(?::\s*$|as follows)|"
                           r"\bactions?\s+(?:from|of)\s+the\s+(?:last|previous)\s+meeting\b.*:\s*$", re.I)
_REVIEW_WORDS = ("ollowing", "utstanding", "meeting")      # as written, for 'Following' and 'following' 
_OPEN = re.compile(rf"\b(?:this|the)\s+action\s+(?:is|was|remains)\s+(?:still\s+)?(?P<status>{alternation_of(_STATUS['open'])})\b|"
                   rf"^[\s*•·–-]*(?:{alternation_of(_STATUS['open'])})\s+[a-z]", re.I)


def _bare_action(ctx: Context, node: AgendaItem, task: Sentence, marker: Sentence) -> None:
    """The owner is the person the task sentence has undertaking it ("Ms Leach would feed back ...")."""
    m = re.match(rf"(?:[•·*-]\s*)?(?P<who>(?:{TITLE_RE.pattern})?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})\s+"
                 r"(?:would|will|to|agreed to|offered to|undertook to)\b", task.text)
    person = parse_person(m.group("who"), allow_single=False) if m else None
    if person is None:
        ctx.graph.warn(ctx.name, marker.line, f"action with no owner understood: {task.text[:80]!r}")
    owners: list[object] = [note_person(ctx, person, task.line)] if person else []
    record_action(ctx, node, commitment(task.text), owners, task.text, task.text)


# "Peter Clifton to circulate the report to partners." / "Ms Green and Mr Khan to meet outside the meeting."
_NAME_TO_DO = re.compile(rf"^(?P<who>(?:(?:{TITLE_RE.pattern})?{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}"
                         rf"(?:\s*(?:/|,|and|&)\s*)?){{1,4}})\s+to\s+(?P<task>(?!be\b|the\b|a\b)[a-z]+\b[^.]*)\.?$")


# "DH to write to all concerned", "... for Ward 18 and LR will follow this up": initials undertaking a task, at
# the sentence's start or after "and".
_INITIALS_TO_DO = re.compile(r"(?:^|(?<=\band\s)|(?<=,\s))(?P<who>[A-Z][A-Za-z]?[A-Z]{1,2})\s+(?:to|will|would)\s+"
                             r"(?P<task>(?!be\b)[a-z]+\b[^.]*)")


# "All partners to send ...", "Board members to ...", "... reminder for CPP members to notify ...": everyone's task
# (not "Members to note the report": noting is no task).
_EVERYONE_TO = re.compile(r"(?:^[\s*•·–-]*|\bfor\s+)(?i:all\s+)?(?:[A-Z]{2,}\s+){0,3}(?i:(?:board|partnership|group)\s+)?"
                          r"(?i:members|partners|agencies|partner agencies|everyone)\s+(?:are\s+)?to\s+"
                          r"(?P<task>(?!note\b|receive\b|be\b)[a-z][^.]*)")


_EVERYONE_WORDS = ("members", "partners", "agencies", "everyone")


def _name_to_do(ctx: Context, node: AgendaItem, sentence: Sentence) -> None:
    m = _NAME_TO_DO.match(sentence.text)
    owners, _ = owners_of(ctx, m.group("who"), sentence.line)
    if not owners or not all(isinstance(o, PersonRecord) for o in owners):
        return
    record_action(ctx, node, m.group("task").strip(), owners, sentence.text, sentence.text)


_COMMITS = re.compile(r"\b(?:would|will|shall|agreed to|undertook to|offered to|(?:was|were) asked to|"
                      r"(?:is|are|was|were) to)\s+(?P<task>(?!be\b|the\b|a\b|also\b)[a-z].*?)\s*\.?$")


def commitment(sentence: str) -> str:
    """What someone undertook, not the sentence around it: 'Inspector Smith would look into this and report
    back' -> 'look into this and report back'. A sentence that commits no one is kept whole."""
    m = _COMMITS.search(sentence)
    return m.group("task") if m else sentence


def _task_sentence(sentences: list[Sentence], k: int, owners: list[object]) -> str:
    """The sentence an action marker refers to: the latest one where an owner undertakes something."""
    names = {fold(o.surname) for o in owners if isinstance(o, PersonRecord)}
    names |= {fold(o.name) for o in owners if isinstance(o, OrgEntry)}
    fallback = ""
    if k > 0 and not action_marker(sentences[k - 1].text) and sentences[k - 1].line >= sentences[k].line - 1 \
            and re.search(r"\b(?:would|will|to|agreed|offered)\b", sentences[k - 1].text):
        return sentences[k - 1].text
    for j in range(k - 1, max(-1, k - 7), -1):
        text = sentences[j].text
        if action_marker(text) or len(text.split()) <= 3:
            continue
        fallback = fallback or text
        if any(n in fold(text) for n in names) and re.search(r"\b(?:would|will|to|agreed|offered)\b", text):
            return text
    return fallback


def owners_of(ctx: Context, text: str, line: int) -> tuple[list[object], str | None]:
    """'Ms McElligott/Mr Tan', 'Adrian Usher, Barnet Borough Commander', 'All', 'Michael Kelly to liaise ...'."""
    task = None
    m = re.match(r"(.+?)\s+to\s+([a-z].+)$", text)
    if m and (parse_person(m.group(1), allow_single=is_first_name(m.group(1))) or resolve_org(ctx, m.group(1))
              or ctx.people.by_initials(m.group(1))):
        text, task = m.group(1), m.group(2)
    if EVERYONE.match(text.strip()) or re.search(r"\b(?:the|all) (?:board|members|partners)\b", text, re.I) \
            and not parse_person(text.split(",")[0]):
        return ["ALL"], task
    owners: list[object] = []
    for chunk in re.split(r"\s*/\s*|\s*,\s*|\s+and\s+|\s*&\s*", text):
        chunk = chunk.strip(" .")
        if not chunk:
            continue
        if EVERYONE.match(chunk):
            owners.append("ALL")
            continue
        # "Angela to send the letter": a first name alone names the person an action falls to.
        person = parse_person(chunk, allow_single=is_first_name(chunk))
        if person:
            owners.append(note_person(ctx, person, line))
            continue
        known = ctx.people.by_initials(chunk)
        if known is not None:
            owners.append(known)
            continue
        org = resolve_org(ctx, chunk)
        if org:
            note_org(ctx, org, text)
            if owners and isinstance(owners[-1], PersonRecord) and f", {chunk}" in text:
                # "ACTION - Dan Hughes, Metropolitan Police": the body says who he is, not a second owner.
                owners[-1].facts.append(RoleFact(None, org.name, text, line))
            else:
                owners.append(org)
            continue
        record = ctx.people.by_role(chunk) if owners == [] else None
        if record:
            owners.append(record)
    return owners, task


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def read_decisions(ctx: Context, item: Item, node: AgendaItem, sentences: list[Sentence]) -> None:
    found = 0
    for k, sentence in enumerate(sentences):
        text = sentence.text
        folded = caseless(text)
        for pattern, verb_group, needed in DECISION_PATTERNS:
            m = pattern.search(text) if contains_any(folded, needed) else None
            if not m:
                continue
            rest = m.group("text").strip()
            verb = (m.group("verb") if verb_group else next(g for g in m.groups()[:5] if g)).lower()
            if verb_group is None:
                verb = "resolved" if verb.startswith("resolved") else "agreed"
            if "minutes" in pattern.pattern:
                rest = f"the minutes of the previous meeting{(' ' + rest) if rest else ''}"
            parts = [rest] if rest else []
            if not rest or re.match(r"\(?[a-z1-9]\)", rest):
                # "RESOLVED: (a) That ... (b) That ...": each lettered part is a decision of its own.
                parts += [s.text for s in _lettered_parts(sentences, k + 1)]
            for part in parts or ([sentences[k + 1].text] if k + 1 < len(sentences) else []):
                part = re.sub(r"^\(?[a-z1-9]\)\s*", "", part)
                _decision(ctx, node, verb, re.sub(r"^(?:That|To)\s+", lambda t: t.group(0).lower(), part), text)
            found += 1
            break
    body = [s.text for s in sentences]
    if not found and len(body) == 1 and re.fullmatch(r"(Noted|Agreed|Approved|Endorsed)\.?", body[0], re.I):
        verb = body[0].rstrip(".").lower()
        _decision(ctx, node, verb, f"the {item.title}", body[0])


def _lettered_parts(sentences: list[Sentence], start: int) -> list[Sentence]:
    out = []
    for sentence in sentences[start:]:
        if not re.match(r"\(?[a-z1-9]\)\s", sentence.text):
            break
        out.append(sentence)
    return out


def _decision(ctx: Context, item: AgendaItem, verb: str, rest: str, evidence: str) -> None:
    ctx.decisions += 1          # counted as made: counting the graph's nodes each time was quadratic
    count = ctx.decisions
    text = f"{verb} {rest}".strip()
    decision = Decision(id=ids.child_id(Label.DECISION, ctx.meeting.id, count), name=_short(text),
                        meeting=ctx.meeting.id, text=text, verb=verb, documents=[ctx.name])
    ctx.graph.add(decision)
    ctx.graph.relate(Rel.ARISES_FROM, decision.id, item.id, ctx.name, evidence)
    for strategy in strategy_names(rest):
        node = strategy_node(ctx, *strategy)
        ctx.graph.relate(Rel.CONCERNS, decision.id, node.id, ctx.name, evidence,
                         verb=verb if verb in ("approved", "agreed", "noted", "endorsed") else "discussed")
