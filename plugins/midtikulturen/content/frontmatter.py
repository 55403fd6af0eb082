"""Split a Markdown source into its YAML front matter and body, keeping file line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Problem
from .yamldoc import YamlDocument, YamlSyntaxError, parse_yaml

_FENCE = "---"
_CLOSERS = ("---", "...")


@dataclass(frozen=True)
class FrontMatter:
    """A source's parsed front matter and the Markdown body that follows it."""

    doc: YamlDocument
    body: str
    body_line: int


def normalise_text(raw: bytes | str) -> str:
    """Text as editors' tools save it, without byte-order mark and with Unix line endings."""
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_front_matter(path: str, text: str) -> FrontMatter | Problem:
    """The front matter of text (already normalised), or the problem that prevents reading it."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return Problem(path, 1, "filen mangler front matter — første linje skal være `---`, "
                                "efterfulgt af felterne og en afsluttende linje med `---`")
    index = _closing_fence(lines)
    if index is None:
        return Problem(path, 1, "front matter bliver ikke afsluttet — tilføj en linje med `---` "
                                "efter det sidste felt, før selve teksten")
    try:
        doc = parse_yaml("\n".join(lines[1:index]), first_line=2)
    except YamlSyntaxError as error:
        return Problem(path, error.line, error.message)
    if doc.data is None:
        doc = YamlDocument({})
    if not isinstance(doc.data, dict):
        return Problem(path, 2, "front matter skal bestå af felter på formen `navn: værdi` — "
                                "se eksemplerne i redaktørvejledningen")
    return FrontMatter(doc, "\n".join(lines[index + 1:]), body_line=index + 2)


def body_of(text: str) -> str | None:
    """The story after the front matter of a normalised text (see `story`); None if unclosed."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE or (index := _closing_fence(lines)) is None:
        return None
    return story("\n".join(lines[index + 1:]))


def story(body: str) -> str:
    """The Markdown body starting with a newline, so a first line `---` is never front matter."""
    return "\n" + body.lstrip("\n")


def _closing_fence(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter opened on lines[0], if any."""
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _CLOSERS:
            return index
    return None
