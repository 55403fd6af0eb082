"""The pre-commit hook: `midtikulturen check` with this checkout's code, from any git client.

pre-commit runs this file with the Python of an environment it made itself from the packages
in .pre-commit-config.yaml, so the hook needs no activated virtual environment and no
`midtikulturen` on PATH: a GUI git client, which has neither, runs it as a terminal does.
Where the packages are missing, it says in Danish how to install them.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELP = """\
Tjekket af indholdet kunne ikke gå i gang: {reason}.

Sådan sætter du tjekket op (én gang, i en terminal i projektets mappe):
    python3 -m pip install pre-commit
    pre-commit install
Derefter henter pre-commit selv det, tjekket skal bruge, første gang du laver et commit.
Vil du hellere køre tjekket selv: python3 -m pip install -e . og så midtikulturen check.
Se README.md og redaktørvejledningen (docs/redaktoer/index.md)."""


def main() -> int:
    """Check every content file of this checkout; 1 if anything is wrong or missing."""
    if sys.version_info < (3, 11):  # noqa: UP036 (pre-commit may pick an older Python)
        return _explain(
            f"Python {sys.version.split()[0]} er for gammel — tjekket kræver "
            "Python 3.11 eller nyere"
        )
    sys.path.insert(0, str(ROOT / "plugins"))
    try:
        from midtikulturen.cli import main as cli
    except ImportError as error:
        return _explain(f"pakken '{error.name}' mangler")
    return cli(["--config", str(ROOT / "mkdocs.yml"), "check"])


def _explain(reason: str) -> int:
    print(HELP.format(reason=reason), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
