"""Every page of the site is valid HTML to the Nu Html Checker (vnu), the W3C's validator.

The checker is the npm package vnu-jar, pinned in tools/validators/package-lock.json (`npm ci
--prefix tools/validators`), and runs on Java (`apt-get install -y default-jre-headless`).
`MIK_SKIP_VALIDATORS=1` skips this test on a machine without them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.repository import build_site
from tests.sitebuilder import REPO

VNU = REPO / "tools" / "validators" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(site: Path) -> list[dict[str, object]]:
    """The checker's errors on every HTML file under site."""
    if os.environ.get("MIK_SKIP_VALIDATORS") == "1":
        pytest.skip("validators skipped: MIK_SKIP_VALIDATORS=1")
    missing = [
        why
        for why, ok in (
            (
                "Java is missing: run `apt-get install -y default-jre-headless`",
                shutil.which("java"),
            ),
            (f"{VNU} is missing: run `npm ci --prefix tools/validators`", VNU.is_file()),
        )
        if not ok
    ]
    if missing:
        pytest.fail(
            "the HTML checker cannot run (MIK_SKIP_VALIDATORS=1 skips it):\n" + "\n".join(missing),
            pytrace=False,
        )
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return list(json.loads(result.stderr)["messages"])


def test_every_page_of_the_site_has_no_html_error(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(out)
    pages = list(out.rglob("*.html"))
    assert len(pages) > 60 and (out / "cases/global-roots/index.html").is_file()
    errors = vnu_errors(out)
    assert not errors, "\n".join(
        f"{str(e.get('url', '')).split('/site/')[-1]}:{e.get('lastLine')}: {e.get('message')}"
        for e in errors
    )
