"""GitHub Actions and Dependabot: schema-valid, zizmor-clean, and publishing the site only from
pushes to main with only the two Pages permissions. Offline and fast.

Each check is also run against a broken copy to prove it can fail."""

from __future__ import annotations

import copy
import json
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


def tool(name: str) -> str:
    path = BIN / name
    assert path.exists(), f"{name} is not installed in {BIN}; ./dev test installs it"
    return str(path)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a YAML mapping"
    return data


# ---------------------------------------------------------------------------------------------
# check-jsonschema (GitHub's workflow and Dependabot schemas, vendored: no network)


def check_schema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    command = [tool("check-jsonschema"), "--builtin-schema", schema, *map(str, files)]
    return subprocess.run(command, capture_output=True, text=True)


def test_workflows_and_dependabot_match_their_schemas() -> None:
    workflows = sorted((GITHUB / "workflows").glob("*.y*ml"))
    assert CI in workflows and WEEKLY in workflows, workflows
    for schema, files in (("vendor.github-workflows", workflows), ("vendor.dependabot", [DEPENDABOT])):
        result = check_schema(schema, *files)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("schema", "path", "old", "new"),
    [
        ("vendor.github-workflows", WEEKLY, "runs-on:", "run-on:"),
        ("vendor.dependabot", DEPENDABOT, "interval: weekly", "interval: weakly"),
    ],
    ids=["typo-runs-on", "bad-interval"],
)
def test_schema_check_can_fail(schema: str, path: Path, old: str, new: str, tmp_path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / path.name
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert check_schema(schema, broken).returncode == 1


# ---------------------------------------------------------------------------------------------
# zizmor (offline audits only; its settings, with the reason for each relaxed rule, are in
# .github/zizmor.yml, which it finds next to the workflows)


def zizmor(github_dir: Path) -> tuple[int, list[dict[str, Any]]]:
    command = [tool("zizmor"), "--offline", "--strict-collection", "--format", "json", str(github_dir)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode not in (1, 2), f"zizmor failed to run:\n{result.stderr}"
    return result.returncode, json.loads(result.stdout or "[]")


def test_zizmor_finds_nothing() -> None:
    returncode, findings = zizmor(GITHUB)
    assert (returncode, findings) == (0, []), [f"{f['ident']}: {f['desc']}" for f in findings]


@pytest.mark.parametrize(
    ("name", "old", "new", "audit"),
    [
        (
            "latest-deps.yml",
            "    permissions:\n      contents: read\n",
            "    permissions: write-all\n",
            "excessive-permissions",
        ),
        (
            "ci.yml",
            "run: bash .ci/run\n",
            'run: bash .ci/run -k "${{ github.event.pull_request.title }}"\n',
            "template-injection",
        ),
    ],
    ids=["write-all", "injection"],
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


# ---------------------------------------------------------------------------------------------
# The deploy guard: only a push to main publishes, with only the two Pages permissions.

PAGES_PERMISSIONS = {"pages": "write", "id-token": "write"}
# The deploy's `if:` must be a conjunction (&&) containing both of these: any other conjunct
# can only narrow it further, and without || or ! no other event or branch can satisfy it.
REQUIRED_CONDITIONS = {"github.event_name == 'push'", "github.ref == 'refs/heads/main'"}


def deploy_problems(workflow: dict[str, Any]) -> list[str]:
    """Why the Pages deploy may run on something other than a push to main, or with more rights."""
    deploys = [
        job
        for job in workflow["jobs"].values()
        if any(step.get("uses", "").startswith("actions/deploy-pages@") for step in job.get("steps", []))
    ]
    if len(deploys) != 1:
        return [f"expected one deploy job, found {len(deploys)}"]
    (job,) = deploys
    problems = []
    condition = str(job.get("if", "")).strip().removeprefix("${{").removesuffix("}}")
    conjuncts = {" ".join(part.split()) for part in condition.split("&&")}
    if any(operator in condition for operator in ("||", "!", "(")) or not REQUIRED_CONDITIONS <= conjuncts:
        problems.append(f"the deploy runs if {condition!r}, not only on a push to main")
    if job.get("permissions") != PAGES_PERMISSIONS:
        problems.append(
            f"the deploy has permissions {job.get('permissions')}, not exactly {PAGES_PERMISSIONS}"
        )
    if workflow.get("permissions") != {}:
        problems.append(f"workflow-level permissions are {workflow.get('permissions')}, not {{}}")
    return problems


def test_deploy_only_from_pushes_to_main_with_only_the_pages_permissions() -> None:
    assert deploy_problems(load(CI)) == []


@pytest.mark.parametrize(
    "break_it",
    [
        lambda wf: wf["jobs"]["deploy"].update({"if": "github.ref == 'refs/heads/main'"}),
        lambda wf: wf["jobs"]["deploy"].update({"if": "github.event_name != 'pull_request'"}),
        lambda wf: wf["jobs"]["deploy"].update(
            {"if": "github.event_name == 'push' && github.ref == 'refs/heads/main' || true"}
        ),
        lambda wf: wf["jobs"]["deploy"].pop("if"),
        lambda wf: wf["jobs"]["deploy"]["permissions"].update({"contents": "write"}),
        lambda wf: wf.pop("permissions"),
    ],
    ids=["any-event", "not-pull-request", "or-true", "no-if", "contents-write", "default-permissions"],
)
def test_deploy_guard_can_fail(break_it: Any) -> None:
    workflow = copy.deepcopy(load(CI))
    break_it(workflow)
    assert deploy_problems(workflow)
