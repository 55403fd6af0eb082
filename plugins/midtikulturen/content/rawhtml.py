"""Raw HTML and link targets in Markdown that would run script on the site, found by line.

Every page is also sanitised after rendering (`render/sanitize.py`); this scan tells the
editor what would be removed, so `check` and the build refuse it instead of dropping it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

from .links import without_code
from .problems import Problem

_TAGS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "style",
        "link",
        "meta",
        "base",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "svg",
        "math",
        "template",
        "noscript",
        "portal",
    }
)
# Each pattern starts with a literal, so searching a body for it is fast.
_TAG = re.compile(r"<\s*/?\s*([A-Za-z][\w:-]*)([^>]*)")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][\w+.\-]*:[^>\s]*)>")
_HANDLER = re.compile(r"(?:^|[\s/\"'])(on[a-z]+)\s*=", re.IGNORECASE)
_URL_ATTRIBUTE = re.compile(
    r"""(?:^|[\s/"'])(?:href|src|action|formaction|poster|background|srcset|xlink:href|data)
    \s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
    re.IGNORECASE | re.VERBOSE,
)
_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript|mocha):")
_SAFE_START = ("http://", "https://", "mailto:", "tel:", "/", "#", ".")


def unsafe_markup(path: str, body: str, first_line: int = 1) -> list[Problem]:
    """A problem for each line of body (file line first_line) with script-capable markup.

    Code (fenced blocks and `code spans`) is shown as text, so what it holds is allowed.
    """
    if not _findings(body):
        return []
    text = without_code(body)
    found: dict[int, str] = {}
    for index, message in _findings(text):
        found.setdefault(text.count("\n", 0, index), message)
    return [Problem(path, first_line + line, message) for line, message in sorted(found.items())]


def _findings(text: str) -> list[tuple[int, str]]:
    """Where text holds script-capable markup, with the message for each."""
    return list(_tags(text)) + list(_links(text)) if "<" in text or "]" in text else []


def _tags(text: str) -> Iterator[tuple[int, str]]:
    if "<" not in text:
        return
    for tag in _TAG.finditer(text):
        name, attributes = tag[1].lower(), tag[2]
        if name in _TAGS:
            yield (
                tag.start(),
                (
                    f"`<{name}>` er ikke tilladt i teksten, fordi det kan køre kode "
                    "på sitet — slet det (indhold fra andre sider, fx video, kan "
                    "ikke lægges ind som HTML)"
                ),
            )
        if "=" not in attributes:
            continue
        if handler := _HANDLER.search(attributes):
            yield (
                tag.start(),
                (
                    f"attributten `{handler[1].lower()}` er ikke tilladt, fordi den "
                    "kører kode på sitet — slet den"
                ),
            )
        for url in _URL_ATTRIBUTE.finditer(attributes):
            if scheme := _scheme_of(next(v for v in url.groups() if v is not None)):
                yield tag.start(), _scheme_message(scheme)
    for link in _AUTOLINK.finditer(text):
        if scheme := _scheme_of(link[1]):
            yield link.start(), _scheme_message(scheme)


def _links(text: str) -> Iterator[tuple[int, str]]:
    for pattern in (_LINK, _REFERENCE):
        for link in pattern.finditer(text):
            if scheme := _scheme_of(link[1]):
                yield link.start(), _scheme_message(scheme)


def _scheme_of(target: str) -> str | None:
    """The dangerous scheme of a link target as a browser reads it, if it has one."""
    if target.startswith(_SAFE_START) or (":" not in target and "&" not in target):
        return None
    cleaned = re.sub(r"[\x00-\x20\\]", "", unescape(target)).lower()
    match = _SCHEME.match(cleaned)
    return match[0] if match else None


def _scheme_message(scheme: str) -> str:
    if scheme == "data:":
        return (
            "en `data:`-adresse kan ikke bruges som link eller billede — læg filen i "
            "projektet (billeder i cases/images/) og henvis til den"
        )
    return (
        f"et link til `{scheme}` kører kode på sitet og er ikke tilladt — link til en "
        "webadresse (https://…) i stedet"
    )
