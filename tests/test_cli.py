"""The `midtikulturen` command: `check` reports what the build would, `new` writes drafts."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from midtikulturen.cli import main
from midtikulturen.content import loader
from midtikulturen.content.cache_file import cache_path
from midtikulturen.content.clock import today
from tests.sitebuilder import SiteProject, case_text


def run(site: SiteProject, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--config", str(site.write_config()), *args], out)
    return code, out.getvalue()


def test_check_prints_every_problem_as_the_build_does_and_fails(site: SiteProject) -> None:
    site.write(
        {
            "cases/a.md": case_text(municipality="Vibrog"),
            "cases/b.md": case_text().replace("title:", "titel:"),
            "docs/index.md": "# Forside\n\n```listing\nshow: case\n```\n",
        }
    )
    code, out = run(site, "check")
    assert code == 1
    assert (
        "cases/a.md:6: `municipality`: 'Vibrog' er ikke en kendt kommune — mente du "
        "'Viborg'?" in out
    )
    assert "cases/b.md:2: ukendt felt `titel` — mente du `title`?" in out
    assert "docs/index.md:4: `show` kan ikke være 'case'" in out
    assert "cases/b.md:2: feltet `title` mangler" in out
    assert "4 problem(er) skal rettes." in out


def test_check_as_github_annotations(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text(municipality="Vibrog", title="50 % kultur")})
    code, out = run(site, "check", "--format", "github")
    assert code == 1
    assert out.splitlines() == [
        "::error file=cases/a.md,line=6,title=Midt i Kulturen::`municipality`: 'Vibrog' er ikke "
        "en kendt kommune — mente du 'Viborg'? (en ny værdi tilføjes i vocabularies.yml under "
        "municipalities)"
    ]


def test_check_passes_good_content_and_only_reminds_of_a_stale_guide(site: SiteProject) -> None:
    site.write(
        {
            "cases/a.md": case_text(),
            "docs/guides/g.md": "---\ntitle: G\ndescription: D\nupdated: 2020-01-01\n---\nx\n",
        }
    )
    code, out = run(site, "check", "--format", "github")
    assert code == 0
    assert out.startswith("::notice file=docs/guides/g.md,line=1,")
    assert "sidst tjekket 1. januar 2020" in out


def test_check_reads_again_only_what_changed_since_the_last_check(
    site: SiteProject, monkeypatch: pytest.MonkeyPatch, own_cache_folder: Path
) -> None:
    site.write({"cases/a.md": case_text(), "cases/b.md": case_text(municipality="Vibrog")})
    assert run(site, "check")[0] == 1
    assert [p.name for p in (own_cache_folder / "midtikulturen").iterdir()] == [
        cache_path(site.root).name
    ], "kept in the user's cache folder, not in the project"
    assert not (site.root / ".cache").exists()
    parsed: list[str] = []
    original = loader.read_front_matter
    monkeypatch.setattr(
        loader, "read_front_matter", lambda path, text: parsed.append(path) or original(path, text)
    )
    code, out = run(site, "check")
    assert (code, parsed) == (1, [])  # nothing changed: the cached problem, not re-read
    assert "cases/b.md:6: `municipality`: 'Vibrog'" in out
    site.write({"cases/b.md": case_text(municipality="Viborg")})
    assert run(site, "check") == (0, "Alt i orden: 2 cases, 0 guides og 0 kulturhuse.\n")
    assert parsed == ["cases/b.md"]
    site.write(
        {
            "vocabularies.yml": (site.root / "vocabularies.yml")
            .read_text(encoding="utf-8")
            .replace('  - {name: Viborg, code: "0791"}\n', "")
        }
    )
    code, out = run(site, "check")  # a changed vocabulary: everything is read again
    assert code == 1 and "'Viborg' er ikke en kendt kommune" in out
    assert sorted(parsed) == ["cases/a.md", "cases/b.md", "cases/b.md"]


def test_check_ignores_a_broken_cache_and_can_do_without_one(
    site: SiteProject, capsys: pytest.CaptureFixture[str]
) -> None:
    site.write({"cases/a.md": case_text()})
    cache_path(site.root).parent.mkdir(parents=True)
    cache_path(site.root).write_bytes(b"\x80junk")
    assert run(site, "check")[0] == 0
    assert "Bemærk: cachen" in capsys.readouterr().err
    assert run(site, "check")[0] == 0
    assert capsys.readouterr().err == ""
    site.write({"cases/b.md": case_text(title=None)})
    cache_path(site.root).unlink()
    code, out = run(site, "check", "--no-cache")
    assert code == 1 and "cases/b.md:2: feltet `title` mangler" in out
    assert not cache_path(site.root).exists()


def test_check_never_loads_a_committed_pickle(
    site: SiteProject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    marker = tmp_path_factory.mktemp("elsewhere") / "ran"
    payload = pickle.dumps(_Run(str(marker)))
    site.write(
        {
            "cases/a.md": case_text(),
            ".cache/midtikulturen/content.pickle": payload,
            ".cache/midtikulturen/content.json": payload,
        }
    )
    assert run(site, "check")[0] == 0
    assert not marker.exists()


def test_a_cache_of_another_project_is_ignored_with_a_notice(
    site: SiteProject, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    other = SiteProject(tmp_path_factory.mktemp("andet"))
    other.write({"cases/a.md": case_text(municipality="Vibrog")})
    assert run(other, "check")[0] == 1
    site.write({"cases/a.md": case_text(municipality="Vibrog")})
    cache_path(site.root).parent.mkdir(parents=True, exist_ok=True)
    cache_path(site.root).write_bytes(cache_path(other.root).read_bytes())
    assert run(site, "check")[0] == 1
    assert "hører ikke til dette projekt" in capsys.readouterr().err


class _Run:
    """Pickled, this writes a file when it is loaded: what a hostile cache would do."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (Path(self.path), "ran"))


@pytest.mark.parametrize(
    "kind, title, path",
    [
        ("case", "Kulturmødet Mors", "cases/kulturmoedet-mors.md"),
        ("guide", "Nordisk Kulturfond: Opstart", "docs/guides/nordisk-kulturfond-opstart.md"),
        ("kulturhus", "Station K", "docs/kulturhuse/huse/station-k.md"),
        ("episode", "Kulturhuset som samlingssted", "docs/podcast/kulturhuset-som-samlingssted.md"),
        ("arrangement", "Kulturforum 2027", "docs/arrangementer/kulturforum-2027.md"),
    ],
)
def test_new_writes_a_valid_draft_once(site: SiteProject, kind: str, title: str, path: str) -> None:
    code, out = run(site, "new", kind, title)
    assert code == 0, out
    text = (site.root / path).read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == title
    assert meta["draft"] is True
    assert today() in (meta.get("date"), meta.get("updated")) or kind in (
        "kulturhus",
        "arrangement",
    )
    assert text.count("#") >= 8, "every field should carry a Danish comment"
    assert run(site, "check")[0] == 0
    again, message = run(site, "new", kind, title)
    assert again == 1 and "findes allerede" in message
    assert (site.root / path).read_text(encoding="utf-8") == text
    built = site.build()
    assert not any(p.name == "kulturmoedet-mors" for p in built.root.rglob("*"))


def test_command_runs_as_a_process_without_traceback(site: SiteProject) -> None:
    site.write({"cases/a.md": case_text(date="2021-13-40")})
    site.write_config()
    result = subprocess.run(
        [sys.executable, "-m", "midtikulturen", "check"],
        cwd=site.root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "cases/a.md:4: `date`: 2021-13-40 findes ikke i kalenderen" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_names_a_missing_mkdocs_yml(tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["--config", str(tmp_path / "mkdocs.yml"), "check"], out) == 1
    assert "mkdocs.yml:1: filen findes ikke" in out.getvalue()


@pytest.mark.parametrize("value", ["!!int tolv", "!!timestamp i morgen", "!!bool måske"])
def test_check_names_a_yaml_tag_in_mkdocs_yml_that_its_value_does_not_fit(
    site: SiteProject, value: str
) -> None:
    config = site.write_config()
    text = config.read_text(encoding="utf-8")
    config.write_text(f"{text}extra_setting: {value}\n", encoding="utf-8")
    line = text.count("\n") + 1
    out = io.StringIO()
    assert main(["--config", str(config), "check"], out) == 1
    assert f"mkdocs.yml:{line}: en værdi står med et YAML-mærke" in out.getvalue()
