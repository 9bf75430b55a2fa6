"""`./dev new-page` writes a page in both editions that builds strict at once, and refuses bad input."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from small_site import small_copy_of_the_project, strict_build

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tools" / "new_page.py"


def new_page(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--root", str(root), *args], capture_output=True, text=True, cwd=root
    )


def test_a_scaffolded_page_builds_strict_in_both_editions(tmp_path: Path) -> None:
    project = small_copy_of_the_project(tmp_path)
    made = new_page(project, "chain-rule", "연쇄 법칙", "The chain rule")
    assert made.returncode == 0, made.stderr
    for path in (
        "docs/chain-rule.md",
        "docs_en/chain-rule.md",
        "snippets/chain_rule.py",
        "snippets/en/chain_rule.py",
        "hooks/values/chain_rule.py",
    ):
        assert (project / path).is_file(), path
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        result = strict_build(project, config)
        assert result.returncode == 0, result.stderr
    korean = (project / "site" / "chain-rule" / "index.html").read_text(encoding="utf-8")
    english = (project / "site" / "en" / "chain-rule" / "index.html").read_text(encoding="utf-8")
    # the computed number, the figure and the lesson's output reached both pages
    assert "손실 함수를 5번 호출" in korean and "calls the loss 5 times" in english
    for page in (korean, english):
        assert 'id="figure-chain_rule"' in page and "chain_rule-dark.svg#only-dark" in page
    assert "N = 8: 9" in korean and "N = 8: 9 calls" in english
    assert "CAPTION" not in korean and "CAPTION" not in english  # the figure contract is not shown


def test_the_scaffolded_snippets_run_on_their_own(tmp_path: Path) -> None:
    project = tmp_path / "p"
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        (project).mkdir(exist_ok=True)
        shutil.copy(ROOT / config, project)
    (project / "hooks" / "values").mkdir(parents=True)
    assert new_page(project, "chain-rule", "연쇄 법칙", "The chain rule").returncode == 0
    for snippet in ("snippets/chain_rule.py", "snippets/en/chain_rule.py"):
        run = subprocess.run([sys.executable, snippet], cwd=project, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        assert (project / "figures" / "chain_rule.png").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Chain_Rule", "연쇄 법칙", "The chain rule"), "SLUG must be lowercase"),
        (("chain-rule", "", "The chain rule"), "Korean title must be one line"),
        (("chain-rule", "연쇄 법칙", "연쇄 rule"), "English title must not contain Hangul"),
        (("black-box", "블랙박스", "Black box"), "exists already: docs/black-box.md"),
    ],
)
def test_bad_input_is_refused_with_the_reason_and_nothing_written(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    project = tmp_path / "p"
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("*.ipynb", "assets"))
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / config, project)
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    made = new_page(project, *args)
    assert made.returncode != 0 and message in made.stderr
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == (ROOT / "mkdocs.yml").read_text(
        encoding="utf-8"
    )
