"""The site plugin publishes the content's JSON Schemas, made from the build's own vocabulary."""

from __future__ import annotations

import io
import json

import pytest

from midtikulturen.cli import main
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
@pytest.mark.parametrize("folder", ["schemas", "data/skemaer"])
def test_a_file_in_the_way_of_a_schema_is_refused_by_check_and_build_alike(
    site: SiteProject, caplog: pytest.LogCaptureFixture, folder: str
) -> None:
    public_site(site).plugin_options("midtikulturen/site", schemas=f"/{folder}/")
    site.write({f"docs/{folder}/case.schema.json": "{}"})
    out = io.StringIO()
    assert main(["--config", str(site.write_config()), "check"], out) == 1
    problem = (
        f"docs/{folder}/case.schema.json:1: filen får samme adresse på sitet som indholdets "
        "JSON-skemaer"
    )
    assert problem in out.getvalue()
    site.build_fails()
    assert any(problem in r.getMessage() for r in caplog.records)


def test_without_published_schemas_their_addresses_are_free(site: SiteProject) -> None:
    public_site(site).plugin_options("midtikulturen/site", schemas="")
    site.write({"docs/schemas/case.schema.json": "{}"})
    assert main(["--config", str(site.write_config()), "check"], io.StringIO()) == 0
    assert site.build().text("schemas/case.schema.json") == "{}"
