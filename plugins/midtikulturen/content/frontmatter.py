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
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_front_matter(path: str, text: str) -> FrontMatter | Problem:
    """The front matter of text (already normalised), or the problem that prevents reading it."""
    opened = _after_opening(text)
    if opened is None:
        return Problem(
            path,
            1,
            "filen mangler front matter — første linje skal være `---`, "
            "efterfulgt af felterne og en afsluttende linje med `---`",
        )
    closing = _closing_fence(text, opened)
    if closing is None:
        return Problem(
            path,
            1,
            "front matter bliver ikke afsluttet — tilføj en linje med `---` "
            "efter det sidste felt, før selve teksten",
        )
    start, end = closing
    try:
        doc = parse_yaml(text[opened : max(start - 1, opened)], first_line=2)
    except YamlSyntaxError as error:
        return Problem(path, error.line, error.message)
    if doc.data is None:
        doc = YamlDocument({})
    if not isinstance(doc.data, dict):
        return Problem(
            path,
            2,
            "front matter skal bestå af felter på formen `navn: værdi` — "
            "se eksemplerne i redaktørvejledningen",
        )
    return FrontMatter(doc, text[end:], body_line=text.count("\n", 0, start) + 2)


def body_of(text: str) -> str | None:
    """The story after the front matter of a normalised text (see `story`); None if unclosed."""
    opened = _after_opening(text)
    closing = None if opened is None else _closing_fence(text, opened)
    return None if closing is None else story(text[closing[1] :])


def after_front_matter(text: str) -> tuple[str, int]:
    """The text after a page's front matter (all of it if there is none) and its first line."""
    opened = _after_opening(text)
    closing = None if opened is None else _closing_fence(text, opened)
    if closing is None:
        return text, 1
    return text[closing[1] :], text.count("\n", 0, closing[1]) + 1


def story(body: str) -> str:
    """The Markdown body starting with a newline, so a first line `---` is never front matter."""
    return "\n" + body.lstrip("\n")


def _after_opening(text: str) -> int | None:
    """Where the line after the opening `---` starts, if text opens with one."""
    end = text.find("\n")
    if text[: end if end >= 0 else len(text)].rstrip() != _FENCE:
        return None
    return end + 1 if end >= 0 else len(text)


def _closing_fence(text: str, start: int) -> tuple[int, int] | None:
    """Where the first closing line from start begins, and where the line after it begins."""
    while True:
        newline = text.find("\n", start)
        end = newline if newline >= 0 else len(text)
        if text[start:end].rstrip() in _CLOSERS:
            return start, end + 1 if newline >= 0 else end
        if newline < 0:
            return None
        start = newline + 1
