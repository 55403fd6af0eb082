"""YAML parsing that keeps the line of every key and value and refuses YAML 1.1 surprises."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .characters import CONTROL, describe, find_controls

Loc = tuple[str | int, ...]

MAX_DEPTH = 10  # front matter nests three levels (`contributors`, an item, `name`)
MAX_ITEMS = 5_000  # keys and list items in one document; a case has about fifty


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: 5× faster


class _EditorLoader(_Base):
    """SafeLoader where only `true`/`false` are booleans, dates stay text and numbers are
    YAML 1.2's.

    YAML 1.1 reads `NO` (Norway) and `yes` as booleans, `0773` as octal and turns
    `2021-13-40` into a crash inside the parser; the schema checks dates itself and names the
    line instead.
    """

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        """The tag of an untagged node; libyaml asks for every scalar, so keep it short."""
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map"))
_INT, _FLOAT = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
# YAML 1.2's numbers: `0773` (a municipality code) stays text rather than octal 507, and
# `1:20` text rather than sexagesimal 80.
_NUMBERS = {
    _INT: re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    _FLOAT: re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?"
        r"|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
        r"|\.(?:nan|NaN|NAN))$"
    ),
}
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    first: [
        (tag, _NUMBERS.get(tag, regexp))
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _IMPLICIT.setdefault(_first, []).insert(
        0, ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"))
    )


class YamlDocument:
    """A parsed YAML mapping that can tell the file line of each key, item and value.

    The line map is made on the first question: most files are valid and never ask.
    """

    def __init__(
        self,
        data: Any,
        root: Node | None = None,
        first_line: int = 1,
        duplicates: tuple[tuple[str, int, int], ...] = (),
    ) -> None:
        self.data = data
        self.duplicates = duplicates
        self._root, self._first = root, first_line
        self._lines: dict[Loc, int] | None = None

    @property
    def lines(self) -> dict[Loc, int]:
        """The file line of every key path (as pydantic reports locations) in the document."""
        if self._lines is None:
            self._lines = {(): self._first}
            if self._root is not None:
                _record_lines(self._root, (), self._first, self._lines)
        return self._lines

    def line_of(self, loc: Loc) -> int:
        """The line of the deepest known part of loc (a key path as pydantic reports it)."""
        lines = self.lines
        for end in range(len(loc), -1, -1):
            if loc[:end] in lines:
                return lines[loc[:end]]
        return lines.get((), 1)

    def line_of_key(self, key: str) -> int:
        """The line of a top-level key, or of the document if it has no such key."""
        if self._lines is None and isinstance(self._root, MappingNode):
            for key_node, _ in self._root.value:
                if key_node.value == key:
                    return self._first + int(key_node.start_mark.line)
            return self._first
        return self.line_of((key,))


class YamlSyntaxError(Exception):
    """YAML that does not parse, with the file line where the parser stopped."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


class _Refused(Exception):
    """YAML that parses but is refused: it nests too deeply or holds too many items."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


def parse_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse text whose first line is file line first_line; raise YamlSyntaxError if invalid.

    Control characters, anchors and aliases (`&a`, `*a`: a few bytes can expand to gigabytes)
    and nesting past MAX_DEPTH are refused before the document is built.
    """
    if CONTROL.search(text):
        line, column, char = next(find_controls(text))
        raise YamlSyntaxError(first_line + line, describe(char, column))
    loader = _EditorLoader(text)
    duplicates: list[tuple[str, int, int]] = []
    try:
        if _may_alias_or_nest(text):
            _screen(text)
        node = loader.get_single_node()
        data = _build(loader, node, (), first_line, duplicates, [MAX_ITEMS]) if node else None
    except _Refused as refused:
        raise YamlSyntaxError(first_line + refused.line, refused.message) from None
    except yaml.MarkedYAMLError as error:
        index, message = _explain(error, text.split("\n"))
        raise YamlSyntaxError(first_line + index, message) from None
    except yaml.YAMLError as error:  # no mark: nothing an editor wrote is known to get here
        raise YamlSyntaxError(
            first_line, f"YAML kan ikke læses ({error}) — tjek indrykning, kolon og anførselstegn"
        ) from None
    finally:
        loader.dispose()
    return YamlDocument(data, node, first_line, tuple(duplicates))


_ALIAS_OR_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*][^\s,\[\]{}]")
_INDENTED = re.compile(rf"^[ \t]{{{4 * MAX_DEPTH}}}", re.MULTILINE)
_CHAINED = re.compile(r"[-?][ \t]+[-?][ \t]+")  # `- - x`: a list in a list on one line


def _may_alias_or_nest(text: str) -> bool:
    """Whether text may hold an anchor, an alias or deep nesting: cheap tests, most first."""
    if ("&" in text or "*" in text) and _ALIAS_OR_ANCHOR.search(text):
        return True
    return (
        text.count("[") + text.count("{") > MAX_DEPTH
        or bool(_INDENTED.search(text))
        or bool(_CHAINED.search(text))
    )


def _screen(text: str) -> None:
    """Raise _Refused at the first anchor, alias or collection nested past MAX_DEPTH.

    This reads parser events, which libyaml makes without recursion: composing thousands of
    nested collections overflows the C stack before Python can stop it.
    """
    loader = _EditorLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line
            if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
                raise _Refused(
                    line,
                    "`&` og `*` (YAML-ankre og -henvisninger) kan ikke bruges "
                    "her — skriv værdien ud, eller sæt den i anførselstegn, "
                    "hvis den skal begynde med & eller *",
                )
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _Refused(line, _TOO_DEEP)
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


_TOO_DEEP = (
    f"lister og grupper er lagt i hinanden i mere end {MAX_DEPTH} niveauer — skriv "
    "felterne som i eksemplerne i redaktørvejledningen"
)


def _build(
    loader: Any,
    node: Node,
    loc: Loc,
    first: int,
    dups: list[tuple[str, int, int]],
    budget: list[int],
) -> Any:
    """The value of node, one walk instead of PyYAML's constructor.

    A duplicated key keeps its last value, as PyYAML does, and is reported with both lines.
    budget holds how many more keys and list items may be built.
    """
    if node.tag != _implicit_tag(loader, node):
        raise _Refused(node.start_mark.line, _tagged(node.tag))
    if isinstance(node, ScalarNode):
        if node.tag == _STR:
            return node.value
        return loader.yaml_constructors[node.tag](loader, node)
    if len(loc) >= MAX_DEPTH:
        raise _Refused(node.start_mark.line, _TOO_DEEP)
    budget[0] -= len(node.value)
    if budget[0] < 0:
        raise _Refused(
            node.start_mark.line,
            f"mere end {MAX_ITEMS} felter og listepunkter — "
            "del indholdet op, eller flyt det til teksten",
        )
    if isinstance(node, SequenceNode):
        return [
            _build(loader, item, (*loc, index), first, dups, budget)
            for index, item in enumerate(node.value)
        ]
    loader.flatten_mapping(node)
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "found unhashable key", key_node.start_mark
            )
        key = _build(loader, key_node, (), first, dups, budget)
        if key in result:
            earlier = next(k for k, _ in node.value if k.value == key_node.value)
            dups.append(
                (
                    ".".join(map(str, (*loc, key_node.value))),
                    first + earlier.start_mark.line,
                    first + key_node.start_mark.line,
                )
            )
        result[key] = _build(loader, value_node, (*loc, key_node.value), first, dups, budget)
    return result


def _implicit_tag(loader: Any, node: Node) -> str:
    """The tag node has when nothing is written before it (a plain scalar by its value)."""
    if isinstance(node, ScalarNode):
        plain = not node.style  # None or "" (libyaml) for a plain scalar
        return str(loader.resolve(ScalarNode, node.value, (plain, not plain)))
    return _SEQ if isinstance(node, SequenceNode) else _MAP


def _tagged(tag: str) -> str:
    """What to do about a value written with a YAML tag (`!!int`, `!x`): editors need none."""
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return (
        f"`{shown}` foran en værdi bruges ikke her — slet det; skal værdien være tekst, så sæt "
        'den i anførselstegn, fx title: "!Vigtigt"'
    )


def _record_lines(node: Node, loc: Loc, first: int, lines: dict[Loc, int]) -> None:
    """Record the file line of node and of everything inside it; the first of a key wins."""
    lines.setdefault(loc, first + node.start_mark.line)
    if isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*loc, index), first, lines)
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode):
                key_loc = (*loc, key_node.value)
                if key_loc not in lines:
                    lines[key_loc] = first + key_node.start_mark.line
                    _record_lines(value_node, key_loc, first, lines)


_CURLY = "“”„‟‘’‚‛«»"
_NO_SPACE = re.compile(r"^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*:(?=[^\s:/])")
_QUOTES_IN_QUOTES = re.compile(r"""^[ \t]*(?:-[ \t]+)?[\w-]+:[ \t]*(["'])[^"']*\1[ \t]*[^\s#]""")


def _explain(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, str]:
    """The line (0-based in the document) an editor must fix, and how, in Danish."""
    problem, context = error.problem or "", error.context or ""
    mark = error.problem_mark or error.context_mark
    index = mark.line if mark else 0
    if error.context_mark and ("end of stream" in problem or "expected ','" in problem):
        index = error.context_mark.line  # where the unclosed quote or bracket opened
    marked = lines[index] if index < len(lines) else ""
    near = range(max(0, index - 1), min(len(lines), index + 1))
    if glued := next((i for i in reversed(near) if _NO_SPACE.match(lines[i])), None):
        key = lines[glued].split(":", 1)[0].strip(" \t-")
        return glued, (
            f"der mangler et mellemrum efter kolon — skriv `{key}: "
            f"{lines[glued].split(':', 1)[1].strip()}`"
        )
    return index, _message(problem, context, marked)


def _message(problem: str, context: str, marked: str) -> str:
    if "nesting depth" in problem:  # newer libyaml stops deep nesting itself
        return _TOO_DEEP
    if "alias" in context or "anchor" in context:
        return (
            "en værdi, der begynder med * eller &, skal stå i anførselstegn — skriv fx "
            'description: "*Vigtigt* nyt"'
        )
    if "'\\t'" in problem or "\t" in problem or "\t" in marked:
        return "tabulator-tegn i YAML — ryk ind med mellemrum (fx to mellemrum), ikke med tabulator"
    if any(quote in marked for quote in _CURLY):
        return (
            "krøllede anførselstegn (“…” fra Word) tæller ikke i YAML — brug lige "
            'anførselstegn: title: "Kultur: nu og her"'
        )
    if _QUOTES_IN_QUOTES.match(marked):
        return (
            "anførselstegn inde i anførselstegn afslutter teksten for tidligt — brug den "
            "anden slags udenom eller „…“ indeni, fx image_alt: 'Koret synger \"Kom Maj\"'"
        )
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return (
            "en liste i [ ] eller en gruppe i { } bliver ikke lukket — tjek at hver [ og { "
            "har sin ] eller } på samme linje, og at teksten med komma står i anførselstegn"
        )
    if "found unexpected end of stream" in problem or "unexpected end" in problem:
        return (
            'et anførselstegn eller en parentes bliver ikke lukket — tjek at hver " og [ '
            "har sin modpart på samme linje"
        )
    if "mapping values are not allowed" in problem:
        return (
            "et kolon for meget på linjen — sæt værdien i anførselstegn, fx "
            'title: "Kultur: nu og her"'
        )
    if "could not find expected ':'" in problem:
        return "en linje mangler kolon efter feltnavnet — skriv fx `title: Min titel`"
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return "indrykningen passer ikke — felter på samme niveau skal starte i samme kolonne"
    return (
        f"YAML kan ikke læses ({problem.strip() or context}) — tjek indrykning, kolon og "
        "anførselstegn"
    )
