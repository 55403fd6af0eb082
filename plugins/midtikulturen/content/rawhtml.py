"""Raw HTML and link targets in Markdown that would run script on the site, found by line.

Every page is also sanitised after rendering (`render/sanitize.py`); this scan tells the
editor what would be removed, so `check` and the build refuse it instead of dropping it.
"""

from __future__ import annotations

import re
from html import unescape

from .problems import Problem

_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link",
         "meta", "base", "form", "input", "button", "textarea", "select", "svg", "math",
         "template", "noscript", "portal")
_DANGER = re.compile(r"(?i)<\s*/?\s*(?:" + "|".join(_TAGS) + r")\b|\bon[a-z]+\s*=|script|data"
                     r"\s*:|&#|%[0-9a-f]{2}")
_TAG = re.compile(r"(?i)<\s*(" + "|".join(_TAGS) + r")\b")
_HANDLER = re.compile(r"(?i)<[a-z][^>]*?[\s/\"'](on[a-z]+)\s*=")
_TARGETS = re.compile(
    r"""(?ix)
    \]\(\s*<?(?P<link>[^)\s>]+)              # [text](target) and ![alt](target)
    | ^[ ]{0,3}\[[^\]]+\]:\s*<?(?P<ref>\S+?)>?(?:\s|$)   # [label]: target
    | <(?P<auto>[a-z][a-z0-9+.\-]*:[^>\s]*)>     # <scheme:target>
    | \b(?:href|src|action|formaction|poster|background|srcset|xlink:href|data)\s*=\s*
      (?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s>]+))""", re.MULTILINE)
_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript|mocha):")
_CODE_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def unsafe_markup(path: str, body: str, first_line: int = 1) -> list[Problem]:
    """A problem for each line of body (file line first_line) with script-capable markup.

    Code (fenced blocks and `code spans`) is shown as text, so what it holds is allowed.
    """
    if not _DANGER.search(body):
        return []
    text = _without_code(body)
    found: dict[int, str] = {}
    for match in _TAG.finditer(text):
        found.setdefault(_line(text, match.start()), f"`<{match[1].lower()}>` er ikke tilladt i "
                         "teksten, fordi det kan køre kode på sitet — slet det (indhold fra "
                         "andre sider, fx video, kan ikke lægges ind som HTML)")
    for match in _HANDLER.finditer(text):
        found.setdefault(_line(text, match.start(1)), f"attributten `{match[1].lower()}` er "
                         "ikke tilladt, fordi den kører kode på sitet — slet den")
    for match in _TARGETS.finditer(text):
        target = next(value for value in match.groups() if value is not None)
        scheme = _scheme_of(target)
        if scheme:
            found.setdefault(_line(text, match.start()), _scheme_message(scheme))
    return [Problem(path, first_line + line, message) for line, message in sorted(found.items())]


def _scheme_of(target: str) -> str | None:
    """The dangerous scheme of a link target as a browser reads it, if it has one."""
    cleaned = re.sub(r"[\x00-\x20\\]", "", unescape(target)).lower()
    match = _SCHEME.match(cleaned)
    return match[0] if match else None


def _scheme_message(scheme: str) -> str:
    if scheme == "data:":
        return ("en `data:`-adresse kan ikke bruges som link eller billede — læg filen i "
                "projektet (billeder i cases/images/) og henvis til den")
    return (f"et link til `{scheme}` kører kode på sitet og er ikke tilladt — link til en "
            "webadresse (https://…) i stedet")


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def _without_code(body: str) -> str:
    """body with fenced code and code spans blanked out, lines kept in place."""
    lines = body.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        opener = _CODE_FENCE.match(line)
        if fence is None and opener:
            fence = opener[1]
            lines[index] = ""
        elif fence is not None:
            if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                fence = None
            lines[index] = ""
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), "\n".join(lines))
