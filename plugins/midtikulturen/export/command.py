"""`midtikulturen export DIR`: the whole site as a docs tree and mkdocs.yml for Zensical."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TextIO

from ..content.catalog import build_catalog
from ..content.clock import today
from ..content.loader import load_content
from ..content.problems import ContentError
from ..images.cache import RenditionCache, cache_folder
from ..project import read_project
from .settings import read_settings
from .site import plan_site
from .writer import ExportFolderError, write_export
from .zensical import zensical_config


def export(config_file: Path, folder: Path, out: TextIO) -> int:
    """Write the site of the project configured in config_file into folder, as a build today
    would publish it; 1 with every problem printed as `check` prints them, and nothing
    written, if the content or the folder will not do."""
    try:
        project = read_project(config_file)
        settings = read_settings(config_file)
        layout = project.layout
        for inner in (layout.docs_dir, layout.cases_dir):
            if inner and folder.resolve().is_relative_to((project.root / inner).resolve()):
                raise ExportFolderError(
                    f"{folder}: mappen ligger i {inner}/, som sitet bygges af — vælg en mappe "
                    "uden for docs/ og cases/"
                )
        day = today()
        content = load_content(project.root, layout, day)
        catalog = build_catalog(content, day)
        with tempfile.TemporaryDirectory(prefix="midtikulturen-export-") as scratch:
            cache = RenditionCache(cache_folder() if settings.cache_pictures else Path(scratch))
            plan = plan_site(project, settings, content, catalog, cache)
            config = zensical_config(settings, plan.assets)
            write_export(plan, config, folder, layout.directory_urls)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=out)
        print(f"\n{len(error.problems)} problem(er) skal rettes. Intet er eksporteret.", file=out)
        return 1
    except ExportFolderError as error:
        print(error, file=out)
        return 1
    print(
        f"Eksporterede {len(plan.pages)} sider og {len(plan.files)} andre filer til {folder}.\n"
        f"Byg sitet med Zensical: cd {folder} && zensical build",
        file=out,
    )
    return 0
