"""The `mt-audit` command: the only module that prints final output or exits.

Exit status: 0 clean, 1 a document fails the gate (findings at or above --fail-on,
--max-divergence, --max-findings), 2 a usage, config or input error.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import webbrowser
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn, TextIO

import click

from audit import __version__
from audit.baseline import Baseline, BaselineWriter
from audit.checks.base import Check, all_checks, check_by_code
from audit.config import BACKENDS, FAIL_ON_CHOICES, MODES, PARAGRAPH_CHOICES, QUOTE_STYLE_CHOICES, load_config
from audit.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, AuditError, ConfigError, InputError
from audit.fix import fix_config, fix_document, unified_diff
from audit.io import Feed, expand_inputs, read_inputs, read_source
from audit.names.finder import mention_finder
from audit.names.house import HouseLearner, write_house_names
from audit.output import atomic_text, guarded, in_place_text, write_atomically
from audit.parallel import ParallelAuditor
from audit.pipeline import Auditor, document_fails
from audit.progress import BatchProgress, progress_wanted
from audit.report import FORMATS
from audit.report.printable import printable
from audit.translate.convert import QUANTIZATIONS, convert_marian, describe
from audit.types import Document, Summary


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(code.strip() for code in value.split(",") if code.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mt-audit")
def cli() -> None:
    """Audit machine-translated English wire copy: quotes, names, numbers, divergence."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here (atomically).")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Config file (default: mt-audit.toml or [tool.mt-audit] in pyproject.toml, found from the working directory upwards).")
@click.option("--isolated", is_flag=True, default=False, help="Ignore every config file (for CI gates: the settings are the flags alone).")
@click.option("--select", help="Codes, prefixes or rule names to run (comma-separated); replaces the config file's selection.")
@click.option("--ignore", help="Codes, prefixes or rule names to skip (comma-separated).")
@click.option("--extend-select", help="Add to the configured selection (comma-separated).")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), help="Lowest severity that fails the run (default: warning).")
@click.option("--max-divergence", type=float, help="A document fails when its consensus divergence is above this.")
@click.option("--max-findings", type=int, help="A document fails when it has more findings than this.")
@click.option("--quote-style", type=click.Choice(QUOTE_STYLE_CHOICES), help="How quotations nest: american “‘…’”, british ‘“…”’, or either (default).")
@click.option("--paragraphs", type=click.Choice(PARAGRAPH_CHOICES), help="A paragraph is a line (default), or the lines up to a blank line (hard-wrapped text).")
@click.option("--source", "source_path", type=click.Path(path_type=Path), help="The source text the translation was made from (one text input).")
@click.option("--source-lang", help="Language code of --source (e.g. ru).")
@click.option("--glossary", help="TSV/CSV glossary: canonical name, then known variants.")
@click.option("--house-names", help="House spellings learned by `mt-audit names learn` (the glossary's format).")
@click.option("--ner", help="Name finder: hf:MODEL_ID_OR_DIR or spacy:PIPELINE (default: the offline rule-based finder).")
@click.option("--retranslate", "mode", type=click.Choice(MODES), help="How re-translations are made (default: auto).")
@click.option("--retranslation", "retranslation_files", multiple=True, help="A precomputed English re-translation (one per document; repeatable).")
@click.option("--model", help="MarianMT model id or directory for direct re-translation.")
@click.option("--pivot", "pivots", multiple=True, help="Pivot language for round trips (repeatable; default: ru).")
@click.option("--backend", type=click.Choice(BACKENDS), help="Re-translation backend.")
@click.option("--device", help="auto, cpu, cuda or cuda:N.")
@click.option("--beam-size", type=int)
@click.option("--max-length", type=int)
@click.option("--batch-tokens", type=int, help="Token budget per re-translation batch.")
@click.option("--threads", type=int, help="CPU threads for the re-translation backend.")
@click.option("--cache-dir", help="Re-translation cache directory.")
@click.option("--no-cache", is_flag=True, default=False, help="Neither read nor write the re-translation cache.")
@click.option("--require-retranslation", is_flag=True, default=False, help="Exit 2 when no re-translation can be made.")
@click.option("--input-format", type=click.Choice(["auto", "text", "jsonl", "xliff", "tmx", "po"]), default="auto", show_default=True)
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path), help="Suppress the findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), help="Record this run's findings as a baseline file.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, help="Processes for the model-free checks (0: one per CPU).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True, help="local: this process (and --jobs); ray: Ray Data, on this machine or a cluster (needs mt-audit[ray]).")
@click.option("--ray-address", help="With --engine ray: the cluster's head, HOST:PORT or auto (default: RAY_ADDRESS, else Ray started on this machine).")
@click.option("--workers", type=click.IntRange(min=1), help="With --engine ray: model workers (default: one per GPU, else the CPUs less one); for model-free runs, tasks at once (default: every CPU).")
@click.option("-q", "--quiet", is_flag=True, default=False, help="No progress bar and no notes on stderr (errors still show).")
@click.option("-v", "--verbose", is_flag=True, default=False, help="Also say which folders a directory walk skipped, and why; with --engine ray, how the run uses the cluster, and Ray's own logs.")
@click.option("--strict", is_flag=True, default=False, hidden=True, help="Re-raise crashes in checks (for tests).")
def check(
    inputs: tuple[str, ...],
    output_format: str,
    output: Path | None,
    config_path: Path | None,
    isolated: bool,
    source_path: Path | None,
    input_format: str,
    baseline_path: Path | None,
    write_baseline: Path | None,
    jobs: int,
    engine: str,
    ray_address: str | None,
    workers: int | None,
    quiet: bool,
    verbose: bool,
    strict: bool,
    **flags: Any,
) -> None:
    """Audit INPUTS (files, directories, globs, JSONL feeds, XLIFF/TMX/PO files, or - for stdin)."""
    try:
        config = load_config(config_path, _overrides(flags), isolated=isolated)
        _check_folder(output, "--output")
        _check_folder(write_baseline, "--write-baseline")
        source = read_source(source_path) if source_path is not None else None
        if source is not None and len(inputs) != 1:
            raise InputError(f"{source_path}: --source pairs with exactly one input, not {len(inputs)}")
        baseline = Baseline.load(baseline_path) if baseline_path is not None else None
        writer = BaselineWriter() if write_baseline is not None else None
        _check_engine_options(engine, inputs, jobs=jobs, ray_address=ray_address, workers=workers)
        auditor = Auditor(config, strict=strict)
        skipped = _skip_note if verbose and not quiet else None
        items = Feed(
            tuple(inputs), source=source, source_lang=config.source_lang, input_format=input_format, skipped=skipped
        )
        with _engine(auditor, engine, jobs, ray_address=ray_address, workers=workers, verbose=verbose) as runner, _destination(output) as out:
            plan = getattr(runner, "plan", None)
            if verbose and plan is not None:
                _stderr(f"mt-audit: note: {plan.describe()}")
            wanted = progress_wanted(sys.stderr, quiet=quiet, report_on_terminal=output is None and sys.stdout.isatty())
            files = (path for path, _ in expand_inputs(inputs)) if wanted else ()
            with BatchProgress(enabled=wanted, files=files) as progress:
                reporter = FORMATS[output_format](out, config, color=_color(out, output_format))
                status = _run(
                    auditor, items, reporter, runner=runner, baseline=baseline, writer=writer, progress=progress, quiet=quiet
                )
        _finish_baselines(baseline, writer, write_baseline, quiet)
    except AuditError as exc:
        _fail(str(exc))
    sys.exit(status)


def _check_engine_options(
    engine: str, inputs: tuple[str, ...], *, jobs: int, ray_address: str | None, workers: int | None
) -> None:
    if engine != "ray":
        for option, value in (("--ray-address", ray_address), ("--workers", workers)):
            if value is not None:
                raise ConfigError(f"{option} goes with --engine ray; add it, or drop {option}")
        return
    if jobs != 1:
        raise ConfigError("--jobs is for --engine local; with --engine ray, --workers says how many workers run")
    if "-" in inputs:
        raise InputError("-: --engine ray reads files, not stdin; save the feed to a file and give its path")


def _engine(
    auditor: Auditor, engine: str, jobs: int, *, ray_address: str | None, workers: int | None, verbose: bool
) -> contextlib.AbstractContextManager[Any]:
    """What runs the audit: this process, a pool of processes (--jobs), or Ray (--engine ray)."""
    if engine == "ray":
        from audit.cluster import RayAuditor  # Ray is an optional extra: imported only when asked for

        return RayAuditor(auditor, address=ray_address, workers=workers, verbose=verbose)
    jobs = jobs or os.cpu_count() or 1
    return ParallelAuditor(auditor, jobs) if jobs > 1 else contextlib.nullcontext(auditor)


def _check_folder(path: Path | None, flag: str) -> None:
    """A file to write goes into a folder that exists: said before the audit, not after it."""
    if path is not None and not path.resolve().parent.is_dir():
        raise InputError(f"{path}: the folder {path.resolve().parent} does not exist; create it or choose another {flag}")


def _skip_note(path: str, reason: str) -> None:
    click.echo(f"mt-audit: note: skipped {path}: {reason}", err=True)


def _finish_baselines(baseline: Baseline | None, writer: BaselineWriter | None, path: Path | None, quiet: bool) -> None:
    """Write the new baseline; say which entries of the old one matched nothing."""
    if writer is not None and path is not None:
        with _destination(path) as out:
            writer.dump(out, __version__)
        if not quiet:
            _stderr(f"mt-audit: note: wrote {path}: {writer.findings} findings ({len(writer)} fingerprints)")
    if baseline is None or quiet:
        return
    unused = list(baseline.unused())
    for entry, left in unused[:10]:
        times = f" ({left} of {entry.count})" if entry.count > 1 else ""
        unit = f" unit {entry.unit}" if entry.unit else ""
        _stderr(f"mt-audit: note: {baseline.origin}: unused entry {entry.code} in {entry.document}{unit}: {entry.text!r}{times}")
    if len(unused) > 10:
        _stderr(f"mt-audit: note: {baseline.origin}: {len(unused) - 10} more unused entries")
    if unused:
        _stderr(f"mt-audit: note: {baseline.origin}: {len(unused)} entries matched no finding; refresh it with --write-baseline")


def _overrides(flags: dict[str, Any]) -> dict[str, Any]:
    translate = {
        "mode": flags.pop("mode"),
        "model": flags.pop("model"),
        "pivots": flags.pop("pivots") or None,
        "backend": flags.pop("backend"),
        "device": flags.pop("device"),
        "beam_size": flags.pop("beam_size"),
        "max_length": flags.pop("max_length"),
        "batch_tokens": flags.pop("batch_tokens"),
        "threads": flags.pop("threads"),
        "cache_dir": flags.pop("cache_dir"),
        "cache": False if flags.pop("no_cache") else None,
        "require": True if flags.pop("require_retranslation") else None,
        "retranslation_files": flags.pop("retranslation_files") or None,
    }
    overrides = {key: value for key, value in flags.items() if value is not None}
    for key in ("select", "ignore", "extend_select"):
        if key in overrides:
            overrides[key] = _codes(overrides[key])
    translate = {key: value for key, value in translate.items() if value is not None}
    if translate:
        overrides["translate"] = translate
    return overrides


def _run(
    auditor: Auditor,
    items: Any,
    reporter: Any,
    *,
    runner: Any = None,
    baseline: Baseline | None = None,
    writer: BaselineWriter | None = None,
    progress: BatchProgress | None = None,
    quiet: bool = False,
) -> int:
    summary = Summary()
    progress = progress or BatchProgress(enabled=False)
    meta = auditor.meta()
    reporter.start(meta)
    for note in () if quiet else meta.notes:
        _stderr(f"mt-audit: note: {note}")
    failed_any = False
    for result in (runner or auditor).audit(items):
        if writer is not None:
            writer.add(result)
        if baseline is not None:
            result = baseline.apply(result)
        failed = document_fails(result, auditor.config)
        failed_any = failed_any or failed
        if result.error is not None:
            progress.echo(printable(f"mt-audit: error: {result.error}"))
        progress.advance(len(result.findings), error=result.error is not None)
        summary.add(result, failed)
        reporter.document(result, failed)
    final = auditor.meta()
    for note in () if quiet else [n for n in final.notes if n not in meta.notes]:
        progress.echo(printable(f"mt-audit: note: {note}"))
    reporter.close(summary, final)
    if summary.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed_any else EXIT_OK


@contextlib.contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """Stdout, or a temporary file beside OUTPUT renamed over it only when the run completes.

    Either way a failed write (a full disk, a read-only folder) is an `OutputError`: one line, exit 2.
    """
    if output is None:
        out = guarded(sys.stdout, "<stdout>")
        yield out
        out.flush()
        return
    if output.exists() and not output.is_file():
        with in_place_text(output) as out:
            yield out
        return
    with atomic_text(output) as out:
        yield out


def _color(out: TextIO, output_format: str) -> bool:
    if output_format != "text" or os.environ.get("NO_COLOR"):
        return False
    return out.isatty() or bool(os.environ.get("FORCE_COLOR"))


def _fail(message: str) -> NoReturn:
    _stderr(f"mt-audit: error: {message}")
    sys.exit(EXIT_ERROR)


def _stderr(line: str) -> None:
    """One line on stderr; paths, ids and messages in it are untrusted, so it is made printable first."""
    click.echo(printable(line), err=True)


@cli.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """List the rules, or print one rule's rationale and examples."""
    if code is None:
        for cls in all_checks():
            needs = f" (needs {', '.join(sorted(cls.requires))})" if cls.requires else ""
            fixable = "fix" if cls.fixable else "   "
            click.echo(f"{cls.code}  {cls.severity!s:<7}  {fixable}  {cls.name:<32} {cls.summary()}{needs}")
        click.echo("fix: `mt-audit fix` applies this rule's suggestions")
        return
    found = check_by_code(code.upper()) or check_by_code(code)
    if found is None:
        _fail(f"{code}: no such rule; `mt-audit rules` lists them")
    click.echo(_describe(found))


def _describe(cls: type[Check]) -> str:
    lines = [f"{cls.code} {cls.name} ({cls.severity}, per {cls.scope})", "", cls.summary(), "", cls.description()]
    if cls.requires:
        lines += ["", f"Needs: {', '.join(sorted(cls.requires))}"]
    if cls.fixable:
        lines += ["", "Fixable: `mt-audit fix` applies its suggestions."]
    if cls.options:
        lines += ["", "Options:"]
        lines += [f"  {name} = {option.default!r}  {option.help}" for name, option in cls.options.items()]
    return "\n".join(lines)


@cli.group()
def models() -> None:
    """Prepare re-translation models (conversion for the ctranslate2 backend)."""


@models.command("convert")
@click.argument("model")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True, help="Directory for the converted model.")
@click.option("--quantization", type=click.Choice(QUANTIZATIONS), default="int8", show_default=True, help="Weight type: int8 for CPUs, float16 or int8_float16 for GPUs.")
@click.option("--force", is_flag=True, default=False, help="Overwrite a non-empty --output directory.")
def convert(model: str, output: Path, quantization: str, force: bool) -> None:
    """Convert MODEL (a MarianMT Hub id or directory) for `--backend ctranslate2`."""
    try:
        convert_marian(model, output, quantization=quantization, force=force)
    except AuditError as exc:
        _fail(str(exc))
    click.echo(describe(output))


@cli.group()
def names() -> None:
    """Name knowledge: learn the house spellings of names from trusted copy."""


@names.command("learn")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The house list to write (TSV, the glossary's format).")
@click.option("--min-count", type=click.IntRange(min=1), default=2, show_default=True, help="Mentions a spelling needs to become a house spelling.")
@click.option("--input-format", type=click.Choice(["auto", "text", "jsonl", "xliff", "tmx", "po"]), default="auto", show_default=True)
@click.option("--ner", help="Name finder: hf:MODEL_ID_OR_DIR or spacy:PIPELINE (default: the offline rule-based finder).")
def learn(inputs: tuple[str, ...], output: Path, min_count: int, input_format: str, ner: str | None) -> None:
    """Count the names of trusted English copy (INPUTS: files, directories, JSONL feeds) into a house list."""
    status = EXIT_OK
    try:
        learner = HouseLearner(mention_finder(ner))
        for item in read_inputs(inputs, input_format=input_format):
            if not isinstance(item, Document):
                click.echo(f"mt-audit: error: {item}", err=True)
                status = EXIT_ERROR
                continue
            learner.add(item.text)
        learned = learner.house_names(min_mentions=min_count)
        with _destination(output) as out:
            written = write_house_names(out, learned, sources=", ".join(inputs), documents=learner.documents)
    except AuditError as exc:
        _fail(str(exc))
    variants = sum(len(name.variants) for name in learned)
    click.echo(
        f"mt-audit: wrote {output}: {written} house spellings ({variants} variant{'' if variants == 1 else 's'}) from "
        f"{learner.documents} documents, {learner.mentions} name mentions",
        err=True,
    )
    sys.exit(status)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--diff", "mode", flag_value="diff", default=True, help="Show the fixes as a unified diff (the default); exit 1 if there are any.")
@click.option("--write", "mode", flag_value="write", help="Rewrite the files in place, atomically.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Config file (default: found upwards, as for check).")
@click.option("--isolated", is_flag=True, default=False, help="Ignore every config file.")
@click.option("--select", help="Codes, prefixes or rule names to fix (comma-separated); replaces the config file's selection.")
@click.option("--ignore", help="Codes, prefixes or rule names not to fix (comma-separated).")
@click.option("--extend-select", help="Add to the configured selection (comma-separated).")
@click.option("--quote-style", type=click.Choice(QUOTE_STYLE_CHOICES), help="How quotations nest (as for check).")
@click.option("--paragraphs", type=click.Choice(PARAGRAPH_CHOICES), help="What a paragraph is (as for check).")
def fix(files: tuple[str, ...], mode: str, config_path: Path | None, isolated: bool, **flags: str | None) -> None:
    """Apply the unambiguous suggestions (quote marks, spacing, glossary spellings) to text FILES."""
    status = EXIT_OK
    changed = applied = 0
    try:
        overrides: dict[str, Any] = {key: value for key, value in flags.items() if value is not None}
        for key in ("select", "ignore", "extend_select"):
            if key in overrides:
                overrides[key] = _codes(overrides[key])
        auditor = Auditor(fix_config(load_config(config_path, overrides, isolated=isolated)))
        refused: set[str] = set()
        for item in read_inputs(files):
            if not isinstance(item, Document):
                _stderr(f"mt-audit: error: {item}")
                status = EXIT_ERROR
                continue
            if not item.verbatim or item.path in (None, "<stdin>"):
                if item.path not in refused:
                    _stderr(f"mt-audit: error: {item.path}: fix rewrites text files only; fix JSONL and bilingual files at their source")
                    refused.add(item.path or "")
                status = EXIT_ERROR
                continue
            outcome = fix_document(item, auditor)
            if outcome.remaining:
                _stderr(f"mt-audit: note: {item.path}: {outcome.remaining} fixes keep conflicting; make them by hand")
            if not outcome.changed:
                continue
            changed += 1
            applied += outcome.applied
            if mode == "write":
                write_atomically(Path(item.path), outcome.text.encode("utf-8"))
            else:
                click.echo(unified_diff(item.path, item.text, outcome.text), nl=False)
    except AuditError as exc:
        _fail(str(exc))
    verb = "fixed" if mode == "write" else "would fix"
    _stderr(f"mt-audit: {verb} {applied} finding{'s' if applied != 1 else ''} in {changed} file{'s' if changed != 1 else ''}")
    if status == EXIT_OK and mode == "diff" and changed:
        status = EXIT_FINDINGS
    sys.exit(status)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; anything but loopback needs --allow-remote.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port (0: any free one).")
@click.option("--open", "open_browser", is_flag=True, default=False, help="Open the workspace in a browser once it is up.")
@click.option("--allow-remote", is_flag=True, default=False, help="Allow a --host other than loopback (the API then needs a token).")
@click.option("--token", envvar="MT_AUDIT_TOKEN", help="The API token (or $MT_AUDIT_TOKEN); generated and printed once when remote and not given.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), help="Config file (default: found upwards, as for check).")
@click.option("--select", help="Codes, prefixes or rule names to run (comma-separated).")
@click.option("--ignore", help="Codes, prefixes or rule names to skip (comma-separated).")
@click.option("--glossary", help="The server's default glossary (a client may send its own content instead).")
@click.option("--house-names", help="House spellings (from `mt-audit names learn`) checked on every request.")
@click.option("--retranslate", "mode", type=click.Choice(["auto", "roundtrip", "direct", "off"]), help="How re-translations are made (default: auto).")
@click.option("--pivot", "pivots", multiple=True, help="Pivot language for round trips (repeatable; default: ru).")
@click.option("--model", help="MarianMT model id or directory for direct re-translation.")
@click.option("--backend", type=click.Choice(["transformers", "ctranslate2"]), help="Re-translation backend.")
@click.option("--device", help="auto, cpu or cuda.")
@click.option("--cache-dir", help="Re-translation cache directory (default: the CLI's).")
@click.option("--no-cache", is_flag=True, default=False, help="Neither read nor write the re-translation cache.")
@click.option("--max-request-mb", type=click.FloatRange(min=0.01), default=8.0, show_default=True, help="Larger requests are refused (413).")
@click.option("--retranslation-workers", type=click.IntRange(min=1), default=1, show_default=True, help="Requests that may re-translate at once; more wait in line.")
@click.option("--ssl-certfile", type=click.Path(exists=True, dir_okay=False), help="Serve HTTPS with this certificate (with --ssl-keyfile).")
@click.option("--ssl-keyfile", type=click.Path(exists=True, dir_okay=False), help="The certificate's private key.")
def serve(
    host: str,
    port: int,
    open_browser: bool,
    allow_remote: bool,
    token: str | None,
    config_path: Path | None,
    max_request_mb: float,
    retranslation_workers: int,
    ssl_certfile: str | None,
    ssl_keyfile: str | None,
    **flags: Any,
) -> None:
    """The translator's workspace in a browser, and a JSON API (needs `pip install 'mt-audit[serve]'`)."""
    try:
        from audit import serve as server
    except ImportError as exc:
        _fail(f"mt-audit serve needs its extra ({exc.name} is missing): pip install 'mt-audit[serve]'")
    loopback = server.is_loopback(host)
    if not loopback and not allow_remote:
        _fail(f"--host {host}: not a loopback address; add --allow-remote to serve other machines (with a token)")
    if bool(ssl_certfile) != bool(ssl_keyfile):
        _fail("--ssl-certfile and --ssl-keyfile go together; give both or neither")
    generated = token is None and not loopback
    if generated:
        token = server.new_token()
    try:
        translate = {key: flags.pop(key) for key in ("mode", "model", "backend", "device", "cache_dir")}
        translate["pivots"] = flags.pop("pivots") or None
        translate["cache"] = False if flags.pop("no_cache") else None
        overrides: dict[str, Any] = {key: _codes(value) if key in ("select", "ignore") else value for key, value in flags.items()}
        overrides["translate"] = {key: value for key, value in translate.items() if value is not None} or None
        config = load_config(config_path, overrides)
        service = server.AuditService(config, queue=server.RetranslationQueue(workers=retranslation_workers))
        click.echo("mt-audit: loading models…", err=True)
        startup = service.load_models()
        sock = server.bind(host, port)
    except AuditError as exc:
        _fail(str(exc))
    for model in startup.loaded:
        click.echo(f"mt-audit: loaded {model}", err=True)
    for problem in startup.unavailable:
        click.echo(f"mt-audit: note: {problem}; the workspace audits without it", err=True)
    address, bound_port = sock.getsockname()[:2]
    shown = host if host == "localhost" else f"[{address}]" if ":" in address else address
    url = f"{'https' if ssl_certfile else 'http'}://{shown}:{bound_port}/"
    page = url + (f"#token={token}" if token else "")
    access = server.Access(token=token, loopback=loopback, max_request_bytes=int(max_request_mb * 1024 * 1024))
    app = server.create_app(service, access)
    click.echo(f"mt-audit: serving the workspace at {page}  (API docs: {url}docs; Ctrl+C stops)", err=True)
    if generated:
        click.echo("mt-audit: that token is shown once; pass --token (or $MT_AUDIT_TOKEN) to keep one across restarts", err=True)
    certificate = (ssl_certfile, ssl_keyfile) if ssl_certfile and ssl_keyfile else None
    on_started = (lambda: webbrowser.open(page)) if open_browser else None
    server.serve(app, sock, certificate=certificate, on_started=on_started)


def _terminated(signum: int, frame: object) -> NoReturn:
    """SIGTERM and SIGHUP unwind like Ctrl-C, so a half-written --output is removed, not left behind."""
    raise SystemExit(128 + signum)


# The collector's thresholds for the command line: the name knowledge and the memos a feed fills
# are millions of long-lived objects, which the default thresholds (700, 10, 10) scan whole every
# few hundred thousand allocations, a sixth of an audit's CPU time on a source-given feed. The checks
# make little cyclic garbage: collecting young objects less often, and all of them ten times less
# often, frees the same memory a little later.
_GC_THRESHOLDS = (10_000, 10, 100)


def main() -> None:
    gc.set_threshold(*_GC_THRESHOLDS)
    signal.signal(signal.SIGTERM, _terminated)
    signal.signal(signal.SIGHUP, _terminated)
    try:
        cli.main(prog_name="mt-audit", standalone_mode=False)
    except click.UsageError as exc:
        # One line, like every other error; the usage is one --help away.
        command = exc.ctx.command_path if exc.ctx is not None else "mt-audit"
        click.echo(f"mt-audit: error: {exc.format_message().rstrip('.')}; see `{command} --help`", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except (KeyboardInterrupt, click.Abort):
        _stderr("mt-audit: interrupted")
        sys.exit(130)

