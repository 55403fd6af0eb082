"""Links and images in Markdown bodies: where they are written and what they point at."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote

# Each pattern starts with a literal, so searching a body for it is fast.
LINK = re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^)\s]+))")
REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
ATTRIBUTE = re.compile(r"""<[A-Za-z][^>]*?\s(?:href|src)\s*=\s*["']([^"'>]*)["']""")
_SCHEME = re.compile(r"^[A-Za-z][\w+.\-]*:")
_CODE_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def without_code(body: str) -> str:
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


def file_links(body: str) -> list[tuple[int, str]]:
    """The links and images of body that name a file relative to its page, by 0-based line.

    What MkDocs checks when it builds: not web addresses, not `/absolute` paths, not
    `#anchors`, not folders (`../kommuner/`); the `#part` and `?query` are left off.
    """
    if "](" not in body and "]:" not in body and "<" not in body:
        return []
    text = without_code(body) if "`" in body or "~~~" in body else body
    found = []
    for pattern in (LINK, REFERENCE, ATTRIBUTE):
        for match in pattern.finditer(text):
            target = _file_target(next(g for g in match.groups() if g is not None))
            if target:
                found.append((text.count("\n", 0, match.start()), target))
    return sorted(set(found))


def _file_target(href: str) -> str | None:
    """The file part of a relative href, if it names a file."""
    if not href or href.startswith(("/", "#")) or _SCHEME.match(href):
        return None
    path = unquote(re.split(r"[#?]", href, maxsplit=1)[0])
    return path if posixpath.splitext(path)[1] else None


def resolve(page: str, target: str) -> str | None:
    """The path (as the page's own is written) of target seen from page, if it stays inside."""
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
    return None if joined.startswith("../") or joined == ".." else joined
