"""In the browser, `mkdocs serve` shows content problems and the page comes back once fixed."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.sitebuilder import SiteProject, case_text
from tests.sites.test_serve_preview import serving


def test_the_problem_page_reloads_itself_when_the_fix_is_saved(
    site: SiteProject, page: Page
) -> None:
    site.write({"cases/a.md": case_text("Historien.", title="Alfa")})
    with serving(site, "--livereload") as address:
        page.goto(address + "cases/a/")
        expect(page.locator("h1")).to_have_text("Alfa")
        site.write({"cases/a.md": case_text("Historien.", title="Alfa", municipality="Vibrog")})
        expect(page.locator("h1")).to_have_text("Sitet kan ikke bygges", timeout=60_000)
        expect(page.locator("li")).to_contain_text("cases/a.md:6:")
        site.write({"cases/a.md": case_text("Historien.", title="Beta")})
        expect(page.locator("h1")).to_have_text("Beta", timeout=60_000)
