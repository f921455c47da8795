"""The GitHub Actions job the README shows, run step by step on a real git history.

`.github/workflows/mt-audit.yml` is the file the README and docs/ci.md show (verbatim); its
shell steps run here as the runner would run them (`bash -eo pipefail`, `$GITHUB_OUTPUT`,
`GITHUB_BASE_REF`), against a pull request made of commits in a throwaway repository, with
`mt-audit` on PATH. What only GitHub can run (checkout, setup-python, the upload) is checked
for the inputs it is given.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "mt-audit.yml"
BROKEN = "They spoke of a” demilitarized zone “to the north.\n"
CLEAN = "The general said on Wednesday that talks would go on.\n"


def workflow() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def steps() -> dict[str, dict[str, Any]]:
    return {step.get("name", step.get("uses", "")): step for step in workflow()["jobs"]["mt-audit"]["steps"]}


def yaml_blocks(markdown: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", markdown.read_text(encoding="utf-8"), flags=re.DOTALL)


@pytest.mark.parametrize("doc", ["README.md", "docs/ci.md"])
def test_issue13_docs_show_the_shipped_workflow_verbatim(doc: str) -> None:
    assert WORKFLOW.read_text(encoding="utf-8") in yaml_blocks(ROOT / doc)


def test_issue13_workflow_steps_github_runs() -> None:
    job = workflow()["jobs"]["mt-audit"]
    assert job["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}
    named = steps()
    assert named["actions/checkout@v4"]["with"]["fetch-depth"] == 0
    setup = named["actions/setup-python@v5"]["with"]
    # The pip cache keys on a file every repository that copies the workflow has.
    assert setup["cache-dependency-path"] == ".github/workflows/mt-audit.yml"
    assert "--index-url https://download.pytorch.org/whl/cpu" in named["Install PyTorch's CPU build"]["run"]
    upload = named["Upload SARIF"]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == "mt-audit.sarif"
    assert "hashFiles('mt-audit.sarif')" in upload["if"] and "fork" in upload["if"]
    # The `paths` filter and the pathspecs name the same files.
    filters = workflow()[True]["pull_request"]["paths"]
    pathspecs = job["env"]["AUDITED"].split()
    assert [p[1:] for p in filters if not p.startswith("!")] == [p for p in pathspecs if not p.startswith(":!")]
    assert [p[1:].removesuffix("**") for p in filters if p.startswith("!")] == [p[2:] for p in pathspecs if p.startswith(":!")]


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


class Runner:
    """The runner's side of one job: a checkout of the pull request, $GITHUB_OUTPUT, the job's env."""

    def __init__(self, tmp_path: Path) -> None:
        self.outputs: dict[str, dict[str, str]] = {}
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir()
        shim = bin_dir / "mt-audit"
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m audit "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR")},
            **{k: str(v) for k, v in workflow()["jobs"]["mt-audit"]["env"].items()},
            "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
            "PYTHONPATH": str(ROOT),
            "GITHUB_BASE_REF": "main",
            "CI": "true",
        }

    def run(self, checkout: Path, name: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
        output = tmp_path / f"output-{len(self.outputs)}"
        output.write_text("", encoding="utf-8")
        step = steps()[name]
        status = self.outputs.get("audit", {}).get("status", "")
        step_env = {k: str(v).replace("${{ steps.audit.outputs.status }}", status) for k, v in step.get("env", {}).items()}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=checkout, env={**self.env, **step_env, "GITHUB_OUTPUT": str(output)}, capture_output=True, text=True,
            check=False,
        )
        key = steps()[name].get("id", name)
        self.outputs[key] = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
        return done


def pull_request(tmp_path: Path, changes: dict[str, str | None]) -> Path:
    """A repository with a main branch, cloned, and a pull-request branch with `changes` (None deletes)."""
    origin = tmp_path / "origin"
    (origin / "news").mkdir(parents=True)
    (origin / "samples").mkdir()
    (origin / "news" / "old.txt").write_text(BROKEN, encoding="utf-8")
    (origin / "samples" / "sample.txt").write_text(CLEAN, encoding="utf-8")
    git(origin, "init", "-q", "-b", "main")
    git(origin, "add", "-A")
    git(origin, "commit", "-q", "-m", "base")
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "-q", str(origin), str(checkout))
    git(checkout, "checkout", "-q", "-b", "pr")
    for name, content in changes.items():
        path = checkout / name
        if content is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    git(checkout, "add", "-A")
    git(checkout, "commit", "-q", "-m", "pr")
    return checkout


def test_issue13_workflow_audits_the_changed_files_and_fails_on_errors(tmp_path: Path) -> None:
    checkout = pull_request(tmp_path, {
        "news/новость 1.txt": BROKEN,          # a name git would quote without -z
        "news/feed.jsonl": json.dumps({"id": "a", "text": CLEAN}) + "\n",
        "news/old.txt": None,                  # deleted: nothing to audit
        "samples/bad.txt": BROKEN,             # left out by the pathspecs
        "notes.md": "# not copy\n",
        # A config file in the pull request that would switch the gate off.
        "mt-audit.toml": 'ignore = ["Q", "N"]\nfail-on = "never"\n',
    })
    runner = Runner(tmp_path)
    listed = runner.run(checkout, "List the changed files", tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert runner.outputs["changed"] == {"count": "2"}
    assert (checkout / "changed.lst").read_bytes().split(b"\0")[:-1] == [b"news/feed.jsonl", "news/новость 1.txt".encode()]
    audit = runner.run(checkout, "Audit", tmp_path)
    assert audit.returncode == 0, audit.stderr
    assert runner.outputs["audit"] == {"status": "1"}
    sarif = json.loads((checkout / "mt-audit.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"Q102"}
    uri = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "news/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D1%8C%201.txt"
    assert "::error file=news/новость 1.txt,line=1" in audit.stdout
    failed = runner.run(checkout, "Fail on errors", tmp_path)
    assert failed.returncode == 1
    assert "mt-audit exited 1 (1: error findings" in failed.stdout


def test_issue13_workflow_passes_a_clean_pull_request(tmp_path: Path) -> None:
    checkout = pull_request(tmp_path, {"news/clean.txt": CLEAN, "news/old.txt": CLEAN})
    runner = Runner(tmp_path)
    assert runner.run(checkout, "List the changed files", tmp_path).returncode == 0
    assert runner.outputs["changed"] == {"count": "2"}
    assert runner.run(checkout, "Audit", tmp_path).returncode == 0
    assert runner.outputs["audit"] == {"status": "0"}
    assert json.loads((checkout / "mt-audit.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []


def test_issue13_workflow_lists_nothing_when_no_copy_changed(tmp_path: Path) -> None:
    checkout = pull_request(tmp_path, {"samples/sample.txt": BROKEN, "README.md": "# x\n"})
    runner = Runner(tmp_path)
    assert runner.run(checkout, "List the changed files", tmp_path).returncode == 0
    assert runner.outputs["changed"] == {"count": "0"}
