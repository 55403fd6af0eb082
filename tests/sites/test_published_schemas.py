"""The site plugin publishes the content's JSON Schemas, made from the build's own vocabulary."""

from __future__ import annotations

import json

import pytest

from midtikulturen.content.jsonschema import schema_file_names
from tests.sitebuilder import SiteProject, case_text
from tests.sites.test_public_pages import public_site


def test_schemas_follow_the_vocabulary_of_the_build(site: SiteProject) -> None:
    vocabulary = site.root / "vocabularies.yml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace("themes:\n", "themes:\n  - Musik\n"),
        encoding="utf-8",
    )
    public_site(site).write({"cases/a.md": case_text(themes=["Musik"])})
    built = site.build()
    assert sorted(p.name for p in (built.root / "schemas").iterdir()) == sorted(schema_file_names())
    case = json.loads(built.text("schemas/case.schema.json"))
    assert "Musik" in case["properties"]["themes"]["items"]["enum"]
    assert "example.org/schemas/" not in built.sitemap()


def test_schemas_can_live_elsewhere_or_nowhere(site: SiteProject) -> None:
    public_site(site).plugin_options("midtikulturen/site", schemas="data/skemaer/")
    assert site.build().exists("data/skemaer/vocabularies.schema.json")
    site.plugin_options("midtikulturen/site", schemas="")
    built = site.build()
    assert not built.exists("schemas") and not built.exists("data/skemaer")


@pytest.mark.expect_errors
def test_a_page_in_the_way_of_a_schema_stops_the_build(
    site: SiteProject, caplog: pytest.LogCaptureFixture
) -> None:
    public_site(site).write({"docs/schemas/case.schema.json": "{}"})
    site.build_fails()
    assert any(
        "schemas/case.schema.json laves af midtikulturen/site" in r.getMessage()
        for r in caplog.records
    )
