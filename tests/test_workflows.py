"""GitHub Actions and Dependabot: schema-valid, zizmor-clean, running the one test command, and
publishing the site only from pushes to main with only the two Pages permissions. Offline and fast.

Each check is also run against a broken copy to prove it can fail."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
CI = GITHUB / "workflows" / "ci.yml"
WEEKLY = GITHUB / "workflows" / "latest-deps.yml"
DEPENDABOT = GITHUB / "dependabot.yml"
BIN = Path(sys.executable).parent  # check-jsonschema and zizmor are installed beside this Python

PAGES_PERMISSIONS = {"pages": "write", "id-token": "write"}


def tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"{name} is not installed in {BIN}; ./dev test installs it"
    return str(path)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a YAML mapping"
    return data


def triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the bare key `on` as True
    assert isinstance(on, dict), f"write `on:` as a mapping, not {on!r}"
    return on


def workflow_files() -> list[Path]:
    files = sorted((GITHUB / "workflows").glob("*.y*ml"))
    assert CI in files and WEEKLY in files, f"expected ci.yml and latest-deps.yml, found {files}"
    return files


# ---------------------------------------------------------------------------------------------
# The test command: one source of truth (.ci/run), stated in the README, run by both workflows.


def ci_run_command() -> str:
    """The command that .ci/run hands over to with `exec`."""
    execs = [line.split(None, 1)[1].strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()
             if line.startswith("exec ")]
    assert len(execs) == 1, f".ci/run must end in exactly one `exec COMMAND`, found {execs}"
    return execs[0]


def readme_commands() -> set[str]:
    """Every line inside a fenced code block of README.md, without a `$ ` prompt or a `# comment`."""
    readme = ROOT / "README.md"
    assert readme.exists(), "README.md is missing; it must state the test command in a fenced code block"
    lines: set[str] = set()
    fence = None  # the opening fence of the block we are in
    for line in readme.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if fence is None:
            opening = re.match(r" {0,3}(`{3,}|~{3,})", line)
            fence = opening.group(1) if opening else None
        elif stripped.startswith(fence) and not stripped.strip(fence[0]):
            fence = None
        else:
            command = re.sub(r"(^|\s)#.*", "", stripped.removeprefix("$ "))  # drop a shell comment
            lines.add(command.strip())
    return lines


TEST_RUNNER = re.compile(r"\bpytest\b|(^|[\s/])dev\s+test\b")


def assert_runs_test_command(job: dict[str, Any], command: str) -> None:
    """The job runs the test command exactly once, verbatim, and no other way of running tests."""
    runs = [step["run"].strip() for step in job["steps"] if "run" in step]
    test_runs = [run for run in runs if TEST_RUNNER.search(run)]
    assert test_runs == [command], f"expected the job to run {command!r} once, it runs {test_runs}"


def test_readme_ci_and_both_workflows_run_the_same_test_command() -> None:
    command = ci_run_command()
    assert command == "./dev test"
    assert command in readme_commands(), f"README.md's code blocks do not contain {command!r}"

    ci_build = load(CI)["jobs"]["build"]
    assert_runs_test_command(ci_build, command)

    weekly_jobs = load(WEEKLY)["jobs"]
    assert len(weekly_jobs) == 1, "the weekly workflow only tests"
    (weekly_test,) = weekly_jobs.values()
    assert_runs_test_command(weekly_test, command)
    (test_step,) = [step for step in weekly_test["steps"] if "run" in step]
    assert test_step.get("env") == {"DEPS": "latest"}, "the weekly run must install the newest releases"


@pytest.mark.parametrize(
    "break_it",
    [
        lambda steps: steps[3].update(run="./dev test -k smoke"),  # a different command
        lambda steps: steps.append({"run": ".venv/bin/python -m pytest tests/"}),  # a second way
        lambda steps: steps.pop(3),  # no tests at all
    ],
    ids=["other-command", "second-test-run", "no-test-run"],
)
def test_test_command_check_can_fail(break_it: Any) -> None:
    job = copy.deepcopy(load(CI)["jobs"]["build"])
    assert job["steps"][3].get("run") == "./dev test"  # the step the mutations aim at
    break_it(job["steps"])
    with pytest.raises(AssertionError):
        assert_runs_test_command(job, "./dev test")


def test_tests_run_on_the_python_that_python_version_names() -> None:
    # (persist-credentials: false on every checkout is zizmor's artipacked audit, below)
    for job in (load(CI)["jobs"]["build"], *load(WEEKLY)["jobs"].values()):
        setups = [step.get("with") for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python@")]
        assert setups == [{"python-version-file": ".python-version"}]


def test_triggers() -> None:
    assert set(triggers(load(CI))) == {"push", "pull_request", "workflow_dispatch"}
    weekly = triggers(load(WEEKLY))
    assert set(weekly) == {"schedule", "workflow_dispatch"}
    (cron,) = [entry["cron"] for entry in weekly["schedule"]]
    minute, hour, day_of_month, month, day_of_week = cron.split()
    assert (day_of_month, month) == ("*", "*") and day_of_week.isdigit(), f"{cron!r} is not weekly"


# ---------------------------------------------------------------------------------------------
# The site: built with its Pages URL after the tests pass; published only from pushes to main.


def test_site_is_built_with_its_pages_url_after_the_tests() -> None:
    steps = load(CI)["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    test_at = next(i for i, step in enumerate(steps) if step.get("run") == "./dev test")
    configure_at, upload_at = uses.index("actions/configure-pages"), uses.index("actions/upload-pages-artifact")
    (build_at,) = [i for i, step in enumerate(steps) if "mkdocs build" in step.get("run", "")]
    assert test_at < configure_at < build_at < upload_at

    build = steps[build_at]
    site_dir = re.search(r"--site-dir\s+(\S+)", build["run"])
    assert "--strict" in build["run"].split() and site_dir
    assert steps[upload_at]["with"]["path"] == site_dir.group(1)
    page_id = steps[configure_at]["id"]
    assert build["env"]["SITE_URL"] == f"${{{{ steps.{page_id}.outputs.base_url }}}}"
    assert build["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"


def evaluate(expression: str, context: dict[str, str]) -> bool:
    """A GitHub Actions `if:` made of context names, '...' strings, ==, !=, !, &&, || and parentheses."""
    expression = str(expression).strip().removeprefix("${{").removesuffix("}}").strip()
    token = re.compile(r"\s*(?:(==|!=|!|&&|\|\||\(|\))|'([^']*)'|([A-Za-z_][\w.-]*))")
    python, pos = [], 0
    while pos < len(expression):
        match = token.match(expression, pos)
        if match is None:
            raise ValueError(f"cannot evaluate {expression!r} from position {pos}")
        operator, string, name = match.groups()
        if operator:
            python.append({"!": "not", "&&": "and", "||": "or"}.get(operator, operator))
        elif name in ("true", "false"):
            python.append(name.title())
        else:
            python.append(repr(string if string is not None else context[name]))
        pos = match.end()
    return bool(eval(" ".join(python), {"__builtins__": {}}))  # only literals, comparisons, and/or/not


EVENTS = [  # (github.event_name, github.ref, should deploy)
    ("push", "refs/heads/main", True),
    ("push", "refs/heads/feature", False),
    ("push", "refs/tags/v1.0", False),
    ("pull_request", "refs/pull/7/merge", False),
    ("workflow_dispatch", "refs/heads/main", False),
    ("schedule", "refs/heads/main", False),
]


def is_deploy(job: dict[str, Any]) -> bool:
    return any(step.get("uses", "").startswith("actions/deploy-pages@") for step in job.get("steps", []))


def deploy_problems(workflow: dict[str, Any]) -> list[str]:
    """Why the workflow's Pages deploy is not limited to pushes to main with only the Pages rights."""
    deploys = {name: job for name, job in workflow["jobs"].items() if is_deploy(job)}
    if len(deploys) != 1:
        return [f"expected one deploy job, found {sorted(deploys)}"]
    ((name, job),) = deploys.items()
    problems = []
    for event, ref, expected in EVENTS:
        if evaluate(job.get("if", "true"), {"github.event_name": event, "github.ref": ref}) != expected:
            problems.append(f"{name} {'skips' if expected else 'runs on'} {event} of {ref}")
    if job.get("permissions") != PAGES_PERMISSIONS:
        problems.append(f"{name} has permissions {job.get('permissions')}, not exactly {PAGES_PERMISSIONS}")
    if job.get("needs") not in ("build", ["build"]):
        problems.append(f"{name} does not wait for the build (needs: {job.get('needs')})")
    if job.get("environment", {}).get("name") != "github-pages" or "page_url" not in job["environment"].get("url", ""):
        problems.append(f"{name} does not deploy to the github-pages environment with its URL")
    concurrency = job.get("concurrency") or workflow.get("concurrency") or {}
    if not concurrency.get("group") or concurrency.get("cancel-in-progress") is not False:
        problems.append(f"{name} may race or cancel another deploy (concurrency: {concurrency})")
    return problems


def test_deploy_only_from_pushes_to_main_with_only_the_pages_permissions() -> None:
    assert deploy_problems(load(CI)) == []


def test_deploy_check_can_fail() -> None:
    workflow = load(CI)

    def broken(change: Any) -> dict[str, Any]:
        copied = copy.deepcopy(workflow)
        change(copied["jobs"]["deploy"])
        return copied

    assert deploy_problems(broken(lambda job: job.update({"if": "github.ref == 'refs/heads/main'"})))
    assert deploy_problems(broken(lambda job: job.update({"if": "github.event_name != 'pull_request'"})))
    assert deploy_problems(broken(lambda job: job.pop("if")))
    assert deploy_problems(broken(lambda job: job["permissions"].update({"contents": "write"})))
    assert deploy_problems(broken(lambda job: job["permissions"].pop("id-token")))
    assert deploy_problems(broken(lambda job: job["concurrency"].update({"cancel-in-progress": True})))
    assert deploy_problems(broken(lambda job: job.pop("needs")))


def write_problems(workflow: dict[str, Any]) -> list[str]:
    """Jobs other than the Pages deploy that can write anything."""
    def writes(permissions: Any) -> bool:
        if isinstance(permissions, str):
            return permissions != "read-all"
        return any(level not in ("read", "none") for level in (permissions or {}).values())

    if writes(workflow.get("permissions", "write-all")):  # no `permissions` means the token's defaults
        return [f"workflow-level permissions {workflow.get('permissions', '(unset)')} are not read-only"]
    return [f"job {name} has permissions {job['permissions']}" for name, job in workflow["jobs"].items()
            if not is_deploy(job) and writes(job.get("permissions", {}))]  # deploy_problems checks it


def test_no_job_but_the_deploy_can_write() -> None:
    for path in workflow_files():
        assert write_problems(load(path)) == [], path.name
    weekly_uses = {step.get("uses", "").split("@")[0] for job in load(WEEKLY)["jobs"].values() for step in job["steps"]}
    assert not weekly_uses & {"actions/upload-pages-artifact", "actions/deploy-pages"}, "the weekly run never deploys"


def test_write_check_can_fail() -> None:
    workflow = load(CI)
    for change in (
        lambda wf: wf["jobs"]["build"].update(permissions="write-all"),
        lambda wf: wf["jobs"]["build"]["permissions"].update(contents="write"),
        lambda wf: wf.update(permissions={"contents": "write"}),
        lambda wf: wf.pop("permissions"),
        lambda wf: wf["jobs"]["build"].update(permissions=dict(PAGES_PERMISSIONS)),  # not the deploy job
    ):
        copied = copy.deepcopy(workflow)
        change(copied)
        assert write_problems(copied), "a write permission went unnoticed"


# ---------------------------------------------------------------------------------------------
# Dependabot


def test_dependabot_updates_every_ecosystem_weekly() -> None:
    updates = load(DEPENDABOT)["updates"]
    assert sorted(update["package-ecosystem"] for update in updates) == ["github-actions", "npm", "pip"]
    for update in updates:
        assert update["directory"] == "/" and update["schedule"]["interval"] == "weekly", update


# ---------------------------------------------------------------------------------------------
# check-jsonschema (GitHub's workflow and Dependabot schemas, vendored: no network)


def check_schema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([tool("check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
                          capture_output=True, text=True)


def test_workflows_and_dependabot_match_their_schemas() -> None:
    for schema, files in (("vendor.github-workflows", workflow_files()), ("vendor.dependabot", [DEPENDABOT])):
        result = check_schema(schema, *files)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "ok -- validation done" in result.stdout


@pytest.mark.parametrize(
    ("schema", "path", "old", "new"),
    [
        ("vendor.github-workflows", CI, "    permissions:\n      pages: write", "    permisions:\n      pages: write"),
        ("vendor.github-workflows", WEEKLY, "runs-on:", "run-on:"),
        ("vendor.dependabot", DEPENDABOT, "interval: weekly", "interval: weakly"),
    ],
    ids=["typo-permissions", "typo-runs-on", "bad-interval"],
)
def test_schema_check_can_fail(schema: str, path: Path, old: str, new: str, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / path.name
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check_schema(schema, broken)
    assert result.returncode == 1 and "Schema validation errors" in result.stdout, result.stdout + result.stderr


# ---------------------------------------------------------------------------------------------
# zizmor (offline audits only; its settings, with the reason for each relaxed rule, are in
# .github/zizmor.yml, which it finds next to the workflows)


def zizmor(github_dir: Path) -> tuple[int, list[dict[str, Any]]]:
    result = subprocess.run(
        [tool("zizmor"), "--offline", "--strict-collection", "--format", "json", str(github_dir)],
        capture_output=True, text=True,
    )
    assert result.returncode not in (1, 2), f"zizmor failed to run:\n{result.stderr}"
    return result.returncode, json.loads(result.stdout or "[]")


def test_zizmor_finds_nothing() -> None:
    returncode, findings = zizmor(GITHUB)
    assert (returncode, findings) == (0, []), [f"{f['ident']}: {f['desc']}" for f in findings]


@pytest.mark.parametrize(
    ("name", "old", "new", "audit"),
    [
        ("latest-deps.yml", "    permissions:\n      contents: read\n", "    permissions: write-all\n",
         "excessive-permissions"),
        ("latest-deps.yml", "persist-credentials: false", "fetch-depth: 1", "artipacked"),
        ("ci.yml", "run: ./dev test\n", 'run: ./dev test -k "${{ github.event.pull_request.title }}"\n',
         "template-injection"),
        ("ci.yml", "actions/setup-node@v7", "someone/setup-node@v7", "unpinned-uses"),
    ],
    ids=["write-all", "persisted-credentials", "injection", "unpinned-third-party"],
)
def test_zizmor_check_can_fail(name: str, old: str, new: str, audit: str, tmp_path: Path) -> None:
    copied = tmp_path / ".github"
    shutil.copytree(GITHUB, copied)
    workflow = copied / "workflows" / name
    text = workflow.read_text(encoding="utf-8")
    assert old in text
    workflow.write_text(text.replace(old, new, 1), encoding="utf-8")
    returncode, findings = zizmor(copied)
    assert returncode != 0 and audit in {finding["ident"] for finding in findings}, findings
