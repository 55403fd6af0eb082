"""The GitHub workflows and the pre-commit hook: valid files; publishing only after green checks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.sitebuilder import REPO, SiteProject, case_text
from tests.sites.test_guides_and_houses import guide
from tests.sites.test_public_pages import public_site

WORKFLOWS = REPO / ".github" / "workflows"
LOCK = REPO / "requirements.txt"
INSTALL_LOCK = "pip install --require-hashes -r requirements.txt"
MATCHERS = REPO / ".github" / "problem-matchers" / "build.json"
HOOK_SCRIPT = "tools/precommit_check.py"
CHECK = "midtikulturen check"
BUILD = "mkdocs build --strict"
TESTS = "pytest"


def load(path: Path) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    """The workflow's `on:` mapping (PyYAML reads the YAML 1.1 key `on` as True)."""
    on: dict[str, Any] = workflow[True] if True in workflow else workflow["on"]
    return on


def steps_of(job: dict[str, Any]) -> list[dict[str, Any]]:
    """The steps of a job; for a job that calls a local reusable workflow, those of its jobs."""
    if uses := job.get("uses"):
        called = load(REPO / uses.removeprefix("./"))
        return [step for sub in called["jobs"].values() for step in steps_of(sub)]
    steps: list[dict[str, Any]] = job.get("steps", [])
    return steps


def runs(job: dict[str, Any]) -> str:
    return "\n".join(step.get("run", "") for step in steps_of(job))


def ancestors(jobs: dict[str, Any], name: str) -> set[str]:
    """Every job that must succeed before job `name` runs."""
    needs = jobs[name].get("needs", [])
    direct = {needs} if isinstance(needs, str) else set(needs)
    return direct.union(*(ancestors(jobs, n) for n in direct))


def deploy_job(workflow: dict[Any, Any]) -> str:
    names: list[str] = [
        name
        for name, job in workflow["jobs"].items()
        if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in steps_of(job))
    ]
    assert len(names) == 1, f"one job deploys to GitHub Pages, not {names}"
    return names[0]


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_workflows_match_githubs_schema() -> None:
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert {f.name for f in files} >= {"ci.yml", "publish.yml"}
    result = check_jsonschema("vendor.github-workflows", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_run_check_strict_build_and_tests() -> None:
    ci = load(WORKFLOWS / "ci.yml")
    assert {"pull_request", "workflow_call"} <= triggers(ci).keys()
    commands = "\n".join(runs(job) for job in ci["jobs"].values())
    assert f"{CHECK} --format github" in commands
    assert BUILD in commands
    assert TESTS in commands


def test_browser_tests_get_debians_chromium() -> None:
    """tests/browser drive /usr/bin/chromium, which Debian's package provides."""
    (job,) = [job for job in load(WORKFLOWS / "ci.yml")["jobs"].values() if TESTS in runs(job)]
    assert "bookworm" in job["container"]["image"]
    assert re.search(r"apt-get install -y\b.*\bchromium\b", runs(job))


def test_publishing_triggers() -> None:
    on = triggers(load(WORKFLOWS / "publish.yml"))
    assert "main" in on["push"]["branches"]
    assert on["schedule"] and all(entry["cron"] for entry in on["schedule"])
    assert "workflow_dispatch" in on


def test_deploy_needs_the_job_that_checks_builds_tests_and_uploads() -> None:
    publish = load(WORKFLOWS / "publish.yml")
    jobs = publish["jobs"]
    deploy = deploy_job(publish)
    tested = [
        name
        for name in ancestors(jobs, deploy)
        if all(command in runs(jobs[name]) for command in (CHECK, BUILD, TESTS))
    ]
    assert tested, f"{deploy} does not need a job that runs check, build and tests"
    for name in tested:
        steps = steps_of(jobs[name])
        upload = [
            i
            for i, s in enumerate(steps)
            if s.get("uses", "").startswith("actions/upload-pages-artifact@")
        ]
        assert upload, f"{name} does not upload the site it tested"
        # Uploaded last, and only when every earlier step succeeded.
        assert all(upload[0] > i for i, s in enumerate(steps) if s.get("run"))
        assert not re.search(
            r"always\(\)|cancelled\(\)|failure\(\)", str(steps[upload[0]].get("if", ""))
        )
        build = next(s for s in steps if BUILD in s.get("run", ""))
        assert "SOURCE_DATE_EPOCH" in build.get("env", {})


def test_local_workflow_calls_pass_declared_inputs() -> None:
    """GitHub's schema does not follow `uses: ./…` into a called workflow; check its inputs here."""
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        for name, job in load(path)["jobs"].items():
            if job.get("uses", "").startswith("./"):
                called = triggers(load(REPO / job["uses"].removeprefix("./")))
                assert "workflow_call" in called, (
                    f"{path.name}: {name} calls a non-reusable workflow"
                )
                declared = (called["workflow_call"] or {}).get("inputs", {})
                assert set(job.get("with", {})) <= set(declared), f"{path.name}: {name}"


def test_only_the_deploy_job_may_write_pages() -> None:
    publish = load(WORKFLOWS / "publish.yml")
    deploy = deploy_job(publish)
    assert publish["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert publish["jobs"][deploy]["environment"]["name"] == "github-pages"
    assert publish["jobs"][deploy]["permissions"] == {"pages": "write", "id-token": "write"}
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        workflow = load(path)
        granted = [(path.name, "workflow", workflow.get("permissions"))] + [
            (path.name, name, job.get("permissions"))
            for name, job in workflow["jobs"].items()
            if (path.name, name) != ("publish.yml", deploy)
        ]
        assert [g for g in granted if re.search(r"pages|id-token|write-all", str(g[2]))] == []


def pre_commit_hook() -> dict[str, Any]:
    config = load(REPO / ".pre-commit-config.yaml")
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    (hook,) = [hook for hook in hooks if hook["id"] == "midtikulturen-check"]
    return hook


def test_pre_commit_runs_check_on_content() -> None:
    hook = pre_commit_hook()
    assert hook["entry"] == f"python {HOOK_SCRIPT}"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])  # pre-commit matches with re.search on the path
    for path in (
        "cases/global-roots.md",
        "cases/images/x.jpg",
        "docs/guides/a.md",
        "docs/kulturhuse/huse/station-k.md",
        "vocabularies.yml",
    ):
        assert files.search(path), path
    for path in (
        "plugins/midtikulturen/cli.py",
        "tests/cases/a.md",
        "README.md",
        "mkdocs.yml",
        "vocabularies.yml.orig",
    ):
        assert not files.search(path), path


def test_pre_commit_hook_brings_its_own_packages() -> None:
    """`language: python`: pre-commit installs the project's dependencies in an environment of
    its own, so the hook does not depend on a virtual environment being active or on PATH."""
    hook = pre_commit_hook()
    assert hook["language"] == "python"
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert hook["additional_dependencies"] == project["project"]["dependencies"]


def test_hook_script_checks_this_checkout_without_path_or_virtual_environment(
    tmp_path: Path,
) -> None:
    """As a GUI git client runs it: an empty environment, only the interpreter's full path."""
    copy = tmp_path / "repo"
    for part in ("mkdocs.yml", "vocabularies.yml", "cases", "docs", "plugins", "tools"):
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            copy.mkdir(exist_ok=True)
            shutil.copy(source, copy / part)
    hook = [sys.executable, str(copy / HOOK_SCRIPT)]
    passed = subprocess.run(hook, cwd=copy, env={}, capture_output=True, text=True, timeout=120)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert passed.stdout.startswith("Alt i orden:")
    case = copy / "cases" / "global-roots.md"
    case.write_text(
        case.read_text(encoding="utf-8").replace("municipality: Viborg", "municipality: Vibrog"),
        encoding="utf-8",
    )
    failed = subprocess.run(hook, cwd=copy, env={}, capture_output=True, text=True, timeout=120)
    assert failed.returncode == 1
    assert "cases/global-roots.md:" in failed.stdout and "'Vibrog'" in failed.stdout


def test_hook_script_explains_in_danish_what_to_install() -> None:
    """Without the packages (no site-packages: -S), the hook says how to set it up."""
    result = subprocess.run(
        [sys.executable, "-I", "-S", str(REPO / HOOK_SCRIPT)],
        cwd=REPO,
        env={},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Tjekket af indholdet kunne ikke gå i gang: pakken" in result.stderr
    assert "pre-commit install" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_jsonschema_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The schema check is real: a misspelt key fails it."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        (WORKFLOWS / "ci.yml").read_text(encoding="utf-8").replace("runs-on:", "runs_on:"),
        encoding="utf-8",
    )
    assert check_jsonschema("vendor.github-workflows", broken).returncode == 1


def all_steps() -> list[tuple[str, dict[str, Any]]]:
    """Every step of every workflow, with the workflow's file name."""
    return [
        (path.name, step)
        for path in sorted(WORKFLOWS.glob("*.y*ml"))
        for job in load(path)["jobs"].values()
        for step in job.get("steps", [])
    ]


def test_every_action_is_pinned_to_a_full_commit_with_its_release_named() -> None:
    """A tag can be moved to other code; a commit cannot. The comment says which release it is."""
    pinned = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*$")
    found = 0
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"^\s*(?:- )?uses:", line) and "uses: ./" not in line:
                found += 1
                assert pinned.match(line), f"{path.name}:{number}: {line.strip()}"
    assert found >= 4
    uses = [step["uses"] for _, step in all_steps() if "uses" in step]
    assert all(re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u) for u in uses), uses


def test_checkout_keeps_no_credentials() -> None:
    checkouts = [
        (name, step)
        for name, step in all_steps()
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts
    for name, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, name


def locked(lock: Path = LOCK) -> dict[str, tuple[str, list[str]]]:
    """The lock file as name → (version, hashes)."""
    entries: dict[str, tuple[str, list[str]]] = {}
    text = lock.read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        assert not line.startswith("-"), f"no options in the lock: {line}"
        requirement, *options = line.split()
        name, _, version = requirement.partition("==")
        assert version, f"{requirement} is not pinned with =="
        entries[canonicalize_name(name)] = (version, [o.removeprefix("--hash=") for o in options])
    return entries


def test_the_lock_pins_every_dependency_with_hashes() -> None:
    """CI installs requirements.txt only: it must hold every package, pinned, with its hashes."""
    entries = locked()
    for name, (_version, hashes) in entries.items():
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), name
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["test"],
        *project["build-system"]["requires"],
    ]
    for spec in map(Requirement, wanted):
        name = canonicalize_name(spec.name)
        assert name in entries, f"{spec} is missing from requirements.txt: run pip-compile (README)"
        assert spec.specifier.contains(entries[name][0], prereleases=True), (
            f"requirements.txt pins {name} {entries[name][0]}, pyproject.toml wants {spec}"
        )


def test_ci_and_the_ci_script_install_from_the_lock() -> None:
    (job,) = [job for job in load(WORKFLOWS / "ci.yml")["jobs"].values() if TESTS in runs(job)]
    commands = runs(job)
    assert INSTALL_LOCK in commands
    assert "pip install --no-deps" in commands and "-e ." in commands
    assert not re.search(r"pip install (?!--require-hashes|--no-deps)", commands)
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet --require-hashes -r requirements.txt" in script
    assert "--no-deps" in script
    cache = next(
        s
        for s in steps_of(job)
        if s.get("uses", "").startswith("actions/cache@") and s["with"]["path"] == "~/.cache/pip"
    )
    assert "hashFiles('requirements.txt')" in cache["with"]["key"]


ZENSICAL_LOCK = REPO / "tools" / "zensical" / "requirements.txt"
INSTALL_ZENSICAL = "pip install --require-hashes -r tools/zensical/requirements.txt"


def test_ci_installs_the_pinned_zensical_before_the_tests() -> None:
    """The export's test builds with Zensical from its own lock, in its own environment."""
    entries = locked(ZENSICAL_LOCK)
    assert entries["zensical"][0] == "0.0.73"
    assert all(hashes for _, hashes in entries.values())
    (job,) = [job for job in load(WORKFLOWS / "ci.yml")["jobs"].values() if TESTS in runs(job)]
    steps = steps_of(job)
    install = next(i for i, s in enumerate(steps) if INSTALL_ZENSICAL in s.get("run", ""))
    assert "tools/zensical/.venv" in steps[install]["run"]
    assert install < next(i for i, s in enumerate(steps) if TESTS in s.get("run", ""))
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "MIK_SKIP_ZENSICAL" in script and "tools/zensical/.venv" in script
    assert "--require-hashes \\\n    -r tools/zensical/requirements.txt" in script
    assert script.index("tools/zensical/requirements.txt") < script.index("pytest")


@dataclass(frozen=True)
class Annotation:
    """What GitHub's runner makes of an output line that a problem matcher matches."""

    owner: str
    file: str | None
    line: int | None
    severity: str
    message: str


def _group(match: re.Match[str], pattern: dict[str, Any], key: str) -> str | None:
    """The text of the group the pattern names for key, None if it names none or it is empty."""
    return match[pattern[key]] or None if key in pattern else None


def annotate(output: str) -> list[Annotation]:
    """The annotations the build step's problem matchers make of output, line by line.

    As the runner does: the first matcher whose (single-line) pattern matches a line wins, and
    an empty group is no value. The runner's regular expressions are .NET's; these patterns use
    only what .NET, JavaScript and Python read alike.
    """
    found = []
    for text in output.splitlines():
        for matcher in json.loads(MATCHERS.read_text(encoding="utf-8"))["problemMatcher"]:
            (pattern,) = matcher["pattern"]
            if match := re.search(pattern["regexp"], text):
                group = partial(_group, match, pattern)
                line = group("line")
                found.append(
                    Annotation(
                        matcher["owner"],
                        group("file"),
                        int(line) if line else None,
                        group("severity") or matcher.get("severity", "error"),
                        match[pattern["message"]],
                    )
                )
                break
    return found


def mkdocs_build(project: SiteProject) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in project, as CI runs it: output to a pipe, not a terminal."""
    project.write_config()
    env = {**os.environ, "PYTHONPATH": str(REPO / "plugins"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def checked(project: SiteProject) -> list[Annotation]:
    """What `midtikulturen check` reports for project, as the matcher should mark it."""
    result = subprocess.run(
        [sys.executable, "-m", "midtikulturen", "check"],
        cwd=project.root,
        env={**os.environ, "PYTHONPATH": str(REPO / "plugins")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    problems = [re.fullmatch(r"(\S+?):(\d+): (.+)", line) for line in result.stdout.splitlines()]
    return [Annotation("midtikulturen", p[1], int(p[2]), "error", p[3]) for p in problems if p]


def test_build_registers_the_matcher_and_removes_it_before_the_tests() -> None:
    (job,) = [job for job in load(WORKFLOWS / "ci.yml")["jobs"].values() if TESTS in runs(job)]
    steps = steps_of(job)
    build = next(i for i, s in enumerate(steps) if BUILD in s.get("run", ""))
    script = steps[build]["run"]
    relative = MATCHERS.relative_to(REPO).as_posix()
    assert f"::add-matcher::{relative}" in script
    owners = [
        m["owner"] for m in json.loads(MATCHERS.read_text(encoding="utf-8"))["problemMatcher"]
    ]
    assert all(f"::remove-matcher owner={owner}::" in script for owner in owners)
    assert "trap " in script  # removed even when the build fails
    assert all(TESTS not in s.get("run", "") for s in steps[:build])


def test_matcher_marks_every_content_problem_of_a_failed_build_on_its_line(tmp_path: Path) -> None:
    project = SiteProject(tmp_path)
    project.write(
        {
            "cases/a.md": case_text(municipality="Vibrog"),
            "cases/b.md": case_text().replace("title:", "titel:"),
        }
    )
    result = mkdocs_build(project)
    assert result.returncode == 1
    expected = checked(project)
    assert len(expected) == 3
    assert annotate(result.stdout + result.stderr) == expected
    for annotation in expected:
        assert annotation.file and (project.root / annotation.file).is_file()


def test_matcher_marks_mkdocs_strict_warnings_and_our_page_errors(tmp_path: Path) -> None:
    (tmp_path / "links").mkdir()
    (tmp_path / "statement").mkdir()
    links = SiteProject(tmp_path / "links")
    links.write({"cases/a.md": case_text(), "docs/om.md": "# Om\n\n[Væk](findes-ikke.md)\n"})
    result = mkdocs_build(links)
    assert result.returncode == 1
    assert (
        annotate(result.stderr)
        == checked(links)
        == [
            Annotation(
                "midtikulturen",
                "docs/om.md",
                3,
                "error",
                "linket til 'findes-ikke.md' peger på en "
                "fil, der ikke findes — ret stien; den regnes fra filens egen mappe",
            )
        ]
    )

    links.write({"docs/om.md": "# Om\n", "docs/guides/g.md": guide(updated="2020-01-01")})
    links.config["nav"] = [{"Forside": "index.md"}, {"Væk": "findes-ikke.md"}]
    result = mkdocs_build(links)  # a reminder is no problem; MkDocs' own warning is
    assert result.returncode == 1
    assert "Påmindelse: docs/guides/g.md" in result.stderr
    assert [(a.owner, a.file, a.severity) for a in annotate(result.stderr)] == [
        ("mkdocs-strict", None, "error")
    ]
    assert "findes-ikke.md" in annotate(result.stderr)[0].message

    statement = public_site(SiteProject(tmp_path / "statement"))
    del statement.config["extra"]
    result = mkdocs_build(statement)
    assert result.returncode == 1
    (annotation,) = annotate(result.stderr)
    assert (annotation.owner, annotation.file, annotation.line) == (
        "midtikulturen",
        "docs/tilgaengelighed.md",
        None,
    )
    assert annotation.message.startswith("blokken `opdateret` kræver")


def test_a_good_build_is_not_marked(tmp_path: Path) -> None:
    project = public_site(SiteProject(tmp_path)).write({"cases/a.md": case_text()})
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "INFO" in result.stderr
    assert annotate(result.stdout + result.stderr) == []
