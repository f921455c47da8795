"""Side-by-side benchmark of the re-translation paths, the work avoided, and the model-free checks.

One command, one run, the same inputs for every backend:

- re-translation throughput of transformers one sentence at a time, transformers batched
  (batches sorted by length), and CTranslate2 in two compute types, each in its own
  subprocess so peak memory is its own; output tokens/s, segments/s, peak RSS;
- de-duplication: a feed of documents recombined from the sample's paragraphs, re-translated
  with the same backend with and without de-duplication (CachedTranslator + cache);
- the cache: the same feed audited again, which must make no model call;
- the whole `mt-audit check` on a feed (the sample repeated with variations, precomputed
  re-translations): model-free stages alone, and all stages, in MB/s and MB per CPU-second;
  N2xx + Q109 with sources: the Russian dev set recombined into stories (paragraphs repeat),
  and feeds in which no paragraph repeats (the Russian dev set; DEMETR dev where present).

The model is built here, with no download: the opus-mt architecture (MarianConfig as
Helsinki-NLP/opus-mt-ru-en: d_model 512, 6+6 layers, 8 heads, ffn 2048, 62,518-token vocabulary;
76.7M parameters) with random weights, and a real SentencePiece model trained on samples/
whose vocabulary is padded to that size. It is cached in --workdir between runs.

Method. Random weights never choose to stop, and their outputs differ between backends, so
every backend is made to write exactly the same number of tokens: min = max output length
(transformers `min_new_tokens = max_new_tokens`, CTranslate2 `min_decoding_length =
max_decoding_length`), which also forbids an early end token. Tokenization and decoding
are inside the timed region; model loading and one warm-up batch are not. Decoding is
greedy. One-at-a-time runs on an evenly spaced subset of the length-sorted inputs (its
rate, not its total, is compared).

    python scripts/bench.py                      # full run (CPU: 256 sentences, 1,000 documents)
    python scripts/bench.py --quick --json b.json  # reduced, under two minutes on 2 cores
    python scripts/bench.py --device cuda        # GPU: fp16 transformers vs CTranslate2 float16/int8_float16
    python scripts/bench.py --profile            # also print the checks' hot spots (model-free, source given)
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import hashlib
import io
import json
import os
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "idlib-wire.txt"
sys.path.insert(0, str(ROOT))

# Helsinki-NLP/opus-mt-ru-en's architecture.
OPUS_MT = {
    "vocab_size": 62518,
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
    "max_position_embeddings": 512,
    "activation_function": "swish",
    "scale_embedding": True,
    "static_position_embeddings": True,
}
BUILD_VERSION = 1
# The pipeline hands the re-translation stage documents in chunks of this many.
CHUNK_DOCS = 64
# Canonical spellings a careful re-translation would use: the precomputed re-translations.
CANONICAL = {
    "Khayyat Tahrir Al-Sham": "Hayat Tahrir al-Sham",
    "Khayyat Tahrir Ash-Sham": "Hayat Tahrir al-Sham",
    "Khoras ad-Din": "Hurras al-Din",
    "Islamic Party of Turkestan": "Turkestan Islamic Party",
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class Sizes:
    sentences: int
    one_at_a_time: int
    feed_docs: int
    model_free_mb: float
    # The all-stages run scores and embeds every sentence: a smaller feed keeps it short (0: skipped).
    all_stages_mb: float
    hf_batch: int
    # Each timed pass is repeated and the fastest kept, so other load on the machine counts less.
    repeats: int
    # Rounds over the backends, in alternating order (A B C D, then D C B A): a slow spell on a
    # shared machine then cannot fall on one backend only. The best round of each is reported.
    rounds: int


def sizes_for(quick: bool, cuda: bool) -> Sizes:
    if cuda:
        return Sizes(512, 8, 200, 1.0, 0.0, 64, 2, 1) if quick else Sizes(4096, 32, 1000, 5.0, 0.5, 64, 3, 2)
    return Sizes(32, 8, 30, 1.0, 0.0, 32, 2, 1) if quick else Sizes(256, 64, 1000, 5.0, 0.5, 32, 3, 2)


# --------------------------------------------------------------------------- inputs


def sample_paragraphs() -> list[str]:
    return [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def vary(text: str, rng: random.Random) -> str:
    """The same story on another day: weekdays, figures and distances change, the boilerplate does not."""
    text = re.sub(r"\b(" + "|".join(WEEKDAYS) + r")\b", lambda m: rng.choice(WEEKDAYS), text)
    text = re.sub(r"\b(\d{1,2})-(\d{1,2}) km\b", lambda m: f"{rng.randint(5, 15)}-{rng.randint(16, 40)} km", text)
    text = re.sub(r"\b(\d+) (thousand|months)\b", lambda m: f"{rng.randint(2, 300)} {m.group(2)}", text)
    return text


def canonical(text: str) -> str:
    for garbled, right in CANONICAL.items():
        text = text.replace(garbled, right)
    return text


def recombined_feed(count: int, seed: int = 0) -> list[str]:
    """Documents of 3-8 of the sample's paragraphs in a new order, each on its own day and figures."""
    rng = random.Random(seed)
    paragraphs = sample_paragraphs()
    documents = []
    for _ in range(count):
        chosen = rng.sample(paragraphs, rng.randint(3, min(8, len(paragraphs))))
        day = random.Random(rng.random())
        documents.append("\n\n".join(vary(p, day) for p in chosen))
    return documents


def write_check_feed(path: Path, megabytes: float, seed: int = 1) -> int:
    """A JSONL feed of the sample repeated with variations, each with a precomputed re-translation."""
    rng = random.Random(seed)
    paragraphs = sample_paragraphs()
    written = 0
    number = 0
    with path.open("w", encoding="utf-8") as out:
        while written < megabytes * 1e6:
            order = paragraphs[:]
            rng.shuffle(order)
            text = "\n\n".join(vary(p, rng) for p in order[: rng.randint(6, len(order))])
            record = {"id": f"wire-{number:06d}", "text": text, "retranslations": [canonical(text)]}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(text.encode("utf-8"))
            number += 1
    return written


def write_source_feed(path: Path, megabytes: float, seed: int = 3) -> int:
    """A JSONL feed with sources: the Russian dev set's good translations recombined into stories."""
    pairs = []
    for part in ("tune", "heldout"):
        for line in (ROOT / "tests" / "data" / "source_ru" / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            pairs.append((record["source"], record["good"]))
    rng = random.Random(seed)
    written = 0
    number = 0
    with path.open("w", encoding="utf-8") as out:
        while written < megabytes * 1e6:
            story = rng.sample(pairs, rng.randint(6, 20))
            text = "\n\n".join(english for _, english in story)
            source = "\n\n".join(russian for russian, _ in story)
            record = {"id": f"ru-{number:06d}", "text": text, "source": source, "source_lang": "ru"}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += len(text.encode("utf-8"))
            number += 1
    return written


DEMETR = ROOT.parent / "shared" / "data" / "demetr-dev.jsonl"


def write_distinct_source_feed(path: Path, demetr: bool, seed: int = 4) -> int:
    """A JSONL feed with sources in which no paragraph repeats: each pair of the Russian dev set
    (every part) once, or with `demetr`, each DEMETR dev source sentence once with its good MT.

    The recombined feed repeats its ~1,000 pairs, so per-paragraph memos flatter it; this is
    the figure for copy that does not repeat itself. Stories of 6-20 paragraphs, one source
    language each.
    """
    groups: dict[str, dict[str, str]] = {}
    if demetr:
        for line in DEMETR.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            groups.setdefault(record["source_lang"], {})[record["source"]] = record["mt"]
    else:
        for part in sorted((ROOT / "tests" / "data" / "source_ru").glob("*.jsonl")):
            for line in part.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                groups.setdefault("ru", {})[record["source"]] = record["good"]
    rng = random.Random(seed)
    written = 0
    number = 0
    with path.open("w", encoding="utf-8") as out:
        for lang, pairs in groups.items():
            items = list(pairs.items())
            rng.shuffle(items)
            while items:
                story = items[: rng.randint(6, 20)]
                del items[: len(story)]
                text = "\n\n".join(english for _, english in story)
                source = "\n\n".join(original for original, _ in story)
                record = {"id": f"{lang}-{number:06d}", "text": text, "source": source, "source_lang": lang}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += len(text.encode("utf-8"))
                number += 1
    return written


# Loads every resource of the source-aware checks, as a first document in each language would.
RESOURCES_SCRIPT = """
import time
started, cpu = time.perf_counter(), time.process_time()
from audit.names.russian import analyzer, entities, adjective_places
from audit.names.terms import russian_terms
from audit.names.local_places import local_places
from audit.names.romanisers import romanise_text
from audit.names.exonyms import exonyms
from audit.names import gazetteer
analyzer(); entities("МИД России"); russian_terms(); adjective_places("германский")
places = local_places()
places.english_names("Москва"); [places.local_names("Idlib", script) for script in ("han", "kana", "devanagari")]
gazetteer.lookup("Манбидж")
exonyms("ru"); exonyms("zh"); exonyms("ja"); exonyms("hi")
romanise_text("北京", "zh"); romanise_text("東京", "ja"); romanise_text("दिल्ली", "hi")
from audit.names.cedict import cedict
from audit.names.script_names import name_spans
cedict(); name_spans("比赛", "zh")
from audit.names.russian_source import names_region_of_source_place
names_region_of_source_place("Orenburg", "Орск", "Orsk, in the Orenburg region")
print(round(time.perf_counter() - started, 3), round(time.process_time() - cpu, 3))
"""


def resource_startup() -> dict[str, float]:
    """Seconds to load every source-side resource in a fresh process (imports included), wall and CPU.

    The first run on a machine also builds the stored indexes (`audit.names.stored`), once:
    take the fastest of two or more runs (`measure_checks` warms them first).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", RESOURCES_SCRIPT], capture_output=True, text=True, cwd=ROOT, check=True
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    loading, loading_cpu = (float(figure) for figure in done.stdout.split())
    return {
        "loading_s": loading,
        "loading_cpu_s": loading_cpu,
        "process_wall_s": round(time.perf_counter() - started, 3),
        "process_cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 3),
    }


def bench_sentences(pieces: Any, count: int, seed: int = 2) -> list[str]:
    """`count` spans of sample text, 12-60 sub-word tokens long (with `</s>`), lengths spread evenly."""
    rng = random.Random(seed)
    words = " ".join(sample_paragraphs()).split()
    sentences = []
    for index in range(count):
        wanted = 12 + (48 * index) // max(count - 1, 1)
        start = rng.randrange(len(words))
        taken: list[str] = []
        while True:
            taken.append(words[(start + len(taken)) % len(words)])
            if len(pieces.encode(" ".join(taken))) >= wanted:
                break
        sentences.append(" ".join(taken))
    rng.shuffle(sentences)
    return sentences


# --------------------------------------------------------------------------- the model


def model_paths(workdir: Path) -> tuple[Path, Path]:
    tag = hashlib.sha1(json.dumps([OPUS_MT, BUILD_VERSION, SAMPLE.read_bytes().hex()]).encode()).hexdigest()[:10]
    base = workdir / f"opus-mt-random-{tag}"
    return base / "transformers", base / "ctranslate2-float32"


def build_model(hf_dir: Path, ct2_dir: Path, seed: int = 0) -> dict[str, Any]:
    """The opus-mt-sized random model and tokenizer, and its CTranslate2 conversion (float32 weights)."""
    import sentencepiece as spm
    import torch
    from make_tiny_marian import train_sentencepiece  # scripts/ is on the path when run as a script
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer
    from transformers.utils import logging as hf_logging

    from audit.translate.convert import convert_marian

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    started = time.perf_counter()
    shutil.rmtree(hf_dir, ignore_errors=True)
    shutil.rmtree(ct2_dir, ignore_errors=True)
    hf_dir.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as work:
        model_file = train_sentencepiece(sample_paragraphs(), Path(work), vocab_size=2000)
        processor = spm.SentencePieceProcessor(model_file=str(model_file))
        vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
        for index in range(processor.get_piece_size()):
            vocab.setdefault(processor.id_to_piece(index), len(vocab))
        pieces = len(vocab)
        # Filler entries pad the real pieces to opus-mt's vocabulary size; <pad> comes last, as in opus-mt.
        while len(vocab) < OPUS_MT["vocab_size"] - 1:
            vocab[f"<filler{len(vocab):05d}>"] = len(vocab)
        pad_id = vocab["<pad>"] = len(vocab)
        vocab_file = Path(work) / "vocab.json"
        vocab_file.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(source_spm=str(model_file), target_spm=str(model_file), vocab=str(vocab_file))
        tokenizer.save_pretrained(str(hf_dir))
    torch.manual_seed(seed)
    config = MarianConfig(**OPUS_MT, pad_token_id=pad_id, eos_token_id=0, decoder_start_token_id=pad_id)
    model = MarianMTModel(config)
    parameters = sum(p.numel() for p in model.parameters())
    model.save_pretrained(str(hf_dir), safe_serialization=True)
    del model
    convert_marian(str(hf_dir), ct2_dir, quantization="float32")
    return {"parameters": parameters, "real_pieces": pieces, "build_s": round(time.perf_counter() - started, 1)}


# --------------------------------------------------------------------------- workers


class PeakGpuMemory:
    """Device-wide GPU memory in use, polled while a run lasts (CTranslate2 keeps its own allocator)."""

    def __init__(self, index: int = 0) -> None:
        import torch

        self.torch = torch
        self.index = index
        self.baseline = self._used()
        self.peak = self.baseline
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _used(self) -> int:
        free, total = self.torch.cuda.mem_get_info(self.index)
        return int(total - free)

    def _poll(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self._used())

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._used())
        return round(self.peak / 2**20, 1)


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def worker_hf(task: dict[str, Any]) -> dict[str, Any]:
    """transformers: one sentence at a time, or batches of `batch` sorted by length."""
    import torch
    from transformers import MarianMTModel, MarianTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    cuda = task["device"] == "cuda"
    if not cuda:
        torch.set_num_threads(task["threads"])
    tokenizer = MarianTokenizer.from_pretrained(task["hf_dir"])
    model = MarianMTModel.from_pretrained(task["hf_dir"], dtype=torch.float16 if cuda else torch.float32)
    model.to(task["device"]).eval()
    sentences: list[str] = task["sentences"]
    length = task["output_tokens"]
    batch_size = 1 if task["mode"] == "one" else task["batch"]

    def run(batch: list[str], tokens: int) -> int:
        encoded = tokenizer(batch, return_tensors="pt", padding=True).to(task["device"])
        with torch.inference_mode():
            out = model.generate(**encoded, num_beams=1, do_sample=False, min_new_tokens=tokens, max_new_tokens=tokens)
        tokenizer.batch_decode(out, skip_special_tokens=True)
        return int((out[:, 1:] != tokenizer.pad_token_id).sum())

    run(sentences[:2], 4)
    order = sorted(sentences, key=lambda s: -len(tokenizer(s)["input_ids"]))
    memory = PeakGpuMemory() if cuda else None

    def timed_pass() -> int:
        generated = sum(run(order[i : i + batch_size], length) for i in range(0, len(order), batch_size))
        if cuda:
            torch.cuda.synchronize()
        return generated

    result = _rates(best_of(task["repeats"], timed_pass), len(sentences) * length, len(sentences))
    result.update(batch=batch_size, dtype="float16" if cuda else "float32")
    if memory is not None:
        result["peak_gpu_mb"] = memory.stop()
    return result


def worker_ct2(task: dict[str, Any]) -> dict[str, Any]:
    """CTranslate2 through the backend: its token-budget batches, sorted by length."""
    from audit.translate.base import DecodingParams
    from audit.translate.ctranslate2 import load_ctranslate2

    cuda = task["device"] == "cuda"
    memory = PeakGpuMemory() if cuda else None
    params = DecodingParams(beam_size=1, max_length=task["output_tokens"] + 1, batch_tokens=task["batch_tokens"])
    translator = load_ctranslate2(
        task["ct2_dir"], params, device=task["device"], threads=task["threads"], compute_type=task["compute_type"]
    )
    pieces = translator.loaded.pieces
    sentences: list[str] = task["sentences"]
    length = task["output_tokens"]
    translator.translate_tokens([pieces.encode(s) for s in sentences[:2]], min_decoding_length=4, max_decoding_length=4)

    def timed_pass() -> int:
        outputs = translator.translate_tokens(
            [pieces.encode(s) for s in sentences], min_decoding_length=length, max_decoding_length=length
        )
        [pieces.decode(tokens) for tokens in outputs]
        return sum(len(t) for t in outputs)

    result = _rates(best_of(task["repeats"], timed_pass), len(sentences) * length, len(sentences))
    result.update(batch_tokens=translator.batch_tokens, compute_type=translator.loaded.compute_type)
    if memory is not None:
        result["peak_gpu_mb"] = memory.stop()
    return result


@dataclass
class Timing:
    result: Any
    best_s: float
    median_s: float


def best_of(repeats: int, action: Callable[[], Any]) -> Timing:
    """Run `action` `repeats` times; the fastest pass and the median (the result is the last one's)."""
    times = []
    result = None
    for _ in range(max(repeats, 1)):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    times.sort()
    return Timing(result, times[0], times[len(times) // 2])


def _better(kept: dict[str, Any] | None, measured: dict[str, Any]) -> dict[str, Any]:
    """The faster of two rounds of one backend, with every round's rate listed."""
    rounds = [*(kept or {}).get("rounds_tokens_per_s", []), measured.get("tokens_per_s")]
    if kept is None or "error" in kept or measured.get("tokens_per_s", 0) > kept.get("tokens_per_s", 0):
        kept = measured
    return {**kept, "rounds_tokens_per_s": rounds}


def _rates(timing: Timing, expected: int, segments: int) -> dict[str, Any]:
    generated = int(timing.result)
    if generated != expected:
        raise RuntimeError(f"output length not forced: {generated} tokens generated, {expected} expected")
    return {
        "output_tokens": generated,
        "segments": segments,
        "seconds": round(timing.best_s, 3),
        "tokens_per_s": round(generated / timing.best_s, 1),
        "segments_per_s": round(segments / timing.best_s, 2),
        "median_tokens_per_s": round(generated / timing.median_s, 1),
    }


def worker_feed(task: dict[str, Any]) -> dict[str, Any]:
    """De-duplication and cache on a recombined feed, through the fast backend.

    Without de-duplication every sentence of every document goes to the backend (a chunk of
    documents at a time, as the pipeline hands them over). With it, each chunk goes through
    `CachedTranslator` over a fresh cache, which translates a chunk's distinct sentences once
    and serves sentences seen in earlier chunks from the cache. The second audit reads the
    same feed again over the filled cache.
    """
    from audit.segment import split_text_sentences
    from audit.translate.base import DecodingParams
    from audit.translate.cache import CachedTranslator, TranslationCache
    from audit.translate.ctranslate2 import load_ctranslate2

    params = DecodingParams(beam_size=1, max_length=task["output_tokens"] + 1, batch_tokens=task["batch_tokens"])
    backend = load_ctranslate2(
        task["ct2_dir"], params, device=task["device"], threads=task["threads"], compute_type=task["compute_type"]
    )
    documents = recombined_feed(task["documents"])
    backend.translate(["warm-up"])

    def chunks() -> Iterator[list[str]]:
        for start in range(0, len(documents), CHUNK_DOCS):
            yield [s for doc in documents[start : start + CHUNK_DOCS] for s in split_text_sentences(doc)]

    instances = sum(len(chunk) for chunk in chunks())
    distinct = len({s for chunk in chunks() for s in chunk})
    repeats = task["repeats"]

    def sent(action: Callable[[], None]) -> Callable[[], int]:
        def counted() -> int:
            before = backend.sentences
            action()
            return backend.sentences - before

        return counted

    plain = best_of(repeats, sent(lambda: [backend.translate(chunk) for chunk in chunks()]))
    folders: list[str] = []

    def first_audit() -> None:
        folders.append(tempfile.mkdtemp(prefix="bench-cache-"))
        cached = CachedTranslator(backend, TranslationCache(folders[-1]))
        for chunk in chunks():
            cached.translate(chunk)

    def second_audit() -> None:
        cached = CachedTranslator(backend, TranslationCache(folders[-1]))
        for chunk in chunks():
            cached.translate(chunk)

    dedup = best_of(repeats, sent(first_audit))
    calls_before = backend.calls
    again = best_of(repeats, sent(second_audit))
    second_calls = backend.calls - calls_before
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    plain_s, dedup_s, cached_s = plain.best_s, dedup.best_s, again.best_s
    plain_sent, dedup_sent, cached_sent = plain.result, dedup.result, again.result
    audits = whole_audits(task, documents)
    return {
        **audits,
        "documents": len(documents),
        "repeats": repeats,
        "sentences": instances,
        "distinct_sentences": distinct,
        "without_dedup_s": round(plain_s, 3),
        "without_dedup_model_sentences": plain_sent,
        "with_dedup_s": round(dedup_s, 3),
        "with_dedup_model_sentences": dedup_sent,
        "dedup_speedup": round(plain_s / dedup_s, 2),
        "second_audit_s": round(cached_s, 4),
        "second_audit_model_calls": second_calls,
        "second_audit_model_sentences": cached_sent,
        "cache_speedup": round(dedup_s / cached_s, 1),
        "compute_type": backend.loaded.compute_type,
    }


def whole_audits(task: dict[str, Any], texts: list[str]) -> dict[str, Any]:
    """The whole audit (D3xx, round trip through the fast backend, embeddings off), twice over one cache.

    The round trip runs the bench model in both directions. The second audit must make no
    model call; what it still spends is alignment and scoring, which no cache removes.
    """
    from audit.config import Config, apply
    from audit.pipeline import Auditor
    from audit.types import Document

    documents = [Document(id=f"doc-{i:05d}", text=text) for i, text in enumerate(texts)]
    with tempfile.TemporaryDirectory() as folder:
        # One random model stands for both directions of the round trip: the template names it twice.
        models = Path(folder) / "models"
        models.mkdir()
        for pair in ("en-ru", "ru-en"):
            (models / pair).symlink_to(task["ct2_dir"], target_is_directory=True)
        table = {
            "select": ["D"],
            "translate": {
                "backend": "ctranslate2",
                "mode": "roundtrip",
                "model-template": str(models / "{src}-{tgt}"),
                "device": task["device"],
                "threads": task["threads"],
                "beam-size": 1,
                "max-length": task["output_tokens"] + 1,
                "batch-tokens": task["batch_tokens"],
                "cache-dir": folder,
            },
            "divergence": {"embeddings": False},
        }
        runs = []
        for _ in range(2):
            auditor = Auditor(apply(Config(), table, "bench"))
            started = time.perf_counter()
            findings = sum(len(result.findings) for result in auditor.audit(documents))
            elapsed = time.perf_counter() - started
            calls = sum(t.backend.calls for t in auditor.stage.retranslator.translators.values())
            runs.append((elapsed, calls, findings))
    (first_s, first_calls, _), (second_s, second_calls, _) = runs
    return {
        "whole_audit_first_s": round(first_s, 3),
        "whole_audit_first_model_calls": first_calls,
        "whole_audit_second_s": round(second_s, 3),
        "whole_audit_second_model_calls": second_calls,
        "whole_audit_cache_speedup": round(first_s / second_s, 2),
    }


WORKERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "hf": worker_hf,
    "ct2": worker_ct2,
    "feed": worker_feed,
}


def run_worker(kind: str, task: dict[str, Any]) -> dict[str, Any]:
    """Run one measurement in a fresh interpreter; its peak RSS is its own."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_PROGRESS_BARS": "1", "TOKENIZERS_PARALLELISM": "false"}
    if task.get("device") == "cpu":
        env["OMP_NUM_THREADS"] = str(task["threads"])
    done = subprocess.run(
        [sys.executable, "-W", "ignore", __file__, "--worker", kind],
        input=json.dumps(task),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{kind} worker failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def worker_main(kind: str) -> None:
    task = json.loads(sys.stdin.read())
    if kind == "build":
        result = build_model(Path(task["hf_dir"]), Path(task["ct2_dir"]))
    elif kind == "inputs":
        from audit.translate.ctranslate2 import MarianPieces

        result = {"sentences": bench_sentences(MarianPieces(Path(task["ct2_dir"])), task["count"])}
    else:
        result = WORKERS[kind](task)
        result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


# --------------------------------------------------------------------------- model-free checks


def model_free_codes() -> list[str]:
    from audit.checks.base import all_checks

    return sorted(cls.code for cls in all_checks() if "retranslation" not in cls.requires)


def time_check(arguments: list[str]) -> dict[str, float]:
    """Wall and CPU seconds of one `mt-audit check` run in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-m", "audit", "check", *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_PROGRESS_BARS": "1"},
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"mt-audit check {' '.join(arguments)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3)}


def measure_checks(workdir: Path, megabytes: float, all_stages_megabytes: float, repeats: int) -> dict[str, Any]:
    """`mt-audit check` on a feed, whole and after startup; the fastest of `repeats` runs.

    Startup (imports, the word lists, CLDR) is paid once per process; the steady-state
    figures subtract a one-document run of the same command, and `mb_per_cpu_s_steady`
    (MB per CPU-second after startup) is the per-core throughput the issue's target means.
    """
    feed = workdir / "check-feed.jsonl"
    size = write_check_feed(feed, megabytes)
    one = workdir / "check-one.jsonl"
    one.write_text(feed.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    codes = ",".join(model_free_codes())
    common = ["--format", "jsonl", "-o", os.devnull, "--fail-on", "never", "--no-cache"]
    model_free = [*common, "--select", codes, "--retranslate", "off"]
    # Untimed: a machine with no stored indexes yet (`audit.names.stored`, the gazetteer) builds them once.
    time_check([str(one), *model_free])
    resource_startup()
    startup = _fastest(repeats, [str(one), *model_free])
    mb = size / 1e6
    result: dict[str, Any] = {
        "feed_mb": round(mb, 3),
        "model_free_codes": codes,
        "startup_s": startup["wall_s"],
        "startup_cpu_s": startup["cpu_s"],
        "model_free": _check_rates(_fastest(repeats, [str(feed), *model_free]), startup, mb),
    }
    source_feed = workdir / "check-source-feed.jsonl"
    source_mb = write_source_feed(source_feed, megabytes) / 1e6
    source_one = workdir / "check-source-one.jsonl"
    source_one.write_text(source_feed.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    source_given = [*common, "--select", "N2,Q109", "--retranslate", "off"]
    source_startup = _fastest(repeats, [str(source_one), *source_given])
    result["source_feed_mb"] = round(source_mb, 3)
    result["source_startup_s"] = source_startup["wall_s"]
    result["source_given"] = _check_rates(_fastest(repeats, [str(source_feed), *source_given]), source_startup, source_mb)
    distinct = [("source_distinct", False)] + ([("source_distinct_demetr", True)] if DEMETR.is_file() else [])
    for key, demetr in distinct:
        distinct_feed = workdir / f"check-{key}.jsonl"
        distinct_mb = write_distinct_source_feed(distinct_feed, demetr) / 1e6
        distinct_one = workdir / f"check-{key}-one.jsonl"
        distinct_one.write_text(distinct_feed.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
        distinct_startup = _fastest(repeats, [str(distinct_one), *source_given])
        result[f"{key}_feed_mb"] = round(distinct_mb, 3)
        timed = _fastest(repeats, [str(distinct_feed), *source_given])
        result[key] = _check_rates(timed, distinct_startup, distinct_mb)
    result["resource_startup"] = min((resource_startup() for _ in range(max(repeats, 1))), key=lambda r: r["loading_s"])
    if all_stages_megabytes > 0:
        small = workdir / "check-feed-small.jsonl"
        small_mb = write_check_feed(small, all_stages_megabytes) / 1e6
        everything = time_check([str(small), *common, "--retranslate", "off"])
        result["all_stages_feed_mb"] = round(small_mb, 3)
        result["all_stages_precomputed"] = _check_rates(everything, startup, small_mb)
    return result


def _fastest(repeats: int, arguments: list[str]) -> dict[str, float]:
    return min((time_check(arguments) for _ in range(max(repeats, 1))), key=lambda t: t["cpu_s"])


def _check_rates(run: dict[str, float], startup: dict[str, float], mb: float) -> dict[str, Any]:
    steady_wall = max(run["wall_s"] - startup["wall_s"], 1e-3)
    steady_cpu = max(run["cpu_s"] - startup["cpu_s"], 1e-3)
    return {
        **run,
        "mb_per_s": round(mb / run["wall_s"], 3),
        "mb_per_cpu_s": round(mb / run["cpu_s"], 3),
        "mb_per_s_steady": round(mb / steady_wall, 3),
        "mb_per_cpu_s_steady": round(mb / steady_cpu, 3),
    }


def profile_checks(workdir: Path, megabytes: float, top: int = 15) -> str:
    """The hot spots, in-process under cProfile: the model-free checks on the wire feed, then
    N2xx + Q109 on the Russian source-given feed (its first document, which loads the source
    resources, outside the profile)."""
    from audit.config import Config, apply
    from audit.io import read_inputs
    from audit.pipeline import Auditor

    out = io.StringIO()
    runs = (
        ("model-free checks", "profile-feed.jsonl", write_check_feed, model_free_codes()),
        ("N2xx + Q109, Russian source given", "profile-source-feed.jsonl", write_source_feed, ["N2", "Q109"]),
        (
            "N2xx + Q109, Russian source given, no paragraph repeated",
            "profile-source-distinct.jsonl",
            lambda feed, _: write_distinct_source_feed(feed, demetr=False),
            ["N2", "Q109"],
        ),
    )
    for title, name, write, codes in runs:
        feed = workdir / name
        write(feed, megabytes)
        auditor = Auditor(apply(Config(), {"select": codes}, "bench"))
        documents = read_inputs([str(feed)], source=None, source_lang=None, input_format="jsonl")
        for _ in auditor.audit([next(iter(documents))]):
            pass
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in auditor.audit(documents):
            pass
        profiler.disable()
        print(f"== {title}: {feed.name}", file=out)
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(str(ROOT / "audit"), top)
        stats.sort_stats("cumulative").print_stats(str(ROOT / "audit"), top)
    return out.getvalue()


# --------------------------------------------------------------------------- the run


@dataclass
class Report:
    meta: dict[str, Any] = field(default_factory=dict)
    backends: dict[str, dict[str, Any]] = field(default_factory=dict)
    feed: dict[str, Any] = field(default_factory=dict)
    checks: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "backends": self.backends,
            # Per core, after startup: the figure the issue's 1 MB/s target is about.
            "model_free_mb_per_s": self.checks.get("model_free", {}).get("mb_per_cpu_s_steady"),
            "dedup_speedup": self.feed.get("dedup_speedup"),
            "cache_speedup": self.feed.get("cache_speedup"),
            "meta": self.meta,
            "feed": self.feed,
            "checks": self.checks,
        }


def python_loop_seconds() -> float:
    """CPU seconds of ten million additions in a Python loop: how fast this CPU runs now.

    A shared VM's speed drifts (by up to 2x here over minutes); figures from runs with
    different loop times are not comparable.
    """
    started = time.process_time()
    total = 0
    for number in range(10_000_000):
        total += number
    return round(time.process_time() - started, 3)


def cuda_available() -> bool:
    try:
        import ctranslate2
    except ImportError:
        return False
    return bool(ctranslate2.get_cuda_device_count() > 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Reduced sizes: under two minutes on 2 cores.")
    parser.add_argument("--json", type=Path, help="Write the results here as JSON.")
    parser.add_argument("--device", choices=("auto", "cpu", "cuda"), default="auto")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads per backend (default 2).")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "mt-audit-bench")
    parser.add_argument("--output-tokens", type=int, default=36, help="Tokens every backend writes per sentence.")
    parser.add_argument("--feed-output-tokens", type=int, default=16, help="Tokens per sentence in the feed runs.")
    parser.add_argument("--skip", default="", help="Comma-separated parts to skip: backends, feed, checks.")
    parser.add_argument("--profile", action="store_true", help="Print the checks' hot spots (model-free, and source given).")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker_main(args.worker)
        return 0
    cuda = cuda_available()
    if args.device == "cuda" and not cuda:
        print(
            "bench: --device cuda, but CTranslate2 sees no CUDA device (its 4.x wheels need CUDA 12)", file=sys.stderr
        )
        return 2
    device = "cuda" if args.device == "cuda" or (args.device == "auto" and cuda) else "cpu"
    sizes = sizes_for(args.quick, device == "cuda")
    skip = {part.strip() for part in args.skip.split(",") if part.strip()}
    args.workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    report = Report(
        meta={
            "device": device,
            "threads": args.threads if device == "cpu" else None,
            "cpu_count": os.cpu_count(),
            "quick": args.quick,
            "decoding": "greedy",
            "output_tokens_per_sentence": args.output_tokens,
            "sizes": sizes.__dict__,
            # Other work on the machine slows every figure; the load average says how much there was,
            # and a fixed pure-Python loop timed at the start and the end how fast the CPU ran.
            "load_average_start": [round(x, 2) for x in os.getloadavg()],
            "python_loop_s_start": python_loop_seconds(),
            "part_s": {},
        }
    )

    hf_dir, ct2_dir = model_paths(args.workdir)
    needs_model = not {"backends", "feed"} <= skip  # the model-free checks need no model
    if needs_model and not (ct2_dir / "model.bin").is_file():
        _say(f"building the opus-mt-sized random model in {hf_dir.parent} ...")
        with _part(report, "build"):
            report.meta["build"] = run_worker("build", {"hf_dir": str(hf_dir), "ct2_dir": str(ct2_dir)})
    sentences = run_worker("inputs", {"ct2_dir": str(ct2_dir), "count": sizes.sentences})["sentences"] if needs_model else []
    base = {
        "hf_dir": str(hf_dir),
        "ct2_dir": str(ct2_dir),
        "device": device,
        "threads": args.threads,
        "output_tokens": args.output_tokens,
        "repeats": sizes.repeats,
    }
    fast_types = ("float16", "int8_float16") if device == "cuda" else ("float32", "int8")

    if "backends" not in skip:
        ordered = sorted(sentences, key=len)
        step = max(1, len(ordered) // sizes.one_at_a_time)
        subset = ordered[step // 2 :: step][: sizes.one_at_a_time]
        plan: list[tuple[str, str, dict[str, Any]]] = [
            # One sentence at a time is the slowest pass by far and long enough to be steady:
            # one repeat fewer keeps the reduced run under two minutes.
            ("hf_one_at_a_time", "hf", {"mode": "one", "sentences": subset, "repeats": max(1, sizes.repeats - 1)}),
            ("hf_batched", "hf", {"mode": "batched", "batch": sizes.hf_batch, "sentences": sentences}),
        ]
        for compute_type in fast_types:
            plan.append(
                (
                    f"ct2_{compute_type}",
                    "ct2",
                    {"compute_type": compute_type, "batch_tokens": 4096, "sentences": sentences},
                )
            )
        for round_number in range(sizes.rounds):
            for name, kind, extra in plan if round_number % 2 == 0 else plan[::-1]:
                _say(f"measuring {name} (round {round_number + 1} of {sizes.rounds}) ...")
                with _part(report, name):
                    try:
                        measured = run_worker(kind, {**base, **extra})
                    except RuntimeError as exc:
                        # One backend that cannot run here (say, CPU-only torch beside a CUDA CTranslate2)
                        # must not cost the others' figures.
                        measured = {"error": str(exc).strip().splitlines()[-1]}
                        _say(f"{name} failed: {measured['error']}")
                report.backends[name] = _better(report.backends.get(name), measured)

    if "feed" not in skip:
        _say(f"measuring de-duplication and the cache on {sizes.feed_docs} recombined documents ...")
        with _part(report, "feed"):
            report.feed = run_worker(
                "feed",
                {
                    **base,
                    "output_tokens": args.feed_output_tokens,
                    "compute_type": fast_types[-1],
                    "batch_tokens": 4096,
                    "documents": sizes.feed_docs,
                    # The feed is timed once: its passes are long enough to ride out short spikes.
                    "repeats": 1,
                },
            )

    if "checks" not in skip:
        _say(f"measuring mt-audit check on a {sizes.model_free_mb:g} MB feed ...")
        with _part(report, "checks"):
            report.checks = measure_checks(args.workdir, sizes.model_free_mb, sizes.all_stages_mb, sizes.repeats)
    report.meta["total_s"] = round(time.perf_counter() - started, 1)
    report.meta["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    report.meta["python_loop_s_end"] = python_loop_seconds()

    print(render(report))
    if args.profile:
        print(profile_checks(args.workdir, min(sizes.model_free_mb, 1.0)))
    if args.json:
        args.json.write_text(json.dumps(report.as_json(), indent=2) + "\n", encoding="utf-8")
    return 0


@contextlib.contextmanager
def _part(report: Report, name: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    spent = report.meta["part_s"].get(name, 0.0)
    report.meta["part_s"][name] = round(spent + time.perf_counter() - started, 1)


def _say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def render(report: Report) -> str:
    meta = report.meta
    lines = [
        f"mt-audit bench: device {meta['device']}"
        + (f", {meta['threads']} threads" if meta.get("threads") else "")
        + f", greedy, {meta['output_tokens_per_sentence']} output tokens per sentence, {meta['total_s']} s in all"
        + f" (CPU probe: {meta['python_loop_s_start']} s at the start, {meta['python_loop_s_end']} s at the end)",
        "",
    ]
    if report.backends:
        reference = report.backends.get("hf_batched", {}).get("tokens_per_s")
        single = report.backends.get("hf_one_at_a_time", {}).get("tokens_per_s")
        lines.append(
            "| backend | segments | output tokens/s | segments/s | peak RSS MB | vs batched | vs one-at-a-time "
            "| each round, tokens/s |"
        )
        lines.append("|---|---|---|---|---|---|---|---|")
        for name, row in report.backends.items():
            if "error" in row:
                lines.append(f"| {name} | failed: {row['error']} | | | | | | |")
                continue
            rate = row["tokens_per_s"]
            versus = f"{rate / reference:.2f}x" if reference else "-"
            versus_one = f"{rate / single:.1f}x" if single else "-"
            lines.append(
                f"| {name} | {row['segments']} | {rate:,.0f} | {row['segments_per_s']:,.1f} | "
                f"{row['peak_rss_mb']:,.0f} | {versus} | {versus_one} | "
                f"{', '.join(f'{r:,.0f}' for r in row.get('rounds_tokens_per_s', []) if r)} |"
            )
        lines.append("")
    if report.feed:
        f = report.feed
        lines += [
            (
                f"feed: {f['documents']} documents, {f['sentences']} sentences, {f['distinct_sentences']} distinct "
                f"(ct2 {f['compute_type']})"
            ),
            "| run | seconds | sentences sent to the model | model calls |",
            "|---|---|---|---|",
            f"| without de-duplication | {f['without_dedup_s']:.2f} | {f['without_dedup_model_sentences']} | - |",
            f"| with de-duplication + cache (first audit) | {f['with_dedup_s']:.2f} | {f['with_dedup_model_sentences']} | - |",
            (
                f"| second audit, unchanged feed | {f['second_audit_s']:.3f} | {f['second_audit_model_sentences']} | "
                f"{f['second_audit_model_calls']} |"
            ),
            f"dedup speedup {f['dedup_speedup']:.2f}x, cache speedup {f['cache_speedup']:.0f}x (re-translation stage)",
            (
                f"whole audit (D3xx, round trip, embeddings off): first {f['whole_audit_first_s']:.2f} s "
                f"({f['whole_audit_first_model_calls']} model calls), second {f['whole_audit_second_s']:.2f} s "
                f"({f['whole_audit_second_model_calls']} model calls), {f['whole_audit_cache_speedup']:.1f}x"
            ),
            "",
        ]
    if report.checks:
        c = report.checks
        lines += [
            (
                f"mt-audit check (startup alone: {c['startup_s']:.2f} s wall, {c['startup_cpu_s']:.2f} CPU s; "
                "'after startup' subtracts it):"
            ),
            (
                "| stages | feed MB | wall s | CPU s | MB/s | MB per CPU-second | MB/s after startup "
                "| MB per CPU-second after startup |"
            ),
            "|---|---|---|---|---|---|---|---|",
        ]
        if "resource_startup" in c:
            r = c["resource_startup"]
            lines.append(
                f"Source-side resources (NER, lemmas, tables, GeoNames, CLDR, romanisers) loaded in "
                f"{r['loading_s']:.2f} s, {r['loading_cpu_s']:.2f} CPU s ({r['process_wall_s']:.2f} s, "
                f"{r['process_cpu_s']:.2f} CPU s for the whole process, interpreter start included)."
            )
        rows = [("model-free", "model_free", c["feed_mb"])]
        if "source_given" in c:
            rows.append(("N2xx + Q109, Russian source given", "source_given", c["source_feed_mb"]))
        if "source_distinct" in c:
            rows.append(("N2xx + Q109, Russian, no paragraph repeated", "source_distinct", c["source_distinct_feed_mb"]))
        if "source_distinct_demetr" in c:
            label = "N2xx + Q109, DEMETR's 9 languages, no paragraph repeated"
            rows.append((label, "source_distinct_demetr", c["source_distinct_demetr_feed_mb"]))
        if "all_stages_precomputed" in c:
            rows.append(("all, precomputed re-translations", "all_stages_precomputed", c["all_stages_feed_mb"]))
        for label, key, mb in rows:
            row = c[key]
            lines.append(
                f"| {label} | {mb:.2f} | {row['wall_s']:.2f} | {row['cpu_s']:.2f} | {row['mb_per_s']:.3f} | "
                f"{row['mb_per_cpu_s']:.3f} | {row['mb_per_s_steady']:.3f} | {row['mb_per_cpu_s_steady']:.3f} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
