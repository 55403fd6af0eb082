"""Invisible control characters, which YAML, XML feeds and JSON refuse, found with their place."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic_core import PydanticCustomError

from .problems import Problem

# What YAML calls non-printable, which XML 1.0 and strict JSON consumers also choke on: C0
# controls but tab and newline, DEL, C1 controls but NEL, lone surrogates and U+FFFE/U+FFFF.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
MAX_REPORTED = 10  # a file full of them is one mistake (usually a file that is not text)

_NAMES = {
    "\x00": "NUL",
    "\x0b": "lodret tabulator",
    "\x0c": "sideskift",
    "\x1b": "ESC",
    "\x7f": "DEL",
    "\ufffe": "ikke-tegnet",
    "\uffff": "ikke-tegnet",
}


def describe(char: str, column: int) -> str:
    """The Danish message for the control character char at column (1-based)."""
    name = _NAMES.get(char, "et usynligt styretegn")
    return (
        f"{name} (U+{ord(char):04X}) i kolonne {column} — slet tegnet; det følger ofte "
        "med, når tekst kopieres fra et andet program"
    )


def find_controls(text: str) -> Iterator[tuple[int, int, str]]:
    """Each control character in text as (0-based line, 1-based column, character)."""
    for match in CONTROL.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        yield text.count("\n", 0, match.start()), match.start() - start + 1, match[0]


def control_problems(path: str, text: str, first_line: int = 1) -> list[Problem]:
    """A problem per line of text (file line first_line) holding a control character."""
    if not CONTROL.search(text):
        return []
    problems: list[Problem] = []
    lines: set[int] = set()
    for line, column, char in find_controls(text):
        if line in lines:
            continue
        lines.add(line)
        if len(problems) == MAX_REPORTED:
            problems.append(
                Problem(
                    path,
                    first_line + line,
                    "flere linjer med usynlige "
                    "styretegn — gem filen igen som almindelig tekst (UTF-8)",
                )
            )
            break
        problems.append(Problem(path, first_line + line, describe(char, column)))
    return problems


def printable(value: str) -> str:
    """value, unless it holds a control character (in YAML written as an escape: `"\\0"`)."""
    if match := CONTROL.search(value):
        raise PydanticCustomError(
            "control_character",
            "teksten indeholder et usynligt styretegn (U+{code}) — slet "
            "det (i YAML fx skrevet som `\\0` eller `\\x1b`)",
            {"code": f"{ord(match[0]):04X}"},
        )
    return value
