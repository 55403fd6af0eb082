"""The GitHub workflows and the pre-commit hook: valid files, and publishing only after green checks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.sitebuilder import REPO

WORKFLOWS = REPO / ".github" / "workflows"
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
    names: list[str] = [name for name, job in workflow["jobs"].items() if any(
        s.get("uses", "").startswith("actions/deploy-pages@") for s in steps_of(job))]
    assert len(names) == 1, f"one job deploys to GitHub Pages, not {names}"
    return names[0]


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema,
                           *map(str, files)], capture_output=True, text=True, timeout=120)


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
    tested = [name for name in ancestors(jobs, deploy)
              if all(command in runs(jobs[name]) for command in (CHECK, BUILD, TESTS))]
    assert tested, f"{deploy} does not need a job that runs check, build and tests"
    for name in tested:
        steps = steps_of(jobs[name])
        upload = [i for i, s in enumerate(steps)
                  if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
        assert upload, f"{name} does not upload the site it tested"
        # Uploaded last, and only when every earlier step succeeded.
        assert all(upload[0] > i for i, s in enumerate(steps) if s.get("run"))
        assert not re.search(r"always\(\)|cancelled\(\)|failure\(\)", str(steps[upload[0]].get("if", "")))
        build = next(s for s in steps if BUILD in s.get("run", ""))
        assert "SOURCE_DATE_EPOCH" in build.get("env", {})


def test_local_workflow_calls_pass_declared_inputs() -> None:
    """GitHub's schema does not follow `uses: ./…` into the called workflow; check its inputs here."""
    for path in sorted(WORKFLOWS.glob("*.y*ml")):
        for name, job in load(path)["jobs"].items():
            if job.get("uses", "").startswith("./"):
                called = triggers(load(REPO / job["uses"].removeprefix("./")))
                assert "workflow_call" in called, f"{path.name}: {name} calls a non-reusable workflow"
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
            (path.name, name, job.get("permissions")) for name, job in workflow["jobs"].items()
            if (path.name, name) != ("publish.yml", deploy)]
        assert [g for g in granted if re.search(r"pages|id-token|write-all", str(g[2]))] == []


def test_pre_commit_runs_check_on_content() -> None:
    config = load(REPO / ".pre-commit-config.yaml")
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    (hook,) = [hook for hook in hooks if hook["id"] == "midtikulturen-check"]
    assert hook["entry"] == CHECK
    assert hook["language"] == "system"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])  # pre-commit matches with re.search on the path
    for path in ("cases/global-roots.md", "cases/images/x.jpg", "docs/guides/a.md",
                 "docs/kulturhuse/huse/station-k.md", "vocabularies.yml"):
        assert files.search(path), path
    for path in ("plugins/midtikulturen/cli.py", "tests/cases/a.md", "README.md", "mkdocs.yml",
                 "vocabularies.yml.orig"):
        assert not files.search(path), path


def test_check_jsonschema_rejects_a_broken_workflow(tmp_path: Path) -> None:
    """The schema check is real: a misspelt key fails it."""
    broken = tmp_path / "broken.yml"
    broken.write_text((WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
                      .replace("runs-on:", "runs_on:"), encoding="utf-8")
    assert check_jsonschema("vendor.github-workflows", broken).returncode == 1
