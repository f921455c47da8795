"""`--engine ray`: the report is the local engine's, byte for byte, and its errors are one line.

One Ray runtime (2 CPUs) serves the whole module: the CLI finds it initialised and uses it.
The identity tests compare the JSONL reports (the run metadata at the start and the end, every
document's findings, scores, alignments, statuses and errors, in order) of `--engine local`
and `--engine ray` on feeds of several chunks, with the real rules.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from audit.cli import cli
from audit.config import Config, apply
from audit.errors import ConfigError
from audit.io import Feed
from audit.pipeline import Auditor

ROOT = Path(__file__).parent.parent
PARAGRAPHS = [p for p in (ROOT / "samples" / "idlib-wire.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]
RETRANSLATED = [
    p for p in (ROOT / "tests" / "data" / "idlib-retranslation.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()
]
BAD_LINES = (
    '{"id": "broken", "text": "unterminated',
    '{"id": "no-text", "source": "Нет"}',
    '{"id": "empty", "text": "   "}',
    '{"id": "wrong-type", "text": ["a list"]}',
    '["not", "an", "object"]',
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def ray_runtime() -> Iterator[None]:
    """Ray on 2 CPUs for the module, its workers importing this checkout's `audit`.

    Skipped only outside CI without Ray: the test extra installs `ray[data]`, so in CI the
    identity tests must run.
    """
    try:
        import ray
        import ray.data
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI is set but ray[data] is not installed: the test extra should have installed it")
        pytest.skip("ray[data] is not installed (pip install -e '.[ray]'); CI is not set, so skipping")
    import audit

    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    # The workers start in this directory with this environment: the checkout under test comes first.
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    try:
        where = ray.get(ray.remote(lambda: __import__("audit").__file__).remote())
        assert where == audit.__file__, f"the Ray workers import {where}, not {audit.__file__}"
        yield
    finally:
        ray.shutdown()
        monkeypatch.undo()


def _jsonl(lines: list[str | dict[str, object]]) -> str:
    return "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines) + "\n"


def _same_reports(*args: str) -> Result:
    """Run `check` with each engine; the reports, exit statuses and error lines must be identical."""
    local = run("check", *args, "--format", "jsonl")
    distributed = run("check", *args, "--format", "jsonl", "--engine", "ray")
    assert local.exit_code in (0, 1, 2) and not isinstance(local.exception, Exception), local.output
    assert distributed.stdout == local.stdout
    assert distributed.exit_code == local.exit_code
    errors = [line for line in local.stderr.splitlines() if line.startswith("mt-audit: error:")]
    assert [line for line in distributed.stderr.splitlines() if line.startswith("mt-audit: error:")] == errors
    return local


def test_ray_engine_report_is_the_local_report_on_a_mixed_feed(ray_runtime: None, tmp_path: Path) -> None:
    """Three chunks of real rules on precomputed re-translations, documents with none (the model is
    missing), documents with a source, bad records, a text file and a missing file."""
    lines: list[str | dict[str, object]] = []
    for i in range(140):
        paragraph = PARAGRAPHS[i % len(PARAGRAPHS)].replace("2018", str(2000 + i))
        record: dict[str, object] = {"id": f"d{i}", "text": paragraph}
        kind = i % 5
        if kind in (0, 1):
            record["retranslations"] = [RETRANSLATED[i % len(RETRANSLATED)]]
        elif kind == 2:
            record["retranslations"] = [RETRANSLATED[i % len(RETRANSLATED)], "Bananas grow in warm countries."]
        elif kind == 3:
            record.update(source="Генерал Конашенков заявил в среду.", source_lang="ru")
        lines.append(record)
        if i % 23 == 11:
            lines.append(BAD_LINES[i // 23 % len(BAD_LINES)])
    # One organisation spelt the standard way in four stories and garbled in a fifth: the feed stage (N232).
    for i, spelling in enumerate(["al-Sham", "al-Sham", "al-Cham", "al-Sham", "al-Sham"]):
        lines.insert(30 + 25 * i, {"id": f"hts{i}", "text": f"Fighters of Hayat Tahrir {spelling} attacked posts, monitors said."})
    feed = tmp_path / "feed.jsonl"
    feed.write_text(_jsonl(lines), encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1] + "\n", encoding="utf-8")
    config = tmp_path / "mt-audit.toml"
    config.write_text(
        f'[translate]\nmodel-template = "{tmp_path / "missing-{src}-{tgt}"}"\n'
        # The embedding model would add half a minute per engine on 2 cores, and nothing the engines differ in.
        "[divergence]\nembeddings = false\n",
        encoding="utf-8",
    )

    report = _same_reports(str(feed), str(story), str(tmp_path / "nope.txt"), "--config", str(config), "--no-cache")

    records = [json.loads(line) for line in report.stdout.splitlines()]
    documents = [r for r in records if r["type"] == "document"]
    assert len(documents) == 140 + 5 + 6 + 1 + 1
    statuses = {d["retranslation_status"] for d in documents}
    assert {"precomputed", "unavailable"} <= statuses
    assert sum(bool(d["error"]) for d in documents) == 7
    codes = {f["code"] for d in documents for f in d["findings"]}
    assert {c[0] for c in codes} == {"Q", "N", "D"}, codes
    assert [(d["id"], f["text"]) for d in documents for f in d["findings"] if f["code"] == "N232"] == [
        ("hts2", "Hayat Tahrir al-Cham")
    ]
    assert records[-1]["meta"]["notes"], "the missing model is noted, from the workers' record"
    assert "precomputed (" in records[-1]["meta"]["retranslation"]


def test_ray_engine_report_is_the_local_report_on_the_tiny_marian(
    ray_runtime: None, tiny_marian_template: str, tmp_path: Path
) -> None:
    """Round trips through the tiny Marians in the model worker, over two chunks."""
    sentences = [s.strip() + "." for p in PARAGRAPHS for s in p.split(". ") if s.strip()]
    lines: list[str | dict[str, object]] = [
        {"id": f"s{i}", "text": f"{sentences[i % len(sentences)]} It was day {i}."} for i in range(70)
    ]
    lines.insert(30, BAD_LINES[0])
    feed = tmp_path / "feed.jsonl"
    feed.write_text(_jsonl(lines), encoding="utf-8")
    config = tmp_path / "mt-audit.toml"
    config.write_text(
        "[translate]\n"
        'mode = "roundtrip"\n'
        f'model-template = "{tiny_marian_template}"\n'
        "beam-size = 1\nmax-length = 16\n"
        "[divergence]\nembeddings = false\n",
        encoding="utf-8",
    )

    report = _same_reports(str(feed), "--config", str(config), "--no-cache")

    records = [json.loads(line) for line in report.stdout.splitlines()]
    assert records[-1]["meta"]["retranslation"] == "ran (70 documents)"
    assert len(records[-1]["meta"]["models"]) == 2


def test_ray_engine_surfaces_a_workers_input_error_as_its_one_line(ray_runtime: None, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(_jsonl([{"id": "a", "text": PARAGRAPHS[1]}]), encoding="utf-8")
    config = tmp_path / "mt-audit.toml"
    config.write_text(f'[translate]\nmodel-template = "{tmp_path / "missing-{src}-{tgt}"}"\n', encoding="utf-8")

    report = _same_reports(str(feed), "--config", str(config), "--no-cache", "--require-retranslation")

    assert report.exit_code == 2
    assert "--require-retranslation makes this an error" in report.stderr
    assert "Traceback" not in report.output


def _one_line_error(result: Result, *expected: str) -> None:
    assert result.exit_code == 2, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("mt-audit: error:")]
    assert len(errors) == 1 and "Traceback" not in result.output, result.output
    for part in expected:
        assert part in errors[0], (part, errors[0])


def test_ray_engine_without_ray_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(PARAGRAPHS[0], encoding="utf-8")
    monkeypatch.setitem(sys.modules, "ray", None)
    monkeypatch.delitem(sys.modules, "audit.cluster", raising=False)
    _one_line_error(run("check", str(story), "--engine", "ray"), "Ray is not installed", "mt-audit[ray]")


def test_ray_engine_unreachable_address_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("ray.data")
    story = tmp_path / "story.txt"
    story.write_text(PARAGRAPHS[0], encoding="utf-8")
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run("check", str(story), "--engine", "ray", "--ray-address", f"127.0.0.1:{port}")
    _one_line_error(result, f"--ray-address 127.0.0.1:{port}: cannot reach it", "ray start --head")
    _one_line_error(run("check", str(story), "--engine", "ray", "--ray-address", "nowhere"), "HOST:PORT")


def test_ray_engine_address_of_another_kind_of_server_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("ray.data")
    story = tmp_path / "story.txt"
    story.write_text(PARAGRAPHS[0], encoding="utf-8")
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]

        def answer() -> None:
            connection, _ = server.accept()
            with connection:
                connection.recv(1024)
                connection.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        result = run("check", str(story), "--engine", "ray", "--ray-address", f"127.0.0.1:{port}")
        thread.join(timeout=10)
    _one_line_error(result, "something answers there, but not a Ray cluster's head")


def test_ray_engine_address_check_lets_a_ray_head_through(ray_runtime: None) -> None:
    import ray

    from audit.cluster import check_reachable

    check_reachable(ray.get_runtime_context().gcs_address)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--workers", "2"], "--workers goes with --engine ray"),
        (["--ray-address", "auto"], "--ray-address goes with --engine ray"),
        (["--engine", "ray", "--jobs", "2"], "--jobs is for --engine local"),
    ],
)
def test_ray_engine_options_out_of_place_are_one_line(options: list[str], expected: str, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(PARAGRAPHS[0], encoding="utf-8")
    _one_line_error(run("check", str(story), *options), expected)


def test_ray_engine_refuses_stdin() -> None:
    result = CliRunner().invoke(cli, ["check", "-", "--engine", "ray"], input="Some text.\n")
    _one_line_error(result, "-: --engine ray reads files, not stdin")


def test_plan_workers_one_model_worker_per_gpu_or_the_cpus_less_one() -> None:
    cluster = pytest.importorskip("audit.cluster")
    plan = cluster.plan_workers
    assert plan({"CPU": 8.0, "GPU": 2.0}, None, models=True, device="auto").model_workers == 2
    assert plan({"CPU": 8.0, "GPU": 2.0}, None, models=True, device="auto").gpus == 1
    assert plan({"CPU": 8.0, "GPU": 2.0}, None, models=True, device="cpu").model_workers == 7
    assert plan({"CPU": 8.0}, 3, models=True, device="auto").model_workers == 3
    assert plan({"CPU": 8.0}, 3, models=True, device="auto").model_free_tasks == 8
    assert plan({"CPU": 8.0}, None, models=False, device="auto").model_free_tasks == 8
    assert plan({"CPU": 8.0}, 2, models=False, device="auto").model_free_tasks == 2
    with pytest.raises(ConfigError, match="--workers 3: the cluster has 2 GPUs"):
        plan({"CPU": 8.0, "GPU": 2.0}, 3, models=True, device="auto")
    with pytest.raises(ConfigError, match="--workers 2: each model worker takes a CPU.*give at most 1"):
        plan({"CPU": 2.0}, 2, models=True, device="auto")
    with pytest.raises(ConfigError, match="but the cluster has 1; add nodes"):
        plan({"CPU": 1.0}, None, models=True, device="auto")


def test_ray_auditor_outside_its_context_says_so() -> None:
    cluster = pytest.importorskip("audit.cluster")
    auditor = cluster.RayAuditor(Auditor(apply(Config(), {"select": ["Q"]}, "test")))
    with pytest.raises(RuntimeError, match="context manager"):
        next(auditor.audit(Feed(("x.txt",))))


@pytest.mark.filterwarnings("ignore::UserWarning")  # --verbose lets Ray's own warnings through
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_ray_engine_is_quiet_unless_verbose(ray_runtime: None, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(PARAGRAPHS[1] + "\n", encoding="utf-8")
    quiet = run("check", str(story), "--select", "Q", "--engine", "ray")
    assert quiet.exit_code == 0, quiet.output
    assert [line for line in quiet.stderr.splitlines() if not line.startswith("mt-audit:")] == []
    verbose = run("check", str(story), "--select", "Q", "--engine", "ray", "--verbose")
    assert "mt-audit: note: ray: model-free checks in up to 2 tasks at once, 2 CPUs in the cluster" in verbose.stderr
    assert verbose.stdout == quiet.stdout


def test_ray_worker_of_another_version_is_refused_in_one_line() -> None:
    cluster = pytest.importorskip("audit.cluster")
    outcome = cluster._attempt(cluster._auditor, apply(Config(), {"select": ["Q"]}, "test"), False, "0.0.0-elsewhere")
    assert isinstance(outcome, cluster.Raised) and isinstance(outcome.error, ConfigError)
    assert "this command 0.0.0-elsewhere; install the same version on every node" in str(outcome.error)


@pytest.mark.filterwarnings("ignore::UserWarning")  # --verbose lets Ray's own warnings through
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_ray_engine_tells_what_a_walk_skipped_as_the_local_engine_does(ray_runtime: None, tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    (folder / ".git").mkdir(parents=True)
    (folder / "node_modules").mkdir()
    (folder / "photo.png").write_bytes(b"\x89PNG")
    (folder / "story.txt").write_text(PARAGRAPHS[1] + "\n", encoding="utf-8")
    reports = [run("check", str(folder), "--select", "Q", "--verbose", *engine) for engine in ([], ["--engine", "ray"])]
    notes = [[line for line in r.stderr.splitlines() if line.startswith("mt-audit: note: skipped")] for r in reports]
    assert len(notes[0]) == 3 and notes[1] == notes[0]
    assert reports[1].stdout == reports[0].stdout


def test_ray_engine_keeps_the_model_free_checks_out_of_the_model_workers(ray_runtime: None, tmp_path: Path) -> None:
    """Ray Data fuses a task stage into the actor stage after it unless told apart: the checks
    would then run inside the model workers, and the CPU left for them would idle."""
    cluster = pytest.importorskip("audit.cluster")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(_jsonl([{"id": "a", "text": PARAGRAPHS[1], "retranslations": [RETRANSLATED[1]]}]), encoding="utf-8")
    config = apply(Config(), {"translate": {"mode": "off"}, "divergence": {"embeddings": False}}, "test")
    with cluster.RayAuditor(Auditor(config)) as engine:
        assert engine.plan.model_workers == 1 and engine.plan.model_free_tasks == 2
        dataset = engine._dataset(Feed((str(feed),)))
        assert len(list(dataset.iter_rows())) == 1
        stats = dataset.stats()
    assert "MapBatches(check_chunks)->" not in stats and "MapBatches(ModelWorker)" in stats, stats
