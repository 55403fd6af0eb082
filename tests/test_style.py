"""The Python code passes ruff as pyproject.toml configures it: lint, import order and format."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.sitebuilder import REPO


@pytest.mark.parametrize("command", [["check", "--output-format=concise"], ["format", "--check"]])
def test_ruff_is_clean(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
