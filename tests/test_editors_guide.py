"""The editors' guide: its examples are complete and pass `check`, as its messages promise.

Problem messages end with "se eksemplet i redaktørvejledningen"; these tests keep the examples
in docs/redaktoer/index.md true to the schemas, field by field.
"""

from __future__ import annotations

import io
import re

import pytest

from midtikulturen.cli import main
from midtikulturen.content.jsonschema import SCHEMAS
from midtikulturen.content.yamldoc import parse_yaml
from tests.media import WEBVTT, silent_mp3
from tests.sitebuilder import REPO, SiteProject, case_text
from tests.sites.test_case_pages import JPEG

GUIDE = (REPO / "docs" / "redaktoer" / "index.md").read_text(encoding="utf-8")
FOLDERS = {
    "cases/": "case",
    "docs/guides/": "guide",
    "docs/kulturhuse/huse/": "kulturhus",
    "docs/podcast/": "episode",
    "docs/arrangementer/": "arrangement",
}
EXAMPLE = re.compile(
    r"Gem filen som `(?P<path>[^`]+\.md)`:\n\n```yaml\n(?P<front>---\n.*?\n---)\n```", re.DOTALL
)


def section(title: str) -> str:
    """The text of the guide's `## title` section."""
    start = GUIDE.index(f"\n## {title}\n")
    end = GUIDE.find("\n## ", start + 1)
    return GUIDE[start : end if end > 0 else None]


def examples() -> dict[str, tuple[str, str]]:
    """The example files of the guide as kind → (path, front matter)."""
    found = {}
    for match in EXAMPLE.finditer(section("Eksempler på front matter")):
        (kind,) = [k for folder, k in FOLDERS.items() if match["path"].startswith(folder)]
        found[kind] = (match["path"], match["front"])
    return found


def check(site: SiteProject) -> tuple[int, str]:
    out = io.StringIO()
    return main(["--config", str(site.write_config()), "check"], out), out.getvalue()


def test_there_is_one_example_per_content_type() -> None:
    assert sorted(examples()) == sorted(SCHEMAS)


@pytest.mark.parametrize("kind", list(SCHEMAS))
def test_example_holds_every_field(kind: str) -> None:
    _, front = examples()[kind]
    data = parse_yaml(front.strip("-\n")).data
    model, _ = SCHEMAS[kind]
    assert list(data) == list(model.model_fields), "the example should show every field in order"


def test_examples_pass_check_as_written(site: SiteProject) -> None:
    files: dict[str, str | bytes] = {
        path: f"{front}\n\nHistorien.\n" for path, front in examples().values()
    }
    case_path, case_front = examples()["case"]
    image = re.search(r"^image: (\S+)", case_front, re.MULTILINE)
    assert image
    files[f"cases/{image[1]}"] = JPEG
    files |= {
        "docs/podcast/audio/fjordstjernen.mp3": silent_mp3(),
        "docs/podcast/audio/fjordstjernen.vtt": WEBVTT,
        "docs/podcast/audio/fjordstjernen.jpg": JPEG,
    }
    site.write(files)
    code, out = check(site)
    assert code == 0, out
    assert out.splitlines()[-1] == (
        "Alt i orden: 1 cases, 1 guides, 1 kulturhuse, 1 podcastafsnit og 1 arrangementer."
    )


def test_vocabulary_examples_pass_check_and_can_be_used(site: SiteProject) -> None:
    """Each example adds entries under a list's key; a case then uses the new value."""
    blocks = re.findall(
        r"```yaml\n(.*?)```", section("Nye værdier i `vocabularies.yml`"), re.DOTALL
    )
    assert len(blocks) == 3
    original = (site.root / "vocabularies.yml").read_text(encoding="utf-8")
    for block in blocks:
        key, entries = block.split("\n", 1)
        assert f"\n{key}\n" in original, key
        (new,) = parse_yaml(block).data[key.rstrip(":")]
        uses = (
            {"municipality": new["name"]}
            if key == "municipalities:"
            else {"themes": [new]}
            if key == "themes:"
            else {}
        )
        assert uses, f"no case field for {key}"
        site.write(
            {
                "vocabularies.yml": original.replace(f"\n{key}\n", f"\n{key}\n{entries}", 1),
                "cases/a.md": case_text(**uses),
            }
        )
        code, out = check(site)
        assert code == 0, f"{block}\n{out}"


def test_a_code_without_its_leading_zero_fails_with_the_message_the_guide_names(
    site: SiteProject,
) -> None:
    vocabulary = site.root / "vocabularies.yml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace(
            "municipalities:\n", "municipalities:\n  - {name: Morsø, code: 773}\n"
        ),
        encoding="utf-8",
    )
    code, out = check(site)
    assert code == 1
    assert "`municipalities.1.code` skal være tekst" in out
    assert "`code` skal være tekst" in section("Nye værdier i `vocabularies.yml`")
