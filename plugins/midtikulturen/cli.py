"""`midtikulturen`: check content and scaffold new files, without building the site."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from .content.cache_file import cache_path, load_verdicts, save_verdicts
from .content.check import Checked, check_content
from .content.clock import today
from .content.guides import is_stale
from .content.problems import ContentError, Problem
from .content.terms import Taxonomy
from .content.vocabulary import load_vocabulary
from .editor_schemas import SCHEMA_DIR, refresh_schemas, write_schemas
from .project import plugin_options, read_project
from .render.danish import long_date
from .scaffold import KINDS, ScaffoldError, scaffold

CMS = "midtikulturen/cms"


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    """Run the command line; the return value is the process's exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return check(Path(args.config), args.format, out, cached=not args.no_cache)
        if args.command == "schema":
            return schema(Path(args.config), Path(args.out), out)
        if args.command == "edit":
            return edit_locally(Path(args.config), args.port, "git" if args.git else "fs", out)
        if args.command == "export":
            from .export.command import export  # not imported for `check`, whose start counts

            return export(Path(args.config), Path(args.folder), out)
        return new(Path(args.config), args.kind, args.title, out)
    except BrokenPipeError:  # `midtikulturen check | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def run() -> NoReturn:
    """The `midtikulturen` command: main, then exit without freeing what it read one by one.

    Tearing down thousands of validated files took a tenth of `check` on a large site.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        code = code or 1
    os._exit(code)


def check(config_file: Path, style: str, out: TextIO, cached: bool = True) -> int:
    """Validate every content file; print each problem and reminder; 1 if any problem.

    Files that did not change since the last check are not validated again (see cache_file).
    The editors' JSON Schemas in schemas/ are brought up to date on the way (editor_schemas).
    """
    project, verdicts = None, None
    try:
        project = read_project(config_file)
        refresh_schemas(project.root, project.layout)
        if cached:
            verdicts, notice = load_verdicts(cache_path(project.root), project.root)
            if notice:
                print(f"Bemærk: {notice}.", file=sys.stderr)
        checked = check_content(project.root, project.layout, today(), verdicts)
    except ContentError as error:
        for problem in error.problems:
            print(_format(problem, style, "error"), file=out)
        if style == "text":
            print(f"\n{len(error.problems)} problem(er) skal rettes.", file=out)
        return 1
    finally:
        if project is not None and verdicts is not None:
            save_verdicts(verdicts, cache_path(project.root), project.root)
    for path, updated in checked.guides:
        if is_stale(updated, today(), project.guide_max_age_months):
            reminder = Problem(
                path,
                1,
                f"påmindelse: guiden blev sidst tjekket "
                f"{long_date(updated)} — tjek oplysningerne og ret "
                "`updated`",
            )
            print(_format(reminder, style, "notice"), file=out)
    if style == "text":
        print(f"Alt i orden: {_counted(checked)}.", file=out)
    return 0


def _counted(checked: Checked) -> str:
    """How many files of each kind were checked, in Danish."""
    counts = [
        f"{checked.cases} cases",
        f"{len(checked.guides)} guides",
        f"{checked.houses} kulturhuse",
    ]
    if checked.episodes or checked.events:
        counts += [f"{checked.episodes} podcastafsnit", f"{checked.events} arrangementer"]
    return ", ".join(counts[:-1]) + " og " + counts[-1]


def new(config_file: Path, kind: str, title: str, out: TextIO) -> int:
    """Write a new draft of kind with title; 1 if the file exists or the title is unusable."""
    try:
        project = read_project(config_file)
        root = project.root
        vocabulary = load_vocabulary(
            root / project.layout.vocabulary_file, project.layout.vocabulary_file
        )
        series = vocabulary.terms[Taxonomy.SERIES]
        path = scaffold(
            root, project.layout, kind, title, today(), series[0].name if series else "Skriv serien"
        )
    except (ContentError, ScaffoldError) as error:
        print(str(error), file=out)
        return 1
    print(f"Oprettet {path.relative_to(root).as_posix()} (kladde: draft: true).", file=out)
    return 0


def edit_locally(config_file: Path, port: int, mode: str, out: TextIO) -> int:
    """Run the CMS against the working copy, with the site's preview, until Ctrl+C."""
    from .cms.edit import edit  # not imported for `check`, whose start-up time counts

    try:
        root = read_project(config_file).root
        options = plugin_options(config_file, CMS)
    except ContentError as error:
        print(str(error), file=out)
        return 1
    return edit(root, config_file, options, port, mode, out)


def schema(config_file: Path, folder: Path, out: TextIO) -> int:
    """Write the JSON Schema of each content type's front matter and of the vocabulary."""
    try:
        project = read_project(config_file)
        root, layout = project.root, project.layout
        vocabulary = load_vocabulary(root / layout.vocabulary_file, layout.vocabulary_file)
    except ContentError as error:
        print(str(error), file=out)
        return 1
    target = folder if folder.is_absolute() else root / folder
    written = write_schemas(target, vocabulary)
    print(f"Skrev {len(written)} skemaer i {target}.", file=out)
    return 0


def _format(problem: Problem, style: str, level: str) -> str:
    if style == "github":
        return (
            f"::{level} file={_property(problem.path)},line={problem.line},"
            f"title=Midt i Kulturen::{_data(problem.message)}"
        )
    return str(problem)


def _data(text: str) -> str:
    """Text escaped for a GitHub Actions workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Text escaped for a GitHub Actions workflow command's property value."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="midtikulturen",
        description="Tjek indhold, opret nye filer og eksportér sitet til Midt i Kulturen.",
    )
    parser.add_argument("--config", default="mkdocs.yml", help="stien til mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)
    checker = commands.add_parser("check", help="tjek alt indhold uden at bygge sitet")
    checker.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: annotationer til GitHub Actions",
    )
    checker.add_argument(
        "--no-cache",
        action="store_true",
        help="læs alle filer igen, også dem der ikke er ændret siden sidst",
    )
    schemas = commands.add_parser(
        "schema", help="skriv JSON-skemaer til editorer (check holder dem også opdateret)"
    )
    schemas.add_argument("--out", default=SCHEMA_DIR, help="mappen skemaerne skrives i")
    editor = commands.add_parser("edit", help="redigér i browseren (CMS'en) på denne maskine")
    editor.add_argument(
        "--port", type=int, default=8000, help="portnummeret til forhåndsvisningen (8000)"
    )
    editor.add_argument(
        "--git",
        action="store_true",
        help="gem hver ændring som en commit på sin egen gren, ikke som filer",
    )
    exporter = commands.add_parser(
        "export",
        help="skriv sitets sider som en docs-mappe, Zensical kan bygge (uden MkDocs)",
        description="Skriver hver side (cases, guides, kulturhuse, podcastafsnit, "
        "arrangementer, lister, emnesider og redaktørens egne sider) som Markdown med sidens "
        "HTML, og feeds, kalendere og data ved siden af, samt en mkdocs.yml til Zensical.",
    )
    exporter.add_argument(
        "folder",
        metavar="MAPPE",
        help="hvor eksporten skrives (en ny mappe eller en tidligere eksport)",
    )
    creator = commands.add_parser("new", help="opret en ny kladde med alle felter")
    creator.add_argument("kind", choices=KINDS, help="hvad der skal oprettes")
    creator.add_argument("title", help='titlen, fx "Kulturmødet Mors"')
    return parser


if __name__ == "__main__":
    run()
