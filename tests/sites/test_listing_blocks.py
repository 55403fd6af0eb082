"""`listing` blocks in editors' pages: what they show and what a mistake in one reports."""

from __future__ import annotations

import pytest

from tests.sitebuilder import SiteProject, case_text

FRONT = """---
description: Forsiden.
---
# Forside

## Nyeste om børn

```listing
show: cases
themes: Børn og unge
limit: 2
```

## Indgange

```listing
show: sections
```

## Temaer

```listing
show: themes
```
"""


def test_blocks_list_matching_cases_terms_and_sections(site: SiteProject) -> None:
    site.write(
        {
            f"cases/c{day}.md": case_text(
                title=f"Case {day}", date=f"2021-06-{day:02d}", themes=["Børn og unge"]
            )
            for day in (1, 2, 3)
        }
    )
    site.write(
        {"cases/other.md": case_text(title="Andet", date="2022-01-01"), "docs/index.md": FRONT}
    )
    page = site.build().soup("index.html")
    newest = page.find("h2", string="Nyeste om børn").find_next("ul")
    assert [a.get_text() for a in newest.select(".mik-card__title a")] == ["Case 3", "Case 2"]
    assert [a["href"] for a in newest.select("a")] == ["cases/c3/", "cases/c2/"]
    more = newest.find_next("p", class_="mik-more").a
    assert (more.get_text(), more["href"]) == (
        "Alle cases med temaet Børn og unge",
        "temaer/boern-og-unge/",
    )
    sections = {li.a.get_text(): li.span.get_text() for li in page.select("ul.mik-sections li")}
    assert sections["Cases"] == "4 cases"
    assert sections["Temaer"] == "1 af 11 temaer har cases"
    themes = page.find("h2", string="Temaer").find_next("ul")
    assert themes.find("a", string="Børn og unge").find_next("span").get_text() == "3 cases"
    assert "```" not in page.get_text() and "show:" not in page.get_text()


def test_block_inside_an_ordinary_subpage_links_relative_to_it(site: SiteProject) -> None:
    site.write(
        {
            "cases/a.md": case_text(title="A"),
            "docs/om/index.md": "# Om\n\n```listing\nshow: cases\n```\n",
        }
    )
    page = site.build().soup("om/index.html")
    assert page.select_one(".mik-card__title a")["href"] == "../cases/a/"


@pytest.mark.expect_errors
def test_mistakes_in_blocks_are_reported_with_file_and_line(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    site.write(
        {
            "cases/a.md": case_text(municipality="Vibrog"),
            "docs/index.md": "# Forside\n\n```listing\nshow: case\nthemes: Børn & unge\n"
            "limt: 3\n```\n\n~~~listing\nshow: themes\nlimit: 3\n~~~\n\n"
            "```listing\nshow: fields\n```\n",
        }
    )
    site.build_fails()
    report = "\n".join(r.getMessage() for r in caplog.records)
    assert "cases/a.md:6:" in report
    assert (
        "docs/index.md:4: `show` kan ikke være 'case' — skriv en af 'cases', 'guides', "
        "'deadlines', 'houses', 'events', 'municipalities', 'themes', 'programmes', 'support', "
        "'sections' eller 'fields'"
    ) in report
    assert (
        "docs/index.md:5: `themes`: 'Børn & unge' er ikke et kendt tema — mente du "
        "'Børn og unge'?" in report
    )
    assert "docs/index.md:6: ukendt felt `limt` — mente du `limit`?" in report
    assert "docs/index.md:11: `limit`: `show: themes` viser altid alle værdier" in report
    assert (
        "docs/index.md:15: `show`: `show: fields` viser felterne for én type indhold — skriv "
        "både `show: fields` og `type:` med én af `case`, `guide`, `kulturhus`, `episode`, "
        "`arrangement`" in report
    )
    assert "Traceback" not in report


def test_a_block_shown_as_an_example_inside_a_code_fence_is_left_alone(site: SiteProject) -> None:
    site.write(
        {
            "cases/a.md": case_text(title="A"),
            "docs/index.md": "# Forside\n\n````\n```listing\nshow: cases\n```\n````\n\n"
            "```listing\nshow: cases\n```\n",
        }
    )
    page = site.build().soup("index.html")
    assert "show: cases" in page.select_one("pre").get_text()
    assert [a.get_text() for a in page.select(".mik-card__title a")] == ["A"]
