"""Each file is read once per build: a save during a build never mixes two versions on a page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from midtikulturen.collection import plugin
from tests.sitebuilder import SiteProject, case_text


def test_a_save_during_the_build_does_not_reach_the_pages(
    site: SiteProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    site.write(
        {
            "cases/a.md": case_text("Første udgave.", title="Første"),
            "docs/om.md": "# Om\n\nFørste udgave af siden.\n",
            "docs/guides/g.md": "---\ntitle: G\ndescription: D\nupdated: 2026-01-05\n---\n"
            "Første udgave af guiden.\n",
        }
    )
    loaded = plugin.load_content

    def load_then_save(root: Path, *args: Any) -> Any:
        content = loaded(root, *args)
        site.write(
            {
                "cases/a.md": case_text("<script>alert(1)</script>", title="Anden"),
                "docs/om.md": "# Om\n\n<script>alert(1)</script>\n",
                "docs/guides/g.md": "---\ntitle: X\n---\n<script>alert(1)</script>\n",
            }
        )
        return content

    monkeypatch.setattr(plugin, "load_content", load_then_save)
    built = site.build()
    case = built.soup("cases/a/index.html")
    assert case.h1.get_text(strip=True) == "Første"
    assert "Første udgave." in case.get_text() and "Anden" not in case.get_text()
    assert "Første udgave af siden." in built.soup("om/index.html").get_text()
    assert "Første udgave af guiden." in built.soup("guides/g/index.html").get_text()
    assert not any(
        "alert" in s.get_text()
        for path in ("cases/a/index.html", "om/index.html")
        for s in built.soup(path).find_all("script")
    )
