"""The package type-checks, so the content core's contracts hold for its callers."""

from __future__ import annotations

import subprocess
import sys

from tests.sitebuilder import REPO


def test_mypy_finds_no_problems() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr
