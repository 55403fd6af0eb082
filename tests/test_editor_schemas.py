"""`midtikulturen check` keeps the editors' JSON Schemas in schemas/ current, untouched by hand."""

from __future__ import annotations

import io
import json
import re
import subprocess

from midtikulturen.cli import main
from midtikulturen.content.jsonschema import schema_file_names
from midtikulturen.editor_schemas import refresh_schemas
from midtikulturen.project import read_project
from tests.sitebuilder import REPO, SiteProject, case_text


def check(site: SiteProject) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--config", str(site.write_config()), "check"], out)
    return code, out.getvalue()


def themes_in(site: SiteProject) -> list[str]:
    described = json.loads((site.root / "schemas" / "case.schema.json").read_text(encoding="utf-8"))
    found: list[str] = described["properties"]["themes"]["items"]["enum"]
    return found


def add_theme(site: SiteProject, name: str) -> None:
    path = site.root / "vocabularies.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("themes:\n", f"themes:\n  - {name}\n"), encoding="utf-8")


def test_check_writes_every_schema_and_rewrites_them_when_the_vocabulary_changes(
    site: SiteProject,
) -> None:
    site.write({"cases/a.md": case_text()})
    assert check(site) == (0, "Alt i orden: 1 cases, 0 guides og 0 kulturhuse.\n")
    folder = site.root / "schemas"
    assert sorted(p.name for p in folder.glob("*.json")) == sorted(schema_file_names())
    assert "Musik" not in themes_in(site)
    add_theme(site, "Musik")
    site.write({"cases/a.md": case_text(themes=["Musik"])})
    assert check(site)[0] == 0
    assert themes_in(site)[0] == "Musik"


def test_schemas_are_left_alone_while_nothing_changed(site: SiteProject) -> None:
    project = read_project(site.write_config())
    root, layout = project.root, project.layout
    assert refresh_schemas(root, layout) is True
    assert refresh_schemas(root, layout) is False
    (root / "schemas" / "guide.schema.json").unlink()
    assert refresh_schemas(root, layout) is True
    assert (root / "schemas" / "guide.schema.json").is_file()


def test_a_broken_vocabulary_keeps_the_last_good_schemas(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text()})
    assert check(site)[0] == 0
    before = themes_in(site)
    vocabulary = site.root / "vocabularies.yml"
    good = vocabulary.read_text(encoding="utf-8")
    vocabulary.write_text(
        good.replace("themes:\n", "themes:\n  - {ikke: afsluttet\n"), encoding="utf-8"
    )
    code, out = check(site)
    assert code == 1 and "vocabularies.yml:" in out
    assert themes_in(site) == before
    vocabulary.write_text(good, encoding="utf-8")
    add_theme(site, "Musik")
    assert check(site)[0] == 0
    assert themes_in(site)[0] == "Musik"


def test_vscode_maps_the_vocabulary_schema_that_check_writes(site: SiteProject) -> None:
    """.vscode/settings.json names files in schemas/ that `check` makes; the extension that reads
    them is recommended; mkdocs.yml's Python tags are declared so it is not marked as wrong."""
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    mapping: dict[str, list[str]] = settings["yaml.schemas"]
    assert mapping == {"./schemas/vocabularies.schema.json": ["vocabularies.yml"]}
    site.write({"cases/a.md": case_text()})
    assert check(site)[0] == 0
    for schema_file in mapping:
        assert (site.root / schema_file).is_file(), schema_file
    tags = set(
        re.findall(r"!!(python/name:\S+)", (REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    )
    declared = {
        tag.split()[0].removeprefix("tag:yaml.org,2002:") for tag in settings["yaml.customTags"]
    }
    assert tags and tags <= declared


def test_schemas_folder_is_ignored_by_git() -> None:
    ignored = subprocess.run(["git", "check-ignore", "-q", "schemas/case.schema.json"], cwd=REPO)
    kept = subprocess.run(["git", "check-ignore", "-q", ".vscode/settings.json"], cwd=REPO)
    assert (ignored.returncode, kept.returncode) == (0, 1)
