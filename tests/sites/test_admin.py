"""`mkdocs build` publishes the CMS at /admin/: page, generated configuration, bundle."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
import yaml

from midtikulturen.cms import bundle as vendored
from midtikulturen.cms.bundle import BundleError, load_bundle
from tests.sitebuilder import SiteProject, case_text


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def with_cms(site: SiteProject, **options: str) -> SiteProject:
    site.config["plugins"].append({"midtikulturen/cms": {"repo": "owner/site", **options}})
    return site.write({"cases/alpha.md": case_text()})


def test_build_publishes_the_admin_page_its_configuration_and_the_pinned_bundle(
    site: SiteProject,
) -> None:
    built = with_cms(site, auth_url="https://auth.example.org").build()
    page = built.soup("admin/index.html")
    assert page.html["lang"] == "da" and page.title.get_text() == "Redigér Midt i Kulturen"
    scripts = page.select("script[src]")
    assert [s["src"] for s in scripts] == ["decap-cms-3.16.3/decap-cms.js", "admin.js"]
    for script in scripts:
        assert script["integrity"] == sri((built.root / "admin" / script["src"]).read_bytes())
    policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "connect-src 'self' blob: data: https://api.github.com http://127.0.0.1:8081" in policy
    settings = json.loads(page.select_one("script#mik-cms").get_text())
    assert settings["preview"]["terms"]["municipality"]["Viborg"] == "../kommuner/viborg/"
    assert any("assets/stylesheets/main." in url for url in settings["preview"]["styles"])

    config = yaml.safe_load(built.text("admin/config.yml"))
    assert config["backend"] == {
        "name": "github",
        "repo": "owner/site",
        "branch": "main",
        "squash_merges": True,
        "base_url": "https://auth.example.org",
    }
    assert config["locale"] == "da" and config["site_url"] == "https://example.org/"
    assert [c["folder"] for c in config["collections"]] == [
        "cases",
        "docs/guides",
        "docs/kulturhuse/huse",
        "docs/podcast",
        "docs/arrangementer",
    ]

    folder = built.root / "admin" / "decap-cms-3.16.3"
    manifest = json.loads(vendored.MANIFEST.read_text(encoding="utf-8"))
    for name, integrity in manifest["files"].items():
        assert sri((folder / name).read_bytes()) == integrity, name
    licence = (folder / "LICENSE.txt").read_text(encoding="utf-8")
    assert "MIT License" in licence and "localForage" in licence
    assert not built.exists("admin/decap-cms-3.16.3/decap-cms.js.map")
    assert "admin/" not in built.sitemap()


def test_the_cms_can_be_switched_off(site: SiteProject) -> None:
    assert (
        not with_cms(site)
        .plugin_options("midtikulturen/cms", enabled=False)
        .build()
        .exists("admin/index.html")
    )


def test_a_bundle_that_does_not_match_its_manifest_stops_the_build(
    site: SiteProject, monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    manifest = json.loads(vendored.MANIFEST.read_text(encoding="utf-8"))
    manifest["files"]["decap-cms.js"] = sri(b"something else")
    altered = tmp_path / "decap-cms.json"
    altered.write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setattr(vendored, "MANIFEST", altered)
    load_bundle.cache_clear()
    try:
        with pytest.raises(BundleError, match="decap-cms.js.*tools/vendor_decap.py"):
            load_bundle()
    finally:
        load_bundle.cache_clear()


def test_a_damaged_cache_of_the_unpacked_bundle_is_passed_over(own_cache_folder: Path) -> None:
    load_bundle.cache_clear()
    try:
        good = load_bundle()
        (kept,) = (own_cache_folder / "midtikulturen" / "outputs").glob("*.tar")
        key = kept.name.rsplit("-", 1)[0]
        damaged = io.BytesIO()
        with tarfile.open(fileobj=damaged, mode="w") as archive:
            data = b"alert('planted')"
            member = tarfile.TarInfo("decap-cms.js")
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
        planted = damaged.getvalue()
        name = f"{key}-{hashlib.blake2b(planted, digest_size=12).hexdigest()}.tar"
        kept.unlink()
        (kept.parent / name).write_bytes(planted)  # named as the cache names a sound entry
        load_bundle.cache_clear()
        assert load_bundle().files == good.files
    finally:
        load_bundle.cache_clear()
